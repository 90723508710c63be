"""Values a text sets with 将X稳定在/控制在/降至N (issue 11): targets even outside a 目标 section,
while the same numbers as a rule's ceiling (原则上不超过) stay parameters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.regions import DocContext
from loaders.targets import extract_targets

NATIONAL = DocContext(level="national")


def _keys(text: str) -> list[tuple[object, ...]]:
    return [
        (t.value, t.value_max, t.unit, t.comparator, t.year)
        for t in extract_targets(text, NATIONAL, 2018)
    ]


def test_a_plan_approval_sets_shares_with_stabilise_and_cap() -> None:
    # 国函〔2018〕159号
    text = "严控城镇规模和城镇开发边界，实现多规合一，将雄安新区蓝绿空间占比稳定在70%，远景开发强度控制在30%。\n"
    assert _keys(text) == [(70.0, None, "%", "=", None), (30.0, None, "%", "<=", None)]


def test_lowering_a_rate_to_a_ceiling_is_a_target_a_rule_of_thumb_is_not() -> None:
    # 国办发〔2019〕6号 (八)
    text = (
        "（八）引导降费让利。各级政府性融资担保、再担保机构要适时调降再担保费率，引导合作机构逐步将平均担保费率降至1%以下。"
        "其中，对单户担保金额500万元及以下的小微企业收取的担保费率原则上不超过1%。\n"
    )
    assert _keys(text) == [(1.0, None, "%", "<=", None)]


@given(
    value=st.integers(min_value=1, max_value=99),
    verb=st.sampled_from(["稳定在", "控制在", "降至"]),
    post=st.sampled_from(["", "以下", "以上", "左右"]),
)
def test_any_set_share_reads_back_with_its_comparator(value: int, verb: str, post: str) -> None:
    text = f"要将城市绿化覆盖率{verb}{value}%{post}。\n"
    expected = {"以下": "<=", "以上": ">=", "左右": "about"}.get(
        post, "<=" if verb == "控制在" else "="
    )
    assert _keys(text) == [(float(value), None, "%", expected, None)]


@given(value=st.integers(min_value=1, max_value=99))
def test_a_ceiling_in_a_rule_without_a_goal_is_no_target(value: int) -> None:
    assert _keys(f"收取的担保费率原则上不超过{value}%。\n") == []


@given(era=st.sampled_from([("八五", 1995), ("九五", 2000), ("十一五", 2010), ("十四五", 2025)]))
def test_a_five_year_period_dates_its_targets(era: tuple[str, int]) -> None:
    name, year = era
    text = f"到“{name}”末，全市产品质量合格率达到90%以上。\n"
    found = extract_targets(text, NATIONAL, year - 3)
    assert [(t.value, t.comparator, t.year) for t in found] == [(90.0, ">=", year)]
    # Read after the period ended, the same sentence states a result, not a target.
    assert extract_targets(text, NATIONAL, year + 1) == []


def test_fifteen_days_is_a_time_limit_not_a_period() -> None:
    assert _keys("应当在十五日内办理，合格率达到90%以上。\n") == []
