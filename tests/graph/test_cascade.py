"""The 江苏名牌 cascade: 镇江市 refines the province; 嘉泽镇 (2016) never hangs under 镇江市, nor
under the province's 2012 plan, which a 2016 decision (苏政发〔2016〕142号) repealed."""

from __future__ import annotations

from graph import queries
from graph.projections import cascade_tree
from graph.store import Store

PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"
CITY = "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85"
TOWN = "https://w3id.org/policykg/doc/jia-zhengfa-2016-7"


def by_doc(rows):
    return {r["doc"]: r for r in rows}


def test_jiangsu_famous_brand_cascade_shape(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "cascade", concept="jiangsu-famous-brand")
    docs = by_doc(rows)
    assert set(docs) == {PROVINCE, CITY, TOWN}
    assert [r["level"] for r in rows] == ["province", "city", "town"]  # tree by level
    assert docs[PROVINCE]["refines"] is None
    assert docs[CITY]["refinesDoc"] == PROVINCE
    # 镇江's plan names no implementation link to the 2012 plan: region and concept only
    assert docs[CITY]["basis"] == "concept-only"
    # 嘉泽镇 ⊂ 武进区 ⊂ 常州市, not 镇江市; and the province's plan was repealed in 2016
    assert docs[TOWN]["refines"] is None
    assert float(docs[CITY]["share"]) == round(138 / 900, 4)  # counts: a share, not "weaker"
    assert docs[CITY]["weaker"] is None
    assert (docs[PROVINCE]["value"], docs[CITY]["value"], docs[TOWN]["value"]) == (
        "900",
        "138",
        "1",
    )
    tree = cascade_tree(rows)
    province_target = docs[PROVINCE]["target"]
    assert set(tree.successors(province_target)) == {docs[CITY]["target"]}
    assert tree.in_degree(docs[TOWN]["target"]) == 0


def test_a_lower_rate_below_is_weaker(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "cascade", concept="national-spot-check-pass-rate")
    docs = by_doc(rows)
    assert docs[CITY]["refinesDoc"] == PROVINCE
    assert docs[CITY]["weaker"] == "true"  # 90% in 镇江 (2014) below the province's 92% (2012)


def test_concepts_not_taken_up(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "not_taken_up", concept="standard-adoption-rate")
    # 镇江 follows the province's plan (it refines its targets); 嘉泽镇, in 2016, no longer can
    assert {r["lowerDoc"] for r in rows} == {CITY}
    assert all(r["doc"] == PROVINCE for r in rows)
