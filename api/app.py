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

import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api.body_limit import UploadLimit
from api.errors import install_error_handlers
from api.executor import PoolLimits, make_executor
from api.headers import SecurityHeaders, policy_with_script_hashes
from api.pages import STATIC, render_query_page
from api.routes_diffusion import make_diffusion_router
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
        # FastAPI's own /docs and /redoc load Swagger UI, ReDoc and a favicon from CDNs; our
        # /docs serves Swagger UI from a pinned package (see _include_docs), so it works offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.policykg = state
    install_error_handlers(app)
    app.add_middleware(UploadLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)  # outermost but CORS: errors and 413s carry it too
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
    _include_linked(app)
    app.include_router(make_diffusion_router())  # before the views' /ui catch-all
    _include_views(app)
    _include_docs(app)
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


def _include_linked(app: FastAPI) -> None:
    from api.routes_linked import make_linked_router

    app.include_router(make_linked_router())


def _include_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/favicon.ico``, every asset served from this server.

    The Swagger UI bundle comes from the pinned ``fastapi-offline`` package, which ships it as
    files (we use only its files, not its app class); nothing is fetched from npm or a CDN, so a
    pip-installed wheel serves the API page on a machine with no network. There is no /redoc:
    ReDoc's page fetches its logo from the vendor's CDN whatever it is told.
    """
    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import FileResponse

    assets = Path(fastapi_offline.__file__).resolve().parent / "static"
    app.mount("/static/docs", StaticFiles(directory=assets), name="docs-assets")

    page = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title="policykg — API",
        swagger_js_url="/static/docs/swagger-ui-bundle.js",
        swagger_css_url="/static/docs/swagger-ui.css",
        swagger_favicon_url="/favicon.ico",
    )
    # Swagger UI starts from an inline script: the page's policy allows exactly that one.
    inline = re.findall(rb"<script>(.*?)</script>", page.body, re.DOTALL)
    digests = ("sha256-" + base64.b64encode(hashlib.sha256(s).digest()).decode() for s in inline)
    policy = policy_with_script_hashes(*digests)

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page.body, headers={"Content-Security-Policy": policy})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


def _include_views(app: FastAPI) -> None:
    """Mount the network views (visualizations/) when that package offers its router."""
    try:
        from visualizations.routes import make_router  # type: ignore[import-not-found]
    except ImportError:
        return
    app.include_router(make_router())
