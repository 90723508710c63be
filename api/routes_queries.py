"""``/queries``: every named query, its SPARQL text, and running it with parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from api import conneg, examples, models
from api.errors import ApiError
from api.rest import Offset, named
from api.shape import to_csv
from api.state import Service
from graph import queries
from graph.errors import UnknownQuery

RESERVED = {"format", "limit", "offset"}


def describe(entry: queries.NamedQuery) -> dict[str, Any]:
    """A catalog entry as JSON, with links to its text and to running it."""
    params = [
        {"name": p.name, "description": p.description, "type": p.type, "optional": p.optional}
        for p in entry.parameters
    ]
    required = "&".join(f"{p.name}=…" for p in entry.parameters if not p.optional)
    return {
        "name": entry.name,
        "description": entry.description,
        "parameters": params,
        "sparql": f"/queries/{entry.name}.rq",
        "run": f"/queries/{entry.name}" + (f"?{required}" if required else ""),
    }


def _catalog_example() -> list[dict[str, Any]]:
    """The first two catalog entries, as ``GET /queries`` answers them."""
    return [describe(entry) for entry in queries.catalog()[:2]]


def make_queries_router() -> APIRouter:
    """The ``/queries`` routes."""
    router = APIRouter(tags=["named queries"])

    @router.get(
        "/queries",
        response_model=list[models.NamedQuery],
        summary="List the named queries",
        description="Every `.rq` file under graph/queries with what it answers and its "
        "parameters; each REST resource is one of these underneath.",
        responses={200: {"content": {"application/json": {"example": _catalog_example()}}}},
    )
    async def list_queries() -> list[dict[str, Any]]:
        return [describe(entry) for entry in queries.catalog()]

    @router.get(
        "/queries/{name}",
        response_model=models.QueryAnswer,
        summary="Run a named query (or fetch its SPARQL text as NAME.rq)",
        description="Pass the query's parameters as URL parameters (see `/queries`). "
        "Answers JSON, or CSV with `format=csv` or `Accept: text/csv`. `/queries/NAME.rq` "
        "answers the SPARQL text itself.",
        responses={
            200: {
                "content": {
                    "application/json": {"example": examples.RUN},
                    "text/csv": {"example": "measure,heading,role,…\r\n"},
                    "application/sparql-query": {"example": "# measure_agencies — …"},
                }
            },
            400: {"description": "A parameter is missing, unknown or invalid."},
            404: {"description": "No named query has that name."},
        },
        response_class=JSONResponse,
    )
    async def run_query(
        name: str,
        request: Request,
        state: Service,
        format: Annotated[str | None, Query(description="json or csv (overrides Accept).")] = None,
        limit: Annotated[
            int | None,
            Query(ge=1, le=10_000, description="Page size (default: every row up to the cap)."),
        ] = None,
        offset: Offset = 0,
    ) -> Response:
        if name.endswith(".rq"):
            entry = queries.catalog_entry(name.removesuffix(".rq"))
            return Response(entry.sparql, media_type="application/sparql-query; charset=utf-8")
        try:
            queries.catalog_entry(name)
        except UnknownQuery as exc:
            raise ApiError(404, "no such named query", {"name": name}) from exc
        params = {k: v for k, v in request.query_params.items() if k not in RESERVED}
        answer = await named(state, name, limit=limit, offset=offset, **params)
        want_csv = _wants_csv(format, request.headers.get("accept"))
        total = answer.total if answer.total is not None else len(answer.rows)
        headers = {"X-Total-Count": str(total)}
        if answer.truncated:
            headers["X-PolicyKG-Truncated"] = "true"
        if want_csv:
            return Response(
                to_csv(answer.rows), media_type="text/csv; charset=utf-8", headers=headers
            )
        body = {
            "query": name,
            "parameters": params,
            "count": len(answer.rows),
            "total": total,
            "limit": limit,
            "offset": offset,
            "more": max(0, total - offset - len(answer.rows)),
            "truncated": answer.truncated,
            "rows": answer.rows,
        }
        return JSONResponse(body, headers=headers)

    return router


def _wants_csv(fmt: str | None, accept: str | None) -> bool:
    if fmt:
        if fmt.lower() not in ("json", "csv"):
            raise ApiError(400, f"unknown format {fmt!r}", {"available": ["json", "csv"]})
        return fmt.lower() == "csv"
    ranges = conneg.parse_accept(accept)
    json_q = max((r.q for r in ranges if r.specificity("application/json") >= 0), default=0.0)
    csv_q = max((r.q for r in ranges if r.specificity("text/csv") == 2), default=0.0)
    return csv_q > json_q
