"""``GET /search``: ranked, faceted full-text search over the index beside the store
(:mod:`graph.fulltext`), and the writes behind upload and delete that keep it in step.

The answer is documented in OpenAPI by the pydantic models below; every hit carries the
character offsets of its matches and of its evidence in the document's cleaned text
(``/documents/{id}/text``), which the reader page highlights.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from pydantic import BaseModel, Field

from api import admin
from api.errors import ApiError
from graph import fulltext, iris
from graph.store import Store
from loaders.record import PolicyDocument
from ontology import terms

FACETS = ("kind", "level", "region", "year", "type", "issuer", "in_force")


class Evidence(BaseModel):
    """Where the hit's evidence stands in the document's cleaned text."""

    document: str
    start: int
    end: int


class SearchHit(BaseModel):
    """One ranked hit."""

    kind: str = Field(description="document (a title), measure, target or agency.")
    item: str = Field(description="IRI of the document, measure, target or agency.")
    label: str | None = Field(description="Measure heading, indicator, agency or title.")
    doc: str = Field(description="IRI of the document the hit is in.")
    id: str = Field(description="The document's id (`/documents/{id}`).")
    title: str | None
    level: str
    region: str | None
    regionLabel: str | None
    year: int | None
    score: float = Field(description="BM25 (higher is better), titles weighted ×2.")
    snippet: str = Field(description="The matched text around the first match.")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) of each match within `snippet`."
    )
    offsets: list[tuple[int, int]] = Field(
        description="[start, end) of each match in the document's cleaned text "
        "(empty when the matched text is not a verbatim slice of it, e.g. an agency's full "
        "name)."
    )
    evidence: Evidence | None
    url: str = Field(description="The document's text with its facts.")


class FacetCount(BaseModel):
    """A facet value and how many hits have it (counted with the other filters applied)."""

    value: str
    label: str
    count: int


class SearchAnswer(BaseModel):
    """A page of hits, their total and the facets."""

    q: str
    terms: list[str] = Field(description="The terms searched; every one must occur.")
    relaxed: bool = Field(
        description="True when no entry held the question as written and its words (jieba) "
        "were searched instead."
    )
    total: int
    page: int
    perPage: int
    pages: int
    items: list[SearchHit]
    facets: dict[str, list[FacetCount]] = Field(
        description="kind, level, region (one level below the chosen region), year, type, "
        "issuer, in_force."
    )
    ms: float = Field(description="Time the index took, milliseconds.")


EXAMPLE: dict[str, Any] = {
    "q": "名牌",
    "terms": ["名牌"],
    "relaxed": False,
    "total": 17,
    "page": 1,
    "perPage": 1,
    "pages": 17,
    "items": [
        {
            "kind": "measure",
            "item": "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123/measure/12",
            "label": "加强名牌培育工作",
            "doc": "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123",
            "id": "su-zhengbanfa-2012-123",
            "title": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "level": "province",
            "region": "https://w3id.org/policykg/region/320000",
            "regionLabel": "江苏省",
            "year": 2012,
            "score": 2.31,
            "snippet": "加强名牌培育工作。推动“全国知名品牌创建示范区”建设,新培育江苏名牌产品…",
            "highlights": [[2, 4], [36, 38]],
            "offsets": [[2701, 2703], [2735, 2737]],
            "evidence": {
                "document": "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123",
                "start": 2699,
                "end": 2840,
            },
            "url": "/documents/su-zhengbanfa-2012-123/text",
        }
    ],
    "facets": {
        "kind": [{"value": "measure", "label": "measure", "count": 12}],
        "level": [{"value": "province", "label": "province", "count": 8}],
        "region": [
            {"value": "https://w3id.org/policykg/region/320000", "label": "江苏省", "count": 13}
        ],
        "year": [{"value": "2012", "label": "2012", "count": 8}],
        "type": [{"value": "通知", "label": "通知", "count": 10}],
        "issuer": [{"value": "江苏省人民政府办公厅", "label": "江苏省人民政府办公厅", "count": 8}],
        "in_force": [{"value": "unknown", "label": "unknown", "count": 6}],
    },
    "ms": 1.3,
}


def split_values(values: list[str] | None) -> tuple[str, ...]:
    """Repeated or comma-separated query values as one tuple (``level=city,county``).

    >>> split_values(["city,county", "town"])
    ('city', 'county', 'town')
    """
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def answer(result: fulltext.SearchResult, q: str) -> dict[str, Any]:
    """The JSON answer for a search result (see :class:`SearchAnswer`)."""
    items = []
    for hit in result.hits:
        doc_id = hit.doc.removeprefix(terms.DOC_BASE)
        items.append(
            {
                "kind": hit.kind,
                "item": hit.item,
                "label": hit.label,
                "doc": hit.doc,
                "id": doc_id,
                "title": hit.title,
                "level": hit.level,
                "region": hit.region,
                "regionLabel": hit.region_label,
                "year": hit.year,
                "score": hit.score,
                "snippet": hit.snippet,
                "highlights": [list(h) for h in hit.highlights],
                "offsets": [list(o) for o in hit.offsets],
                "evidence": (
                    {"document": hit.doc, "start": hit.evidence[0], "end": hit.evidence[1]}
                    if hit.evidence
                    else None
                ),
                "url": f"/documents/{doc_id}/text",
            }
        )
    return {
        "q": q,
        "terms": result.terms,
        "relaxed": result.relaxed,
        "total": result.total,
        "page": result.page,
        "perPage": result.per_page,
        "pages": -(-result.total // result.per_page),
        "items": items,
        "facets": {
            name: [
                {"value": f.value, "label": f.label, "count": f.count}
                for f in result.facets.get(name, [])
            ]
            for name in FACETS
        },
        "ms": round(result.seconds * 1000, 2),
    }


async def run(store: Store, query: fulltext.SearchQuery) -> fulltext.SearchResult:
    """Search the store's index in a thread; a question that cannot be searched is a 400."""

    def search() -> fulltext.SearchResult:
        return fulltext.index_for(store).search(query)

    try:
        return await anyio.to_thread.run_sync(search)
    except fulltext.BadQuestion as exc:
        raise ApiError(400, "bad search question", str(exc)) from exc


def load_one(store: Store, record: PolicyDocument, *, replace: bool = False) -> dict[str, Any]:
    """:func:`api.admin.load_one` with the index in step: its changes commit with the load,
    and if the load fails (and the store is put back) the index follows the store."""
    with fulltext.index_for(store).writing(store):
        return admin.load_one(store, record, replace=replace)


def delete_one(store: Store, doc_iri: str) -> dict[str, Any]:
    """:func:`api.admin.delete_one` with the document dropped from the index in the same
    step."""
    index = fulltext.index_for(store)
    with index.writing(store):
        summary = admin.delete_one(store, doc_iri)
        index.drop([iris.document_graph(doc_iri)])
    return summary
