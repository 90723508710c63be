"""Each seed's measures, agencies, targets, groups and region match what a careful reader wrote."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.record import PolicyDocument
from tests.diffing import RecordDiff, diff_items
from tests.facts.conftest import EXPECTED_DIR, expected_facts

STEMS = sorted(p.stem for p in EXPECTED_DIR.glob("*.json"))
AGENCY_KEYS = ("path", "role", "raw", "name", "type", "region")
TARGET_KEYS = ("value", "value_max", "unit", "comparator", "year", "concept")


def _agency_roles(measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"path": m["path"], "role": role, **a}
        for m in measures
        for role in ("lead", "participants", "responsible")
        for a in m[role]
    ]


def _without(items: list[dict[str, Any]], drop: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The list less the first item that agrees with ``drop`` on drop's keys."""
    if drop is None:
        return items
    for i, item in enumerate(items):
        if all(item.get(k) == v for k, v in drop.items()):
            return items[:i] + items[i + 1 :]
    return items


@pytest.mark.parametrize("stem", STEMS)
def test_seed_facts_match_expected(stem: str, extracted: dict[str, PolicyDocument]) -> None:
    doc = extracted[stem]
    want = expected_facts(stem)
    got = doc.to_json_dict()
    diff = RecordDiff(name=stem)

    region = {"region": doc.region, "region_code": doc.region_code, "level": doc.level}
    diff.checked += 1
    if region != want["region"]:
        diff.wrong.append(f"region {region} != {want['region']}")

    diff_items("measure", want["measures"], got["measures"], ("path", "title"), diff)
    want_roles, got_roles = _agency_roles(want["measures"]), _agency_roles(got["measures"])
    want_targets, got_targets = want["targets"], got["targets"]
    for miss in want.get("known_misses", []):
        pool = {"agency roles": (want_roles, got_roles), "targets": (want_targets, got_targets)}
        w, g = pool[miss["kind"]]
        still_missed = len(_without(g, miss["got"])) < len(g) if miss["got"] else True
        if miss["got"] is None:
            still_missed = len(_without(g, miss["expected"])) == len(g)
        if not still_missed:
            diff.wrong.append(f"known miss now fixed, update the expected file: {miss['why']}")
        w[:] = _without(w, miss["expected"])
        g[:] = _without(g, miss["got"])
        diff.known.append(f"{miss['kind']} {miss['expected']} ({miss['why']})")
    diff_items("agency", want_roles, got_roles, AGENCY_KEYS, diff)
    diff_items("target", want_targets, got_targets, TARGET_KEYS, diff)
    diff_items("group", want["groups"], got["groups"], ("name",), diff)
    for w, g in zip(want["groups"], got["groups"], strict=False):
        if w != g:
            diff.wrong.append(f"group {w['name']}: {g} != {w}")
    assert diff.ok, str(diff)


def test_province_has_26_measures_with_exact_agencies(extracted: dict[str, PolicyDocument]) -> None:
    doc = extracted["jiangsu_province_2012_action_plan"]
    assert len(doc.measures) == 26
    by_path = {m.path: m for m in doc.measures}
    m = by_path["二.(一).2"]
    assert [a.name for a in m.responsible] == [
        "江苏省监察厅",
        "江苏省质量技术监督局",
        "江苏省统计局",
    ]
    m = by_path["二.(四).2"]
    assert [a.name for a in m.participants][-5:] == [
        "南京海关",
        "江苏检验检疫局",
        "人行南京分行",
        "江苏保监局",
        "江苏省食品药品监督管理局",
    ]
    generic = by_path["二.(五).1"].participants[0]
    assert (generic.raw, generic.name, generic.type) == ("省有关部门", None, "generic")


def test_measure_offsets_point_at_their_text(extracted: dict[str, PolicyDocument]) -> None:
    for doc in extracted.values():
        for m in doc.measures:
            assert doc.text[m.start : m.end] == m.text
        for t in doc.targets:
            assert t.sentence and 0 <= t.start < t.end <= len(doc.text)
