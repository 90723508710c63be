"""networkx projections of named-query results: pure functions, no store access.

- :func:`document_hierarchy` — rows of ``chain_up``, ``chain_down`` or ``document_links``:
  a DiGraph from each document to the one it implements (or cites …).
- :func:`agency_measure_bipartite` — rows of ``agency_measures``, ``document_measures``,
  ``measure_agencies`` or ``agency_network``: agencies on one side, measures on the other,
  edges labelled with the role.
- :func:`cascade_tree` — rows of ``cascade``: a DiGraph from each higher target to the lower
  targets refining it, with values, years, levels, shares and weak links.

>>> g = cascade_tree([
...     {"target": "p", "level": "province", "value": "900", "refines": None},
...     {"target": "c", "level": "city", "value": "138", "refines": "p", "share": "0.1533"}])
>>> list(g.edges(data="share"))
[('p', 'c', 0.1533)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

Row = Mapping[str, str | None]


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _flag(text: str | None) -> bool | None:
    return None if text is None else text in ("true", "1")


def _set(attrs: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Only attributes that have a value (GraphML cannot store None)."""
    attrs.update({k: v for k, v in values.items() if v is not None})
    return attrs


def document_hierarchy(rows: Iterable[Row]) -> nx.DiGraph:
    """Documents as nodes (title, level, external) and an edge lower → higher per link."""
    graph = nx.DiGraph()
    for row in rows:
        lower = row.get("from") or row.get("source")
        higher = row.get("to") or row.get("target")
        if not lower or not higher:
            continue
        graph.add_node(lower)
        graph.add_node(higher)
        _set(
            graph.nodes[lower],
            title=row.get("fromTitle") or row.get("sourceTitle"),
            level=row.get("fromLevel") or row.get("sourceLevel"),
        )
        _set(
            graph.nodes[higher],
            title=row.get("toTitle") or row.get("targetTitle"),
            level=row.get("toLevel") or row.get("targetLevel"),
            external=_flag(row.get("external")),
        )
        edge = graph.edges[lower, higher] if graph.has_edge(lower, higher) else {}
        graph.add_edge(
            lower,
            higher,
            **_set(
                dict(edge),
                relation=row.get("relation") or "ensures_implementation_of",
                sentence=row.get("sentence"),
            ),
        )
    return graph


def agency_measure_bipartite(rows: Iterable[Row]) -> nx.MultiGraph:
    """Agencies (bipartite=0) and measures (bipartite=1), one edge per role an agency holds."""
    graph = nx.MultiGraph()
    for row in rows:
        agency, measure = row.get("agency"), row.get("measure")
        if not agency or not measure:
            continue
        graph.add_node(agency, bipartite=0, kind="agency")
        _set(graph.nodes[agency], label=row.get("agencyLabel") or row.get("label"))
        graph.add_node(measure, bipartite=1, kind="measure")
        _set(
            graph.nodes[measure], label=row.get("heading"), doc=row.get("doc"), path=row.get("path")
        )
        role = row.get("role") or "involved"
        if not graph.has_edge(agency, measure, key=role):
            graph.add_edge(
                agency, measure, key=role, **_set({"role": role}, sentence=row.get("sentence"))
            )
    return graph


def cascade_tree(rows: Iterable[Row]) -> nx.DiGraph:
    """Targets as nodes (value, unit, year, level, region, document); higher → lower edges."""
    graph = nx.DiGraph()
    rows = list(rows)
    for row in rows:
        target = row.get("target")
        if not target:
            continue
        graph.add_node(target)
        _set(
            graph.nodes[target],
            value=_num(row.get("value")),
            value_max=_num(row.get("valueMax")),
            unit=row.get("unit"),
            year=row.get("year"),
            level=row.get("level"),
            region=row.get("regionLabel") or row.get("region"),
            doc=row.get("doc"),
            doc_title=row.get("docTitle"),
            indicator=row.get("indicator"),
            sentence=row.get("sentence"),
        )
    for row in rows:
        target, higher = row.get("target"), row.get("refines")
        if target and higher:
            graph.add_edge(
                higher,
                target,
                **_set({}, weaker=_flag(row.get("weaker")), share=_num(row.get("share"))),
            )
    return graph
