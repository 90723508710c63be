"""What each page and view asks the store: named queries in, page contexts and views out.

The only module of this package that talks to a store, and only through
``graph.queries.run`` (named ``.rq`` queries), except "view as graph", which draws the
result of the user's own query text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from graph import queries
from graph.errors import GraphError, ParameterError
from graph.store import Store
from ontology import terms
from visualizations import style
from visualizations.highlight import Fact, Segment, segments
from visualizations.model import View, agency_url, cascade_url, doc_url, local_id
from visualizations.results import MAX_NODES, solutions_view, triples_view
from visualizations.views import (
    Row,
    agency_view,
    cascade_view,
    document_view,
    hierarchy_view,
    target_text,
)

ROLE_PARAM = {
    "lead": "lead",
    "participant": "participating",
    "participating": "participating",
    "responsible": "responsible",
}


def _run(store: Store, name: str, **params: Any) -> list[dict[str, str | None]]:
    return queries.run(store, name, **params)


def _capped(
    rows: list[dict[str, str | None]], limit: int = MAX_NODES
) -> list[dict[str, str | None]]:
    """Rows enough for about ``limit`` nodes (each row adds at most three)."""
    return rows[: max(1, limit // 2)]


def _with_urls(rows: list[dict[str, str | None]]) -> list[dict[str, Any]]:
    """Rows plus ``url`` / ``agencyUrl`` / ``conceptUrl`` columns for the templates."""
    out = []
    for row in rows:
        item: dict[str, Any] = dict(row)
        item["url"] = doc_url(row.get("doc") or row.get("citing") or row.get("from"))
        item["agencyUrl"] = agency_url(row.get("agency"))
        item["conceptUrl"] = cascade_url(row.get("concept"))
        item["levelLabel"] = style.level_label(row.get("level") or row.get("docLevel"))
        out.append(item)
    return out


@dataclass(frozen=True)
class Slice:
    """Where a page's list stands in the whole answer: ``shown`` of ``total`` from ``offset``.

    >>> Slice(total=130, offset=50, shown=50).more, Slice(total=130, offset=50, shown=50).next
    (30, 100)
    """

    total: int
    offset: int
    shown: int
    #: the page size asked for
    limit: int = 100

    @property
    def more(self) -> int:
        """How many come after the page."""
        return max(0, self.total - self.offset - self.shown)

    @property
    def next(self) -> int | None:
        """The offset of the next page (None on the last)."""
        return self.offset + self.shown if self.more else None

    @property
    def previous(self) -> int | None:
        """The offset of the previous page (None on the first)."""
        return max(0, self.offset - self.limit) if self.offset else None


#: rows a page asks for at a time
PAGE = 100


def _page(
    store: Store, name: str, offset: int = 0, limit: int = PAGE, **params: Any
) -> tuple[list[dict[str, str | None]], Slice]:
    page = queries.run_page(store, name, limit=limit, offset=max(0, offset), **params)
    return page.rows, Slice(page.total, page.offset, len(page.rows), limit)


# ---- views ----------------------------------------------------------------------------------


def hierarchy(store: Store) -> View:
    """View 1 over the whole store."""
    documents = _run(store, "document_list")
    links = _run(store, "document_links")
    view = hierarchy_view(documents[:MAX_NODES], links[: MAX_NODES * 2])
    if len(documents) > MAX_NODES:
        view.notes.append(f"共 {len(documents)} 份文件，只画出前 {MAX_NODES} 份。")
    return view


def agencies(
    store: Store,
    *,
    role: str | None = None,
    level: str | None = None,
    region: str | None = None,
    agency: str | None = None,
) -> View:
    """View 3, optionally narrowed to one role, level, region (IRI or code) or agency id."""
    if agency:
        found = agency_detail(store, agency)
        if found is None:
            return agency_view([], title="部门网络：未找到该部门")
        return found.view
    params = {
        "role": ROLE_PARAM.get(role or "", None),
        "level": level if level in style.LEVELS else None,
        "region": region or None,
    }
    try:
        rows = _run(store, "agency_network", **params)
    except ParameterError:
        rows = []
    view = agency_view(_capped(rows), title="部门网络")
    if len(rows) > len(_capped(rows)):
        view.notes.append(
            f"共 {len(rows)} 条部门—措施关系，只画出前 {len(_capped(rows))} 条；可按角色、层级或地区缩小范围。"
        )
    return view


def cascade(store: Store, concept_id: str) -> View | None:
    """View 4 for an indicator concept id (``jiangsu-famous-brand``) or IRI; None when no
    target in the store uses that indicator."""
    found = cascade_detail(store, concept_id)
    return found.view if found else None


def query_result(store: Store, text: str) -> View:
    """View 5: the user's SELECT/CONSTRUCT/DESCRIBE result as a graph (at most MAX_NODES nodes).

    Raises ValueError for updates, ASK, SERVICE/LOAD (no outbound requests) or bad syntax."""
    if re.search(r"\b(SERVICE|LOAD)\b", text, re.IGNORECASE):
        raise ValueError("SERVICE and LOAD are not allowed here")
    try:
        result = store.query(text)
    except (GraphError, SyntaxError, OSError) as exc:
        raise ValueError(f"query failed: {exc}") from exc
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return solutions_view(variables, ([row[v] for v in variables] for row in result))
    if isinstance(result, ox.QueryTriples):
        return triples_view(result)
    raise ValueError("only SELECT, CONSTRUCT and DESCRIBE results can be drawn")


# ---- pages ----------------------------------------------------------------------------------


def overview(store: Store) -> dict[str, Any]:
    """The home page: counts by level, latest documents, top agencies, indicator concepts."""
    counts = _run(store, "counts_by_level")
    documents = _run(store, "document_list")
    latest = sorted(documents, key=lambda r: r.get("issued") or "", reverse=True)[:8]
    return {
        "counts": [{**row, "levelLabel": style.level_label(row.get("level"))} for row in counts],
        "total": sum(int(row.get("documents") or 0) for row in counts),
        "latest": _with_urls(latest),
        # the panel says "lead the most": an agency that leads nothing is not listed
        "agencies": _with_urls(
            [row for row in _run(store, "agencies") if _int(row.get("lead")) > 0][:10]
        ),
        "concepts": _with_urls(_run(store, "indicators")[:15]),
    }


def document_list(store: Store, *, level: str | None = None) -> list[dict[str, Any]]:
    """Every loaded document (optionally one level), newest first."""
    rows = _run(store, "document_list", level=level if level in style.LEVELS else None)
    return _with_urls(sorted(rows, key=lambda r: r.get("issued") or "", reverse=True))


def agency_list(store: Store) -> list[dict[str, Any]]:
    """Every agency with its measure counts by role."""
    return _with_urls(_run(store, "agencies"))


def concept_list(store: Store) -> list[dict[str, Any]]:
    """Indicator concepts with targets, most levels first."""
    return _with_urls(_run(store, "indicators"))


@dataclass
class DocumentPage:
    """Everything the document page shows."""

    iri: str
    detail: dict[str, Any]
    chain_up: list[dict[str, Any]]
    chain_down: list[dict[str, Any]]
    measures: list[dict[str, Any]]
    targets: list[dict[str, Any]]
    references_out: list[dict[str, Any]]
    references_in: list[dict[str, Any]]
    text: list[Segment]
    view: View
    #: the implementers shown (``chain_down``): a slice of them, maybe within a region
    chain_down_slice: Slice = field(default_factory=lambda: Slice(0, 0, 0))
    chain_region: str | None = None


def document(
    store: Store,
    doc_id: str,
    *,
    chain_offset: int = 0,
    chain_region: str | None = None,
    hits: Sequence[tuple[int, int]] = (),
) -> DocumentPage | None:
    """The document page and view for a document slug (``su-zhengbanfa-2012-123``), with a
    page of the documents implementing it (from ``chain_offset``, only those in
    ``chain_region`` and the regions inside it when given) and the spans ``hits`` (a search
    hit's matches) marked in its text."""
    try:
        found = _run(store, "document_detail", doc=doc_id)
    except ParameterError:
        return None
    if not found or not found[0].get("doc"):
        return None
    detail = found[0]
    iri = str(detail["doc"])
    measures = _run(store, "document_measures", doc=iri)
    targets = _run(store, "document_targets", doc=iri)
    refs_out = _run(store, "references_out", doc=iri)
    refs_in = _run(store, "references_in", doc=iri)
    text_rows = _run(store, "document_text", doc=iri)
    view = document_view(detail, measures, targets, refs_out, refs_in)
    text = (text_rows[0].get("text") if text_rows else None) or ""
    try:
        chain_down, chain_slice = _page(
            store, "chain_down", chain_offset, doc=iri, region=chain_region or None
        )
    except ParameterError:
        chain_down, chain_slice = [], Slice(0, 0, 0)
    return DocumentPage(
        iri=iri,
        detail={**detail, "levelLabel": style.level_label(detail.get("level"))},
        chain_up=_with_urls([{**r, "doc": r.get("to")} for r in _run(store, "chain_up", doc=iri)]),
        chain_down=_with_urls(chain_down),
        measures=_group_measures(measures),
        targets=[{**_with_urls([r])[0], "text": target_text(r)} for r in targets],
        references_out=[
            {
                **r,
                "url": doc_url(r.get("target")) if r.get("resolved") == "true" else None,
                "relationLabel": style.RELATIONS[style.relation_of(r.get("relation"))].label,
            }
            for r in refs_out
        ],
        references_in=[
            {
                **r,
                "url": doc_url(r.get("citing")),
                "relationLabel": style.RELATIONS[style.relation_of(r.get("relation"))].label,
            }
            for r in refs_in
        ],
        text=segments(text, _facts(measures, targets, refs_out), hits),
        view=view,
        chain_down_slice=chain_slice,
        chain_region=chain_region or None,
    )


def _group_measures(rows: list[dict[str, str | None]]) -> list[dict[str, Any]]:
    """One entry per measure with its agencies by role (rows come one per measure × agency)."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in rows:
        measure = row.get("measure")
        if not measure:
            continue
        entry = grouped.setdefault(
            measure,
            {
                "measure": measure,
                "path": row.get("path"),
                "heading": row.get("heading"),
                "agencies": [],
            },
        )
        if row.get("agency"):
            role = style.role_of(row.get("role"))
            entry["agencies"].append(
                {
                    "role": role,
                    "roleLabel": style.ROLES[role].label,
                    "name": row.get("agencyLabel") or row.get("rawName"),
                    "raw": row.get("rawName"),
                    "url": agency_url(row.get("agency")),
                    "node": row.get("agency"),
                }
            )
    return list(grouped.values())


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1


def _facts(measures: Sequence[Row], targets: Sequence[Row], refs_out: Sequence[Row]) -> list[Fact]:
    """Every extracted fact with its offsets, its hover text and the node it opens."""
    facts: list[Fact] = []
    for row in measures:
        heading = " ".join(filter(None, ["措施", row.get("path"), row.get("heading")]))
        facts.append(
            Fact(
                _int(row.get("measureStart")),
                _int(row.get("measureEnd")),
                "measure",
                heading,
                row.get("measure"),
            )
        )
        if row.get("agency"):
            role = style.ROLES[style.role_of(row.get("role"))].label
            name = row.get("agencyLabel") or row.get("rawName") or ""
            hover = f"{role}：{name}" + (
                f"（原文：{row['rawName']}）" if row.get("rawName") else ""
            )
            facts.append(
                Fact(
                    _int(row.get("start")), _int(row.get("end")), "agency", hover, row.get("agency")
                )
            )
    for row in targets:
        hover = f"目标：{row.get('indicator') or ''} {target_text(row)}" + (
            f"（{row['year']}年）" if row.get("year") else ""
        )
        facts.append(
            Fact(_int(row.get("start")), _int(row.get("end")), "target", hover, row.get("target"))
        )
    for row in refs_out:
        relation = style.RELATIONS[style.relation_of(row.get("relation"))].label
        title = row.get("targetTitle") or row.get("writtenTitle") or row.get("writtenNumber") or ""
        facts.append(
            Fact(
                _int(row.get("start")),
                _int(row.get("end")),
                "reference",
                f"{relation}：{title}",
                row.get("target"),
            )
        )
    return facts


@dataclass
class AgencyPage:
    """Everything the agency page shows."""

    iri: str
    info: dict[str, Any]
    by_role: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    view: View = field(default_factory=lambda: agency_view([]))
    #: the measures shown: a page of the agency's measures in document order
    measures: Slice = field(default_factory=lambda: Slice(0, 0, 0))


def agency_iri(agency_id: str) -> str:
    """``320000/quality-supervision`` → the agency's IRI (already-encoded parts kept as they are)."""
    return agency_id if agency_id.startswith(terms.AGENCY_BASE) else terms.AGENCY_BASE + agency_id


def agency_detail(
    store: Store, agency_id: str, *, offset: int = 0, limit: int = PAGE
) -> AgencyPage | None:
    """The agency page and its network: a page of its measures across all documents and
    levels (from ``offset``), and its counts over all of them."""
    iri = agency_iri(agency_id)
    try:
        rows, shown = _page(store, "agency_measures", offset, limit, agency=iri)
        found = _run(store, "agency_detail", agency=iri)
    except ParameterError:
        return None
    if not found and not rows:
        return None
    info = found[0] if found else {"agency": iri, "label": local_id(iri, "agency")}
    network_rows = [
        {
            **row,
            "agency": iri,
            "agencyLabel": info.get("label"),
            "agencyType": info.get("typeLabel"),
            "agencyRegionLabel": info.get("regionLabel"),
            "level": row.get("docLevel"),
        }
        for row in rows
    ]
    by_role: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _with_urls(rows):
        by_role[style.role_of(row.get("role"))].append(row)
    view = agency_view(_capped(network_rows), title=f"部门网络：{info.get('label') or ''}")
    if shown.more:
        view.notes.append(
            f"共 {shown.total} 项措施，这里是第 {shown.offset + 1}–{shown.offset + shown.shown} 项。"
        )
    return AgencyPage(
        iri, dict(info), {k: by_role[k] for k in style.ROLES if k in by_role}, view, shown
    )


@dataclass
class CascadePage:
    """Everything the cascade page shows."""

    concept: str
    label: str
    targets: list[dict[str, Any]]
    gaps: list[dict[str, Any]]
    view: View
    #: the targets shown: a page of the (scoped) cascade, in its order
    shown: Slice = field(default_factory=lambda: Slice(0, 0, 0))
    #: targets per level in the whole scoped cascade
    level_totals: list[dict[str, Any]] = field(default_factory=list)
    #: the region, level and years asked for (only those given)
    scope: dict[str, str] = field(default_factory=dict)

    def link(self, offset: int | None) -> str:
        """The query string of the same scoped cascade from ``offset``."""
        keep = {
            **self.scope,
            **({"limit": str(self.shown.limit)} if self.shown.limit != PAGE else {}),
        }
        return "?" + urlencode({**keep, "offset": offset or 0})


def cascade_detail(
    store: Store,
    concept_id: str,
    *,
    region: str | None = None,
    level: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> CascadePage | None:
    """The cascade page and view of one indicator concept: a page of its targets (from
    ``offset``), scoped to a region and every region inside it, a level and target years, with
    how many targets each level has. None when no target in the store uses the indicator (an
    unknown or misspelt id answers "not found", not an empty cascade)."""
    scope = {
        "region": region or None,
        "level": level if level in style.LEVELS else None,
        "from": year_from,
        "to": year_to,
    }
    try:
        page = queries.run_page(
            store,
            "cascade",
            limit=limit,
            offset=max(0, offset),
            count_by="level",
            concept=concept_id,
            **scope,
        )
        # not_taken_up has no scope: a scoped cascade leaves the gaps out rather than show
        # gaps of regions outside the scope
        missing = queries.run_page(
            store, "not_taken_up", limit=0 if any(scope.values()) else PAGE, concept=concept_id
        )
        labels = _run(store, "indicator_label", concept=concept_id)
    except ParameterError:
        return None
    rows = page.rows
    concept = concept_id if ":" in concept_id else f"{terms.INDICATOR_SCHEME}/{concept_id}"
    label = labels[0].get("label") if labels else None
    if label is None and not page.total and not any(scope.values()):
        return None
    label = label or concept_id
    gaps: list[dict[str, Any]] = []
    for row in missing.rows:
        lower = _run(store, "document_detail", doc=row["lowerDoc"]) if row.get("lowerDoc") else []
        where = lower[0] if lower else {}
        gaps.append(
            {
                **row,
                "lowerLevel": where.get("level"),
                "lowerRegion": where.get("regionLabel"),
                "url": doc_url(row.get("lowerDoc")),
            }
        )
    view = cascade_view(rows, gaps, concept_label=str(label))
    shown = Slice(page.total, page.offset, len(rows), limit)
    if shown.more:
        view.notes.append(
            f"共 {shown.total} 个目标，只画出本页 {shown.shown} 个；可按地区、层级、年份缩小范围。"
        )
    targets = [
        {**item, "text": target_text(item), "levelLabel": style.level_label(item.get("level"))}
        for item in _with_urls(rows)
    ]
    totals = [
        {"level": name, "levelLabel": style.level_label(name), "targets": count}
        for name, count in page.counts.items()
    ]
    given = {k: str(v) for k, v in scope.items() if v is not None}
    return CascadePage(concept, str(label), targets, gaps, view, shown, totals, given)
