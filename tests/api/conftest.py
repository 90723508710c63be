"""Fixtures for the API tests: real stores with small real data, and clients over create_app.

``make_client(store=..., **settings)`` builds an app over a store and yields a TestClient
that runs the app's lifespan (so worker processes are stopped after each test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Store
from graph.stores import open_store

EX = "https://w3id.org/policykg/test/"
GRAPH_A = "https://w3id.org/policykg/graph/test-a"
GRAPH_B = "https://w3id.org/policykg/graph/test-b"

# A tiny dataset in two named graphs, enough for every protocol case.
TRIG = f"""
@prefix ex: <{EX}> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{GRAPH_A}> {{
  ex:doc1 a ex:Document ; dcterms:title "江苏省质量发展行动计划"@zh ; ex:year 2012 .
  ex:doc2 a ex:Document ; dcterms:title "镇江市质量强市行动计划"@zh ; ex:year 2014 .
}}
<{GRAPH_B}> {{
  ex:doc3 a ex:Document ; dcterms:title "加泽镇质量强镇意见"@zh ; ex:year 2016 ;
     rdfs:comment "a, \\"quoted\\"\\nline" .
}}
"""


def fill(store: Store) -> Store:
    """Load :data:`TRIG` into ``store`` graph by graph."""
    quads = list(ox.parse(TRIG.encode(), ox.RdfFormat.TRIG))
    for graph in (GRAPH_A, GRAPH_B):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in quads
            if q.graph_name.value == graph
        ]
        store.replace_graph(graph, triples)
    return store


@pytest.fixture
def memory_store() -> Store:
    """An in-memory Oxigraph store holding the test dataset."""
    return fill(open_store("memory:"))


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[Store]:
    """An on-disk Oxigraph store (in tmp_path) holding the test dataset."""
    store = fill(open_store(f"oxigraph:{tmp_path / 'store'}"))
    yield store
    store.close()


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client() -> Iterator[ClientFactory]:
    """Factory: ``make_client(store, **settings)`` → a TestClient over create_app."""
    with ExitStack() as stack:

        def factory(store: Store, **overrides: Any) -> TestClient:
            settings = Settings(store=getattr(store, "spec", "memory:"), **overrides)
            app = create_app(settings, store)
            client = TestClient(app, raise_server_exceptions=False)
            return stack.enter_context(client)

        yield factory


@pytest.fixture(params=["memory", "oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def protocol_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The test dataset on each backend: in memory, on disk, and on Virtuoso when available."""
    if request.param == "memory":
        yield fill(open_store("memory:"))
        return
    if request.param == "oxigraph":
        store = fill(open_store(f"oxigraph:{tmp_path / 'store'}"))
        yield store
        store.close()
        return
    try:
        url = request.getfixturevalue("virtuoso_url")
    except pytest.FixtureLookupError:
        pytest.skip("no virtuoso_url fixture (tests/virtuoso_fixture.py)")
    spec = str(url) if str(url).startswith("sparql:") else f"sparql:{url}"
    store = fill(open_store(spec))
    yield store
    for graph in (GRAPH_A, GRAPH_B):
        store.drop_graph(graph)
    store.close()


@pytest.fixture
def client(protocol_store: Store, make_client: ClientFactory) -> TestClient:
    """A client over the app on each protocol backend, with default settings."""
    return make_client(protocol_store)


# --- the seed corpus ---------------------------------------------------------------------

ADMIN_TOKEN = "test-admin-token-0123"


@pytest.fixture(scope="session")
def seed_records(seed_paths: list[Path]) -> list[Any]:
    """The five seed documents extracted once (real loaders)."""
    from loaders.extract import extract_file

    return [extract_file(path) for path in seed_paths]


def seed_store(records: list[Any], spec: str = "memory:") -> Store:
    """A store loaded with ``records`` by the real graph loader."""
    from graph.load import load_records

    store = open_store(spec)
    load_records(store, records)
    return store


@pytest.fixture(scope="module")
def seed_client(seed_records: list[Any]) -> Iterator[TestClient]:
    """One read-only client over the seed corpus in memory, shared by a test module."""
    store = seed_store(seed_records)
    app = create_app(Settings(store="memory:"), store)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
