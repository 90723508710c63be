"""Which numbers are targets in documents that are not dated annual plans: goals a document sets
for a year ahead or for its period, never past results, penalties, time limits or formulas."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.regions import DocContext
from loaders.targets import extract_targets

NATIONAL = DocContext(level="national")


def _keys(text: str, issued: int | None = 2019) -> list[tuple[object, ...]]:
    return [
        (t.value, t.value_max, t.unit, t.comparator, t.year)
        for t in extract_targets(text, NATIONAL, issued)
    ]


def test_a_goal_paragraph_scopes_every_sentence() -> None:
    # 国发〔2019〕4号: "具体指标：到2022年，…。…推动建设300个…" — the year opens the paragraph.
    text = (
        "具体指标：到2022年，职业院校教学条件基本达标，建设50所高水平高等职业学校和150个骨干专业（群）。"
        "企业参与职业教育的积极性有较大提升，推动建设300个具有辐射引领作用的高水平专业化产教融合实训基地。"
        "职业院校实践性教学课时原则上占总课时一半以上。\n"
    )
    assert _keys(text) == [
        (50.0, None, "所", "=", 2022),
        (150.0, None, "个", "=", 2022),
        (300.0, None, "个", "=", 2022),
        (50.0, None, "%", ">=", 2022),
    ]


def test_a_goal_heading_run_into_its_paragraph() -> None:
    # 国办发〔2018〕121号 (三) 发展目标: 2万亿元 is 20000 亿元.
    text = "（三）发展目标。到2025年，体育竞赛表演产业总规模达到2万亿元，推出100项具有较大知名度的体育精品赛事。\n"
    assert _keys(text, 2018) == [(20000.0, None, "亿元", "=", 2025), (100.0, None, "项", "=", 2025)]


def test_policy_parameters_and_thresholds_are_not_targets() -> None:
    # 国发〔2018〕39号: returns, loan caps and firm sizes set rules, not goals.
    text = (
        "（一）加大稳岗支持力度。对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。"
        "可申请最高不超过300万元的创业担保贷款。超过100人的企业达到15%。\n"
    )
    assert _keys(text, 2018) == []


def test_penalties_time_limits_and_formulas_are_not_targets() -> None:
    text = (
        "第三十三条 生产者违反本条例规定的，责令改正，处一千元以上三千元以下罚款。\n"
        "行政执法机关要在执法决定作出之日起20个工作日内，向社会公布执法信息。\n"
        "计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%。\n"
    )
    assert _keys(text) == []


def test_a_past_year_is_a_baseline_not_a_target() -> None:
    # 国办发〔1996〕32号: 1995 is the base, 1998 the goal.
    text = "扩大内地西藏初中班（校）招生规模，以1995年实招人数1445名为基数，至1998年达到2000名的招生规模。\n"
    assert _keys(text, 1996) == [(2000.0, None, "名", "=", 1998)]


@given(
    st.integers(min_value=2001, max_value=2030),
    st.integers(min_value=1, max_value=15),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["个", "项", "家", "所"]),
)
def test_year_scope_decides_future_or_past(issued: int, ahead: int, value: int, unit: str) -> None:
    future = f"到{issued + ahead}年，新建示范区{value}{unit}。\n"
    past = f"到{issued - ahead}年，新建示范区{value}{unit}。\n"
    assert _keys(future, issued) == [(float(value), None, unit, "=", issued + ahead)]
    assert _keys(past, issued) == []


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=50))
def test_ranges_with_any_dash_inside_a_goal(low: int, extra: int) -> None:
    for dash in ("—", "-", "–", "～", "至"):
        text = f"到2025年，培育省级品牌{low}{dash}{low + extra}个。\n"
        assert _keys(text) == [(float(low), float(low + extra), "个", "range", 2025)]


@given(st.integers(min_value=1, max_value=99))
def test_stacked_multipliers(value: int) -> None:
    assert _keys(f"到2025年，产业总规模达到{value}万亿元。\n") == [
        (value * 10000.0, None, "亿元", "=", 2025)
    ]
