"""Policy-diffusion routes: instrument counts, adoption and indicator timelines (REST and pages),
the comparison page, and plotly.js served from its wheel.

REST (JSON; ``/instruments`` also CSV) over the named queries ``instrument_counts``,
``instrument_measures``, ``timeline_adoption`` and ``timeline_indicator``; pages under ``/ui``
drawing the same answers as charts (:mod:`visualizations.diffusion_pages`).
"""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import FileResponse, HTMLResponse, Response

from api import models
from api.errors import ApiError
from api.examples import json_example
from api.rest import named
from api.routes_compare import comparison_rows
from api.state import Service, ServiceState
from graph import timelines
from graph.compare import UnknownDocument, build_comparison
from graph.instruments import UNCLASSIFIED, sub_types
from visualizations import charts, diffusion_pages

By = Annotated[
    str,
    Query(
        pattern="^(level|region|year|document)$",
        description="Group the counts by the documents' level, region, year, or per document.",
    ),
]
InstrumentId = Annotated[
    str,
    Path(
        pattern=r"^[a-z-]+$",
        description="Instrument id, e.g. funding, regulation, demonstration, unclassified.",
        examples=["funding"],
    ),
]
OptionalText = Annotated[str | None, Query(max_length=200)]

COUNTS_EXAMPLE = {
    "by": "level",
    "columns": [{"id": "funding", "label": "资金投入", "side": "supply"}],
    "groups": [
        {
            "group": "province",
            "label": "省",
            "measures": 26,
            "counts": {"funding": 1},
            "sideShares": {"supply": 0.15, "environment": 0.66, "demand": 0.19},
        }
    ],
    "query": "/queries/instrument_counts",
}

_ZJ = "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85"
#: documented answers (real rows of the seed corpus, shortened)
MEASURES_EXAMPLE = {
    "instrument": "funding",
    "measures": [
        {
            "measure": _ZJ + "/measure/37",
            "doc": _ZJ,
            "docTitle": "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
            "path": "三.(二)",
            "sentence": "完善考核体系。……各级财政部门加强质量安全、质量发展专项经费的投入,为质量强市工作提供经费保障。",
            "instrument": "funding",
            "instrumentLabel": "资金投入",
            "cues": ["经费@119-121", "经费@134-136"],
        }
    ],
    "query": "/queries/instrument_measures",
}
ADOPTION_EXAMPLE = {
    "params": {"kind": "质量强"},
    "documents": [
        {
            "doc": _ZJ,
            "title": "2014年镇江市质量强市行动计划",
            "level": "city",
            "region": "https://w3id.org/policykg/region/321100",
            "regionLabel": "镇江市",
            "year": "2014",
            "docType": "通知",
        }
    ],
    "curve": {"city": [{"year": 2014, "adopted": 1}], "town": [{"year": 2016, "adopted": 1}]},
    "grid": {
        "years": ["2014", "2016", "unknown"],
        "rows": [{"region": None, "label": "镇江市", "level": "city", "counts": [1, 0, 0]}],
    },
    "query": "/queries/timeline_adoption",
}
INDICATOR_EXAMPLE = {
    "concept": "jiangsu-famous-brand",
    "series": [
        {
            "region": "https://w3id.org/policykg/region/321100",
            "label": "镇江市",
            "level": "city",
            "points": [
                {
                    "year": 2014,
                    "value": 138.0,
                    "valueMax": None,
                    "unit": "个",
                    "comparator": ">=",
                    "target": _ZJ + "/target/17",
                    "doc": _ZJ,
                    "sentence": "……新创和保有江苏名牌产品总数达138个以上;……",
                    "refines": "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123/target/7",
                    "refinesRegion": "江苏省",
                    "refinesYear": 2012,
                    "refinesValue": 900.0,
                    "basis": "concept-only",
                    "weaker": False,
                }
            ],
        }
    ],
    "query": "/queries/timeline_indicator",
}


async def _adoption_rows(state: ServiceState, params: dict[str, str | None]) -> list[Any]:
    """The rows of the named query ``timeline_adoption`` for these filters (no paging)."""
    filters: dict[str, Any] = dict(params)
    return (await named(state, "timeline_adoption", **filters)).rows


def adoption_params(
    kind: OptionalText = None,
    docType: OptionalText = None,  # noqa: N803 - the query parameter's name
    concept: OptionalText = None,
    instrument: OptionalText = None,
) -> dict[str, str | None]:
    """The adoption timeline's filters (FastAPI dependency of the route and the page)."""
    _known(instrument)
    return {"kind": kind, "docType": docType, "concept": concept, "instrument": instrument}


AdoptionParams = Annotated[dict[str, str | None], Depends(adoption_params)]


def _known(instrument: str | None) -> None:
    if instrument and instrument not in {*sub_types(), UNCLASSIFIED}:
        raise ApiError(400, "unknown instrument", {"instrument": instrument, "known": sub_types()})


def counts_answer(rows: list[dict[str, Any]], by: str) -> dict[str, Any]:
    """``instrument_counts`` rows as groups × instruments (the table the page draws)."""
    table = charts.instrument_table(rows, by)
    ids = [c["id"] for c in table["columns"]]
    return {
        "by": by,
        "columns": table["columns"],
        "groups": [
            {
                "group": r["group"],
                "label": r["label"],
                "measures": r["measures"],
                "counts": dict(zip(ids, r["counts"], strict=True)),
                "sideShares": r["sideShares"],
            }
            for r in table["rows"]
        ],
        "query": "/queries/instrument_counts",
    }


def counts_csv(answer: dict[str, Any]) -> str:
    """One line per group: group, label, measures, then one column per instrument."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    ids = [c["id"] for c in answer["columns"]]
    writer.writerow([answer["by"], "label", "measures", *ids])
    for g in answer["groups"]:
        writer.writerow([g["group"], g["label"], g["measures"], *(g["counts"][i] for i in ids)])
    return buffer.getvalue()


def make_diffusion_router() -> APIRouter:
    """REST routes and pages for instruments, timelines and the comparison page."""
    router = APIRouter(tags=["diffusion"])

    @router.get(
        "/instruments",
        summary="Measures per policy instrument, by level, region, year or document",
        description="Counts of measures using each instrument (supply / environment / demand "
        "sub-types, after Rothwell & Zegveld; a measure with several instruments counts under "
        "each) per group, with each group's measures and side shares (named query "
        "`instrument_counts`). `format=csv` for a spreadsheet.",
        responses={
            200: {
                "content": {
                    "application/json": {"example": COUNTS_EXAMPLE},
                    "text/csv": {"example": "\ufefflevel,label,measures,funding,…\r\n"},
                }
            }
        },
        response_model=models.InstrumentCounts,
    )
    async def get_instruments(
        state: Service,
        by: By = "level",
        instrument: OptionalText = None,
        level: OptionalText = None,
        region: OptionalText = None,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    ) -> dict[str, Any] | Response:
        _known(instrument)
        rows = (
            await named(
                state, "instrument_counts", by=by, instrument=instrument, level=level, region=region
            )
        ).rows
        answer = counts_answer(rows, by)
        if format == "csv":
            return Response(
                "\ufeff" + counts_csv(answer),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="instruments-{by}.csv"'},
            )
        return answer

    @router.get(
        "/instruments/{instrument}/measures",
        response_model=models.InstrumentMeasures,
        summary="The measures coded with one instrument, with the words that decided it",
        description="Each measure with its sentence and the cue words found (`cue@start-end`, "
        "offsets into the measure's text) (named query `instrument_measures`).",
        responses=json_example(MEASURES_EXAMPLE),
    )
    async def get_instrument_measures(
        instrument: InstrumentId,
        state: Service,
        doc: Annotated[str | None, Query(description="Only this document (id or IRI).")] = None,
        level: OptionalText = None,
    ) -> dict[str, Any]:
        _known(instrument)
        rows = (
            await named(state, "instrument_measures", instrument=instrument, doc=doc, level=level)
        ).rows
        return {
            "instrument": instrument,
            "measures": [
                {k: v for k, v in r.items() if k != "text"}
                | {"cues": (r.get("cues") or "").split()}
                for r in rows
            ],
            "query": "/queries/instrument_measures",
        }

    @router.get(
        "/timelines/adoption",
        response_model=models.Adoption,
        summary="When each region adopted a policy kind: documents, curve by level, grid",
        description="Documents whose title names a kind (质量强市 …), of a document type, with a "
        "target on an indicator or a measure using an instrument; the cumulative adoption "
        "curve by level (regions that adopted by each year) and the region × year grid "
        "(named query `timeline_adoption`). A document without a year counts under `unknown`.",
        responses=json_example(ADOPTION_EXAMPLE),
    )
    async def get_adoption(state: Service, params: AdoptionParams) -> dict[str, Any]:
        rows = await _adoption_rows(state, params)
        return {
            "params": {k: v for k, v in params.items() if v},
            "documents": rows,
            "curve": timelines.adoption_curve(rows),
            "grid": timelines.region_year_grid(rows),
            "query": "/queries/timeline_adoption",
        }

    @router.get(
        "/timelines/indicator",
        response_model=models.IndicatorTimeline,
        summary="The values of one indicator by region and year, with the cascade's links",
        description="One series per region (targets by year, value, unit, the higher target "
        "each refines and on what basis) (named query `timeline_indicator`).",
        responses=json_example(INDICATOR_EXAMPLE),
    )
    async def get_indicator_timeline(
        state: Service,
        concept: Annotated[str, Query(max_length=200, description="Indicator id or IRI.")],
        region: OptionalText = None,
    ) -> dict[str, Any]:
        rows = (await named(state, "timeline_indicator", concept=concept, region=region)).rows
        return {
            "concept": concept,
            "series": timelines.indicator_series(rows),
            "query": "/queries/timeline_indicator",
        }

    # ---- pages --------------------------------------------------------------------------------

    @router.get("/ui/instruments", include_in_schema=False)
    async def instruments_page(
        state: Service,
        by: By = "level",
        level: OptionalText = None,
        share: bool = False,
    ) -> HTMLResponse:
        rows = (await named(state, "instrument_counts", by=by, level=level)).rows
        return HTMLResponse(diffusion_pages.instruments_page(rows, by=by, level=level, share=share))

    @router.get("/ui/instruments/{instrument}", include_in_schema=False)
    async def instrument_measures_page(
        instrument: InstrumentId,
        state: Service,
        doc: OptionalText = None,
        level: OptionalText = None,
    ) -> HTMLResponse:
        _known(instrument)
        rows = (
            await named(state, "instrument_measures", instrument=instrument, doc=doc, level=level)
        ).rows
        texts = {str(r["measure"]): str(r.get("text") or "") for r in rows}
        return HTMLResponse(diffusion_pages.instrument_measures_page(instrument, rows, texts))

    @router.get("/ui/timelines/adoption", include_in_schema=False)
    async def adoption_page(state: Service, params: AdoptionParams) -> HTMLResponse:
        if not any(params.values()):
            params = {**params, "kind": "质量强"}  # the quality plans, 质量强省/市/县/镇
        rows = await _adoption_rows(state, params)
        return HTMLResponse(diffusion_pages.adoption_page(rows, params))

    @router.get("/ui/timelines/indicator", include_in_schema=False)
    async def indicator_page(
        state: Service, concept: Annotated[str, Query(max_length=200)] = "jiangsu-famous-brand"
    ) -> HTMLResponse:
        rows = (await named(state, "timeline_indicator", concept=concept)).rows
        return HTMLResponse(diffusion_pages.indicator_page(concept, rows))

    @router.get("/ui/compare", include_in_schema=False)
    async def compare_page(
        state: Service, a: OptionalText = None, b: OptionalText = None
    ) -> HTMLResponse:
        if not a or not b:
            return HTMLResponse(diffusion_pages.compare_page(None, a or "", b or ""))
        try:
            comparison = build_comparison(
                await comparison_rows(state, a, b), await comparison_rows(state, b, a)
            )
        except UnknownDocument as exc:
            html = diffusion_pages.compare_page(None, a, b, error=str(exc))
            return HTMLResponse(html, status_code=404)
        return HTMLResponse(diffusion_pages.compare_page(comparison, a, b))

    @router.get("/charts/static/plotly.min.js", include_in_schema=False)
    async def plotly_js() -> FileResponse:
        if not charts.PLOTLY_JS.is_file():
            raise ApiError(503, "plotly.js is missing: reinstall policykg (plotly==5.24.1)")
        return FileResponse(
            charts.PLOTLY_JS,
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    return router
