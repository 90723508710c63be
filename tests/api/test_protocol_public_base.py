"""POLICYKG_PUBLIC_BASE: the address the server is published at, for base IRIs and links."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.stores import open_store
from ontology import terms

PUBLIC = "https://kg.example.org/policykg/"
DOC = terms.DOC_BASE + "demo-2016-1"
AGENCY = terms.AGENCY_BASE + "320000/quality-supervision"
MEASURE = DOC + "/measure/1"  # no page of its own: the server lists its triples


def store_with_one_document():
    store = open_store("memory:")
    doc, agency = ox.NamedNode(DOC), ox.NamedNode(AGENCY)
    store.replace_graph(
        terms.GRAPH_BASE + "test-public-base",
        [
            ox.Triple(doc, ox.NamedNode(terms.SKOS_PREF_LABEL), ox.Literal("示例", language="zh")),
            ox.Triple(doc, ox.NamedNode("http://data.europa.eu/eli/ontology#passed_by"), agency),
            ox.Triple(ox.NamedNode(MEASURE), ox.NamedNode(terms.PKG + "leadAgency"), agency),
        ],
    )
    return store


@pytest.fixture(params=[None, PUBLIC], ids=["unset", "set"])
def client(request: pytest.FixtureRequest):
    app = create_app(
        Settings(store="memory:", public_base=request.param), store_with_one_document()
    )
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client, request.param


def test_relative_iris_resolve_against_the_public_endpoint(client) -> None:
    test_client, public = client
    response = test_client.get(
        "/sparql", params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}", "format": "nt"}
    )
    (triple,) = list(ox.parse(response.content, ox.RdfFormat.N_TRIPLES))
    expected = (public or "http://testserver/") + "s"
    assert triple.subject.value == expected


def test_service_description_names_the_public_endpoint(client) -> None:
    test_client, public = client
    response = test_client.get("/sparql", headers={"Accept": "application/n-triples"})
    subjects = {t.subject.value for t in ox.parse(response.content, ox.RdfFormat.N_TRIPLES)}
    assert (public or "http://testserver/") + "sparql" in subjects


def test_links_to_the_projects_iris_go_to_the_public_base(client) -> None:
    test_client, public = client
    path = "/" + DOC.removeprefix(terms.BASE)
    response = test_client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    alternate = (public.rstrip("/") if public else "") + path + ".nt"
    assert f"<{alternate}>" in response.headers["link"]
    page = test_client.get("/" + MEASURE.removeprefix(terms.BASE), headers={"Accept": "text/html"})
    assert page.status_code == 200
    agency_href = (public or "/") + AGENCY.removeprefix(terms.BASE)
    assert f'href="{agency_href}"' in page.text


def test_a_bad_public_base_fails_at_start_up() -> None:
    with pytest.raises(ValueError, match="public_base"):
        Settings(public_base="kg.example.org")
