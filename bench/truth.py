"""Score what ``loaders.extract`` finds in generated documents against the generator's truth.

A measure matches when its section path matches; a target matches when concept, value,
value_max, unit and comparator all agree. Agencies are compared by their written form with
the level prefix (省/市/县/区/镇) removed, as a researcher would read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LEVEL_PREFIXES = ("省", "市", "县", "区", "镇", "州")


def truth_path(doc_path: Path) -> Path:
    """The ground-truth JSON for a generated ``.txt`` file."""
    return doc_path.parent.with_name(doc_path.parent.name + ".truth") / (doc_path.stem + ".json")


def load_truth(doc_path: Path) -> dict[str, Any]:
    """Read the ground truth of one generated file."""
    data: dict[str, Any] = json.loads(truth_path(doc_path).read_text(encoding="utf-8"))
    return data


def agency_key(raw: str | None) -> str:
    """``省质监局`` → ``质监局``: the written form without the level character."""
    raw = raw or ""
    return raw[1:] if raw[:1] in LEVEL_PREFIXES and len(raw) > 2 else raw


def target_key(t: dict[str, Any]) -> tuple[Any, ...]:
    """What must agree for two targets to be the same target."""

    def num(v: Any) -> float | None:
        return None if v is None else round(float(v), 3)

    return (
        t.get("concept"),
        num(t.get("value")),
        num(t.get("value_max")),
        t.get("unit"),
        t.get("comparator"),
    )


@dataclass
class Score:
    """Counts of expected, found and matched facts of one kind."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: list[Any], found: list[Any], label: str) -> None:
        """Add one document's facts (multisets of comparable keys)."""
        self.expected += len(expected)
        self.found += len(found)
        pool = list(found)
        for item in expected:
            if item in pool:
                pool.remove(item)
                self.matched += 1
            elif len(self.misses) < 20:
                self.misses.append(
                    item if isinstance(item, str) and label in item else f"{label}: missing {item}"
                )

    @property
    def recall(self) -> float:
        """Matched over expected."""
        return self.matched / self.expected if self.expected else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Precision/recall/F1 as a JSON-ready dict."""
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.expected if self.expected else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "expected": self.expected,
            "found": self.found,
            "matched": self.matched,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
        }


def compare(record: dict[str, Any], truth: dict[str, Any], scores: dict[str, Score]) -> None:
    """Add one extracted record (``to_json_dict`` form) and its truth to ``scores``."""
    label = truth["file"]
    rejected = [f"{label}: {record['rejected']}"] if "rejected" in record else []
    scores.setdefault("rejected", Score()).add(rejected, [], label)
    if rejected:
        return  # facts are scored on accepted files; rejections are counted on their own
    scores.setdefault("targets", Score()).add(
        [target_key(t) for t in truth["targets"]],
        [target_key(t) for t in record.get("targets", [])],
        label,
    )
    scores.setdefault("measures", Score()).add(
        [m["path"] for m in truth["measures"]],
        [m["path"] for m in record.get("measures", [])],
        label,
    )
    found_roles = {m["path"]: m for m in record.get("measures", [])}
    for role in ("lead", "participants", "responsible"):
        expected, found = [], []
        for m in truth["measures"]:
            expected += [(m["path"], agency_key(a["raw"])) for a in m[role]]
            got = found_roles.get(m["path"], {})
            found += [(m["path"], agency_key(a.get("raw"))) for a in got.get(role, [])]
        scores.setdefault(f"agencies_{role}", Score()).add(expected, found, label)
    for key in ("doc_number", "level"):
        scores.setdefault(key, Score()).add([truth[key]], [record.get(key)], label)
