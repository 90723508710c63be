"""The 江苏名牌 cascade: 嘉泽镇 hangs under the province, never under 镇江市."""

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
    assert docs[TOWN]["refinesDoc"] == PROVINCE  # 嘉泽镇 ⊂ 武进区 ⊂ 常州市, not 镇江市
    assert float(docs[CITY]["share"]) == round(138 / 900, 4)  # counts: a share, not "weaker"
    assert docs[CITY]["weaker"] is None
    assert (docs[PROVINCE]["value"], docs[CITY]["value"], docs[TOWN]["value"]) == (
        "900",
        "138",
        "1",
    )
    tree = cascade_tree(rows)
    province_target = docs[PROVINCE]["target"]
    assert {docs[CITY]["target"], docs[TOWN]["target"]} == set(tree.successors(province_target))
    assert tree.in_degree(docs[TOWN]["target"]) == 1


def test_a_lower_rate_below_is_weaker(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "cascade", concept="national-spot-check-pass-rate")
    docs = by_doc(rows)
    assert docs[CITY]["refinesDoc"] == PROVINCE
    assert docs[CITY]["weaker"] == "true"  # 90% in 镇江 (2014) below the province's 92% (2012)


def test_concepts_not_taken_up(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "not_taken_up", concept="standard-adoption-rate")
    assert {r["lowerDoc"] for r in rows} == {CITY, TOWN}
    assert all(r["doc"] == PROVINCE for r in rows)
