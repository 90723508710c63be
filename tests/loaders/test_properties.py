"""Property tests for the parsers of numbers, dates, document numbers and section numbering."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from loaders.numerals import normalise_doc_number, parse_date, parse_number, parse_year
from loaders.sections import find_sections

CN_DIGITS = "〇一二三四五六七八九"
CN_ZERO_VARIANTS = ("〇", "○", "0", "零")


def cn_small(n: int) -> str:
    """1..99 in Chinese as written in dates and section numbers (十二, 二十一)."""
    tens, units = divmod(n, 10)
    text = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return text + (CN_DIGITS[units] if units else "")


def cn_year(year: int, zero: str) -> str:
    return "".join(zero if d == "0" else CN_DIGITS[int(d)] for d in str(year))


def cn_integer(n: int) -> str:
    """0 < n < 100000000 in Chinese with units (一千二百, 三万零五)."""
    units = ["", "十", "百", "千"]

    def below_10000(m: int) -> str:
        out, zero = "", False
        for power in (3, 2, 1, 0):
            digit = m // 10**power % 10
            if digit:
                if zero and out:
                    out += "零"
                out += CN_DIGITS[digit] + units[power]
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10000)
    if not high:
        return below_10000(low)
    text = below_10000(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + below_10000(low)
    return text


dates = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 31))


@given(dates, st.sampled_from(CN_ZERO_VARIANTS))
def test_chinese_dates(day: datetime.date, zero: str) -> None:
    written = f"{cn_year(day.year, zero)}年{cn_small(day.month)}月{cn_small(day.day)}日"
    assert parse_date(written) == day.isoformat()


@given(dates, st.booleans(), st.sampled_from(["-", "/", "."]))
def test_arabic_dates(day: datetime.date, padded: bool, sep: str) -> None:
    fmt = f"{day.month:02d}" if padded else str(day.month)
    dd = f"{day.day:02d}" if padded else str(day.day)
    assert parse_date(f"{day.year}年{fmt}月{dd}日") == day.isoformat()
    assert parse_date(f"{day.year}{sep}{fmt}{sep}{dd} 00:00:00") == day.isoformat()


@given(st.integers(min_value=1950, max_value=2099), st.sampled_from(CN_ZERO_VARIANTS))
def test_years(year: int, zero: str) -> None:
    assert parse_year(cn_year(year, zero)) == year
    assert parse_year(str(year)) == year


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_integers(n: int) -> None:
    assert parse_number(cn_integer(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.booleans())
def test_arabic_integers(n: int, full_width: bool) -> None:
    written = (
        str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        if full_width
        else str(n)
    )
    assert parse_number(written) == n
    assert parse_number(f"{n:,}") == n


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(".·"),
)
def test_decimals_and_wan(whole: int, tenth: int, point: str) -> None:
    assert parse_number(f"{whole}{point}{tenth}") == whole + tenth / 10
    assert parse_number(f"{whole}万") == whole * 10_000


PREFIXES = st.text(alphabet="苏政办发镇武质强嘉国函委", min_size=2, max_size=6)
BRACKETS = st.sampled_from(
    [("〔", "〕"), ("[", "]"), ("［", "］"), ("【", "】"), ("(", ")"), ("（", "）")]
)


@given(
    PREFIXES,
    st.integers(min_value=1990, max_value=2099),
    st.integers(min_value=1, max_value=9999),
    BRACKETS,
    st.booleans(),
)
def test_doc_numbers_normalise_to_one_form(
    prefix: str, year: int, serial: int, brackets: tuple[str, str], spaced: bool
) -> None:
    gap = " " if spaced else ""
    written = f"{prefix}{brackets[0]}{gap}{year}{gap}{brackets[1]}{serial}{gap}号"
    normalised = normalise_doc_number(written)
    assert normalised == f"{prefix}〔{year}〕{serial}号"
    assert normalise_doc_number(normalised) == normalised


@given(
    PREFIXES, st.integers(min_value=1990, max_value=2099), st.integers(min_value=1, max_value=999)
)
def test_incomplete_doc_numbers_are_not_invented(prefix: str, year: int, serial: int) -> None:
    assert normalise_doc_number(f"{prefix}〔{year}{serial}") is None
    assert normalise_doc_number(f"{prefix}〔{year}〕{serial}") is None


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=5), st.booleans())
def test_numbered_outline_gives_the_tree_it_was_written_as(
    children: list[int], full_width: bool
) -> None:
    """An outline 一、 > (一) > 1. written out is read back with the same paths."""
    open_, close = ("（", "）") if full_width else ("(", ")")
    lines, paths = [], []
    for i, count in enumerate(children, start=1):
        top = cn_small(i)
        lines.append(f"{top}、第{i}部分")
        paths.append(top)
        for j in range(1, count + 1):
            sub = cn_small(j)
            lines.append(f"{open_}{sub}{close}第{j}项工作。")
            paths.append(f"{top}.({sub})")
            lines.append("1.落实2014年目标,完成1、2项任务,比重达2.55%。")
            paths.append(f"{top}.({sub}).1")
    sections = find_sections("\n".join(lines))
    assert [s.path for s in sections] == paths
