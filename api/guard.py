"""What a SPARQL text asks for, read from its tokens rather than its raw characters.

The endpoint must refuse ``SERVICE`` and ``LOAD`` (they make the server fetch from the
network), refuse texts nested so deeply that a recursive parser would overflow its stack,
and know whether a query is a SELECT/ASK or a CONSTRUCT/DESCRIBE before it runs. All three
are decided on a *skeleton* of the text: the SPARQL 1.1 terminals are read longest-match
first, and strings, IRIs, comments, variables, blank nodes, language tags and the local part
of prefixed names are blanked out, leaving keywords, numbers, punctuation and the prefix part
of prefixed names.

Oxigraph's parser is a PEG that backtracks and needs no space between tokens, so a keyword
can hide inside what looks like one word: ``falseSERVICE <http://…>`` is ``false`` then
``SERVICE``, ``0SERVICE`` is ``0`` then ``SERVICE``, and ``SERVICE:x { }`` (even with a
declared ``service:`` prefix) is the keyword followed by the prefixed name ``:x``. So the
network keywords are looked for *anywhere* in the skeleton, inside runs of letters too, not
as whole words. No SPARQL keyword contains ``service`` or ``load``, so a query that uses
neither word outside strings, IRIs, comments, variables and local names is never refused; a
query that does is refused even where the parser would have read a name (when in doubt,
refuse). The query workers also run without a network (see :mod:`api.executor`), so this
check is the first line, not the only one.

>>> uses_network("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
True
>>> uses_network("SELECT * { ?s ?p falseSERVICE <http://x/> { ?s ?p ?o } }")
True
>>> uses_network('SELECT * { ?s ?p "SERVICE <http://x/>" } # LOAD <http://y/>')
False
>>> nesting_depth("ASK { FILTER(((1))) }")
4
>>> query_form("PREFIX ex: <http://e/> CONSTRUCT { ?s ex:select ?o } WHERE { ?s ?p ?o }")
'CONSTRUCT'
"""

from __future__ import annotations

import re

# SPARQL 1.1 terminals that may carry arbitrary words; each alternative is one terminal read
# longest-match. ``pname`` keeps its prefix (group ``prefix``): see the module docstring.
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
    | (?P<pname>(?P<prefix>(?:[^\W\d][\w.\-]*)?):(?:[\w:%\\\-]|\.(?=[\w:%\\\-]))*)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    """,
    re.VERBOSE | re.DOTALL,
)

_NETWORK = re.compile(r"SERVICE|LOAD", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_UPDATE = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_OPEN = "({["
_CLOSE = ")}]"


def _skeleton_token(match: re.Match[str]) -> str:
    if match.lastgroup == "pname":
        return f" {match.group('prefix')}: "
    return " "


def skeleton(text: str) -> str:
    r"""The text as the grammar reads it (``\u`` escapes applied), with every string, IRI,
    comment, variable, blank node, language tag and local name replaced by a space.

    >>> skeleton('SELECT ?x { ?x ex:b "c" } # d').split()
    ['SELECT', '{', 'ex:', '}']
    """
    return _LEXEMES.sub(_skeleton_token, unescape_codepoints(text))


def blank(text: str) -> str:
    """The text with strings, IRIs, comments, variables, blank nodes, prefixed names and
    language tags replaced by a space, leaving only keywords, punctuation and numbers.

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
    """True when the SPARQL text may contain a SERVICE pattern or a LOAD operation, in any
    spelling the parser accepts (see the module docstring)."""
    return bool(_NETWORK.search(skeleton(text)))


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``( { [`` and ``<<`` outside strings, IRIs and comments.

    Parsers of SPARQL recurse once per level; Oxigraph's overflows its stack (and takes its
    process with it) at a few thousand levels, so the depth is bounded before any parser
    runs. A stray closing bracket does not lower the count below zero.

    >>> nesting_depth('SELECT * { ?s ?p "((((" FILTER(?o << <a:b> ?p ?o >> ) }')
    3
    """
    depth = deepest = 0
    plain = skeleton(text).replace("<<", "(").replace(">>", ")")
    for char in plain:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE and depth:
            depth -= 1
    return deepest


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


_HEAVY_WORDS = re.compile(
    r"\b(?:VALUES|GROUP|ORDER|HAVING|DISTINCT|REDUCED|UNION|MINUS|OPTIONAL|REGEX|REPLACE"
    r"|COUNT|SUM|AVG|MIN|MAX|SAMPLE|GROUP_CONCAT|CONCAT|EXISTS|DESCRIBE)\b",
    re.IGNORECASE,
)


def looks_light(text: str) -> bool:
    """True when the query's shape is cheap to evaluate: at most a few triple patterns in one
    group, no property path closure, no aggregate, sort, union, subquery or VALUES table.

    Only a scheduling hint (light queries get their own small lane so heavy ones cannot
    starve them); a light-looking query that runs long is moved to the heavy lane, so a
    wrong guess costs a short delay, never a wrong answer.

    >>> looks_light("ASK {}"), looks_light("SELECT ?p ?o { <http://e/x> ?p ?o } LIMIT 50")
    (True, True)
    >>> looks_light("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }")
    False
    """
    body = skeleton(text)
    if _HEAVY_WORDS.search(body) or "*" in body or "+" in body:
        return False
    if body.count("{") > 2 or nesting_depth(text) > 4:
        return False
    separators = sum(body.count(mark) for mark in ".;,")
    return separators <= 3
