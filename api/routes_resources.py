"""Agencies, measures, targets, indicators and their cascades, regions, and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api import examples, models, search
from api.errors import ApiError
from api.rest import Limit, Offset, named
from api.shape import agency_id, agency_role, doc_id, listing, paged, typed, with_evidence
from api.state import Service, ServiceState
from graph import fulltext
from graph.errors import ParameterError
from graph.regions import LEVEL_RANK
from graph.search_entries import KINDS
from ontology import terms

ROLES = ("lead", "participating", "responsible")
LEVELS = ("national", "province", "city", "county", "district", "town", "unknown")


def _agency_row(row: dict[str, Any]) -> dict[str, Any]:
    out = typed(row)
    out["id"] = agency_id(row.get("agency"))
    return out


async def _resolve_agency(state: ServiceState, key: str) -> dict[str, Any]:
    """An agency by IRI, by its path under …/agency/, or by its full name (most measures
    first when several agencies share a name). Agencies that only issue documents (no
    measures) are found by IRI or path."""
    iri = key if key.startswith(("http://", "https://")) else terms.AGENCY_BASE + key
    for candidate in dict.fromkeys((iri, _quote_path(iri))):
        # one agency's own roles (agency_detail), not the GROUP BY over every agency
        try:
            found = (await named(state, "agency_detail", agency=candidate)).rows
        except ParameterError:
            continue  # not an IRI: perhaps a name
        if found:
            return _agency_row(found[0])
    if "/" not in key.removeprefix(terms.AGENCY_BASE):
        rows = [_agency_row(r) for r in (await named(state, "agencies")).rows]
        named_so = [r for r in rows if r.get("label") == key]
        if named_so:
            return max(named_so, key=lambda r: (r.get("lead") or 0) + (r.get("responsible") or 0))
    else:
        issued = await named(state, "issued_documents", limit=1, agency=_quote_path(iri))
        if issued.rows:
            return {"agency": _quote_path(iri), "id": agency_id(_quote_path(iri)), "label": None}
    raise ApiError(404, "no such agency", {"agency": key})


def _quote_path(iri: str) -> str:
    """Agency IRIs percent-encode Chinese names (…/agency/320000/%E6%B1%9F…)."""
    from urllib.parse import quote

    return quote(iri, safe=":/%#?=&~.-_")


def make_resources_router() -> APIRouter:
    """The agency, measure, target, indicator, region and search routes."""
    router = APIRouter()

    @router.get(
        "/agencies",
        response_model=models.AgencyPage,
        tags=["agencies"],
        summary="List the agencies with how many measures they lead, join or answer for",
        description="Named query `agencies`.",
        responses={200: {"content": {"application/json": {"example": examples.AGENCIES}}}},
    )
    async def list_agencies(
        state: Service,
        region: Annotated[
            str | None, Query(description="Region IRI or GB/T 2260 code, e.g. 320000.")
        ] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        answer = await named(state, "agencies", limit=limit, offset=offset, region=region)
        items = [_agency_row(r) for r in answer.rows]
        return paged(answer, items, limit=limit, offset=offset, query="agencies")

    @router.get(
        "/agencies/{agency:path}",
        response_model=models.Agency,
        tags=["agencies"],
        summary="One agency: its measures by role across all documents, and the documents "
        "it issued",
        description="`agency` is the agency's id (`320000/quality-supervision`), its IRI or "
        "its full name (`江苏省质量技术监督局`). Named queries `agencies`, `agency_measures`, "
        "`issued_documents`. `measures` holds the page `[offset, offset + limit)` of its "
        "measures (in document order), `measureTotals` how many it has in each role, `more` "
        "how many follow; `issued` the first `limit` documents it issued of `issuedTotal`.",
        responses={
            200: {"content": {"application/json": {"example": examples.AGENCY}}},
            404: {"description": "No such agency."},
        },
    )
    async def get_agency(
        agency: Annotated[str, Path(description="Agency id, IRI or full name.")],
        state: Service,
        role: Annotated[
            str | None, Query(description="Only measures in this role: " + ", ".join(ROLES))
        ] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        if role is not None and role not in ROLES:
            raise ApiError(400, "unknown role", {"role": role, "available": list(ROLES)})
        found = await _resolve_agency(state, agency)
        answer = await named(
            state,
            "agency_measures",
            limit=limit,
            offset=offset,
            count_by="role",
            agency=found["agency"],
            role=role,
        )
        by_role: dict[str, list[dict[str, Any]]] = {r: [] for r in ROLES}
        documents: dict[str, dict[str, Any]] = {}
        for row in answer.rows:
            entry = with_evidence(row)
            by_role.setdefault(row.get("role") or "unknown", []).append(entry)
            if row.get("doc"):
                documents.setdefault(
                    str(row["doc"]),
                    {
                        "doc": row["doc"],
                        "id": doc_id(row["doc"]),
                        "title": row.get("docTitle"),
                        "level": row.get("docLevel"),
                    },
                )
        issued = await named(state, "issued_documents", limit=limit, agency=found["agency"])
        total = answer.total or 0
        return {
            **found,
            "measures": by_role,
            "measureTotals": {r: answer.counts.get(r, 0) for r in by_role},
            "total": total,
            "limit": limit,
            "offset": offset,
            "more": max(0, total - offset - len(answer.rows)),
            "documents": list(documents.values()),
            "issued": [typed(r) | {"id": doc_id(r.get("doc"))} for r in issued.rows],
            "issuedTotal": issued.total or 0,
        }

    @router.get(
        "/measures",
        response_model=models.MeasurePage,
        tags=["measures"],
        summary="Measures with their agencies, filtered by agency, role, document or keyword",
        description="Named queries `measure_agencies` (keyword), `agency_measures` (agency), "
        "`document_measures` (document) or `agency_network` (no filter).",
        responses={200: {"content": {"application/json": {"example": examples.MEASURES}}}},
    )
    async def list_measures(
        state: Service,
        agency: Annotated[str | None, Query(description="Agency id, IRI or full name.")] = None,
        role: Annotated[
            str | None, Query(description="lead, participating or responsible.")
        ] = None,
        document: Annotated[str | None, Query(description="Document id or IRI.")] = None,
        keyword: Annotated[
            str | None, Query(description="Words of the measure's heading or text.")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        if role is not None and role not in ROLES:
            raise ApiError(400, "unknown role", {"role": role, "available": list(ROLES)})
        found_agency = await _resolve_agency(state, agency) if agency else {}
        agency_iri = found_agency.get("agency")
        doc_iri = None
        if document:
            doc_iri = document if document.startswith("http") else terms.DOC_BASE + document
        if keyword:
            answer = await named(state, "measure_agencies", phrase=keyword)
            query = "measure_agencies"
        elif agency_iri:
            answer = await named(state, "agency_measures", agency=agency_iri, role=role)
            query = "agency_measures"
        elif doc_iri:
            answer = await named(state, "document_measures", doc=doc_iri)
            query = "document_measures"
        else:
            answer = await named(state, "agency_network", role=role)
            query = "agency_network"
        rows = answer.rows
        if agency_iri and query != "agency_measures":
            rows = [r for r in rows if r.get("agency") == agency_iri]
        if role:
            rows = [r for r in rows if r.get("role") == role]
        if doc_iri:
            rows = [r for r in rows if (r.get("doc") or r.get("document")) == doc_iri]
        if agency_iri and query == "agency_measures":
            label = found_agency.get("label")
            rows = [{**r, "agency": agency_iri, "agencyLabel": label} for r in rows]
        items = _measures(rows)
        return listing(items, limit=limit, offset=offset, query=query, truncated=answer.truncated)

    @router.get(
        "/targets",
        response_model=models.TargetPage,
        tags=["targets"],
        summary="Targets, filtered by indicator concept, region, level and year",
        description="Named query `targets`.",
        responses={200: {"content": {"application/json": {"example": examples.TARGETS}}}},
    )
    async def list_targets(
        state: Service,
        concept: Annotated[
            str | None, Query(description="Indicator concept IRI or id, e.g. spot-check-pass-rate.")
        ] = None,
        region: Annotated[str | None, Query(description="Region IRI or GB/T 2260 code.")] = None,
        level: Annotated[str | None, Query(description="Administrative level.")] = None,
        year: Annotated[int | None, Query(ge=1900, le=2100, description="Target year.")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        answer = await named(
            state,
            "targets",
            limit=limit,
            offset=offset,
            concept=concept,
            region=region,
            level=level,
            year=year,
        )
        items = [with_evidence(r) for r in answer.rows]
        return paged(answer, items, limit=limit, offset=offset, query="targets")

    @router.get(
        "/indicators",
        response_model=models.IndicatorPage,
        tags=["targets"],
        summary="The indicator concepts targets use, with how many targets and levels each has",
        description="Named query `indicators`.",
        responses={200: {"content": {"application/json": {"example": examples.INDICATORS}}}},
    )
    async def list_indicators(
        state: Service, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        answer = await named(state, "indicators", limit=limit, offset=offset)
        items = [typed(r) | {"id": _concept_id(r.get("concept"))} for r in answer.rows]
        return paged(answer, items, limit=limit, offset=offset, query="indicators")

    @router.get(
        "/indicators/{concept}/cascade",
        response_model=models.Cascade,
        tags=["targets"],
        summary="How one indicator cascades down the levels",
        description="The targets on the concept by level (national → town) with values, "
        "years, shares of the higher total and weak links (named queries `cascade`, "
        "`not_taken_up`). Scoped by `region` (it and every region inside it: 320000 is "
        "江苏省 with its cities, counties and towns), `level` and target years `from`–`to`; "
        "`total` and each level's `total` count the whole scoped cascade, `targets` hold the "
        "page `[offset, offset + limit)` in the cascade's order, `more` says how many follow.",
        responses={
            200: {"content": {"application/json": {"example": examples.CASCADE}}},
            404: {"description": "No target uses this indicator."},
        },
    )
    async def get_cascade(
        concept: Annotated[
            str,
            Path(description="Indicator id, e.g. spot-check-pass-rate.", pattern=r"^[\w.~%-]+$"),
        ],
        state: Service,
        region: Annotated[
            str | None,
            Query(description="Region IRI or GB/T 2260 code: it and every region inside it."),
        ] = None,
        level: Annotated[str | None, Query(description="One administrative level.")] = None,
        year_from: Annotated[
            int | None, Query(alias="from", ge=1000, le=9999, description="First target year.")
        ] = None,
        year_to: Annotated[
            int | None, Query(alias="to", ge=1000, le=9999, description="Last target year.")
        ] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        if level is not None and level not in LEVELS:
            raise ApiError(400, "unknown level", {"level": level, "available": list(LEVELS)})
        scope = {"region": region, "level": level, "from": year_from, "to": year_to}
        answer = await named(
            state, "cascade", limit=limit, offset=offset, count_by="level", concept=concept, **scope
        )
        total = answer.total or 0
        if total == 0 and not any(v is not None for v in scope.values()):
            raise ApiError(404, "no target uses this indicator", {"concept": concept})
        levels: dict[str, dict[str, Any]] = {}
        for name, count in answer.counts.items():
            level_name = name or "unknown"
            levels[level_name] = {
                "level": level_name,
                "rank": LEVEL_RANK.get(level_name, len(LEVEL_RANK) - 1),
                "total": count,
                "targets": [],
            }
        for row in answer.rows:
            target = with_evidence(row)
            entry = levels[target.get("level") or "unknown"]
            entry["targets"].append(target)
        weak = [
            {
                "target": t["target"],
                "refines": t.get("refines"),
                "weaker": t.get("weaker"),
                "share": t.get("share"),
            }
            for lv in levels.values()
            for t in lv["targets"]
            if t.get("weaker") is True
        ]
        missing = await named(state, "not_taken_up", limit=limit, concept=concept)
        return {
            "concept": terms.INDICATOR_SCHEME + "/" + concept if "/" not in concept else concept,
            "id": concept,
            "scope": {k: v for k, v in scope.items() if v is not None},
            "total": total,
            "limit": limit,
            "offset": offset,
            "more": max(0, total - offset - len(answer.rows)),
            "levels": sorted(levels.values(), key=lambda lv: (lv["rank"] is None, lv["rank"] or 0)),
            "weakLinks": weak,
            "notTakenUp": [with_evidence(r) for r in missing.rows],
            "notTakenUpTotal": missing.total or 0,
        }

    @router.get(
        "/regions",
        response_model=models.RegionPage,
        tags=["regions"],
        summary="Regions that documents or agencies belong to, with counts",
        description="Named queries `document_list` and `agencies`, grouped by region.",
        responses={200: {"content": {"application/json": {"example": examples.REGIONS}}}},
    )
    async def list_regions(
        state: Service, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        regions: dict[str, dict[str, Any]] = {}
        for row in (await named(state, "document_list")).rows:
            if row.get("region"):
                entry = _region_entry(regions, row)
                entry["documents"] += 1
                if row.get("level") and row["level"] not in entry["levels"]:
                    entry["levels"].append(row["level"])
        for row in (await named(state, "agencies")).rows:
            if row.get("region"):
                entry = _region_entry(regions, row)
                entry["agencies"] += 1
        items = sorted(regions.values(), key=lambda r: r["region"])
        for item in items:
            item["id"] = item["region"].removeprefix(terms.REGION_BASE)
        return listing(items, limit=limit, offset=offset, query="document_list")

    @router.get(
        "/search",
        tags=["search"],
        summary="Ranked full-text search with facets over titles, measures, target sentences "
        "and agency names",
        description="Every term of `q` (space-separated; double quotes keep a phrase with "
        "spaces) must occur in the hit's text; hits are ranked by BM25. Filters narrow the "
        "hits; each facet counts the hits with the other filters applied, so its values "
        "are the next clicks. `region` includes every region inside it (320000 → 江苏省 "
        "and its cities, counties and towns). Answered by the full-text index beside the "
        "store (SQLite FTS5), not by SPARQL. A question that cannot be searched (empty, "
        "over 200 characters, control characters, more than 8 terms) is a 400.",
        response_model=search.SearchAnswer,
        responses={
            200: {"content": {"application/json": {"example": search.EXAMPLE}}},
            400: {"description": "The question cannot be searched; `detail` says why."},
        },
    )
    async def search_route(
        state: Service,
        q: Annotated[str, Query(description="The question, e.g. 名牌 or 监督抽查合格率.")],
        kind: Annotated[
            list[str] | None,
            Query(description="document, measure, target, agency (repeat or comma-separate)."),
        ] = None,
        level: Annotated[
            list[str] | None,
            Query(description="Administrative level of the document: " + ", ".join(LEVELS)),
        ] = None,
        region: Annotated[
            str | None,
            Query(description="Region IRI or GB/T 2260 code, e.g. 320000 (sub-regions included)."),
        ] = None,
        year_from: Annotated[
            int | None, Query(alias="from", ge=1000, le=9999, description="First year issued.")
        ] = None,
        year_to: Annotated[
            int | None, Query(alias="to", ge=1000, le=9999, description="Last year issued.")
        ] = None,
        type: Annotated[
            str | None, Query(description="Document type as written, e.g. 通知, 实施意见.")
        ] = None,
        issuer: Annotated[str | None, Query(description="Issuing agency's full name.")] = None,
        in_force: Annotated[
            bool | None, Query(description="true: in force; false: repealed or expired.")
        ] = None,
        page: Annotated[int, Query(ge=1, le=10_000, description="Page, from 1.")] = 1,
        per_page: Annotated[int, Query(ge=1, le=100, description="Hits per page.")] = 20,
    ) -> dict[str, Any]:
        kinds = search.split_values(kind)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ApiError(400, "unknown kind", {"kind": unknown, "available": list(KINDS)})
        levels = search.split_values(level)
        if any(lv not in LEVELS for lv in levels):
            raise ApiError(400, "unknown level", {"level": list(levels), "available": LEVELS})
        query = fulltext.SearchQuery(
            q=q,
            kinds=kinds,
            levels=levels,
            region=region,
            year_from=year_from,
            year_to=year_to,
            doc_type=type,
            issuer=issuer,
            in_force=in_force,
            page=page,
            per_page=per_page,
        )
        return search.answer(await search.run(state.store, query), q)

    return router


def _region_entry(regions: dict[str, dict[str, Any]], row: dict[str, Any]) -> dict[str, Any]:
    """The ``/regions`` entry for the row's region, added with zero counts when new."""
    return regions.setdefault(
        str(row["region"]),
        {
            "region": row["region"],
            "label": row.get("regionLabel"),
            "levels": [],
            "documents": 0,
            "agencies": 0,
        },
    )


def _concept_id(iri: str | None) -> str | None:
    prefix = terms.INDICATOR_SCHEME + "/"
    return iri.removeprefix(prefix) if iri and iri.startswith(prefix) else None


def _measures(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of any measure query, one entry per measure with its agencies and evidence."""
    measures: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = measures.get(row["measure"])
        if entry is None:
            doc = row.get("doc") or row.get("document")
            entry = {
                "measure": row["measure"],
                "heading": row.get("heading"),
                "path": row.get("path"),
                "doc": doc,
                "docTitle": row.get("docTitle"),
                "agencies": [],
            }
            measures[row["measure"]] = entry
        if row.get("agency") or row.get("rawName"):
            entry["agencies"].append(agency_role(row, row.get("document") or entry["doc"]))
    return list(measures.values())
