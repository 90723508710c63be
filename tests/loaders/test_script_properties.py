"""Property tests for the converters the cleaning step applies to every line.

Offsets of sections, references and facts point into the cleaned text, so a converter must
never change a line's length where it promises not to, and must leave alone what is already in
the form extraction reads.
"""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from loaders.clean import clean_text, normalise_line
from loaders.history import find_history, history_facts
from loaders.metadata import normalise_number, title_from_page
from loaders.script import strip_pinyin, to_half_width, to_simplified

# Common characters of policy texts in both scripts, digits, brackets and punctuation.
TRADITIONAL = "國務院辦公廳關於質量發展綱要實施意見縣區鎮計劃標準監督條例規劃認證環境"
SIMPLIFIED = "国务院办公厅关于质量发展纲要实施意见县区镇计划标准监督条例规划认证环境"
OTHER = "0123456789０１２３４５６７８９ＡＢＣabcGB/T〔〕（）()《》，。、：；"
chinese_lines = st.text(alphabet=TRADITIONAL + SIMPLIFIED + OTHER, max_size=80)


@given(chinese_lines)
def test_script_conversion_keeps_the_length_of_a_line(line: str) -> None:
    assert len(to_simplified(line)) == len(line)
    assert len(to_half_width(line)) == len(line)


@given(st.text(alphabet=SIMPLIFIED + "0123456789〔〕（）《》，。", max_size=80))
def test_simplified_text_is_left_as_it_is(line: str) -> None:
    assert to_simplified(line) == line
    assert to_half_width(line) == line
    assert strip_pinyin(line) == line
    assert normalise_line(line) == line.strip(" \t")


@given(chinese_lines)
def test_conversions_are_idempotent(line: str) -> None:
    once = normalise_line(line)
    assert normalise_line(once) == once


@given(st.sampled_from(TRADITIONAL), st.sampled_from(["zhì", "liàng", "guó", "wù", "yuàn"]))
def test_pinyin_after_a_character_is_dropped(character: str, syllable: str) -> None:
    assert strip_pinyin(f"{character}{syllable}{character}({syllable})") == character * 2


@given(
    st.sampled_from(["苏政办发", "国办发", "镇政办发", "新质监办发", "国函"]),
    st.integers(1980, 2030),
    st.integers(1, 999),
    st.sampled_from(["〔〕", "[]", "［］", "()", "（）"]),
    st.sampled_from(["", "（", "("]),
    st.booleans(),
)
def test_doc_numbers_in_any_bracket_and_width(
    prefix: str, year: int, serial: int, brackets: str, wrap: str, full_width: bool
) -> None:
    written = f"{prefix}{brackets[0]}{year}{brackets[1]}{serial}号"
    if full_width:
        written = to_half_width(written).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if wrap:
        written = wrap + written + {"（": "）", "(": ")"}[wrap]
    assert normalise_number(written) == f"{prefix}〔{year}〕{serial}号"


@given(
    st.text(alphabet=SIMPLIFIED, min_size=4, max_size=30),
    st.sampled_from(["通知", "实施意见", "条例", "行动计划"]),
    st.sampled_from([" - 中国政府网", "_XX市人民政府门户网站", " | 政府信息公开平台", ""]),
)
def test_page_title_loses_the_site_name(words: str, doc_type: str, site: str) -> None:
    assert title_from_page(words + doc_type + site) == words + doc_type


law_dates = st.dates(min_value=datetime.date(1949, 10, 1), max_value=datetime.date(2099, 12, 31))


@given(law_dates, law_dates)
def test_history_dates_are_read_in_order(adopted: datetime.date, amended: datetime.date) -> None:
    adopted, amended = sorted((adopted, amended))
    text = (
        f"XX条例\n{adopted.year}年{adopted.month}月{adopted.day}日 "
        "某省第十届人民代表大会常务委员会第三次会议通过\n"
        f"{amended.year}年{amended.month}月{amended.day}日 "
        "某省第十一届人民代表大会常务委员会第五次会议《关于修改部分地方性法规的决定》修正\n第一条 …"
    )
    facts = history_facts(find_history(clean_text(text)))
    assert facts is not None
    assert facts.issuers == ["某省人民代表大会常务委员会"]
    assert facts.issued == amended.isoformat()
    assert facts.published is None
