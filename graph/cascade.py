"""Target cascades: which higher-level target each lower-level target refines (``pkg:refines``).

A target refines a higher one when both measure the same indicator concept, the lower
document's region lies within the higher one's (or the lower document implements the higher,
transitively), the higher document is no later, and it was still in force when the lower
target was set: a document repealed (宣布失效) by a decision of year Y is no basis for targets
set in Y or later (the order within one year is unknown, so the repeal year counts as gone).
Higher targets on the lower document's own implementation chain come first; a link made on
the concept and the region alone is marked ``pkg:refinesBasis "concept-only"`` (``"chain"``
otherwise) so a reader can weigh it. Only the nearest level is linked, so the cascade is a
tree: 江苏名牌 — the province's 900 (2012) is refined by 镇江市's 138 (2014); 嘉泽镇's 1 (2016)
is not linked to it, because the 2012 plan was repealed in 2016 and 嘉泽镇 lies in 常州市.

On each link: ``pkg:weaker`` for rates and ratios (%, 合格率, 覆盖率, 满意度) when the lower level
is less ambitious in the same unit and direction; ``pkg:share`` (lower / higher) for counts,
which are shares of the higher total and not comparable. ``pkg:notTakenUpBy`` records the
concepts a higher document set that a lower one implementing it did not take up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.closure import reachable
from graph.iris import parse_doc_number
from graph.mapping import boolean, decimal, nn
from graph.regions import LEVEL_RANK
from graph.sparql import number, select, value
from graph.store import Store
from ontology import terms as t

DOC_GRAPHS = t.GRAPH_BASE + "doc/"
RATE_UNITS = {"%", "‰", "个百分点"}
RATE_WORDS = ("率", "满意度", "比重", "占比", "覆盖")
COUNT_UNITS = {
    "个",
    "只",
    "家",
    "项",
    "件",
    "种",
    "人",
    "所",
    "座",
    "批",
    "名",
    "户",
    "次",
    "台",
    "处",
}


@dataclass(frozen=True)
class TargetRow:
    """A target with what the cascade needs to know about it and its document."""

    iri: str
    doc: str
    concept: str
    indicator: str
    value: float | None
    unit: str | None
    comparator: str
    year: int | None
    doc_year: int | None
    level: str
    region: str | None

    @property
    def rank(self) -> int | None:
        """0 national … 4 town; ``None`` when the document's level is unknown."""
        return LEVEL_RANK.get(self.level)

    @property
    def is_rate(self) -> bool:
        """Rates and ratios can be compared across levels; counts cannot."""
        return (
            (self.unit in RATE_UNITS)
            or any(w in self.indicator for w in RATE_WORDS)
            and (self.unit is None or self.unit in RATE_UNITS)
        )

    @property
    def when(self) -> int | None:
        """The year the target was set: the document's, else the target's own year."""
        return self.doc_year or self.year


@dataclass
class CascadeResult:
    """The cascade graph's triples and counts for the load report."""

    triples: set[ox.Triple] = field(default_factory=set)
    links: int = 0
    weaker: int = 0
    not_taken_up: int = 0


def stored_targets(store: Store) -> list[TargetRow]:
    """Every target with an indicator concept, in the documents' graphs."""
    rows = select(
        store,
        f"""SELECT ?target ?doc ?concept ?indicator ?value ?unit ?cmp ?year ?issued ?published
                   ?level ?region WHERE {{
          GRAPH ?g {{
            ?target a pkg:Target ; pkg:targetOf ?doc ; pkg:indicator ?concept ;
                    pkg:indicatorLabel ?indicator ; pkg:comparator ?cmp .
            OPTIONAL {{ ?target sdmx-measure:obsValue ?value }}
            OPTIONAL {{ ?target pkg:unit ?unit }}
            OPTIONAL {{ ?target sdmx-dimension:refPeriod ?year }}
            OPTIONAL {{ ?doc pkg:level ?level }}
            OPTIONAL {{ ?doc eli:date_document ?issued }}
            OPTIONAL {{ ?doc eli:date_publication ?published }}
            OPTIONAL {{ ?doc eli:jurisdiction ?region }} }}
          FILTER(STRSTARTS(STR(?g), "{DOC_GRAPHS}")) }}""",
    )
    targets = []
    for row in rows:
        level_iri = value(row["level"]) or ""
        issued = value(row["issued"]) or value(row["published"])
        year = value(row["year"])
        targets.append(
            TargetRow(
                iri=str(value(row["target"])),
                doc=str(value(row["doc"])),
                concept=str(value(row["concept"])),
                indicator=str(value(row["indicator"])),
                value=number(row["value"]),
                unit=value(row["unit"]),
                comparator=str(value(row["cmp"])),
                year=int(year[:4]) if year and year[:4].isdigit() else None,
                doc_year=int(issued[:4]) if issued and issued[:4].isdigit() else None,
                level=level_iri.rsplit("/", 1)[-1],
                region=value(row["region"]),
            )
        )
    return sorted(targets, key=lambda x: x.iri)


def region_ancestors(store: Store) -> dict[str, set[str]]:
    """For every region, the regions containing it (through ``pkg:within``, any graph)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for row in select(store, "SELECT DISTINCT ?r ?up WHERE { ?r pkg:within ?up }"):
        edges[str(value(row["r"]))].add(str(value(row["up"])))
    return reachable(edges)


def implementation_closure(store: Store) -> dict[str, set[str]]:
    """For every document, the documents it implements, directly or through others."""
    edges: dict[str, set[str]] = defaultdict(set)
    for a, b in implementation_links(store):
        edges[a].add(b)
    return reachable(edges)


#: the asserted graphs only: the inferred graph of an earlier run may hold links the current
#: ones no longer imply, and a fresh load links before anything is inferred
ASSERTED = f"FILTER(?g != <{t.GRAPH_INFERRED}>)"


def implementation_links(store: Store) -> set[tuple[str, str]]:
    """(lower, higher) for every asserted ``eli:ensures_implementation_of`` link."""
    rows = select(
        store,
        f"SELECT DISTINCT ?a ?b WHERE {{ GRAPH ?g {{ ?a eli:ensures_implementation_of ?b }} {ASSERTED} }}",
    )
    return {(str(value(row["a"])), str(value(row["b"]))) for row in rows}


def repeal_years(store: Store) -> dict[str, int]:
    """For every repealed document, the year of the decision that repealed it (its date, else
    the year in its document number); documents with no known repeal year are left out."""
    years: dict[str, int] = {}
    rows = select(
        store,
        f"""SELECT DISTINCT ?doc ?number ?date WHERE {{
             {{ GRAPH ?g {{ ?doc eli:repealed_by ?by }} {ASSERTED} }}
             UNION {{ GRAPH ?g {{ ?by eli:repeals ?doc }} {ASSERTED} }}
             OPTIONAL {{ ?by eli:id_local ?number }}
             OPTIONAL {{ ?by eli:date_document ?date }} }}""",
    )
    for row in rows:
        date = value(row["date"])
        parsed = parse_doc_number(value(row["number"]))
        year = int(date[:4]) if date and date[:4].isdigit() else parsed.year if parsed else None
        doc = str(value(row["doc"]))
        if year is not None:
            years[doc] = min(year, years.get(doc, year))
    return years


def _is_higher(
    low: TargetRow,
    high: TargetRow,
    within: dict[str, set[str]],
    implements: dict[str, set[str]],
    repealed: dict[str, int] | None = None,
) -> bool:
    if high.doc == low.doc or high.concept != low.concept:
        return False
    gone = (repealed or {}).get(high.doc)
    if gone is not None and low.when is not None and low.when >= gone:
        return False
    contained = bool(low.region and high.region and high.region in within.get(low.region, ()))
    if not (contained or high.doc in implements.get(low.doc, ())):
        return False
    if low.rank is not None and high.rank is not None and high.rank >= low.rank:
        return False
    return not (high.when is not None and low.when is not None and high.when > low.when)


def concept_followers(store: Store) -> set[tuple[str, str]]:
    """(lower document, higher document) pairs where a lower target could refine a higher one
    by concept, region or chain and dates, whether or not the higher document was still in
    force: a town may reuse the wording of a plan repealed before it wrote its own, so text
    heritage (:mod:`graph.alignment`) asks this wider question than the cascade does."""
    return followers_of(
        stored_targets(store), region_ancestors(store), implementation_closure(store)
    )


def followers_of(
    targets: list[TargetRow], within: dict[str, set[str]], implements: dict[str, set[str]]
) -> set[tuple[str, str]]:
    """:func:`concept_followers` over targets and links already read."""
    pools = _CandidatePools(targets)
    pairs: set[tuple[str, str]] = set()
    for low in targets:
        for high in pools.candidates(low, within, implements):
            if (low.doc, high.doc) not in pairs and _is_higher(low, high, within, implements):
                pairs.add((low.doc, high.doc))
    return pairs


class _CandidatePools:
    """Targets indexed by (concept, document) and (concept, region): only those can be higher
    than a target (same concept, in a document it implements or a region containing its own),
    so the passes stay near-linear — comparing every pair of targets on a concept took
    minutes at 10,000 documents."""

    def __init__(self, targets: list[TargetRow]) -> None:
        self.by_doc: dict[tuple[str, str], list[TargetRow]] = defaultdict(list)
        self.by_region: dict[tuple[str, str], list[TargetRow]] = defaultdict(list)
        for target in targets:
            self.by_doc[(target.concept, target.doc)].append(target)
            if target.region:
                self.by_region[(target.concept, target.region)].append(target)

    def candidates(
        self, low: TargetRow, within: dict[str, set[str]], implements: dict[str, set[str]]
    ) -> list[TargetRow]:
        """The targets that may be higher than ``low``, each once."""
        keys = [(low.concept, d) for d in implements.get(low.doc, ())]
        keys += [(low.concept, r) for r in (within.get(low.region, ()) if low.region else ())]
        # by identity, as a target read twice (two jurisdictions) is two rows
        pool = {
            id(h): h
            for key in keys
            for h in (*self.by_doc.get(key, ()), *self.by_region.get(key, ()))
        }
        return list(pool.values())


def compute_cascade(store: Store) -> CascadeResult:
    """Link every target to the nearest higher target it refines; mark weak links and shares."""
    return cascade_of(
        stored_targets(store),
        region_ancestors(store),
        implementation_closure(store),
        repeal_years(store),
    )


def cascade_of(
    targets: list[TargetRow],
    within: dict[str, set[str]],
    implements: dict[str, set[str]],
    repealed: dict[str, int],
) -> CascadeResult:
    """The cascade of these targets (a pure function: an incremental load runs it on the
    store before and after the new documents and writes the difference)."""
    result = CascadeResult()
    refined_pairs: set[tuple[str, str]] = set()
    pools = _CandidatePools(targets)
    for low in targets:
        candidates = [
            h
            for h in pools.candidates(low, within, implements)
            if _is_higher(low, h, within, implements, repealed)
        ]
        if not candidates:
            continue
        on_chain = [h for h in candidates if h.doc in implements.get(low.doc, ())]
        # the document's own chain first; then the nearest level, the latest, a stable order
        high = max(on_chain or candidates, key=lambda h: (h.rank or 0, h.when or 0, h.iri))
        basis = "chain" if on_chain else "concept-only"
        result.triples.add(ox.Triple(nn(low.iri), nn(t.PKG_REFINES), nn(high.iri)))
        result.triples.add(ox.Triple(nn(low.iri), nn(t.PKG_REFINES_BASIS), ox.Literal(basis)))
        result.links += 1
        refined_pairs.add((low.doc, high.doc))
        _compare(result, low, high)
    _not_taken_up(result, targets, within, implements, refined_pairs)
    return result


def _compare(result: CascadeResult, low: TargetRow, high: TargetRow) -> None:
    """Weaker for rates in the same unit and direction; the share for counts."""
    if low.value is None or high.value is None:
        return
    if low.is_rate and high.is_rate:
        if low.unit != high.unit or _direction(low) != _direction(high):
            return
        weaker = low.value < high.value if _direction(low) == "up" else low.value > high.value
        result.triples.add(ox.Triple(nn(low.iri), nn(t.PKG_WEAKER), boolean(weaker)))
        result.weaker += int(weaker)
    elif high.value > 0 and _countable(low) and _countable(high):
        result.triples.add(
            ox.Triple(nn(low.iri), nn(t.PKG_SHARE), decimal(round(low.value / high.value, 4)))
        )


def _direction(target: TargetRow) -> str:
    """ "down" for ceilings (事故率控制在…以内), "up" for floors and plain values."""
    return "down" if target.comparator == "<=" else "up"


def _countable(target: TargetRow) -> bool:
    return target.unit is None or target.unit in COUNT_UNITS


def _not_taken_up(
    result: CascadeResult,
    targets: list[TargetRow],
    within: dict[str, set[str]],
    implements: dict[str, set[str]],
    refined_pairs: set[tuple[str, str]],
) -> None:
    """``higher target pkg:notTakenUpBy lower document`` for concepts a follower left out.

    A lower document follows a higher one when it implements it (transitively) or, lying
    within its region, refines at least one of its targets.
    """
    by_doc: dict[str, list[TargetRow]] = defaultdict(list)
    for target in targets:
        by_doc[target.doc].append(target)
    followers: set[tuple[str, str]] = set(refined_pairs)
    for low_doc in by_doc:
        for high_doc in implements.get(low_doc, ()):
            if high_doc in by_doc:
                followers.add((low_doc, high_doc))
    for low_doc, high_doc in sorted(followers):
        taken = {x.concept for x in by_doc.get(low_doc, [])}
        for high in by_doc[high_doc]:
            if high.concept not in taken:
                result.triples.add(ox.Triple(nn(high.iri), nn(t.PKG_NOT_TAKEN_UP_BY), nn(low_doc)))
                result.not_taken_up += 1
