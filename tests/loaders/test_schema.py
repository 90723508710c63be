"""Every seed's record validates against the published JSON Schema (docs/record.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from loaders.record import PolicyDocument

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "record.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_seed_record_is_valid(
    seed_records: dict[str, PolicyDocument], validator: jsonschema.Draft202012Validator
) -> None:
    for stem, doc in seed_records.items():
        errors = [
            f"{'/'.join(map(str, e.path))}: {e.message}"
            for e in validator.iter_errors(doc.to_json_dict())
        ]
        assert not errors, f"{stem}: {errors}"


def test_schema_rejects_a_broken_record(
    seed_records: dict[str, PolicyDocument], validator: jsonschema.Draft202012Validator
) -> None:
    data = next(iter(seed_records.values())).to_json_dict()
    data["issued"] = "21 June 2012"
    data["references"] = [
        {
            "title": None,
            "doc_number": None,
            "issuer": None,
            "relation": "mentions",
            "sentence": "",
            "start": 0,
            "end": 1,
        }
    ]
    assert not validator.is_valid(data)
