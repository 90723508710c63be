"""Dereferenceable IRIs: every ``https://w3id.org/policykg/…`` resource answers on this server.

``GET /doc/…``, ``/agency/…``, ``/region/…``, ``/concept/…``, ``/target/…``, ``/measure/…``,
``/group/…`` and ``/ontology`` map onto the IRI with the same path under
:data:`ontology.terms.BASE` (a w3id redirect, or a proxy, sends the public IRIs here). Links
the server writes to those IRIs (in pages and ``Link`` headers) go to the same path under
``POLICYKG_PUBLIC_BASE`` when it is set (the public address: ``https://w3id.org/policykg/``
itself, or a proxy's), else to the path on this server. What comes back is chosen by the
``Accept`` header, or by a suffix that wins over it:

- Turtle (``.ttl``), JSON-LD (``.jsonld``), N-Triples (``.nt``), RDF/XML (``.rdf``): the
  resource's own triples, the labels of what they point at, and its blank nodes;
- HTML: a 303 to the page made for the resource (a document, an agency, an indicator's
  cascade), else a plain page listing its triples.

Every answer carries ``Link: <…>; rel="alternate"; type=…`` for the other formats and
``Vary: Accept``; an IRI the store knows nothing about answers 404.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api import conneg
from api.errors import error_response
from api.jobs import SparqlAnswer, SparqlJob
from api.state import ServiceState
from ontology import terms

#: the first path segment of every instance IRI this project mints
KINDS = ("doc", "agency", "region", "concept", "target", "measure", "group")
#: suffix → format name in :mod:`api.conneg`
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "nt", ".rdf": "rdfxml"}
_SUFFIX_OF = {fmt: suffix for suffix, fmt in SUFFIXES.items()}
#: a description is small; a cap keeps a hub node (a region with thousands of links) bounded
MAX_TRIPLES = 5_000


def describe_query(iri: str) -> str:
    """The CONSTRUCT that describes one resource: its triples, its blank nodes' triples and the
    labels of the resources it points at.

    >>> "<https://w3id.org/policykg/doc/x> ?p ?o" in describe_query("https://w3id.org/policykg/doc/x")
    True
    """
    node = f"<{iri}>"
    label = f"<{terms.SKOS_PREF_LABEL}>"
    return (
        f"CONSTRUCT {{ {node} ?p ?o . ?o ?bp ?bo . ?o {label} ?label }} WHERE {{ "
        f"{{ {node} ?p ?o }} UNION "
        f"{{ {node} ?p ?o FILTER(isBlank(?o)) ?o ?bp ?bo }} UNION "
        f"{{ {node} ?p ?o FILTER(isIRI(?o)) ?o {label} ?label }} }}"
    )


def ontology_query() -> str:
    """Every triple of the ontology graph."""
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{terms.GRAPH_ONTOLOGY}> {{ ?s ?p ?o }} }}"


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, fmt in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], fmt
    return path, None


def public_href(iri: str, public_base: str | None) -> str:
    """Where a link to ``iri`` points: one of the project's IRIs goes to its path under the
    public base (or on this server when none is set); any other IRI stays as it is.

    >>> public_href(terms.BASE + "doc/x", None)
    '/doc/x'
    >>> public_href(terms.BASE + "doc/x", "https://kg.example.org/policykg/")
    'https://kg.example.org/policykg/doc/x'
    >>> public_href("http://www.w3.org/ns/org#Organization", None)
    'http://www.w3.org/ns/org#Organization'
    """
    if not iri.startswith(terms.BASE):
        return iri
    return (public_base or "/") + iri[len(terms.BASE) :]


def _links(path: str, public_base: str | None) -> str:
    """The ``Link`` header naming every RDF rendering of ``path``."""
    href = public_href(terms.BASE + path.lstrip("/"), public_base)
    parts = [
        f'<{href}{suffix}>; rel="alternate"; type="{conneg.by_name(fmt, conneg.GRAPH).media_type}"'  # type: ignore[union-attr]
        for suffix, fmt in SUFFIXES.items()
    ]
    return ", ".join(parts)


def _page_for(iri: str) -> str | None:
    """The human page made for a resource, if there is one."""
    for kind, section in (("doc", "documents"), ("agency", "agencies")):
        prefix = f"{terms.BASE}{kind}/"
        local = iri[len(prefix) :] if iri.startswith(prefix) else ""
        # a document's own page; its measures and targets are shown on it
        if local and (kind == "agency" or "/" not in local):
            return f"/ui/{section}/{local}"
    indicator = terms.CONCEPT_BASE + "indicator/"
    if iri.startswith(indicator):
        return "/ui/cascades/" + iri[len(indicator) :]
    return None


async def _describe(state: ServiceState, query: str, fmt: str) -> SparqlAnswer:
    answer = await state.run(SparqlJob(query=query, graph_format=fmt, max_rows=MAX_TRIPLES))
    assert isinstance(answer, SparqlAnswer)
    return answer


def _resource_page(iri: str, path: str, body: bytes, public_base: str | None) -> str:
    """A plain HTML listing of a resource's triples (from its N-Triples), links kept local."""
    import pyoxigraph as ox

    rows = []
    label = iri
    for triple in ox.parse(body, ox.RdfFormat.N_TRIPLES):
        if triple.subject.value != iri:
            continue
        obj: Any = triple.object
        if triple.predicate.value == terms.SKOS_PREF_LABEL:
            label = obj.value
        if isinstance(obj, ox.NamedNode):
            target = public_href(obj.value, public_base)
            cell = f'<a href="{html.escape(target)}">{html.escape(terms.compact(obj.value))}</a>'
        else:
            cell = html.escape(str(obj.value))
        rows.append(
            f"<tr><th>{html.escape(terms.compact(triple.predicate.value))}</th><td>{cell}</td></tr>"
        )
    path = public_href(terms.BASE + path.lstrip("/"), public_base)
    alternates = "".join(
        f'<link rel="alternate" type="{conneg.by_name(fmt, conneg.GRAPH).media_type}" '  # type: ignore[union-attr]
        f'href="{html.escape(path + suffix)}">'
        for suffix, fmt in SUFFIXES.items()
    )
    downloads = " · ".join(
        f'<a href="{html.escape(path + suffix)}">{suffix[1:]}</a>' for suffix in SUFFIXES
    )
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>{html.escape(label)} · policykg</title>{alternates}"
        '<link rel="stylesheet" href="/viz/static/viz.css"></head><body>'
        '<nav><a href="/">policykg</a></nav>'
        f"<h1>{html.escape(label)}</h1><p><code>{html.escape(iri)}</code></p>"
        f"<p>As data: {downloads}</p>"
        f"<table>{''.join(rows)}</table></body></html>"
    )


def make_linked_router() -> APIRouter:
    """The routes that make the project's IRIs resolve."""
    router = APIRouter(tags=["linked data"])

    async def resolve(request: Request) -> Response:
        state: ServiceState = request.app.state.policykg
        # the raw path keeps the percent-encoding the IRIs were minted with
        raw = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
        raw = raw.split("?", 1)[0]
        path, suffix_format = _split_suffix(raw)
        fmt = suffix_format
        if fmt is None:
            chosen = conneg.negotiate(request.headers.get("accept"), conneg.GRAPH, conneg.PAGE)
            fmt = chosen.name if chosen is not None else "turtle"
        is_ontology = path.rstrip("/") == "/ontology"
        iri = terms.BASE + quote(unquote(path.lstrip("/")), safe="/%-_.~:@!$&'()*+,;=")
        query = ontology_query() if is_ontology else describe_query(iri)
        probe = await _describe(state, query, "nt")
        if not probe.body.strip():
            return error_response(404, f"nothing is known about {iri}")
        public_base = state.settings.public_base
        headers = {"Link": _links(path, public_base), "Vary": "Accept"}
        if fmt == "html":
            page = None if is_ontology else _page_for(iri)
            if page is not None:
                return RedirectResponse(page, status_code=303, headers=headers)
            page_html = _resource_page(iri, path, probe.body, public_base)
            return HTMLResponse(page_html, headers=headers)
        answer = probe if fmt == "nt" else await _describe(state, query, fmt)
        media = conneg.by_name(fmt, conneg.GRAPH)
        assert media is not None
        headers["Content-Type"] = media.content_type
        return Response(answer.body, headers=headers)

    summary = "The resource an IRI names, as Turtle, JSON-LD, N-Triples, RDF/XML or a page"
    agency = f"<{terms.AGENCY_BASE}320000/quality-supervision>"
    responses: dict[int | str, dict[str, Any]] = {
        200: {
            "description": "The resource's triples, or a page listing them",
            "content": {
                "text/turtle": {"example": f'{agency} skos:prefLabel "江苏省质量技术监督局"@zh .'},
                "application/n-triples": {
                    "example": f'{agency} <{terms.SKOS_PREF_LABEL}> "江苏省质量技术监督局"@zh .'
                },
                "application/ld+json": {
                    "example": [{"@id": agency[1:-1], terms.SKOS_PREF_LABEL: "…"}]
                },
                "application/rdf+xml": {"example": "<rdf:RDF …>"},
                "text/html": {"example": "<!doctype html>…"},
            },
        },
        303: {"description": "A browser is sent to the page made for the resource"},
        404: {"description": "The store knows nothing about this IRI"},
    }
    routes = ["/ontology", *(f"/ontology{suffix}" for suffix in SUFFIXES)]
    routes += [f"/{kind}/{{local:path}}" for kind in KINDS]
    for route in routes:
        router.add_api_route(route, resolve, methods=["GET"], summary=summary, responses=responses)
    return router
