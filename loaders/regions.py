"""Which region and administrative level a document belongs to, and the context facts need.

The region comes from who issued the document, not from the places it talks about, in this
order: a place its issuers name (江苏省人民政府办公厅; a town from the town gazetteer:
湖塘镇人民政府 → 湖塘镇 under 武进区); national bodies (国务院, 中央军委, ministries, 国家X局,
全国人大常委会) make it national whatever provinces the text is about; then, without an issuer
that says, its title (中华人民共和国… is national; 上海市…条例 is Shanghai's) and plan title, then
its document-number prefix (苏政办发 → 江苏省; 镇政办发 → 镇江市 when 镇江市 is named in the
text; 嘉政发 → 嘉泽镇 likewise). When no name is given the level may still be known
(XX县人民政府, 我区 …) and the region stays ``None``: never invented.

Towns and sub-districts (乡、镇、街道、苏木) come from ``towns.csv`` beside this module: the
town level of jionlp 1.5.31's ``china_location`` dictionary (Apache-2.0), each with the GB/T
2260 code of its county; ``scripts/build_towns.py`` regenerates it.

>>> ctx = infer_context(issuers=["江苏省人民政府办公厅"], title=None, doc_number="苏政办发〔2012〕123号")
>>> (ctx.region, ctx.region_code, ctx.level, ctx.province)
('江苏省', '320000', 'province', '江苏省')
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ontology.schemes import Region, region_parent, regions, regions_by_code

# The level words a document uses about itself: 我省 / 全省 / 质量强省 …
_LEVEL_CHAR = {"省": "province", "市": "city", "县": "county", "区": "district", "镇": "town"}
_SELF_REFERENCE = re.compile(r"(?:我|全)([省市县区镇])|质量(?:强|兴)([省市县区镇])")
_ISSUER_LEVEL = re.compile(
    r"(省|自治区|市|县|区|镇|乡)(?:人民政府|政府|委员会|党委|人大|办公厅|办公室|[^，,。]{0,12}局)"
)
_DOC_PREFIX = re.compile(r"^([\u4e00-\u9fff])")
# Bodies of the central state and party: their documents are national whatever place they
# concern. Ministries and commissions (民政部, 审计署, 海关总署, 国家教委) carry no place name.
_NATIONAL_BODY = re.compile(
    r"^(?:国务院|中共中央|中央|全国人民代表大会|全国人大|全国政协|最高人民法院|最高人民检察院|"
    r"国家(?!级)|中华人民共和国)"
    r"|^[\u4e00-\u9fff]{1,10}(?:部|署|总局)$"
    r"|^(?:发展改革委|发改委|证监会|银保监会|银监会|保监会|国资委|外交部)$"
)
# A ministry-like name (…部, …署) with a place or party-committee word in it is local:
# 中共XX县委宣传部, 某市人武部.
_LOCAL_WORD = re.compile(r"中共|[省市县镇州盟旗]|区委|区政府")
_TOWN_IN_NAME = re.compile(
    r"([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木))"
    r"(?:人民政府|政府|办事处|党委|党工委|工委|委员会|人大|办公室)"
)
TOWNS_FILE = Path(__file__).with_name("towns.csv")
# A title of the central state: 中华人民共和国计量法, 国务院关于…, 全国人民代表大会常务委员会关于….
_NATIONAL_TITLE = re.compile(r"^(?:中华人民共和国|国务院|中共中央|全国人民代表大会|全国人大)")


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
    """Unambiguous regions whose full name appears in ``text``, in order of first mention.

    >>> [r.name for r in regions_named_in("南京市鼓楼区人民政府")]
    ['南京市', '鼓楼区']
    """
    found: dict[str, tuple[int, Region]] = {}
    by_head = _names_by_head()
    for pos in range(len(text) - 1):
        for name, region in by_head.get(text[pos : pos + 2], ()):
            if name not in found and text.startswith(name, pos):
                found[name] = (pos, region)
                _qualified_children(text, pos, name, region, found)
    # Drop names inside a longer found name (武进 inside 常州市武进区 is fine, 镇江 inside 镇江市).
    names = list(found)
    kept = [
        found[n] for n in names if not any(n != m and n in m and len(m) > len(n) for m in names)
    ]
    return [r for _, r in sorted(kept, key=lambda pr: pr[0])]


def _qualified_children(
    text: str, pos: int, name: str, region: Region, found: dict[str, tuple[int, Region]]
) -> None:
    # Each child is recorded under its own name at its own position, like any other place.
    """Places written right after the place that holds them (南京市鼓楼区, 阳泉市城区人民政府): a
    name shared by several places (鼓楼区, 城区) is unambiguous under the one its writer put first."""
    end = pos + len(name)
    while True:
        child = next(
            (c for c in _children(region.code) if text.startswith(c.name, end)),
            None,
        )
        if child is None:
            return
        found.setdefault(child.name, (end, child))
        end += len(child.name)
        region = child


@cache
def _children_by_parent() -> dict[str, tuple[Region, ...]]:
    index: dict[str, list[Region]] = {}
    for region in regions():
        if region.parent:
            index.setdefault(region.parent, []).append(region)
    # Longest name first, so 城区 never wins over a longer name that starts the same way.
    return {k: tuple(sorted(v, key=lambda r: -len(r.name))) for k, v in index.items()}


def _children(code: str) -> tuple[Region, ...]:
    return _children_by_parent().get(code, ()) if code else ()


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


def is_national_body(name: str) -> bool:
    """True for a body of the central state or party (no place of its own).

    >>> [is_national_body(n) for n in ("国务院办公厅", "中央军委", "民政部", "国家标准局", "市民政局")]
    [True, True, True, True, False]
    >>> is_national_body("住房和城乡建设部"), is_national_body("中共XX县委宣传部")
    (True, False)
    """
    name = name.strip()
    m = _NATIONAL_BODY.search(name)
    if not m:
        return False
    if not name.startswith(
        ("国务院", "中共中央", "中央", "全国", "最高", "国家", "中华人民共和国")
    ):
        if _LOCAL_WORD.search(name):
            return False
    return not name.startswith(("省", "市", "县", "区", "镇", "乡")) and not regions_named_in(name)


@cache
def _towns_by_name() -> dict[str, tuple[Region, ...]]:
    """Town-level places by name (several towns share a name across counties)."""
    index: dict[str, list[Region]] = {}
    with TOWNS_FILE.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for name, county in rows:
            index.setdefault(name, []).append(Region("", name, "town", county, "", ""))
    return {name: tuple(found) for name, found in index.items()}


def find_town(name: str, context: str = "") -> Region | None:
    """The town or sub-district called ``name``; where several share the name, the one whose
    county, city or province ``context`` names (else ``None``: ambiguous is unknown).

    >>> find_town("湖塘镇").parent
    '320412'
    >>> find_town("城关镇") is None
    True
    >>> find_town("城关镇", "甘肃省武山县").parent
    '620524'
    >>> find_town("城关镇", "甘肃省天水市张家川回族自治县") is None
    True
    """
    found = _towns_by_name().get(name, ())
    if len(found) == 1:
        return found[0]
    if not found or not context:
        return None
    named = [r for r in regions_named_in(context) if r.code]
    # The most specific place the context names decides: a county named rules out the
    # towns of its neighbours even when their city is named too.
    deepest = max((_RANK.get(r.level, 0) for r in named), default=0)
    codes = {r.code for r in named if _RANK.get(r.level, 0) == deepest}
    winners = [t for t in found if any(a.code in codes for a in ancestors(t)[1:])]
    return winners[0] if len(winners) == 1 else None


_COUNTY_THEN_TOWN = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?[县区市旗](?P<town>[\u4e00-\u9fff]{2,}(?:镇|乡|街道|苏木))$"
)


def _town_of_issuers(issuers: list[str], context: str) -> Region | None:
    """The town whose government (or office, Party committee) issued the document.

    A town the gazetteer lacks is still a town when its issuer says so: under the county the
    issuer names (革吉县山泉镇人民政府), or with no parent known. An anonymised name (XX镇)
    is no place.
    """
    for issuer in issuers:
        # The places written before the town (上海市嘉定区嘉定镇街道办事处) give its parent.
        rest = issuer.strip().removeprefix("中共")
        parent = ""
        for place in regions_named_in(issuer):
            if place.level != "town" and rest.startswith(place.name):
                rest = rest[len(place.name) :]
                parent = place.code
        m = _TOWN_IN_NAME.match(rest)
        if not m:
            continue
        name = m.group(1)
        split = _COUNTY_THEN_TOWN.match(name)
        if split and name not in _towns_by_name():
            # A county the gazetteer cannot place (城区 is the name of several): its town.
            name = split.group("town")
        if re.match(r"^(?:XX|xx|ＸＸ|某|×)", name) or len(name) < 2:
            continue
        town = find_town(name, issuer + " " + context)
        if town is not None and (not parent or town.parent == parent):
            return town
        return Region("", name, "town", parent, "", "")
    return None


# A development zone and its governing body: 四川天府新区管委会办公室, 南宁高新区管委会办公室,
# 中共杨凌示范区工委. A zone is no GB/T 2260 division (the gazetteer's 浦东新区 and 滨海新区 are
# districts and are found as such); it is its own place under the division its name starts with.
_ZONE_BODY = re.compile(
    r"^(?:中共)?(?P<zone>[\u4e00-\u9fff]{2,10}?(?:新区|高新区|高新技术产业开发区|经济技术开发区|"
    r"经济开发区|开发区|示范区|综合保税区|试验区))(?:管委会|管理委员会|党工委|工委)"
)
# The addressees of a zone's notice: a zone that writes to the district or county under it
# (杨凌示范区 → 杨陵区委、区政府) stands at the city's level; one that writes to its 街道, at a
# district's.
_ADDRESSES_COUNTY = re.compile(
    r"^[^。\n]{0,30}?(?:区委|区政府|县委|县政府|县\(市、区\))[^。\n]*[:：]$"
)


def _zone_of(issuers: list[str], title: str | None, text: str) -> Region | None:
    """The development zone whose body issued the document (its issuers, else its title).

    >>> z = _zone_of(["四川天府新区管委会办公室"], None, "")
    >>> (z.name, z.level, z.parent, z.code)
    ('四川天府新区', 'district', '510000', '')
    >>> _zone_of(["中共杨凌示范区工委"], None, "杨陵区委、区政府,党工委和管委会各工作部门:").level
    'city'
    >>> _zone_of(["南京市人民政府"], "南京市关于高新区建设的意见", "") is None
    True
    """
    for name in [*issuers, title or ""]:
        m = _ZONE_BODY.match(name.strip())
        if not m:
            continue
        zone = m.group("zone")
        if find_region(zone) is not None:
            return None
        # the division its name starts with, by full or short name (四川 → 四川省, 南宁 → 南宁市)
        heads = (find_region(zone[:size]) for size in range(min(6, len(zone) - 2), 1, -1))
        parent = next((r.code for r in heads if r is not None and r.code), "")
        lines = [line.strip() for line in text.split("\n")[:30]]
        level = "city" if any(_ADDRESSES_COUNTY.match(line) for line in lines) else "district"
        return Region("", zone, level, parent, "", "")
    return None


# A title that starts with a town's name: 山泉镇2011年质量强镇行动计划, 嘉泽镇关于….
_TOWN_TITLE = re.compile(r"^(?P<town>[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?=\d|关于|质量|人民政府)")


def _region_of_title(title: str | None) -> Region | None:
    """The place a title names as its own: a town it starts with, else the most specific
    place it mentions."""
    if not title:
        return None
    m = _TOWN_TITLE.match(title)
    if m and m.group("town") in _towns_by_name():
        named = _towns_by_name()[m.group("town")]
        return named[0] if len(named) == 1 else Region("", m.group("town"), "town", "", "", "")
    return _most_specific(regions_named_in(title))


# A province's name as a text says it of itself: 甘肃省 → 甘肃, 新疆维吾尔自治区 → 新疆.
_PROVINCE_SUFFIX = re.compile(r"(?:维吾尔|壮族|回族)?自治区$|省$|市$")


@cache
def _province_short_names() -> dict[str, Region]:
    return {
        _PROVINCE_SUFFIX.sub("", r.name): r
        for r in regions()
        if r.level == "province" and len(_PROVINCE_SUFFIX.sub("", r.name)) >= 2
    }


def _own_province(text: str) -> Region | None:
    """The one province a text that speaks as a province (我省, 全省, 质量强省) names, by its
    full or its short name (视察安徽 … 美好安徽), outside the titles it cites in 《》; ``None``
    when it names none or several."""
    own = re.sub(r"《[^》]*》", "", text[:3000])
    named = {r.name for r in regions_named_in(own) if r.level == "province"}
    named |= {r.name for short, r in _province_short_names().items() if short in own}
    if len(named) != 1:
        return None
    name = named.pop()
    return next(r for r in regions() if r.name == name)


def _own_county(text: str) -> Region | None:
    """The one county or district a text with no issuer names outside the titles it cites in
    《》: a county's award rules (延津县县长质量奖 … 我县), an interpretation of a county plan
    (以青阳县人民政府办公室名义印发), a district's funding rules (增城区财政预算安排). ``None`` when
    it names none or several, or names a city or province of its own (我市, 全省).

    >>> _own_county("第二条 本办法所称延津县县长质量奖 … 根据《河南省人民政府关于…的决定》")
    Region(code='410726', name='延津县', level='county', parent='410700', short='', abbr='')
    >>> _own_county("我市 … 延津县、封丘县") is None
    True
    """
    own = re.sub(r"《[^》]*》", "", text[:3000])
    if re.search(r"(?:我|全)(?:省|市)", own):
        return None
    # Two-character names (兴县, 和县) are read inside words (质量兴县, …和县…): not enough alone.
    named = {
        r.name: r
        for r in regions_named_in(own)
        if r.level in ("county", "district") and len(r.name) >= 3
    }
    return next(iter(named.values())) if len(named) == 1 else None


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
    year = plan_year(plan_title, title)
    named = [r for i in issuers for r in regions_named_in(i)]
    town = _town_of_issuers(issuers, f"{' '.join(issuers)} {title or ''} {text[:3000]}")
    region = _most_specific(named + ([town] if town else []))
    zone = _zone_of(issuers, title, text)
    if zone is not None and (region is None or _RANK.get(region.level, 0) < _RANK[zone.level]):
        region = zone
    if region is None and (
        any(is_national_body(i) for i in issuers)
        or (not issuers and title and _NATIONAL_TITLE.match(title))
    ):
        return DocContext(level="national", plan_year=year)
    if region is None and not issuers:
        region = _region_of_title(title) or _region_of_title(plan_title)
    if region is None:
        region = _region_from_doc_number(doc_number, text)
    if region is None and issuers:
        region = _region_of_title(title) or _region_of_title(plan_title)
    if region is None and not issuers and _level_from_words(issuers, text) == "province":
        region = _own_province(text)
    if region is None and not issuers and _level_from_words(issuers, text) != "national":
        region = _own_county(text)
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
