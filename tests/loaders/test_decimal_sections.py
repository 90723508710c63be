"""Decimal numbering (1.1 / 2.1.3), as emergency plans and technical programmes number their
sections (issue 11). No tuning-part document of the development set is numbered this way, so the
excerpt follows the layout such plans use (总则 > 1.1 > 1.1.1 > (1)); its wording is illustrative."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.facts import extract_facts
from loaders.record import PolicyDocument, Source
from loaders.sections import find_sections

PLAN = (
    "一、主要任务\n"
    "1.1 市场监测。质监部门要加强重点产品质量监测。\n"
    "1.2 质量提升\n"
    "1.2.1 标准建设。\n"
    "（1）标准化部门要制定地方标准。\n"
    "（2）各县要组织实施。\n"
    "1.2.2 计量保障。各级市场监管部门要开展量值传递。\n"
    "2.1 组织保障。抽查合格率达到2.55%以上。\n"
    "二、保障措施\n"
)


def test_decimal_sections_nest_by_depth_and_restart_under_each_prefix() -> None:
    assert [(s.path, s.heading) for s in find_sections(PLAN)] == [
        ("一", "主要任务"),
        ("一.1.1", "市场监测"),
        ("一.1.2", "质量提升"),
        ("一.1.2.1", "标准建设"),
        ("一.1.2.1.(1)", "标准化部门要制定地方标准"),
        ("一.1.2.1.(2)", "各县要组织实施"),
        ("一.1.2.2", "计量保障"),
        ("一.2.1", "组织保障"),
        ("二", "保障措施"),
    ]


def test_decimal_items_are_measures_keyed_by_their_heading() -> None:
    doc = PolicyDocument(
        source=Source("x.txt", "0" * 64, "txt", "utf-8"), text=PLAN, issuers=["某省人民政府"]
    )
    doc.sections = find_sections(PLAN)  # as the loaders pipeline gives them
    extract_facts(doc)
    owners = {m.title: [a.raw for a in m.responsible] for m in doc.measures if m.responsible}
    assert owners["市场监测"] == ["质监部门"]
    assert owners["计量保障"] == ["各级市场监管部门"]


@given(a=st.integers(1, 99), b=st.integers(1, 99))
def test_a_decimal_inside_a_sentence_or_a_share_opens_no_section(a: int, b: int) -> None:
    text = f"一、目标\n合格率达到{a}.{b}%以上，新增{a}.{b}万户。\n{a}.{b}%的企业通过认证。\n"
    assert [s.path for s in find_sections(text)] == ["一"]


ORDER_WITH_ANNEX = (
    # 国办发〔2018〕114号: a notice numbered 一、…四、 and an annex numbered afresh (一、 > （一）).
    "三、悬挂专用号牌车辆的道路优先通行权\n"
    "对悬挂专用号牌车辆的道路交通安全违法行为，由公安机关交通管理部门依据《中华人民共和国道路交通安全法》处理。\n"
    "四、悬挂专用号牌车辆的政策保障\n"
    "应急部负责制定悬挂专用号牌机动车参加交通事故责任强制保险办法。\n"
    "国务院办公厅\n2018年12月4日\n"
    "附件\n"
    "应急救援专用号牌式样和车辆涂装样图\n"
    "一、号牌编码规则\n"
    "（一）汽车号牌。字符共8位。\n"
    "（二）摩托车号牌。字符共7位。\n"
)


def test_an_annex_numbers_afresh_under_its_own_root() -> None:
    assert [s.path for s in find_sections(ORDER_WITH_ANNEX)] == [
        "三",
        "四",
        "附件.一",
        "附件.一.(一)",
        "附件.一.(二)",
    ]
    fourth = find_sections(ORDER_WITH_ANNEX)[1]
    assert ORDER_WITH_ANNEX[fourth.start : fourth.end].rstrip().endswith("2018年12月4日")


def test_chapters_stay_items_when_only_the_annex_numbers_deeper() -> None:
    doc = PolicyDocument(
        source=Source("x.txt", "0" * 64, "txt", "utf-8"),
        text=ORDER_WITH_ANNEX,
        issuers=["国务院办公厅"],
    )
    doc.sections = find_sections(ORDER_WITH_ANNEX)
    extract_facts(doc)
    owners = {m.path: [a.name or a.raw for a in m.responsible] for m in doc.measures}
    assert owners == {"三": ["公安机关交通管理部门"], "四": ["应急管理部"]}
