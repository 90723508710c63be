"""Chinese and Arabic numbers, dates and document numbers (文号) as policy texts write them.

Shared by the loaders and the facts extractor; the API is stable:

- :func:`to_ascii_digits` — full-width digits and ○/〇 year zeros to ASCII.
- :func:`parse_number` — ``"一千二百"``, ``"1万"``, ``"0·3"``, ``"１２"`` → a float (or ``None``).
- :func:`parse_int` — the same, but only whole numbers.
- :func:`parse_year` — ``"二○一二"``, ``"二0一六"``, ``"2014"`` → 2012, 2016, 2014.
- :func:`parse_date` — one date string → ISO ``YYYY-MM-DD`` (or ``None``).
- :func:`find_dates` — every full date in a text with offsets.
- :func:`normalise_doc_number` — ``"苏政发[2016]142号"`` → ``"苏政发〔2016〕142号"``.
- :func:`find_doc_numbers` — every document number in a text with offsets.

Nothing here guesses: an anonymised ``20XX年`` is not a year, a garbled ``苏政办发〔2012123`` is
not a document number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Digits as they appear in the wild; ○ (U+25CB) and 〇 (U+3007) both serve as "zero" in years.
_CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "◯": 0,
    "Ｏ": 0,
    "О": 0,  # Cyrillic O, seen in OCR'd years
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

#: Characters that may stand for a digit in a year written digit by digit (二○一二, 二0一六).
YEAR_DIGIT_CHARS = "0123456789０１２３４５６７８９零〇○◯Ｏ一二三四五六七八九"

#: Characters of a Chinese numeral with units (二十一, 一千二百).
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL_UNITS) + "".join(_CN_BIG_UNITS)

_DECIMAL_POINTS = ".·．•・"


def to_ascii_digits(text: str) -> str:
    """Full-width digits and points to ASCII; other characters unchanged.

    >>> to_ascii_digits("２０１６年")
    '2016年'
    """
    return text.translate(_FULLWIDTH)


def _cn_integer(text: str) -> int | None:
    """Value of a Chinese integer numeral with units (一千二百, 二十一, 十二, 三万五千)."""
    if not text:
        return None
    total = 0  # completed 万/亿 groups
    section = 0  # the part below the current big unit
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            # 十 alone means 一十 (十二 = 12)
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[ch]
            digit = None
        elif ch in _CN_BIG_UNITS:
            unit = _CN_BIG_UNITS[ch]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def _digit_string(text: str) -> int | None:
    """A number written digit by digit, Chinese or Arabic mixed (二○一二, 二0一六, 2014)."""
    value = 0
    for ch in to_ascii_digits(text):
        if ch.isascii() and ch.isdigit():
            value = value * 10 + int(ch)
        elif ch in _CN_DIGITS:
            value = value * 10 + _CN_DIGITS[ch]
        else:
            return None
    return value


def parse_number(text: str) -> float | None:
    """The value of an Arabic or Chinese numeral, or ``None`` when it is not one.

    Accepts full-width digits, thousands separators, a decimal point written
    ``.`` or ``·`` (``0·3``), a trailing 万/亿 multiplier (``1万``, ``1.5万``) and
    Chinese numerals with or without units.

    >>> parse_number("一千二百")
    1200.0
    >>> parse_number("1万")
    10000.0
    >>> parse_number("2万亿")
    2000000000000.0
    >>> parse_number("0·3")
    0.3
    >>> parse_number("１２")
    12.0
    >>> parse_number("二十一")
    21.0
    >>> parse_number("22,000")
    22000.0
    >>> parse_number("二○一二")
    2012.0
    >>> parse_number("一点五")
    1.5
    >>> parse_number("XX") is None
    True
    """
    s = to_ascii_digits(text.strip())
    if not s:
        return None
    multiplier = 1
    # Trailing multipliers, stacked as in 2万亿 (2 × 10⁴ × 10⁸).
    while len(s) > 1 and s[-1] in _CN_BIG_UNITS and re.fullmatch(r"[\d.·．•・,，万亿]+", s[:-1]):
        multiplier *= _CN_BIG_UNITS[s[-1]]
        s = s[:-1]
    arabic = re.fullmatch(r"\d{1,3}(?:[,，]\d{3})+(?:[.·．•・]\d+)?|\d+(?:[.·．•・]\d+)?", s)
    if arabic:
        plain = re.sub(r"[,，]", "", s)
        plain = re.sub(f"[{_DECIMAL_POINTS}]", ".", plain)
        return float(plain) * multiplier
    if "点" in s or any(ch in _CN_SMALL_UNITS or ch in _CN_BIG_UNITS for ch in s):
        # 一点五 style decimals are rare in policy text; handle 点 once.
        whole, _, frac = s.partition("点")
        value = _cn_integer(whole)
        if value is None:
            return None
        if frac:
            if _digit_string(frac) is None:
                return None
            fraction = "".join(str(_CN_DIGITS.get(ch, ch)) for ch in frac)
            return value + float(f"0.{fraction}")
        return float(value)
    digits = _digit_string(s)
    return None if digits is None else float(digits)


def parse_int(text: str) -> int | None:
    """Like :func:`parse_number` but only for whole numbers.

    >>> parse_int("十二")
    12
    >>> parse_int("0.5") is None
    True
    """
    value = parse_number(text)
    if value is None or value != int(value):
        return None
    return int(value)


def parse_year(text: str) -> int | None:
    """A four-digit year written in Arabic or Chinese digits; ``None`` for 20XX and the like.

    >>> parse_year("二○一二")
    2012
    >>> parse_year("二0一六")
    2016
    >>> parse_year("20XX") is None
    True
    """
    s = text.strip()
    if len(s) != 4:
        return None
    value = _digit_string(s)
    if value is None or not 1900 <= value <= 2100:
        return None
    return value


def _small(text: str) -> int | None:
    """Month or day number: 6, 06, 六, 十二, 二十一, 三十一."""
    s = to_ascii_digits(text)
    if s.isascii() and s.isdigit():
        return int(s)
    return _cn_integer(s)


def _iso(year: int, month: int, day: int) -> str | None:
    import datetime

    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


_Y = f"[{YEAR_DIGIT_CHARS}]{{4}}"
_MD = "[0-9０-９]{1,2}|[一二三四五六七八九十〇○零]{1,3}"
_DATE_CN = re.compile(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]")
_DATE_NUM = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])"
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: ISO value and the span it was written in."""

    iso: str
    start: int
    end: int


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every complete, valid date (year, month and day) in ``text``, in order.

    >>> [d.iso for d in find_dates("二○一二年六月二十一日 and 2016-03-18 00:00:00")]
    ['2012-06-21', '2016-03-18']
    >>> list(find_dates("20XX年X月X日"))
    []
    """
    found: list[DateMatch] = []
    for pattern in (_DATE_CN, _DATE_NUM):
        for m in pattern.finditer(text):
            year = parse_year(m.group("y"))
            month = _small(m.group("m"))
            day = _small(m.group("d"))
            if year is None or month is None or day is None:
                continue
            iso = _iso(year, month, day)
            if iso:
                found.append(DateMatch(iso, m.start(), m.end()))
    yield from sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> str | None:
    """The single date in ``text`` as ISO ``YYYY-MM-DD``, or ``None``.

    >>> parse_date("二○一二年六月二十一日")
    '2012-06-21'
    >>> parse_date("2014年04月28日")
    '2014-04-28'
    >>> parse_date("二0一六年三月十八日")
    '2016-03-18'
    >>> parse_date("2012-06-21 00:00:00")
    '2012-06-21'
    >>> parse_date("2012年2月30日") is None
    True
    """
    for match in find_dates(text):
        return match.iso
    return None


# Brackets around the year of a 文号 as typed on many keyboards and sites.
_OPEN = "〔[［【(（﹝｛{"
_CLOSE = "〕]］】)）﹞｝}"
_PREFIX = r"[\u4e00-\u9fff]{1,12}"

DOC_NUMBER_PATTERN = re.compile(
    rf"(?P<prefix>{_PREFIX})\s*[{re.escape(_OPEN)}]\s*(?P<year>[0-9０-９]{{4}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*(?P<no>[0-9０-９]{{1,5}})\s*号"
)
"""A document number: issuer prefix, bracketed four-digit year, serial, 号."""


def normalise_doc_number(text: str) -> str | None:
    """A document number in canonical form ``前缀〔YYYY〕N号``, or ``None``.

    Any bracket style (``[] ［］ 〔〕 【】 ()``), full-width digits and stray spaces
    are accepted; leading zeros of the serial are dropped. A string that is not a
    complete number (a garbled ``苏政办发〔2012123``) gives ``None``: never invent.

    >>> normalise_doc_number("苏政发[2016]142号")
    '苏政发〔2016〕142号'
    >>> normalise_doc_number("武质强发［2016］2号")
    '武质强发〔2016〕2号'
    >>> normalise_doc_number(" 镇政办发〔2014〕 085 号")
    '镇政办发〔2014〕85号'
    >>> normalise_doc_number("苏政办发〔2012123") is None
    True
    """
    m = DOC_NUMBER_PATTERN.fullmatch(text.strip())
    if not m:
        return None
    year = to_ascii_digits(m.group("year"))
    serial = int(to_ascii_digits(m.group("no")))
    return f"{m.group('prefix')}〔{year}〕{serial}号"


@dataclass(frozen=True)
class DocNumberMatch:
    """A document number found in text: normalised value and the span it was written in."""

    doc_number: str
    start: int
    end: int


# Words that end up glued before the issuer prefix in running text ("根据武质强发…").
_LEADING_NOISE = re.compile(
    r"^(?:.*(?:根据|按照|依据|依照|对照|参照|结合|贯彻|落实|执行|印发|以|和|及|与|、|的))"
)


def find_doc_numbers(text: str) -> Iterator[DocNumberMatch]:
    """Every document number in ``text``, normalised, with the span of its written form.

    The issuer prefix is taken as the run of Chinese characters before the bracket,
    trimmed of words like 根据 that only precede it in running text.

    >>> [m.doc_number for m in find_doc_numbers("根据武质强发[2016]2号文件精神")]
    ['武质强发〔2016〕2号']
    """
    for m in DOC_NUMBER_PATTERN.finditer(text):
        prefix = m.group("prefix")
        trimmed = _LEADING_NOISE.sub("", prefix)
        if not trimmed:
            continue
        start = m.start("prefix") + (len(prefix) - len(trimmed))
        value = normalise_doc_number(text[start : m.end()])
        if value:
            yield DocNumberMatch(value, start, m.end())
