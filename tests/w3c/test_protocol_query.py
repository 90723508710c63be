"""The query side of the W3C SPARQL 1.1 Protocol tests, against a real server over HTTP.

One test per case of the W3C protocol manifest (``data-sparql11/protocol/manifest.ttl``),
written from the cases' descriptions: the request each case sends and what it expects
(negative cases: a 4xx; positive cases: 2xx, a SPARQL results or RDF media type and, where
the case says so, a true answer). The graphs the cases use are ``data0`` … ``data3`` of
:mod:`tests.w3c.conftest`. After them, the dataset rules the manifest leaves implicit
(SPARQL 1.1 Protocol §2.1.4, Query §13.2) and the base IRI.
"""

from __future__ import annotations

from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from tests.w3c.conftest import DATA, data_graph

RESULTS_TYPES = ("application/sparql-results+xml", "application/sparql-results+json")
GRAPH_TYPES = ("application/rdf+xml", "text/turtle")
QUERY = {"Content-Type": "application/sparql-query"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def boolean(response: httpx.Response) -> bool:
    """The ASK answer of a 2xx response in SPARQL JSON or XML results."""
    assert 200 <= response.status_code < 400, (response.status_code, response.text[:300])
    assert media(response) in RESULTS_TYPES, response.headers
    fmt = ox.QueryResultsFormat.JSON if "json" in media(response) else ox.QueryResultsFormat.XML
    answer = ox.parse_query_results(response.content, fmt)
    assert isinstance(answer, ox.QueryBoolean)
    return bool(answer)


def rows(response: httpx.Response) -> list[dict[str, str]]:
    """The solutions of a 2xx SELECT answer in SPARQL JSON or XML results."""
    assert 200 <= response.status_code < 400, (response.status_code, response.text[:300])
    fmt = ox.QueryResultsFormat.JSON if "json" in media(response) else ox.QueryResultsFormat.XML
    answer = ox.parse_query_results(response.content, fmt)
    assert isinstance(answer, ox.QuerySolutions)
    names = [v.value for v in answer.variables]
    return [
        {name: term.value for name, term in zip(names, row, strict=True) if term is not None}
        for row in answer
    ]


def data1_and_data2(parameter: str) -> list[tuple[str, str]]:
    """``parameter`` given twice: graphs data1 and data2."""
    return [(parameter, data_graph(1)), (parameter, data_graph(2))]


def client_error(response: httpx.Response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])


# --- negative cases ----------------------------------------------------------------------


def test_bad_query_method(http: httpx.Client, endpoint: str) -> None:
    client_error(http.put(endpoint, params={"query": "ASK {}"}))


def test_bad_multiple_queries(http: httpx.Client, endpoint: str) -> None:
    client_error(http.get(endpoint, params=[("query", "ASK {}"), ("query", "SELECT * {}")]))


def test_bad_query_wrong_media_type(http: httpx.Client, endpoint: str) -> None:
    client_error(http.post(endpoint, content=b"ASK {}", headers={"Content-Type": "text/plain"}))


def test_bad_query_missing_form_type(http: httpx.Client, endpoint: str) -> None:
    client_error(http.post(endpoint, content=b"query=ASK%20%7B%7D"))


def test_bad_query_missing_direct_type(http: httpx.Client, endpoint: str) -> None:
    client_error(http.post(endpoint, content=b"ASK {}"))


def test_bad_query_non_utf8(http: httpx.Client, endpoint: str) -> None:
    headers = {"Content-Type": "application/sparql-query; charset=UTF-16"}
    client_error(http.post(endpoint, content="ASK {}".encode("utf-16"), headers=headers))


def test_bad_query_syntax(http: httpx.Client, endpoint: str) -> None:
    client_error(http.get(endpoint, params={"query": "ASK {"}))


def test_bad_update_get(http: httpx.Client, endpoint: str) -> None:
    client_error(http.get(endpoint, params={"update": "CLEAR ALL"}))


# --- positive cases ----------------------------------------------------------------------


def test_query_get(http: httpx.Client, endpoint: str) -> None:
    assert boolean(http.get(endpoint, params={"query": "ASK {}"})) is True


def test_query_post_form(http: httpx.Client, endpoint: str) -> None:
    assert boolean(http.post(endpoint, data={"query": "ASK {}"})) is True


def test_query_post_direct(http: httpx.Client, endpoint: str) -> None:
    assert boolean(http.post(endpoint, content=b"ASK {}", headers=QUERY)) is True


def test_query_dataset_default_graph(http: httpx.Client, endpoint: str) -> None:
    response = http.post(
        endpoint,
        params={"default-graph-uri": data_graph(1)},
        content=f"ASK {{ <{data_graph(1)}> ?p ?o }}".encode(),
        headers=QUERY,
    )
    assert boolean(response) is True


def test_query_dataset_default_graphs_get(http: httpx.Client, endpoint: str) -> None:
    query = f"ASK {{ <{data_graph(1)}> a ?type . <{data_graph(2)}> a ?type . }}"
    params = [("query", query), *data1_and_data2("default-graph-uri")]
    assert boolean(http.get(endpoint, params=params)) is True


def test_query_dataset_default_graphs_post(http: httpx.Client, endpoint: str) -> None:
    query = f"ASK {{ <{data_graph(1)}> ?p ?o . <{data_graph(2)}> ?p ?o }}"
    params = data1_and_data2("default-graph-uri")
    response = http.post(endpoint, params=params, content=query.encode(), headers=QUERY)
    assert boolean(response) is True


def test_query_dataset_named_graphs_get(http: httpx.Client, endpoint: str) -> None:
    query = (
        f"ASK {{ GRAPH ?g1 {{ <{data_graph(1)}> a ?type }} "
        f"GRAPH ?g2 {{ <{data_graph(2)}> a ?type }} }}"
    )
    params = [("query", query), *data1_and_data2("named-graph-uri")]
    assert boolean(http.get(endpoint, params=params)) is True


def test_query_dataset_named_graphs_post(http: httpx.Client, endpoint: str) -> None:
    params = data1_and_data2("named-graph-uri")
    response = http.post(
        endpoint, params=params, content=b"ASK { GRAPH ?g { ?s ?p ?o } }", headers=QUERY
    )
    assert boolean(response) is True


def test_query_dataset_full(http: httpx.Client, endpoint: str) -> None:
    params = [
        ("default-graph-uri", data_graph(3)),
        ("named-graph-uri", data_graph(1)),
        ("named-graph-uri", data_graph(2)),
    ]
    query = b"SELECT ?g ?x ?s { ?x ?y ?o  GRAPH ?g { ?s ?p ?o } }"
    found = rows(http.post(endpoint, params=params, content=query, headers=QUERY))
    assert found, "the dataset had matches"
    assert {row["x"] for row in found} == {data_graph(3)}  # the default graph is data3 only
    assert {row["g"] for row in found} == {data_graph(1), data_graph(2)}


def test_query_multiple_dataset(http: httpx.Client, endpoint: str) -> None:
    # The protocol's dataset (data2) wins over the query's FROM (data1); the relative IRI
    # resolves against the base the query declares.
    query = f"BASE <{DATA}>\nASK FROM <{data_graph(1)}> {{ <data2.rdf> ?p ?o }}"
    response = http.post(
        endpoint,
        params={"default-graph-uri": data_graph(2)},
        content=query.encode(),
        headers=QUERY,
    )
    assert boolean(response) is True


def test_query_content_type_select(http: httpx.Client, endpoint: str) -> None:
    response = http.post(endpoint, content=b"SELECT (1 AS ?value) {}", headers=QUERY)
    assert response.status_code == 200
    assert media(response) in (*RESULTS_TYPES, "text/tab-separated-values", "text/csv")


def test_query_content_type_ask(http: httpx.Client, endpoint: str) -> None:
    response = http.post(endpoint, content=b"ASK {}", headers=QUERY)
    assert response.status_code == 200
    assert media(response) in RESULTS_TYPES


def test_query_content_type_describe(http: httpx.Client, endpoint: str) -> None:
    response = http.post(endpoint, content=b"DESCRIBE <http://example.org/>", headers=QUERY)
    assert response.status_code == 200
    assert media(response) in GRAPH_TYPES


def test_query_content_type_construct(http: httpx.Client, endpoint: str) -> None:
    response = http.post(endpoint, content=b"CONSTRUCT { <s> <p> 1 } WHERE {}", headers=QUERY)
    assert response.status_code == 200
    assert media(response) in GRAPH_TYPES
    triples = list(ox.parse(response.content, ox.RdfFormat.TURTLE))
    # the service's base IRI is its endpoint: <s> is read as <http://127.0.0.1:PORT/s>
    base = endpoint.rsplit("/", 1)[0]
    assert [(t.subject.value, t.predicate.value) for t in triples] == [(f"{base}/s", f"{base}/p")]


# --- dataset rules the cases rely on -----------------------------------------------------


def count(http: httpx.Client, endpoint: str, query: str, **params: Any) -> int:
    found = rows(http.get(endpoint, params={"query": query, **params}))
    return int(found[0]["n"])


def test_from_a_graph_that_does_not_exist_is_empty(http: httpx.Client, endpoint: str) -> None:
    everything = count(http, endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert everything == 8  # no dataset: the union of the named graphs
    nowhere = "SELECT (COUNT(*) AS ?n) FROM <https://example.org/no-such-graph> { ?s ?p ?o }"
    assert count(http, endpoint, nowhere) == 0
    one = f"SELECT (COUNT(*) AS ?n) FROM <{data_graph(1)}> {{ ?s ?p ?o }}"
    assert count(http, endpoint, one) == 2


def test_from_named_alone_leaves_the_default_graph_empty(http: httpx.Client, endpoint: str) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{data_graph(1)}> {{ ?s ?p ?o }}"
    assert count(http, endpoint, query) == 0
    graphs = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{data_graph(1)}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert count(http, endpoint, graphs) == 2


def test_named_graph_uri_alone_leaves_the_default_graph_empty(
    http: httpx.Client, endpoint: str
) -> None:
    query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert count(http, endpoint, query, **{"named-graph-uri": data_graph(1)}) == 0
    query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    assert count(http, endpoint, query, **{"named-graph-uri": data_graph(1)}) == 2


def test_default_graph_uri_alone_hides_the_named_graphs(http: httpx.Client, endpoint: str) -> None:
    query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    assert count(http, endpoint, query, **{"default-graph-uri": data_graph(1)}) == 0


def test_relative_iris_resolve_against_the_endpoint(http: httpx.Client, endpoint: str) -> None:
    query = "SELECT ?x { BIND(<doc/x> AS ?x) }"
    assert rows(http.get(endpoint, params={"query": query})) == [
        {"x": endpoint.rsplit("/", 1)[0] + "/doc/x"}
    ]


def test_syntax_errors_point_into_the_text_sent(http: httpx.Client, endpoint: str) -> None:
    response = http.get(endpoint, params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    assert "3:" in response.json()["detail"], response.text


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", '"utf-8"'])
def test_utf8_charset_is_accepted(http: httpx.Client, endpoint: str, charset: str) -> None:
    headers = {"Content-Type": f"application/sparql-query; charset={charset}"}
    assert boolean(http.post(endpoint, content=b"ASK {}", headers=headers)) is True
