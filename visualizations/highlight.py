"""Cut a document's cleaned text into segments, each knowing which extracted facts cover it.

Facts nest (an agency's clause inside a measure; a target inside a measure), so the text is cut
at every fact boundary and each piece carries all facts covering it, innermost first. The
template marks a piece with its innermost fact's kind and lists every covering fact on hover.

>>> text = "一、目标。合格率达90%以上。"
>>> facts = [Fact(0, 15, "measure", "措施 一", "m"), Fact(5, 14, "target", "目标 ≥90%", "t")]
>>> [(s.text, [f.kind for f in s.facts]) for s in segments(text, facts)]
[('一、目标。', ['measure']), ('合格率达90%以上', ['target', 'measure']), ('。', ['measure'])]

A search hit's matches (``hits``: offsets into the same text) cut the text too and mark the
pieces they cover, whatever facts cover them; the first such piece is where the reader page
scrolls to:

>>> [(s.text, s.hit, s.first_hit) for s in segments(text, facts, hits=[(8, 11)])][1:3]
[('合格率', False, False), ('达90', True, True)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fact:
    """An extracted fact's place in the text: offsets, kind, hover text and its graph node."""

    start: int
    end: int
    kind: str  # measure, target, reference, agency
    hover: str
    node: str | None = None


@dataclass
class Segment:
    """A stretch of text and the facts covering it (innermost first; empty for plain text)."""

    text: str
    facts: list[Fact] = field(default_factory=list)
    #: inside a match of the search hit the reader came from
    hit: bool = False
    #: the first piece of that match: the page scrolls here
    first_hit: bool = False

    @property
    def innermost(self) -> Fact | None:
        """The narrowest covering fact: the one the highlight colour and click belong to."""
        return self.facts[0] if self.facts else None

    @property
    def hover(self) -> str:
        """Every covering fact, one per line, innermost first."""
        return "\n".join(f.hover for f in self.facts)


def segments(
    text: str, facts: Iterable[Fact], hits: Iterable[tuple[int, int]] = ()
) -> list[Segment]:
    """The text cut at every fact and hit boundary; offsets outside the text are clamped, empty
    or inverted spans dropped (an offset mismatch must not break the page)."""
    usable = []
    for fact in facts:
        start, end = max(0, fact.start), min(len(text), fact.end)
        if start < end:
            usable.append(Fact(start, end, fact.kind, fact.hover, fact.node))
    marked = [(max(0, s), min(len(text), e)) for s, e in hits if max(0, s) < min(len(text), e)]
    cuts = sorted(
        {0, len(text), *(f.start for f in usable), *(f.end for f in usable)}
        | {x for span in marked for x in span}
    )
    pieces = []
    seen_hit = False
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [f for f in usable if f.start <= start and end <= f.end]
        covering.sort(key=lambda f: (f.end - f.start, f.kind))
        hit = any(s <= start and end <= e for s, e in marked)
        pieces.append(Segment(text[start:end], _unique(covering), hit, hit and not seen_hit))
        seen_hit = seen_hit or hit
    return pieces


def parse_spans(value: str | None) -> list[tuple[int, int]]:
    """``12-20,31-35`` (the ``hl`` parameter of a search hit's link) → spans; junk is skipped.

    >>> parse_spans("12-20,x,31-35"), parse_spans(None)
    ([(12, 20), (31, 35)], [])
    """
    spans = []
    for part in (value or "").split(",")[:50]:
        start, sep, end = part.partition("-")
        if sep and start.isdigit() and end.isdigit() and int(start) < int(end):
            spans.append((int(start), int(end)))
    return spans


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for fact in facts:
        if (fact.kind, fact.hover) not in seen:
            seen.add((fact.kind, fact.hover))
            kept.append(fact)
    return kept
