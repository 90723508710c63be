"""What the synthetic corpus says, before any text is written: documents, chains, targets.

:func:`plan_corpus` decides, deterministically from a seed, which region issues which document
in which year, which higher document each one implements (the nearest ancestor region's latest
earlier document), and the value of every target on the shared indicator concepts — cascading
from the implemented document's value, sometimes weaker. ``bench.render`` turns a plan into text.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from bench.regions import Region, add_towns, build_tree
from bench.vocab import INDICATORS, THEMES, Indicator, Theme

YEARS = tuple(range(2011, 2021))
LEVEL_ORDER = ("national", "province", "city", "county", "town")
# Share of documents per level (district counts as county); the rest goes to towns.
LEVEL_SHARE = {"national": 0.004, "province": 0.05, "city": 0.15, "county": 0.30}
TOPICS = ("action", "opinion", "scheme", "programme")
# Rough size of a level's totals relative to the nation's, for counts with no parent value.
COUNT_SCALE = {"national": 1.0, "province": 0.08, "city": 0.012, "county": 0.003, "town": 0.0008}


@dataclass
class TargetPlan:
    """One target: concept, value (and upper bound for ranges), comparator, year, cascade."""

    indicator: Indicator
    value: float | None
    value_max: float | None
    comparator: str
    year: int
    refines: TargetPlan | None = None
    weaker: bool = False
    doc: DocPlan | None = None


@dataclass
class DocPlan:
    """One document to write."""

    idx: int
    region: Region
    year: int
    topic: str
    doc_number: str = ""
    parent: DocPlan | None = None
    month: int = 1
    day: int = 1
    targets: list[TargetPlan] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)

    @property
    def level(self) -> str:
        """The issuing region's level."""
        return self.region.level

    @property
    def tier(self) -> str:
        """The level as a tier of the cascade (district and county are one tier)."""
        return "county" if self.region.level == "district" else self.region.level


def _value_fmt(v: float) -> float:
    return float(round(v, 2))


def _root_value(rng: random.Random, ind: Indicator, tier: str) -> float:
    if ind.kind == "rate":
        return min(99.0, ind.national + rng.choice((-2, 0, 0, 1, 2, 3)))
    if ind.kind == "ceiling":
        return ind.national
    return float(max(1, round(ind.national * COUNT_SCALE[tier] * rng.uniform(0.6, 1.4))))


def _child_value(rng: random.Random, parent: TargetPlan, siblings: int) -> tuple[float, bool]:
    """A lower level's value for the same concept, and whether it is weaker than the parent's."""
    ind = parent.indicator
    pv = parent.value if parent.value is not None else ind.national
    if ind.kind == "rate":
        if rng.random() < 0.15:
            return max(50.0, pv - rng.choice((1, 2, 3, 5))), True
        return min(99.5, pv + rng.choice((0, 0, 1, 2, 3))), False
    if ind.kind == "ceiling":
        if rng.random() < 0.15:
            return _value_fmt(pv * 1.5), True
        return _value_fmt(pv * rng.choice((1.0, 0.75, 0.5))), False
    share = pv / max(1, siblings) * rng.uniform(0.5, 1.6)
    return float(max(1, round(share))), False


def _comparator(rng: random.Random, ind: Indicator, value: float) -> tuple[str, float | None]:
    if ind.kind == "ceiling":
        return "<=", None
    if ind.kind == "rate":
        return (">=" if rng.random() < 0.85 else "about"), None
    if value <= 5 and rng.random() < 0.4:
        return "range", value + rng.choice((1, 2))
    return rng.choice((">=", ">=", ">=", "about")), None


def _allocate(n: int) -> dict[str, int]:
    quotas = {lvl: int(math.floor(n * share)) for lvl, share in LEVEL_SHARE.items()}
    quotas["national"] = max(1, min(len(YEARS), quotas["national"]))
    quotas["town"] = n - sum(quotas.values())
    return quotas


def _slots(rng: random.Random, regions: list[Region], count: int) -> list[tuple[Region, int, str]]:
    """``count`` distinct (region, year, topic) triples spread round-robin over ``regions``."""
    combos = {id(r): [(y, t) for y in YEARS for t in TOPICS] for r in regions}
    for c in combos.values():
        rng.shuffle(c)
    out: list[tuple[Region, int, str]] = []
    order = list(regions)
    rng.shuffle(order)
    while len(out) < count and order:
        for region in order:
            if len(out) >= count:
                break
            if combos[id(region)]:
                y, t = combos[id(region)].pop()
                out.append((region, y, t))
        order = [r for r in order if combos[id(r)]]
    return out


def _number_prefix(doc: DocPlan) -> str:
    short = doc.region.short
    if doc.level == "national":
        return "国办发" if doc.topic != "programme" else "国发"
    if doc.level in ("province", "city"):
        return f"{short}政办发" if doc.topic != "programme" else f"{short}政发"
    return f"{short}质强发" if doc.topic == "scheme" else f"{short}政发"


def plan_corpus(n: int, seed: int) -> list[DocPlan]:
    """Plan ``n`` documents (national → town) with implementation chains and cascading targets."""
    rng = random.Random(seed)
    root = build_tree()
    quotas = _allocate(n)
    active = _active_regions(rng, root, quotas)

    docs: list[DocPlan] = []
    # Documents per region, so a child finds the latest earlier document of its nearest ancestor.
    issued_by: dict[int, list[DocPlan]] = {}
    counters: dict[tuple[str, int], int] = {}
    spill = 0
    for tier in LEVEL_ORDER:
        want = quotas[tier] + spill
        slots = _slots(rng, active[tier], want)
        spill = want - len(slots)  # a level out of (region, year, topic) room passes the rest down
        slots.sort(key=lambda s: (s[1], s[0].code or s[0].name, s[2]))
        for region, year, topic in slots:
            doc = DocPlan(len(docs), region, year, topic)
            doc.month, doc.day = rng.randint(1, 12), rng.randint(1, 28)
            doc.parent = _find_parent(region, year, issued_by, rng)
            prefix = _number_prefix(doc)
            counters[(prefix, year)] = counters.get(
                (prefix, year), rng.randint(1, 40)
            ) + rng.randint(1, 6)
            doc.doc_number = f"{prefix}〔{year}〕{counters[(prefix, year)]}号"
            doc.themes = rng.sample(list(THEMES), k=rng.randint(5, 9) if tier != "town" else 4)
            _plan_targets(rng, doc)
            docs.append(doc)
            issued_by.setdefault(id(region), []).append(doc)
    return docs


def _tier(region: Region) -> str:
    return "county" if region.level == "district" else region.level


def _active_regions(
    rng: random.Random, root: Region, quotas: dict[str, int]
) -> dict[str, list[Region]]:
    """Regions that issue documents, about four each over the ten years, chosen under the
    higher regions that do, so that implementation chains run through every level."""
    active: dict[str, list[Region]] = {"national": [root]}
    higher: list[Region] = [root]
    per_region = 4
    for tier in LEVEL_ORDER[1:]:
        want = max(1, math.ceil(quotas[tier] / per_region))
        if tier == "town":
            counties = active["county"] or [r for r in higher if r.level != "national"]
            per_county = max(3, math.ceil(want / max(1, len(counties))))
            for county in counties:
                add_towns(county, per_county, rng)
        candidates = [c for h in higher for c in h.children if _tier(c) == tier]
        if tier == "province" and quotas[tier] < len(candidates) * per_region:
            # Few documents: concentrate them in a few provinces so chains stay deep.
            want = max(1, math.ceil(quotas[tier] / per_region))
        active[tier] = rng.sample(candidates, k=min(want, len(candidates)))
        higher += active[tier]
    return active


def _find_parent(
    region: Region, year: int, issued_by: dict[int, list[DocPlan]], rng: random.Random
) -> DocPlan | None:
    for ancestor in region.chain()[1:]:
        earlier = [d for d in issued_by.get(id(ancestor), []) if d.year <= year]
        if earlier:
            latest = max(d.year for d in earlier)
            return rng.choice([d for d in earlier if d.year == latest])
    return None


def _plan_targets(rng: random.Random, doc: DocPlan) -> None:
    province = doc.region.ancestor("province")
    allowed = [
        i
        for i in INDICATORS
        if doc.level in i.levels
        # "<province>名牌产品" reads naturally only for 省 (not 直辖市 or 自治区).
        and not (
            i.key == "provincial-famous-brand" and not (province and province.name.endswith("省"))
        )
    ]
    year = doc.year + 4 if doc.topic == "programme" else doc.year
    chosen: list[tuple[Indicator, TargetPlan | None]] = []
    if doc.parent is not None:
        for t in doc.parent.targets:
            if t.indicator in allowed and t.value is not None and rng.random() < 0.75:
                chosen.append((t.indicator, t))
    taken = {ind.key for ind, _ in chosen}
    extra = [i for i in allowed if i.key not in taken]
    want_new = rng.randint(1, 2) if chosen else rng.randint(5, 7)
    for ind in rng.sample(extra, k=min(want_new, len(extra))):
        chosen.append((ind, None))
    siblings = len(doc.region.parent.children) if doc.region.parent else 1
    for ind, parent_target in chosen:
        if parent_target is not None:
            value, weaker = _child_value(rng, parent_target, siblings)
        else:
            value, weaker = _root_value(rng, ind, doc.tier), False
        comparator, value_max = _comparator(rng, ind, value)
        doc.targets.append(
            TargetPlan(ind, value, value_max, comparator, year, parent_target, weaker, doc)
        )
    # Lower levels sometimes state a relative target ("高于全区平均水平"): no number at all.
    if doc.tier in ("county", "town") and rng.random() < 0.3:
        ind = next(i for i in INDICATORS if i.key == "national-spot-check-pass-rate")
        if all(t.indicator is not ind for t in doc.targets):
            doc.targets.append(TargetPlan(ind, None, None, "relative", year, None, False, doc))
