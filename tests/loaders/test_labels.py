"""The hand-read metadata labels cover the fixed split and say every field (null when unstated)."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.record import LEVELS

LABELS = Path(__file__).resolve().parents[2] / "data" / "labels"
FIELDS = {
    "title",
    "plan_title",
    "doc_number",
    "issuers",
    "issued",
    "published",
    "doc_type",
    "level",
    "region",
    "region_code",
    "in_force",
    "draft",
}


def test_every_document_of_the_split_is_labelled_with_every_field() -> None:
    split = json.loads((LABELS / "split.json").read_text(encoding="utf-8"))
    labels = json.loads((LABELS / "metadata" / "labels.json").read_text(encoding="utf-8"))
    documents = labels["documents"]
    assert set(documents) == set(split["tuning"]) | set(split["scoring"])
    assert len(split["scoring"]) >= 20 and len(documents) >= 40
    for path, label in documents.items():
        assert FIELDS <= set(label), path
        assert label["level"] in LEVELS, path
        assert label["region"] is None or label["level"] != "national", path
        assert isinstance(label["issuers"], list), path
