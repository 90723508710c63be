"""Every held-out local plan loads: real captures with text are never rejected (issue 16).

A behaviour check, not a score: the held-out set (``data/heldout``) is blind, so this test asks
only that ``policykg load`` accepts every excerpt, whatever it makes of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_file

TEXTS = Path(__file__).resolve().parents[2] / "data" / "heldout" / "local" / "texts"
PATHS = sorted(TEXTS.glob("*.txt"))


def test_the_held_out_set_is_there() -> None:
    assert len(PATHS) >= 20


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_a_held_out_text_loads_without_reject(path: Path) -> None:
    record = extract_file(path)  # raises RejectedDocument on a reject
    assert record.text.strip()
