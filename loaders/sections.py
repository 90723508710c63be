"""Numbered sections as a tree: 第X章 > 第X条 > 一、 > (一) > 1. / 1、 > (1) > ①.

A section's ``path`` joins the numbering of its ancestors and its own (``二.(三).4``); its
``heading`` is the clause after the marker up to the first 。：； or the end of the line;
``start``/``end`` span the whole section in the clean text.

Numbers that only look like markers are kept out by two rules. Position: a marker starts a
line or follows a finished clause (。；：！？); only the bracketed (一) may stand anywhere,
because flattened documents glue it straight after the parent's heading. Sequence: each
marker continues its siblings (一 → 二 → 三) or starts its level at 1, so "一、二、三产业",
"1—2项", "2014年" or "2.55%" never open a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.numerals import parse_int
from loaders.record import Section

_CN = "一二三四五六七八九十百零〇"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CLAUSE_END = "。；;：:！？!?"

# (kind, rank, pattern); the pattern's group "n" holds the number. Decimal numbering (1.1 / 2.1.3,
# technical plans and standards) sits between 1. and (1), one rank per depth.
_KINDS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("chapter", 0, re.compile(rf"第(?P<n>[{_CN}\d]{{1,4}})章")),
    ("article", 10, re.compile(rf"第(?P<n>[{_CN}\d]{{1,4}})条")),
    ("cn", 20, re.compile(rf"(?P<n>[{_CN}]{{1,3}})、")),
    ("paren_cn", 30, re.compile(rf"[(（](?P<n>[{_CN}]{{1,3}})[)）]")),
    ("arabic", 40, re.compile(r"(?P<n>\d{1,2})(?:[、]|[.．](?!\d))")),
    ("decimal2", 42, re.compile(r"(?P<n>\d{1,2}[.．]\d{1,2})(?![\d.．%％])")),
    ("decimal3", 44, re.compile(r"(?P<n>\d{1,2}[.．]\d{1,2}[.．]\d{1,2})(?![\d.．%％])")),
    ("decimal4", 46, re.compile(r"(?P<n>\d{1,2}(?:[.．]\d{1,2}){3})(?![\d.．%％])")),
    ("paren_arabic", 50, re.compile(r"[(（](?P<n>\d{1,2})[)）]")),
    ("circled", 60, re.compile(rf"(?P<n>[{_CIRCLED}])")),
)
_ANYWHERE = frozenset({"paren_cn"})
_LINE_ONLY = frozenset({"chapter", "article", "decimal2", "decimal3", "decimal4"})
_DECIMAL = frozenset({"decimal2", "decimal3", "decimal4"})
_ANNEX = re.compile(r"^[ \t\u3000]*附件[ \t\u3000]*(?P<n>\d{0,2})[ \t\u3000]*$", re.MULTILINE)


@dataclass(frozen=True)
class Marker:
    """A numbering marker found in the text, before the sequence check."""

    kind: str
    rank: int
    value: int
    token: str
    start: int
    end: int


def _value(kind: str, number: str) -> int | None:
    if kind in _DECIMAL:
        return int(re.split(r"[.．]", number)[-1])
    if kind == "circled":
        return _CIRCLED.index(number) + 1
    return parse_int(number)


def _token(kind: str, number: str) -> str:
    if kind == "paren_cn" or kind == "paren_arabic":
        return f"({number})"
    if kind in _DECIMAL:
        return number.replace("．", ".")
    if kind == "chapter":
        return f"第{number}章"
    if kind == "article":
        return f"第{number}条"
    return number


def _at_boundary(text: str, pos: int, kind: str) -> bool:
    """True when a marker at ``pos`` begins a line or follows a finished clause."""
    before = text[:pos].rstrip(" \t")
    if not before or before.endswith("\n"):
        return True
    if kind in _LINE_ONLY:
        return False
    return kind in _ANYWHERE or before[-1] in _CLAUSE_END


def find_markers(text: str, start: int = 0) -> list[Marker]:
    """Every marker-shaped number in ``text[start:]`` that stands where a marker may stand."""
    markers: list[Marker] = []
    for kind, rank, pattern in _KINDS:
        for m in pattern.finditer(text, start):
            if not _at_boundary(text, m.start(), kind):
                continue
            after = text[m.end() : m.end() + 1]
            # A marker introduces words, not another number or a unit (1、2项, 2.55%).
            if not after or after.isdigit() or after in "%％、.．)）":
                continue
            # 1号 / 3月 / 2019年 are dates and numbers, but 一、号牌编码规则 is a heading.
            if after in "年月日号" and kind not in ("cn", "paren_cn"):
                continue
            value = _value(kind, m.group("n"))
            if value is None or value == 0:
                continue
            markers.append(
                Marker(kind, rank, value, _token(kind, m.group("n")), m.start(), m.end())
            )
    markers.sort(key=lambda mk: (mk.start, mk.rank))
    # Keep one marker per position: "(一)" also contains "一" which is not a marker of its own.
    unique: list[Marker] = []
    for mk in markers:
        if unique and mk.start < unique[-1].end:
            continue
        unique.append(mk)
    return unique


def _sequence_kind(mk: Marker) -> str:
    """The run a marker counts on in: 2.1 opens a new run after 1.2, under prefix 2."""
    if mk.kind in _DECIMAL:
        return f"{mk.kind}:{mk.token.rsplit('.', 1)[0]}"
    return mk.kind


def _continues_later(markers: list[Marker], index: int) -> bool:
    """True when the next marker of the same kind, before any higher level, counts on from this."""
    current = markers[index]
    for later in markers[index + 1 :]:
        if later.rank < current.rank:
            return False
        if _sequence_kind(later) == _sequence_kind(current):
            return later.value == current.value + 1
    return False


def _heading(text: str, start: int, limit: int) -> str:
    end = limit
    for i in range(start, limit):
        if text[i] in "。；;：:\n":
            end = i
            break
    return text[start:end].strip()


def find_sections(text: str, start: int = 0) -> list[Section]:
    """The section tree of ``text`` (from offset ``start``) as a flat list in reading order.

    >>> [(s.path, s.heading) for s in find_sections("一、总体要求\\n二、工作任务\\n(一)组织实施。\\n1.部署推进。")]
    [('一', '总体要求'), ('二', '工作任务'), ('二.(一)', '组织实施'), ('二.(一).1', '部署推进')]
    >>> [s.path for s in find_sections("提高我县一、二、三产业的整体素质。")]
    []
    """
    markers = find_markers(text, start)
    annexes = [m for m in _ANNEX.finditer(text, start)]
    # stack entries: (marker, path); siblings: last accepted marker per (parent path, kind)
    stack: list[tuple[Marker, str]] = []
    last_child: dict[tuple[str, str], int] = {}
    accepted: list[tuple[Marker, str, int]] = []  # marker, path, depth
    annex_root = ""
    for index, mk in enumerate(markers):
        while annexes and annexes[0].start() < mk.start:
            # An annex (a line 附件 / 附件2 of its own) numbers afresh under its own root: its
            # 一、 is not the main text's fifth chapter, nor its （一） an item of the last one.
            annex = annexes.pop(0)
            annex_root = f"附件{annex.group('n') or ''}"
            stack, last_child = [], {}
        trial = [entry for entry in stack if entry[0].rank < mk.rank]
        parent_path = trial[-1][1] if trial else annex_root
        kind = _sequence_kind(mk)
        previous = last_child.get((parent_path, kind))
        if previous is not None:
            ok = mk.value == previous + 1
        else:
            # A level starts at 1; a lost first item (OCR "L" for "1.") is tolerated when the
            # following sibling confirms the count.
            ok = mk.value == 1 or (mk.value <= 3 and _continues_later(markers, index))
        if not ok:
            continue
        token = mk.token
        if mk.kind in _DECIMAL and trial and trial[-1][0].kind in _DECIMAL:
            # 2.1.1 under 2.1: the path already holds 2.1.
            token = token.rsplit(".", 1)[1]
        path = f"{parent_path}.{token}" if parent_path else token
        stack = [*trial, (mk, path)]
        last_child[(parent_path, kind)] = mk.value
        # A new item at this level ends the numbering below the previous sibling.
        for key in [k for k in last_child if k[0].startswith(path + ".") or k[0] == path]:
            del last_child[key]
        accepted.append((mk, path, len(stack)))
    sections: list[Section] = []
    annex_starts = [m.start() for m in _ANNEX.finditer(text, start)]
    for i, (mk, path, depth) in enumerate(accepted):
        end = next((a for a in annex_starts if a > mk.start), len(text))
        for later, _, later_depth in accepted[i + 1 :]:
            if later.start >= end:
                break
            if later_depth <= depth:
                end = later.start
                break
        next_marker = accepted[i + 1][0].start if i + 1 < len(accepted) else len(text)
        heading = _heading(text, mk.end, min(next_marker, len(text)))
        sections.append(Section(path=path, heading=heading, start=mk.start, end=end))
    return sections
