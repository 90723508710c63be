"""The contract every store backend meets (oxigraph's TestAbstractStore pattern)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.errors import QuerySyntaxError, StoreSpecError, StoreUnavailable
from graph.mapping import canonical
from graph.store import Store
from graph.stores import MemoryStore, OxigraphStore, SparqlStore, open_store

G1 = "https://w3id.org/policykg/graph/test/one"
G2 = "https://w3id.org/policykg/graph/test/two"
EX = "https://w3id.org/policykg/test/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def triple(s: str, p: str, o: ox.NamedNode | ox.Literal) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + p), o)


AWKWARD_LITERALS = [
    ox.Literal("质量发展纲要(2011—2020年)", language="zh"),
    ox.Literal('quote " backslash \\ brace } newline\n tab\t'),
    ox.Literal("《纲要》 " * 2000),  # a long text, like pkg:text
    ox.Literal("900.0", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("0.1533", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("2012-06-21", datatype=ox.NamedNode(XSD + "date")),
    ox.Literal("2016", datatype=ox.NamedNode(XSD + "gYear")),
    ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
]


def graph_set(store: Store, graph: str) -> set[ox.Triple]:
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert isinstance(result, ox.QueryTriples)
    return {canonical(ox.Triple(t.subject, t.predicate, t.object)) for t in result}


def canonical_set(triples) -> set[ox.Triple]:
    """Stores may rewrite a literal's lexical form ("900.0" → "900"), never its value."""
    return {canonical(t) for t in triples}


def test_spec_selects_backend(tmp_path) -> None:
    assert isinstance(open_store("memory:"), MemoryStore)
    disk = open_store(f"oxigraph:{tmp_path / 's'}")
    assert isinstance(disk, OxigraphStore)
    disk.close()
    remote = open_store("sparql:http://127.0.0.1:9/sparql;update=http://127.0.0.1:9/update")
    assert isinstance(remote, SparqlStore) and remote.update_url.endswith("/update")
    remote.close()
    for bad in ("nothing", "mongo:x", "oxigraph:", "sparql:ftp://x", "sparql:http://x;user=1"):
        with pytest.raises(StoreSpecError):
            open_store(bad)


def test_every_store_is_a_store(store: Store) -> None:
    assert isinstance(store, Store)
    assert len(store) == 0 or set(store.graphs()) <= {
        "https://w3id.org/policykg/graph/ontology",
        "https://w3id.org/policykg/graph/schemes",
    }


def test_replace_graph_round_trips_literals(store: Store) -> None:
    triples = {triple(f"s{i}", "p", lit) for i, lit in enumerate(AWKWARD_LITERALS)}
    triples.add(triple("s", "link", ox.NamedNode(EX + "o%E5%98%89")))
    store.replace_graph(G1, triples)
    assert graph_set(store, G1) == canonical_set(triples)
    assert G1 in store.graphs()


def test_replace_graph_replaces(store: Store) -> None:
    before = len(store)
    store.replace_graph(G1, [triple("a", "p", ox.Literal("old"))])
    store.replace_graph(G2, [triple("b", "p", ox.Literal("kept"))])
    store.replace_graph(G1, [triple("a", "p", ox.Literal("new"))])
    assert graph_set(store, G1) == {triple("a", "p", ox.Literal("new"))}
    assert graph_set(store, G2) == {triple("b", "p", ox.Literal("kept"))}
    assert len(store) == before + 2


def test_replace_graph_in_many_chunks(store: Store) -> None:
    triples = {triple(f"s{i}", "p", ox.Literal(f"值{i}")) for i in range(4500)}
    store.replace_graph(G1, triples)
    assert graph_set(store, G1) == triples
    store.replace_graph(G1, [])
    assert graph_set(store, G1) == set()


def test_drop_graph(store: Store) -> None:
    store.replace_graph(G1, [triple("a", "p", ox.Literal("x"))])
    store.drop_graph(G1)
    store.drop_graph(G1)  # dropping a missing graph is not an error
    assert G1 not in store.graphs()
    assert graph_set(store, G1) == set()


def test_select_ask_construct_give_pyoxigraph_types(store: Store) -> None:
    store.replace_graph(G1, [triple("a", "p", ox.Literal("纲要", language="zh"))])
    rows = store.query(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}")
    assert isinstance(rows, ox.QuerySolutions)
    assert [r["o"] for r in rows] == [ox.Literal("纲要", language="zh")]
    assert bool(store.query(f"ASK {{ <{EX}a> <{EX}p> ?o }}")) is True
    assert bool(store.query(f"ASK {{ <{EX}a> <{EX}q> ?o }}")) is False
    assert isinstance(store.query(f"ASK {{ <{EX}a> ?p ?o }}"), ox.QueryBoolean)
    built = store.query(f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}")
    assert isinstance(built, ox.QueryTriples)
    assert list(built) == [triple("a", "q", ox.Literal("纲要", language="zh"))]


def test_default_graph_is_the_union(store: Store) -> None:
    store.replace_graph(G1, [triple("a", "p", ox.Literal("1"))])
    store.replace_graph(G2, [triple("b", "p", ox.Literal("2"))])
    rows = store.query(f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s")
    assert [r["s"].value for r in rows] == [EX + "a", EX + "b"]  # type: ignore[union-attr]
    only = store.query(f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }}", default_graph=[G2])
    assert [r["s"].value for r in only] == [EX + "b"]  # type: ignore[union-attr]


def test_update(store: Store) -> None:
    store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}p> "x" }} }}')
    assert graph_set(store, G1) == {triple("a", "p", ox.Literal("x"))}


def test_bad_query_raises_with_the_parsers_message(store: Store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        store.query("SELECT ?s WHERE { ?s ?p }")
    assert str(caught.value)
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT NONSENSE")


def test_flush_keeps_data(store: Store) -> None:
    store.replace_graph(G1, [triple("a", "p", ox.Literal("x"))])
    store.flush()
    assert graph_set(store, G1) == {triple("a", "p", ox.Literal("x"))}


def test_on_disk_store_survives_close_and_reopen(tmp_path) -> None:
    path = tmp_path / "store"
    store = open_store(f"oxigraph:{path}")
    triples = {triple(f"s{i}", "p", lit) for i, lit in enumerate(AWKWARD_LITERALS)}
    store.replace_graph(G1, triples)
    store.replace_graph(G2, [triple("b", "p", ox.Literal("2"))])
    count = len(store)
    store.close()
    reopened = open_store(f"oxigraph:{path}")
    assert len(reopened) == count == len(triples) + 1
    assert graph_set(reopened, G1) == canonical_set(triples)
    assert reopened.graphs() == sorted([G1, G2])
    reopened.close()


def test_unreachable_server_is_unavailable() -> None:
    remote = open_store("sparql:http://127.0.0.1:9/sparql")
    with pytest.raises(StoreUnavailable):
        remote.query("ASK {}")
    remote.close()


def test_insert_graphs_adds_new_graphs_in_one_write(store: Store) -> None:
    first = {triple(f"s{i}", "p", lit) for i, lit in enumerate(AWKWARD_LITERALS)}
    second = {triple(f"t{i}", "p", ox.Literal(f"值{i}")) for i in range(1200)}
    store.replace_graph(G1, [triple("kept", "p", ox.Literal("untouched"))])
    store.insert_graphs({G2: sorted(second, key=str), G1 + "/more": sorted(first, key=str)})
    assert graph_set(store, G2) == second
    assert graph_set(store, G1 + "/more") == canonical_set(first)
    assert graph_set(store, G1) == {triple("kept", "p", ox.Literal("untouched"))}


def test_insert_nquads_puts_each_quad_in_its_graph(store: Store) -> None:
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
        for graph, triples in (
            (G1, [triple("a", "p", lit) for lit in AWKWARD_LITERALS[:3]]),
            (G2, [triple("b", "p", ox.Literal("乙"))]),
        )
        for t in triples
    ]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert data is not None
    store.insert_nquads(data)
    assert graph_set(store, G1) == canonical_set(triple("a", "p", x) for x in AWKWARD_LITERALS[:3])
    assert graph_set(store, G2) == {triple("b", "p", ox.Literal("乙"))}
