"""Cut a document's cleaned text into segments, each knowing which extracted facts cover it.

Facts nest (an agency's clause inside a measure; a target inside a measure), so the text is cut
at every fact boundary and each piece carries all facts covering it, innermost first. The
template marks a piece with its innermost fact's kind and lists every covering fact on hover.

>>> text = "一、目标。合格率达90%以上。"
>>> facts = [Fact(0, 15, "measure", "措施 一", "m"), Fact(5, 14, "target", "目标 ≥90%", "t")]
>>> [(s.text, [f.kind for f in s.facts]) for s in segments(text, facts)]
[('一、目标。', ['measure']), ('合格率达90%以上', ['target', 'measure']), ('。', ['measure'])]
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

    @property
    def innermost(self) -> Fact | None:
        """The narrowest covering fact: the one the highlight colour and click belong to."""
        return self.facts[0] if self.facts else None

    @property
    def hover(self) -> str:
        """Every covering fact, one per line, innermost first."""
        return "\n".join(f.hover for f in self.facts)


def segments(text: str, facts: Iterable[Fact]) -> list[Segment]:
    """The text cut at every fact boundary; offsets outside the text are clamped, empty or
    inverted spans dropped (an offset mismatch must not break the page)."""
    usable = []
    for fact in facts:
        start, end = max(0, fact.start), min(len(text), fact.end)
        if start < end:
            usable.append(Fact(start, end, fact.kind, fact.hover, fact.node))
    cuts = sorted({0, len(text), *(f.start for f in usable), *(f.end for f in usable)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [f for f in usable if f.start <= start and end <= f.end]
        covering.sort(key=lambda f: (f.end - f.start, f.kind))
        pieces.append(Segment(text[start:end], _unique(covering)))
    return pieces


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for fact in facts:
        if (fact.kind, fact.hover) not in seen:
            seen.add((fact.kind, fact.hover))
            kept.append(fact)
    return kept
