"""Adoption and indicator timelines from the rows of the named queries ``timeline_adoption``
and ``timeline_indicator``: pure functions, so the REST routes, the CLI and the pages show
the same figures.

A region *adopts* a policy kind in the year of its first document of that kind; the cumulative
adoption curve counts, per level and year, the regions that have adopted by then. The region ×
year grid counts documents per region and year. A document without a year (the anonymised
XX县 template says 20XX) is counted under ``unknown`` in the grid and left out of the curve:
its adoption year is unknown, not the first or the last one.

>>> rows = [
...     {"doc": "a", "region": "r1", "regionLabel": "镇江市", "level": "city", "year": "2014"},
...     {"doc": "b", "region": "r2", "regionLabel": "常州市", "level": "city", "year": "2016"},
...     {"doc": "c", "region": "r1", "regionLabel": "镇江市", "level": "city", "year": "2016"},
...     {"doc": "d", "region": None, "regionLabel": None, "level": "county", "year": None},
... ]
>>> adoption_curve(rows)["city"]
[{'year': 2014, 'adopted': 1}, {'year': 2016, 'adopted': 2}]
>>> grid = region_year_grid(rows)
>>> grid["years"], grid["rows"][0]["counts"]
(['2014', '2016', 'unknown'], [1, 1, 0])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

Row = Mapping[str, Any]
UNKNOWN = "unknown"
LEVEL_ORDER = ("national", "province", "city", "county", "district", "town", UNKNOWN)


def _year(row: Row) -> int | None:
    text = str(row.get("year") or "")
    return int(text) if text.isdigit() and len(text) == 4 else None


def _region(row: Row) -> str:
    """The region a document speaks for; a document naming none is its own unknown region
    (two unnamed districts are not one region)."""
    return str(row.get("region") or f"{UNKNOWN}:{row.get('doc')}")


def adoption_curve(rows: Iterable[Row]) -> dict[str, list[dict[str, int]]]:
    """Per level: ``[{year, adopted}]``, the number of regions that adopted by each year."""
    first: dict[tuple[str, str], int] = {}
    for row in rows:
        year = _year(row)
        if year is None:
            continue
        key = (str(row.get("level") or UNKNOWN), _region(row))
        first[key] = min(year, first.get(key, year))
    by_level: dict[str, list[int]] = defaultdict(list)
    for (level, _region_key), year in first.items():
        by_level[level].append(year)
    curve: dict[str, list[dict[str, int]]] = {}
    for level in sorted(by_level, key=_level_rank):
        years = sorted(by_level[level])
        points, total = [], 0
        for year in sorted(set(years)):
            total += years.count(year)
            points.append({"year": year, "adopted": total})
        curve[level] = points
    return curve


def _level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def region_year_grid(rows: Iterable[Row]) -> dict[str, Any]:
    """Documents per region (rows, by level then first year) and year (columns, ``unknown`` last)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    meta: dict[str, dict[str, Any]] = {}
    for row in rows:
        region = _region(row)
        year = _year(row)
        counts[region][str(year) if year else UNKNOWN] += 1
        meta.setdefault(
            region,
            {
                "region": row.get("region"),
                "label": row.get("regionLabel") or row.get("title") or UNKNOWN,
                "level": row.get("level") or UNKNOWN,
            },
        )
    years = sorted({y for c in counts.values() for y in c if y != UNKNOWN})
    if any(UNKNOWN in c for c in counts.values()):
        years.append(UNKNOWN)

    def order(region: str) -> tuple[int, str, str]:
        known = [y for y in counts[region] if y != UNKNOWN]
        return (_level_rank(meta[region]["level"]), min(known) if known else "9999", region)

    return {
        "years": years,
        "rows": [
            {**meta[r], "counts": [counts[r].get(y, 0) for y in years]}
            for r in sorted(counts, key=order)
        ],
    }


def indicator_series(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """One series per region: its targets' values by year (rows of ``timeline_indicator``),
    each point with the higher target it refines, if any."""
    series: dict[str, dict[str, Any]] = {}
    for row in rows:
        region = _region(row)
        entry = series.setdefault(
            region,
            {
                "region": row.get("region"),
                "label": row.get("regionLabel") or UNKNOWN,
                "level": row.get("level") or UNKNOWN,
                "points": [],
            },
        )
        entry["points"].append(
            {
                "year": _year(row),
                "value": _number(row.get("value")),
                "valueMax": _number(row.get("valueMax")),
                "unit": row.get("unit"),
                "comparator": row.get("comparator"),
                "target": row.get("target"),
                "doc": row.get("doc"),
                "sentence": row.get("sentence"),
                "refines": row.get("refines"),
                "refinesRegion": row.get("refinesRegionLabel"),
                "refinesYear": _year({"year": row.get("refinesYear")}),
                "refinesValue": _number(row.get("refinesValue")),
                "basis": row.get("basis"),
                "weaker": str(row.get("weaker")).lower() == "true",
            }
        )
    for entry in series.values():
        entry["points"].sort(key=lambda p: (p["year"] is None, p["year"] or 0))
    return sorted(series.values(), key=lambda s: (_level_rank(s["level"]), str(s["label"])))


def _number(text: Any) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except (TypeError, ValueError):
        return None
