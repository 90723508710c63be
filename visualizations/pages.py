"""The browser front end: server-rendered pages under ``/ui``, network views under ``/viz``,
the home page at ``/`` and the views' own scripts and styles under ``/viz/static``.

The API app mounts the router :func:`make_router` builds (``api/app.py`` imports it through
``visualizations.routes``); the store comes from the app's state (``app.state.policykg.store``),
opened once by the app.
Every handler is a plain ``def``: store reads block, so FastAPI runs them in its thread pool.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from graph.store import Store
from visualizations import data
from visualizations.model import View
from visualizations.render import (
    STATIC,
    Assets,
    asset_context,
    environment,
    network_data,
    render_view,
)
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


# ---- static ---------------------------------------------------------------------------------


def static(path: str) -> FileResponse:
    """vis-network (fetched by scripts/fetch-assets.sh) and the views' own script and style."""
    target = (STATIC / path).resolve()
    if not target.is_file() or not target.is_relative_to(STATIC):
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
    return _view_page(
        data.agencies(store, role=role, level=level, region=region, agency=agency), download
    )


def cascade_view(concept_id: str, store: StoreDep, download: bool = False) -> Response:
    """View 4: the target cascade of one indicator concept."""
    return _view_page(data.cascade(store, concept_id), download)


def query_view(
    store: StoreDep, query: Annotated[str, Query(max_length=100_000)], download: bool = False
) -> Response:
    """View 5: a SELECT or CONSTRUCT result drawn as a graph."""
    try:
        view = data.query_result(store, query)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    return _view_page(view, download)


# ---- pages ----------------------------------------------------------------------------------


def home(store: StoreDep) -> HTMLResponse:
    """What is loaded and where to start."""
    return _page("home.html", overview=data.overview(store))


def documents_page(store: StoreDep, level: str | None = None) -> HTMLResponse:
    """Every loaded document, by level."""
    return _page("documents.html", documents=data.document_list(store, level=level), level=level)


def document_page(doc_id: str, store: StoreDep) -> HTMLResponse:
    """One document: metadata, chain, measures, targets, references and highlighted text."""
    found = _found(data.document(store, doc_id), "document")
    return _network_page("document.html", found.view, doc=found)


def agencies_page(store: StoreDep) -> HTMLResponse:
    """Every agency with how many measures it leads, answers for or joins."""
    return _page("agencies.html", agencies=data.agency_list(store))


def agency_page(agency_id: str, store: StoreDep) -> HTMLResponse:
    """One agency: its measures by role across all documents, with its network."""
    found = _found(data.agency_detail(store, agency_id), "agency")
    return _network_page("agency.html", found.view, agency=found)


def cascades_page(store: StoreDep) -> HTMLResponse:
    """Indicator concepts with targets, and how many levels their cascades span."""
    return _page("cascades.html", concepts=data.concept_list(store))


def cascade_page(concept_id: str, store: StoreDep) -> HTMLResponse:
    """One indicator's cascade: the tree and the table of targets by level."""
    found = data.cascade_detail(store, concept_id)
    return _network_page("cascade.html", found.view, cascade=found)


def make_router() -> APIRouter:
    """The pages and views as a router (kept out of the OpenAPI schema: they are HTML)."""
    router = APIRouter(include_in_schema=False)
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
    )
    for path, endpoint in html_routes:
        router.add_api_route(path, endpoint, methods=["GET"], response_class=HTMLResponse)
    return router
