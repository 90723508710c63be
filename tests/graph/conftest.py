"""Store fixtures for the graph tests: one contract, three backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.store import Store
from graph.stores import open_store
from ontology import terms

BACKENDS = ["memory", "oxigraph", pytest.param("sparql", marks=pytest.mark.virtuoso)]
#: kept between tests on the shared Virtuoso: reloading the schemes (25k triples) each time is slow
VOCABULARY_GRAPHS = {terms.GRAPH_ONTOLOGY, terms.GRAPH_SCHEMES}


def _open(kind: str, request: pytest.FixtureRequest, tmp_path) -> Store:
    if kind == "memory":
        return open_store("memory:")
    if kind == "oxigraph":
        return open_store(f"oxigraph:{tmp_path / 'store'}")
    endpoint = request.getfixturevalue("virtuoso_url")
    store = open_store(endpoint.spec)
    for graph in store.graphs():
        if graph not in VOCABULARY_GRAPHS:
            store.drop_graph(graph)
    return store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    """An empty store of each backend (the sparql one is a private Virtuoso on loopback)."""
    opened = _open(request.param, request, tmp_path)
    yield opened
    opened.close()


@pytest.fixture(params=BACKENDS)
def loaded_store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    """A store of each backend holding the three linked seed-like records."""
    from graph.load import load_records
    from tests.graph.records import seeds

    opened = _open(request.param, request, tmp_path)
    load_records(opened, seeds())
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def seed_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The seed corpus (data/corpus) loaded once per module, in memory and on disk."""
    from graph.load import load_paths
    from tests.conftest import SEED_DIR

    if request.param == "memory":
        opened = open_store("memory:")
    else:
        opened = open_store(f"oxigraph:{tmp_path_factory.mktemp('seeds') / 'store'}")
    load_paths(opened, [SEED_DIR])
    yield opened
    opened.close()
