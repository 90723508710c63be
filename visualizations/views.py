"""Four of the network views, each a pure function from named-query rows to a :class:`View`
(the fifth, "view as graph", is in :mod:`visualizations.results`).

Rows are what ``graph.queries.run`` returns: dicts of strings (IRIs, literals) or None, with
the named queries' own column names (``graph/queries/*.rq``). A missing column is an unknown
value, never an error, so a view degrades instead of failing on a sparse document.

>>> view = hierarchy_view(
...     [{"doc": "https://w3id.org/policykg/doc/a", "title": "省计划", "level": "province"}],
...     [{"source": "https://w3id.org/policykg/doc/a", "target": "https://w3id.org/policykg/doc/x",
...       "relation": "ensures_implementation_of", "targetTitle": "质量发展纲要", "external": "true"}],
... )
>>> sorted(kind for _, kind in view.graph.nodes(data="kind"))
['document', 'external']
>>> view.graph.nodes["https://w3id.org/policykg/doc/x"]["rank"]  # placed above its implementer
0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

import networkx as nx

from visualizations import style
from visualizations.model import (
    Facet,
    View,
    add_edge_once,
    agency_url,
    cascade_url,
    details,
    doc_url,
    merge_node,
    new_graph,
    short_label,
    truthy,
)

Row = Mapping[str, str | None]
_KIND_LEGEND = ("节点", style.KINDS)


def _level(value: str | None) -> str:
    """A level key from ``province`` or a level-concept IRI; ``unknown`` otherwise."""
    key = (value or "unknown").rsplit("/", 1)[-1].lower()
    return key if key in style.LEVELS else "unknown"


def _doc_node(
    view: View,
    iri: str,
    *,
    title: str | None,
    level: str | None = None,
    region: str | None = None,
    number: str | None = None,
    issued: str | None = None,
    external: bool = False,
    plan: str | None = None,
    doctype: str | None = None,
) -> None:
    """A document node: loaded ones link to their page, external ones are drawn dashed."""
    name = title or number or "（无标题）"
    level = _level(level)
    merge_node(
        view.graph,
        iri,
        label=short_label(name),
        kind="external" if external else "document",
        level=level,
        rank=style.level_rank(level),
        url=None if external else doc_url(iri),
        search=" ".join(filter(None, [name, number])),
        detail=details(
            ("标题", name),
            ("计划名称", plan if plan != name else None),
            ("文号", number),
            ("类型", doctype),
            ("层级", style.level_label(level)),
            ("地区", region),
            ("发文日期", issued),
            ("状态", "外部文件，正文未载入" if external else None),
        ),
        facets={"level": style.level_label(level), "region": region or "地区不明"},
    )


def _relation_edge(view: View, source: str, target: str, row: Row) -> None:
    relation = style.relation_of(row.get("relation"))
    add_edge_once(
        view.graph,
        source,
        target,
        relation,
        sentence=row.get("sentence"),
        detail=details(("关系", style.RELATIONS[relation].label)),
        facets={"relation": style.RELATIONS[relation].label},
    )


def _place_externals(view: View) -> None:
    """An external document of unknown level sits one row above the highest document that
    implements or cites it (the national outline above the provincial plan), not at the
    bottom; one a document announces or is repealed by sits in that document's own row (the
    province announces and repeals provincial documents)."""
    unknown = style.level_rank("unknown")
    for node, data in view.graph.nodes(data=True):
        if data["kind"] != "external" or data["level"] != "unknown":
            continue
        rows = [
            view.graph.nodes[source]["rank"] - (0 if edge["style"] in _SAME_ROW else 1)
            for source, _n, edge in view.graph.in_edges(node, data=True)
            if view.graph.nodes[source]["rank"] < unknown
        ]
        if rows:
            data["rank"] = max(0, min(rows))


_SAME_ROW = frozenset({"announces", "repealed_by"})


def _order_rows(view: View, sweeps: int = 4) -> None:
    """Give every node an ``order`` within its row so linked documents sit near each other:
    a few barycentre sweeps down and up the rows (the usual layered-drawing heuristic),
    starting from loaded documents first, then by label."""
    graph = view.graph
    rows: dict[int, list[str]] = {}
    for node in sorted(graph, key=lambda n: (graph.nodes[n]["kind"] != "document", str(n))):
        rows.setdefault(graph.nodes[node]["rank"], []).append(node)
    where = {node: index for row in rows.values() for index, node in enumerate(row)}
    ranks = sorted(rows)
    for sweep in range(sweeps):
        for rank in ranks if sweep % 2 == 0 else reversed(ranks):
            rows[rank].sort(key=partial(_centre, graph, where, rank=rank))
            where.update({node: index for index, node in enumerate(rows[rank])})
    for node, index in where.items():
        graph.nodes[node]["order"] = index


def _centre(graph: nx.MultiDiGraph, where: Mapping[str, int], node: str, rank: int) -> float:
    """Mean position of a node's neighbours in other rows (its own position if it has none)."""
    near = [n for n in nx.all_neighbors(graph, node) if graph.nodes[n]["rank"] != rank]
    return sum(where[n] for n in near) / len(near) if near else where[node]


def _scope(view: View, node: str, data: Mapping[str, Any]) -> str:
    """Where a hierarchy node belongs: the implementation chain (loaded documents and what
    they implement, announce or are repealed by), the standards and laws, or the documents
    that are only cited."""
    if data["kind"] == "document":
        return "chain"
    if dict(data["detail"]).get("类型") in style.STANDARD_LAW_TYPES:
        return "standard_law"
    edges = [*view.graph.in_edges(node, data=True), *view.graph.out_edges(node, data=True)]
    if any(edge["style"] in style.CHAIN_RELATIONS for _u, _v, edge in edges):
        return "chain"
    return "cited"


def _latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "()-.")


def hierarchy_label(
    name: str, *, plan: str | None, level: str, region: str | None, external: bool
) -> str:
    """A canvas label a reader can take in at a glance: the plan title (or the title), with
    the region it starts with dropped and cut to 16 characters in two lines of 8, above a
    line naming the level and region. The full title stays in the tooltip and details card.

    >>> print(hierarchy_label("省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
    ...       plan="江苏省贯彻实施质量发展纲要2012年行动计划", level="province", region="江苏省",
    ...       external=False))
    贯彻实施质量发展
    纲要2012年…
    省级 · 江苏省
    """
    head = " ".join((plan or name).split())
    if region and head.startswith(region) and len(head) > len(region) + 4:
        head = head[len(region) :]
    head = short_label(head, 16)
    split = 8
    # never break inside a number or a Latin word ("ISO 1400|0", "(2|011")
    while 4 < split < len(head) and _latin(head[split - 1]) and _latin(head[split]):
        split -= 1
    lines = [head[:split], head[split:]] if len(head) > 8 else [head]
    known = style.level_label(level) if level != "unknown" else None
    where = " · ".join(filter(None, [known, region])) or ("外部文件" if external else "层级不明")
    return "\n".join([*lines, where])


def hierarchy_view(documents: Iterable[Row], links: Iterable[Row]) -> View:
    """View 1: the implementation chain by level, national on top, edges coloured by relation.

    Every document is in the graph, but standards, laws and documents that are only cited
    carry a ``scope`` facet value whose filter starts unchecked (see :data:`style.SCOPES`).

    ``documents``: rows of ``document_list`` (doc, title, planTitle, number, level,
    regionLabel, issued, docType). ``links``: rows of ``document_links`` (source,
    sourceTitle, sourceLevel, target, targetTitle, targetNumber, targetLevel, targetType,
    external, relation, sentence).
    """
    view = View(
        "hierarchy",
        "文件层级网络",
        new_graph(),
        legend=[("层级", style.LEVELS), ("关系", style.RELATIONS), _KIND_LEGEND],
        facets=[
            Facet(
                "scope",
                "文件范围",
                off=tuple(style.SCOPES[key].label for key in style.SCOPES_OFF),
            ),
            Facet("level", "层级"),
            Facet("relation", "关系", on="edge"),
        ],
        hierarchical=True,
        rows=True,
        font_size=16,
        level_separation=120,
        node_spacing=150,
    )
    for row in documents:
        if row.get("doc"):
            _doc_node(
                view,
                str(row["doc"]),
                title=row.get("title"),
                plan=row.get("planTitle"),
                level=row.get("level"),
                region=row.get("regionLabel"),
                number=row.get("number"),
                issued=row.get("issued"),
                doctype=row.get("docType"),
            )
    for row in links:
        source, target = row.get("source"), row.get("target")
        if not source or not target or source == target:
            continue
        if source not in view.graph:
            _doc_node(view, source, title=row.get("sourceTitle"), level=row.get("sourceLevel"))
        if target not in view.graph:
            _doc_node(
                view,
                target,
                title=row.get("targetTitle"),
                level=row.get("targetLevel"),
                number=row.get("targetNumber"),
                doctype=row.get("targetType"),
                external=truthy(row.get("external")),
            )
        _relation_edge(view, source, target, row)
    _place_externals(view)
    _order_rows(view)
    for node, data in view.graph.nodes(data=True):
        scope = _scope(view, node, data)
        data["facets"]["scope"] = style.SCOPES[scope].label
        # a loaded document stays on the canvas even when every one of its links is filtered
        data["anchor"] = data["kind"] == "document"
        fields = dict(data["detail"])
        data["label"] = hierarchy_label(
            fields.get("标题") or data["label"],
            plan=fields.get("计划名称"),
            level=data["level"],
            region=fields.get("地区"),
            external=data["kind"] == "external",
        )
    return view


def _agency_node(view: View, row: Row, led: int | None = None) -> str:
    iri = str(row["agency"])
    name = row.get("agencyLabel") or row.get("rawName") or "（未识别部门）"
    merge_node(
        view.graph,
        iri,
        label=short_label(name, 16),
        kind="agency",
        url=agency_url(iri),
        search=" ".join(filter(None, [name, row.get("rawName"), row.get("agencyType")])),
        detail=details(
            ("部门", name),
            ("原文写作", row.get("rawName")),
            ("类型", row.get("agencyType")),
            ("地区", row.get("agencyRegionLabel")),
        ),
        facets={"region": row.get("agencyRegionLabel") or row.get("regionLabel") or "地区不明"},
    )
    return iri


def _measure_node(view: View, row: Row, doc_level: str | None = None) -> str:
    iri = str(row["measure"])
    heading = row.get("heading") or "（无标题措施）"
    level = _level(doc_level)
    merge_node(
        view.graph,
        iri,
        label=short_label(" ".join(filter(None, [row.get("path"), heading])), 18),
        kind="measure",
        url=doc_url(row.get("doc")),
        search=heading,
        detail=details(("措施", heading), ("编号", row.get("path")), ("文件", row.get("docTitle"))),
        facets={"level": style.level_label(level), "region": row.get("regionLabel") or "地区不明"},
    )
    return iri


def _role_edge(view: View, agency: str, measure: str, row: Row) -> None:
    role = style.role_of(row.get("role"))
    add_edge_once(
        view.graph,
        agency,
        measure,
        role,
        sentence=row.get("sentence"),
        detail=details(("角色", style.ROLES[role].label), ("原文写作", row.get("rawName"))),
        facets={"role": style.ROLES[role].label},
    )


def target_text(row: Row) -> str:
    """``≥900个`` / ``1–2项`` / ``相对目标`` from a target row (value, valueMax, unit, comparator).

    >>> target_text({"value": "90.0", "unit": "%", "comparator": ">="})
    '≥90%'
    """
    value, upper = row.get("value"), row.get("valueMax")
    if not value:
        return "相对目标（无数值）"
    number = _num(value) + (f"–{_num(upper)}" if upper else "")
    comparator = {">=": "≥", "<=": "≤", "about": "约"}.get(row.get("comparator") or "", "")
    return f"{comparator}{number}{row.get('unit') or ''}"


def _num(value: str | None) -> str:
    """``90.0`` → ``90``; anything that is not a number stays as written."""
    try:
        number = float(value or "")
    except ValueError:
        return value or ""
    return str(int(number)) if number.is_integer() else f"{number:g}"


def document_view(
    document: Row,
    measures: Iterable[Row],
    targets: Iterable[Row],
    references_out: Iterable[Row],
    references_in: Iterable[Row],
) -> View:
    """View 2: one document with its measures, their agencies, its targets and references.

    Rows of ``document_detail``, ``document_measures``, ``document_targets``,
    ``references_out`` and ``references_in`` for the document.
    """
    doc = str(document["doc"])
    view = View(
        "document",
        document.get("title") or document.get("number") or "文件",
        new_graph(),
        legend=[
            ("角色", style.ROLES),
            ("关系", style.RELATIONS),
            ("连线", style.LINKS),
            _KIND_LEGEND,
        ],
        facets=[
            Facet("kind", "节点类型"),
            Facet("role", "角色", on="edge"),
            Facet("relation", "关系", on="edge"),
        ],
        # bands, not a force layout: 70-odd nodes around one document drew as a dense centre
        # with labels on top of each other
        hierarchical=True,
        rows=True,
        font_size=16,
        level_separation=110,
        node_spacing=300,
        per_row=6,
        row_labels=dict(enumerate(_DOCUMENT_BANDS)),
    )
    _doc_node(
        view,
        doc,
        title=document.get("title"),
        level=document.get("level"),
        region=document.get("regionLabel"),
        number=document.get("number"),
        issued=document.get("issued"),
        external=truthy(document.get("external")),
    )
    view.graph.nodes[doc]["size"] = 30
    for row in measures:
        if not row.get("measure"):
            continue
        measure = _measure_node(view, {**row, "doc": doc}, document.get("level"))
        add_edge_once(view.graph, doc, measure, "has_measure")
        if row.get("agency"):
            _role_edge(view, _agency_node(view, row), measure, row)
    for row in targets:
        target = row.get("target")
        if not target:
            continue
        merge_node(
            view.graph,
            target,
            label=short_label(f"{row.get('indicator') or '目标'} {target_text(row)}", 20),
            kind="target",
            url=cascade_url(row.get("concept")),
            search=" ".join(filter(None, [row.get("indicator"), row.get("conceptLabel")])),
            sentence=row.get("sentence"),
            detail=details(
                ("指标", row.get("indicator")),
                ("指标概念", row.get("conceptLabel")),
                ("目标值", target_text(row)),
                ("年份", row.get("year")),
                ("弱化", "是：低于上级目标" if truthy(row.get("weaker")) else None),
            ),
            weak=truthy(row.get("weaker")),
        )
        add_edge_once(view.graph, doc, target, "has_target")
    for row in references_out:
        other = row.get("target")
        if other and other != doc:
            _doc_node(
                view,
                other,
                title=row.get("targetTitle") or row.get("writtenTitle"),
                number=row.get("targetNumber") or row.get("writtenNumber"),
                external=not truthy(row.get("resolved")),
            )
            _relation_edge(view, doc, other, row)
    for row in references_in:
        other = row.get("citing")
        if other and other != doc:
            _doc_node(view, other, title=row.get("citingTitle"), level=row.get("citingLevel"))
            _relation_edge(view, other, doc, row)
    for _node, data in view.graph.nodes(data=True):
        data.setdefault("facets", {})["kind"] = style.KINDS[data["kind"]].label
    _document_bands(view, doc)
    return view


# the document view's rows, top to bottom
_DOCUMENT_BANDS = ("所依据、引用的文件", "本文件", "目标", "措施", "部门", "引用本文件的文件")


def _document_bands(view: View, doc: str) -> None:
    """Rank every node into its band (document → targets → measures → agencies, the documents
    it follows above, those citing it below) and order each row so linked nodes sit close."""
    graph = view.graph
    band = {"target": 2, "measure": 3, "agency": 4}
    for node, data in graph.nodes(data=True):
        if node == doc:
            data["rank"] = 1
        elif data["kind"] in band:
            data["rank"] = band[data["kind"]]
        else:  # another document: above when this one points at it, below when it points here
            data["rank"] = 0 if graph.has_edge(doc, node) else 5
            # a box as wide as its title: keep it within the row's spacing (full title on hover)
            full = next((v for k, v in data.get("detail", []) if k == "标题"), None)
            data["label"] = short_label(full or data["label"], 15)
    _order_rows(view)


def agency_view(rows: Iterable[Row], *, title: str = "部门网络") -> View:
    """View 3: agencies ↔ measures ↔ documents, agencies sized by how many measures they lead.

    ``rows``: rows of ``agency_network`` (agency, agencyLabel, agencyType,
    agencyRegionLabel, role, rawName, measure, heading, path, doc, docTitle, level, region,
    regionLabel, sentence).
    """
    view = View(
        "agencies",
        title,
        new_graph(),
        legend=[("角色", style.ROLES), ("层级", style.LEVELS), _KIND_LEGEND],
        facets=[Facet("role", "角色", on="edge"), Facet("level", "层级"), Facet("region", "地区")],
        spring_length=220,
    )
    led: Counter[str] = Counter()
    for row in rows:
        if not row.get("agency") or not row.get("measure"):
            continue
        agency = _agency_node(view, row)
        measure = _measure_node(view, row, row.get("level"))
        _role_edge(view, agency, measure, row)
        if style.role_of(row.get("role")) == "lead":
            led[agency] += 1
        doc = row.get("doc")
        if doc:
            _doc_node(
                view,
                doc,
                title=row.get("docTitle"),
                level=row.get("level"),
                region=row.get("regionLabel"),
            )
            add_edge_once(view.graph, doc, measure, "has_measure")
    for node, data in view.graph.nodes(data=True):
        if data["kind"] == "agency":
            data["size"] = 12 + 6 * min(led[node], 12)
            data["detail"] = [*data["detail"], ("牵头措施数", str(led[node]))]
    _label_busiest(view)
    return view


# how many agencies keep a readable label when the whole network is in view
BUSIEST_LABELLED = 10


def _label_busiest(view: View) -> None:
    """Large labels for the busiest agencies (most measures, lead first) and for documents, so
    the network opens readable at the zoom that fits it all; the rest read on zooming in.

    vis-network stops drawing a label below 5 screen pixels, and fitting a hundred nodes
    shrinks a 14 px label to about 4: the view opened as unlabelled dots."""
    graph = view.graph

    def busy(node: str) -> tuple[int, int, str]:
        return (-graph.nodes[node]["size"], -graph.degree(node), node)

    # the busiest few of each connected part (one per document, usually), then overall
    chosen: list[str] = []
    parts = sorted(nx.weakly_connected_components(graph), key=len, reverse=True)
    for part in parts:
        agencies = sorted((n for n in part if graph.nodes[n]["kind"] == "agency"), key=busy)
        chosen.extend(agencies[:3])
    everyone = sorted((n for n, k in graph.nodes(data="kind") if k == "agency"), key=busy)
    chosen.extend(n for n in everyone if n not in chosen)
    for node in chosen[:BUSIEST_LABELLED]:
        graph.nodes[node]["font_size"] = 3 * view.font_size
    for node, kind in graph.nodes(data="kind"):
        if kind in ("document", "external"):
            graph.nodes[node]["font_size"] = 2 * view.font_size


def cascade_view(
    targets: Iterable[Row], gaps: Iterable[Row] = (), *, concept_label: str | None = None
) -> View:
    """View 4: the cascade of one indicator concept, a tree from the highest level down.

    ``targets``: rows of ``cascade`` (target, doc, docTitle, level, regionLabel, year, value,
    valueMax, unit, comparator, indicator, refines, weaker, share, sentence). ``gaps``: lower
    documents that did not take the concept up (``not_taken_up`` rows joined with the lower
    document's level and region: target, lowerDoc, lowerTitle, lowerLevel, lowerRegion).
    Levels between the cascade's top and bottom with no target are marked 未设定 as well.
    """
    view = View(
        "cascade",
        f"目标分解：{concept_label or '指标'}",
        new_graph(),
        legend=[("层级", style.LEVELS), ("连线", style.LINKS), _KIND_LEGEND],
        facets=[Facet("level", "层级"), Facet("region", "地区")],
        hierarchical=True,
    )
    rows = [row for row in targets if row.get("target")]
    for row in rows:
        level = _level(row.get("level"))
        where = row.get("regionLabel") or "地区不明"
        weak = truthy(row.get("weaker"))
        share = _share(row.get("share"))
        merge_node(
            view.graph,
            str(row["target"]),
            label="\n".join(
                filter(
                    None,
                    [
                        where,
                        f"{target_text(row)}（{row.get('year') or '年份不明'}）",
                        f"占上级 {share}" if share else None,
                        "⚠ 弱于上级" if weak else None,
                    ],
                )
            ),
            kind="target",
            shape="box",
            level=level,
            rank=style.level_rank(level),
            url=doc_url(row.get("doc")),
            search=" ".join(filter(None, [where, row.get("docTitle"), row.get("indicator")])),
            sentence=row.get("sentence"),
            detail=details(
                ("指标", row.get("indicator")),
                ("目标值", target_text(row)),
                ("年份", row.get("year")),
                ("地区", row.get("regionLabel")),
                ("层级", style.level_label(level)),
                ("文件", row.get("docTitle")),
                ("占上级比例", share),
                ("弱化", "是：低于上级目标" if weak else None),
            ),
            facets={"level": style.level_label(level), "region": where},
            weak=weak,
        )
    for row in rows:
        parent = row.get("refines")
        if parent and parent in view.graph:
            weak = truthy(row.get("weaker"))
            add_edge_once(
                view.graph,
                parent,
                str(row["target"]),
                "weaker" if weak else "refines",
                sentence=row.get("sentence"),
                detail=details(
                    ("连线", style.LINKS["weaker" if weak else "refines"].label),
                    ("占上级比例", _share(row.get("share"))),
                ),
            )
    for row in gaps:
        _gap_node(view, row)
    _mark_empty_levels(view)
    return view


def _share(value: str | None) -> str | None:
    try:
        return f"{float(value or ''):.1%}"
    except ValueError:
        return None


def _gap_node(view: View, row: Row) -> None:
    doc = row.get("lowerDoc")
    if not doc:
        return
    level = _level(row.get("lowerLevel"))
    where = row.get("lowerRegion") or short_label(row.get("lowerTitle"), 12)
    node = f"gap:{doc}"
    merge_node(
        view.graph,
        node,
        label=f"{where}\n未设定此指标",
        kind="gap",
        level=level,
        rank=style.level_rank(level),
        url=doc_url(doc),
        search=" ".join(filter(None, [row.get("lowerTitle"), row.get("lowerRegion")])),
        detail=details(
            ("文件", row.get("lowerTitle")),
            ("层级", style.level_label(level)),
            ("说明", "上级设定了此指标，本文件贯彻上级文件却未设定"),
        ),
        facets={"level": style.level_label(level), "region": row.get("lowerRegion") or "地区不明"},
    )
    parent = row.get("target")
    if parent and parent in view.graph:
        add_edge_once(view.graph, parent, node, "refines", detail=details(("连线", "未承接")))


def _mark_empty_levels(view: View) -> None:
    """A 未设定 marker for every level strictly between the cascade's top and bottom that has
    no node, so a reader sees that level set nothing rather than a silent jump."""
    unknown = style.level_rank("unknown")
    known = [
        rank for _n, rank in view.graph.nodes(data="rank") if rank is not None and rank < unknown
    ]
    if not known:
        return
    taken = set(known)
    for level in ("national", "province", "city", "county", "town"):
        rank = style.level_rank(level)
        if min(known) < rank < max(known) and rank not in taken:
            view.graph.add_node(
                f"gap-level:{level}",
                label=f"{style.level_label(level)}\n未设定此指标",
                kind="gap",
                level=level,
                rank=rank,
                search="",
                detail=details(("说明", f"已载入的{style.level_label(level)}文件均未设定此指标")),
                facets={"level": style.level_label(level), "region": "—"},
            )
