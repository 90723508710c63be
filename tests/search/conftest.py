"""Fixtures for the search tests: the bundled seed documents loaded by the real loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.load import _gazetteer
from graph.mapping import map_document
from graph.search_entries import DocumentEntries, document_entries


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
