"""Document metadata from the clean text: title, plan title, 文号, issuers, dates, type, validity.

Sources, best first: the site's header fields (:mod:`loaders.header`), the signature block
(an organisation's name over a date), the revision history under a law's title
(:mod:`loaders.history`), the page's own ``<title>``, and the title line itself. Nothing is
guessed: a field no source states stays ``None``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from loaders.header import HeaderField, header_end, is_header_line, parse_header
from loaders.history import find_history, history_facts
from loaders.issuers import is_signature_name, issuers_in_title, signature_names
from loaders.numerals import find_dates, find_doc_numbers, normalise_doc_number, parse_date
from loaders.script import normalise_script

#: Document types a title can end with, longest first so 实施意见 wins over 意见.
DOC_TYPES: tuple[str, ...] = tuple(
    sorted(
        "通知 实施意见 指导意见 意见 行动计划 工作计划 计划 实施方案 工作方案 方案 行动纲要 纲要 "
        "规划 决定 实施办法 办法 实施细则 细则 条例 规定 通报 公告 通告 决议 报告 请示 批复 复函 函 "
        "工作要点 要点 命令 规则 预案 纪要 指南 指引 法".split(),
        key=len,
        reverse=True,
    )
)
_TYPE_ALT = "|".join(DOC_TYPES)
# A title may end with its period in brackets: 质量发展规划(2014-2018年).
_PERIOD = r"(?:\s?[(（][^()（）]{1,20}[)）])?"
_TITLE_LINE = re.compile(rf"^[^。，,；;：:!！?？]{{4,120}}?(?:{_TYPE_ALT}){_PERIOD}$")
# A 关于 title whose subject is two clauses joined by a comma (关于加强质量工作，推动高质量发展的
# 实施意见): a comma, but none of the marks that end or introduce a sentence, and no opening phrase.
_COMMA_TITLE = re.compile(
    rf"^(?!为|根据|按照|依据|经|现|近年来)[^。；;：:!！?？]{{0,40}}关于[^。；;：:!！?？]{{2,100}}?"
    rf"(?:{_TYPE_ALT}){_PERIOD}$"
)
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
# A 文号 and the title on one line, a space between them (靖边县 disclosure page):
# 靖政发〔2017〕30号 靖边县人民政府关于实施质量强县战略的实施意见
_NUMBER_SPACE_TITLE = re.compile(
    r"^[\u4e00-\u9fff]{1,8}[〔\[(（]\d{4}[〕\])）]\d{1,4}号[ \t\u3000]+(?P<title>\S.*)$"
)
# A title glued to the body that follows it (docx flattened to one line).
_GLUED_TITLE = re.compile(
    rf"^(?P<title>[^。，,；;：:]{{0,30}}关于[^。，,；;：:]{{2,60}}?(?:{_TYPE_ALT}){_PERIOD})"
    r"(?![的》和及、(（])"
)
# 关于印发《X》的通知 / 关于印发X的函 / (办公厅)转发X的通知 / 批转X的通知: X is handed out.
_PLAN = re.compile(
    r"(?:^|关于|(?<=[厅室院府局委部]))(?:印发|转发|批转|颁布|发布)"
    r"(?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))的(?:通知|函)$"
)
_DRAFT = re.compile(r"征求意见稿|送审稿|草案")
_REPEALED = re.compile(r"失效|废止|已废|作废|停止执行|不再执行")
# Legal databases' 时效性 values that leave the document in force: 部分失效 (some articles were
# repealed, the rest stands), 已被修改 (amended), 尚未完全生效. Checked before _REPEALED.
_STILL_IN_FORCE = re.compile(r"部分(?:失效|废止)|已被?修改|已修订|修正")
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
    draft: bool = False
    warnings: list[str] = field(default_factory=list)


def doc_type_of(title: str) -> str | None:
    """The document type a title ends with (the outer type for a wrapping notice).

    >>> doc_type_of("嘉泽镇2016年质量强镇工作的实施意见")
    '实施意见'
    >>> doc_type_of("省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知")
    '通知'
    """
    stripped = re.sub(r"[(（][^()（）]*[)）]$", "", title.strip()).strip()
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
    # 关于印发 《X》的通知: a title set over two lines keeps a space before the 《.
    m = _PLAN.search(re.sub(r"(?<=印发)\s+(?=《)", "", title))
    if not m:
        return None
    if m.group("quoted"):
        return m.group("quoted")
    bare = m.group("bare")
    # 关于印发…的通知 inside a longer title: the bare part must not start a new clause.
    return bare if "关于印发" not in bare else None


def _body_lines(text: str, start: int) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if offset >= start and not is_header_line(line):
            lines.append((offset, line))
        offset += len(line) + 1
    return lines


# The page number "1、" a docx-to-text conversion leaves before the first line of a flattened page.
_FIRST_PAGE = re.compile(r"^1、(?=[\u4e00-\u9fff])")
_NUMBERED = re.compile(r"^[一二三四五六七八九十\d]+[、.．]")
_SENTENCE_MARK = re.compile(r"[。，,；;：:!！?？]")
# A line that opens a law's revision history: a date, then who adopted or promulgated it.
_HISTORY_LINE = re.compile(
    r"^[（(]?(?:\d{4}|[一二三四五六七八九〇○零0]{4})年.{0,80}?(?:通过|公布|发布|批准|修正|修订)"
)
# What separates a page's own title from the site's name in an HTML <title>.
_PAGE_TITLE_SEPARATOR = re.compile(r"\s*[|｜_]\s*|\s+[-－—–]+\s+|-{1,2}(?=[^\d])")
_SITE_NAME = re.compile(r"(?:网|网站|门户|平台|首页|频道|数据库)$|^www\.|\.(?:cn|com|gov)")


def title_from_page(page_title: str | None) -> str | None:
    """The document's title in a page's ``<title>``, without the site's name.

    >>> title_from_page("国务院关于印发质量发展纲要（2011—2020年）的通知_政府信息公开专栏 - 中国政府网")
    '国务院关于印发质量发展纲要（2011—2020年）的通知'
    >>> title_from_page("中国政府网") is None
    True
    """
    if not page_title:
        return None
    page_title = normalise_script(re.sub(r"\s+", " ", page_title))
    parts = [p.strip() for p in _PAGE_TITLE_SEPARATOR.split(page_title.strip()) if p.strip()]
    parts = [p for p in parts if not _SITE_NAME.search(p) and len(p) >= 4]
    typed = [p for p in parts if doc_type_of(p)]
    if typed:
        return typed[0]
    return None


_TYPE_END = re.compile(rf"(?:{_TYPE_ALT}){_PERIOD}")
# What follows a title glued to its document: the addressees (主送机关: 各市、县…人民政府),
# an opening phrase (为… / 根据… / 按照…), or a 文号.
_BODY_START = re.compile(r"各|为|根据|按照|依据|现将|经|近年来|[\u4e00-\u9fff]{1,8}〔\d{4}〕")


def _title_before_body(line: str) -> str | None:
    """A 关于… title glued to the start of the body on a flattened line, ending where the
    addressees or the first sentence begin (关于印发…纲要2012年行动计划的通知各市、县…)."""
    if not re.match(r"^[^。，,；;：:]{0,30}关于", line):
        return None
    for end in _TYPE_END.finditer(line[:160]):
        head = line[: end.end()]
        if _SENTENCE_MARK.search(head):
            return None
        if _BODY_START.match(line, end.end()):
            return head
    return None


# A news site's tag before a headline: 【草案全文】, 【政策解读】; a disclosure catalogue's quoted
# tag: “党政混合信息公开” 中共静安区委办公室 … (静安区, round 4); a document-sharing site's file name:
# 桐梓县市场监督管理局2021年产品质量监督抽查方案.docx (桐梓县, round 4).
_TAG = re.compile(r"^(?:【[^】]{1,8}】|“[^“”]{1,10}”\s+)|\.(?:docx?|wps|pdf)$")
# The 文号 in brackets after the title on the same line: …的意见(吉政发(2012)27号).
_TRAILING_NUMBER = re.compile(
    r"\s*[(（]\s*(?P<number>[\u4e00-\u9fff]{1,10}\s*[(（〔\[［]\d{4}[)）〕\]］]\s*\d{1,4}\s*号)"
    r"\s*[)）]$"
)
# A mirror's headline: the 文号 and the title in 《》 (延政办函〔2017〕54号《…的通知》), or the title
# alone in 《》.
_QUOTED_TITLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号)?《(?P<title>[^《》]{4,100})》$"
)


# A notice's title glued to the heading of the plan it hands out, when the cleaning joined the
# lines: …印发《静安区全力打响“上海服务”品牌…(2018—2020年)》的通知静安区全力打响“上海服务”品牌
# (静安区, round 4).
_GLUED_PLAN_HEADING = re.compile(
    rf"^(?P<head>[^。，,；;：:!！?？]{{4,120}}?《(?P<plan>[^《》]{{4,100}})》的(?:{_TYPE_ALT}))"
    r"(?P<rest>[^。，,；;：:!！?？]{6,})$"
)
# The start of a title that a line closes (its 《 opened, its 》 on the next line), glued after a
# portal's truncated heading: "…三年行动方案(2021—2呼和浩特市人民政府办公室关于印发《呼和浩特市
# 农畜产品区域公用品牌建设" / "三年行动方案(2021—2023年)》的通知" (呼和浩特市, round 4).
_OPENED_TITLE = re.compile(
    r"(?P<title>[\u4e00-\u9fff]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|局)?"
    r"关于[^。，,；;：:!！?？《》]{0,20}《[^《》]{2,80})$"
)


# A draft's heading in 《》 with its status after it: 《青浦区创建国家食品安全示范城市工作方案》(草案)
# (青浦区 重大决策 catalogue, round 4).
_QUOTED_DRAFT = re.compile(
    r"^《(?P<title>[^《》]{4,100})》\s*[(（](?:草案|征求意见稿|送审稿)[)）]$"
)


def _title_prefix(value: str) -> str | None:
    """The title at the start of a header value that runs on into the text (原标题:X的通知X的通知
    杭政函〔2016〕190号 各区…): up to the first document type after which the title repeats, a
    文号 or the addressees begin."""
    for end in _TYPE_END.finditer(value[:200]):
        head, rest = value[: end.end()], value[end.end() :].lstrip()
        if _SENTENCE_MARK.search(head):
            return None
        if not rest or rest.startswith(head[:6]) or _BODY_START.match(rest):
            return head
    return None


def _with_issuer(title: str, lines: list[str]) -> str:
    """A 关于… title with the issuer a letterhead line above it names (新密市人民政府 / 关于印发…),
    or the fuller line beside it that repeats it after the issuer (上海市普陀区人民政府办公室关于…)."""
    if not title.startswith("关于"):
        return title
    for k, line in enumerate(lines):
        if not line or not title.startswith(line):
            continue
        if k > 0 and is_signature_name(lines[k - 1]) and len(lines[k - 1]) <= 30:
            # Joint issuers, one a line (中共杨凌示范区工委 / 杨凌示范区管委会 / 关于印发…).
            if k > 1 and is_signature_name(lines[k - 2]) and len(lines[k - 2]) <= 30:
                return f"{lines[k - 2].strip()} {lines[k - 1].strip()}{title}"
            return lines[k - 1].strip() + title
        for near in lines[k + 1 : k + 3]:
            issuer = near[: -len(title)] if near.endswith(title) else ""
            if issuer and is_signature_name(issuer):
                return near
        # The page's own heading may repeat the title above the letterhead's (洞头区): look on.
    return title


def find_title(text: str, fields: list[HeaderField], page_title: str | None = None) -> str | None:
    """The document's own title (see :func:`_find_title`), with the issuer of a letterhead."""
    title = _find_title(text, fields, page_title)
    if title and not any(f.role == "title" for f in fields):
        lines = [_TAG.sub("", line).strip() for _, line in _body_lines(text, 0)[:14]]
        return _with_issuer(title, lines)
    return title


def _find_title(text: str, fields: list[HeaderField], page_title: str | None = None) -> str | None:
    """The document's own title, best source first.

    1. the header's title field (标题 / 信息名称 / 名称);
    2. a title line near the top: ending in a document type, alone or split over two lines,
       before or after its 文号, glued to the text on a flattened page;
    3. the line a law's revision history stands under;
    4. the page's ``<title>`` without the site's name.
    """
    for f in fields:
        if f.role == "title" and doc_type_of(f.value):
            return f.value
    for f in fields:
        if f.role == "title":
            return _title_prefix(f.value) or f.value
    lines = [_TAG.sub("", line).strip() for _, line in _body_lines(text, 0)[:14]]
    for k, line in enumerate(lines):
        spaced = _NUMBER_SPACE_TITLE.match(line)
        if spaced and _TITLE_LINE.match(spaced.group("title")):
            return spaced.group("title")
        following = lines[k + 1] if k + 1 < len(lines) else ""
        glued_plan = _GLUED_PLAN_HEADING.match(line)
        if glued_plan and glued_plan.group("plan").startswith(glued_plan.group("rest")[:6]):
            return glued_plan.group("head")
        opened = _OPENED_TITLE.search(lines[k - 1]) if k else None
        closes = "》" in line and ("《" not in line or line.find("》") < line.find("《"))
        if opened and closes and _TITLE_LINE.match(line):
            return opened.group("title") + line
        if (_TITLE_LINE.match(line) or _COMMA_TITLE.match(line)) and not _NUMBERED.match(line):
            # A portal's names before the title, which the next line repeats alone: "药选址 政策
            # 阿坝州人民政府办公室关于…的通知" / "阿坝州人民政府办公室关于…的通知" (阿坝州, round 4).
            prefix = line[: -len(following)].strip() if line.endswith(following) else ""
            if prefix and " " in line[: len(prefix) + 1] and _TITLE_LINE.match(following):
                return following
            return line
        core = _TRAILING_NUMBER.sub("", line)
        if core != line and _TITLE_LINE.match(core):
            return core
        drafted = _QUOTED_DRAFT.match(line)
        if drafted and _TITLE_LINE.match(drafted.group("title")):
            return drafted.group("title")
        quoted = _QUOTED_TITLE.match(line)
        if quoted and "关于" in quoted.group("title") and _TITLE_LINE.match(quoted.group("title")):
            return quoted.group("title")
        joined = line + following
        if (
            following
            and len(line) <= 40
            and not _SENTENCE_MARK.search(line)
            and not _NUMBERED.match(line)
            and not doc_type_of(line)
            and (not _TITLE_LINE.match(following) or ("关于" in line and "关于" not in following))
            and _TITLE_LINE.match(joined)
            and not any(find_doc_numbers(line))
        ):
            return joined
        numbered = _NUMBER_BEFORE_TITLE.match(line)
        rest = line[numbered.end() :] if numbered else _FIRST_PAGE.sub("", line)
        at_body = _title_before_body(rest)
        if at_body:
            return at_body
        glued = _GLUED_TITLE.match(rest) or _TITLE_BEFORE_NUMBER.match(rest)
        if glued:
            return glued.group("title")
    for k, line in enumerate(lines[:-1]):
        if (
            len(line) <= 80
            and not _SENTENCE_MARK.search(line)
            and _HISTORY_LINE.match(lines[k + 1])
        ):
            return line
    return title_from_page(page_title)


def _date_line(line: str) -> str | None:
    """The ISO date when ``line`` is nothing but a date (a signature date)."""
    stripped = line.strip()
    # A signature whose 日 the page lost: 2023年3月6
    cut = re.fullmatch(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})", stripped)
    if cut:
        return parse_date(f"{stripped}日")
    for match in find_dates(stripped):
        if match.start == 0 and match.end == len(stripped):
            return match.iso
    return None


def _squeezed_date(line: str, known: tuple[str, ...]) -> str | None:
    """A header date whose 年/月/日 the page lost in the signature: ``2024419`` under a header
    that says ``成文日期 2024-04-19`` (Chongqing's disclosure pages draw them as images).

    >>> _squeezed_date("2024419", ("2024-04-19",))
    '2024-04-19'
    >>> _squeezed_date("2024419", ()) is None
    True
    """
    digits = line.strip()
    for iso in known:
        year, month, day = iso.split("-")
        if digits == f"{year}{int(month)}{int(day)}":
            return iso
    return None


def signature(
    text: str, start: int, known_dates: tuple[str, ...] = ()
) -> tuple[list[str], str | None]:
    """Names signed above the first date-only line after ``start``, and that date
    (``known_dates``: the header's dates, which a signature may repeat without 年月日)."""
    lines = _body_lines(text, start)
    for k, (_, line) in enumerate(lines):
        iso = _date_line(line) or _squeezed_date(line, known_dates)
        if iso is None:
            continue
        names: list[str] = []
        j = k - 1
        while j >= 0 and is_signature_name(lines[j][1]):
            names.insert(0, lines[j][1].strip())
            j -= 1
        if not names and k > 0:
            names = _glued_signer(lines[k - 1][1])
        return names, iso
    for _, line in lines:
        glued = _glued_signature(line)
        if glued[1]:
            return glued
    return [], None


def _glued_signer(line: str) -> list[str]:
    """The signer glued to the end of the line above a signature date, after a sentence or a
    contact line: "…邮箱:396579293@qq.com四川省质量强省工作领导小组" (四川, round 3).

    >>> _glued_signer("邮箱:396579293@qq.com四川省质量强省工作领导小组")
    ['四川省质量强省工作领导小组']
    >>> _glued_signer("请认真贯彻执行")
    []
    """
    tail = re.split(r"[。；;，,：:A-Za-z0-9@._\-]+", line.strip())[-1]
    return [tail] if len(tail) >= 4 and tail != line.strip() and is_signature_name(tail) else []


# A flattened page ends with the signature glued to the last sentence:
# …报送镇质量工作领导小组办公室。桑珠孜区山泉镇人民政府2011年7月26日


def _glued_signature(line: str) -> tuple[list[str], str | None]:
    """Names and date of a signature glued between sentences of a flattened line, if any:
    ``…请认真组织实施。内蒙古自治区人民政府办公厅二〇一四年十一月二十五日内蒙古自治区…``."""
    for date in find_dates(line):
        before = line[: date.start]
        # …or opening a flattened line, set off by spaces: 杭州市人民政府 2016年12月23日 关于…
        at_start = re.fullmatch(r"([\u4e00-\u9fff]{2,30})\s+", before)
        if (
            at_start
            and is_signature_name(at_start.group(1))
            and line[date.end : date.end + 1].isspace()
        ):
            return [at_start.group(1)], date.iso
        # …or opening it with the 此件公开发布 note: 建湖县人民政府2024年5月27日(此件公开发布)建湖县…
        if (
            re.fullmatch(r"[\u4e00-\u9fff]{4,30}", before)
            and is_signature_name(before)
            and re.match(r"\s*[(（]此件", line[date.end :])
        ):
            return [before], date.iso
        names = re.split(r"[。；;！!]", before)
        at_end = not line[date.end :].strip(" ,，。;；")
        if len(names) < 2 and not at_end:
            signed = _signed_after_comma(before, line[date.end :])
            if signed:
                return [signed], date.iso
            continue
        signed = names[-1].strip()
        if signed and is_signature_name(signed):
            return signed.split(), date.iso
        signed = _signed_after_comma(before, line[date.end :])
        if signed:
            return [signed], date.iso
    return [], None


def _signed_after_comma(before: str, after: str) -> str | None:
    """A signature glued after a comma on a flattened line, the date after it ending the line or
    opening the next heading: …研究通过,无锡市滨湖区人民政府2023年1月19日滨湖区区长质量奖… /
    …质量标杆企业,南通市通州区质量发展委员会办公室2023年10月24日,。

    >>> _signed_after_comma("研究通过,无锡市滨湖区人民政府", "滨湖区区长质量奖评定管理办法第一章")
    '无锡市滨湖区人民政府'
    >>> _signed_after_comma("已于11月12日经市人民政府", "第15次市长办公会议审议通过") is None
    True
    """
    signed = re.split(r"[,，]", before)[-1].strip()
    if len(signed) < 6 or re.match(r"^(?:经|由|在|向|报|请|以|将|按)", signed):
        return None
    if not is_signature_name(signed):
        return None
    if after.strip(" ,，。;；") and not re.match(r"[\u4e00-\u9fff]{4}", after):
        return None
    return signed


def _validity(fields: list[HeaderField]) -> tuple[bool | None, str | None]:
    for f in fields:
        if f.role != "validity":
            continue
        value = f.value
        if _STILL_IN_FORCE.search(value):
            return True, None
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


# An order's number (令): 国令第707号, 中华人民共和国国务院令第53号, 国家市场监督管理总局令第43号.
_ORDER_NUMBER = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{0,20}令\s*第\s*[0-9]+\s*号$")
_WRAPPING = "()（）[]［］【】 "
# A 文号 written without its year: 奉政发74号 (奉化区), 高新管办108号 (南宁高新区): an issuer's short
# name ending in 发/办/函/字, then the serial number.
_YEARLESS_NUMBER = re.compile(r"^(?!第)[\u4e00-\u9fff]{1,8}[发办函字]\s*\d{1,4}\s*号$")


def normalise_number(value: str) -> str | None:
    """A 文号 or an order number written alone (brackets around it dropped), normalised.

    >>> normalise_number("（新质监办发〔2012〕24号）")
    '新质监办发〔2012〕24号'
    >>> normalise_number("国令第707号")
    '国令第707号'
    >>> normalise_number("奉政发74号"), normalise_number("高新管办108号")
    ('奉政发74号', '高新管办108号')
    >>> normalise_number("第一条") is None
    True
    """
    value = value.strip().strip(_WRAPPING)
    number = normalise_doc_number(value)
    if number:
        return number
    if _ORDER_NUMBER.match(value) or _YEARLESS_NUMBER.match(value):
        return re.sub(r"\s", "", value)
    return None


def _doc_number(text: str, fields: list[HeaderField], title: str | None) -> str | None:
    for f in fields:
        if f.role == "doc_number":
            number = normalise_number(f.value)
            if number:
                return number
    for line in text.split("\n")[:20]:
        both = _BRACKETED_NUMBER_DATE.match(line.strip())
        if both:
            return normalise_number(both.group("number"))
    # Without a header, a number standing on its own line near the top is the document's own,
    # and so is one glued right after the title on a flattened page.
    for _, line in _body_lines(text, 0)[:8]:
        number = normalise_number(line)
        if number:
            return number

        numbered = _NUMBER_BEFORE_TITLE.match(line)
        if title and numbered and line[numbered.end() :].lstrip(" \t\u3000").startswith(title):
            return normalise_doc_number(numbered.group("number")) or numbered.group("number")
        if title:
            spaced = r"\s*".join(re.escape(ch) for ch in _compact(title))
            for at in (m.end() for m in re.finditer(spaced, line)):
                after = line[at:]
                bracketed = _TRAILING_NUMBER.match(after)
                if bracketed:
                    number = normalise_number(bracketed.group("number"))
                    if number:
                        return number
                lead = len(after) - len(after.lstrip())
                first = next(iter(find_doc_numbers(after[:24])), None)
                if first is not None and first.start == lead:
                    return first.doc_number
    return None


def _split_names(value: str) -> list[str]:
    return [name for name in re.split(r"[、,，;；\s]+", value) if name]


def extract_metadata(text: str, page_title: str | None = None) -> Metadata:
    """All metadata the clean ``text`` states (``page_title``: an HTML page's ``<title>``).

    >>> m = extract_metadata("2011年产品质量管理实施方案\\n为认真贯彻落实…,特制定本实施方案。")
    >>> (m.title, m.doc_type, m.issued, m.issuers)
    ('2011年产品质量管理实施方案', '实施方案', None, [])
    """
    fields = parse_header(text)
    meta = Metadata()
    meta.title = find_title(text, fields, page_title)
    titled_number = _TRAILING_NUMBER.search(meta.title) if meta.title else None
    if meta.title and titled_number:
        # A mirror's headline carries the 文号 in brackets: …的实施意见 (鄂政办发〔2022〕48号).
        meta.title = meta.title[: titled_number.start()].rstrip()
    report = announced(text) if meta.title is None else None
    if report:
        meta.title = report[0]
    # A header without a title field (disclosure fields one a line over the addressees) does not
    # stop the capture from starting below the notice's title (崇明区新河镇).
    has_title_field = any(f.role == "title" for f in fields)
    handed_out = _untitled_notice(text, meta.title) if not has_title_field else None
    if handed_out:
        meta.title = None
        meta.plan_title = handed_out
        meta.warnings.append("no title: the capture starts at the addressees of a notice")
    elif meta.title:
        meta.plan_title = plan_title_of(meta.title)
        meta.doc_type = doc_type_of(meta.title)
    else:
        meta.warnings.append("no title found: the text names none the loader recognises")
    history = history_facts(find_history(text))
    meta.doc_number = (
        _doc_number(text, fields, meta.title)
        or (normalise_number(titled_number.group("number")) if titled_number else None)
        or (history.doc_number if history else None)
    )
    header_dates = tuple(
        d for f in fields if f.role in ("issued", "published") for d in [_field_date(f.value)] if d
    )
    signed_names, signed_date = signature(text, header_end(text), header_dates)
    header_issuers = [f.value for f in fields if f.role == "issuer"]
    if signed_names:
        meta.issuers = [name for line in signed_names for name in signature_names(line)]
    elif header_issuers:
        meta.issuers = [name for value in header_issuers for name in _split_names(value)]
    elif history and history.issuers:
        meta.issuers = list(history.issuers)
    elif report:
        meta.issuers = report[1]
    elif letterhead_issuers(text):
        meta.issuers = letterhead_issuers(text)
    elif meta.title:
        meta.issuers = issuers_in_title(meta.title)
    fuller = (issuers_in_title(_compact(meta.title)) if meta.title else []) + letterhead_issuers(
        text
    )
    meta.issuers = [_fuller_issuer(name, fuller) for name in meta.issuers]
    page_dates = {_field_date(f.value) for f in fields if f.role == "published"}
    issued = [
        _field_date(f.value)
        for f in fields
        if f.role == "issued"
        # 生成日期 on the day the page was published is the page's, when a signature dates the
        # document (九江: • 生成日期: 2020-06-29, 发布日期: 2020-06-29, signed 2020年6月22日).
        and not (f.label == "生成日期" and signed_date and _field_date(f.value) in page_dates)
    ]
    # A page's 发布日期 is its publication; a 公开日期 beside it is the disclosure entry's date.
    published = [
        parse_date(f.value)
        for f in sorted(
            (f for f in fields if f.role == "published"), key=lambda f: f.label == "公开日期"
        )
    ]
    meta.issued = (
        next((d for d in issued if d), None)
        or signed_date
        or (history.issued if history else None)
        or _date_under_title(text, meta.title)
        or (report[2] if report else None)
    )
    meta.published = next((d for d in published if d), None) or (
        history.published if history and not issued and history.published != signed_date else None
    )
    meta.in_force, meta.repealed_by = _validity(fields)
    meta.draft = is_draft(meta.title, text)
    return meta


def _field_date(value: str) -> str | None:
    """The date of a header field, also when the page padded it (成文日期: 2022- 04- 27).

    >>> _field_date("2022- 04- 27"), _field_date("2024-01-18 14:06")
    ('2022-04-27', '2024-01-18')
    """
    return parse_date(re.sub(r"(?<=\d-)\s+(?=\d)", "", value))


def _fuller_issuer(name: str, named: list[str]) -> str:
    """The fullest form of an issuer that the title or the letterhead also names.

    A signature or a disclosure field often shortens the body the title or the red head names in
    full: 区政府办公室 under 深圳市宝安区人民政府办公室关于…, 立山区人民政府 under the letterhead
    鞍山市立山区人民政府文件, 发布机构 下陆区政府办公室 over 区人民政府办公室关于…, 发布部门
    驻马店市政府 over 驻马店市人民政府办公室关于…. 政府 is read as 人民政府 for the comparison.

    >>> _fuller_issuer("区政府办公室", ["深圳市宝安区人民政府办公室"])
    '深圳市宝安区人民政府办公室'
    >>> _fuller_issuer("下陆区政府办公室", ["区人民政府办公室"])
    '下陆区人民政府办公室'
    >>> _fuller_issuer("驻马店市政府", ["驻马店市人民政府办公室"])
    '驻马店市人民政府办公室'
    >>> _fuller_issuer("江苏省人民政府办公厅", ["省政府办公厅"])
    '江苏省人民政府办公厅'
    """
    full = re.sub(r"(?<!人民)政府", "人民政府", name)
    for other in named:
        other_full = re.sub(r"(?<!人民)政府", "人民政府", other)
        if other_full == full:
            continue
        prefix = other_full[: -len(full)] if other_full.endswith(full) else ""
        if prefix and (full[0] in "省市县区镇" or prefix[-1] in "省市县区镇州盟旗"):
            return other_full
        if full.endswith(other_full) and other_full[0] in "省市县区镇" and full[: -len(other_full)]:
            return full
        if (
            other_full.startswith(full)
            and re.search(r"人民政府$", full)
            and other_full[len(full) :]
            in (
                "办公室",
                "办公厅",
            )
        ):
            return other_full
    return name


# A news report's lead over the text it reports: 中共湖北省委 湖北省人民政府印发《湖北省质量强省建设
# 纲要》 / 2023年6月14日,新疆维吾尔自治区党委、自治区人民政府印发《…实施方案》,并发出通知.
_ANNOUNCED = re.compile(
    r"^(?:(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[,，]\s*)?(?:近日[,，]?\s*)?"
    r"(?P<by>[\u4e00-\u9fff、 ]{2,60}?)(?:近日)?印发了?《(?P<title>[^《》]{4,80})》"
)


# A report's first sentence: "近日,经市委、市政府研究同意,泉州市质量强市工作领导小组印发了《…》"
# (泉州), "3月1日,中共四川省委、四川省政府出台并印发了《…》" (四川, round 3).
_ANNOUNCED_LEAD = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|近日)[,，]\s*(?:经[^,，。]{2,30}?同意[,，]\s*)?"
    r"(?P<by>[\u4e00-\u9fff、 ]{2,60}?)(?:出台并)?印发了?《(?P<title>[^《》]{4,80})》"
)


def announced(text: str) -> tuple[str, list[str], str | None] | None:
    """Title, issuers and date of the document a news report's lead line says was issued
    (``X印发《Y》``: the text that follows is Y), when the lead names its issuers.

    >>> announced("中共湖北省委 湖北省人民政府印发《湖北省质量强省建设纲要》\\n近日…")
    ('湖北省质量强省建设纲要', ['中共湖北省委', '湖北省人民政府'], None)
    """
    for line in text.split("\n")[:16]:
        m = _ANNOUNCED.match(line.strip()) or _ANNOUNCED_LEAD.match(line.strip())
        if not m or not doc_type_of(m.group("title")):
            continue
        names = [n for n in re.split(r"[、 ]+", m.group("by")) if n]
        # A report shortens the government's name: 四川省政府 is 四川省人民政府.
        names = [re.sub(r"^(.{2,10}[省市县区])政府$", r"\1人民政府", n) for n in names]
        if names and all(is_signature_name(n) for n in names):
            date = m.groupdict().get("date")
            return m.group("title"), names, parse_date(date) if date else None
    return None


# The addressees (主送机关) of a notice on a line of their own: 各县区人民政府,…有关单位:
# or the bodies of a district's own government: 区直有关部门和单位: (上虞, round 3).
# A committee's notice to its members: 市食药安委各成员单位,各区食药安委: (上海市食品药品安全委员会,
# round 4).
_ADDRESSEES = re.compile(
    r"^(?:各|[区市县]直|[\u4e00-\u9fff]{2,12}(?:管委会|人民政府|政府)|[\u4e00-\u9fff]{2,12}各成员单位)"
    r"[^。]{0,160}[:：]$"
)
# What a notice hands out, in its first sentence: 现将《X》印发给你们 / 《X》已经市政府同意,现印发给你们.
# A leading group's cover letter says "制定了《X》,并经…审议通过,现予以印发" (四川省质量强省工作
# 领导小组, round 3).
_HANDED_OUT = re.compile(
    r"(?:现将)?《(?P<plan>[^《》]{4,100})》[^。]{0,40}?(?:印发给你们|现予以?印发)"
)


def _untitled_notice(text: str, title: str | None) -> str | None:
    """The plan a notice hands out when the capture begins below the notice's own title: the
    addressees come first, then "现将《X》印发给你们", and the first title line after them is X's
    heading, not the notice's title."""
    lines = [line.strip() for line in text.split("\n")[:20]]
    at = next((k for k, line in enumerate(lines) if _ADDRESSEES.match(line)), None)
    if at is None or any(_TITLE_LINE.match(line) for line in lines[:at] if line):
        return None
    for line in lines[at + 1 : at + 3]:
        handed = _HANDED_OUT.search(line)
        if handed:
            if (
                title is None
                or _compact(handed.group("plan")).startswith(_compact(title)[:6])
                or (title in "\n".join(lines[at + 1 :]))
            ):
                return handed.group("plan")
    return None


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value)


# A Party document's date in brackets under its title: (2018年3月19日)
_BRACKETED_DATE = re.compile(r"^[(（]\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*[)）]$")
# 文号 and date in one bracket under the title: (娄政发〔2017〕28号 2017年10月17日) (娄底, round 3).
_BRACKETED_NUMBER_DATE = re.compile(
    r"^[(（]\s*(?P<number>[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号)\s*"
    r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*[)）]$"
)


def _date_under_title(text: str, title: str | None) -> str | None:
    """The date in brackets on the line right under a title line (Party documents' 成文日期)."""
    if not title:
        return None
    lines = [line.strip() for line in text.split("\n")[:20]]
    key = _compact(title)
    for k, line in enumerate(lines[:-1]):
        dated = _BRACKETED_DATE.match(lines[k + 1])
        if dated and _compact(line).startswith(key[:12]):
            return parse_date(dated.group(1))
        both = _BRACKETED_NUMBER_DATE.match(lines[k + 1])
        if both and _compact(line).startswith(key[:12]):
            return parse_date(both.group("date"))
    return None


# The 发文机关标志 of a red-head document: 江苏省人民政府办公厅文件 / 中共义乌市委 义乌市人民政府文件.
_LETTERHEAD = re.compile(r"^(?P<names>[\u4e00-\u9fff ]{2,60}?)\s*文件$")


def letterhead_issuers(text: str) -> list[str]:
    """The issuers a red-head document's letterhead (发文机关标志) names, near the top.

    >>> letterhead_issuers("中共义乌市委 义乌市人民政府文件\\n市委发〔2013〕30号")
    ['中共义乌市委', '义乌市人民政府']
    >>> letterhead_issuers("关于印发的通知")
    []
    """
    for line in text.split("\n")[:6]:
        m = _LETTERHEAD.match(line.strip())
        if m and is_signature_name(m.group("names").strip()):
            return m.group("names").split()
    return []


def is_draft(title: str | None, text: str) -> bool:
    """True for a draft put out for comment: 征求意见稿 / 送审稿 / 草案 in the title or heading.

    >>> is_draft("XX市质量强市建设实施方案（征求意见稿）", "")
    True
    >>> is_draft("嘉泽镇2016年质量强镇工作的实施意见", "对征求意见稿提出的意见")
    False
    """
    if title and _DRAFT.search(title):
        return True
    head = "\n".join(text.split("\n")[:6])
    if re.search(r"^[(（]?(?:征求意见稿|送审稿)[)）]?$", head, re.MULTILINE):
        return True
    # A draft's heading further down, under the notice that asks for comments, or a news page's
    # tag: (征求意见稿) on its own line, 【草案全文】 before the title.
    top = "\n".join(line.strip() for line in text.split("\n")[:20])
    return bool(
        # (公开征求意见稿): 武汉市场监管局's brand plan, round 3.
        re.search(
            r"^(?:[(（](?:公开)?(?:征求意见稿|草案)[)）]|【草案[^】]{0,6}】.+|《[^《》]{4,100}》\s*[(（]草案[)）])$",
            top,
            re.MULTILINE,
        )
    )
