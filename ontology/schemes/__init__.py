"""The controlled vocabularies policykg ships as plain data files, read without rdflib.

- ``agency_types.json`` — agency types (质量技术监督, 发展改革 …) with Chinese and English labels,
  abbreviations and the full name each type takes after a region name.
- ``indicators.json`` — recurring quality indicators (江苏名牌, 监督抽查合格率 …) with the phrase
  patterns that let a target be mapped to one.
- ``regions.csv`` — a GB/T 2260 gazetteer (province, city, county/district) plus town names seen
  in the documents. Generated from the MIT-licensed ``cpca`` 0.5.5 data file (adcodes.csv,
  2020 codes); see README.md beside this file.

The loaders layer reads these through the functions below; the ontology layer turns them into
SKOS. Results are cached because the files never change while the process runs.

>>> agency_types()["quality-supervision"]["prefLabel"]["en"]
'Quality and Technical Supervision Bureau'
>>> regions_by_code()["320412"].name
'武进区'
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SCHEME_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Region:
    """One gazetteer entry: GB/T 2260 code (empty for towns), name, level, parent code."""

    code: str
    name: str
    level: str
    parent: str
    short: str
    abbr: str


@cache
def _agency_scheme() -> dict[str, Any]:
    with (SCHEME_DIR / "agency_types.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def agency_types() -> dict[str, dict[str, Any]]:
    """Agency types by id; each has prefLabel {zh, en}, stems, aliases and fullName."""
    return {t["id"]: t for t in _agency_scheme()["types"]}


@cache
def agency_suffixes() -> tuple[str, ...]:
    """Name endings of agencies (委员会, 分局, 部门, 局 …), longest first."""
    return tuple(sorted(_agency_scheme()["suffixes"], key=len, reverse=True))


@cache
def _indicator_scheme() -> dict[str, Any]:
    with (SCHEME_DIR / "indicators.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def indicators() -> list[dict[str, Any]]:
    """Indicator concepts in matching order (specific before general)."""
    return list(_indicator_scheme()["concepts"])


@cache
def regions() -> tuple[Region, ...]:
    """Every gazetteer entry, national first, then by code; towns last."""
    with (SCHEME_DIR / "regions.csv").open(encoding="utf-8", newline="") as f:
        return tuple(Region(**row) for row in csv.DictReader(f))


@cache
def regions_by_code() -> dict[str, Region]:
    """Gazetteer entries that have a GB/T 2260 code, keyed by it."""
    return {r.code: r for r in regions() if r.code}


def region_parent(region: Region) -> Region | None:
    """The entry one level up (武进区 → 常州市), or ``None`` for the country."""
    return regions_by_code().get(region.parent)
