"""What a SPARQL text asks for, read from its tokens rather than its raw characters.

The endpoint must refuse ``SERVICE`` and ``LOAD`` (they make the server fetch from the
network) and must know whether a query is a SELECT/ASK or a CONSTRUCT/DESCRIBE before it
runs, to choose a format. Both are decided on the text with strings, IRIs, comments,
variables and prefixed names blanked out, so ``"SERVICE"`` in a literal, ``# LOAD`` in a
comment, ``?service`` or ``ex:load`` never count, while the keyword in any letter case does.
The blanking follows the SPARQL 1.1 terminals (longest match), so it reads the text as the
parser will; when in doubt it errs towards refusing.

>>> uses_network("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
True
>>> uses_network('SELECT * { ?s ?p "SERVICE <http://x/>" } # LOAD <http://y/>')
False
>>> query_form("PREFIX ex: <http://e/> CONSTRUCT { ?s ex:select ?o } WHERE { ?s ?p ?o }")
'CONSTRUCT'
"""

from __future__ import annotations

import re

_LEXEMES = re.compile(
    r"""
      (?P<long1>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$))
    | (?P<long2>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$))
    | (?P<short1>'(?:[^'\\\n\r]|\\.)*(?:'|$))
    | (?P<short2>"(?:[^"\\\n\r]|\\.)*(?:"|$))
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<bnode>_:[\w.\-]*)
    | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w:%\\\-]|\.(?=[\w:%\\\-]))*)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    """,
    re.VERBOSE | re.DOTALL,
)

_NETWORK = re.compile(r"\b(?:SERVICE|LOAD)\b", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_UPDATE = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)


def blank(text: str) -> str:
    """The text with every string, IRI, comment, variable, blank node, prefixed name and
    language tag replaced by a space, leaving only keywords, punctuation and numbers.

    >>> blank('SELECT ?x { ?x <http://a#b> "c" } # d').split()
    ['SELECT', '{', '}']
    """
    return _LEXEMES.sub(" ", text)


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    r"""Apply SPARQL's ``\uXXXX`` / ``\UXXXXXXXX`` escapes, which the grammar reads before
    tokenising (so ``\u0053ERVICE`` is the keyword SERVICE).

    >>> unescape_codepoints(r"\u0053ERVICE")
    'SERVICE'
    """

    def decode(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:
            return match.group(0)

    return _CODEPOINT.sub(decode, text)


def uses_network(text: str) -> bool:
    """True when the SPARQL text contains a SERVICE pattern or a LOAD operation."""
    return bool(_NETWORK.search(blank(unescape_codepoints(text))))


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE — the first form keyword after the prologue —
    or ``None`` when the text names none (the parser will then say what is wrong)."""
    match = _FORM.search(blank(text))
    return match.group(1).upper() if match else None


def looks_like_update(text: str) -> bool:
    """True when the text has no query form but an update keyword (sent to the query channel
    by mistake), so the answer can say where updates go."""
    stripped = blank(text)
    return _FORM.search(stripped) is None and _UPDATE.search(stripped) is not None
