"""Fixtures for the loader tests: every seed extracted once."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_file
from loaders.record import PolicyDocument


@pytest.fixture(scope="session")
def seed_records(seed_paths: list[Path]) -> dict[str, PolicyDocument]:
    """Every seed extracted once: stem → record."""
    return {path.stem: extract_file(path) for path in seed_paths}
