"""The browser front end: server-rendered pages under ``/ui``, network views under ``/viz``,
the home page at ``/`` and the views' own scripts and styles under ``/viz/static``.

The API app mounts the router :func:`make_router` builds (``api/app.py`` imports it through
``visualizations.routes``); the store comes from the app's state (``app.state.policykg.store``),
opened once by the app.
Every handler is a plain ``def``: store reads block, so FastAPI runs them in its thread pool.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pyoxigraph as ox
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.store import Store
from visualizations import data
from visualizations.highlight import parse_spans
from visualizations.model import View
from visualizations.render import (
    STATIC,
    VIS_FILES,
    Assets,
    asset_context,
    environment,
    network_data,
    render_view,
)
from visualizations.results import solutions_view, triples_view
from visualizations.search_page import search_page

T = TypeVar("T")
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".txt": "text/plain", "": "text/plain"}


def page_store(request: Request) -> Store:
    """FastAPI dependency: the store the app opened (``app.state.policykg.store``)."""
    state: Any = getattr(request.app.state, "policykg", None)
    store = getattr(state, "store", None) or getattr(request.app.state, "store", None)
    if store is None:
        raise HTTPException(503, "no store configured")
    return store


StoreDep = Annotated[Store, Depends(page_store)]


def _page(template: str, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**asset_context(Assets()), **context)
    return HTMLResponse(html)


def _view_page(view: View, download: bool) -> Response:
    """A view as a page, or as a self-contained file to save (``?download=1``)."""
    if download:
        html = render_view(view, Assets(inline=True), link_base="")
        return HTMLResponse(
            html, headers={"Content-Disposition": f'attachment; filename="{view.kind}.html"'}
        )
    return HTMLResponse(render_view(view))


def _network_page(template: str, view: View, **context: Any) -> HTMLResponse:
    """A detail page drawing ``view`` as its network, linking to the other pages."""
    return _page(template, **context, data=network_data(view), link_base="")


def _not_found(what: str) -> HTTPException:
    return HTTPException(404, f"{what} not found")


def _found(found: T | None, what: str) -> T:
    """``found``, or a 404 naming ``what`` when the store has no such thing."""
    if found is None:
        raise _not_found(what)
    return found


# ---- errors ---------------------------------------------------------------------------------

_TITLES = {400: "请求有误", 404: "没有找到", 422: "缺少或写错了参数", 503: "暂时无法回答"}
# what a 404 names (``_not_found("document")``) in the pages' language
_THINGS = {
    "document": "文件",
    "agency": "部门",
    "indicator": "指标",
    "page": "页面",
    "file": "文件",
}


def _in_chinese(message: str) -> str:
    """``document not found`` → ``库中没有这份文件``; other messages as they are.

    >>> _in_chinese("indicator not found"), _in_chinese("query failed: x")
    ('库中没有这个指标', 'query failed: x')
    """
    what, sep, _rest = message.partition(" not found")
    if not sep or what not in _THINGS:
        return message
    return f"库中没有这{'份' if what == 'document' else '个'}{_THINGS[what]}"


def error_page(request: Request, status: int, message: str, missing: list[str]) -> HTMLResponse:
    """The HTML answer of every page and view that fails: what went wrong, links onwards.

    The REST routes answer the same failures as JSON (api/errors.py); a browser gets this."""
    html = (
        environment()
        .get_template("error.html")
        .render(
            **asset_context(Assets()),
            status=status,
            title=_TITLES.get(status, "出错了"),
            message=_in_chinese(message),
            missing=missing,
            path=request.url.path,
        )
    )
    return HTMLResponse(html, status_code=status)


class PageRoute(APIRoute):
    """A route whose failures (unknown key, missing or bad parameter) answer an HTML page with
    the same status instead of the API's JSON body: a browser shows a page, not raw JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except StarletteHTTPException as exc:
                message = exc.detail if isinstance(exc.detail, str) else "出错了"
                return error_page(request, exc.status_code, message, [])
            except RequestValidationError as exc:
                errors = exc.errors()
                missing = [str(e["loc"][-1]) for e in errors if e.get("type") == "missing"]
                message = "缺少参数" if missing else "; ".join(str(e.get("msg")) for e in errors)
                return error_page(request, 422, message, missing)

        return page_handler


def unknown_page(rest: str) -> HTMLResponse:
    """Any other address under /ui or /viz: a 404 page (not the API's JSON)."""
    raise _not_found("page")


# ---- static ---------------------------------------------------------------------------------


def static(path: str) -> FileResponse:
    """vis-network (from the pyvis package) and the views' own script and style."""
    folder, _, name = path.partition("/")
    if folder == "vis-network":
        target = VIS_FILES.get(name, STATIC / "missing")
    else:
        target = (STATIC / path).resolve()
    if not target.is_file() or not (target.is_relative_to(STATIC) or target in VIS_FILES.values()):
        raise _not_found("file")
    return FileResponse(
        target,
        media_type=MEDIA_TYPES.get(Path(path).suffix, "application/octet-stream"),
        headers={"Cache-Control": "public, max-age=3600"},
    )


# ---- views ----------------------------------------------------------------------------------


def hierarchy_view(store: StoreDep, download: bool = False) -> Response:
    """View 1: every document by level, national at the top."""
    return _view_page(data.hierarchy(store), download)


def document_view(doc_id: str, store: StoreDep, download: bool = False) -> Response:
    """View 2: one document's measures, agencies, targets and references."""
    return _view_page(_found(data.document(store, doc_id), "document").view, download)


def agencies_view(
    store: StoreDep,
    role: str | None = None,
    level: str | None = None,
    region: str | None = None,
    agency: str | None = None,
    download: bool = False,
) -> Response:
    """View 3: agencies ↔ measures ↔ documents, filtered by role, level, region or agency."""
    if agency:
        return _view_page(_found(data.agency_detail(store, agency), "agency").view, download)
    return _view_page(data.agencies(store, role=role, level=level, region=region), download)


def cascade_view(concept_id: str, store: StoreDep, download: bool = False) -> Response:
    """View 4: the target cascade of one indicator concept."""
    return _view_page(_found(data.cascade(store, concept_id), "indicator"), download)


async def query_view(
    request: Request, query: Annotated[str, Query(max_length=100_000)], download: bool = False
) -> Response:
    """View 5: a SELECT or CONSTRUCT result drawn as a graph.

    The query is untrusted: it is checked (size, nesting, SERVICE/LOAD) before any parser sees
    it and runs in the query workers with the endpoint's time and memory limits
    (:mod:`api.executor`), never in this process."""
    try:
        view = await _run_view_query(request, query)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    return _view_page(view, download)


async def _run_view_query(request: Request, text: str) -> View:
    from api import guard
    from api.executor import run_while_connected
    from api.jobs import SparqlAnswer, SparqlJob
    from api.sparql import check_text

    state: Any = request.app.state.policykg
    check_text(state, text, "query")
    if guard.query_form(text) not in ("SELECT", "CONSTRUCT", "DESCRIBE"):
        raise ValueError("only SELECT, CONSTRUCT and DESCRIBE results can be drawn")
    job = SparqlJob(
        query=text, results_format="tsv", graph_format="nt", max_rows=state.settings.max_rows
    )
    answer = await run_while_connected(request, lambda: state.run(job))
    assert isinstance(answer, SparqlAnswer)
    # Parsing the workers' serialized answer (TSV / N-Triples) is flat and bounded by the row
    # cap; the SPARQL text itself is never parsed here.
    if answer.kind == "graph":
        quads = ox.parse(answer.body, ox.RdfFormat.N_TRIPLES)
        return triples_view(ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    parsed = ox.parse_query_results(answer.body, ox.QueryResultsFormat.TSV)
    if not isinstance(parsed, ox.QuerySolutions):
        raise ValueError("only SELECT, CONSTRUCT and DESCRIBE results can be drawn")
    variables = [v.value for v in parsed.variables]
    return solutions_view(variables, ([row[v] for v in variables] for row in parsed))


# ---- pages ----------------------------------------------------------------------------------


def home(store: StoreDep) -> HTMLResponse:
    """What is loaded and where to start."""
    return _page("home.html", overview=data.overview(store))


def documents_page(store: StoreDep, level: str | None = None) -> HTMLResponse:
    """Every loaded document, by level."""
    return _page("documents.html", documents=data.document_list(store, level=level), level=level)


def document_page(
    doc_id: str,
    store: StoreDep,
    hl: Annotated[str | None, Query(max_length=2000)] = None,
    chain_offset: Annotated[int, Query(ge=0)] = 0,
    chain_region: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """One document: metadata, chain, measures, targets, references and highlighted text;
    ``hl`` (``start-end,…``, a search hit's matches) is marked in the text and scrolled to;
    the documents implementing it come a page at a time, within ``chain_region`` if given."""
    found = _found(
        data.document(
            store,
            doc_id,
            chain_offset=chain_offset,
            chain_region=chain_region,
            hits=parse_spans(hl),
        ),
        "document",
    )
    return _network_page("document.html", found.view, doc=found, data_path=f"/doc/{doc_id}")


def agencies_page(store: StoreDep) -> HTMLResponse:
    """Every agency with how many measures it leads, answers for or joins."""
    return _page("agencies.html", agencies=data.agency_list(store))


def agency_page(
    agency_id: str,
    store: StoreDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> HTMLResponse:
    """One agency: a page of its measures by role across all documents, with its network."""
    found = _found(data.agency_detail(store, agency_id, offset=offset, limit=limit), "agency")
    return _network_page("agency.html", found.view, agency=found, data_path=f"/agency/{agency_id}")


def cascades_page(store: StoreDep) -> HTMLResponse:
    """Indicator concepts with targets, and how many levels their cascades span."""
    return _page("cascades.html", concepts=data.concept_list(store))


def cascade_page(
    concept_id: str,
    store: StoreDep,
    region: Annotated[str | None, Query(max_length=200)] = None,
    level: str | None = None,
    year_from: Annotated[str | None, Query(alias="from", max_length=4)] = None,
    year_to: Annotated[str | None, Query(alias="to", max_length=4)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> HTMLResponse:
    """One indicator's cascade: the tree and the table of targets by level, a page at a time,
    within a region (and the regions inside it), a level and target years when given."""
    found = _found(
        data.cascade_detail(
            store,
            concept_id,
            region=region or None,
            level=level or None,
            year_from=_year(year_from),
            year_to=_year(year_to),
            offset=offset,
            limit=limit,
        ),
        "indicator",
    )
    return _network_page(
        "cascade.html", found.view, cascade=found, data_path=f"/concept/indicator/{concept_id}"
    )


def _year(text: str | None) -> int | None:
    """A year from the scope form; an empty or non-numeric box means no bound.

    >>> _year("2014"), _year(""), _year("x")
    (2014, None, None)
    """
    return int(text) if text and text.isdigit() else None


def make_router() -> APIRouter:
    """The pages and views as a router (kept out of the OpenAPI schema: they are HTML)."""
    router = APIRouter(include_in_schema=False, route_class=PageRoute)
    router.add_api_route("/viz/static/{path:path}", static, methods=["GET"])
    html_routes = (
        ("/viz/hierarchy", hierarchy_view),
        ("/viz/documents/{doc_id:path}", document_view),
        ("/viz/agencies", agencies_view),
        ("/viz/cascades/{concept_id:path}", cascade_view),
        ("/viz/query", query_view),
        ("/", home),
        ("/ui/documents", documents_page),
        ("/ui/documents/{doc_id:path}", document_page),
        ("/ui/agencies", agencies_page),
        ("/ui/agencies/{agency_id:path}", agency_page),
        ("/ui/cascades", cascades_page),
        ("/ui/cascades/{concept_id:path}", cascade_page),
        ("/ui/search", search_page),
        ("/ui/{rest:path}", unknown_page),
        ("/viz/{rest:path}", unknown_page),
    )
    for path, endpoint in html_routes:
        router.add_api_route(path, endpoint, methods=["GET"], response_class=HTMLResponse)
    return router
