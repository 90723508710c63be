"""Content negotiation: a table of the formats the service writes, and a pure Accept parser.

The parser honours q-values, wildcards and lists, so a client that sends
``application/sparql-results+json,text/turtle;q=0.9`` gets JSON for a SELECT and Turtle for
a CONSTRUCT from the same header (RFC 9110 §12.5.1: the most specific matching range sets a
format's quality; ``q=0`` means "not acceptable").

>>> negotiate("application/sparql-results+json,text/turtle;q=0.9", RESULTS).name
'json'
>>> negotiate("application/sparql-results+json,text/turtle;q=0.9", GRAPH).name
'turtle'
>>> negotiate("text/turtle", RESULTS) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

RESULTS = "results"  # SELECT and ASK
GRAPH = "graph"  # CONSTRUCT and DESCRIBE
PAGE = "page"  # the HTML query page


@dataclass(frozen=True)
class Format:
    """One serialization: short name (the ``format=`` value), media type, kind and aliases."""

    name: str
    media_type: str
    kind: str
    aliases: tuple[str, ...] = ()
    text: bool = True

    @property
    def content_type(self) -> str:
        """The Content-Type header value (UTF-8 for text formats)."""
        return f"{self.media_type}; charset=utf-8" if self.text else self.media_type


# Order matters: within a kind, the first format wins when the client has no preference.
FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", RESULTS, ("application/json",)),
    Format("xml", "application/sparql-results+xml", RESULTS, ("application/xml", "text/xml")),
    Format("csv", "text/csv", RESULTS),
    Format("tsv", "text/tab-separated-values", RESULTS),
    Format("turtle", "text/turtle", GRAPH, ("application/x-turtle", "ttl")),
    Format("jsonld", "application/ld+json", GRAPH, ("application/json", "json")),
    Format("nt", "application/n-triples", GRAPH, ("text/plain", "ntriples", "n-triples")),
    Format("rdfxml", "application/rdf+xml", GRAPH, ("application/xml", "text/xml", "xml")),
    Format("html", "text/html", PAGE, ("application/xhtml+xml",)),
)

# Extra ``format=`` / ``output=`` spellings clients send (the W3C protocol leaves these
# parameters open; SPARQLWrapper sends its own names, then a media type). N3 is asked for
# as Turtle, which every N3 reader reads.
FORMAT_SYNONYMS = {
    "ttl": "turtle",
    "n3": "turtle",
    "text/n3": "turtle",
    "text/rdf+n3": "turtle",
    "application/n3": "turtle",
    "application/turtle": "turtle",
    "json-ld": "jsonld",
    "application/x-json+ld": "jsonld",
    "n-triples": "nt",
    "ntriples": "nt",
    "text/ntriples": "nt",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "rdf/xml": "rdfxml",
    "sparql-results+json": "json",
    "sparql-results+xml": "xml",
}


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: ``type/subtype`` with its quality and position."""

    type: str
    subtype: str
    q: float
    position: int

    def specificity(self, media_type: str) -> int:
        """How precisely this range names ``media_type`` (2 exact, 1 ``type/*``, 0 ``*/*``);
        -1 when it does not match at all."""
        main, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header leniently: malformed entries are skipped, never raised on.

    A missing or empty header means ``*/*``.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/turtle;q=0.5, */*;q=0.1")]
    [('text', 'turtle', 0.5), ('*', '*', 0.1)]
    >>> [(r.type, r.subtype) for r in parse_accept("")]
    [('*', '*')]
    """
    if header is None or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    ranges: list[MediaRange] = []
    for position, entry in enumerate(header.split(",")):
        media, *params = (part.strip() for part in entry.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not _is_token(main) or not _is_token(sub):
            continue
        if main == "*" and sub != "*":
            continue
        q = 1.0
        for param in params:
            key, eq, value = param.partition("=")
            if eq and key.strip().lower() == "q":
                q = _quality(value.strip())
        if q is not None and q >= 0:
            ranges.append(MediaRange(main, sub, q, position))
    return ranges


def _is_token(text: str) -> bool:
    return bool(text) and all(c.isalnum() or c in "!#$%&'*+-.^_`|~" for c in text)


def _quality(value: str) -> float:
    try:
        q = float(value)
    except ValueError:
        return -1.0
    if q != q or q < 0 or q > 1:  # NaN or out of range: ignore the entry
        return -1.0
    return q


def _media_types(fmt: Format) -> tuple[str, ...]:
    return (fmt.media_type, *(a for a in fmt.aliases if "/" in a))


def quality(ranges: list[MediaRange], fmt: Format) -> tuple[float, int]:
    """(q, position) the client gives ``fmt``: the most specific matching range decides.

    q is 0 when nothing matches; position orders ties by where the client listed it.
    """
    best: tuple[int, float, int] | None = None  # (specificity, q, position)
    for media_type in _media_types(fmt):
        alias = media_type != fmt.media_type
        for r in ranges:
            spec = r.specificity(media_type)
            # Aliases count only when named exactly: text/* means text/csv, not XML as text/xml.
            if spec < 0 or (alias and spec < 2):
                continue
            candidate = (spec, r.q, r.position)
            # Prefer more specific; among equals, the higher q, then the earlier entry.
            if best is None or (spec, r.q, -r.position) > (best[0], best[1], -best[2]):
                best = candidate
    if best is None:
        return 0.0, 1 << 30
    return best[1], best[2]


def negotiate(accept: str | None, *kinds: str) -> Format | None:
    """The format of one of ``kinds`` the client accepts best, or ``None`` (answer 406).

    Ties go to the entry the client listed first, then to the table's order.
    """
    ranges = parse_accept(accept)
    best: Format | None = None
    best_key: tuple[float, int, int] | None = None
    for order, fmt in enumerate(FORMATS):
        if fmt.kind not in kinds:
            continue
        q, position = quality(ranges, fmt)
        if q <= 0:
            continue
        key = (q, -position, -order)
        if best_key is None or key > best_key:
            best, best_key = fmt, key
    return best


def by_name(name: str, *kinds: str) -> Format | None:
    """The format a ``format=`` value names (short name, synonym or media type) among ``kinds``.

    >>> by_name("ttl", GRAPH).media_type
    'text/turtle'
    >>> by_name("json", GRAPH).name, by_name("xml", GRAPH).name, by_name("n3", GRAPH).name
    ('jsonld', 'rdfxml', 'turtle')
    >>> by_name("application/sparql-results+xml", RESULTS).name
    'xml'
    >>> by_name("csv", GRAPH) is None
    True
    """
    key = name.strip().lower()
    key = FORMAT_SYNONYMS.get(key, key)
    for fmt in FORMATS:
        if fmt.kind in kinds and (key == fmt.name or key == fmt.media_type or key in fmt.aliases):
            return fmt
    return None


def media_types(*kinds: str) -> list[str]:
    """The media types the service can write for ``kinds`` (for 406 details)."""
    return [fmt.media_type for fmt in FORMATS if fmt.kind in kinds]
