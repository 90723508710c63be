"""Document metadata from the clean text: title, plan title, 文号, issuers, dates, type, validity.

Sources, best first: the site's header fields (:mod:`loaders.header`), the signature block
(an organisation's name over a date), and the title line itself. Nothing is guessed: a
field no source states stays ``None``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from loaders.header import HeaderField, header_end, is_header_line, parse_header
from loaders.issuers import is_signature_name, issuer_in_title
from loaders.numerals import find_dates, find_doc_numbers, normalise_doc_number, parse_date

#: Document types a title can end with, longest first so 实施意见 wins over 意见.
DOC_TYPES: tuple[str, ...] = tuple(
    sorted(
        "通知 实施意见 指导意见 意见 行动计划 工作计划 计划 实施方案 工作方案 方案 行动纲要 纲要 "
        "规划 决定 实施办法 办法 实施细则 细则 条例 规定 通报 公告 决议 报告 批复 要点 法".split(),
        key=len,
        reverse=True,
    )
)
_TYPE_ALT = "|".join(DOC_TYPES)
# A title may end with its period in brackets: 质量发展规划(2014-2018年).
_PERIOD = r"(?:[(（][^()（）]{1,20}[)）])?"
_TITLE_LINE = re.compile(rf"^[^。，,；;：:!！?？]{{4,80}}?(?:{_TYPE_ALT}){_PERIOD}$")
# A title glued to its own 文号 at the top of a flattened page (a spliced page number "1、" may
# stand before it): 东明县2016年产品质量提升实施方案东质强发〔2016〕33号为认真…
_TITLE_BEFORE_NUMBER = re.compile(
    rf"^(?:\d{{1,3}}、)?(?P<title>[^。，,；;：:《》\d][^。，,；;：:《》]{{3,60}}?(?:{_TYPE_ALT}){_PERIOD})"
    r"(?=[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号)"
)
# A 文号 glued before the title at the top of a flattened page (a spliced "1、" may lead):
# 1、豫政办发〔2011〕41号省政府办公厅关于印发…的通知各市人民政府…
_NUMBER_BEFORE_TITLE = re.compile(
    r"^(?:\d{1,3}、)?(?P<number>[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号)"
)
# A title glued to the body that follows it (docx flattened to one line).
_GLUED_TITLE = re.compile(
    rf"^(?P<title>[^。，,；;：:]{{0,30}}关于[^。，,；;：:]{{2,60}}?(?:{_TYPE_ALT}){_PERIOD})"
    r"(?![的》和及、(（])"
)
_PLAN = re.compile(r"关于(?:印发|转发|颁布|发布)(?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))的通知$")
_REPEALED = re.compile(r"失效|废止|已废|作废|停止执行|不再执行")
_UNKNOWN = re.compile(r"未知|不详|待定")


@dataclass
class Metadata:
    """The metadata fields of a :class:`loaders.record.PolicyDocument`."""

    title: str | None = None
    plan_title: str | None = None
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    published: str | None = None
    doc_type: str | None = None
    in_force: bool | None = None
    repealed_by: str | None = None


def doc_type_of(title: str) -> str | None:
    """The document type a title ends with (the outer type for a wrapping notice).

    >>> doc_type_of("嘉泽镇2016年质量强镇工作的实施意见")
    '实施意见'
    >>> doc_type_of("省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知")
    '通知'
    """
    stripped = re.sub(r"[(（][^()（）]*[)）]$", "", title.strip())
    for doc_type in DOC_TYPES:
        if stripped.endswith(doc_type):
            if doc_type == "法" and re.search(r"(办|方|做|违|执|立|司|依|合|守)法$", stripped):
                continue
            return doc_type
    return None


def plan_title_of(title: str) -> str | None:
    """The plan a notice hands out: 关于印发《X》的通知 / 关于印发X的通知 → X.

    >>> plan_title_of("镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知")
    '2014年镇江市质量强市行动计划'
    >>> plan_title_of("嘉泽镇2016年质量强镇工作的实施意见") is None
    True
    """
    m = _PLAN.search(title)
    if not m:
        return None
    return m.group("quoted") or m.group("bare")


def _body_lines(text: str, start: int) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if offset >= start and not is_header_line(line):
            lines.append((offset, line))
        offset += len(line) + 1
    return lines


def find_title(text: str, fields: list[HeaderField]) -> str | None:
    """The document's own title: the header's title field, else the first title-like line."""
    for f in fields:
        if f.role == "title" and doc_type_of(f.value):
            return f.value
    for f in fields:
        if f.role == "title":
            return f.value
    for _, line in _body_lines(text, 0)[:12]:
        if _TITLE_LINE.match(line) and not re.match(r"^[一二三四五六七八九十\d]+[、.．]", line):
            return line
        numbered = _NUMBER_BEFORE_TITLE.match(line)
        rest = line[numbered.end() :] if numbered else line
        glued = _GLUED_TITLE.match(rest) or _TITLE_BEFORE_NUMBER.match(rest)
        if glued:
            return glued.group("title")
    return None


def _date_line(line: str) -> str | None:
    """The ISO date when ``line`` is nothing but a date (a signature date)."""
    stripped = line.strip()
    for match in find_dates(stripped):
        if match.start == 0 and match.end == len(stripped):
            return match.iso
    return None


def signature(text: str, start: int) -> tuple[list[str], str | None]:
    """Names signed above the first date-only line after ``start``, and that date."""
    lines = _body_lines(text, start)
    for k, (_, line) in enumerate(lines):
        iso = _date_line(line)
        if iso is None:
            continue
        names: list[str] = []
        j = k - 1
        while j >= 0 and is_signature_name(lines[j][1]):
            names.insert(0, lines[j][1].strip())
            j -= 1
        return names, iso
    return [], None


def _validity(fields: list[HeaderField]) -> tuple[bool | None, str | None]:
    for f in fields:
        if f.role != "validity":
            continue
        value = f.value
        if _REPEALED.search(value):
            numbers = [m.doc_number for m in find_doc_numbers(value)]
            titles = re.findall(r"《([^》]+)》", value)
            return False, numbers[0] if numbers else (titles[0] if titles else None)
        if _UNKNOWN.search(value):
            return None, None
        repeal_date = parse_date(value)
        if repeal_date:
            return repeal_date > datetime.date.today().isoformat(), None
        if "有效" in value:
            return True, None
    return None, None


def _doc_number(text: str, fields: list[HeaderField], title: str | None) -> str | None:
    for f in fields:
        if f.role == "doc_number":
            number = normalise_doc_number(f.value)
            if number:
                return number
    # Without a header, a number standing on its own line near the top is the document's own,
    # and so is one glued right after the title on a flattened page.
    for _, line in _body_lines(text, 0)[:8]:
        number = normalise_doc_number(line)
        if number:
            return number
        numbered = _NUMBER_BEFORE_TITLE.match(line)
        if title and numbered and line[numbered.end() :].startswith(title):
            return normalise_doc_number(numbered.group("number")) or numbered.group("number")
        if title:
            at = line.find(title)
            if at >= 0:
                after = line[at + len(title) :]
                first = next(iter(find_doc_numbers(after[:24])), None)
                if first is not None and first.start == 0:
                    return first.doc_number
    return None


def extract_metadata(text: str) -> Metadata:
    """All metadata the clean ``text`` states.

    >>> m = extract_metadata("2011年产品质量管理实施方案\\n为认真贯彻落实…,特制定本实施方案。")
    >>> (m.title, m.doc_type, m.issued, m.issuers)
    ('2011年产品质量管理实施方案', '实施方案', None, [])
    """
    fields = parse_header(text)
    meta = Metadata()
    meta.title = find_title(text, fields)
    if meta.title:
        meta.plan_title = plan_title_of(meta.title)
        meta.doc_type = doc_type_of(meta.title)
    meta.doc_number = _doc_number(text, fields, meta.title)
    signed_names, signed_date = signature(text, header_end(text))
    header_issuers = [f.value for f in fields if f.role == "issuer"]
    if signed_names:
        meta.issuers = signed_names
    elif header_issuers:
        meta.issuers = [
            name for value in header_issuers for name in re.split(r"[、,，;；\s]+", value) if name
        ]
    elif meta.title and issuer_in_title(meta.title):
        meta.issuers = [issuer_in_title(meta.title) or ""]
    issued = [parse_date(f.value) for f in fields if f.role == "issued"]
    published = [parse_date(f.value) for f in fields if f.role == "published"]
    meta.issued = next((d for d in issued if d), None) or signed_date
    meta.published = next((d for d in published if d), None)
    meta.in_force, meta.repealed_by = _validity(fields)
    return meta
