"""The SPARQL 1.1 Protocol endpoint, as an ``APIRouter`` that can be mounted on its own.

- query: ``GET ?query=``, ``POST`` with ``application/sparql-query``, ``POST`` form ``query=``;
  ``default-graph-uri`` / ``named-graph-uri`` (Protocol §2.1.4: they replace the query's
  ``FROM`` / ``FROM NAMED``; named graphs alone leave the default graph empty); results by
  content negotiation, or ``format=`` / ``output=`` when it names a format for the answer
- update: ``POST`` with ``application/sparql-update`` or form ``update=``, admin token only
  (401 without it), with ``using-graph-uri`` / ``using-named-graph-uri``
- every text is read against a base IRI: ``POLICYKG_PUBLIC_BASE`` + ``sparql``, else the
  endpoint's URL (see :mod:`api.dataset` for this and the rule for repeated parameters)
- no query: the service description (``sd:Service`` + VoID) for RDF Accept types, the query
  page for browsers
- limits: query size (413), time (503, the worker is killed), rows (cut; the
  ``X-PolicyKG-Truncated`` header and ``urn:policykg:truncated`` in the results' head.link)
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api import admin, conneg, dataset, guard
from api.errors import ApiError
from api.executor import run_while_connected
from api.jobs import SparqlAnswer, SparqlJob
from api.pages import render_query_page
from api.service_description import service_description
from api.state import Service, ServiceState
from graph.errors import QuerySyntaxError

TRUNCATED_HEADER = "X-PolicyKG-Truncated"

QUERY_MEDIA = "application/sparql-query"
UPDATE_MEDIA = "application/sparql-update"
FORM_MEDIA = "application/x-www-form-urlencoded"

EXAMPLE_QUERY = "SELECT ?doc ?title WHERE { ?doc a eli:LegalResource ; eli:title ?title } LIMIT 5"

_RESULT_EXAMPLES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Query results (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE) in the "
        "negotiated format; when the row cap cut the answer, the header "
        "`X-PolicyKG-Truncated: true` and, in JSON/XML results, `urn:policykg:truncated` in "
        "`head.link`.",
        "content": {
            "application/sparql-results+json": {
                "example": {
                    "head": {"vars": ["doc", "title"]},
                    "results": {
                        "bindings": [
                            {
                                "doc": {
                                    "type": "uri",
                                    "value": "https://w3id.org/policykg/doc/js-2012-action-plan",
                                },
                                "title": {
                                    "type": "literal",
                                    "xml:lang": "zh",
                                    "value": "江苏省质量发展行动计划",
                                },
                            }
                        ]
                    },
                }
            },
            "application/sparql-results+xml": {},
            "text/csv": {"example": "doc,title\r\nhttps://w3id.org/policykg/doc/x,…\r\n"},
            "text/tab-separated-values": {},
            "text/turtle": {},
            "application/ld+json": {},
            "application/n-triples": {},
            "application/rdf+xml": {},
            "text/html": {},
        },
    },
    400: {
        "description": "Malformed query (the parser's message names line and column), nested "
        "deeper than POLICYKG_MAX_QUERY_DEPTH, `query` given twice, a graph parameter that is "
        "not an absolute IRI, or using-graph-uri with an update that has USING/WITH."
    },
    401: {
        "description": "Update without the admin token, or with a wrong one "
        '(`WWW-Authenticate: Bearer realm="policykg"`, with `error="invalid_token"` for a '
        "wrong token; RFC 6750)."
    },
    403: {
        "description": "Update while the server has no admin token configured (read-only), "
        "or SERVICE/LOAD while disabled."
    },
    406: {"description": "None of the accepted media types fits this kind of query."},
    413: {"description": "Query text longer than POLICYKG_MAX_QUERY_BYTES."},
    503: {
        "description": "The query ran past POLICYKG_QUERY_TIMEOUT or POLICYKG_QUERY_MEMORY_MB "
        "and was stopped, or every worker is busy (with Retry-After)."
    },
}


def make_sparql_router(prefix: str = "") -> APIRouter:
    """The ``/sparql`` routes; the app provides a :class:`ServiceState` on ``app.state``."""
    router = APIRouter(prefix=prefix, tags=["SPARQL"])

    @router.get(
        "/sparql",
        summary="Run a SPARQL query (SPARQL 1.1 Protocol, GET)",
        description="With `query`, runs it and answers in the negotiated format. Without it, "
        "answers the service description (sd:Service with VoID statistics) to RDF clients and "
        "the query page to browsers.",
        responses=_RESULT_EXAMPLES,
        response_class=Response,
    )
    async def sparql_get(
        request: Request,
        state: Service,
        query: Annotated[
            str | None, Query(description="SPARQL 1.1 query text.", examples=[EXAMPLE_QUERY])
        ] = None,
        default_graph_uri: Annotated[
            list[str] | None,
            Query(
                alias="default-graph-uri", description="Graphs whose union is the default graph."
            ),
        ] = None,
        named_graph_uri: Annotated[
            list[str] | None,
            Query(alias="named-graph-uri", description="Graphs available to GRAPH patterns."),
        ] = None,
        format: Annotated[
            list[str] | None,
            Query(
                description="Name the answer's format instead of Accept: json, xml, csv, tsv, "
                "turtle (ttl, n3), jsonld (json-ld), nt (ntriples), rdfxml (rdf+xml, xml) or a "
                "media type. The first value that fits the answer wins (then `output`, "
                "`results`); other values are ignored and Accept decides."
            ),
        ] = None,
        output: Annotated[
            list[str] | None, Query(description="Same as `format` (read after it).")
        ] = None,
    ) -> Response:
        params = dataset.collect(request.query_params.multi_items())
        if "update" in params:
            raise ApiError(400, "updates must be sent with POST", "use POST with update=…")
        text = dataset.single(params, "query")
        if text is None:
            return await _describe_or_page(request, state, dataset.format_names(params))
        return await _answer(request, state, text, params)

    @router.post(
        "/sparql",
        summary="Run a SPARQL query or update (SPARQL 1.1 Protocol, POST)",
        description="Body `application/sparql-query` (query), `application/sparql-update` "
        "(update, admin token) or a form with `query=` or `update=`. Graph parameters go in "
        "the URL (direct POST) or the form.",
        responses=_RESULT_EXAMPLES,
        response_class=Response,
        openapi_extra={
            "requestBody": {
                "content": {
                    QUERY_MEDIA: {"schema": {"type": "string"}, "example": EXAMPLE_QUERY},
                    UPDATE_MEDIA: {"schema": {"type": "string"}},
                    FORM_MEDIA: {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "query": {"type": "string"},
                                "update": {"type": "string"},
                                "default-graph-uri": {"type": "string"},
                                "named-graph-uri": {"type": "string"},
                                "format": {"type": "string"},
                                "using-graph-uri": {"type": "string"},
                                "using-named-graph-uri": {"type": "string"},
                            },
                        }
                    },
                },
            }
        },
    )
    async def sparql_post(request: Request, state: Service) -> Response:
        media, _, media_params = request.headers.get("content-type", "").lower().partition(";")
        media = media.strip()
        _check_charset(media_params)
        limit = state.settings.max_query_bytes
        url_params = request.query_params.multi_items()
        if media in (QUERY_MEDIA, UPDATE_MEDIA):
            text = _decode(await _read_body(request, limit))
            params = dataset.collect(url_params)
            if media == UPDATE_MEDIA:
                return await _update(request, state, text, params)
            return await _answer(request, state, text, params)
        if media == FORM_MEDIA:
            # URL-encoding can triple the size of CJK text; the decoded text is checked too.
            raw = await _read_body(request, limit * 9 + 4096)
            form = parse_qsl(_decode(raw), keep_blank_values=True)
            params = dataset.collect(form, url_params)
            query, update = dataset.single(params, "query"), dataset.single(params, "update")
            if (query is None) == (update is None):
                raise ApiError(400, "the form needs exactly one query= or update= field")
            if update is not None:
                return await _update(request, state, update, params)
            assert query is not None
            return await _answer(request, state, query, params)
        raise ApiError(
            415,
            "unsupported request body type",
            f"send {QUERY_MEDIA}, {UPDATE_MEDIA} or {FORM_MEDIA}",
        )

    @router.get(
        "/health",
        summary="Whether the query service is up, and its workers",
        description="`ok` is true when queries can run: workers alive per lane, worker deaths "
        "since start, jobs waiting, and whether workers are cut off from the network.",
        tags=["SPARQL"],
        responses={
            200: {
                "content": {
                    "application/json": {
                        "example": {
                            "ok": True,
                            "workers": {"light": 2, "heavy": 2},
                            "configured": {"light": 2, "heavy": 2},
                            "deaths": 0,
                            "waiting": 0,
                            "network_isolated": True,
                        }
                    }
                }
            },
            503: {"description": "No worker is alive in some lane (they are being replaced)."},
        },
    )
    async def health(state: Service) -> JSONResponse:
        report = state.executor.health()
        workers = report.get("workers") or {}
        ok = not workers or "running" in workers or all(n > 0 for n in workers.values())
        return JSONResponse({"ok": ok, **report}, status_code=200 if ok else 503)

    return router


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) as soon as it grows past ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "query too large", {"max_bytes": limit})
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "query too large", {"max_bytes": limit})
        chunks.append(chunk)
    return b"".join(chunks)


def _check_charset(media_params: str) -> None:
    """Refuse (415) a body declared in another charset than UTF-8 (Protocol §2.1.2, §2.2.2)."""
    for param in media_params.split(";"):
        key, _, value = param.partition("=")
        charset = value.strip().strip('"').lower()
        if key.strip() == "charset" and charset not in ("utf-8", "utf8"):
            raise ApiError(415, "the request body must be UTF-8", {"charset": charset or None})


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "the request body is not UTF-8", str(exc)) from exc


def check_text(state: ServiceState, text: str, what: str) -> None:
    """Refuse, before any parser sees it, a text that is too long (413), nested too deeply
    (400) or that may reach out to the network while SERVICE and LOAD are off (403)."""
    limit = state.settings.max_query_bytes
    if len(text.encode("utf-8")) > limit:
        raise ApiError(413, f"{what} too large", {"max_bytes": limit})
    depth, max_depth = guard.nesting_depth(text), state.settings.max_query_depth
    if depth > max_depth:
        raise ApiError(
            400,
            f"{what} nested too deeply",
            {"depth": depth, "max_depth": max_depth, "hint": "flatten the brackets"},
        )
    if not state.settings.allow_service and guard.uses_network(text):
        raise ApiError(
            403,
            "SERVICE and LOAD are disabled",
            "this endpoint makes no outbound requests (POLICYKG_ALLOW_SERVICE is off)",
        )


def _choose_format(request: Request, kind: str, names: list[str]) -> conneg.Format:
    """The first ``format``/``output`` value naming a format of ``kind``, else Accept's
    choice; values that name nothing of this kind are ignored (see :mod:`api.dataset`)."""
    for name in names:
        fmt = conneg.by_name(name, kind)
        if fmt is not None:
            return fmt
    fmt = conneg.negotiate(request.headers.get("accept"), kind)
    if fmt is None:
        raise ApiError(
            406,
            "none of the accepted media types fits this answer",
            {"accept": request.headers.get("accept"), "available": conneg.media_types(kind)},
        )
    return fmt


def base_iri(request: Request, state: ServiceState) -> str:
    """The IRI relative IRIs in a request resolve against: the public base's ``sparql``,
    else the endpoint's own URL (without its query string)."""
    public = state.settings.public_base
    if public:
        return public + "sparql"
    return str(request.url.replace(query=""))


async def _answer(
    request: Request, state: ServiceState, text: str, params: dataset.Params
) -> Response:
    check_text(state, text, "query")
    names = dataset.format_names(params)
    if not names and _prefers_page(request):
        return HTMLResponse(render_query_page(request, state, query=text))
    form = guard.query_form(text)
    if form is None and guard.looks_like_update(text):
        raise ApiError(
            400, "this is an update, not a query", "send updates by POST as update= (admin only)"
        )
    kind = conneg.GRAPH if form in ("CONSTRUCT", "DESCRIBE") else conneg.RESULTS
    fmt = _choose_format(request, kind, names)
    # The other kind's format is a fallback in case the form was misread: answer, never fail.
    results_fmt = fmt.name if kind == conneg.RESULTS else "json"
    graph_fmt = fmt.name if kind == conneg.GRAPH else "turtle"
    default_graphs = _graph_iris(params.get("default-graph-uri"), "default-graph-uri")
    named_graphs = _graph_iris(params.get("named-graph-uri"), "named-graph-uri")
    if named_graphs and not default_graphs:
        default_graphs = []  # Protocol §2.1.4: named graphs alone, an empty default graph
    job = SparqlJob(
        query=dataset.with_base(text, base_iri(request, state)),
        results_format=results_fmt,
        graph_format=graph_fmt,
        default_graphs=tuple(default_graphs) if default_graphs is not None else None,
        named_graphs=tuple(named_graphs) if named_graphs else None,
        max_rows=state.settings.max_rows,
    )
    try:
        answer = await run_while_connected(request, lambda: state.run(job))
    except QuerySyntaxError as exc:
        raise QuerySyntaxError(dataset.error_in_sent_text(str(exc))) from None
    assert isinstance(answer, SparqlAnswer)
    written = conneg.by_name(answer.format, answer.kind) or fmt
    headers = {"Vary": "Accept", "X-PolicyKG-Rows": str(answer.rows)}
    if answer.truncated:
        headers[TRUNCATED_HEADER] = "true"
    return Response(answer.body, media_type=written.content_type, headers=headers)


def _graph_iris(values: list[str] | None, parameter: str) -> list[str] | None:
    """The graph IRIs of a dataset parameter; 400 for anything that is not an absolute IRI."""
    if not values:
        return None
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise ApiError(
                400, f"{parameter} is not an IRI", {"value": value, "error": str(exc)}
            ) from exc
        if ":" not in value:
            raise ApiError(400, f"{parameter} is not an absolute IRI", {"value": value})
    return values


def _prefers_page(request: Request) -> bool:
    """True when a browser asks: text/html is preferred over every SPARQL answer type."""
    fmt = conneg.negotiate(request.headers.get("accept"), conneg.PAGE, conneg.RESULTS, conneg.GRAPH)
    return (
        fmt is not None
        and fmt.kind == conneg.PAGE
        and "text/html" in (request.headers.get("accept") or "")
    )


async def _describe_or_page(request: Request, state: ServiceState, names: list[str]) -> Response:
    fmt = next((f for f in (conneg.by_name(n, conneg.GRAPH) for n in names) if f), None)
    if fmt is None:
        # Machines asking */* get the description; browsers list text/html first.
        chosen = conneg.negotiate(request.headers.get("accept"), conneg.GRAPH, conneg.PAGE)
        if chosen is None:
            raise ApiError(
                406,
                "none of the accepted media types fits the service description",
                {"available": conneg.media_types(conneg.GRAPH, conneg.PAGE)},
            )
        if chosen.kind == conneg.PAGE:
            return HTMLResponse(render_query_page(request, state))
        fmt = chosen
    body = await service_description(state, base_iri(request, state), fmt)
    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})


async def _update(
    request: Request, state: ServiceState, text: str, params: dataset.Params
) -> Response:
    state.check_admin(request, "SPARQL Update")
    check_text(state, text, "update")
    using = _graph_iris(params.get("using-graph-uri"), "using-graph-uri")
    using_named = _graph_iris(params.get("using-named-graph-uri"), "using-named-graph-uri")
    update = dataset.with_base(
        dataset.add_using(text, using, using_named), base_iri(request, state)
    )
    timeout = state.settings.query_timeout
    try:
        await state.write(lambda: admin.apply_update(state.store, state.executor, update, timeout))
    except QuerySyntaxError as exc:
        raise QuerySyntaxError(dataset.error_in_sent_text(str(exc))) from None
    return Response(b'{"ok": true, "status": 200}', media_type="application/json", status_code=200)
