"""Quantitative targets: indicator, number (or range), unit, comparator and year.

A target is a number with a unit (or a bare number bound by 以上/以内 after 达/控制在) that a
sentence sets as a goal: "国家监督抽查合格率稳定在90%以上", "新建农业标准化示范区20个",
"全年完成采标1—2项", or a relative goal with no number, "高于全区平均水平".

Numbers that are not targets never become targets: years and dates, document numbers, section
numbers, standard codes (GB/T19580, ISO9000), 十一五 / 十八届, and scope qualifiers
("年销售在2000万元以上的工业企业…认证率85%以上": the 2000万元 is a scope, the 85% the target).
Chinese numerals count only in years (二0一六年); counts written in Chinese (八项重点工程,
一期培训班) are prose, not goals.

>>> q = parse_quantity("不少于30家")
>>> (q.value, q.value_max, q.unit, q.comparator)
(30.0, None, '家', '>=')
>>> q = parse_quantity("2—3只")
>>> (q.value, q.value_max, q.unit, q.comparator)
(2.0, 3.0, '只', 'range')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.numerals import parse_number, parse_year
from loaders.record import Target
from loaders.regions import DocContext
from ontology.schemes import indicators

UNITS = (
    "个百分点",
    "个月",
    "百分点",
    "%",
    "％",
    "亿元",
    "万元",
    "元",
    "人次",
    "家",
    "个",
    "项",
    "件",
    "人",
    "只",
    "种",
    "台",
    "座",
    "名",
    "户",
    "所",
    "批",
    "套",
    "亩",
    "公顷",
    "吨",
    # 分钟 before the score unit below, so a time is not read as a score
    "分钟",
    "分",
)
# 分 is a score: 市民食品安全基本知识知晓度评分91分以上 (上海市2024年度食品安全工作责任清单, round 4).
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUM = r"\d+(?:[.·．]\d+)?"
_MULT = r"(?:万|亿)(?!元|吨)"
_SEP = r"(?:—|–|-|－|~|～|至|到)"
_QUANTITY = re.compile(
    # 突破130件 (a floor), 近100个 (about): 武汉 brand opinion, 泉州 plan report (round 3).
    rf"(?P<pre>不少于|不低于|不超过|不高于|至少|控制在|超过|突破|近(?=\d))?"
    rf"(?P<v1>{_NUM})(?P<m1>{_MULT})?(?P<u1>{_UNIT})?"
    rf"(?:\s*{_SEP}\s*(?P<v2>{_NUM})(?P<m2>{_MULT})?)?"
    # a bracket that includes the bound before 以上: 总分值在90分(含90分)以上 (任城区, round 2)
    rf"\s*(?P<unit>{_UNIT})?(?:[(（]含[^()（）]{{1,10}}[)）])?(?P<post>及以上|以上|以下|以内|左右)?"
)
_RELATIVE = re.compile(
    r"(?P<verb>达到或超过|高于|低于|超过|达到|接近|不低于)"
    r"(?P<ref>全[国省市州区县镇]|同行业|全行业)(?:的)?(?:平均|先进)水平"
)
_CLAUSE_BREAK = "，,；;。：:()（）\n"
_SEGMENT_BREAK = "；;。\n"
_TARGET_VERBS = re.compile(
    r"新建|建成|建立|完成|培育|达到|争创|创建|创立|发展|新增|申报|制定|实施|推荐|认定|提出|"
    r"上报|形成|争取|力争|确保|获得|培训|保有|新创|引进|扶持|建设|打造|推出|推动|"
    # selecting the units a plan will work on: 选树1—2个领军企业 (泉州), 选择1-3个块状产业 (温州)
    r"选树|选择|遴选"
)
# A five-year plan period: 九五 / 十一五 (十五 only in quotes: 十五日内 is a time limit).
_ERA = r"(?:十[一二三四]五|[八九]五|(?<=“)十五)"
_LEADING_FILLER = re.compile(
    r"^(?:其中|确保|力争|争取|全年|年内|年底前|并|使|进一步|同时|都|要|且|"
    rf"(?:到|至)(?:\d{{4}}|20XX|今年)?年(?:底|末)?|至今年年底|至年底|在|“?{_ERA}”?末)+"
)
_TRAILING_VERB = re.compile(
    r"(?:均|分别)?(?:要)?(?:稳定在|保持在|控制在|提高到|提高|下降|降低|增加|达到|达|在|为|不少于|不低于|不超过|有|的争取|争取|力争)$"
)
_LEADING_VERB = re.compile(r"^(?:申报|新建|建成|创建|创立|争创|完成|培育|新增|新认定|认定)")
# Five-year plan periods by their end year; 八五/九五 in the 1990s documents (国办发〔1997〕2号:
# 通过“九五”期间的努力，使其成为率先具备抗御6级左右地震能力…的样板地区).
_SPECIAL_ERAS = {
    "八五": 1995,
    "九五": 2000,
    "十五": 2005,
    "十一五": 2010,
    "十二五": 2015,
    "十三五": 2020,
    "十四五": 2025,
}
_YEAR_SPEC = re.compile(
    r"(?:到|至|在)?(?P<y>[0-9０-９○〇零一二三四五六七八九X]{2}[0-9０-９○〇零一二三四五六七八九X]{2})年(?:底|末)?(?!度)"
    r"|(?P<cur>全年|年内|年底|今年)"
    rf"|“?(?P<era>{_ERA})”?(?:末|期间)"
)


_YEAR_DIGITS = r"[0-9０-９○〇零一二三四五六七八九X]{4}"
# Where a document that is not a dated plan states goals (公文: 目标 / 指标 sections, "到2020年，…"
# sentences, 力争 / 确保 clauses). Outside them its numbers are rules, parameters or facts.
_GOAL_CUE = re.compile(
    rf"目标|力争|争取|确保|(?:到|至)\s*{_YEAR_DIGITS}\s*年|{_YEAR_DIGITS}\s*年(?:底|末)?(?:前|以前)"
    rf"|{_YEAR_DIGITS}\s*年(?:底|末)?(?:要|将)?(?:达到|实现|突破)"
    rf"|“?{_ERA}”?(?:末|期间)"
    # "将X稳定在/控制在/降至N": a value the text sets (国函〔2018〕159号: 将雄安新区蓝绿空间占比稳定在
    # 70%，远景开发强度控制在30%; 国办发〔2019〕6号: 逐步将平均担保费率降至1%以下).
    r"|将[^。；;，,]{2,20}?(?:稳定在|控制在|提高到|提升到|降至|降低到)\s*\d"
)
# 指标 alone names a measuring scheme (考核指标体系); goals are 目标 or 主要/具体/预期指标.
_GOAL_WORD = r"(?:目标|(?:主要|具体|预期性?|约束性)指标)"
_GOAL_HEADING = re.compile(_GOAL_WORD)
# A paragraph that opens with a goal label or a year scope: "具体指标：…", "（三）发展目标。到2025年，…".
_ITEM_NUMBER = r"\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*)?"
_GOAL_LEAD = re.compile(rf"^{_ITEM_NUMBER}[^。，,：:]{{0,10}}{_GOAL_WORD}\s*[。：:]")
_YEAR_LEAD = re.compile(
    rf"^{_ITEM_NUMBER}(?:[^。，,：:]{{0,10}}[。：:])?\s*(?:到|至)\s*(?P<y>{_YEAR_DIGITS})\s*年"
)
# The same without 到: "2023年,质量强省建设稳步推进。…合格率稳定在92%以上" (河北 行动方案: goals
# for the year it is issued in and for 2025, one paragraph each).
_YEAR_COMMA_LEAD = re.compile(rf"^{_ITEM_NUMBER}(?P<y>{_YEAR_DIGITS})\s*年(?:底|末)?[,，]")
_HEADING_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．])"
    r"(?P<heading>[^。；;\n]{1,30})$",
    re.MULTILINE,
)
# Numbers inside penalties, time limits and formulas are never goals: 处一千元以上三千元以下罚款,
# 20个工作日内, 日间手术台次数/同期出院患者择期手术总台次数×100%.
_NOT_GOAL_CLAUSE = re.compile(r"罚款|罚金|没收|处以|工作日|日内|日以内|小时内|个月内")
_FORMULA_BEFORE = re.compile(r"[×÷/*]\s*$")
_HALF = re.compile(r"(?P<pre>超过|过|不少于|不低于)?一半(?P<post>以上)?")


def _in_goal_scope(text: str, pos: int) -> bool:
    """Whether the sentence at ``pos``, its paragraph's lead or its section heading sets goals."""
    s_start, s_end = _sentence(text, pos, pos)
    if _GOAL_CUE.search(text, s_start, s_end):
        return True
    line_start = text.rfind("\n", 0, pos) + 1
    lead = text[line_start : line_start + 40]
    if _GOAL_LEAD.match(lead) or _YEAR_LEAD.match(lead):
        return True
    headings = list(_HEADING_LINE.finditer(text, max(0, pos - 4000), line_start))
    return bool(headings) and bool(_GOAL_HEADING.search(headings[-1].group("heading")))


_PERIOD = re.compile(
    rf"“?(?P<era>{_ERA})”?|[(（](?P<y>(?:19|20)\d{{2}})\s*{_SEP}\s*(?:19|20)\d{{2}}年?[)）]"
)


def _period_start(text: str) -> int | None:
    """The first year of the period a plan's title names in its opening lines: “十三五” → 2016,
    (2016—2020年) → 2016; ``None`` when the opening names no period.

    >>> _period_start("四川省“十三五”质量发展规划\\n第一章 规划背景")
    2016
    >>> _period_start("关于加强质量工作的意见") is None
    True
    """
    for line in text[:400].split("\n")[:6]:
        if len(line) > 60:
            continue
        m = _PERIOD.search(line)
        if m and m.group("era"):
            end = _SPECIAL_ERAS.get(m.group("era").strip("“”"))
            return end - 4 if end else None
        if m and m.group("y"):
            return int(m.group("y"))
    return None


def _is_past(year: int | None, issued_year: int | None) -> bool:
    """A year before the document's own date states a result or a baseline, not a goal."""
    return year is not None and issued_year is not None and year < issued_year


@dataclass(frozen=True)
class Quantity:
    """A number as written: value, upper bound of a range, unit and comparator."""

    value: float
    value_max: float | None
    unit: str | None
    comparator: str
    start: int
    end: int


def _value(number: str, multiplier: str | None) -> float | None:
    value = parse_number(number + (multiplier or ""))
    return value


def _comparator(pre: str | None, post: str | None, is_range: bool) -> str:
    if is_range:
        return "range"
    if post in ("以上", "及以上") or pre in ("不少于", "不低于", "至少", "超过", "突破"):
        return ">="
    # 控制在1%左右 is about 1%, not a ceiling.
    if post == "左右" or pre == "近":
        return "about"
    if post in ("以下", "以内") or pre in ("不超过", "不高于", "控制在"):
        return "<="
    return "="


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a short phrase states (1万家, 0·3以内, 5个百分点, 5至8个), or ``None``.

    >>> parse_quantity("1万家").value
    10000.0
    >>> parse_quantity("5个百分点以上").unit
    '个百分点'
    >>> parse_quantity("20XX年") is None
    True
    """
    text = text.strip()
    m = _QUANTITY.match(text)
    if not m or _is_code_or_date(text, m):
        return None
    if not (m.group("unit") or m.group("u1") or m.group("post")):
        return None
    return _quantity(m, 0)


def _quantity(m: re.Match[str], offset: int) -> Quantity | None:
    value = _value(m.group("v1"), m.group("m1"))
    if value is None:
        return None
    value_max = _value(m.group("v2"), m.group("m2")) if m.group("v2") else None
    unit = m.group("unit") or m.group("u1")
    if unit == "％":
        unit = "%"
    if unit == "百分点":
        unit = "个百分点"
    comparator = _comparator(m.group("pre"), m.group("post"), value_max is not None)
    return Quantity(value, value_max, unit, comparator, m.start() + offset, m.end() + offset)


def _is_code_or_date(text: str, m: re.Match[str]) -> bool:
    """Standard codes (GB/T19580, ISO9000, 5S, 3C), dates, years, ordinals and numbers in quotes."""
    start = m.start("v1")
    before = text[start - 1] if start > 0 else ""
    after = text[m.end() : m.end() + 1]
    if before and before.isascii() and (before.isalpha() or before in "/-_"):
        return True
    if after.isascii() and after.isalpha():
        return True
    if before == "第":
        return True
    if not m.group("unit") and not m.group("u1"):
        return bool(after) and (after in "年月日号届期版页次" or (before in '“"' and after in '”"'))
    return False


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return i


def _clause_end(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and text[i] not in _CLAUSE_BREAK:
        i += 1
    return i


def _segment_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _SEGMENT_BREAK:
        i -= 1
    return i


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (to 。 or a line end) around a span."""
    s = start
    while s > 0 and text[s - 1] not in "。\n":
        s -= 1
    e = end
    while e < len(text) and text[e] not in "。\n":
        e += 1
    if e < len(text) and text[e] == "。":
        e += 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _year(text: str, pos: int, ctx: DocContext) -> int | None:
    """The year a target at ``pos`` is for: the last year phrase before it in its segment."""
    segment = text[_segment_start(text, pos) : pos]
    year = ctx.plan_year
    # "到2022年，…。…推动建设300个…": a year opening the paragraph scopes all of it.
    line_start = text.rfind("\n", 0, pos) + 1
    lead = _YEAR_LEAD.match(text[line_start:pos]) or _YEAR_COMMA_LEAD.match(text[line_start:pos])
    if lead and parse_year(lead.group("y")) is not None:
        year = parse_year(lead.group("y"))
    for m in _YEAR_SPEC.finditer(segment):
        if m.group("y"):
            year = parse_year(m.group("y"))
        elif m.group("era"):
            year = _SPECIAL_ERAS.get(m.group("era"))
        else:
            year = ctx.plan_year
    return year


def concept_for(indicator: str) -> str | None:
    """The indicator concept whose pattern the phrase matches, or ``None``.

    >>> concept_for("新创和保有江苏名牌产品总数")
    'jiangsu-famous-brand'
    >>> concept_for("研发经费支出占GDP比重")
    'rd-expenditure-gdp'
    >>> concept_for("施工许可证发放率") is None
    True
    """
    for concept in indicators():
        if any(re.search(p, indicator) for p in concept["patterns"]):
            return str(concept["id"])
    return None


def _clean_indicator(phrase: str) -> str:
    phrase = phrase.strip(" 、，,和及与的“”")
    phrase = re.sub(r"^\d{1,2}[.、．]", "", phrase)
    phrase = _LEADING_FILLER.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _TRAILING_VERB.sub("", phrase).strip(" 、，,")
    return phrase.strip(" 、，,的")


def _split_shared(indicator: str, count: int) -> list[str]:
    """国家级、省级农业标准化示范区 → 国家级农业标准化示范区, 省级农业标准化示范区 (for 分别)."""
    parts = indicator.split("、")
    if len(parts) != count:
        return [indicator] * count
    last = parts[-1]
    m = re.match(r"^(.{0,6}?级)(.+)$", last)
    if not m:
        return parts
    tail = m.group(2)
    return [p + tail for p in parts[:-1]] + [last]


def _split_joint(indicator: str) -> list[str]:
    """施工许可证发放率、一次验收合格率…均达到 / 产品标准覆盖率和复审率达到: one target each."""
    parts = re.split(r"[、和]", indicator)
    if len(parts) > 1 and all(p.endswith("率") for p in parts):
        return parts
    return [indicator]


@dataclass
class _Found:
    quantity: Quantity | None
    indicator: str
    start: int


def _candidates(text: str) -> Iterator[_Found]:
    """Every quantity that reads as a target, with the phrase it measures."""
    last_end_in_clause: dict[int, int] = {}
    for m in _QUANTITY.finditer(text):
        if _is_code_or_date(text, m):
            continue
        q = _quantity(m, 0)
        if q is None:
            continue
        clause_start = _clause_start(text, m.start())
        clause_end = _clause_end(text, m.end())
        after = text[m.end() : m.end() + 1]
        rest_of_clause = text[m.end() : clause_end]
        if q.unit is None:
            before = text[max(clause_start, m.start() - 6) : m.start()]
            if (
                not (m.group("post") and re.search(r"(达|在|到)$", before))
                and m.group("pre") != "控制在"
            ):
                continue
        # A quantity followed by 以上的 + noun, with another quantity later, is a scope.
        if m.group("post") and after == "的" and _QUANTITY.search(rest_of_clause):
            if any(
                not _is_code_or_date(text, later)
                for later in _QUANTITY.finditer(text, m.end(), clause_end)
                if later.group("unit") or later.group("u1")
            ):
                continue
        if re.search(r"在$", text[clause_start : m.start()]) and after == "以":
            continue
        if _is_size_qualifier(text, m, clause_start):
            continue
        head_start = max(clause_start, last_end_in_clause.get(clause_start, clause_start))
        head = text[head_start : m.start()]
        ends_clause = m.end() >= clause_end or after in "、和及与"
        last_end_in_clause[clause_start] = m.end() + (1 if after in "、和及与" else 0)
        is_share = q.unit in ("%", "个百分点")
        if ends_clause and (_clean_indicator(head) or head_start > clause_start):
            # An empty head after an earlier quantity (分别达4个、6个) shares that indicator.
            yield _Found(q, _clean_indicator(head), head_start)
            continue
        verb_before = _TARGET_VERBS.search(text[clause_start : m.start()])
        at_clause_start = not _LEADING_FILLER.sub("", head).strip() or head_start == m.start()
        if is_share or verb_before or at_clause_start:
            tail_end = clause_end
            nxt = _QUANTITY.search(text, m.end(), clause_end)
            while nxt and not (nxt.group("unit") or nxt.group("u1")):
                nxt = _QUANTITY.search(text, nxt.end(), clause_end)
            if nxt:
                tail_end = nxt.start()
            noun = text[m.end() : tail_end].strip(" 、，,和及与")
            noun = re.sub(r"^的", "", noun)
            phrase = (
                _clean_indicator(head + noun)
                if is_share
                else (_clean_indicator(noun) or _clean_indicator(head))
            )
            if phrase:
                yield _Found(q, phrase, head_start if is_share else m.start())


def _is_size_qualifier(text: str, m: re.Match[str], clause_start: int) -> bool:
    """A size that qualifies the counted thing: 形成2个产值超5000亿元和若干个超2000亿元产业
    (武汉 brand opinion) counts industries; 超5000亿元 says which ones, it is not a goal."""
    before = text[clause_start : m.start()]
    return (
        m.group("pre") is None
        and before.endswith("超")
        and bool(re.search(r"(?:\d+|若干)(?:个|家|项)", before))
    )


def _relative_candidates(text: str) -> Iterator[_Found]:
    for m in _RELATIVE.finditer(text):
        clause_start = _clause_start(text, m.start())
        head = _clean_indicator(text[clause_start : m.start()])
        yield _Found(None, head, clause_start if head else m.start())


def _half_candidates(text: str) -> Iterator[_Found]:
    """一半以上 / 超过一半: half, as a share (实践性教学课时原则上占总课时一半以上)."""
    for m in _HALF.finditer(text):
        comparator = ">=" if m.group("pre") or m.group("post") else "="
        clause_start = _clause_start(text, m.start())
        head = _clean_indicator(text[clause_start : m.start()])
        quantity = Quantity(50.0, None, "%", comparator, m.start(), m.end())
        yield _Found(quantity, head, clause_start)


# 公文 list their goals under a lead: a "到2020年，…具体目标是：" paragraph, a 目标 heading or a
# year-scoped paragraph, then items: "——新增国家标准400项；", "产品质量：…达到95%以上", "1. 产品质量。…".
_LIST_ITEM = re.compile(
    r"^\s*(?:—{1,2}|－|-|·|•|[(（]?[0-9一二三四五六七八九十]{1,2}[)）.．、]|[^。，,：:；;\s]{2,8}[：:])"
)
_SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")
_LEAD_YEAR = re.compile(
    rf"^\s*(?:[^。，,：:]{{0,10}}[。：:])?\s*(?:力争)?(?:(?P<to>到|至)\s*)?(?P<y>{_YEAR_DIGITS})\s*年(?:底|末)?"
    r"(?(to)|[,，])"
)


def _goal_lead(text: str, pos: int) -> tuple[bool, int | None]:
    """Whether the list item at ``pos`` stands under a goal lead, and the year the lead sets.

    Walks back over the items of the list, to the paragraph or heading that introduces them,
    and on to the section's own heading (二、总体目标): a 目标 heading puts them in a goal's
    scope; a paragraph opening with 到2020年 (or "2020年底，" under a 目标 heading) gives the year.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    if not _LIST_ITEM.match(text[line_start:pos]):
        return False, None
    in_scope, year = False, None
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        lead = _LEAD_YEAR.match(line)
        if (
            lead
            and year is None
            and (lead.group("to") or in_scope or _goal_heading_above(text, start))
        ):
            year = parse_year(lead.group("y"))
            in_scope = True
        if _GOAL_HEADING.search(line[:12]) and len(line) <= 40:
            in_scope = True
        if _SECTION_HEADING.match(line) or (not _LIST_ITEM.match(line) and not lead):
            if not (_GOAL_HEADING.search(line[:12]) or lead):
                break
        if _SECTION_HEADING.match(line):
            break
        end = start - 1
    return in_scope, year


def _goal_heading_above(text: str, pos: int) -> bool:
    """Whether the nearest heading line above ``pos`` names a goal (二、总体目标, (二)工作目标)."""
    headings = list(_HEADING_LINE.finditer(text, max(0, pos - 2000), pos))
    return bool(headings) and bool(_GOAL_HEADING.search(headings[-1].group("heading")))


def _target_year(text: str, pos: int, ctx: DocContext) -> int | None:
    """The year of a target: its own sentence's or paragraph's (:func:`_year`), else the year
    the lead of the goal list it is an item of sets."""
    inline, inline_year = _inline_goal_heading(text, pos)
    if inline and inline_year is not None:
        return inline_year
    year = _year(text, pos, ctx)
    return year if year is not None else _goal_lead(text, pos)[1]


# A page flattened to one line keeps its chapter headings inline: …制定本方案。一、指导思想…
# 二、创建目标2022年8底前,各项创建指标全部达到…(一)农产品质量安全水平明显提高。食用农产品…
_INLINE_GOAL_HEADING = re.compile(
    rf"[一二三四五六七八九十]、[^。，,；;、]{{0,8}}目标[。:：]?\s*"
    rf"(?:(?:到|至)\s*)?(?:(?P<y>{_YEAR_DIGITS})\s*年(?:\d{{1,2}}月?)?(?:底|末)?(?:前|以前)?)?"
)
_INLINE_CHAPTER = re.compile(r"[一二三四五六七八九十]、")


def _inline_goal_heading(text: str, pos: int) -> tuple[bool, int | None]:
    """Whether ``pos`` stands under a 目标 chapter heading run into its line (a flattened page),
    with no later chapter heading before it, and the year the heading's first words set."""
    line_start = text.rfind("\n", 0, pos) + 1
    window_start = max(line_start, pos - 1500)
    found = None
    for m in _INLINE_GOAL_HEADING.finditer(text, window_start, pos):
        found = m
    if found is None or found.start() == line_start:
        return False, None
    if _INLINE_CHAPTER.search(text, found.end(), pos):
        return False, None
    return True, parse_year(found.group("y")) if found.group("y") else None


# An index value has no unit: 制造业质量竞争力指数达到86.
_INDEX = re.compile(
    r"(?P<indicator>[^，,。；;：:\n]{2,24}指数)(?:要)?(?:达到|达|提高到|提升到|保持在|稳定在)"
    r"(?P<value>\d+(?:\.\d+)?)(?![\d.%％]|以上|左右|以下|个|项|家|件|万|亿|分)"
)


def _index_candidates(text: str) -> Iterator[_Found]:
    for m in _INDEX.finditer(text):
        start = m.start("value")
        quantity = Quantity(float(m.group("value")), None, None, "=", start, m.end())
        yield _Found(quantity, _clean_indicator(m.group("indicator")), m.start("indicator"))


def _is_goal(text: str, item: _Found, ctx: DocContext, issued_year: int | None) -> bool:
    """The gates every candidate passes: not a penalty, limit or formula; in a goal's scope."""
    pos = item.quantity.start if item.quantity else item.start
    clause = text[_clause_start(text, pos) : _clause_end(text, pos)]
    if item.quantity is not None and (
        _NOT_GOAL_CLAUSE.search(clause) or _FORMULA_BEFORE.search(text[max(0, pos - 3) : pos])
    ):
        return False
    # A dated plan (年度行动计划) sets goals throughout; any other document only where it says so.
    return (
        ctx.plan_year is not None
        or _in_goal_scope(text, pos)
        or _goal_lead(text, pos)[0]
        or _inline_goal_heading(text, pos)[0]
    )


def extract_targets(text: str, ctx: DocContext, issued_year: int | None = None) -> list[Target]:
    """Every target in ``text`` in document order, with year and concept resolved.

    ``issued_year`` is the document's own year: a year before it marks a past result.
    """
    targets: list[Target] = []
    found = sorted(
        list(_candidates(text))
        + list(_relative_candidates(text))
        + list(_half_candidates(text))
        + list(_index_candidates(text)),
        key=lambda f: f.start,
    )
    found = [f for f in found if _is_goal(text, f, ctx, issued_year)]
    if issued_year is None:
        # An undated plan for a period (四川省“十三五”质量发展规划) reviews the years before it.
        issued_year = _period_start(text)
    previous_indicator = ""
    for item in found:
        q = item.quantity
        if _is_past(_target_year(text, q.start if q else item.start, ctx), issued_year):
            continue
        end = q.end if q else _clause_end(text, item.start)
        indicator = item.indicator or previous_indicator
        if 0 < len(indicator) <= 2 and previous_indicator:
            # (力争完成2件以上的认定) after 申报驰名商标8件以上: 认定 of the same thing.
            indicator = _LEADING_VERB.sub("", previous_indicator) + indicator
        previous_indicator = indicator
        sentence_start, sentence_end = _sentence(text, item.start, end)
        sentence = text[sentence_start:sentence_end].strip()
        year = _target_year(text, q.start if q else item.start, ctx)
        if q is None:
            targets.extend(
                Target(
                    indicator=name,
                    concept=concept_for(name),
                    value=None,
                    value_max=None,
                    unit=None,
                    comparator="relative",
                    year=year,
                    sentence=sentence,
                    start=item.start,
                    end=end,
                )
                for name in _listed_indicators(indicator)
            )
            continue
        names = _split_joint(indicator)
        for name in names:
            targets.append(
                Target(
                    indicator=name,
                    concept=concept_for(name),
                    value=q.value,
                    value_max=q.value_max,
                    unit=q.unit,
                    comparator=q.comparator,
                    year=year,
                    sentence=sentence,
                    start=item.start,
                    end=end,
                )
            )
    return _apply_respectively(targets)


def _listed_indicators(indicator: str) -> list[str]:
    """One indicator each for a list a relative goal closes with 等指标.

    >>> _listed_indicators("地区生产总值、固定资产投资、外贸出口等指标增幅")
    ['地区生产总值增幅', '固定资产投资增幅', '外贸出口增幅']
    >>> _listed_indicators("全县主要产业整体素质")
    ['全县主要产业整体素质']
    """
    m = re.match(
        r"^(?P<list>[^，,。；;]+?、[^，,。；;]+?)等(?:主要)?(?:经济)?指标(?P<what>.*)$", indicator
    )
    if not m:
        return [indicator]
    return [item + m.group("what") for item in m.group("list").split("、") if item]


def _apply_respectively(targets: list[Target]) -> list[Target]:
    """建立国家级、省级示范区分别达4个、6个: give each value its own part of the indicator."""
    out: list[Target] = []
    i = 0
    while i < len(targets):
        t = targets[i]
        if "分别" in t.sentence and "、" in t.indicator:
            group = [t]
            j = i + 1
            while (
                j < len(targets)
                and targets[j].sentence == t.sentence
                and targets[j].indicator == t.indicator
            ):
                group.append(targets[j])
                j += 1
            if len(group) > 1:
                for target, name in zip(group, _split_shared(t.indicator, len(group)), strict=True):
                    target.indicator = name
                    target.concept = concept_for(name)
                out.extend(group)
                i = j
                continue
        out.append(t)
        i += 1
    return out
