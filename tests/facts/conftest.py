"""Fixtures for the facts tests: each seed extracted once through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from loaders.extract import extract_file
from loaders.record import PolicyDocument

EXPECTED_DIR = Path(__file__).resolve().parent.parent / "expected" / "facts"


@pytest.fixture(scope="session")
def extracted(seed_paths: list[Path]) -> dict[str, PolicyDocument]:
    """Every seed document run through ``extract_file``, keyed by file stem."""
    return {path.stem: extract_file(path) for path in seed_paths}


def expected_facts(stem: str) -> dict[str, Any]:
    """The hand-checked facts of one seed (tests/expected/facts/<stem>.json)."""
    data: dict[str, Any] = json.loads((EXPECTED_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    return data
