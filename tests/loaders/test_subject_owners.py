"""Owners written as sentence subjects in national and local notices, one row per style: a short
real excerpt (document named per row) → the roles a reader sees in it. These are the styles the
development set's tuning part showed failing (issue 11): lists after a comma, 特别是 qualifiers,
"X对Y、Z对W要" pairs, bodies named by their function (审核机构), 由X办理, …办公室 owners."""

from __future__ import annotations

import pytest

from tests.facts.test_house_styles import _facts
from tests.facts.test_house_styles import _roles as _doc_roles


def _roles(text: str) -> list[tuple[str, str, list[str]]]:
    return _doc_roles(_facts(text, ["国务院办公厅"]))


STYLES = [
    (
        "a list of owners after a comma (国办发〔1997〕2号)",
        "二、加强防震减灾工作的意见\n"
        "（一）各地区、各有关部门应结合本地区、本部门实际，尽快制定防震减灾十年目标实施方案。\n"
        "（三）加强对工程抗震设防工作的管理，尽快将其纳入法制化轨道，地方各级人民政府、各有关部门要切实做好抗震设防标准确定。\n",
        [
            ("各地区、各有", "responsible", ["各地区", "各有关部门"]),
            ("加强对工程抗", "responsible", ["地方各级人民政府", "各有关部门"]),
        ],
    ),
    (
        "特别是 stresses a part of the owner, it is not a second owner (国办发〔1997〕2号)",
        "二、意见\n"
        "（四）积极开展防震减灾知识宣传教育。地方各级人民政府特别是地震重点监视防御区所在地的人民政府应把防震减灾知识的宣传作为一项重要内容。\n"
        "（五）建议将首都圈地区建成综合示范区。\n",
        [("积极开展防震", "responsible", ["地方各级人民政府"])],
    ),
    (
        "X对Y、Z对W要: each pair names an owner; a body named by its function (国办发〔2018〕115号)",
        "一、意见\n"
        "（一）明确审核职责。审核机构要认真履行审核职责，防止重形式、轻内容、走过场。\n"
        "（二）强化指导监督。各级人民政府对所属部门、上级人民政府对下级人民政府要加强指导监督，发现问题及时纠正。\n",
        [
            ("明确审核职责", "responsible", ["审核机构"]),
            ("强化指导监督", "responsible", ["各级人民政府", "上级人民政府"]),
        ],
    ),
    (
        "由X和Y依法办理; 负责同志 is a post, not an assignment (国办发〔2019〕3号)",
        "四、组织实施\n"
        "1.建立治理工作协调机制。成立城镇小区配套幼儿园治理工作小组，成员由教育部、住房城乡建设部等部门负责同志组成。\n"
        "2.落实治理责任分工。根据办园性质，分别由机构编制部门和民政部门依法办理事业单位法人登记或民办非企业单位法人登记。\n",
        [("落实治理责任", "responsible", ["机构编制部门", "民政部门"])],
    ),
    (
        "the central purse as an owner; 各级财政部门要会同有关方面 (国办发〔2019〕6号)",
        "五、强化财税正向激励\n"
        "（十五）加大奖补支持力度。中央财政要对扩大实体经济领域小微企业融资担保业务规模工作成效明显的地方予以奖补激励。\n"
        "（二十七）完善绩效评价体系。各级财政部门要会同有关方面研究制定对政府性融资担保、再担保机构的绩效考核办法。\n",
        [
            ("加大奖补支持", "responsible", ["中央财政"]),
            ("完善绩效评价", "lead", ["各级财政部门"]),
            ("完善绩效评价", "participants", ["有关方面"]),
        ],
    ),
    (
        "a provincial bureau's 区局 and 区局办公室 after a comma (新质监办发〔2012〕24号)",
        "四、有关信息报送和宣传工作的要求\n"
        "（二）区局机关各部门及各直属单位如需开展业务宣传工作，请填报申请宣传申报单，区局办公室将负责协调并组织相关媒体进行采访。\n"
        "（三）为配合整体宣传工作需要，区局将适时组织各新闻媒体进行宣传采访，届时由区局办公室签批协助宣传采访通知单。\n",
        [
            ("区局机关各部", "responsible", ["区局办公室"]),
            ("为配合整体宣", "responsible", ["区局", "区局办公室"]),
        ],
    ),
]


STYLES += [
    (
        "必须 after a comma; a 监察机构 as owner (国办发〔2004〕7号)",
        "一、牢固树立“安全第一”思想。目前，煤炭销售市场好转，各地区、各部门、各单位必须充分认识加强煤矿安全生产工作的重要意义。\n"
        "二、加大煤矿安全监管监察工作力度。煤矿安全监察机构要依法监察，严格执法。\n",
        [
            ("牢固树立“安", "responsible", ["各地区", "各部门", "各单位"]),
            ("加大煤矿安全", "responsible", ["煤矿安全监察机构"]),
        ],
    ),
    (
        "a list closed by 等各地区 and a comma before 要; places as owners (国函〔2018〕159号)",
        "十四、加强规划组织实施。国家发展改革委要做好综合协调，加强对《总体规划》实施的指导；"
        "各有关部门和单位以及北京市、天津市等各地区，要积极主动对接和支持雄安新区规划建设。\n"
        "十五、其他。\n",
        [
            (
                "加强规划组织",
                "responsible",
                ["国家发展和改革委员会", "各有关部门和单位", "北京市", "天津市"],
            )
        ],
    ),
    (
        "X为…主管单位 names the body in charge (国办发〔2018〕114号)",
        "一、专用号牌的核发范围和管理\n"
        "国家综合性消防救援车辆中符合规定的悬挂专用号牌。应急部为专用号牌及配套行驶证件的核发主管单位。\n"
        "二、专用号牌要素和车辆外观\n专用号牌分为汽车号牌和摩托车号牌两种。\n",
        [("专用号牌的核", "responsible", ["应急管理部"])],
    ),
    (
        "a region's government and the 兵团 as two owners (国函〔2018〕145号)",
        "三、国务院有关部门要结合各自职能给予积极支持。\n"
        "四、新疆维吾尔自治区人民政府和新疆生产建设兵团要加强组织领导，建立协同推进机制。\n",
        [
            ("国务院有关部", "responsible", ["国务院有关部门"]),
            ("新疆维吾尔自", "responsible", ["新疆维吾尔自治区人民政府", "新疆生产建设兵团"]),
        ],
    ),
]


@pytest.mark.parametrize(("style", "text", "expected"), STYLES, ids=[s[0] for s in STYLES])
def test_subject_style_assigns_roles(
    style: str, text: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _roles(text) == expected


HEADING_LINE_ITEMS = (
    # 国办发〔1997〕11号: the item's heading stands on its own line, its owners in the prose below.
    "二、清理整顿的原则\n"
    "（一）“双重”负责的原则。\n"
    "对社会团体实行业务主管部门、挂靠单位与登记管理机关双重负责的管理体制。在清理整顿工作中，"
    "业务主管部门、挂靠单位、登记管理机关要根据有关通知要求，各司其职，各负其责。\n"
    "（二）从严的原则。\n"
    "登记管理机关、业务主管部门和挂靠单位都要从严把关，该取缔的要坚决取缔。\n"
    "（三）统一归口登记的原则。\n"
    "社会团体统一由各级民政部门登记管理，其他任何部门无权予以登记和颁发证书。\n"
)


def test_an_item_whose_heading_has_its_own_line_takes_its_owners_from_the_prose() -> None:
    assert _roles(HEADING_LINE_ITEMS) == [
        ("“双重”负责", "responsible", ["业务主管部门", "挂靠单位", "登记管理机关"]),
        ("从严的原则。", "responsible", ["登记管理机关", "业务主管部门", "挂靠单位"]),
        ("统一归口登记", "responsible", ["各级民政部门"]),
    ]


def test_a_run_in_title_before_a_comma_is_not_an_owner() -> None:
    # The seeds' 加强领导各级各有关部门要… is a title glued to its subject; a clause about a
    # measure (通过考核…间接反映政府…) is not an owner either (国办发〔2019〕4号).
    text = (
        "二、指标体系\n"
        "（一）运营效率。通过人力资源配比和人员负荷指标考核医疗资源利用效率。"
        "通过考核收支结构指标间接反映政府落实办医责任情况。\n"
        "（二）持续发展。卫生健康行政部门监督指导三级公立医院落实病案首页“四统一”要求。\n"
    )
    assert _roles(text) == [("持续发展。卫", "responsible", ["卫生健康行政部门"])]


def test_the_last_item_of_an_enumeration_does_not_take_the_next_paragraph() -> None:
    # 乳品质量安全监督管理条例 (2008) 第四十七条 and 第四十九条: the powers listed end with (六); the paragraph
    # after it (here without its article number, as flattened captures print it) is not part of (六).
    text = (
        "第四十七条 畜牧兽医、质量监督、工商行政管理等部门在依据各自职责进行监督检查时，行使下列职权：\n"
        "(一)实施现场检查；\n"
        "(二)向有关人员调查、了解有关情况；\n"
        "(三)法律、行政法规规定的其他职权。\n"
        "县级以上人民政府价格主管部门应当加强对生鲜乳购销过程中压级压价、价格欺诈等不正当价格行为的监督检查。\n"
    )
    assert [r for r in _roles(text) if r[0].startswith("法律")] == []


def test_by_x_together_with_y_makes_x_lead() -> None:
    # 中华人民共和国计量法实施细则 (2022) 第九章
    text = (
        "一、费用\n"
        "（一）申请计量认证和仲裁检定，应当缴纳费用，具体收费办法或收费标准，"
        "由国务院计量行政部门会同国家财政、物价部门统一制定。\n"
        "（二）其他。\n"
    )
    assert _roles(text) == [
        ("申请计量认证", "lead", ["国务院计量行政部门"]),
        ("申请计量认证", "participants", ["国家财政", "物价部门"]),
    ]
