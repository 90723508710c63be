"""SPARQL 1.1 Protocol conformance, as HTTP tests through the real app on each backend.

Modelled on the W3C protocol test suite (query via GET, POST-direct, POST-form, dataset
parameters, content negotiation, bad requests).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox
import pytest

from tests.api.conftest import EX, GRAPH_A, GRAPH_B
from tests.api.helpers import assert_error, sparql_bindings

TITLES = f"""PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?title WHERE {{ ?doc dcterms:title ?title FILTER(STRSTARTS(STR(?doc), "{EX}")) }}
ORDER BY ?doc"""
ASK_DOC1 = f"ASK {{ <{EX}doc1> ?p ?o }}"
CONSTRUCT_DOC1 = f"CONSTRUCT {{ <{EX}doc1> ?p ?o }} WHERE {{ <{EX}doc1> ?p ?o }}"
ALL_TITLES = {"江苏省质量发展行动计划", "镇江市质量强市行动计划", "加泽镇质量强镇意见"}


def titles(response) -> set[str]:
    return {row["title"] for row in sparql_bindings(response)}


def test_query_via_get(client):
    response = client.get("/sparql", params={"query": TITLES})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert titles(response) == ALL_TITLES


def test_query_via_post_direct(client):
    response = client.post(
        "/sparql", content=TITLES.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert titles(response) == ALL_TITLES


def test_query_via_post_form(client):
    response = client.post("/sparql", data={"query": TITLES})
    assert titles(response) == ALL_TITLES


def test_default_graph_uri_restricts_the_default_graph(client):
    response = client.get("/sparql", params={"query": TITLES, "default-graph-uri": GRAPH_B})
    assert titles(response) == {"加泽镇质量强镇意见"}
    response = client.post(
        "/sparql",
        data={"query": TITLES, "default-graph-uri": [GRAPH_A, GRAPH_B]},
    )
    assert titles(response) == ALL_TITLES


def test_named_graph_uri_limits_graph_patterns(client):
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{EX}doc1> ?p ?o }} }}"
    response = client.get(
        "/sparql", params={"query": query, "named-graph-uri": GRAPH_A, "default-graph-uri": GRAPH_B}
    )
    assert {row["g"] for row in sparql_bindings(response)} == {GRAPH_A}
    response = client.get(
        "/sparql", params={"query": query, "named-graph-uri": GRAPH_B, "default-graph-uri": GRAPH_B}
    )
    assert sparql_bindings(response) == []


@pytest.mark.parametrize(
    ("accept", "media_type", "parse_format"),
    [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            ox.QueryResultsFormat.JSON,
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            ox.QueryResultsFormat.XML,
        ),
        ("text/csv", "text/csv", None),
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        (
            "application/sparql-results+json,text/turtle;q=0.9",
            "application/sparql-results+json",
            ox.QueryResultsFormat.JSON,
        ),
        (
            "text/turtle;q=0.9, text/csv;q=0.5, application/sparql-results+xml;q=0.7",
            "application/sparql-results+xml",
            ox.QueryResultsFormat.XML,
        ),
        ("*/*", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("text/*", "text/csv", None),
    ],
)
def test_select_content_negotiation(client, accept, media_type, parse_format):
    response = client.get("/sparql", params={"query": TITLES}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    if parse_format is None:  # CSV is lossy: pyoxigraph will not read it back
        rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
        assert {row["title"] for row in rows} == ALL_TITLES
        return
    parsed = ox.parse_query_results(response.content, parse_format)
    assert {s["title"].value for s in parsed} == ALL_TITLES


@pytest.mark.parametrize(
    ("accept", "media_type", "rdf_format"),
    [
        ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/sparql-results+json,text/turtle;q=0.9", "text/turtle", ox.RdfFormat.TURTLE),
        (
            "application/sparql-results+json, application/n-triples;q=0.2, application/rdf+xml;q=0.4",
            "application/rdf+xml",
            ox.RdfFormat.RDF_XML,
        ),
        ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
    ],
)
def test_construct_content_negotiation(client, accept, media_type, rdf_format):
    response = client.get("/sparql", params={"query": CONSTRUCT_DOC1}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    triples = {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in ox.parse(response.content, rdf_format)
    }
    assert (f"{EX}doc1", "http://purl.org/dc/terms/title", "江苏省质量发展行动计划") in triples
    assert len(triples) == 3


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", {"head": {}, "boolean": True}),
        ("application/sparql-results+xml", None),
    ],
)
def test_ask(client, accept, expected):
    response = client.get("/sparql", params={"query": ASK_DOC1}, headers={"Accept": accept})
    assert response.status_code == 200
    if expected is not None:
        assert response.json() == expected
    parsed = ox.parse_query_results(
        response.content,
        ox.QueryResultsFormat.JSON if "json" in accept else ox.QueryResultsFormat.XML,
    )
    assert bool(parsed) is True


def test_format_parameter_overrides_accept(client):
    response = client.get(
        "/sparql",
        params={"query": TITLES, "format": "csv"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {row["title"] for row in rows} == ALL_TITLES
    response = client.post("/sparql", data={"query": CONSTRUCT_DOC1, "format": "nt"})
    assert response.headers["content-type"].startswith("application/n-triples")


def test_csv_quotes_commas_quotes_and_newlines(client):
    query = f"SELECT ?c WHERE {{ <{EX}doc3> <http://www.w3.org/2000/01/rdf-schema#comment> ?c }}"
    response = client.get("/sparql", params={"query": query, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.text, newline="")))
    assert rows == [["c"], ['a, "quoted"\nline']]


def test_not_acceptable(client):
    response = client.get("/sparql", params={"query": TITLES}, headers={"Accept": "image/png"})
    body = assert_error(response, 406)
    assert "application/sparql-results+json" in json.dumps(body["detail"])
    response = client.get(
        "/sparql", params={"query": CONSTRUCT_DOC1}, headers={"Accept": "text/csv"}
    )
    assert_error(response, 406)


def test_format_that_does_not_fit_is_ignored_for_accept(client):
    # SPARQLWrapper sends format=/output= besides Accept; a value that names nothing this
    # answer can be is ignored and Accept decides (Fuseki and Virtuoso do the same).
    for value in ("turtle", "png"):
        response = client.get(
            "/sparql",
            params={"query": TITLES, "format": value},
            headers={"Accept": "application/sparql-results+xml"},
        )
        assert response.headers["content-type"].startswith("application/sparql-results+xml")
        parsed = ox.parse_query_results(response.content, ox.QueryResultsFormat.XML)
        assert {row["title"].value for row in parsed} == ALL_TITLES


def test_malformed_query_names_line_and_column(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    body = assert_error(response, 400)
    # Oxigraph says "error at 3:1: …", Virtuoso "line 3: syntax error …".
    assert re.search(r"\b3:\d+|line 3", body["detail"]), body


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "GET", "url": "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"},
        {"method": "POST", "url": "/sparql", "data": {"query": "ASK {}", "update": "CLEAR ALL"}},
        {"method": "POST", "url": "/sparql", "data": {"format": "json"}},
        {"method": "GET", "url": "/sparql?update=CLEAR%20ALL"},
        {
            "method": "GET",
            "url": "/sparql?query=INSERT%20DATA%20%7B%3Ca%3A%3E%20%3Ca%3A%3E%20%3Ca%3A%3E%7D",
        },
    ],
    ids=[
        "two-queries",
        "query-and-update",
        "no-query",
        "update-by-get",
        "update-as-query",
    ],
)
def test_bad_requests(client, request_kwargs):
    response = client.request(**request_kwargs)
    assert_error(response, 400)


def test_wrong_content_type_is_415(client):
    response = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert_error(response, 415)


def test_service_description_with_void(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.content, ox.RdfFormat.TURTLE)
    ]
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = str(client.base_url) + "/sparql"
    assert (
        ox.Triple(
            ox.NamedNode(endpoint),
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(sd + "Service"),
        )
        in graph
    )
    formats = {t.object.value for t in graph if t.predicate.value == sd + "resultFormat"}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_TSV" in formats
    named = {t.object.value for t in graph if t.predicate.value == sd + "name"}
    assert {GRAPH_A, GRAPH_B} <= named
    triples = [t for t in graph if t.predicate.value == "http://rdfs.org/ns/void#triples"]
    assert triples and all(int(t.object.value) > 0 for t in triples)


def test_browser_gets_the_query_page(client):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "/sparql" in response.text
    response = client.get("/sparql", params={"query": ASK_DOC1}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith("text/html")
    assert "ASK {" in response.text  # the query lands in the editor


def test_cors_on_reads(client):
    response = client.get(
        "/sparql", params={"query": ASK_DOC1}, headers={"Origin": "http://127.0.0.1:3000"}
    )
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "http://127.0.0.1:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    refused = client.options(
        "/sparql",
        headers={
            "Origin": "http://127.0.0.1:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert refused.status_code == 400  # the admin token is never sent cross-origin
