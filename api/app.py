"""The app factory: ``create_app(settings=None, store=None) -> FastAPI``.

The store is opened once (or handed in, e.g. by tests) and reached by routes through
``app.state.policykg`` (:class:`api.state.ServiceState`); queries run in killable worker
processes (:mod:`api.executor`).

>>> from graph.stores import open_store
>>> app = create_app(Settings(store="memory:"), open_store("memory:"))
>>> sorted(app.openapi()["paths"]["/sparql"])
['get', 'post']
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api.body_limit import UploadLimit
from api.errors import install_error_handlers
from api.executor import PoolLimits, make_executor
from api.pages import STATIC, render_query_page
from api.settings import Settings
from api.sparql import TRUNCATED_HEADER, make_sparql_router
from api.state import ServiceState
from graph.store import Store

log = logging.getLogger("policykg.api")

DESCRIPTION = """\
A knowledge graph of Chinese quality-policy documents (质量发展纲要, 质量强省/市/县 plans).

* **/sparql** — SPARQL 1.1 Protocol endpoint (read-only to the public; time and row limits).
* **REST resources** — documents, agencies, measures, targets, indicator cascades, regions,
  search; each one a named SPARQL query underneath, listed at **/queries**.
* Every error answers `{"ok": false, "status": …, "error": "…", "detail": …}`.
"""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Build the service over ``store`` (default: open ``settings.store``)."""
    settings = settings or Settings()
    owns_store = store is None
    if store is None:
        from graph.stores import open_store

        store = open_store(settings.store)
    state = ServiceState(
        settings=settings,
        store=store,
        executor=make_executor(
            store,
            settings.query_workers,
            settings.query_timeout,
            PoolLimits.from_settings(settings),
        ),
        owns_store=owns_store,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="policykg",
        version="0.1.0",
        summary="Chinese quality-policy knowledge graph: SPARQL endpoint and REST API",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.policykg = state
    install_error_handlers(app)
    app.add_middleware(UploadLimit, limit=settings.max_upload_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        # No Authorization header: writes need the admin token, so they stay same-origin.
        allow_headers=["Accept", "Content-Type"],
        expose_headers=[TRUNCATED_HEADER, "X-PolicyKG-Rows", "X-Total-Count"],
        max_age=600,
    )
    app.include_router(make_sparql_router())
    _include_rest(app)
    _include_views(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get(
        "/query",
        summary="The SPARQL query page (YASGUI with the example queries)",
        response_class=HTMLResponse,
        tags=["SPARQL"],
        responses={200: {"content": {"text/html": {"example": "<!doctype html>…"}}}},
    )
    async def query_page(request: Request) -> HTMLResponse:
        return HTMLResponse(render_query_page(request, state))

    return app


def _include_rest(app: FastAPI) -> None:
    from api.rest import make_rest_router

    app.include_router(make_rest_router())


def _include_views(app: FastAPI) -> None:
    """Mount the network views (visualizations/) when that package offers its router."""
    try:
        from visualizations.routes import make_router  # type: ignore[import-not-found]
    except ImportError:
        return
    app.include_router(make_router())
