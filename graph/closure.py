"""Reachability in a directed graph held as adjacency sets (regions within regions,
documents implementing documents, transitive properties)."""

from __future__ import annotations

from collections.abc import Mapping, Set


def reachable(edges: Mapping[str, Set[str]]) -> dict[str, set[str]]:
    """Everything reachable from each node in one or more steps (a node on a cycle reaches
    itself; otherwise the closure is not reflexive).

    >>> reachable({"town": {"county"}, "county": {"city"}})["town"] == {"county", "city"}
    True
    """
    reach: dict[str, set[str]] = {}
    for start in edges:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        reach[start] = seen
    return reach
