"""Which region and administrative level a document belongs to, and the context facts need.

The region comes from what the document says about itself, in this order: its issuers, its
title and plan title, then its document-number prefix (苏政办发 → 江苏省; 镇政办发 → 镇江市 when
镇江市 is named in the text; 嘉政发 → 嘉泽镇 likewise). When no name is given the level may still
be known (XX县人民政府, 我区 …) and the region stays ``None``: never invented.

>>> ctx = infer_context(issuers=["江苏省人民政府办公厅"], title=None, doc_number="苏政办发〔2012〕123号")
>>> (ctx.region, ctx.region_code, ctx.level, ctx.province)
('江苏省', '320000', 'province', '江苏省')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ontology.schemes import Region, region_parent, regions, regions_by_code

# The level words a document uses about itself: 我省 / 全省 / 质量强省 …
_LEVEL_CHAR = {"省": "province", "市": "city", "县": "county", "区": "district", "镇": "town"}
_SELF_REFERENCE = re.compile(r"(?:我|全)([省市县区镇])|质量(?:强|兴)([省市县区镇])")
_ISSUER_LEVEL = re.compile(
    r"(省|自治区|市|县|区|镇|乡)(?:人民政府|政府|委员会|党委|人大|办公厅|办公室|[^，,。]{0,12}局)"
)
_DOC_PREFIX = re.compile(r"^([\u4e00-\u9fff])")


@dataclass(frozen=True)
class DocContext:
    """What a fact extractor needs to know about the issuing document.

    ``region`` is the document's own region (full name) or ``None``; ``province`` and ``city``
    are its ancestors where known, used to expand 省 / 市 abbreviations; ``plan_year`` is the
    year an annual plan is for (``None`` when the plan is not annual or the year is hidden).
    """

    region: str | None = None
    region_code: str | None = None
    level: str = "unknown"
    province: str | None = None
    city: str | None = None
    county: str | None = None
    plan_year: int | None = None

    def region_for(self, prefix: str) -> str | None:
        """The region an abbreviation prefix stands for here: 省 → province, 市 → city …"""
        level = _LEVEL_CHAR.get(prefix)
        if level == "province":
            return self.province
        if level == "city":
            return self.city
        if level is not None and level == self.level:
            return self.region
        if level in ("county", "district"):
            return self.county
        return None


def find_region(name: str) -> Region | None:
    """The gazetteer entry with this exact full or short name (江苏省, 江苏, 嘉泽镇).

    Names shared by several places (鼓楼区) give ``None``: ambiguous is unknown.

    >>> find_region("镇江").code
    '321100'
    >>> find_region("鼓楼区") is None
    True
    """
    hits = _regions_by_name().get(name, ())
    return hits[0] if len(hits) == 1 else None


@cache
def _regions_by_name() -> dict[str, tuple[Region, ...]]:
    """Gazetteer entries by full and short name: a scan per look-up was most of extraction time."""
    index: dict[str, list[Region]] = {}
    for region in regions():
        for key in {region.name, region.short}:
            index.setdefault(key, []).append(region)
    return {key: tuple(found) for key, found in index.items()}


def ancestors(region: Region) -> list[Region]:
    """The region and every entry above it, nearest first (嘉泽镇, 武进区, 常州市, 江苏省, 中国)."""
    chain = [region]
    parent = region_parent(region)
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = region_parent(parent)
    return chain


def regions_named_in(text: str) -> list[Region]:
    """Unambiguous regions whose full name appears in ``text``, in order of first mention."""
    found: dict[str, tuple[int, Region]] = {}
    by_head = _names_by_head()
    for pos in range(len(text) - 1):
        for name, region in by_head.get(text[pos : pos + 2], ()):
            if name not in found and text.startswith(name, pos):
                found[name] = (pos, region)
    # Drop names inside a longer found name (武进 inside 常州市武进区 is fine, 镇江 inside 镇江市).
    names = list(found)
    kept = [
        found[n] for n in names if not any(n != m and n in m and len(m) > len(n) for m in names)
    ]
    return [r for _, r in sorted(kept, key=lambda pr: pr[0])]


@cache
def _names_by_head() -> dict[str, tuple[tuple[str, Region], ...]]:
    """Unambiguous full names (two characters or more, below the national level) by their
    first two characters: one pass over a text finds them all (a find per name was a quarter
    of extraction time)."""
    index: dict[str, list[tuple[str, Region]]] = {}
    for region in regions():
        if len(region.name) < 2 or region.level == "national":
            continue
        if find_region(region.name) is region:
            index.setdefault(region.name[:2], []).append((region.name, region))
    return {head: tuple(names) for head, names in index.items()}


_RANK = {"national": 0, "province": 1, "city": 2, "county": 3, "district": 3, "town": 4}


def _most_specific(candidates: list[Region]) -> Region | None:
    if not candidates:
        return None
    return max(candidates, key=lambda r: _RANK.get(r.level, 0))


def _region_from_doc_number(doc_number: str | None, text: str) -> Region | None:
    """苏政办发 → 江苏省 (province abbreviation); 镇政办发 → a region named in the text starting with 镇."""
    if not doc_number:
        return None
    m = _DOC_PREFIX.match(doc_number)
    if not m:
        return None
    char = m.group(1)
    named = [r for r in regions_named_in(text) if r.name.startswith(char)]
    if named:
        counts = Counter(r.name for r in named)
        return next(r for r in named if r.name == counts.most_common(1)[0][0])
    provinces = [r for r in regions() if r.level == "province" and r.abbr == char]
    return provinces[0] if len(provinces) == 1 else None


def _level_from_words(issuers: Iterable[str], text: str) -> str:
    """The level a document without a region name speaks from (XX县 → county, 我区 → district)."""
    for issuer in issuers:
        if "国务院" in issuer:
            return "national"
        m = _ISSUER_LEVEL.search(issuer)
        if m:
            return {"自治区": "province", "乡": "town"}.get(
                m.group(1), _LEVEL_CHAR.get(m.group(1), "unknown")
            )
    counts: Counter[str] = Counter()
    for m in _SELF_REFERENCE.finditer(text):
        counts[_LEVEL_CHAR[m.group(1) or m.group(2)]] += 1
    if not counts:
        return "unknown"
    return counts.most_common(1)[0][0]


_PLAN_YEAR = re.compile(r"(?<![0-9\-—–－~至])((?:19|20)[0-9]{2})年(?:度)?(?![0-9\-—–－~至])")


def plan_year(*titles: str | None) -> int | None:
    """The year of an annual plan from its title (2012年行动计划 → 2012); ranges do not count.

    >>> plan_year("江苏省贯彻实施质量发展纲要2012年行动计划")
    2012
    >>> plan_year("XX县质量强县规划(20XX-20XX年)") is None
    True
    >>> plan_year("质量发展纲要(2011-2020年)") is None
    True
    """
    for title in titles:
        if not title:
            continue
        m = _PLAN_YEAR.search(title)
        if m:
            return int(m.group(1))
    return None


def infer_context(
    *,
    issuers: Iterable[str] = (),
    title: str | None,
    plan_title: str | None = None,
    doc_number: str | None = None,
    text: str = "",
) -> DocContext:
    """Region, code, level, ancestors and plan year of a document, from what it says."""
    issuers = [i for i in issuers if i]
    region = _most_specific([r for i in issuers for r in regions_named_in(i)])
    if region is None:
        region = _most_specific([r for t in (title, plan_title) if t for r in regions_named_in(t)])
    if region is None:
        region = _region_from_doc_number(doc_number, text)
    year = plan_year(plan_title, title)
    if region is None:
        return DocContext(level=_level_from_words(issuers, text), plan_year=year)
    chain = ancestors(region)
    province = next((r.name for r in chain if r.level == "province"), None)
    city = next((r.name for r in chain if r.level == "city"), None)
    county = next((r.name for r in chain if r.level in ("county", "district")), None)
    return DocContext(
        region=region.name,
        region_code=region.code or None,
        level=region.level,
        province=province,
        city=city,
        county=county,
        plan_year=year,
    )


def region_code(name: str) -> str | None:
    """GB/T 2260 code of an unambiguous region name, or ``None``.

    >>> region_code("武进区")
    '320412'
    """
    region = find_region(name)
    return region.code or None if region else None


__all__ = [
    "DocContext",
    "ancestors",
    "find_region",
    "infer_context",
    "plan_year",
    "region_code",
    "regions_by_code",
    "regions_named_in",
]
