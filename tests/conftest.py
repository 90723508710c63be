"""Fixtures shared by every test area: the bundled seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["tests.virtuoso_fixture"]

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "data" / "corpus"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The folder of bundled seed documents (``data/corpus``)."""
    return SEED_DIR


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five seed documents, sorted by name."""
    return sorted(SEED_DIR.glob("*.txt"))
