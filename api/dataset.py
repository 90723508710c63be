"""What a SPARQL 1.1 Protocol request says besides its text: parameters, base IRI, dataset.

**Parameters.** One rule for every parameter, the same on ``GET``, direct ``POST`` (the URL)
and form ``POST`` (the form's fields, then the URL's): values are read in order;
``query`` and ``update`` must occur exactly once (400 otherwise); graph IRIs
(``default-graph-uri``, ``named-graph-uri``, ``using-graph-uri``, ``using-named-graph-uri``)
are all kept; for the answer's format, ``format``, ``output`` and ``results`` (the names
clients such as SPARQLWrapper send, often twice) are looked at in that order and the first
value that names a format for the answer's kind wins — any other value is ignored and the
``Accept`` header decides.

**Base IRI.** A query or update is read with a base IRI (SPARQL 1.1 Query §4.1.1, RFC 3986
§5.1): the configured public base followed by ``sparql``, else the endpoint's own URL, so
``CONSTRUCT { <s> <p> 1 } WHERE {}`` answers ``<http://host/s>``. It is given as a ``BASE``
line before the text — a ``BASE`` of the query's own resolves against it — which every
backend (Oxigraph, Virtuoso) reads the same way; error positions are given back as in the
text that was sent.

**Update dataset.** ``using-graph-uri`` / ``using-named-graph-uri`` act as ``USING`` /
``USING NAMED`` on every ``DELETE``/``INSERT … WHERE`` operation (Protocol §2.2.3); a request
that has them and an operation with its own ``USING`` or ``WITH`` is refused (400).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from api import guard
from api.errors import ApiError

#: parameters that may be given once only
SINGLE = ("query", "update")
#: the parameters a client may use to name the answer's format, in the order they are read
FORMAT_PARAMETERS = ("format", "output", "results")

Params = dict[str, list[str]]


def collect(*sources: Iterable[tuple[str, str]]) -> Params:
    """The parameters of a request, each name with its values in order (sources in order).

    >>> collect([("format", "json"), ("query", "ASK {}")], [("format", "xml")])
    {'format': ['json', 'xml'], 'query': ['ASK {}']}
    """
    params: Params = {}
    for source in sources:
        for name, value in source:
            params.setdefault(name, []).append(value)
    return params


def single(params: Params, name: str) -> str | None:
    """The one value of ``query`` or ``update``; 400 when it is given more than once."""
    values = params.get(name, [])
    if len(values) > 1:
        raise ApiError(400, f"more than one {name} parameter", {"count": len(values)})
    return values[0] if values else None


def format_names(params: Params) -> list[str]:
    """Every value of ``format``, ``output`` and ``results``, in the order they are read.

    >>> format_names({"output": ["json"], "format": ["json-ld", "application/ld+json"]})
    ['json-ld', 'application/ld+json', 'json']
    """
    return [value for name in FORMAT_PARAMETERS for value in params.get(name, []) if value]


# --- base IRI ----------------------------------------------------------------------------

_POSITION = re.compile(r"\b(at |line )(\d+)(?=[:\s,])")


def with_base(text: str, base: str) -> str:
    """``text`` read against ``base``: a ``BASE`` line in front of it.

    >>> with_base("ASK { <s> ?p ?o }", "http://127.0.0.1:8000/sparql")
    'BASE <http://127.0.0.1:8000/sparql>\\nASK { <s> ?p ?o }'
    """
    return f"BASE <{base}>\n{text}"


def error_in_sent_text(message: str) -> str:
    """A parser message about a text given :func:`with_base`, with its line numbers moved
    back to the text the client sent.

    >>> error_in_sent_text("error at 4:2: expected OPTIONAL")
    'error at 3:2: expected OPTIONAL'
    >>> error_in_sent_text("line 4: syntax error")
    'line 3: syntax error'
    """

    def back(match: re.Match[str]) -> str:
        line = int(match.group(2))
        return f"{match.group(1)}{max(line - 1, 1)}"

    return _POSITION.sub(back, message)


# --- update dataset ----------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z_]+")


def _masked(text: str) -> str:
    """``text`` with strings, IRIs, comments, variables and names blanked out by the
    endpoint guard's lexer, every character kept in place (positions stay valid)."""
    return guard._LEXEMES.sub(lambda m: " " * len(m.group(0)), text)


def add_using(update: str, using: list[str] | None, using_named: list[str] | None) -> str:
    """The update with ``USING <g>`` / ``USING NAMED <g>`` before the ``WHERE`` of each
    ``DELETE``/``INSERT … WHERE`` operation (not ``DELETE WHERE``, which has no dataset).

    >>> add_using("INSERT { ?s a <a:b> } WHERE { ?s ?p ?o }", ["http://e/g"], None)
    'INSERT { ?s a <a:b> } USING <http://e/g> WHERE { ?s ?p ?o }'
    >>> add_using("DELETE WHERE { ?s ?p ?o }", ["http://e/g"], None)
    'DELETE WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    masked = _masked(update)
    words = [(m.start(), m.group(0).upper()) for m in _WORD.finditer(masked)]
    if any(word in ("USING", "WITH") for _, word in words):
        raise ApiError(
            400,
            "using-graph-uri / using-named-graph-uri with an update that has USING or WITH",
            "SPARQL 1.1 Protocol §2.2.3: give the dataset in the request or in the update, "
            "not in both",
        )
    clauses = "".join(f"USING <{g}> " for g in using or []) + "".join(
        f"USING NAMED <{g}> " for g in using_named or []
    )
    depth_at = _depths(masked)
    cuts = [
        start
        for index, (start, word) in enumerate(words)
        if word == "WHERE"
        and depth_at[start] == 0
        and not (index and words[index - 1][1] == "DELETE")
    ]
    out = update
    for start in reversed(cuts):
        out = out[:start] + clauses + out[start:]
    return out


def _depths(masked: str) -> list[int]:
    depth, out = 0, []
    for char in masked:
        if char == "}":
            depth = max(depth - 1, 0)
        out.append(depth)
        if char == "{":
            depth += 1
    return out
