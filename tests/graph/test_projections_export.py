"""networkx projections of query results, and exports in every format."""

from __future__ import annotations

import csv
import io
import json
import zipfile

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
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "datapackage.json" in archive.namelist()
            rows = list(csv.DictReader(io.StringIO(archive.read("documents.csv").decode())))
        assert any(r["doc_number"] == "嘉政发〔2016〕7号" for r in rows)
    else:
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(data)
        graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert TOWN in graph
        # the document network: documents only, regions are attributes, edges are references
        kinds = {d["kind"] for _, d in graph.nodes(data=True)}
        assert kinds == {"document", "external document"}
        assert graph.nodes[TOWN]["region"] == "嘉泽镇"
        assert graph.nodes[TOWN]["level"] == "town"
        relations = {d.get("relation") for _, _, d in graph.edges(data=True)}
        assert "ensures_implementation_of" in relations


def test_tidy_tables_are_a_valid_data_package(tmp_path) -> None:
    """Every table matches its schema; keys are unique; every foreign key resolves."""
    from graph.load import load_records
    from graph.stores import open_store
    from graph.tables import write_package
    from tests.graph.records import seeds

    store = open_store("memory:")
    load_records(store, seeds())
    write_package(store, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert names == {
        "documents",
        "sections",
        "measures",
        "agency_roles",
        "targets",
        "references",
        "cascade_links",
    }
    rows: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        with open(tmp_path / resource["path"], encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows[resource["name"]] = list(reader)
            fields = [field["name"] for field in resource["schema"]["fields"]]
            assert reader.fieldnames == fields
        key = resource["schema"]["primaryKey"]
        keys = [tuple(r[k] for k in key) for r in rows[resource["name"]]]
        assert len(keys) == len(set(keys)), f"{resource['name']}: duplicate keys"
    for resource in package["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            other = {r[fk["reference"]["fields"]] for r in rows[fk["reference"]["resource"]]}
            dangling = {r[fk["fields"]] for r in rows[resource["name"]]} - other
            assert not dangling, f"{resource['name']}.{fk['fields']}: {sorted(dangling)[:3]}"
    # a researcher's question straight from the tables: what does the Jiangsu 质监局 lead?
    led = [
        r
        for r in rows["agency_roles"]
        if r["agency_name"] == "江苏省质量技术监督局" and r["role_kind"] == "lead"
    ]
    assert led and all(r["document"] == PROVINCE for r in led)
    targets = {r["target"]: r for r in rows["targets"]}
    assert all(targets[r["lower_target"]]["concept"] for r in rows["cascade_links"])


def test_agency_network_links_agencies_to_the_measures_they_own(tmp_path) -> None:
    from graph.load import load_records
    from graph.stores import open_store
    from tests.graph.records import seeds

    store = open_store("memory:")
    load_records(store, seeds())
    path = tmp_path / "agencies.graphml"
    path.write_bytes(export(store, "graphml", network="agencies"))
    graph = nx.read_graphml(path)
    agencies = [n for n, d in graph.nodes(data=True) if d["kind"] == "agency"]
    labels = {graph.nodes[a]["label"] for a in agencies}
    assert "江苏省质量技术监督局" in labels
    # generic owners stay distinct agencies, not one node per document
    generic = [a for a in agencies if graph.nodes[a].get("agency_type") == "generic"]
    assert len({graph.nodes[a]["label"] for a in generic}) == len(generic)
    for agency, measure, data in graph.edges(data=True):
        assert graph.nodes[agency]["kind"] == "agency"
        assert graph.nodes[measure]["kind"] == "measure"
        assert data["role"] in {"lead", "participating", "responsible"}


def test_unknown_format() -> None:
    from graph.stores import open_store

    with pytest.raises(ExportFormatError):
        export(open_store("memory:"), "xlsx")
