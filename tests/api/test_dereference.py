"""Every IRI the store holds resolves on the local server, by Accept header or suffix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from api.app import create_app
from api.settings import Settings
from ontology import terms
from tests.live_server import serve

from .conftest import seed_store

PROVINCE = terms.DOC_BASE + "su-zhengbanfa-2012-123"
AGENCY = terms.AGENCY_BASE + "320000/quality-supervision"


@pytest.fixture(scope="module")
def base(seed_records: list[Any]) -> Iterator[str]:
    store = seed_store(seed_records)
    with serve(create_app(Settings(query_workers=1), store)) as url:
        yield url
    store.close()


def local(base: str, iri: str) -> str:
    return base + "/" + iri.removeprefix(terms.BASE)


def test_rdflib_parses_a_document_iri_served_locally(base: str) -> None:
    graph = rdflib.Graph()
    graph.parse(local(base, PROVINCE), format="turtle")
    titles = {
        str(o) for o in graph.objects(rdflib.URIRef(PROVINCE), rdflib.URIRef(terms.ELI_TITLE))
    }
    assert any("江苏" in title for title in titles)


@pytest.mark.parametrize(
    ("accept", "suffix", "media", "rdf_format"),
    [
        ("text/turtle", ".ttl", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ".nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ".jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ".rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_every_rdf_format_by_accept_and_by_suffix(
    base: str, accept: str, suffix: str, media: str, rdf_format: ox.RdfFormat
) -> None:
    url = local(base, AGENCY)
    for response in (
        httpx.get(url, headers={"Accept": accept}),
        httpx.get(url + suffix, headers={"Accept": "text/html"}),  # the suffix wins
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert 'rel="alternate"' in response.headers["link"]
        triples = list(ox.parse(response.content, rdf_format))
        assert any(
            t.subject.value == AGENCY and t.object.value == "江苏省质量技术监督局" for t in triples
        )


def test_a_browser_is_sent_to_the_page_made_for_the_resource(base: str) -> None:
    response = httpx.get(local(base, PROVINCE), headers={"Accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["location"] == "/ui/documents/su-zhengbanfa-2012-123"


def test_a_measure_without_a_page_gets_a_listing_with_alternates(base: str) -> None:
    measure = PROVINCE + "/measure/1"
    response = httpx.get(local(base, measure), headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert '<link rel="alternate" type="text/turtle"' in response.text
    assert "pkg:sectionPath" in response.text


def test_regions_with_chinese_iris_and_the_ontology_resolve(base: str) -> None:
    town = httpx.get(local(base, terms.REGION_BASE + "320412"), headers={"Accept": "text/turtle"})
    assert town.status_code == 200 and "武进区" in town.text
    onto = httpx.get(base + "/ontology.ttl")
    assert onto.status_code == 200
    graph = rdflib.Graph().parse(data=onto.text, format="turtle")
    assert (rdflib.URIRef(terms.PKG_MEASURE), None, None) in graph


def test_an_unknown_iri_is_404_in_the_common_error_body(base: str) -> None:
    response = httpx.get(base + "/doc/no-such-document", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_a_document_page_names_its_data_and_the_data_resolves(base: str) -> None:
    page = httpx.get(base + "/ui/documents/su-zhengbanfa-2012-123")
    assert page.status_code == 200
    href = '<link rel="alternate" type="text/turtle" href="/doc/su-zhengbanfa-2012-123.ttl">'
    assert href in page.text
    data = httpx.get(base + "/doc/su-zhengbanfa-2012-123.ttl")
    assert data.status_code == 200 and "苏政办发〔2012〕123号" in data.text
