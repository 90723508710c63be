"""The search results page (``/ui/search``): ranked hits with their matches marked, and the
facets as links that narrow the search (江苏省 → its cities, a year, a level, …).

It asks the same index as ``GET /search`` (:mod:`graph.fulltext`); every filter is a plain
query parameter, so a narrowed search is a link a researcher can keep or share.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from graph import fulltext
from ontology import terms
from visualizations.render import Assets, asset_context, environment

KIND_LABELS = {"document": "文件标题", "measure": "措施", "target": "目标", "agency": "部门"}
LEVEL_LABELS = {slug: zh for slug, zh, _ in terms.LEVELS}
IN_FORCE_LABELS = {"true": "有效", "false": "已失效", "unknown": "不明"}
FACET_TITLES = {
    "kind": "类型",
    "level": "层级",
    "region": "地区",
    "year": "年份",
    "type": "文种",
    "issuer": "发文机关",
    "in_force": "效力",
}
#: facet → the query parameter a click on one of its values sets
FACET_PARAMS = {
    "kind": "kind",
    "level": "level",
    "region": "region",
    "type": "type",
    "issuer": "issuer",
    "in_force": "in_force",
}


def marked(snippet: str, highlights: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The snippet cut into (text, is a match) pieces for the template to mark.

    >>> marked("推进名牌战略", [(2, 4)])
    [('推进', False), ('名牌', True), ('战略', False)]
    """
    pieces, at = [], 0
    for start, end in highlights:
        if start > at:
            pieces.append((snippet[at:start], False))
        pieces.append((snippet[start:end], True))
        at = end
    if at < len(snippet):
        pieces.append((snippet[at:], False))
    return pieces


def _link(params: dict[str, str], **changes: str | None) -> str:
    """``/ui/search`` with ``params`` changed (None removes one); any change goes to page 1."""
    merged = {**params, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    return "/ui/search?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def search_page(
    request: Request,
    q: str = "",
    kind: str | None = None,
    level: str | None = None,
    region: str | None = None,
    year_from: Annotated[int | None, Query(alias="from", ge=1000, le=9999)] = None,
    year_to: Annotated[int | None, Query(alias="to", ge=1000, le=9999)] = None,
    type: str | None = None,
    issuer: str | None = None,
    in_force: Annotated[str | None, Query(pattern="^(true|false)$")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    """Full-text search with facets (see :mod:`graph.fulltext`)."""
    params = {
        "q": q,
        "kind": kind,
        "level": level,
        "region": region,
        "from": str(year_from) if year_from else None,
        "to": str(year_to) if year_to else None,
        "type": type,
        "issuer": issuer,
        "in_force": in_force,
    }
    shown = {k: v for k, v in params.items() if v}
    result = None
    error = None
    if q.strip():
        state: Any = getattr(request.app.state, "policykg", None)
        if state is None:
            raise HTTPException(503, "no store configured")
        query = fulltext.SearchQuery(
            q=q,
            kinds=(kind,) if kind else (),
            levels=(level,) if level else (),
            region=region,
            year_from=year_from,
            year_to=year_to,
            doc_type=type,
            issuer=issuer,
            in_force=None if in_force is None else in_force == "true",
            page=page,
            per_page=20,
        )
        try:
            result = fulltext.index_for(state.store).search(query)
        except fulltext.BadQuestion as exc:
            error = str(exc)
    context = {
        "q": q,
        "params": shown,
        "result": result,
        "error": error,
        "hits": _hits(result) if result else [],
        "facets": _facets(result, shown) if result else [],
        "filters": _filters(shown),
        "pages": _pages(result, shown) if result else {},
    }
    html = (
        environment()
        .get_template("search_results.html")
        .render(**asset_context(Assets()), **context)
    )
    return HTMLResponse(html, status_code=400 if error else 200)


def reader_url(
    doc_id: str, offsets: list[tuple[int, int]], evidence: tuple[int, int] | None
) -> str:
    """The reader page with the hit's matches marked and scrolled to (``hl=start-end,…``);
    the evidence sentence when the matched text is not a slice of the document's text.

    >>> reader_url("d", [(3, 5), (9, 11)], None)
    '/ui/documents/d?hl=3-5,9-11#hit'
    """
    spans = list(offsets) or ([evidence] if evidence else [])
    if not spans:
        return f"/ui/documents/{doc_id}"
    return f"/ui/documents/{doc_id}?hl=" + ",".join(f"{s}-{e}" for s, e in spans) + "#hit"


def _hits(result: fulltext.SearchResult) -> list[dict[str, Any]]:
    rows = []
    for hit in result.hits:
        doc_id = hit.doc.removeprefix(terms.DOC_BASE)
        rows.append(
            {
                "kind": KIND_LABELS.get(hit.kind, hit.kind),
                "label": hit.label if hit.kind != "document" else None,
                "title": hit.title or "（无标题）",
                "url": reader_url(doc_id, hit.offsets, hit.evidence),
                "where": " · ".join(
                    x
                    for x in (hit.region_label, LEVEL_LABELS.get(hit.level), str(hit.year or ""))
                    if x
                ),
                "pieces": marked(hit.snippet, hit.highlights),
                "offsets": hit.offsets,
            }
        )
    return rows


def _label(name: str, value: str, label: str) -> str:
    if name == "kind":
        return KIND_LABELS.get(value, value)
    if name == "level":
        return LEVEL_LABELS.get(value, value)
    if name == "in_force":
        return IN_FORCE_LABELS.get(value, value)
    if name == "year" and value == "unknown":
        return "不明"
    return label


def _facets(result: fulltext.SearchResult, params: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for name, values in result.facets.items():
        links = []
        for facet in values[:12]:
            if name == "year":
                if facet.value == "unknown":
                    continue
                href = _link(params, **{"from": facet.value, "to": facet.value})
            elif name == "region":
                href = _link(params, region=facet.value.rsplit("/", 1)[-1])
            else:
                href = _link(params, **{FACET_PARAMS[name]: facet.value})
            label = _label(name, facet.value, facet.label)
            links.append({"label": label, "count": facet.count, "href": href})
        if links:
            out.append({"name": name, "title": FACET_TITLES[name], "values": links})
    return out


def _filters(params: dict[str, str]) -> list[dict[str, str]]:
    """The filters in force, each with the link that removes it."""
    out = []
    for key, value in params.items():
        if key == "q":
            continue
        label = {"from": "起始年", "to": "截止年"}.get(key) or FACET_TITLES.get(key, key)
        shown = _label(key, value, value)
        out.append({"label": f"{label}：{shown}", "href": _link(params, **{key: None})})
    return out


def _pages(result: fulltext.SearchResult, params: dict[str, str]) -> dict[str, Any]:
    last = max(1, -(-result.total // result.per_page))
    return {
        "page": result.page,
        "last": last,
        "prev": _link(params, page=str(result.page - 1)) if result.page > 1 else None,
        "next": _link(params, page=str(result.page + 1)) if result.page < last else None,
    }
