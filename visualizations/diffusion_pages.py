"""The policy-diffusion pages: instrument mix, adoption and indicator timelines, and two
documents side by side. Pure functions from named-query rows (and :mod:`graph.timelines`,
:mod:`graph.compare` answers) to HTML; the routes are in ``api/routes_diffusion.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, urlencode

from graph import timelines
from graph.instruments import scheme, sub_types
from ontology.schemes import indicators
from visualizations import charts
from visualizations.render import Assets, asset_context, environment

Row = Mapping[str, Any]
GROUPINGS = (("level", "层级"), ("region", "地区"), ("year", "年份"), ("document", "文件"))
KINDS = {"copied": "照搬", "adapted": "改写", "only in a": "仅 A", "only in b": "仅 B"}
CHANGES = {
    "raised": "提高",
    "cut": "降低",
    "kept": "不变",
    "not comparable": "不可比",
    "dropped": "B 未设",
    "added": "B 新设",
}
RELATIONS = {
    "b follows a": "B 落实 A（按已存储的措施承接）",
    "a follows b": "A 落实 B（按已存储的措施承接）",
    "peers": "平级文件（相似度当场计算）",
}


def _render(template: str, **context: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(**asset_context(Assets()), plotly_url=charts.PLOTLY_URL, **context)
    )


def doc_url(iri: str | None) -> str:
    """The document page of an IRI (``/ui/documents/<id>``)."""
    slug = (iri or "").rsplit("/doc/", 1)[-1]
    return f"/ui/documents/{quote(slug, safe='%-_.~')}"


def instrument_choices() -> list[tuple[str, str]]:
    """(id, 中文 label) of every sub-type and unclassified, in the scheme's order."""
    known = scheme()
    return [(i, str(known[i]["zh"])) for i in [*sub_types(), "unclassified"]]


def indicator_choices() -> list[tuple[str, str]]:
    """(id, 中文 label) of every indicator concept."""
    out = []
    for item in indicators():
        label = item.get("prefLabel") or {}
        out.append((str(item["id"]), str(label.get("zh") if isinstance(label, dict) else label)))
    return out


def instruments_page(rows: Iterable[Row], *, by: str, level: str | None, share: bool) -> str:
    """Stacked bars of instruments per group, the side shares, and the counts table."""
    rows = list(rows)
    table = charts.instrument_table(rows, by)
    for row in table["rows"]:
        # the measures behind a count: narrowed to the document or level of the row (by region
        # or year the list shows every measure of the instrument)
        narrow = {"document": "doc", "level": "level"}.get(by)
        row["filter"] = f"?{urlencode({narrow: row['group']})}" if narrow else ""
    params = {k: v for k, v in {"by": by, "level": level}.items() if v}
    return _render(
        "instruments.html",
        by=by,
        by_label=dict(GROUPINGS)[by],
        level=level or "",
        share=share,
        groupings=GROUPINGS,
        levels=[(k, v) for k, v in charts.LEVEL_LABELS.items()],
        table=table,
        figure=charts.instrument_figure(rows, by, share=share),
        side_figure=charts.side_figure(rows, by),
        json_url=f"/instruments?{urlencode(params)}",
        csv_url=f"/instruments?{urlencode({**params, 'format': 'csv'})}",
    )


def cue_segments(text: str, cues: str | None) -> list[dict[str, Any]]:
    """The measure's text cut at its cues (``"经费@12-14 补贴@30-32"``, offsets into the
    text), so the page can mark the words that decided the code.

    >>> [s["text"] for s in cue_segments("安排质量经费", "经费@4-6") if s["cue"]]
    ['经费']
    """
    spans: list[tuple[int, int]] = []
    for cue in (cues or "").split():
        _word, _, offsets = cue.rpartition("@")
        first, _, last = offsets.partition("-")
        if first.isdigit() and last.isdigit():
            spans.append((int(first), int(last)))
    out: list[dict[str, Any]] = []
    at = 0
    for start, end in sorted(set(spans)):
        if start < at or end > len(text):
            continue
        if start > at:
            out.append({"text": text[at:start], "cue": False})
        out.append({"text": text[start:end], "cue": True})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "cue": False})
    return out


def instrument_measures_page(instrument: str, rows: Iterable[Row], texts: Mapping[str, str]) -> str:
    """The measures using one instrument, their cue words highlighted in the measure's text."""
    shown = []
    for row in rows:
        text = texts.get(str(row["measure"])) or str(row.get("sentence") or "")
        shown.append(
            {
                **row,
                "docUrl": doc_url(row.get("doc")),
                "segments": cue_segments(text, row.get("cues")),
            }
        )
    label = str(scheme().get(instrument, {}).get("zh") or instrument)
    return _render(
        "instrument_measures.html",
        label=label,
        rows=shown,
        json_url=f"/instruments/{quote(instrument)}/measures",
    )


def adoption_page(rows: Iterable[Row], params: Mapping[str, str | None]) -> str:
    """The cumulative adoption curve by level, the region × year grid and the documents."""
    rows = list(rows)
    title = adoption_title(params)
    documents = [
        {
            **r,
            "docUrl": doc_url(r.get("doc")),
            "levelLabel": charts.LEVEL_LABELS.get(str(r.get("level")), r.get("level")),
        }
        for r in rows
    ]
    given = {k: v for k, v in params.items() if v}
    return _render(
        "adoption.html",
        title=title,
        params=dict(params),
        indicators=indicator_choices(),
        instruments=instrument_choices(),
        documents=documents,
        curve_figure=charts.adoption_figure(timelines.adoption_curve(rows), title),
        grid_figure=charts.grid_figure(timelines.region_year_grid(rows), title),
        json_url=f"/timelines/adoption?{urlencode(given)}",
    )


def adoption_title(params: Mapping[str, str | None]) -> str:
    """What the adoption timeline is of, in words: 质量强市 · 实施方案 · 指标 … · 工具 …"""
    parts = [p for p in (params.get("kind"), params.get("docType")) if p]
    if params.get("concept"):
        parts.append(
            "指标 " + dict(indicator_choices()).get(str(params["concept"]), str(params["concept"]))
        )
    if params.get("instrument"):
        parts.append(
            "工具 "
            + dict(instrument_choices()).get(str(params["instrument"]), str(params["instrument"]))
        )
    return " · ".join(parts) or "全部文件"


def _value_text(row: Row) -> str:
    value, top, unit = row.get("value"), row.get("valueMax"), row.get("unit") or ""
    comparator = {">=": "≥", "<=": "≤", "about": "约", "relative": "相对"}.get(
        str(row.get("comparator")), ""
    )
    if value is None:
        return comparator or "—"
    return f"{comparator}{value}{'–' + str(top) if top else ''}{unit}"


def indicator_page(concept: str, rows: Iterable[Row]) -> str:
    """The values of one indicator by region and year, with the cascade's links."""
    rows = list(rows)
    title = dict(indicator_choices()).get(concept, concept)
    targets = [
        {
            **r,
            "levelLabel": charts.LEVEL_LABELS.get(str(r.get("level")), r.get("level")),
            "valueText": _value_text(r),
        }
        for r in rows
    ]
    return _render(
        "indicator_timeline.html",
        title=title,
        concept=concept,
        indicators=indicator_choices(),
        targets=targets,
        figure=charts.indicator_figure(timelines.indicator_series(rows), title),
        json_url=f"/timelines/indicator?{urlencode({'concept': concept})}",
    )


def _target_text(side: Mapping[str, Any] | None) -> str:
    if not side:
        return "—"
    text = _value_text(side)
    return f"{text}（{side['year']}）" if side.get("year") else text


def compare_page(
    comparison: Mapping[str, Any] | None, a: str, b: str, error: str | None = None
) -> str:
    """Two documents in parallel columns: aligned measures with their differences marked,
    targets per indicator, owning agency types, references; a CSV export link."""
    c: dict[str, Any] | None = None
    if comparison is not None:
        c = dict(comparison)
        for key in ("a", "b"):
            side = dict(c[key])
            side["url"] = doc_url(side.get("doc"))
            side["levelLabel"] = charts.LEVEL_LABELS.get(
                str(side.get("level")), side.get("level") or "未知"
            )
            c[key] = side
        measures = []
        for m in c["measures"]:
            left, right = charts.diff_segments(
                (m.get("a") or {}).get("sentence"), (m.get("b") or {}).get("sentence")
            )
            # copied: mark the few words the lower level changed; adapted: mark the wording
            # both kept (runs of 3+ characters), the rest differs anyway
            for seg in (*left, *right):
                if m.get("kind") == "copied":
                    seg["mark"] = "changed" if seg["kind"] == "changed" else ""
                elif m.get("a") and m.get("b"):
                    seg["mark"] = (
                        "shared" if seg["kind"] == "same" and len(seg["text"]) >= 3 else ""
                    )
                else:
                    seg["mark"] = ""
            measures.append({**m, "left": left, "right": right})
        c["measures"] = measures
        c["targets"] = [
            {**t, "aText": _target_text(t.get("a")), "bText": _target_text(t.get("b"))}
            for t in c["targets"]
        ]
    query = urlencode({"a": a, "b": b})
    return _render(
        "compare.html",
        c=c,
        a_id=a,
        b_id=b,
        error=error,
        kinds=KINDS,
        changes=CHANGES,
        relation_label=RELATIONS.get(str((c or {}).get("relation")), ""),
        csv_url=f"/compare?{query}&format=csv",
        json_url=f"/compare?{query}",
    )
