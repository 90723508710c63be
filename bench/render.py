"""Turn a :class:`bench.plan.DocPlan` into the text of a captured web page, and its ground truth.

The text mimics what the real captures look like — one of five house styles for the header
fields, an optional 关于印发《…》的通知 wrapper, numbering 一、(一)1.(1) or 1、, measures closed
by agency parentheses or led by their subject, targets in the phrasings policy texts use, site
menus, footers, share banners and page numbers spliced into sentences — while the ground truth
records what a careful reader would extract from it.
"""

from __future__ import annotations

import random
from typing import Any

from bench.plan import DocPlan, TargetPlan
from bench.regions import Region
from bench.vocab import (
    AGENCY,
    CONTEXT,
    GENERIC_PARTICIPANTS,
    MENU_ITEMS,
    SHARE_SITES,
    SUBJECT_LED,
    AgencyType,
    Theme,
)

CN_DIGITS = "○一二三四五六七八九"
CN_SMALL = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
SECTION_NUMS = "一二三四五六七八九十"
OUTLINE_TITLE = "质量发展纲要(2011-2020年)"
OUTLINE_NUMBER = "国发〔2012〕9号"
STYLES = ("portal", "county-portal", "library", "gov", "share")


def cn_year(year: int, zero: str = "○") -> str:
    """二○一二 style years (the zero glyph varies between sites)."""
    return "".join(zero if c == "0" else CN_DIGITS[int(c)] for c in str(year))


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (二十一)."""
    if n <= 10:
        return "十" if n == 10 else CN_SMALL[n].replace("两", "二")
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def cn_date(year: int, month: int, day: int, zero: str = "○") -> str:
    """二○一二年六月二十一日."""
    return f"{cn_year(year, zero)}年{cn_number(month)}月{cn_number(day)}日"


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _level_word(region: Region) -> str:
    return region.kind


def plan_title(doc: DocPlan) -> str:
    """The document's own (plan) title."""
    r, k, y = doc.region.name, _level_word(doc.region), doc.year
    if doc.level == "national":
        return {
            "action": f"贯彻实施质量发展纲要{y}年行动计划",
            "opinion": f"关于{y}年进一步加强质量工作的意见",
            "scheme": f"{y}年全国产品质量提升实施方案",
            "programme": f"质量提升专项规划({y}-{y + 4}年)",
        }[doc.topic]
    return {
        "action": f"{r}{y}年质量强{k}行动计划",
        "opinion": f"{r}{y}年质量强{k}工作的实施意见"
        if doc.level == "town"
        else f"{r}关于{y}年质量强{k}工作的实施意见",
        "scheme": f"{r}{y}年产品质量提升实施方案",
        "programme": f"{r}质量发展规划({y}-{y + 4}年)",
    }[doc.topic]


def doc_type(doc: DocPlan, wrapped: bool) -> str:
    """What kind of document the title names."""
    if wrapped:
        return "通知"
    return {"action": "行动计划", "opinion": "实施意见", "scheme": "实施方案", "programme": "规划"}[
        doc.topic
    ]


def issuer(doc: DocPlan, wrapped: bool) -> str:
    """Full name of the issuing body."""
    r = doc.region
    if r.level == "national":
        return "国务院办公厅" if wrapped or doc.topic != "programme" else "国务院"
    if r.level == "province":
        return f"{r.name}人民政府办公厅" if wrapped else f"{r.name}人民政府"
    if r.level == "city":
        return f"{r.name}人民政府办公室" if wrapped else f"{r.name}人民政府"
    if doc.topic == "scheme" and r.level != "town":
        return f"{r.name}质量强{r.kind}工作领导小组办公室"
    return f"{r.name}人民政府"


def short_issuer(doc: DocPlan, child_level: str) -> str:
    """How a lower document names this one's issuer (省政府, 市政府办公室, 国务院 …)."""
    r = doc.region
    if r.level == "national":
        return "国务院"
    if child_level == "town" and r.level in ("county", "district"):
        return f"{r.kind}政府"
    if r.level == "province":
        return "省政府" if r.kind == "省" else "市政府"
    if r.level == "city":
        return "市政府"
    return f"{r.name}人民政府"


class Writer:
    """Accumulates the body text and the section paths in force."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def line(self, text: str = "") -> None:
        """Append one line."""
        self.parts.append(text)

    def text(self) -> str:
        """The body so far."""
        return "\n".join(self.parts)


def _agency_ref(region: Region, a: AgencyType, with_prefix: bool) -> tuple[str, dict[str, Any]]:
    form = a.form(region.level) or a.province or a.key
    raw = (region.kind + form) if with_prefix and region.level != "national" else form
    owner = "" if region.level == "national" else region.name
    truth = {"raw": raw, "type": a.key, "name": f"{owner}{form}"}
    return raw, truth


def _non_prefixed(region: Region, rng: random.Random) -> tuple[str, dict[str, Any]] | None:
    """Bodies that keep their own names in a provincial list (检验检疫局, 海关)."""
    if region.level != "province" or not region.children:
        return None
    base = region.name.removesuffix("省").removesuffix("市")
    capital = region.children[0].name.removesuffix("市")
    raw = rng.choice([f"{base}检验检疫局", f"{capital}海关"])
    kind = "inspection-quarantine" if raw.endswith("检验检疫局") else "customs"
    return raw, {"raw": raw, "type": kind, "name": raw}


def _parenthesis(
    rng: random.Random, region: Region, theme: Theme
) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """An agency parenthesis (X牵头,Y、Z参加) or (X、Y负责), with its truth."""
    roles: dict[str, list[dict[str, Any]]] = {"lead": [], "participants": [], "responsible": []}
    joiners = [AGENCY[j] for j in theme.joiners if AGENCY[j].form(region.level)]
    lead = AGENCY[theme.lead]
    if not lead.form(region.level):
        lead = AGENCY["quality-supervision"]
    style = rng.random()
    if style < 0.55 and joiners:
        raw, truth = _agency_ref(region, lead, True)
        roles["lead"].append(truth)
        names: list[str] = []
        for i, a in enumerate(rng.sample(joiners, k=rng.randint(1, len(joiners)))):
            j_raw, j_truth = _agency_ref(region, a, i == 0)
            names.append(j_raw)
            roles["participants"].append(j_truth)
        tail = "、".join(names)
        extra = _non_prefixed(region, rng) if rng.random() < 0.4 else None
        if extra:
            tail += "," + extra[0]
            roles["participants"].append(extra[1])
        if rng.random() < 0.15:
            generic = f"{region.kind}{rng.choice(GENERIC_PARTICIPANTS)}"
            tail += "等" if rng.random() < 0.5 else f"、{generic}"
            if not tail.endswith("等"):
                roles["participants"].append({"raw": generic, "type": None, "name": None})
        return f"({raw}牵头,{tail}参加)", roles
    owners = [lead] + rng.sample(joiners, k=min(len(joiners), rng.randint(0, 2)))
    names = []
    for i, a in enumerate(owners):
        o_raw, o_truth = _agency_ref(region, a, i == 0)
        names.append(o_raw)
        roles["responsible"].append(o_truth)
    return f"({'、'.join(names)}负责)", roles


_NO_ROLES: dict[str, list[dict[str, Any]]] = {"lead": [], "participants": [], "responsible": []}


def _assignment_style(rng: random.Random) -> str:
    """A local document's way of naming owners: mostly parentheses, sometimes lines or a table."""
    pick = rng.random()
    return "lines" if pick < 0.2 else "table" if pick < 0.35 else "parentheses"


def _split_paren(paren: str) -> tuple[list[str], list[str], list[str]]:
    """The lead, participant and responsible names of a rendered (X牵头,Y参加) / (X、Y负责)."""
    inner = paren.strip("()")
    if inner.endswith("参加"):
        lead, _, tail = inner.removesuffix("参加").partition("牵头,")
        return [lead], tail.replace(",", "、").split("、"), []
    return [], [], inner.removesuffix("负责").split("、")


def _first_leads(
    paren: str, roles: dict[str, list[dict[str, Any]]], first: bool
) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """National style: （A、B、C负责。列第一位者为牵头单位，下同） once, then （A、B负责）."""
    lead, participants, responsible = _split_paren(paren)
    names = [n.removesuffix("等") for n in lead + participants + responsible if n]
    owners = [a for role in ("lead", "participants", "responsible") for a in roles[role]]
    owners = [a for a in owners if a["raw"] in names]
    rule = "。列第一位者为牵头单位，下同" if first else ""
    truth = {"lead": owners[:1], "participants": owners[1:], "responsible": []}
    return f"（{'、'.join(a['raw'] for a in owners)}负责{rule}）", truth


def _label_line(paren: str) -> str:
    """牵头单位：X　配合单位：Y or 责任单位：X、Y, the same owners as the parenthesis."""
    lead, participants, responsible = _split_paren(paren)
    if lead:
        return f"牵头单位：{lead[0]}\u3000配合单位：{'、'.join(participants)}"
    return f"责任单位：{'、'.join(responsible)}"


def _table_row(
    number: int, task: str, paren: str, roles: dict[str, list[dict[str, Any]]], deadline: str
) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限, tab-separated as the readers give tables."""
    lead, participants, responsible = _split_paren(paren)
    if not lead:
        lead, participants = responsible[:1], responsible[1:]
        owners = roles["responsible"]
        roles = {"lead": owners[:1], "participants": owners[1:], "responsible": []}
    row = f"{number}\t{task}\t{lead[0]}\t{'、'.join(participants)}\t{deadline}"
    return row, roles


def indicator_phrase(t: TargetPlan, doc: DocPlan) -> str:
    """The indicator as this document writes it (江苏名牌产品, 浙江省著名商标 …)."""
    province = doc.region.ancestor("province")
    name = province.name if province else "中国"
    p = "江苏" if name == "江苏省" else name
    return t.indicator.phrase.format(p=p)


def concept_of(t: TargetPlan, doc: DocPlan) -> str:
    """The indicator-scheme concept a reader maps the phrase to."""
    if t.indicator.key == "provincial-famous-brand" and indicator_phrase(t, doc).startswith("江苏"):
        return "jiangsu-famous-brand"
    return t.indicator.key


def _target_sentence(rng: random.Random, t: TargetPlan, doc: DocPlan) -> tuple[str, str]:
    """A sentence stating target ``t`` and the indicator phrase as written."""
    phrase = indicator_phrase(t, doc)
    unit = t.indicator.unit or ""
    when = f"到{t.year}年," if doc.topic == "programme" else rng.choice(("", "全年", ""))
    if t.comparator == "relative":
        area = {"county": "全市", "district": "全市", "town": "全区"}.get(doc.level, "全省")
        return f"{when}主要工业产品{phrase}高于{area}平均水平。", phrase
    assert t.value is not None
    v = _fmt(t.value)
    if unit != "%" and t.value <= 10 and t.value.is_integer() and rng.random() < 0.3:
        v = CN_SMALL[int(t.value)]
    if t.indicator.kind == "rate":
        if t.comparator == "about":
            body = f"{phrase}保持在{v}%左右"
        else:
            body = rng.choice(
                (f"{phrase}稳定在{v}%以上", f"{phrase}达到{v}%以上", f"{phrase}不低于{v}%")
            )
    elif t.indicator.kind == "ceiling":
        v = v.replace(".", "·") if rng.random() < 0.3 else v
        body = rng.choice((f"{phrase}控制在{v}以内", f"{phrase}不超过{v}"))
    elif t.comparator == "range":
        assert t.value_max is not None
        dash = rng.choice(("—", "-", "至"))
        body = f"新增{phrase}{_fmt(t.value)}{dash}{_fmt(t.value_max)}{unit}"
    elif t.comparator == "about":
        body = f"力争新增{phrase}{v}{unit}左右"
    else:
        body = rng.choice(
            (
                f"新增{phrase}{v}{unit}以上",
                f"{phrase}不少于{v}{unit}",
                f"{phrase}总数达到{v}{unit}以上",
            )
        )
    return f"{when}{body}。", phrase


def _target_truth(t: TargetPlan, doc: DocPlan, phrase: str, sentence: str) -> dict[str, Any]:
    refines = t.refines
    return {
        "indicator": phrase,
        "concept": concept_of(t, doc),
        "value": t.value,
        "value_max": t.value_max,
        "unit": t.indicator.unit,
        "comparator": t.comparator,
        "year": t.year,
        "sentence": sentence,
        "weaker": t.weaker,
        "refines": None
        if refines is None or refines.doc is None
        else {"doc_number": refines.doc.doc_number, "concept": refines.indicator.key},
    }


def render(doc: DocPlan, seed: int) -> tuple[str, dict[str, Any]]:
    """The file text of ``doc`` and its ground truth (a JSON-ready dict)."""
    rng = random.Random(f"{seed}:{doc.idx}")
    r = doc.region
    k = r.kind
    style = STYLES[rng.randrange(len(STYLES))] if doc.level != "national" else "gov"
    wrapped = doc.level in ("national", "province", "city") and rng.random() < 0.7
    ptitle = plan_title(doc)
    title = f"{short_issuer(doc, doc.level)}办公厅关于印发{ptitle}的通知" if wrapped else ptitle
    if wrapped and doc.level == "city":
        title = f"{r.name}人民政府办公室关于印发{ptitle}的通知"
    if wrapped and doc.level == "province":
        title = f"{'省' if k == '省' else '市'}政府办公厅关于印发{ptitle}的通知"
    if wrapped and doc.level == "national":
        title = f"国务院办公厅关于印发{ptitle}的通知"
    iss = issuer(doc, wrapped)
    issued = f"{doc.year:04d}-{doc.month:02d}-{doc.day:02d}"
    references: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    w = Writer()

    # The notice that wraps the plan.
    if wrapped:
        w.line(doc.doc_number)
        w.line(title)
        addressees = {
            "national": "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:",
            "province": "各市、县(市、区)人民政府,省各委办厅局,省各直属单位:",
            "city": "各辖市、区人民政府,市各委办局,各直属单位:",
        }[doc.level]
        w.line(addressees)
        w.line(
            f"《{ptitle}》已经{'国务院' if doc.level == 'national' else k + '人民政府'}同意,现印发给你们,请认真组织实施。"
        )
        references.append({"title": ptitle, "doc_number": None, "relation": "self"})
        w.line(iss)
        w.line(cn_date(doc.year, doc.month, doc.day, rng.choice("○0〇")))
        w.line("")
        w.line(ptitle)
    elif style in ("county-portal", "share"):
        w.line(ptitle)
        w.line(doc.doc_number)

    # Preamble: what this document implements.
    dash = rng.choice(("-", "—", "–"))
    outline = f"《质量发展纲要(2011{dash}2020年)》"
    pieces = []
    if doc.parent is not None:
        par = doc.parent
        num = par.doc_number
        if rng.random() < 0.3:
            num = num.replace("〔", "[").replace("〕", "]")
        if rng.random() < 0.35:
            pieces.append(f"根据{num}文件精神")
            references.append(
                {"title": None, "doc_number": par.doc_number, "relation": "implements"}
            )
        else:
            who = short_issuer(par, doc.level)
            pieces.append(f"为认真贯彻落实{who}《{plan_title(par)}》({num})")
            references.append(
                {"title": plan_title(par), "doc_number": par.doc_number, "relation": "implements"}
            )
    if doc.level != "national" or doc.topic != "programme":
        pieces.append(f"{'全面落实' if pieces else '为全面落实'}国务院{outline}")
        references.append({"title": OUTLINE_TITLE, "doc_number": None, "relation": "implements"})
    area = "全国" if doc.level == "national" else f"我{k}"
    w.line(
        f"{','.join(pieces)},进一步提升{area}产品质量、工程质量和服务质量水平,结合实际,制定本{doc_type(doc, False)}。"
    )

    sec = 0

    def heading(text: str) -> str:
        nonlocal sec
        sec += 1
        w.line(f"{SECTION_NUMS[sec - 1]}、{text}")
        return SECTION_NUMS[sec - 1]

    heading("总体要求" if doc.tier != "town" else "指导思想")
    w.line(
        f"以提高发展质量和效益为中心,坚持以质取胜,着力夯实质量基础,强化企业质量主体责任,"
        f"推动形成以技术、标准、品牌、质量、服务为核心的竞争新优势,为建设质量强{k}打下坚实基础。"
    )
    for _ in range(rng.randint(1, 3)):
        w.line("".join(s.format(a=area) for s in rng.sample(CONTEXT, k=rng.randint(3, 5))))
    if rng.random() < 0.5:
        w.line(
            "严格执行《中华人民共和国产品质量法》,鼓励企业对照GB/T 19580《卓越绩效评价准则》开展自我评价。"
        )
        references.append(
            {"title": "中华人民共和国产品质量法", "doc_number": None, "relation": "law"}
        )
        references.append({"title": "卓越绩效评价准则", "doc_number": None, "relation": "standard"})

    # Leading group (town documents put it before the targets, as the seeds do).
    def leading_group() -> None:
        nonlocal group
        gname = f"质量强{k}工作领导小组"
        office_type = AGENCY["quality-supervision" if doc.tier != "town" else "economy-information"]
        office_raw, office_truth = _agency_ref(r, office_type, True)
        chief = {"national": "国务院副总理", "province": "分管副省长", "city": "分管副市长"}.get(
            doc.tier, f"{k}长"
        )
        w.line(
            f"成立{gname},由{chief}任组长,{k}政府办公室主任任副组长,{k}各有关部门主要负责人为成员。"
            f"领导小组下设办公室,办公室设在{office_raw},负责日常工作。"
        )
        group = {"name": gname, "office": office_truth}

    if doc.tier == "town":
        heading("健全领导班子")
        leading_group()

    # Targets.
    tsec = heading("主要目标")
    for i, t in enumerate(doc.targets, 1):
        sentence, phrase = _target_sentence(rng, t, doc)
        num = f"{i}、" if doc.tier == "town" else f"{i}."
        w.line(f"{num}{sentence}")
        targets.append(_target_truth(t, doc, phrase, sentence))
    del tsec

    # Measures.
    msec = heading("重点任务" if doc.tier != "town" else "主要措施")
    subject_led = doc.tier in ("county", "town")
    table_rows: list[str] = []
    if subject_led:
        templates = rng.sample(SUBJECT_LED, k=len(SUBJECT_LED))
        used: set[str] = set()
        for i, theme in enumerate(doc.themes, 1):
            owners = [
                AGENCY[key]
                for key in (theme.lead, *theme.joiners)
                if AGENCY[key].form(r.level) and key not in used
            ] or [AGENCY["quality-supervision"]]
            a = owners[0]
            used.add(a.key)
            form = a.form(r.level) or ""
            raw = form if doc.tier == "town" else f"{k}{form}"
            num = f"{i}、" if doc.tier == "town" else f"({i})"
            sentence = templates[(i - 1) % len(templates)].format(a=raw)
            extra = "".join(x.format(k=k, r=r.name) for x in theme.body)
            w.line(f"{num}{sentence}{extra}")
            owner = {"raw": raw, "type": a.key, "name": f"{r.name}{form}"}
            # "X要会同有关单位…": X leads and the bodies it works with take part.
            cooperates = "会同" in sentence
            measures.append(
                {
                    "path": f"{msec}.{i}" if doc.tier == "town" else f"{msec}.({i})",
                    "title": None,
                    "lead": [owner] if cooperates else [],
                    "participants": (
                        [{"raw": "有关单位", "type": "generic", "name": None}] if cooperates else []
                    ),
                    "responsible": [] if cooperates else [owner],
                }
            )
    else:
        groups = [doc.themes[i : i + 3] for i in range(0, len(doc.themes), 3)]
        group_heads = ("夯实质量发展基础", "强化质量安全监管", "提升质量竞争能力")
        # How this document assigns its work: national 列第一位者为牵头单位 parentheses, local
        # trailing parentheses, 牵头单位/责任单位 lines after each item, or an annex task table.
        assign = "first-leads" if r.level == "national" else _assignment_style(rng)
        for gi, themes in enumerate(groups, 1):
            gnum = SECTION_NUMS[gi - 1]
            w.line(f"({gnum}){group_heads[(gi - 1) % len(group_heads)]}。")
            for mi, theme in enumerate(themes, 1):
                head = theme.heading.format(k=k)
                body = [s.format(k=k, r=r.name) for s in theme.body]
                if theme.announces and rng.random() < 0.6:
                    ann = theme.announces.format(k=k, r=r.name)
                    body.insert(0, f"制定出台《{ann}》。")
                    references.append({"title": ann, "doc_number": None, "relation": "announces"})
                paren, roles = _parenthesis(rng, r, theme)
                path = f"{msec}.({gnum}).{mi}"
                item = f"{mi}.{head}。{''.join(body)}"
                if assign == "first-leads":
                    paren, roles = _first_leads(paren, roles, first=not measures)
                    w.line(f"{item}{paren}")
                elif assign == "lines":
                    w.line(item)
                    w.line(_label_line(paren))
                elif assign == "table":
                    w.line(item)
                    deadline = rng.choice(
                        [f"{doc.year}年底前", f"{doc.year + 1}年6月底前", "长期坚持"]
                    )
                    row, roles = _table_row(len(table_rows) + 1, head, paren, roles, deadline)
                    table_rows.append(row)
                    measures.append({"path": path, "title": head, **_NO_ROLES})
                    measures.append(
                        {
                            "path": f"表1.{len(table_rows)}",
                            "title": head,
                            "deadline": deadline,
                            **roles,
                        }
                    )
                    continue
                else:
                    w.line(f"{item}{paren}")
                measures.append({"path": path, "title": head, **roles})

    heading("保障措施" if doc.tier != "town" else "工作要求")
    if doc.tier != "town":
        w.line("(一)加强组织领导。")
        leading_group()
        w.line("(二)强化督促检查。")
    w.line(
        f"各地各部门要按照职责分工,细化工作方案,于每年年底前将工作进展情况报送{k}质量工作领导小组办公室。"
    )
    if table_rows:
        w.line("附件")
        w.line("重点任务分工表")
        w.line("序号\t工作任务\t牵头单位\t配合单位\t完成时限")
        for row in table_rows:
            w.line(row)
    if not wrapped:
        w.line(
            iss if doc.level != "town" else f"{r.parent.name if r.parent else ''}{r.name}人民政府"
        )
        w.line(
            cn_date(doc.year, doc.month, doc.day, rng.choice("○0"))
            if rng.random() < 0.5
            else f"{doc.year}年{doc.month}月{doc.day}日"
        )

    repealed_by = None
    if style == "portal" and rng.random() < 0.1 and doc.level in ("province", "city"):
        repealed_by = f"{r.short}政发〔{doc.year + 4}〕{rng.randint(100, 199)}号"
    text = _dress(rng, doc, style, title, iss, issued, w.text(), repealed_by)
    truth = {
        "title": title,
        "plan_title": ptitle if wrapped else None,
        "doc_number": doc.doc_number if style != "share" or wrapped else doc.doc_number,
        "issuers": [iss],
        "issued": issued,
        "doc_type": doc_type(doc, wrapped),
        "level": doc.level,
        "region": r.name if r.level != "national" else None,
        "region_code": r.code,
        "region_chain": [{"name": x.name, "code": x.code, "level": x.level} for x in r.chain()],
        "synthetic_region": r.synthetic,
        "in_force": False if repealed_by else None,
        "repealed_by": repealed_by,
        "implements": doc.parent.doc_number if doc.parent else None,
        "style": style,
        "references": references,
        "measures": measures,
        "targets": targets,
        "group": group,
    }
    return text, truth


def _dress(
    rng: random.Random,
    doc: DocPlan,
    style: str,
    title: str,
    iss: str,
    issued: str,
    body: str,
    repealed_by: str | None,
) -> str:
    """Wrap the body in a site's chrome and header fields, with the noise of a web capture."""
    r = doc.region
    province = r.ancestor("province")
    pshort = province.short if province else "京"
    index_no = f"{rng.randint(10**8, 10**9 - 1):09d}/{doc.year}-{rng.randint(1, 99999):05d}"
    y, m, d = doc.year, doc.month, doc.day
    pub_d = min(28, d + rng.randint(0, 9))
    footer = [
        "",
        "【打印本页】【关闭窗口】  分享到:微信 微博 QQ空间",
        f"主办:{r.name if r.level != 'national' else '中国政府网'}人民政府办公室  技术支持:信息中心",
        f"网站标识码:{rng.randint(10**9, 10**10 - 1)}  {pshort}ICP备{rng.randint(10**7, 10**8 - 1)}号  "
        f"{pshort}公网安备 {rng.randint(10**13, 10**14 - 1)}号",
    ]
    if style == "portal":
        validity = (
            f"根据《{r.name}人民政府关于宣布失效一批规范性文件的决定》({repealed_by}),此文件已宣布失效。"
            if repealed_by
            else "有效"
        )
        head = [
            f"索   引   号: {index_no} 分          类: 政府文件 质量监督",
            f"发 布 机 构: {iss} 发 文 日 期: {issued} 00:00:00",
            f"标          题: {title} 主   题   词: 质量 产品 企业",
            f"文          号: {doc.doc_number}",
            f"内 容 概 述: {title}",
            f"时          效: {validity}",
            "  ",
        ]
        return "\n".join(head) + "\n" + _indent(body) + "\n" + "\n".join(footer) + "\n"
    if style == "county-portal":
        menu = [f"  • {item.format(r=r.name[:2])}" for item in MENU_ITEMS]
        head = [
            f"信息名称: {title}",
            f"索 引 号: {index_no}",
            "主题分类: 质量监督 体裁分类: "
            + ("通知" if "通知" in title else "意见")
            + " 组配分类: 政府文件",
            f"文件编号: {doc.doc_number} 发布机构: {r.name}",
            f"产生日期: {issued} 发布日期: {y:04d}-{m:02d}-{pub_d:02d} 废止日期:有效",
            f"内容概述: {title}",
            "",
            "相关阅读:",
            "",
        ]
        return "\n".join(menu + head) + "\n" + body + "\n" + "\n".join(footer) + "\n"
    if style == "library":
        head = [
            title,
            "政策",
            f"发布部门:{iss}",
            f"发布时间:{y}年{m:02d}月{d:02d}日",
            f"政策文号:{doc.doc_number}",
            "有效性:" + rng.choice(("有效", "政策是否有效未知,请慎用")),
        ]
        return "\n".join(head) + "\n" + body + "\n"
    if style == "gov":
        head = [
            f"发文机关: {iss}",
            f"成文日期: {y}年{m:02d}月{d:02d}日",
            f"标　　题: {title}",
            f"发文字号: {doc.doc_number}",
            f"发布日期: {y}年{m:02d}月{pub_d:02d}日",
            "",
        ]
        return "\n".join(head) + "\n" + body + "\n" + "\n".join(footer[:2]) + "\n"
    # share: a document-sharing site; the text is one run with page numbers spliced in.
    site = rng.choice(SHARE_SITES)
    pages = rng.randint(8, 20)
    banner = (
        f"《{title}.docx》由用户上传分享,共{pages}页,可免费在线预览,更多相关文档请到{site}查找。"
    )
    flat = body.replace("\n", "")
    out, page, pos = [], 1, 0
    while pos < len(flat):
        step = rng.randint(600, 900)
        out.append(f"{page}、{flat[pos : pos + step]}")
        pos += step
        page += 1
    return banner + "\n" + "\n".join(out) + "\n"


def _indent(body: str) -> str:
    return "\n\n".join("  " + line if line else "  " for line in body.split("\n"))
