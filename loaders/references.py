"""References to other documents: every 《title》, bare 文号, standard code and named law.

Each reference carries the issuer written before it (国务院《…》, 市政府《…》), the
document number written after it (《…》(苏政发[2016]142号)), the sentence it stands in
and a ``relation`` read from the words around it:

- ``self``: the document's own or wrapped plan's title, an attachment line (附件:…)
- ``repealed_by``: the sentence says this document was repealed (此文件已宣布失效)
- ``announces``: a document promised, not cited (制定出台《…》, 研究制定, 加快《…》立法进程)
- ``law`` / ``standard``: 《…法》; GB/T 19580, ISO 9000, 《…准则》《…标准》
- ``implements``: 贯彻落实 / 根据…精神 / 按照 / 依据 — the higher-level documents carried out
- ``cites``: any other mention

An abbreviation (《纲要》) resolves to the earlier full title it stands for, and each
(document, relation) pair is reported once, at its first mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.header import parse_header
from loaders.issuers import issuer_before, issuer_in_title
from loaders.numerals import find_doc_numbers, normalise_doc_number
from loaders.record import Reference

# A title may wrap once (a revision-history line: 《关于修改〈…招标投标法〉\n〈…计量法〉的决定》).
_TITLE = re.compile(r"《(?P<title>[^《》\n]{1,100}(?:\n[^《》\n]{1,60})?)》")
# Inner titles of a revision decision are written 〈〉 or, in some databases, ＜＞ or <>.
_INNER_QUOTES = str.maketrans("＜＞<>", "〈〉〈〉")
_REPEALED_AFTER = re.compile(r"同时废止|予以废止|同时失效|废止$")
# Certificates, licences and marks in 《》 are papers a holder shows, not documents:
# 《制造计量器具许可证》, 《中华人民共和国进口计量器具型式批准证书》.
_CERTIFICATE = re.compile(r"(?:许可证|证书|合格证|执照|标志|证)$")
# Forms a unit fills in are not documents either: 《自治区质量技术监督局信息宣传联络员登记表》
# (xj_zhijian_news_publicity_2012, 附件1); 填写《清理整顿报告书》 (statecouncil_29).
_FORM = re.compile(r"(?:登记表|申报单|通知单|申请表|审批表|统计表|报告书)$")
# Carried out by the words after it: 做好《破坏性地震应急条例》和《国家破坏性地震应急预案》的落实
# 工作; 《X》已经国务院同意，请各省、自治区、直辖市人民政府认真贯彻落实 (statecouncil_30).
_IMPLEMENT_AFTER = re.compile(
    r"^(?:\s*(?:和|及|、)\s*《[^《》]{1,60}》)*\s*(?:的)?(?:落实|贯彻落实|贯彻执行|实施)工作"
    r"|^[^。《]{0,12}已经国务院同意[，,]\s*请[^。]{0,30}(?:贯彻落实|贯彻执行|遵照执行)"
)
# A proposal about a document is not the document promised: 提出对《国有资产评估管理办法》的修订
# 建议 (statecouncil_09) cites it.
_PROPOSAL_AFTER = re.compile(r"^的?(?:修订|修改|制定)(?:建议|意见)")
# What is drafted is the rules under a title, not the title: 制定和完善《中华人民共和国安全生产法》的
# 配套实施办法 (statecouncil_28).
_SUBSIDIARY_AFTER = re.compile(r"^的?(?:配套|实施办法|实施细则|实施意见)")
# A law's revision history: 根据《关于修改〈X〉的决定》第二次修正 amends, it is not carried out.
_REVISION = re.compile(r"关于修改.*决定$")
# A document's title written without 《》 right before its number in brackets.
_UNQUOTED_TITLE = re.compile(
    r"(?:^|[，,。；;：:、\n]|印发|转发|根据|按照|依照|依据|落实|执行|贯彻|你们|你[省市区部委局办])"
    r"(?!你们|你[省市区部委局办])(?P<title>[^，,。；;：:、《》“”\n]{0,30}关于[^，,。；;：:《》“”\n]{2,60}的"
    r"(?:通知|意见|决定|办法|规定|批复|函|通报|纲要|方案|规划|计划|请示|报告))\s*[(（]\s*$"
)
# The notice that wraps a document: 《X》已经国务院同意，现印发给你们 / 现转发给你们.
_WRAPPER_AFTER = re.compile(r"^[^。]{0,30}现(?:将其?|予)?(?:印发|转发|发布|公布)(?:给你们)?")
_NEGATED_IMPLEMENT = re.compile(r"(?:不再|停止)(?:执行|适用|实行)$")
_STANDARD = re.compile(
    r"(?<![A-Za-z])(?P<body>GB/T|GB/Z|GB|DB\d{0,6}/T|JJF|JJG|ISO|IS0|IEC)\s*(?P<no>\d{3,6}(?:\.\d+)?)"
    r"(?:\s*[-:：]\s*(?P<year>(?:19|20)\d{2}))?",
    re.IGNORECASE,
)
_STANDARD_BEFORE = re.compile(_STANDARD.pattern + r"\s*$", re.IGNORECASE)
# A standard's code in brackets after its title: 《城市居住区规划设计标准》（GB 50180） (国办发〔2019〕3号).
_STANDARD_AFTER = re.compile(r"^\s*[(（]\s*" + _STANDARD.pattern + r"\s*[)）]", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"^\s*[(（]\s*(?P<number>[^()（）\n]{4,30}?)\s*[)）]")
_CLAUSE_BREAK = "。；;！？!?\n,，:："
_SENTENCE_END = "。！？!?"

_ANNOUNCE = ("制定出台", "研究制定", "推动出台", "出台", "制定", "起草", "编制", "修订", "修改")
_IMPLEMENT = ("贯彻落实", "贯彻", "落实", "根据", "按照", "依据", "依照", "遵照", "执行")
_AFTER_ANNOUNCE = re.compile(r"^(?:的)?(?:立法|制定|出台|起草|修订)")
_REPEAL = re.compile(r"宣布失效|予以废止|已废止|已失效|同时废止|停止执行")
_LAW_NOT = re.compile(r"(?:办|方|做|违|执|立|司|依|合|守|用|想|手|说)法$")
_STANDARD_TITLE = re.compile(r"(?:准则|标准|规范|规程)$")
_COUNT_BEFORE = re.compile(r"(?:两|二|三|四|几|多|各|上述)个?$")
# Unbracketed laws and outlines named right after a verb: 宣传产品质量法和国务院质量强国建设纲要.
_BARE_VERB = r"(?:宣传|贯彻|依据|依照|根据|遵守|执行|学习|宣贯|实施)+"
_BARE_ITEM = r"[\u4e00-\u9fff]{2,20}?(?:法|条例|纲要)"
_BARE_TITLES = re.compile(
    rf"{_BARE_VERB}(?P<items>{_BARE_ITEM}(?:(?:和|及|与|、){_BARE_ITEM})*)(?=[,，。；;、和及与的]|$)"
)
_ATTACHMENT = re.compile(
    r"^附件\s*\d*\s*[:：]\s*(?:\d+[.、．]\s*)?(?P<title>.+?)\s*$", re.MULTILINE
)


@dataclass
class _Mention:
    title: str | None
    doc_number: str | None
    issuer: str | None
    start: int
    end: int
    standard: bool = False


def normalise_standard(body: str, number: str, year: str | None = None) -> str:
    """A standard code in canonical form: ``is09000`` → ``ISO 9000``, ``GB/T19580`` → ``GB/T 19580``.

    >>> normalise_standard("is0", "9000")
    'ISO 9000'
    >>> normalise_standard("GB/T", "19580", "2012")
    'GB/T 19580-2012'
    """
    body = body.upper().replace("IS0", "ISO")
    code = f"{body} {number}"
    if year:
        code += ":" + year if body in ("ISO", "IEC") else "-" + year
    return code


def _same_title(a: str | None, b: str | None) -> bool:
    def key(s: str) -> str:
        return re.sub(r"[\s《》“”\"']", "", s)

    return bool(a and b and key(a) == key(b))


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around ``text[start:end]`` and its start offset."""
    left = start
    while left > 0 and text[left - 1] not in _SENTENCE_END + "\n":
        left -= 1
    right = end
    while right < len(text) and text[right] not in "\n":
        right += 1
        if text[right - 1] in _SENTENCE_END:
            break
    return text[left:right].strip(), left


def _clause_before(text: str, start: int) -> str:
    """The text of the clause leading up to ``start``, other titles masked out."""
    masked = _TITLE.sub(
        lambda m: "《" + "X" * (len(m.group(0)) - 2) + "》", text[max(0, start - 200) : start]
    )
    cut = max(masked.rfind(ch) for ch in _CLAUSE_BREAK)
    return masked[cut + 1 :]


def _last_trigger(clause: str) -> str | None:
    best: tuple[int, str] | None = None
    for word in (*_ANNOUNCE, *_IMPLEMENT):
        pos = clause.rfind(word)
        if pos >= 0 and (best is None or pos + len(word) > best[0] + len(best[1])):
            best = (pos, word)
    return best[1] if best else None


def _relation(text: str, mention: _Mention, own_titles: list[str]) -> str:
    title = mention.title
    if any(_same_title(title, own) for own in own_titles):
        return "self"
    sentence, left = _sentence(text, mention.start, mention.end)
    if _WRAPPER_AFTER.match(text[mention.end : mention.end + 40]):
        return "self"
    outside = text[left : mention.start] + text[mention.end : left + len(sentence)]
    if _REPEAL.search(outside) and re.search(r"[此本该]", outside):
        return "repealed_by"
    rest = text[mention.end : left + len(sentence)]
    if _REPEALED_AFTER.search(rest.rstrip("。；; ")) and not re.search(r"[此本该]", outside):
        # "…通过的《上海市产品质量监督条例》同时废止": this document repeals the one it names.
        return "repealed_by"
    if title and _REVISION.search(title):
        return "cites"
    clause = _clause_before(text, mention.start)
    if _NEGATED_IMPLEMENT.search(clause):
        return "cites"
    trigger = _last_trigger(clause)
    after = text[mention.end : mention.end + 6]
    if _PROPOSAL_AFTER.match(after):
        return "cites"
    if (trigger in _ANNOUNCE or _AFTER_ANNOUNCE.match(after)) and not _SUBSIDIARY_AFTER.match(
        text[mention.end : mention.end + 8]
    ):
        return "announces"
    if _IMPLEMENT_AFTER.match(text[mention.end : left + len(sentence)]) and not (
        title and title.endswith("法") and not _LAW_NOT.search(title)
    ):
        return "implements"
    if title and title.endswith("法") and not _LAW_NOT.search(title):
        return "law"
    if mention.standard or (title and _STANDARD_TITLE.search(title)):
        return "standard"
    if trigger in _IMPLEMENT:
        return "implements"
    return "cites"


def _skip_spans(text: str) -> list[tuple[int, int]]:
    """Header values that repeat the document's own data (title, number, summary)."""
    return [(f.start, f.end) for f in parse_header(text) if f.role != "validity"]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(mentions: list[_Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _title_mentions(text: str, skip: list[tuple[int, int]]) -> list[_Mention]:
    mentions: list[_Mention] = []
    for m in _TITLE.finditer(text):
        if _inside(skip, m.start(), m.end()):
            continue
        title = re.sub(r"\s*\n\s*", "", m.group("title").strip()).translate(_INNER_QUOTES)
        if _CERTIFICATE.search(title) or _FORM.search(title):
            continue
        start, end = m.start(), m.end()
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        issuer: str | None = None
        found = issuer_before(before)
        if found:
            issuer, issuer_start = found
            start = line_start + issuer_start
        else:
            issuer = issuer_in_title(title)
        doc_number: str | None = None
        after = _NUMBER_AFTER.match(text[end : end + 40])
        if after and normalise_doc_number(after.group("number")):
            doc_number = normalise_doc_number(after.group("number"))
            end += after.end()
        standard = False
        code_after = _STANDARD_AFTER.match(text[end : end + 40])
        if doc_number is None and code_after:
            doc_number = normalise_standard(
                code_after.group("body"), code_after.group("no"), code_after.group("year")
            )
            end += code_after.end()
            standard = True
        code = _STANDARD_BEFORE.search(before)
        if code:
            doc_number = normalise_standard(
                code.group("body"), code.group("no"), code.group("year")
            )
            start = min(start, line_start + code.start())
            standard = True
        mentions.append(_Mention(title, doc_number, issuer, start, end, standard))
    return mentions


def _resolve_abbreviation(text: str, mention: _Mention, earlier: list[_Mention]) -> None:
    """Give a short title (《纲要》) the full title of the earlier document it abbreviates."""
    title = mention.title or ""
    if mention.doc_number:
        return
    bracket = text.find("《", mention.start)
    if _COUNT_BEFORE.search(text[max(0, bracket - 3) : bracket]):
        return  # 两个《决定》: several documents, not one
    for candidate in reversed(earlier):
        full = re.sub(r"[(（][^()（）]*[)）]$", "", candidate.title or "")
        if candidate.title == title or not (
            full == title or (len(title) <= 4 and full.endswith(title))
        ):
            continue
        if mention.issuer is not None and candidate.issuer != mention.issuer:
            continue
        mention.title = candidate.title
        mention.issuer = mention.issuer or candidate.issuer
        mention.doc_number = candidate.doc_number
        return


def find_references(
    text: str,
    *,
    title: str | None = None,
    plan_title: str | None = None,
    doc_number: str | None = None,
) -> list[Reference]:
    """All references in the clean ``text``; ``title``/``plan_title``/``doc_number`` are the
    document's own, so mentions of itself are marked ``self`` (or skipped, for its number).

    >>> refs = find_references("为贯彻落实国务院《质量发展纲要(2011-2020年)》,按照《纲要》要求,制定出台《质量奖管理办法》。")
    >>> [(r.title, r.issuer, r.relation) for r in refs]
    [('质量发展纲要(2011-2020年)', '国务院', 'implements'), ('质量奖管理办法', None, 'announces')]
    """
    own_titles = [t for t in (title, plan_title) if t]
    skip = _skip_spans(text)
    mentions = _title_mentions(text, skip)
    for i, mention in enumerate(mentions):
        _resolve_abbreviation(text, mention, mentions[:i])
    for found in find_doc_numbers(text):
        start, end = found.start, found.end
        if (
            found.doc_number == doc_number
            or _inside(skip, start, end)
            or _overlaps(mentions, start, end)
        ):
            continue
        titled = next(
            (mt for mt in mentions if mt.title and mt.doc_number == found.doc_number), None
        )
        unquoted = _UNQUOTED_TITLE.search(text, max(0, start - 80), start)
        if titled is not None:
            # 按照国办发〔1993〕71号文件: the document already cited by its title.
            mentions.append(_Mention(titled.title, found.doc_number, titled.issuer, start, end))
        elif unquoted is not None:
            # 国务院关于…的通知（国发〔2016〕5号）: a title written without 《》.
            verb = re.match(
                r"(?:根据|按照|依照|依据|贯彻落实|落实|贯彻|执行|印发|转发)+",
                unquoted.group("title"),
            )
            title_start = unquoted.start("title") + (verb.end() if verb else 0)
            name = text[title_start : unquoted.end("title")]
            mentions.append(
                _Mention(name, found.doc_number, issuer_in_title(name), title_start, end)
            )
        else:
            mentions.append(_Mention(None, found.doc_number, None, start, end))
    for m in _STANDARD.finditer(text):
        if _inside(skip, m.start(), m.end()) or _overlaps(mentions, m.start(), m.end()):
            continue
        code = normalise_standard(m.group("body"), m.group("no"), m.group("year"))
        mentions.append(_Mention(None, code, None, m.start(), m.end(), standard=True))
    for m in _BARE_TITLES.finditer(text):
        items_start = m.start("items")
        for item in re.finditer(rf"(?:^|(?<=[和及与、])){_BARE_ITEM}", m.group("items")):
            name = item.group(0)
            # 依照国家有关规定和本条例: the document itself and unnamed rules are not titles.
            if _LAW_NOT.search(name) or re.search(r"^(?:本|有关|相关|国家有关)|规定和|和本", name):
                continue
            start, end = items_start + item.start(), items_start + item.end()
            if _inside(skip, start, end) or _overlaps(mentions, start, end):
                continue
            bare = _Mention(name, None, issuer_in_title(name), start, end)
            _resolve_abbreviation(text, bare, [mt for mt in mentions if mt.start < start])
            mentions.append(bare)
    mentions.sort(key=lambda mt: mt.start)
    references: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    for mention in mentions:
        relation = _relation(text, mention, own_titles)
        key = (mention.title or mention.doc_number or "", relation)
        if key in seen:
            continue
        seen.add(key)
        sentence, _ = _sentence(text, mention.start, mention.end)
        references.append(
            Reference(
                mention.title,
                mention.doc_number,
                mention.issuer,
                relation,
                sentence,
                mention.start,
                mention.end,
            )
        )
    for m in _ATTACHMENT.finditer(text):
        name = re.sub(r"\.(docx?|pdf|xlsx?|wps)$", "", m.group("title").strip("《》 "), flags=re.I)
        if ("self", name) not in {(r.relation, r.title) for r in references}:
            references.append(
                Reference(
                    name, None, None, "self", m.group(0).strip(), m.start("title"), m.end("title")
                )
            )
    return references
