"""Small helpers for running SELECT queries on any store and reading the answers."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store import Store
from ontology import terms

#: the PREFIX lines every query of the graph layer may rely on.
PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in terms.PREFIXES.items())


def select(store: Store, query: str) -> list[dict[str, Any]]:
    """Run a SELECT (prefixes added) and return rows of pyoxigraph terms keyed by variable."""
    result = store.query(PREFIXES + query)
    if not isinstance(result, ox.QuerySolutions):
        raise StoreError("expected SELECT results")
    names = [v.value for v in result.variables]
    # a solution iterates its values in the order of the variables (unbound: None); zipping
    # is twice as fast as looking each variable up by name, which linking does millions of times
    return [dict(zip(names, row, strict=True)) for row in result]


def value(term: Any) -> str | None:
    """The lexical value of a term (IRI, literal or blank node), ``None`` when unbound."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value == terms.XSD + "boolean":
        # Virtuoso answers booleans as "1"/"0" in SELECT results
        return {"1": "true", "0": "false"}.get(term.value, term.value)
    return str(term.value)


def number(term: Any) -> float | None:
    """A numeric literal as float, ``None`` when unbound or not a number."""
    if term is None:
        return None
    try:
        return float(term.value)
    except (TypeError, ValueError):
        return None
