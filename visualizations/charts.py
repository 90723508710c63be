"""Charts for the policy-diffusion pages: instrument mix, adoption timelines, indicator
timelines — as Plotly figure specifications (plain JSON) drawn by plotly.js in the page.

plotly.js comes from the pinned ``plotly`` wheel, which ships ``package_data/plotly.min.js``
(the way vis-network comes from pyvis, :mod:`visualizations.render`): no npm, no CDN, served
by this server at :data:`PLOTLY_URL`. We use only that file, not plotly's Python figure API:
the figures here are small dicts, and the JSON is what the page needs. Each chart exports
itself as SVG or PNG in the browser (``Plotly.downloadImage``), for papers.

Every function is pure (rows of the named queries → figure / page context), so tests read
them without a server.

>>> fig = instrument_figure([{"group": "city", "groupLabel": "city", "instrument": "funding",
...     "instrumentLabel": "资金投入", "side": "supply", "measures": "3", "groupMeasures": "10"}])
>>> fig["data"][0]["name"], fig["data"][0]["x"], fig["layout"]["font"]["family"][:17]
('资金投入', [3], '"Noto Sans CJK SC')
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import plotly

from ontology import terms
from visualizations.render import FONT_FACE

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
PLOTLY_URL = "/charts/static/plotly.min.js"

Row = Mapping[str, Any]

#: instrument → colour: blues for the supply side, greens and ochres for the environment,
#: reds and purples for the demand side, grey for unclassified (one hue family per side so the
#: stacked bars read by side first)
INSTRUMENT_COLOURS = {
    "funding": "#08519c",
    "talent": "#3182bd",
    "technology": "#6baed6",
    "public-service": "#9ecae1",
    "planning": "#006d2c",
    "regulation": "#31a354",
    "standards": "#74c476",
    "finance": "#a1d99b",
    "tax": "#c7e9c0",
    "evaluation": "#8c6d31",
    "publicity": "#bd9e39",
    "strategy": "#e7cb94",
    "procurement": "#a50f15",
    "demonstration": "#de2d26",
    "market": "#756bb1",
    "unclassified": "#bdbdbd",
}
SIDE_COLOURS = {"supply": "#3182bd", "environment": "#31a354", "demand": "#de2d26"}
SIDE_LABELS = {"supply": "供给型", "environment": "环境型", "demand": "需求型"}
LEVEL_LABELS = {slug: zh for slug, zh, _en in terms.LEVELS}
LEVEL_COLOURS = {
    "national": "#7f0000",
    "province": "#d7301f",
    "city": "#fc8d59",
    "county": "#2b8cbe",
    "district": "#74a9cf",
    "town": "#238b45",
    "unknown": "#999999",
}
_LEVEL_ORDER = list(LEVEL_LABELS)


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": title, "x": 0.01},
        "font": {"family": FONT_FACE, "size": 13},
        "margin": {"l": 150, "r": 20, "t": 50, "b": 50},
        "legend": {"orientation": "h", "y": -0.15},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
    }
    layout.update(extra)
    return layout


def _year_layout(title: str, x_title: str, yaxis: dict[str, Any], height: int) -> dict[str, Any]:
    """A chart with years along the x axis, one tick a year."""
    return _layout(
        title,
        height=height,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        xaxis={"title": {"text": x_title}, "dtick": 1},
        yaxis=yaxis,
    )


def _int(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _group_label(row: Row, by: str) -> str:
    label = str(row.get("groupLabel") or row.get("group") or "unknown")
    return LEVEL_LABELS.get(label, label) if by == "level" else label


def _group_order(rows: list[Row], by: str) -> list[str]:
    groups = list(dict.fromkeys(str(r.get("group")) for r in rows))
    if by == "level":
        groups.sort(key=lambda g: _LEVEL_ORDER.index(g) if g in _LEVEL_ORDER else 99)
    return groups


def instrument_table(rows: Iterable[Row], by: str = "level") -> dict[str, Any]:
    """Counts as a table: one row per group, one column per instrument (scheme order), the
    group's measures, and the shares of each side among the group's instrument codings."""
    rows = list(rows)
    order = _group_order(rows, by)
    instruments: dict[str, dict[str, Any]] = {}
    cells: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        group, inst = str(row.get("group")), str(row.get("instrument"))
        instruments.setdefault(
            inst, {"id": inst, "label": row.get("instrumentLabel") or inst, "side": row.get("side")}
        )
        cells[group][inst] = _int(row.get("measures"))
        totals[group] = _int(row.get("groupMeasures"))
        labels[group] = _group_label(row, by)
    columns = sorted(instruments.values(), key=lambda i: list(INSTRUMENT_COLOURS).index(i["id"]))
    table = []
    for group in order:
        counts = [cells[group].get(c["id"], 0) for c in columns]
        by_side = {
            side: sum(n for n, c in zip(counts, columns, strict=True) if c["side"] == side)
            for side in SIDE_LABELS
        }
        codings = sum(by_side.values()) or 1
        table.append(
            {
                "group": group,
                "label": labels[group],
                "measures": totals[group],
                "counts": counts,
                "sideShares": {side: round(n / codings, 3) for side, n in by_side.items()},
            }
        )
    return {"columns": columns, "rows": table}


def instrument_figure(
    rows: Iterable[Row], by: str = "level", *, share: bool = False
) -> dict[str, Any]:
    """Stacked horizontal bars: measures per instrument in each group (``share``: divided by
    the group's measures, so groups of different size compare)."""
    table = instrument_table(rows, by)
    labels = [r["label"] for r in table["rows"]]
    data = []
    for i, column in enumerate(table["columns"]):
        values = [
            round(r["counts"][i] / r["measures"], 3) if share and r["measures"] else r["counts"][i]
            for r in table["rows"]
        ]
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": column["label"],
                "x": values,
                "y": labels,
                "marker": {"color": INSTRUMENT_COLOURS.get(column["id"], "#999")},
                "legendgroup": column["side"] or "none",
                "hovertemplate": "%{y} · " + column["label"] + ": %{x}<extra></extra>",
            }
        )
    axis = "措施占比（一项措施可用多种工具）" if share else "措施数（一项措施可用多种工具）"
    return {
        "data": data,
        "layout": _layout(
            "政策工具分布",
            barmode="stack",
            height=max(480, 110 + 34 * len(labels)),
            margin={"l": 150, "r": 20, "t": 50, "b": 60},
            legend={"orientation": "v", "x": 1.01, "y": 1, "traceorder": "grouped"},
            xaxis={"title": {"text": axis}},
            yaxis={"autorange": "reversed", "automargin": True, "type": "category", "dtick": 1},
        ),
    }


def side_figure(rows: Iterable[Row], by: str = "level") -> dict[str, Any]:
    """Shares of supply / environment / demand among each group's instrument codings."""
    table = instrument_table(rows, by)
    labels = [r["label"] for r in table["rows"]]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": zh,
            "x": [r["sideShares"][side] for r in table["rows"]],
            "y": labels,
            "marker": {"color": SIDE_COLOURS[side]},
            "hovertemplate": "%{y} · " + zh + ": %{x:.0%}<extra></extra>",
        }
        for side, zh in SIDE_LABELS.items()
    ]
    return {
        "data": data,
        "layout": _layout(
            "供给型 / 环境型 / 需求型 工具占比",
            barmode="stack",
            legend={"orientation": "h", "y": -0.15, "traceorder": "normal"},
            height=max(300, 110 + 34 * len(labels)),
            xaxis={"tickformat": ".0%", "range": [0, 1]},
            yaxis={"autorange": "reversed", "automargin": True, "type": "category", "dtick": 1},
        ),
    }


def adoption_figure(curve: Mapping[str, Sequence[Mapping[str, int]]], title: str) -> dict[str, Any]:
    """Cumulative adoption by level: regions that adopted by each year, one step line per level."""
    most = max((p["adopted"] for points in curve.values() for p in points), default=0)
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "line": {"shape": "hv", "color": LEVEL_COLOURS.get(level, "#999")},
            "name": LEVEL_LABELS.get(level, level),
            "x": [p["year"] for p in points],
            "y": [p["adopted"] for p in points],
            "hovertemplate": "%{x}: %{y} 个"
            + LEVEL_LABELS.get(level, level)
            + "级地区<extra></extra>",
        }
        for level, points in curve.items()
    ]
    return {
        "data": data,
        "layout": _year_layout(
            f"{title} · 累计采纳地区数",
            "年份",
            # whole regions: no 0.2 ticks when only a few adopted
            {"title": {"text": "已采纳地区（累计）"}, "rangemode": "tozero"}
            | ({"dtick": 1} if most <= 10 else {}),
            height=360,
        ),
    }


def grid_figure(grid: Mapping[str, Any], title: str) -> dict[str, Any]:
    """The region × year grid as a heat map (documents per region and year; 未知 = no year)."""
    years = [y if y != "unknown" else "未知" for y in grid["years"]]
    rows = grid["rows"]
    labels = [f"{r['label']}（{LEVEL_LABELS.get(r['level'], r['level'])}）" for r in rows]
    return {
        "data": [
            {
                "type": "heatmap",
                "x": years,
                "y": labels,
                "z": [r["counts"] for r in rows],
                "colorscale": [[0, "#f7f7f7"], [0.001, "#c6dbef"], [1, "#08306b"]],
                "xgap": 1,
                "ygap": 1,
                "hovertemplate": "%{y} · %{x}: %{z} 份<extra></extra>",
                "colorbar": {"title": {"text": "文件数"}},
            }
        ],
        "layout": _layout(
            f"{title} · 地区 × 年份",
            height=max(300, 80 + 18 * len(rows)),
            xaxis={"type": "category", "side": "top"},
            yaxis={"autorange": "reversed", "automargin": True, "type": "category"},
        ),
    }


def indicator_figure(series: Sequence[Mapping[str, Any]], title: str) -> dict[str, Any]:
    """Values of one indicator by year, one trace per region (coloured by level), with each
    cascade link drawn as a dashed grey segment from the higher target to the lower one."""
    data: list[dict[str, Any]] = []
    link_x: list[Any] = []
    link_y: list[Any] = []
    for entry in series:
        points = [p for p in entry["points"] if p["year"] is not None and p["value"] is not None]
        if not points:
            continue
        level = entry["level"]
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": f"{entry['label']}（{LEVEL_LABELS.get(level, level)}）",
                "x": [p["year"] for p in points],
                "y": [p["value"] for p in points],
                "marker": {"color": LEVEL_COLOURS.get(level, "#999"), "size": 9},
                "line": {"color": LEVEL_COLOURS.get(level, "#999"), "width": 1.5},
                "text": [p.get("unit") or "" for p in points],
                "hovertemplate": "%{x}: %{y} %{text}<extra>" + str(entry["label"]) + "</extra>",
            }
        )
        for p in points:
            if p["refinesYear"] is not None and p["refinesValue"] is not None:
                link_x += [p["refinesYear"], p["year"], None]
                link_y += [p["refinesValue"], p["value"], None]
    if link_x:
        data.insert(
            0,
            {
                "type": "scatter",
                "mode": "lines",
                "name": "目标分解（下级细化上级）",
                "x": link_x,
                "y": link_y,
                "line": {"color": "#888", "dash": "dot", "width": 1},
                "hoverinfo": "skip",
            },
        )
    return {
        "data": data,
        "layout": _year_layout(
            f"{title} · 各地目标值", "目标年份", {"title": {"text": "目标值"}}, height=420
        ),
    }


def diff_segments(
    a: str | None, b: str | None
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Both sentences cut into ``same`` / ``changed`` segments (character diff), so a page
    can highlight what the lower level rewrote.

    >>> left, right = diff_segments("推行首席质量官制度", "在名牌企业推行首席质量官制度")
    >>> [s["kind"] for s in right], right[0]["text"]
    (['changed', 'same'], '在名牌企业')
    """
    a, b = a or "", b or ""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[dict[str, str]] = []
    right: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "same" if tag == "equal" else "changed"
        if i2 > i1:
            left.append({"kind": kind, "text": a[i1:i2]})
        if j2 > j1:
            right.append({"kind": kind, "text": b[j1:j2]})
    return left, right
