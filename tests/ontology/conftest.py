"""Fixtures for the ontology tests: small real graphs in a real in-memory Oxigraph store."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest

from graph.store import Store
from graph.stores import open_store
from ontology import terms as t

Link = tuple[str, str, str]

DOC = t.DOC_BASE
REGION = t.REGION_BASE
AGENCY = t.AGENCY_BASE
MEASURE = t.MEASURE_BASE

#: The implementation chain of the seeds, written with the ontology's own terms:
#: 嘉泽镇 opinion → 武进区 plan → Jiangsu action plan → national outline, each link in the
#: named graph of the document that states it; regions and agencies in a shared graph.
CHAIN_GRAPHS: dict[str, list[Link]] = {
    t.GRAPH_BASE + "doc/town": [
        (DOC + "town", t.ELI_ENSURES_IMPLEMENTATION_OF, DOC + "district"),
        (DOC + "town", t.ELI_JURISDICTION, REGION + "嘉泽镇"),
        (MEASURE + "town/1", t.ELI_IS_PART_OF, DOC + "town"),
        (MEASURE + "town/1", t.PKG_LEAD_AGENCY, AGENCY + "嘉泽镇/government"),
        (MEASURE + "town/1", t.PKG_PARTICIPATING_AGENCY, AGENCY + "320412/quality-supervision"),
    ],
    t.GRAPH_BASE + "doc/district": [
        (DOC + "district", t.ELI_ENSURES_IMPLEMENTATION_OF, DOC + "province"),
        (DOC + "district", t.ELI_CITES, DOC + "national"),
    ],
    t.GRAPH_BASE + "doc/province": [
        (DOC + "province", t.ELI_ENSURES_IMPLEMENTATION_OF, DOC + "national"),
        (DOC + "province", t.PKG_ANNOUNCES, DOC + "province-award-rules"),
        (MEASURE + "province/1", t.PKG_RESPONSIBLE_AGENCY, AGENCY + "320000/quality-supervision"),
        (t.TARGET_BASE + "city/1", t.PKG_REFINES, t.TARGET_BASE + "province/1"),
        (t.TARGET_BASE + "town/1", t.PKG_REFINES, t.TARGET_BASE + "province/1"),
    ],
    t.GRAPH_SCHEMES: [
        (REGION + "嘉泽镇", t.PKG_WITHIN, REGION + "320412"),
        (REGION + "320412", t.PKG_WITHIN, REGION + "320400"),
        (REGION + "320400", t.PKG_WITHIN, REGION + "320000"),
        (REGION + "321100", t.PKG_WITHIN, REGION + "320000"),
        (REGION + "320000", t.PKG_WITHIN, REGION + "100000"),
        (AGENCY + "嘉泽镇/government", t.PKG_LOCATED_IN, REGION + "嘉泽镇"),
        (AGENCY + "320412/quality-supervision", t.PKG_LOCATED_IN, REGION + "320412"),
        (AGENCY + "320000/quality-supervision", t.PKG_LOCATED_IN, REGION + "320000"),
    ],
}


def triples(links: list[Link]) -> list[ox.Triple]:
    """Links as pyoxigraph triples between named nodes."""
    return [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)) for s, p, o in links]


@pytest.fixture
def chain_store() -> Store:
    """A memory store holding :data:`CHAIN_GRAPHS`."""
    store = open_store("memory:")
    for graph, links in CHAIN_GRAPHS.items():
        store.replace_graph(graph, triples(links))
    return store


@pytest.fixture
def make_store() -> Callable[[dict[str, list[Link]]], Store]:
    """Build a memory store from ``{graph IRI: links}``."""

    def make(graphs: dict[str, list[Link]]) -> Store:
        store = open_store("memory:")
        for graph, links in graphs.items():
            store.replace_graph(graph, triples(links))
        return store

    return make
