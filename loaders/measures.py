"""Measures: the numbered task items of a plan and the agencies that lead, join or answer for them.

A measure is a leaf item under a section whose heading names tasks or measures (工作任务和分工,
重点工作, 主要措施, 工作措施, 保障措施 …). Its agencies come from

- a trailing parenthesis: (省质监局牵头,省发展改革委、…参加), (省人力资源社会保障厅、国资委、质监局负责);
- sentences led by an agency: 质监分局要…, 农业部门要负责…, 公安、司法部门要密切配合….

>>> from loaders.regions import DocContext
>>> from loaders.record import Section
>>> ctx = DocContext(region="江苏省", level="province", province="江苏省")
>>> text = "二、工作任务\\n1.部署推进质量强省工作。召开大会。(省质监局负责)\\n"
>>> sections = [Section("二", "工作任务", 0, len(text) - 1), Section("二.1", "", 7, len(text) - 1)]
>>> m = extract_measures(text, sections, ctx)[0]
>>> (m.path, m.title, [a.name for a in m.responsible])
('二.1', '部署推进质量强省工作', ['江苏省质量技术监督局'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.agencies import split_agencies
from loaders.record import Agency, Measure, Section
from loaders.regions import DocContext

_CONTAINER = re.compile(r"任务|措施|重点工作|工作重点|分工|重点工程|主要工作|职责")
_NUMBERING = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|、)[ \t\u3000]*"
)
_ROLE = re.compile(r"(?P<who>[^牵参配负]*?)(?P<role>牵头|参加|配合|参与|协办|负责)(?:[,，;；、]|$)")
_ROLES = {
    "牵头": "lead",
    "参加": "participants",
    "配合": "participants",
    "参与": "participants",
    "协办": "participants",
    "负责": "responsible",
}
_TRAILING_PAREN = re.compile(
    r"[(（]([^()（）]*(?:牵头|参加|配合|负责)[^()（）]*)[)）]\s*[。.]?\s*$"
)
_AGENCY_END = r"(?:主管部门|部门|分局|局|厅|委员会|委|办公室|人民政府(?:[(（]工委[)）])?|政府|办事处|管委会|总公司|公司|科)"
_SUBJECT = re.compile(
    rf"(?:^|(?<=[。；;！]))\s*(?P<subj>[^，。；,;:：\s“”\"(（][^，。；,;:：\s“”\"]{{0,29}}?{_AGENCY_END})"
    r"(?=都要|也要|要|应|负责|认真|积极|加强|按照|进一步|根据|结合|严格|抓好|做好|将)"
)
_SENTENCE_END = "。；;！!)）"


def _children(sections: Sequence[Section], section: Section) -> list[Section]:
    prefix = section.path + "."
    return [s for s in sections if s.path.startswith(prefix)]


def measure_sections(sections: Sequence[Section]) -> list[Section]:
    """The leaf items under task/measure headings, in document order."""
    chosen: list[Section] = []
    for container in sections:
        if not _CONTAINER.search(container.heading[:20]):
            continue
        if container.path.count(".") > 1:
            continue
        for section in _children(sections, container):
            if not _children(sections, section) and section not in chosen:
                chosen.append(section)
    return sorted(chosen, key=lambda s: s.start)


def _body(text: str, section: Section) -> tuple[int, int]:
    """Offsets of the item's own text: after its number, up to the end of its paragraph.

    A line break after an unfinished sentence is a page break inside the item, not its end.
    """
    start = section.start
    m = _NUMBERING.match(text, start)
    if m and m.end() <= section.end:
        start = m.end()
    end = start
    while end < section.end:
        newline = text.find("\n", end, section.end)
        if newline < 0:
            end = section.end
            break
        before = text[start:newline].rstrip()
        if before and before[-1] in _SENTENCE_END:
            end = start + len(before)
            break
        end = newline + 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def measure_title(body: str) -> str:
    """The heading clause of an item: its first sentence, or first clause when that is long."""
    first = re.split(r"[。；;：:]", body, maxsplit=1)[0]
    if len(first) > 40:
        first = re.split(r"[，,]", first, maxsplit=1)[0]
    return first.strip()


def _role_agencies(body: str, ctx: DocContext, heading: str = "") -> dict[str, list[Agency]]:
    roles: dict[str, list[Agency]] = {"lead": [], "participants": [], "responsible": []}
    paren = _TRAILING_PAREN.search(body)
    if paren:
        for m in _ROLE.finditer(paren.group(1)):
            who = m.group("who").strip(" ,，、;；")
            if who:
                roles[_ROLES[m.group("role")]].extend(split_agencies(who, ctx))
    # A heading run into its first sentence (建立机构,加强领导各级各有关部门要…) ends a sentence too.
    scans = [body]
    if heading and body.startswith(heading) and len(heading) < len(body):
        scans.append(body[len(heading) :])
    for m in (m for scan in scans for m in _SUBJECT.finditer(scan)):
        subject = m.group("subj")
        if re.match(r"^(?:对|在|为|按|由|把|将|使|要|同时|并|以|从)", subject):
            continue
        roles["responsible"].extend(split_agencies(subject, ctx))
    for key, agencies in roles.items():
        unique: dict[str, Agency] = {}
        for agency in agencies:
            unique.setdefault(agency.raw, agency)
        roles[key] = list(unique.values())
    return roles


def extract_measures(text: str, sections: Sequence[Section], ctx: DocContext) -> list[Measure]:
    """Every numbered task or measure item with its title, text, offsets and agencies."""
    measures: list[Measure] = []
    for section in measure_sections(sections):
        start, end = _body(text, section)
        body = text[start:end]
        if not body.strip():
            continue
        heading = section.heading.strip()
        roles = _role_agencies(body, ctx, heading)
        usable = body.startswith(heading) and 2 <= len(heading) <= 40 and heading != body
        measures.append(
            Measure(
                path=section.path,
                title=heading.rstrip("。.") if usable else measure_title(body),
                text=body,
                start=start,
                end=end,
                lead=roles["lead"],
                participants=roles["participants"],
                responsible=roles["responsible"],
            )
        )
    return measures
