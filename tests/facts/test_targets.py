"""The number/unit/comparator parser, and every kind of number that must never be a target."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.regions import DocContext
from loaders.targets import UNITS, extract_targets, parse_quantity

COUNT_UNITS = [u for u in UNITS if u not in ("%", "％", "百分点")]
POSTS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "about", "": "="}
PRES = {"不少于": ">=", "不低于": ">=", "不超过": "<=", "控制在": "<="}
CTX = DocContext(region="镇江市", level="city", province="江苏省", city="镇江市", plan_year=2014)


@given(
    st.integers(min_value=1, max_value=99999),
    st.sampled_from(COUNT_UNITS),
    st.sampled_from(sorted(POSTS)),
)
def test_integer_with_unit_and_bound(value: int, unit: str, post: str) -> None:
    q = parse_quantity(f"{value}{unit}{post}")
    assert q is not None
    assert (q.value, q.value_max, q.unit, q.comparator) == (value, None, unit, POSTS[post])


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(".·"),
)
def test_decimals_with_either_point(whole: int, frac: int, point: str) -> None:
    q = parse_quantity(f"{whole}{point}{frac}%以上")
    assert q is not None
    assert q.value == pytest.approx(float(f"{whole}.{frac}"))
    assert (q.unit, q.comparator) == ("%", ">=")


@given(
    st.integers(min_value=1, max_value=50),
    st.integers(min_value=1, max_value=50),
    st.sampled_from(["—", "-", "–", "至", "~"]),
    st.sampled_from(["个", "项", "只", "家"]),
)
def test_ranges(low: int, extra: int, sep: str, unit: str) -> None:
    q = parse_quantity(f"{low}{sep}{low + extra}{unit}")
    assert q is not None
    assert (q.value, q.value_max, q.unit, q.comparator) == (low, low + extra, unit, "range")


@given(st.sampled_from(sorted(PRES)), st.integers(min_value=1, max_value=1000))
def test_words_before_the_number_set_the_comparator(pre: str, value: int) -> None:
    q = parse_quantity(f"{pre}{value}家")
    assert q is not None and q.comparator == PRES[pre]


@given(st.integers(min_value=1, max_value=9))
def test_wan_multiplies(value: int) -> None:
    q = parse_quantity(f"{value}万家")
    assert q is not None and (q.value, q.unit) == (value * 10_000, "家")


def test_percentage_points() -> None:
    q = parse_quantity("5个百分点以上")
    assert q is not None and (q.value, q.unit, q.comparator) == (5, "个百分点", ">=")


def values(text: str, ctx: DocContext = CTX) -> list[tuple[float | None, str | None, str]]:
    return [(t.value, t.unit, t.comparator) for t in extract_targets(text, ctx)]


def test_real_targets_in_running_text() -> None:
    found = extract_targets("新创和保有江苏名牌产品总数达138个以上;万台事故率控制在0·3以内。", CTX)
    assert [(t.concept, t.value, t.unit, t.comparator, t.year) for t in found] == [
        ("jiangsu-famous-brand", 138, "个", ">=", 2014),
        ("special-equipment-accident-rate", 0.3, None, "<=", 2014),
    ]


def test_relative_target_has_no_number() -> None:
    (t,) = extract_targets("使我镇的主要工业产品质量的抽查合格率高于全区平均水平。", CTX)
    assert (t.value, t.comparator, t.concept) == (None, "relative", "spot-check-pass-rate")


def test_year_to_20xx_is_unknown_not_the_plan_year() -> None:
    (t,) = extract_targets("到20XX年,质量体系认证企业达10家。", CTX)
    assert t.year is None


def test_year_written_in_the_sentence_wins() -> None:
    found = extract_targets("到2010年区内大中型商业企业的顾客满意度要达到90%以上。", CTX)
    assert [t.year for t in found] == [2010]


# Numbers that are not targets.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("二○一二年六月二十一日", id="date-chinese"),
        pytest.param("发文日期: 2012-06-21 00:00:00", id="date-iso"),
        pytest.param("为深入贯彻落实2012年我省质量工作重点。", id="year"),
        pytest.param("文号: 苏政办发〔2012〕123号", id="doc-number"),
        pytest.param("根据武质强发[2016]2号文件精神", id="doc-number-square"),
        pytest.param("1.部署推进质量强省工作。\n2、县经济发展", id="section-numbers"),
        pytest.param("大力宣贯GB/T19580《卓越绩效评价准则》国家标准", id="gb-standard"),
        pytest.param("大型企业按ISO10012标准建立并完善计量检测体系", id="iso10012"),
        pytest.param("区级行政机关要率先全部通过iso9000质量管理体系认证", id="iso9000"),
        pytest.param("积极宣传贯彻IS09000族质量管理标准", id="is09000-typo"),
        pytest.param("鼓励推行六西格玛、5S、零缺陷", id="5s"),
        pytest.param("改革开放尤其是“十三五”以来,为深入贯彻党的十八届三中全会精神", id="eras"),
        pytest.param("充分利用“质量月”、“3·15”等活动", id="day-name"),
        pytest.param("按照《纲要》提出的24字方针要求", id="slogan-count"),
        pytest.param("区社区经济局要认真抓好13个行政村及所属企业的质量工作", id="scope-count"),
        pytest.param("2014年质量强市工作继续实施八项重点工程", id="chinese-count"),
        pytest.param("索 引 号: 014000319/2012-01296", id="index-number"),
    ],
)
def test_not_a_target(text: str) -> None:
    assert values(text) == []


def test_scope_qualifier_is_not_the_target() -> None:
    text = "年销售在2000万元以上的工业企业通过ISO9000和ISO14000质量体系认证率85%以上。"
    assert values(text) == [(85, "%", ">=")]


def test_relative_wording_needs_a_reference_level() -> None:
    assert values("全面提升全镇的质量档次。") == []
