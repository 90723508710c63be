"""Named SPARQL queries: the ``.rq`` files beside this module, run with safe parameter binding.

Each file starts with a comment header: the first line ``# name — what it answers`` and one
``# param: name — description (type[, optional])`` line per parameter. A ``# notes:`` line
starts the maintainers' notes (why the query is written as it is, timings): they stay in the
file for whoever edits it, and never reach a description a user sees. In the query text a
parameter is written ``$name``; :func:`run` replaces it with the value serialised as an RDF
term (an IRI checked by pyoxigraph, or an escaped literal), so a value can never change the
query's structure. An optional parameter left out becomes a fresh unbound variable, and the
queries test for it with ``COALESCE(STR($name), "") = ""``.

Types: ``iri``; ``doc`` (IRI or slug under …/doc/); ``concept`` (IRI or indicator id);
``region`` (IRI or GB/T 2260 code); ``string``; ``int``.

>>> "cascade" in [q.name for q in catalog()]
True
>>> bind("SELECT * WHERE { $doc ?p ?o }", catalog_entry("document_text"), {"doc": "su-zhengbanfa-2012-123"})
'SELECT * WHERE { <https://w3id.org/policykg/doc/su-zhengbanfa-2012-123> ?p ?o }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import ParameterError, StoreError, UnknownQuery
from graph.sparql import PREFIXES, value
from graph.store import Store
from ontology import terms

QUERY_DIR = Path(__file__).resolve().parent
PARAM_TYPES = ("iri", "doc", "concept", "region", "string", "int")
_PARAM_LINE = re.compile(r"^#\s*param:\s*(?P<name>\w+)\s*[—–-]+\s*(?P<text>.*?)\s*$")
_NOTES_LINE = re.compile(r"^#\s*notes:", re.IGNORECASE)
_PARAM_KIND = re.compile(r"\((?P<type>\w+)(?P<optional>,\s*optional)?\)\s*$")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query."""

    name: str
    description: str
    type: str
    optional: bool


@dataclass(frozen=True)
class NamedQuery:
    """A named query: its file's name, header comment, parameters and SPARQL text."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: list[str] = []
    params: list[Parameter] = []
    in_notes = False
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if _NOTES_LINE.match(line):
            in_notes = True
        match = _PARAM_LINE.match(line)
        if in_notes and match is None:
            continue
        if match is None:
            header.append(line.lstrip("# ").rstrip())
            continue
        described = match.group("text")
        kind = _PARAM_KIND.search(described)
        if kind is None or kind.group("type") not in PARAM_TYPES:
            raise ValueError(f"{path.name}: parameter {match.group('name')} has no (type) suffix")
        params.append(
            Parameter(
                name=match.group("name"),
                description=described[: kind.start()].strip(),
                type=kind.group("type"),
                optional=bool(kind.group("optional")),
            )
        )
    description = " ".join(line for line in header if line)
    description = re.sub(rf"^{re.escape(path.stem)}\s*[—–-]+\s*", "", description)
    return NamedQuery(path.stem, description, tuple(params), text)


def catalog() -> list[NamedQuery]:
    """Every named query, sorted by name, with its description and parameters."""
    return [_parse(path) for path in sorted(QUERY_DIR.glob("*.rq"))]


def catalog_entry(name: str) -> NamedQuery:
    """One named query by name; :class:`UnknownQuery` if there is none."""
    if not re.fullmatch(r"\w+", name or ""):
        raise UnknownQuery(name)
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise UnknownQuery(name)
    return _parse(path)


def term_for(param: Parameter, raw: Any) -> str:
    """The value as SPARQL term text; :class:`ParameterError` when it is not a valid value.

    >>> term_for(Parameter("q", "", "string", False), 'a" } DROP ALL {')
    '"a\\\\" } DROP ALL {"'
    >>> term_for(Parameter("region", "", "region", True), "320000")
    '<https://w3id.org/policykg/region/320000>'
    """
    text = str(raw).strip() if raw is not None else ""
    try:
        if param.type == "string":
            return str(ox.Literal(str(raw)))
        if param.type == "int":
            if not re.fullmatch(r"-?\d{1,12}", text):
                raise ValueError(f"not an integer: {raw!r}")
            return str(ox.Literal(text, datatype=ox.NamedNode(terms.XSD + "integer")))
        iri = text
        if not re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE):
            base = {
                "doc": terms.DOC_BASE,
                "concept": terms.INDICATOR_SCHEME + "/",
                "region": terms.REGION_BASE,
            }.get(param.type)
            if base is None or not re.fullmatch(r"[\w.~%-]+", text):
                raise ValueError(f"not an IRI: {raw!r}")
            iri = base + text
        return str(ox.NamedNode(iri))
    except ValueError as exc:
        raise ParameterError(f"parameter {param.name}: {exc}") from exc


def bind(sparql: str, query: NamedQuery, params: dict[str, Any]) -> str:
    """The query text with every ``$name`` replaced by its value (or a fresh variable)."""
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ParameterError(f"{query.name} takes no parameter {', '.join(unknown)}")
    values: dict[str, str] = {}
    for param in query.parameters:
        given = params.get(param.name)
        if given is None or given == "":
            if not param.optional:
                raise ParameterError(f"{query.name} needs the parameter {param.name}")
            values[param.name] = f"?_unset_{param.name}"
        else:
            values[param.name] = term_for(param, given)

    def replace(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    # only outside comments, and only whole names ($doc, not $docs)
    lines = []
    for line in sparql.splitlines():
        if line.lstrip().startswith("#"):
            lines.append(line)
        else:
            lines.append(re.sub(r"\$(\w+)\b", replace, line))
    return "\n".join(lines)


def run(store: Store, name: str, **params: Any) -> list[dict[str, str | None]]:
    """Run a named query with its parameters; rows as dicts of lexical values (None if unbound).

    Raises :class:`UnknownQuery`, :class:`ParameterError`, or the store's errors.
    """
    return run_page(store, name, limit=None, **params).rows


@dataclass(frozen=True)
class Page:
    """One slice of a named query's answer, in the query's own (stable) order."""

    rows: list[dict[str, str | None]]
    #: how many rows the whole answer has (every page of it)
    total: int
    limit: int | None
    offset: int
    #: rows of the whole answer per value of the ``count_by`` column (e.g. per level)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def more(self) -> int:
        """How many rows come after this page."""
        return max(0, self.total - self.offset - len(self.rows))


def run_page(
    store: Store,
    name: str,
    *,
    limit: int | None,
    offset: int = 0,
    count_by: str | None = None,
    **params: Any,
) -> Page:
    """Rows ``[offset, offset + limit)`` of a named query, and how many rows it has in all
    (and per value of the column ``count_by``, when given: the totals per level of a cascade).

    The query is evaluated once: every solution is counted, but only the page's are turned
    into Python rows (the conversion, not the count, is what costs at thousands of rows).
    ``limit=None`` answers every row from ``offset`` on.
    """
    if limit is not None and limit < 0 or offset < 0:
        raise ParameterError("limit and offset must not be negative")
    query = catalog_entry(name)
    result = store.query(PREFIXES + bind(query.sparql, query, params))
    if not isinstance(result, ox.QuerySolutions):
        raise StoreError(f"{name} is not a SELECT query")
    names = [v.value for v in result.variables]
    stop = None if limit is None else offset + limit
    rows: list[dict[str, str | None]] = []
    counts: dict[str, int] = {}
    total = 0
    for solution in result:
        if total >= offset and (stop is None or total < stop):
            rows.append({var: value(solution[var]) for var in names})
        if count_by is not None:
            key = value(solution[count_by]) or ""
            counts[key] = counts.get(key, 0) + 1
        total += 1
    return Page(rows=rows, total=total, limit=limit, offset=offset, counts=counts)
