"""Character forms a capture may come in, brought to the one form extraction reads.

- Traditional script (繁體: 人民政府辦公室關於印發…的通知) → simplified, with OpenCC's ``t2s``
  conversion (opencc 1.4.2 from PyPI, offline). OpenCC converts some phrases as a whole; where
  a line's converted length differs from the original, the line is converted character by
  character instead, so a line keeps its length and the cleaned text stays aligned with it.
- Full-width digits and Latin letters (２０１２, ＧＢ／Ｔ) → ASCII. Full-width punctuation
  (，。（）〔〕) is kept as written.
- Pinyin that mirror sites put after each character, bare (质zhì量liàng) or in brackets
  (质(zhì)量(liàng)), and ruby text, is dropped. Only syllables carrying a tone mark are taken
  for pinyin, so English words and codes (ISO 9001, GB/T 19580) stay.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter | None:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a pinned dependency
        return None
    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def to_simplified(line: str) -> str:
    """``line`` in simplified script, of the same length.

    >>> to_simplified("江蘇省人民政府辦公廳關於印發質量發展綱要的通知")
    '江苏省人民政府办公厅关于印发质量发展纲要的通知'
    >>> to_simplified("嘉泽镇2016年质量强镇工作的实施意见")
    '嘉泽镇2016年质量强镇工作的实施意见'
    """
    converter = _t2s()
    if converter is None or line.isascii():
        return line
    converted = converter.convert(line)
    if len(converted) == len(line):
        return converted
    # A phrase mapping changed the length: convert one character at a time instead.
    out = []
    for ch in line:
        single = converter.convert(ch)
        out.append(single if len(single) == 1 else ch)
    return "".join(out)


_FULL_WIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}


def to_half_width(line: str) -> str:
    """Full-width digits and Latin letters as ASCII; other characters unchanged.

    >>> to_half_width("苏政办发〔２０１２〕１２３号，ＧＢ／Ｔ")
    '苏政办发〔2012〕123号，GB／T'
    """
    return line.translate(_FULL_WIDTH_ALNUM)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"[a-zü]*[{_TONED}][a-zü]*"
# A toned syllable right after a Chinese character, bare or in brackets (not a word of English).
_PINYIN = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?:\s?[(（]{_SYLLABLE}[)）]|{_SYLLABLE}(?![A-Za-z]))", re.IGNORECASE
)


_TONELESS = re.compile(r"(?<=[\u4e00-\u9fff])[a-z]{1,6}(?![A-Za-z0-9])")


def strip_pinyin(line: str) -> str:
    """``line`` without the pinyin a mirror site wrote after its characters.

    >>> strip_pinyin("质zhì量liàng强qiáng省shěng")
    '质量强省'
    >>> strip_pinyin("工gōng作zuò的de实shí施shī")
    '工作的实施'
    >>> strip_pinyin("质(zhì)量(liàng)发展纲要")
    '质量发展纲要'
    >>> strip_pinyin("通过ISO 9001认证")
    '通过ISO 9001认证'
    """
    stripped, toned = _PINYIN.subn("", line)
    if toned >= 3:
        # A line printed with pinyin also carries toneless syllables (的 de, 了 le).
        stripped = _TONELESS.sub("", stripped)
    return stripped


def normalise_script_lines(lines: list[str]) -> list[str]:
    """Every line in the form extraction reads, converted in one call where lengths allow.

    One conversion of the whole text costs far less than one per line; where it changes the
    length anywhere, the lines are converted one at a time (each keeping its length).

    >>> normalise_script_lines(["國務院辦公廳", "2012年"])
    ['国务院办公厅', '2012年']
    """
    lines = [strip_pinyin(to_half_width(line)) for line in lines]
    converter = _t2s()
    if converter is None:
        return lines
    joined = "\n".join(lines)
    converted = converter.convert(joined)
    if len(converted) == len(joined):
        return converted.split("\n")
    return [to_simplified(line) for line in lines]


def normalise_script(line: str) -> str:
    """One line in the form extraction reads: simplified, half-width alphanumerics, no pinyin.

    >>> normalise_script("國務院關於印發質(zhì)量發展綱要（２０１１—２０２０年）的通知")
    '国务院关于印发质量发展纲要（2011—2020年）的通知'
    """
    return to_simplified(strip_pinyin(to_half_width(line)))
