"""Fixtures shared by every test area: the bundled seed documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium through playwright, ONE for the whole session: playwright's
    sync API runs one instance per thread, so a second fixture starting its own while this one
    is open fails ("Playwright Sync API inside the asyncio loop"). Every browser test uses this
    one (skipped with a reason when Chromium is absent, failed under CI)."""
    from tests.viz.conftest import CHROMIUM, CHROMIUM_ARGS, _chromium_or_skip

    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
