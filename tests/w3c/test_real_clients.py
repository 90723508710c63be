"""Real third-party SPARQL clients against a served policykg, with their default settings.

- SPARQLWrapper gets every result format (SELECT and ASK: JSON, XML, CSV, TSV) and every
  graph format (CONSTRUCT: Turtle, N3, JSON-LD, RDF/XML, XML) by GET and by POST, although it
  adds ``format=``/``output=``/``results=`` parameters (some repeated) besides Accept.
- rdflib's SPARQLStore, pyoxigraph's results parser and the project's own ``sparql:`` store
  read every answer, a truncated one included; the ``sparql:`` store fetches a cut SELECT in
  pages, so ``policykg export --store sparql:…`` writes the whole graph.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import GET, POST, SPARQLWrapper

from api.app import create_app
from api.settings import Settings
from graph.stores import open_store
from tests.live_server import serve
from tests.w3c.conftest import DCTERMS_TITLE, data_graph, fill_w3c

TITLES = {f"数据{n}" for n in range(4)}
SELECT = f"SELECT ?doc ?title WHERE {{ ?doc <{DCTERMS_TITLE}> ?title }}"
ASK = f"ASK {{ <{data_graph(1)}> ?p ?o }}"
CONSTRUCT = (
    f"CONSTRUCT {{ ?doc <{DCTERMS_TITLE}> ?title }} WHERE {{ ?doc <{DCTERMS_TITLE}> ?title }}"
)


@pytest.fixture(scope="module")
def capped() -> Iterator[str]:
    """``…/sparql`` of a server whose row cap (3) is below the 8 triples it holds."""
    store = fill_w3c(open_store("memory:"))
    app = create_app(Settings(store="memory:", max_rows=3), store)
    with serve(app) as base:
        yield base + "/sparql"


def wrapper(endpoint: str, query: str, fmt: str, method: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)  # defaults: format=/output=/results= sent, not conneg only
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select_in_every_results_format(endpoint: str, fmt: str, method: str) -> None:
    result = wrapper(endpoint, SELECT, fmt, method).query()
    converted = result.convert()
    if fmt == "json":
        values = {b["title"]["value"] for b in converted["results"]["bindings"]}
    elif fmt == "xml":
        values = {
            node.firstChild.firstChild.data
            for node in converted.getElementsByTagName("binding")
            if node.getAttribute("name") == "title"
        }
    else:
        sep = "," if fmt == "csv" else "\t"
        lines = converted.decode().strip().splitlines()
        column = lines[0].split(sep).index("title" if fmt == "csv" else "?title")
        values = {
            line.split(sep)[column].split('"')[1 if fmt == "tsv" else 0] for line in lines[1:]
        }
    assert values == TITLES


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_ask(endpoint: str, fmt: str, method: str) -> None:
    converted = wrapper(endpoint, ASK, fmt, method).query().convert()
    if fmt == "json":
        assert converted["boolean"] is True
    elif fmt == "xml":
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert converted.decode().strip() == "true"


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", ["turtle", "n3", "json-ld", "rdf+xml", "xml", "rdf"])
def test_sparqlwrapper_construct_in_every_graph_format(
    endpoint: str, fmt: str, method: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # for "rdf" it warns that it sends Accept: */*
        result = wrapper(endpoint, CONSTRUCT, fmt, method).query()
    with warnings.catch_warnings():
        # ... and when it cannot read the answer's type, which must not happen
        warnings.simplefilter("error", RuntimeWarning)
        converted = result.convert()
    if isinstance(converted, bytes):  # Turtle and N3 come back as bytes: parse them
        graph = rdflib.Graph().parse(data=converted, format="turtle")
    else:
        graph = converted
    assert isinstance(graph, rdflib.Graph)
    assert {str(o) for o in graph.objects(None, rdflib.URIRef(DCTERMS_TITLE))} == TITLES


def test_truncated_json_and_xml_parse_strictly(capped: str) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    for accept, fmt in (
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ):
        response = httpx.get(capped, params={"query": query}, headers={"Accept": accept})
        assert response.headers["x-policykg-truncated"] == "true"
        solutions = ox.parse_query_results(response.content, fmt)
        assert len(list(solutions)) == 3
    response = httpx.get(capped, params={"query": query}, headers={"Accept": "application/json"})
    assert set(response.json()) == {"head", "results"}
    assert response.json()["head"]["link"] == ["urn:policykg:truncated"]


def test_rdflib_sparqlstore_reads_a_truncated_answer(capped: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(capped, returnFormat="json"))
    assert len(list(graph.triples((None, None, None)))) == 3  # the cap; the header says so
    graph = rdflib.Graph(store=SPARQLStore(capped))  # its default, XML results
    assert len(list(graph.triples((None, None, None)))) == 3


def test_own_sparql_store_fetches_a_cut_select_in_pages(capped: str) -> None:
    store = open_store(f"sparql:{capped}")
    try:
        result = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(result, ox.QuerySolutions)
        assert len(list(result)) == 8
        assert len(store) == 0  # counts only the project's graphs; the test data is elsewhere
    finally:
        store.close()


def test_export_through_the_own_server(tmp_path, capped: str) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    data = tmp_path / "data.nq"
    memory = open_store("memory:")
    fill_policykg_graphs(memory)
    served = create_app(Settings(store="memory:", max_rows=3), memory)
    with serve(served) as base:
        outcome = CliRunner().invoke(
            app, ["export", "--format", "nq", "-o", str(data), "--store", f"sparql:{base}/sparql"]
        )
    assert outcome.exit_code == 0, outcome.output
    exported = set(ox.parse(data.read_bytes(), ox.RdfFormat.N_QUADS))
    assert exported == set(memory.quads())  # all 8, although the server cuts at 3


def fill_policykg_graphs(store) -> None:
    """The W3C test data under the project's graph namespace (what export reads)."""
    fill_w3c(store)
    for n in range(4):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads()
            if q.graph_name.value == data_graph(n)
        ]
        store.drop_graph(data_graph(n))
        store.replace_graph(f"https://w3id.org/policykg/graph/test-w3c-{n}", triples)
