"""One table per house style of assigning work: a short excerpt → the measures and roles a reader
sees in it. Excerpts are taken from real documents (named per row); where the development corpus
has no document in a style (责任单位 lines, task tables) the excerpt follows the columns and labels
such documents use, and says so."""

from __future__ import annotations

import pytest

from loaders.facts import extract_facts
from loaders.record import PolicyDocument, Source

NATIONAL = ["国务院"]
JIANGSU = ["江苏省人民政府办公厅"]


def _facts(text: str, issuers: list[str]) -> PolicyDocument:
    doc = PolicyDocument(
        source=Source("x.txt", "0" * 64, "txt", "utf-8"), text=text, issuers=issuers
    )
    extract_facts(doc)
    return doc


def _roles(doc: PolicyDocument) -> list[tuple[str, str, list[str]]]:
    """(first words, role, agency names or words as written) for every measure and role."""
    out = []
    for m in doc.measures:
        for role in ("lead", "participants", "responsible"):
            names = [a.name or a.raw for a in getattr(m, role)]
            if names:
                out.append((m.text[:6], role, names))
    return out


# (style, source, excerpt, expected roles)
STYLES = [
    (
        "national 列第一位者为牵头单位，下同",
        "国发〔2018〕39号",
        "一、支持企业稳定发展\n"
        "（一）加大稳岗支持力度。上述资金由失业保险基金列支。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n"
        "（二）发挥政府性融资担保机构作用支持小微企业。提高小微企业贷款可获得性。（财政部、工业和信息化部、人民银行、银保监会负责）\n"
        "二、落实各方责任\n"
        "（三）明确部门组织协调责任。共同做好促进就业工作。（各有关部门和单位按职责分工负责）\n",
        [
            ("加大稳岗支持", "lead", ["人力资源和社会保障部"]),
            ("加大稳岗支持", "participants", ["财政部"]),
            ("发挥政府性融", "lead", ["财政部"]),
            (
                "发挥政府性融",
                "participants",
                ["工业和信息化部", "中国人民银行", "中国银行保险监督管理委员会"],
            ),
            ("明确部门组织", "lead", ["各有关部门和单位"]),
        ],
    ),
    (
        "national list without 牵头: everyone responsible; 等和 joins a generic owner",
        "国办发〔2018〕129号",
        "三、大力拓宽贫困地区农产品流通和销售渠道\n"
        "（四）打通供应链条。形成农产品从田间到餐桌的全链条联动。（商务部、发展改革委、农业农村部等和各有关省级人民政府负责）\n",
        [
            (
                "打通供应链条",
                "responsible",
                ["商务部", "国家发展和改革委员会", "农业农村部", "各有关省级人民政府"],
            ),
        ],
    ),
    (
        "national 负责部门：…；适用范围：…",
        "国发〔2018〕38号",
        "一、营造优良投资环境\n"
        "（一）借鉴北京市服务业扩大开放综合试点经验，放宽人才中介机构限制。（负责部门：人力资源社会保障部、住房城乡建设部、商务部；适用范围：所有自贸试验区）\n"
        "（二）支持有条件的自贸试验区研究和探索赋予国际铁路运单物权凭证功能。（负责部门：商务部、银保监会、铁路局、中国铁路总公司）\n",
        [
            ("借鉴北京市服", "responsible", ["人力资源和社会保障部", "住房和城乡建设部", "商务部"]),
            (
                "支持有条件的",
                "responsible",
                ["商务部", "中国银行保险监督管理委员会", "国家铁路局", "中国铁路总公司"],
            ),
        ],
    ),
    (
        "sentence subjects: X负责…, X会同Y…",
        "国办函〔2005〕57号",
        "2 组织机构和职责\n"
        "（3）公安部负责维护粮食供应场所的治安秩序，保证道路交通运输的通畅。\n"
        "（5）铁道部、交通部负责根据粮食应急工作的需要，及时安排落实应急粮食的运输。\n"
        "（10）国务院新闻办会同国家发展改革委制订国家粮食应急新闻发布预案。\n",
        [
            ("公安部负责维", "responsible", ["公安部"]),
            ("铁道部、交通", "responsible", ["铁道部", "交通部"]),
            ("国务院新闻办", "lead", ["国务院新闻办公室"]),
            ("国务院新闻办", "participants", ["国家发展和改革委员会"]),
        ],
    ),
    (
        "sentence subjects: generic owners stay distinct; 请X…",
        "国办发〔2018〕127号",
        "三、深入推进下放科技管理权限工作\n"
        "（二）推动科研人员的技术路线决策权落实到位。各地区、各部门在制定相关规定和具体办法时，要明确赋予科研人员更大技术路线决策权。\n"
        "（三）明确科技成果作为国有资产的管理程序。请财政部落实《中华人民共和国促进科技成果转化法》。\n",
        [
            ("推动科研人员", "responsible", ["各地区", "各部门"]),
            ("明确科技成果", "responsible", ["财政部"]),
        ],
    ),
    (
        "local trailing parentheses with the 省 prefix carried over the list",
        "seed: 苏政办发〔2012〕107号",
        "二、工作任务\n"
        "1.健全质量评价考核机制。推动市、县人民政府将质量安全纳入政府绩效考核评价指标。(省监察厅、质监局、统计局等部门负责)\n"
        "2.建立质量奖励制度。设立江苏省质量奖。(省质监局牵头,省发展改革委、财政厅参加)\n",
        [
            (
                "健全质量评价",
                "responsible",
                ["江苏省监察厅", "江苏省质量技术监督局", "江苏省统计局"],
            ),
            ("建立质量奖励", "lead", ["江苏省质量技术监督局"]),
            ("建立质量奖励", "participants", ["江苏省发展和改革委员会", "江苏省财政厅"]),
        ],
    ),
    (
        "责任单位 / 牵头单位 lines after an item (columns as local plans write them; no corpus document)",
        "modelled",
        "二、重点任务\n"
        "1.实施品牌培育工程。开展省级品牌示范创建活动。\n"
        "牵头单位：省质监局　配合单位：省发展改革委、省商务厅\n"
        "2.加强计量基础建设。建设省级计量标准。\n"
        "责任单位：省质监局、省科技厅\n",
        [
            ("实施品牌培育", "lead", ["江苏省质量技术监督局"]),
            ("实施品牌培育", "participants", ["江苏省发展和改革委员会", "江苏省商务厅"]),
            ("加强计量基础", "responsible", ["江苏省质量技术监督局", "江苏省科学技术厅"]),
        ],
    ),
]


@pytest.mark.parametrize(
    ("style", "source", "excerpt", "expected"), STYLES, ids=[s[0] for s in STYLES]
)
def test_house_style_assigns_roles(
    style: str, source: str, excerpt: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    issuers = JIANGSU if source in ("modelled", "seed: 苏政办发〔2012〕107号") else NATIONAL
    doc = _facts(excerpt, issuers)
    assert _roles(doc) == expected, f"{style} ({source})"


def test_task_table_rows_become_measures_with_deadlines() -> None:
    # Columns of a 重点任务分工表 as HTML/docx tables arrive: one tab-separated line per row
    # (modelled on local annex tables; the development corpus has none).
    text = (
        "附件\n重点任务分工表\n"
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t建立质量奖励制度\t省质监局\t省财政厅、省人力资源社会保障厅\t2013年底前\n"
        "2\t开展质量强市示范城市创建\t省质监局\t各设区市人民政府\t长期坚持\n"
    )
    doc = _facts(text, JIANGSU)
    rows = [(m.path, m.title, m.deadline) for m in doc.measures]
    assert rows == [
        ("表1.1", "建立质量奖励制度", "2013年底前"),
        ("表1.2", "开展质量强市示范城市创建", "长期坚持"),
    ]
    assert [a.name for a in doc.measures[0].lead] == ["江苏省质量技术监督局"]
    assert [a.name for a in doc.measures[0].participants] == [
        "江苏省财政厅",
        "江苏省人力资源和社会保障厅",
    ]
    assert [a.raw for a in doc.measures[1].participants] == ["各设区市人民政府"]


def test_a_table_without_an_agency_column_is_not_a_task_table() -> None:
    # An indicator table (考核指标) lists items but assigns nothing to anyone.
    text = "序号\t指标\t指标属性\t计算方法\n1\t门诊人次数与出院人次数比\t定量\t门诊患者人次数/同期出院患者人次数\n"
    assert _facts(text, NATIONAL).measures == []


def test_generic_owners_are_never_merged() -> None:
    # 国发〔2018〕39号 (十四): two generic owners, the first leads under 下同.
    text = (
        "一、落实各方责任\n"
        "（一）加大稳岗支持力度。资金由失业保险基金列支。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n"
        "（二）切实抓好政策服务。各地各有关部门要积极开展政策宣传。（各有关部门和单位，各省级人民政府按职责分工负责）\n"
    )
    second = _facts(text, NATIONAL).measures[1]
    assert [a.raw for a in second.lead] == ["各有关部门和单位"]
    assert [a.raw for a in second.participants] == ["各省级人民政府"]
