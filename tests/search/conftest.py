"""Fixtures for the search tests: the bundled seed documents loaded by the real loader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.load import _gazetteer
from graph.mapping import map_document
from graph.search_entries import DocumentEntries, document_entries
from tests.live_server import serve
from tests.viz.conftest import (
    watched,  # noqa: F401 (a page that records errors and requests)
)


@pytest.fixture(scope="session")
def seed_records(seed_paths: list[Path]) -> list[Any]:
    """The five seed documents extracted once (real loaders)."""
    from loaders.extract import extract_file

    return [extract_file(path) for path in seed_paths]


@pytest.fixture(scope="session")
def seed_entries(seed_records: list[Any]) -> list[DocumentEntries]:
    """What the index should hold for each seed, derived straight from its mapped triples."""
    gazetteer = _gazetteer()
    return [document_entries(map_document(r, gazetteer).triples, gazetteer) for r in seed_records]


@pytest.fixture(scope="module")
def seed_server(seed_records: list[Any]) -> Iterator[str]:
    """The real app over the seeds, served by uvicorn on a free 127.0.0.1 port."""
    from api.app import create_app
    from api.settings import Settings
    from graph.load import load_records
    from graph.stores import open_store

    store = open_store("memory:")
    load_records(store, seed_records)
    app = create_app(Settings(query_workers=1), store=store)
    with serve(app, ready_path="/viz/static/viz.css") as base:
        yield base
    store.close()
