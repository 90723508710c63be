"""A policykg server over real HTTP with the data the W3C SPARQL 1.1 Protocol tests assume.

The W3C protocol tests (``data-sparql11/protocol/manifest.ttl``, described case by case in the
Working Group's validator notes) expect graphs ``data0`` … ``data3`` whose names are also
subjects typed ``foaf:Document``; here they live under a policykg test namespace. Each module
gets one server (uvicorn on a free loopback port) over an in-memory store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from api.app import create_app
from api.settings import Settings
from graph.stores import open_store
from tests.live_server import serve

DATA = "https://w3id.org/policykg/test/w3c/"
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TOKEN = "w3c-protocol-token-42"


def data_graph(n: int) -> str:
    """The IRI of test graph ``data{n}`` (also the subject described in it)."""
    return f"{DATA}data{n}.rdf"


def fill_w3c(store: Any) -> Any:
    """Put ``data0`` … ``data3`` into ``store``: each names itself a foaf:Document."""
    for n in range(4):
        iri = ox.NamedNode(data_graph(n))
        store.replace_graph(
            iri.value,
            [
                ox.Triple(iri, ox.NamedNode(RDF_TYPE), ox.NamedNode(FOAF_DOCUMENT)),
                ox.Triple(iri, ox.NamedNode(DCTERMS_TITLE), ox.Literal(f"数据{n}", language="zh")),
            ],
        )
    return store


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """``http://127.0.0.1:PORT/sparql`` of a read-only server over the W3C test data."""
    store = fill_w3c(open_store("memory:"))
    app = create_app(Settings(store="memory:"), store)
    with serve(app) as base:
        yield base + "/sparql"


@pytest.fixture(scope="module")
def update_endpoint() -> Iterator[str]:
    """``…/sparql`` of a server that takes updates with :data:`TOKEN`."""
    store = fill_w3c(open_store("memory:"))
    app = create_app(Settings(store="memory:", admin_token=TOKEN), store)
    with serve(app) as base:
        yield base + "/sparql"


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    """A plain HTTP client (no redirects followed silently)."""
    with httpx.Client(timeout=60) as client:
        yield client
