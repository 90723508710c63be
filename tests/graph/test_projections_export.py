"""networkx projections of query results, and exports in every format."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest

from graph import queries
from graph.errors import ExportFormatError
from graph.export import FORMATS, export
from graph.projections import agency_measure_bipartite, document_hierarchy
from graph.store import Store

TOWN = "https://w3id.org/policykg/doc/jia-zhengfa-2016-7"
PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"


def test_document_hierarchy(loaded_store: Store) -> None:
    outline = next(
        r["to"]
        for r in queries.run(loaded_store, "chain_up", doc=TOWN)
        if r["toLevel"] == "national"
    )
    graph = document_hierarchy(queries.run(loaded_store, "chain_down", doc=outline))
    assert set(graph.predecessors(outline)) >= {TOWN, PROVINCE}
    assert nx.is_directed_acyclic_graph(graph)


def test_agency_measure_bipartite(loaded_store: Store) -> None:
    graph = agency_measure_bipartite(queries.run(loaded_store, "document_measures", doc=PROVINCE))
    agencies = {n for n, d in graph.nodes(data=True) if d["bipartite"] == 0}
    assert {graph.nodes[a]["label"] for a in agencies} >= {"江苏省质量技术监督局", "江苏省财政厅"}
    assert nx.is_bipartite(nx.Graph(graph))
    roles = {d["role"] for _, _, d in graph.edges(data=True)}
    assert roles == {"lead", "participating", "responsible"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_formats(fmt: str, tmp_path) -> None:
    from graph.load import load_records
    from graph.stores import open_store
    from tests.graph.records import seeds

    store = open_store("memory:")
    load_records(store, seeds())
    data = export(store, fmt)
    assert data
    if fmt in ("ttl", "nt", "nq", "trig"):
        rdf = {
            "ttl": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "nq": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG,
        }[fmt]
        parsed = list(ox.parse(data, rdf))
        assert any(getattr(q.object, "value", "") == "嘉政发〔2016〕7号" for q in parsed)
    elif fmt == "jsonld":
        assert any(item.get("@id") == TOWN for item in json.loads(data))
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        assert any(r["object"] == "嘉政发〔2016〕7号" for r in rows)
    else:
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(data)
        graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert TOWN in graph


def test_unknown_format() -> None:
    from graph.stores import open_store

    with pytest.raises(ExportFormatError):
        export(open_store("memory:"), "xlsx")
