"""Named queries answer the researcher's questions, with evidence, on every backend."""

from __future__ import annotations

import pytest

from graph import queries
from graph.errors import ParameterError, UnknownQuery
from graph.store import Store

TOWN = "https://w3id.org/policykg/doc/jia-zhengfa-2016-7"
SAMPLE = {
    "doc": "su-zhengbanfa-2012-123",
    "concept": "jiangsu-famous-brand",
    "agency": "https://w3id.org/policykg/agency/320000/quality-supervision",
    "phrase": "质量奖",
    "q": "名牌",
    "type": "quality-supervision",
}


def test_catalog_lists_every_query_with_description_and_parameters() -> None:
    names = {q.name for q in queries.catalog()}
    assert {
        "document_list",
        "document_detail",
        "chain_up",
        "chain_down",
        "references_out",
        "references_in",
        "agency_measures",
        "document_measures",
        "agencies",
        "cascade",
        "targets",
        "unresolved_references",
        "search",
        "counts_by_level",
    } <= names
    for query in queries.catalog():
        assert query.description, query.name
        for param in query.parameters:
            assert param.description and param.type in queries.PARAM_TYPES


def test_every_query_runs(loaded_store: Store) -> None:
    for query in queries.catalog():
        params = {p.name: SAMPLE[p.name] for p in query.parameters if not p.optional}
        rows = queries.run(loaded_store, query.name, **params)
        assert isinstance(rows, list), query.name


def test_who_owns_the_quality_award_measure(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "measure_agencies", phrase="建立质量奖励制度")
    lead = [r for r in rows if r["role"] == "lead"]
    assert [r["agencyLabel"] for r in lead] == ["江苏省质量技术监督局"]
    assert lead[0]["rawName"] == "省质监局"
    assert "省质监局牵头" in lead[0]["sentence"]
    assert {r["agencyLabel"] for r in rows if r["role"] == "participating"} == {
        "江苏省发展和改革委员会",
        "江苏省财政厅",
    }
    owned = queries.run(loaded_store, "agency_measures", agency=lead[0]["agency"], role="lead")
    assert [r["heading"] for r in owned] == ["建立质量奖励制度"]


def test_chain_above_the_town_opinion(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "chain_up", doc=TOWN)
    above = {r["toTitle"] or r["toNumber"] for r in rows}
    assert above == {
        "质量发展纲要(2011-2020年)",
        "省政府关于实施质量强省战略的意见",
        "武质强发〔2016〕2号",
    }
    outline = next(r for r in rows if r["toTitle"] == "质量发展纲要(2011-2020年)")
    assert outline["toLevel"] == "national" and outline["external"] == "true"
    assert "质量发展纲要(2011—2020年)" in outline["sentence"] and outline["document"] == TOWN


def test_filters_and_counts(loaded_store: Store) -> None:
    assert [r["level"] for r in queries.run(loaded_store, "document_list", level="town")] == [
        "town"
    ]
    city = queries.run(loaded_store, "targets", region="321100")
    assert {r["regionLabel"] for r in city} == {"镇江市"} and len(city) == 2
    assert len(queries.run(loaded_store, "targets", year=2016)) == 2
    counts = {r["level"]: r for r in queries.run(loaded_store, "counts_by_level")}
    assert counts["province"]["measures"] == "3" and counts["town"]["targets"] == "2"
    detail = queries.run(loaded_store, "document_detail", doc=TOWN)
    assert detail[0]["number"] == "嘉政发〔2016〕7号" and detail[0]["referencesOut"] == "4"


def test_parameters_cannot_inject(loaded_store: Store) -> None:
    hostile = '名牌" ) } DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER("'
    assert queries.run(loaded_store, "search", q=hostile) == []
    assert queries.run(loaded_store, "search", q="名牌")  # the store is untouched
    with pytest.raises(ParameterError):
        queries.run(loaded_store, "chain_up", doc="x> } DROP ALL {<y")
    with pytest.raises(ParameterError):
        queries.run(loaded_store, "targets", year="2016 || true")
    with pytest.raises(ParameterError):
        queries.run(loaded_store, "chain_up")
    with pytest.raises(ParameterError):
        queries.run(loaded_store, "chain_up", doc=TOWN, extra="1")
    with pytest.raises(UnknownQuery):
        queries.run(loaded_store, "../../etc/passwd")
