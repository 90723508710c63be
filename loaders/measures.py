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
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d%％])|\d{1,2}[.、．](?!\d)|、)[ \t\u3000]*"
)
_ROLE_WORDS = "牵头|参加|配合|参与|协办|负责"
# "（北海市人民政府、合浦县人民政府负责落实）": 负责落实 is 负责 (北海 任务分解方案, round 4).
_ROLE = re.compile(
    rf"(?P<who>.+?)(?:按职责分工|按照职责分工|分别)?(?P<role>{_ROLE_WORDS})(?:落实)?(?=[,，;；。、]|$)"
)
_ROLES = {
    "牵头": "lead",
    "参加": "participants",
    "配合": "participants",
    "参与": "participants",
    "协办": "participants",
    "负责": "responsible",
}
# National style: "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）" — the first
# listed agency leads, here and in every later list of the document (下同, "the same below").
_FIRST_LEADS = re.compile(r"列第一位(?:者|的)?为牵头单位[，,]?\s*(?P<carry>下同)?")
# Labelled assignments: "（负责部门：住房城乡建设部；适用范围：…）", "责任单位：X、Y",
# "牵头单位：X　配合单位：Y".
_LABEL = re.compile(
    r"(?P<label>牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|配合单位|配合部门|参加单位|协办单位)"
    r"\s*[:：]\s*(?P<who>[^；;。:：()（）\n]+?)(?=\s*(?:[；;。]|$|[\s\u3000]+\S+[:：]|适用范围))"
)
_LABEL_ROLES = {"牵头": "lead", "责任": "responsible", "负责": "responsible"}
_TRAILING_PAREN = re.compile(
    rf"[(（]([^()（）]*(?:[^()（）]*[(（][^()（）]*[)）])*[^()（）]*(?:{_ROLE_WORDS})[^()（）]*)[)）]\s*[。.]?\s*$"
)
# A completion deadline stated with the assignment: （…负责，2019年底前完成） / 完成时限：长期坚持.
_DEADLINE = re.compile(
    r"(?:完成时限|时间节点|完成时间)\s*[:：]\s*(?P<labelled>[^；;。)）\n]{2,20})"
    r"|(?P<date>(?:\d{4}年(?:\d{1,2}月)?(?:底|末)?|年底)(?:前|以前)?(?:完成|启动|出台|到位)|长期坚持|持续推进)"
)
_LABEL_LINE = re.compile(
    r"^[ \t\u3000]*(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门)\s*[:：].*$",
    re.MULTILINE,
)
_AGENCY_END = (
    r"(?:主管部门|部门|分局|局|厅|委员会|委|办公室|人民政府(?:[(（]工委[)）])?|政府|办事处|管委会|"
    r"总公司|公司|科|部|总署|银行|机关|办|中心|站|所|(?<=各)单位|(?<=有关|相关)单位|(?<=各)(?:地区|地|省份)|"
    # Public bodies named by their function (statecouncil_16: 审核机构要…), not 金融机构 or
    # 医疗机构; the central purse as an owner (statecouncil_01: 中央财政要…奖补激励).
    r"(?<=审核|执法|监管|监察|行政|管理)机构|(?<=建设)兵团|(?<=中央)财政|(?<=各)成员单位|"
    # the bodies of a dual-management system (statecouncil_29: 登记管理机关、业务主管部门和挂靠单位)
    r"(?<=挂靠|主管|成员)单位)"
)
_SUBJECT = re.compile(
    rf"(?:^|(?<=[。；;！\n])|(?<=[，,])(?=[^，。；,;]{{1,40}}?(?:部门|政府|各地|单位|局|办公室|机关)(?:都要|要|应|将|必须)))\s*(?P<subj>[^，。；,;:：\s“”\"(（][^，。；,;:：\s“”\"]{{0,49}}?{_AGENCY_END})"
    r"(?=都要|也要|要|应|必须|负责|认真|积极|加强|按照|进一步|根据|结合|严格|抓好|做好|将|会同|按程序"
    # 各地以县（市、区）为单位，对…进行全面摸底排查 (statecouncil_04)
    r"|以[^，。；,;]{1,12}为单位"
    # 各有关部门和单位以及北京市、天津市等各地区，要积极主动对接 (statecouncil_11)
    r"|[，,]要(?!求)"
    # 各地区、各部门在制定相关规定时，要…; 各项目管理部门对科研项目要…
    r"|在[^。；;]{1,30}?时[，,]\s*要|对[^，。；,;]{1,20}?要)"
)
# A statement that a body does the work, with no 要: "国家卫生健康委于2019年12月底前完成…",
# "2019年3月底前，国家卫生健康委推行…", "卫生健康行政部门监督指导…". Only bodies the agency
# lexicons know count here, since any noun can start such a sentence.
_DECLARATIVE = re.compile(
    rf"(?:^|(?<=[。；;！]))\s*(?:\d{{4}}年(?:\d{{1,2}}月)?(?:底|末)?(?:前|以前)[，,])?"
    rf"(?P<subj>[^，。；,;:：\s“”\"(（][^，。；,;:：\s“”\"]{{0,49}}?{_AGENCY_END})"
    r"(?=于\d{4}年|在\d{4}年|推行|印发|建立|完成|组织|研究|监督|指导|出台|制定|开展|牵头|承担|落实"
    # 应急部为专用号牌及配套行驶证件的核发主管单位 (statecouncil_17)
    r"|为[^。，,；;]{0,30}?(?:主管|牵头|责任)单位)"
)
_REQUEST = re.compile(
    rf"(?:^|(?<=[。；;，,]))请(?P<who>[^，。；,;“”]{{1,60}}?{_AGENCY_END}(?:等部门|等单位)?)"
    r"(?:会同(?P<with>[^，。；,;]{2,30}?(?:部门|单位|部|委|局)))?"
    r"(?=在|于|落实|按照|研究|提出|牵头|负责|抓紧|加快|进一步|制定|会同|做好|组织|认真|贯彻)"
)
# Work given to a body with 由 inside a sentence: "应当由教育行政部门办成公办园",
# "分别由机构编制部门和民政部门依法办理…登记", "由区局办公室签批…通知单" (statecouncil_04,
# xj_zhijian_news_publicity_2012). Only verbs of doing count, not 由所在单位提出 (a request).
_BY = re.compile(
    rf"(?:应当|应|分别|均)?由(?P<who>[^，。；,;“”由]{{1,40}}?{_AGENCY_END}"
    rf"(?:(?:和|及|、)[^，。；,;“”由]{{1,20}}?{_AGENCY_END})*)"
    r"(?=依法|办成|办理|签批|承担|负责(?!同志|人)|组织|统一|牵头|审批|实施|监督|登记|责令|根据|依据|依照|综合)"
)
# A sentence that opens an item or a chapter's paragraph with its host and partners: "由省经贸委
# 承办,省农业厅、卫生厅…协办。", "(一)由省经贸委负责,省农业厅、环保局…配合,加快…" (福建 and a
# township's 治理“餐桌污染”方案, round 4). The host leads, the partners take part.
_BY_PARTNERS = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t\u3000]*由(?P<lead>[^，,。；;\n由]{2,60}?)(?:承办|牵头|负责)[，,]"
    r"(?P<with>[^，,。；;\n]{2,120}?)(?:协办|配合|参加|参与)(?=[，,。；;]|$)"
)
# Owners after each sentence of an item, not only after its last: "…跟踪评价。(区卫生健康委负责)
# 严格贯彻落实…实施意见。(区农业农村局负责)加强…" (池州市贵池区2020年食品安全重点工作安排,
# round 4). Each body answers for the item.
_SENTENCE_OWNER = re.compile(
    rf"(?<=[。；;])\s*[(（](?P<inner>[^()（）]{{2,60}}?(?:{_ROLE_WORDS})(?:落实)?)[)）]"
)
# A subject qualified by the bodies it stresses: 地方各级人民政府特别是…所在地的人民政府应….
_STRESS = re.compile(r"(?:特别是|尤其是|特别要|其中).*$")
_SENTENCE_END = "。；;！!)）"
_HEADING_LINE = re.compile(r"[^，,；;。\n]{2,20}[。.]?")
# An item inside an enumeration: the text before it ends a sibling with ； or opens the list with ：.
_IN_LIST = re.compile(r"[；;：:]\s*$")
_CLOSING_LINE = re.compile(
    r"^[ \t\u3000]*(?:\d{4}年\d{1,2}月\d{1,2}日|[一二三四五六七八九〇○零]{4}年[^\n]{1,6}日|（此件[^\n]*）"
    r"|国务院|国务院办公厅|[^\s，。；]{2,24}(?:人民政府|人民政府办公厅|办公厅))"
    r"[ \t\u3000]*$",
    re.MULTILINE,
)
_RUN_IN_VERB = re.compile(
    r"^(?:加强|建立|强化|完善|推进|落实|做好|提高|健全|营造|加大|明确|坚持|实施|开展|通过)"
)
# The body after 由 in a subject: 入围标准的具体指标由联合采购办公室负责拟定 (statecouncil_05);
# not 自由 (自由贸易试验区) or 理由.
_BY_INSIDE = re.compile(r"^.+?(?<![自理经])由(?=.{2})")
# District work plans close an item with its owners in square brackets:
# "…巩固疫情防控成果。[牵头单位:区卫健局、区创文办;责任单位:区疫情防控指挥部成员单位、各街办(新区)]".
# A provincial plan writes them in tortoise-shell brackets, 按职责分工负责 and a note after them:
# "〔责任单位:省发展改革委、省市场监管局、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,
# 不再做分工,下同。〕" (四川 现代流通体系建设实施方案, round 4).
_BRACKET_ASSIGNMENT = re.compile(
    r"[\[【［〔]\s*(?P<inner>(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门)\s*[:：]"
    r"[^\[\]【】［］〔〕]*)[\]】］〕]\s*[。.]?\s*$"
)


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
            if (
                _HEADING_LINE.fullmatch(before)
                and not _IN_LIST.search(text[: section.start])
                and not section.path.rsplit(".", 1)[-1].startswith("第")
            ):
                # A heading on a line of its own (（一）“双重”负责的原则。): the item's text is
                # the paragraphs under it (statecouncil_29), up to a signature or date line.
                # Not the last of a list (…职责：（一）…；（五）法律、法规规定的其他职责。),
                # whose following paragraphs belong to the article, not to the item.
                stop = _CLOSING_LINE.search(text, newline, section.end)
                end = stop.start() if stop else section.end
            break
        end = newline + 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # 责任单位：… / 牵头单位：…　配合单位：… lines that follow the item belong to it.
    while True:
        line = _LABEL_LINE.match(text, end + 1 if text[end : end + 1] == "\n" else end)
        if not line or line.start() > section.end:
            break
        end = min(line.end(), section.end)
    return start, end


def measure_title(body: str) -> str:
    """The heading clause of an item: its first sentence, or first clause when that is long."""
    first = re.split(r"[。；;：:]", body, maxsplit=1)[0]
    if len(first) > 40:
        first = re.split(r"[，,]", first, maxsplit=1)[0]
    return first.strip()


def _assignment_list(who: str) -> str:
    """The agency list of an assignment, without the words that close it.

    >>> _assignment_list("商务部、农业农村部等和各有关省级人民政府")
    '商务部、农业农村部、各有关省级人民政府'
    >>> _assignment_list("人力资源社会保障部等有关部门和单位")
    '人力资源社会保障部'
    """
    who = re.sub(r"等(?:有关|相关)?(?:部门|单位)?(?:和|及)(?=各|有关|其他)", "、", who)
    who = re.sub(r"等(?:有关|相关)?(?:部门)?(?:和|及)?(?:单位)?$", "", who.strip(" ,，、;；"))
    return re.sub(r"[，,]", "、", who)


def _paren_roles(paren: str, ctx: DocContext) -> list[tuple[str, list[Agency]]]:
    """(role, agencies) pairs an assignment parenthesis states, in its order."""
    found: list[tuple[str, list[Agency]]] = []
    for m in _LABEL.finditer(paren):
        label = m.group("label")
        role = next((r for k, r in _LABEL_ROLES.items() if label.startswith(k)), "participants")
        found.append((role, split_agencies(_assignment_list(m.group("who")), ctx)))
    if found:
        return found
    paren = _FIRST_LEADS.sub("", paren)
    for clause in re.split(r"[。；;]", paren):
        cooperate = re.match(r"(?P<lead>.+?)会同(?P<with>.+?)(?:共同)?负责$", clause.strip())
        if cooperate:
            found.append(("lead", split_agencies(_assignment_list(cooperate.group("lead")), ctx)))
            found.append(
                ("participants", split_agencies(_assignment_list(cooperate.group("with")), ctx))
            )
            continue
        for m in _ROLE.finditer(clause):
            who = _assignment_list(m.group("who"))
            if who:
                found.append((_ROLES[m.group("role")], split_agencies(who, ctx)))
    return found


def _role_agencies(
    body: str, ctx: DocContext, heading: str = "", first_leads: bool = False
) -> dict[str, list[Agency]]:
    roles: dict[str, list[Agency]] = {"lead": [], "participants": [], "responsible": []}
    assigned = False
    paren = _TRAILING_PAREN.search(body)
    lines = _LABEL_LINE.findall(body)
    stated = _paren_roles(paren.group(1), ctx) if paren else []
    for line in lines:
        stated.extend(_paren_roles(line, ctx))
    stated.extend(_bracket_roles(body, ctx))
    stated = _under_lead(stated)
    hosted = None if stated else _BY_PARTNERS.search(body)
    if hosted:
        stated = [
            ("lead", split_agencies(_assignment_list(hosted.group("lead")), ctx)),
            ("participants", split_agencies(_assignment_list(hosted.group("with")), ctx)),
        ]
    if not stated:
        for m in _SENTENCE_OWNER.finditer(body):
            stated.extend(_paren_roles(m.group("inner"), ctx))
    for role, agencies in stated:
        assigned = assigned or bool(agencies)
        if role == "responsible" and first_leads and agencies:
            # 列第一位者为牵头单位: the first of the (first) list leads, the rest take part.
            if roles["lead"]:
                roles["participants"].extend(agencies)
            else:
                roles["lead"].append(agencies[0])
                roles["participants"].extend(agencies[1:])
            continue
        roles[role].extend(agencies)
    if not assigned:
        # No stated assignment: the agencies the item's sentences make their subjects own it.
        # A heading run into its first sentence (建立机构,加强领导各级各有关部门要…) ends a sentence.
        scans = [body]
        if heading and body.startswith(heading) and len(heading) < len(body):
            scans.append(body[len(heading) :])
        # A two-phrase title run into a generic subject: 加强宣传,营造良好环境各级各部门要….
        run_in = re.match(
            r"[^,，。；]{2,12}[,，][^,，。；]{2,12}?(?=(?:[省市区县镇乡](?:政府|委)?)?各(?:级|有关|部门|单位))",
            body,
        )
        if run_in:
            scans.append(body[run_in.end() :])
        for m in (m for scan in scans for m in _SUBJECT.finditer(scan)):
            # 各级人民政府对所属部门…要: the subject ends where its object begins.
            subject = "、".join(
                re.split(r"(?<=.{2})对", piece, maxsplit=1)[0]
                for piece in m.group("subj").split("、")
            )
            subject = _STRESS.sub("", subject) or subject
            subject = _BY_INSIDE.sub("", subject)
            # …以及北京市、天津市等各地区: 以及 joins the list, 等各地区 closes it.
            subject = re.sub(r"(?<=.)等各(?:地区|地|部门|单位)$", "", subject.replace("以及", "、"))
            # 各级人民政府对所属部门、上级人民政府对下级人民政府要…: each pair names a subject.
            pairs = re.match(r"对([^，。；,;]{1,40}?)要", m.string[m.end() :])
            if pairs:
                for piece in pairs.group(1).split("、")[1:]:
                    if "对" in piece[2:]:
                        subject += "、" + piece.split("对", 1)[0]
            if re.match(
                # 推动各区党委、政府将质量工作摆到… names the object of the push, not a subject
                r"^(?:对|在|为|按|由|把|将|使|要|同时|并|以|从|经过|经国务院|凡|如果|如有|请|推动|督促)",
                subject,
            ):
                continue
            # 2019年6月底前各省份要…: the time comes first, the subject after it.
            subject = re.sub(
                r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末)?(?:前|以前)?[，,]?", "", subject
            )
            comma = m.start() > 0 and m.string[m.start() - 1] in "，,"
            if comma and not _starts_with_agency(subject, ctx, after_comma=True):
                # After a comma only a list of bodies is a subject (…，财政、医保等部门要…),
                # not a run-in title (加强领导各级各有关部门).
                continue
            after = m.string[m.end() : m.end() + 3].lstrip("要")[:2]
            if after == "会同":
                with_ = re.match(
                    r"要?会同(?P<with>[^，。；,;]{2,40}?)(?=负责|制定|制订|研究|建立|提出|开展|组织|做好|共同|处理|协调|，|,)",
                    m.string[m.end() :],
                )
                roles["lead"].extend(split_agencies(subject, ctx))
                if with_:
                    roles["participants"].extend(
                        split_agencies(_assignment_list(with_.group("with")), ctx)
                    )
                continue
            roles["responsible"].extend(split_agencies(subject, ctx))
    if not assigned:
        for m in _BY.finditer(body):
            who = m.group("who")
            if "会同" in who:
                # 由国务院计量行政部门会同国家财政、物价部门统一制定: the first leads.
                lead, partners = who.split("会同", 1)
                roles["lead"].extend(split_agencies(lead, ctx))
                roles["participants"].extend(split_agencies(_assignment_list(partners), ctx))
                continue
            if body.startswith("牵头", m.end()):
                # "“计划”由县市场监管局牵头负责组织实施…。各乡镇、县级有关部门要…紧密配合" (苍溪
                # 抽查计划, round 4): the body after 由 leads, the item's other subjects take part.
                roles["lead"].extend(split_agencies(re.sub(r"[和及]", "、", who), ctx))
                roles["participants"].extend(roles["responsible"])
                roles["responsible"] = []
                continue
            roles["responsible"].extend(split_agencies(re.sub(r"[和及]", "、", who), ctx))
    if not assigned:
        for m in _DECLARATIVE.finditer(body):
            subject = m.group("subj")
            if not subject.startswith("请") and _starts_with_agency(subject, ctx):
                roles["responsible"].extend(split_agencies(subject, ctx))
    if not assigned:
        # A request to a body is its assignment: 请财政部落实…, 请科技部、…等部门在2019年2月底前完成.
        for m in _REQUEST.finditer(body):
            who = _assignment_list(m.group("who"))
            if m.group("with"):
                roles["lead"].extend(split_agencies(who, ctx))
                roles["participants"].extend(split_agencies(_assignment_list(m.group("with")), ctx))
            else:
                roles["responsible"].extend(split_agencies(who, ctx))
    for key, agencies in roles.items():
        unique: dict[str, Agency] = {}
        for agency in agencies:
            unique.setdefault(agency.name or agency.raw, agency)
        roles[key] = list(unique.values())
    return roles


def _bracket_roles(body: str, ctx: DocContext) -> list[tuple[str, list[Agency]]]:
    """(role, agencies) pairs of a bracketed owner list closing an item (下陆区 work plan).

    >>> from loaders.regions import DocContext
    >>> ctx = DocContext(region="下陆区", level="district")
    >>> body = "巩固疫情防控成果。[牵头单位:区卫健局、区创文办;责任单位:区疫情防控指挥部成员单位、各街办(新区)]"
    >>> [(role, [a.raw for a in agencies]) for role, agencies in _bracket_roles(body, ctx)]
    [('lead', ['区卫健局', '区创文办']), ('responsible', ['区疫情防控指挥部成员单位', '各街办(新区)'])]
    """
    m = _BRACKET_ASSIGNMENT.search(body)
    if not m:
        return []
    found: list[tuple[str, list[Agency]]] = []
    # the owners end at the first full stop; what follows is a note (不再做分工,下同)
    inner = m.group("inner").split("。", 1)[0]
    inner = re.sub(r"(?:按职责分工|按照职责分工)?负责(?=[；;]|$)", "", inner)
    # labels are separated by ； or, on one line, by spaces: 牵头单位：省质监局　配合单位：…
    for part in re.split(r"[；;]|[ \t\u3000]+(?=[^\s:：；;]{2,4}(?:单位|部门)\s*[:：])", inner):
        label, _, who = (
            re.split(r"([:：])", part, maxsplit=1)
            if re.search(r"[:：]", part)
            else (
                part,
                "",
                "",
            )
        )
        if not who.strip():
            continue
        role = next(
            (r for k, r in _LABEL_ROLES.items() if label.strip().startswith(k)), "participants"
        )
        found.append((role, split_agencies(_assignment_list(who.strip()), ctx)))
    return found


def _under_lead(stated: list[tuple[str, list[Agency]]]) -> list[tuple[str, list[Agency]]]:
    """Under a stated lead, the bodies an assignment calls 责任单位 or 按职责分工负责 take part.

    "牵头单位:区发改局 / 责任单位:立山经济开发区" and "（市政府办公室牵头，市级各有关部门及各县市区
    政府按职责分工负责）": the lead leads, the others are participants, not co-owners of their own.
    """
    if not any(role == "lead" and agencies for role, agencies in stated):
        return stated
    return [("participants" if role == "responsible" else role, a) for role, a in stated]


def _starts_with_agency(subject: str, ctx: DocContext, after_comma: bool = False) -> bool:
    if re.match(
        r"^(?:[省市县区镇乡](?:政府)?|地方|当地)?(?:各|有关|相关|其他|政府|人民政府)", subject
    ):
        return True
    # A public body named by its kind: 卫生健康行政部门监督指导… (statecouncil_03).
    if len(subject) <= 12 and re.search(r"(?:行政部门|行政主管部门)$", subject):
        return True
    # A body named short after a comma: 为配合整体宣传工作需要，区局将适时组织….
    if len(subject) <= 6 and re.search(r"(?:局|办公室|审核机构)$", subject):
        return True
    # A list of bodies by their function after a comma: 在清理整顿工作中，业务主管部门、挂靠单位、
    # 登记管理机关要… (statecouncil_29); …目的，医保、医疗、医药主管部门要… (statecouncil_05).
    # Not a run-in title: 加强领导各级各有关部门 starts with a verb.
    pieces = re.split(r"[、和及]", subject)
    if (
        after_comma
        and len(subject) <= 24
        and all(len(p) <= 10 for p in pieces)
        and not _RUN_IN_VERB.match(subject)
        and re.search(r"(?:部门|机关|政府|单位)$", subject)
        and all(len(p) <= 4 or re.search(_AGENCY_END + "$", p) for p in pieces)
    ):
        return True
    first = split_agencies(subject, ctx)[0]
    return first.type not in (None, "generic") or first.name is not None


def _states_assignment(body: str, ctx: DocContext) -> bool:
    """Whether an item names who carries it out (parenthesis, 责任单位 line or subject)."""
    return bool(
        _TRAILING_PAREN.search(body)
        or _LABEL_LINE.search(body)
        or _BRACKET_ASSIGNMENT.search(body)
        or _BY_PARTNERS.search(body)
        or _SUBJECT.search(body)
        or _REQUEST.search(body)
        or _BY.search(body)
        or any(
            _starts_with_agency(m.group("subj"), ctx)
            for m in _DECLARATIVE.finditer(body)
            if not m.group("subj").startswith("请")
        )
    )


def _inner_items(text: str, section: Section) -> list[Section]:
    """Numbered items at line starts inside a leaf section, as sections of their own."""
    # loaders.facts imports this module; its outline helper is imported where it is used.
    from loaders.facts.outline import outline

    first_line = text.find("\n", section.start, section.end)
    if first_line < 0:
        return []
    found = [s for s in outline(text[first_line + 1 : section.end]) if "." not in s.path]
    if len(found) < 2:
        return []
    offset = first_line + 1
    return [
        Section(f"{section.path}.{s.path}", s.heading, s.start + offset, s.end + offset)
        for s in found
    ]


# Owners listed bare in parentheses after a sentence, no role word: "…监管责任。(市食品安全办、市食品
# 安全委各成员单位。各县〔市、区〕政府属地负责,下同)", "…排查整治。(市市场监管局)" (九江 2022年食品
# 安全重点工作安排). Each listed body answers for the item; "X属地负责,下同" gives X every later item.
_OWNER_PAREN = re.compile(r"(?<=[。；;])\s*[(（](?P<inner>[^()（）]{2,120})[)）]")


def owner_parens(body: str, ctx: DocContext) -> tuple[list[Agency], list[Agency]]:
    """The bodies bare owner parentheses in an item list, and those a "…属地负责,下同" carries on.

    >>> from loaders.regions import DocContext
    >>> body = "做好评议考核。(市食品安全办、市食品安全委各成员单位。各县〔市、区〕政府属地负责,下同)"
    >>> listed, carried = owner_parens(body, DocContext(level="city"))
    >>> [a.raw for a in listed], [a.raw for a in carried]
    (['市食品安全办', '市食品安全委各成员单位', '各县〔市、区〕政府'], ['各县〔市、区〕政府'])
    >>> owner_parens("加强检查。(省质监局牵头,省工商局参加)", DocContext(level="city"))
    ([], [])
    """
    listed: list[Agency] = []
    carried: list[Agency] = []
    for m in _OWNER_PAREN.finditer(body):
        found: list[Agency] = []
        carry: list[Agency] = []
        for clause in re.split(r"[。；;]", m.group("inner")):
            clause = clause.strip(" ，,")
            if not clause:
                continue
            carries = bool(re.search(r"[,，]?下同$", clause))
            who = re.sub(r"属地负责$", "", re.sub(r"[,，]?下同$", "", clause))
            if re.search(rf"[:：]|{_ROLE_WORDS}", who):
                # labelled or role-worded owners (负责部门：…, X牵头) are read by _paren_roles
                found = []
                break
            agencies = split_agencies(_assignment_list(who), ctx)
            if not agencies or not all(re.search(_AGENCY_END + "$", a.raw) for a in agencies):
                found = []
                break
            found.extend(agencies)
            if carries:
                carry.extend(agencies)
        listed.extend(found)
        carried.extend(carry if found else [])
    return listed, carried


# Owners run into the item's paragraph after its last sentence: "…试点工作。责任单位:市经贸委、
# 市质监局、市工商局,相关县(市、区)政府;协助单位:市外经贸局、市工商联。" (温州 2008年质量与品牌
# 战略工作任务). 协助单位 take part.
_INLINE_LABELS = re.compile(
    r"(?<=。)\s*(?P<tail>(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门)\s*[:：]"
    r"[^。\n\[\]【】［］]+)[。.]?\s*$"
)


def inline_label_roles(body: str, ctx: DocContext) -> list[tuple[str, list[Agency]]]:
    """(role, agencies) pairs of owner labels that close an item's paragraph.

    >>> from loaders.regions import DocContext
    >>> body = "开展试点工作。责任单位:市经贸委、市质监局,相关县(市、区)政府;协助单位:市工商联。"
    >>> [(r, [a.raw for a in ag]) for r, ag in inline_label_roles(body, DocContext(level="city"))]
    [('responsible', ['市经贸委', '市质监局', '相关县(市、区)政府']), ('participants', ['市工商联'])]
    """
    m = _INLINE_LABELS.search(body)
    if not m:
        return []
    # the same labels as a bracketed owner list, read the same way
    return _under_lead(_bracket_roles(f"。[{m.group('tail')}]", ctx))


# Goal lines led by a dash that close with their owners in brackets: "——科技计量:…到2020年,…
# [牵头单位:省质监局;责任单位:省发展改革委、…]" (贵州 计量工作意见).
_DASH_OWNED = re.compile(r"^[ \t\u3000]*[—－-]{1,2}(?P<item>[^\n]+)$", re.MULTILINE)


def dash_items(text: str, section: Section) -> list[Section]:
    """Dash-led lines inside a section that close with a bracketed owner list, as items."""
    items: list[Section] = []
    for k, m in enumerate(_DASH_OWNED.finditer(text, section.start, section.end)):
        if _BRACKET_ASSIGNMENT.search(m.group("item")):
            items.append(Section(f"{section.path}.—{k + 1}", "", m.start("item"), m.end("item")))
    return items


# The list of annexes under a notice ("附件:1. 苍溪县2018年度…计划表\n2. …", 苍溪 抽查计划, round 4)
# is numbered like items but names files, not tasks.
_ANNEX_LIST = re.compile(r"(?:^|\n)[ \t\u3000]*附件[ \t\u3000]*[:：]")


def _annex_entry(text: str, sections: Sequence[Section], section: Section) -> bool:
    """Whether a sub-item is an entry of the annex list closing its chapter's text."""
    if "." not in section.path or section.path.startswith("附件"):
        return False
    parent_path = section.path.rsplit(".", 1)[0]
    parent = next((s for s in sections if s.path == parent_path), None)
    if parent is None:
        return False
    return bool(_ANNEX_LIST.search(text, parent.start, section.start + 1))


# A lead-in that gives a numbered list its owner: "2024年,区政府要全面实施…,主要承担以下工作:\n
# 1.完成2024年食品安全重点工作指标任务。…" (上海市食品安全工作责任清单, round 4).
_LIST_OWNER = re.compile(
    rf"(?:^|(?<=[，,。\n]))\s*(?P<who>[^，。；,;:：\s“”\"(（]{{1,30}}?{_AGENCY_END})要"
    r"[^。：:]*?(?:承担|负责|做好)(?:以下|如下)(?:工作|任务|职责)[:：]\s*$"
)


def _list_owner(text: str, sections: Sequence[Section], section: Section) -> str | None:
    """The body a lead-in just above the first item of ``section``'s list names as its owner."""
    depth = section.path.count(".")
    parent = section.path.rsplit(".", 1)[0] if depth else ""
    siblings = [
        s
        for s in sections
        if s.path.count(".") == depth and (s.path.rsplit(".", 1)[0] if depth else "") == parent
    ]
    first = min(siblings, key=lambda s: s.start, default=section)
    m = _LIST_OWNER.search(text, max(0, first.start - 400), first.start)
    return m.group("who") if m else None


def extract_measures(text: str, sections: Sequence[Section], ctx: DocContext) -> list[Measure]:
    """Every numbered task or measure item with its title, text, offsets and agencies."""
    measures: list[Measure] = []
    sections = [s for s in sections if not _annex_entry(text, sections, s)]
    chosen = measure_sections(sections)
    leaves = [s for s in sections if not _children(sections, s)]
    for leaf in list(leaves):
        # Items the section splitter left inside a leaf: numbering that runs on across
        # headings (三、… （四）… （五）…) is still a list of items.
        inner = [s for s in _inner_items(text, leaf) if not _annex_entry(text, sections, s)]
        if len(inner) > 1:
            leaves[leaves.index(leaf)] = inner[0]
            leaves.extend(inner[1:])
            if leaf in chosen:
                chosen.remove(leaf)
                chosen.extend(inner)
    # An item whose own paragraph assigns work before its sub-items (or before an annex the
    # splitter hung under it) is a measure too.
    for section in sections:
        kids = _children(sections, section)
        if not kids:
            continue
        own = Section(section.path, section.heading, section.start, kids[0].start)
        own_text = text[slice(*_body(text, own))]
        if re.fullmatch(r"[一二三四五六七八九十]+", section.path):
            # a chapter's opening paragraph is its own item only when it names host and partners
            if _BY_PARTNERS.search(own_text):
                leaves.append(own)
                chosen.append(own)
            continue
        if _states_assignment(own_text, ctx):
            leaves.append(own)
    for leaf in list(leaves):
        dashes = dash_items(text, leaf)
        leaves.extend(dashes)
        chosen.extend(dashes)
    bodies = {id(s): _body(text, s) for s in leaves}
    # Deeper numbering in an annex (附件.一.(一)) does not make the main text's chapters headings.
    nested = any("." in s.path for s in leaves if not s.path.startswith("附件"))
    for section in leaves:
        # A 一、-rank chapter with no items under it (三、工作要求) closes the plan; it is not a
        # task item, unless the document numbers nothing deeper.
        if nested and re.fullmatch(r"[一二三四五六七八九十]+", section.path):
            continue
        own_text = text[slice(*bodies[id(section)])]
        if section not in chosen and (
            _states_assignment(own_text, ctx)
            or _list_owner(text, leaves, section)
            or owner_parens(own_text, ctx)[0]
            or inline_label_roles(own_text, ctx)
        ):
            chosen.append(section)
    first_leads = False
    carried: list[Agency] = []
    for section in sorted(chosen, key=lambda s: s.start):
        start, end = bodies.get(id(section)) or _body(text, section)
        body = text[start:end]
        if not body.strip():
            continue
        heading = section.heading.strip()
        rule = _FIRST_LEADS.search(body)
        roles = _role_agencies(body, ctx, heading, first_leads or bool(rule))
        if rule and rule.group("carry"):
            first_leads = True
        listed, carry = owner_parens(body, ctx)
        if listed:
            carried = carried + [a for a in carry if a not in carried]
            listed = listed + [a for a in carried if a not in listed]
            roles = {"lead": [], "participants": [], "responsible": listed}
        labelled = inline_label_roles(body, ctx)
        if labelled:
            roles = {"lead": [], "participants": [], "responsible": []}
            for role, agencies in labelled:
                roles[role].extend(agencies)
        owner = None if any(roles.values()) else _list_owner(text, leaves, section)
        if owner:
            roles = {"lead": [], "participants": [], "responsible": split_agencies(owner, ctx)}
        usable = body.startswith(heading) and 2 <= len(heading) <= 40 and heading != body
        paren = _TRAILING_PAREN.search(body)
        stated = " ".join([paren.group(1)] if paren else []) + " ".join(_LABEL_LINE.findall(body))
        deadline = _DEADLINE.search(stated)
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
                deadline=(deadline.group("labelled") or deadline.group("date"))
                if deadline
                else None,
            )
        )
    return measures
