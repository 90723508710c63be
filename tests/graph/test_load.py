"""Loading records: idempotent re-loads, atomic replacement of a changed file, evidence."""

from __future__ import annotations

import pyoxigraph as ox

from graph import iris
from graph.load import graph_triples, load_records
from graph.mapping import canonical
from graph.store import Store
from tests.graph.records import jiangsu, seeds

PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"


def everything(store: Store) -> set[tuple[str, ox.Triple]]:
    """Every quad of the project's graphs, literals canonical (a set, so order never matters)."""
    return {(g, t) for g in store.graphs() for t in graph_triples(store, g)}


def test_reloading_the_same_records_changes_nothing(store: Store) -> None:
    first = load_records(store, seeds())
    before = everything(store)
    again = load_records(store, seeds())
    assert first.documents == again.documents == 3
    assert again.unchanged == 3 and again.replaced == 0
    assert everything(store) == before
    assert len(store) == first.triples == again.triples


def test_document_iris_are_readable_and_graphs_per_document(store: Store) -> None:
    report = load_records(store, seeds())
    assert PROVINCE in report.loaded
    assert "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85" in report.loaded
    assert "https://w3id.org/policykg/doc/jia-zhengfa-2016-7" in report.loaded
    for doc in report.loaded:
        assert iris.document_graph(doc) in store.graphs()


def test_a_changed_file_replaces_its_graph(store: Store) -> None:
    load_records(store, seeds())
    graph = iris.document_graph(PROVINCE)
    changed = jiangsu(extra="新增:力争全年新增省级标准化试点20个。")
    report = load_records(store, [changed])
    assert report.replaced == 1
    texts = [
        t.object.value for t in graph_triples(store, graph) if t.predicate.value.endswith("#text")
    ]
    doc_text = max(texts, key=len)
    assert "新增省级标准化试点" in doc_text
    assert doc_text == changed.text  # the old text is gone, not kept beside the new one
    documents = store.query(
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d <http://purl.org/dc/terms/source> ?s }"
    )
    assert next(iter(documents))["n"].value == "3"  # type: ignore[index]


def test_a_renumbered_file_moves_instead_of_duplicating(store: Store) -> None:
    load_records(store, [jiangsu()])
    renumbered = jiangsu()
    renumbered.doc_number = "苏政办发〔2012〕124号"
    load_records(store, [renumbered])
    assert iris.document_graph(PROVINCE) not in store.graphs()
    assert (
        iris.document_graph("https://w3id.org/policykg/doc/su-zhengbanfa-2012-124")
        in store.graphs()
    )


def test_every_evidence_sentence_is_the_text_at_its_offsets(loaded_store: Store) -> None:
    rows = loaded_store.query(
        """PREFIX pkg: <https://w3id.org/policykg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT DISTINCT ?fact ?sentence ?start ?end ?text WHERE {
          ?fact pkg:evidence ?ev . ?ev pkg:sentence ?sentence ; pkg:start ?start ; pkg:end ?end ;
              prov:wasDerivedFrom ?doc . ?doc pkg:text ?text }"""
    )
    checked = 0
    for row in rows:  # type: ignore[union-attr]
        start, end = int(row["start"].value), int(row["end"].value)
        assert row["text"].value[start:end] == row["sentence"].value, row["fact"]
        checked += 1
    assert checked >= 20  # measures, roles, targets and references all carry evidence


def test_report_counts(store: Store) -> None:
    report = load_records(store, seeds())
    assert (report.measures, report.targets) == (3, 7)
    assert report.references_resolved + report.references_unresolved == 10
    # 镇江 → province on two concepts; 嘉泽镇 (2016) no longer hangs under the plan repealed in 2016
    assert report.cascade_links == 2
    assert report.agencies >= 5
    labels = dict(report.rows())
    assert labels["rejected files"] == "0"


def test_mapping_is_a_pure_function(store: Store) -> None:
    from graph.mapping import map_document
    from graph.regions import Gazetteer

    gazetteer = Gazetteer.load()
    a, b = map_document(jiangsu(), gazetteer), map_document(jiangsu(), gazetteer)
    assert a.triples == b.triples and a.iri == PROVINCE
    assert not any(isinstance(t.subject, ox.BlankNode) for t in a.triples)
    assert {canonical(t) for t in a.triples} == {canonical(t) for t in b.triples}
