"""A minimal numbering outline, used only when a document arrives without sections.

The loaders' section splitter is the real one; this fallback lets the fact extractors run on a
bare text (tests, a caller that builds a record by hand). It recognises items at line starts:
一、 / (一) （一） / 1. 1、 / (1), and gives them paths like ``二.(一).1``.

>>> [s.path for s in outline("一、总体\\n(一)甲\\n1.做事。\\n2.再做。\\n二、要求")]
['一', '一.(一)', '一.(一).1', '一.(一).2', '二']
"""

from __future__ import annotations

import re

from loaders.record import Section

_CN = "一二三四五六七八九十"
_ITEM = re.compile(
    rf"^[ \t\u3000]*(?:(?P<a>[{_CN}]+)、|[(（](?P<b>[{_CN}]+)[)）]|(?P<c>\d{{1,2}})[.、．](?!\d)|[(（](?P<d>\d{{1,2}})[)）])",
    re.MULTILINE,
)


def outline(text: str) -> list[Section]:
    """Sections found at line starts, with tree paths and offsets (end = next sibling or parent)."""
    found: list[tuple[int, str, int, int]] = []  # rank, label, start, body start
    for m in _ITEM.finditer(text):
        if m.group("a"):
            rank, label = 1, m.group("a")
        elif m.group("b"):
            rank, label = 2, f"({m.group('b')})"
        elif m.group("c"):
            rank, label = 3, m.group("c")
        else:
            rank, label = 4, f"({m.group('d')})"
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
        found.append((rank, label, start, m.end()))

    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    for i, (rank, label, start, body) in enumerate(found):
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, label))
        end = len(text)
        for later_rank, _, later_start, _ in found[i + 1 :]:
            if later_rank <= rank:
                end = later_start
                break
        line_end = text.find("\n", body)
        heading = text[body : line_end if line_end >= 0 else len(text)].strip()
        while end > start and text[end - 1].isspace():
            end -= 1
        sections.append(Section(".".join(lbl for _, lbl in stack), heading, start, end))
    return sections
