"""One JSON error body for every failure, and the one place domain exceptions become statuses.

Every error the service answers looks like::

    {"ok": false, "status": 400, "error": "malformed SPARQL query", "detail": "error at 1:25: …"}

``error`` is a short human sentence; ``detail`` is optional extra (the parser's message, the
offending parameter, the limit that was hit). A 500 never echoes an exception's text: the
text is logged, the client sees a generic sentence.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.headers import SECURITY_HEADERS
from graph import errors as graph_errors
from loaders import errors as loader_errors

log = logging.getLogger("policykg.api")


class ApiError(Exception):
    """An error the API answers on purpose, with its status and a short sentence."""

    def __init__(
        self,
        status: int,
        error: str,
        detail: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers
        super().__init__(error)


# Domain exceptions → (status, sentence). The most specific class must come first; the
# exception's own message goes into ``detail`` (it is ours and names the bad input), except
# for the 5xx rows, whose text may carry paths or hosts and is only logged.
DOMAIN_STATUSES: list[tuple[type[Exception], int, str]] = [
    (loader_errors.RejectedDocument, 422, "document rejected"),
    (loader_errors.LoaderError, 422, "document could not be read"),
    (graph_errors.QuerySyntaxError, 400, "malformed SPARQL"),
    (graph_errors.UnknownQuery, 404, "no such named query"),
    (graph_errors.ParameterError, 400, "bad query parameter"),
    (graph_errors.ExportFormatError, 400, "unknown export format"),
    (graph_errors.QueryTimeout, 503, "query time limit exceeded"),
    (graph_errors.StoreUnavailable, 502, "the store did not answer"),
    (graph_errors.StoreError, 500, "the store failed"),
    (graph_errors.GraphError, 500, "the graph layer failed"),
]

GENERIC_500 = "internal error; the server log has the details"


def error_body(status: int, error: str, detail: Any = None) -> dict[str, Any]:
    """The one error body shape.

    >>> error_body(404, "no such document", {"id": "x"})
    {'ok': False, 'status': 404, 'error': 'no such document', 'detail': {'id': 'x'}}
    """
    return {"ok": False, "status": status, "error": error, "detail": detail}


def error_response(
    status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A JSONResponse carrying :func:`error_body`."""
    return JSONResponse(error_body(status, error, detail), status_code=status, headers=headers)


def domain_status(exc: Exception) -> tuple[int, str, Any]:
    """(status, sentence, detail) for a domain exception, by the :data:`DOMAIN_STATUSES` table."""
    for cls, status, sentence in DOMAIN_STATUSES:
        if isinstance(exc, cls):
            detail = None if status >= 500 else _message(exc)
            return status, sentence, detail
    return 500, GENERIC_500, None


def _message(exc: BaseException) -> str:
    # KeyError's str() wraps the message in quotes; take the argument itself.
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error the app answers use :func:`error_body`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        sentence = exc.detail if isinstance(exc.detail, str) else _reason(exc.status_code)
        return error_response(exc.status_code, sentence, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return error_response(422, "invalid request parameters", detail)

    for cls, _status, _sentence in DOMAIN_STATUSES:

        @app.exception_handler(cls)
        async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
            status, sentence, detail = domain_status(exc)
            if status >= 500:
                log.error("%s %s failed: %r", request.method, request.url.path, exc)
            return error_response(status, sentence, detail)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        # This handler runs outside every user middleware (Starlette's outermost error layer),
        # so it adds the security headers itself.
        security = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
        return error_response(500, GENERIC_500, None, security)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"
