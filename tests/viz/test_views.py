"""Views as pure functions over the named queries' answers on a real (in-memory) store."""

from __future__ import annotations

import pyoxigraph as ox

from graph import queries
from visualizations import data
from visualizations.highlight import Fact, segments
from visualizations.render import network_data
from visualizations.results import solutions_view, triples_view
from visualizations.views import cascade_view

PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"
CITY = "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85"


def test_hierarchy_has_one_external_outline_above_the_province(viz_store) -> None:
    view = data.hierarchy(viz_store)
    external = [n for n, kind in view.graph.nodes(data="kind") if kind == "external"]
    assert len(external) == 1
    assert view.graph.nodes[external[0]]["label"].startswith("质量发展纲要")
    assert view.graph.nodes[external[0]]["rank"] < view.graph.nodes[PROVINCE]["rank"]
    assert view.graph.has_edge(CITY, PROVINCE)


def test_document_view_links_agencies_by_role(viz_store) -> None:
    page = data.document(viz_store, "su-zhengbanfa-2012-123")
    assert page is not None
    roles = {
        (u.rsplit("/", 1)[-1], d["style"])
        for u, _v, d in page.view.graph.edges(data=True)
        if "agency" in u
    }
    assert ("quality-supervision", "lead") in roles
    assert ("finance", "participant") in roles
    assert ("industry-commerce", "responsible") in roles


def test_cascade_puts_the_city_under_the_province_with_its_share(viz_store) -> None:
    view = data.cascade(viz_store, "jiangsu-famous-brand")
    rows = queries.run(viz_store, "cascade", concept="jiangsu-famous-brand")
    city = next(r["target"] for r in rows if r["doc"] == CITY)
    province = next(r["target"] for r in rows if r["doc"] == PROVINCE)
    assert view.graph.has_edge(province, city)
    assert "占上级" in view.graph.nodes[city]["label"]


def test_cascade_marks_levels_that_set_nothing_and_weak_links() -> None:
    rows = [
        {"target": "t1", "level": "province", "value": "95", "unit": "%", "regionLabel": "江苏省"},
        {
            "target": "t2",
            "level": "county",
            "value": "90",
            "unit": "%",
            "refines": "t1",
            "weaker": "true",
        },
    ]
    view = cascade_view(rows, concept_label="合格率")
    assert view.graph.nodes["gap-level:city"]["kind"] == "gap"
    assert [d["style"] for _u, _v, d in view.graph.edges(data=True)] == ["weaker"]
    assert view.graph.nodes["t2"]["weak"] is True


def test_facts_nest_and_bad_offsets_are_dropped() -> None:
    text = "为贯彻落实《纲要》，制定本计划。"
    pieces = segments(
        text,
        [
            Fact(0, 9, "reference", "贯彻落实：纲要"),
            Fact(5, 999, "target", "x"),
            Fact(7, 3, "measure", "bad"),
        ],
    )
    assert "".join(p.text for p in pieces) == text
    assert [p.innermost.kind if p.innermost else None for p in pieces] == [
        "reference",
        "reference",
        "target",
    ]


def test_query_results_become_graphs(viz_store) -> None:
    select = viz_store.query(
        "SELECT ?doc ?agency ?label WHERE { ?m <http://data.europa.eu/eli/ontology#is_part_of> ?doc ;"
        " <https://w3id.org/policykg/ontology#leadAgency> ?agency . ?agency <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    )
    names = [v.value for v in select.variables]
    view = solutions_view(names, ([row[n] for n in names] for row in select))
    assert view.graph.has_edge(
        PROVINCE, "https://w3id.org/policykg/agency/320000/quality-supervision"
    )
    doc = ox.NamedNode(PROVINCE)
    triples = [
        ox.Triple(
            doc,
            ox.NamedNode("http://data.europa.eu/eli/ontology#title"),
            ox.Literal("省计划", language="zh"),
        )
    ]
    assert triples_view(triples).graph.nodes[PROVINCE]["label"] == "省计划"


def test_labels_travel_as_data_not_markup(viz_store) -> None:
    payload = network_data(data.hierarchy(viz_store))
    hostile = [n for n in payload["nodes"] if n.get("fullLabel", "").startswith("<img")]
    assert len(hostile) == 1 and "title" not in hostile[0]  # tooltips are built as DOM in viz.js
