"""Field-by-field comparison of an extracted record with a hand-written expected one.

Reusable by every test area: :func:`diff_items` compares two lists of dicts on chosen
keys and says what is missing and what is extra; :func:`diff_record` applies it to a
whole record (scalar fields, sections by path, references by identity).

Expected records may list ``known_misses``: values a careful reader sees but the extractor
is known not to find (each with a ``why``). They are reported, never silently dropped,
and do not fail the comparison.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

SCALAR_FIELDS: tuple[str, ...] = (
    "title",
    "plan_title",
    "doc_number",
    "issued",
    "published",
    "doc_type",
    "in_force",
    "repealed_by",
)
REFERENCE_KEYS: tuple[str, ...] = ("title", "doc_number", "issuer", "relation")


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass
class RecordDiff:
    """What differs between an expected and an actual record, as readable lines."""

    name: str = ""
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing is wrong, missing or extra (known misses allowed)."""
        return not (self.wrong or self.missing or self.extra)

    def __str__(self) -> str:
        lines = [f"{self.name}: {self.checked} values checked"]
        for title, items in (
            ("wrong", self.wrong),
            ("missing", self.missing),
            ("extra", self.extra),
            ("known misses", self.known),
        ):
            if items:
                lines.append(f"  {title}:")
                lines.extend(f"    - {item}" for item in items)
        return "\n".join(lines)


def project(item: dict[str, Any], keys: Sequence[str]) -> tuple[Any, ...]:
    """The values of ``keys`` in ``item`` as a hashable tuple."""
    return tuple(_show(item.get(k)) for k in keys)


def diff_items(
    label: str,
    expected: Iterable[dict[str, Any]],
    actual: Iterable[dict[str, Any]],
    keys: Sequence[str],
    diff: RecordDiff,
    known: Iterable[dict[str, Any]] = (),
) -> None:
    """Compare two lists of dicts as sets over ``keys``; record missing/extra in ``diff``."""
    want = {project(item, keys): item for item in expected}
    have = {project(item, keys): item for item in actual}
    allowed = {project(item, keys) for item in known}
    diff.checked += len(want)
    for key, item in want.items():
        if key not in have:
            diff.missing.append(f"{label} {_show({k: item.get(k) for k in keys})}")
    for key, item in have.items():
        if key not in want:
            shown = f"{label} {_show({k: item.get(k) for k in keys})}"
            if key in allowed:
                diff.known.append(
                    f"{shown} (listed as known miss, but found: update the expected file)"
                )
            else:
                diff.extra.append(shown)


def _heading_matches(expected: str, actual: str) -> bool:
    """A heading matches when the actual one begins with the expected one.

    Run-on text (a docx flattened to one line) has no mark where a heading stops, so the
    expected file holds the heading a reader sees and the extractor may run on past it.
    """
    return actual.startswith(expected)


def diff_sections(
    expected: list[dict[str, Any]],
    actual: list[dict[str, Any]],
    diff: RecordDiff,
    heading_matches: Callable[[str, str], bool] = _heading_matches,
) -> None:
    """Sections compared by path; headings by :func:`_heading_matches`."""
    have = {s["path"]: s for s in actual}
    want = {s["path"]: s for s in expected}
    diff.checked += 2 * len(want)
    for path, section in want.items():
        if path not in have:
            diff.missing.append(f"section {path} {section['heading']}")
        elif not heading_matches(section["heading"], have[path]["heading"]):
            diff.wrong.append(
                f"section {path} heading: expected {section['heading']!r}, got {have[path]['heading']!r}"
            )
    for path, section in have.items():
        if path not in want:
            diff.extra.append(f"section {path} {section['heading']}")


def diff_record(expected: dict[str, Any], actual: dict[str, Any], name: str = "") -> RecordDiff:
    """Compare a record's metadata, section paths and references with the expected ones."""
    diff = RecordDiff(name=name)
    known = expected.get("known_misses", [])
    known_by_field: dict[str, list[dict[str, Any]]] = {}
    for entry in known:
        known_by_field.setdefault(entry["field"], []).append(entry["value"])
        diff.known.append(f"{entry['field']} {_show(entry['value'])}: {entry['why']}")
    for key in SCALAR_FIELDS:
        if key not in expected:
            continue
        diff.checked += 1
        if expected[key] != actual.get(key):
            diff.wrong.append(
                f"{key}: expected {_show(expected[key])}, got {_show(actual.get(key))}"
            )
    if "issuers" in expected:
        diff.checked += 1
        if list(expected["issuers"]) != list(actual.get("issuers", [])):
            diff.wrong.append(
                f"issuers: expected {_show(expected['issuers'])}, got {_show(actual.get('issuers'))}"
            )
    if "sections" in expected:
        known_paths = {s["path"] for s in known_by_field.get("sections", [])}
        diff_sections(expected["sections"], actual.get("sections", []), diff)
        diff.extra = [
            e for e in diff.extra if not any(e.startswith(f"section {p} ") for p in known_paths)
        ]
    if "references" in expected:
        diff_items(
            "reference",
            expected["references"],
            actual.get("references", []),
            REFERENCE_KEYS,
            diff,
            known=known_by_field.get("references", []),
        )
    return diff
