"""What a view is before it is drawn: a networkx graph plus its title, legend, filters, layout.

Nodes and edges carry plain attributes that :mod:`visualizations.render` turns into
vis-network items: ``label``, ``kind`` (a key of :data:`visualizations.style.KINDS`),
``style`` (for edges: a key of RELATIONS / ROLES / LINKS), ``url`` (click-through),
``detail`` (list of ``(field, value)`` pairs for the tooltip), ``sentence`` (the evidence),
``facets`` (``{facet: value}`` the filters act on) and, for layered views, ``rank``.
Every string is data from documents: nothing here is HTML, and the renderer never treats it
as such.

>>> short_label("江苏省贯彻实施质量发展纲要2012年行动计划", 10)
'江苏省贯彻实施质量…'
>>> doc_url("https://w3id.org/policykg/doc/su-zhengbanfa-2012-123")
'/ui/documents/su-zhengbanfa-2012-123'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import networkx as nx

from visualizations.style import Swatch

BASE = "https://w3id.org/policykg/"


@dataclass
class Facet:
    """A filter: which attribute it reads (on nodes or edges) and its Chinese heading."""

    key: str
    label: str
    on: str = "node"  # "node" or "edge"
    off: tuple[str, ...] = ()  # values whose checkbox starts unchecked (hidden at first)


@dataclass
class View:
    """A graph ready to draw, with what the page shows around it."""

    kind: str
    title: str
    graph: nx.MultiDiGraph
    legend: list[tuple[str, dict[str, Swatch]]] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    hierarchical: bool = False
    notes: list[str] = field(default_factory=list)
    # rows: the page script places nodes itself, one row per rank in ``order`` (no vis layout),
    # so a row is exactly as wide as its visible nodes need
    rows: bool = False
    # canvas font size and, for layered views, the row gap and minimum gap between node centres
    font_size: int = 14
    level_separation: int = 130
    node_spacing: int = 230
    # rows views: at most this many nodes side by side, and each row's caption (None: levels)
    per_row: int = 9
    # force layouts: the edges' rest length (longer spreads a crowded view's labels apart)
    spring_length: int = 140
    row_labels: dict[int, str] | None = None

    @property
    def node_count(self) -> int:
        """How many nodes the canvas will draw."""
        return int(self.graph.number_of_nodes())


def new_graph() -> nx.MultiDiGraph:
    """An empty view graph (multi: two documents may both cite and implement each other)."""
    return nx.MultiDiGraph()


def local_id(iri: str | None, kind: str) -> str | None:
    """The part of one of our IRIs after ``…/{kind}/``, or None for foreign IRIs.

    >>> local_id("https://w3id.org/policykg/agency/320000/quality-supervision", "agency")
    '320000/quality-supervision'
    """
    if not iri:
        return None
    prefix = f"{BASE}{kind}/"
    return iri[len(prefix) :] if iri.startswith(prefix) else None


def _page(section: str, iri: str | None, kind: str) -> str | None:
    key = local_id(iri, kind)
    # our IRIs are already percent-encoded (graph.iris.slug): keep the local part as it is
    return f"/ui/{section}/{quote(key, safe='/%-_.~')}" if key else None


def doc_url(iri: str | None) -> str | None:
    """Our page for a loaded document IRI (None for IRIs outside our namespace)."""
    return _page("documents", iri, "doc")


def agency_url(iri: str | None) -> str | None:
    """Our page for an agency IRI."""
    return _page("agencies", iri, "agency")


def cascade_url(iri: str | None) -> str | None:
    """Our cascade page for an indicator-concept IRI.

    >>> cascade_url("https://w3id.org/policykg/concept/indicator/jiangsu-famous-brand")
    '/ui/cascades/jiangsu-famous-brand'
    """
    return _page("cascades", iri, "concept/indicator")


def short_label(text: str | None, limit: int = 22) -> str:
    """A label that fits on the canvas; the full text stays in the tooltip."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def truthy(value: str | None) -> bool:
    """SPARQL booleans and flags as a query returns them (``"true"``, ``"1"``)."""
    return (value or "").strip().lower() in ("true", "1", "yes")


def details(*pairs: tuple[str, str | None]) -> list[tuple[str, str]]:
    """Tooltip fields, dropping the unknown ones (never shown as 'None')."""
    return [(name, value) for name, value in pairs if value not in (None, "")]


def merge_node(graph: nx.MultiDiGraph, node_id: str, **attrs: object) -> None:
    """Add a node, or fill in attributes an earlier row left unknown (first value wins)."""
    if node_id in graph:
        current = graph.nodes[node_id]
        for key, value in attrs.items():
            if current.get(key) in (None, "", [], {}) and value not in (None, "", [], {}):
                current[key] = value
    else:
        graph.add_node(node_id, **attrs)


def add_edge_once(
    graph: nx.MultiDiGraph, source: str, target: str, style: str, **attrs: object
) -> None:
    """Add an edge unless one with the same style already joins the two nodes."""
    existing = graph.get_edge_data(source, target) or {}
    if any(data.get("style") == style for data in existing.values()):
        return
    graph.add_edge(source, target, style=style, **attrs)
