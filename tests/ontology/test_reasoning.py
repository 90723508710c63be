"""Reasoning makes implied links explicit, and both engines agree on what they are."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.reasoning import inferred_triples, java_available, reason
from graph.store import Store
from ontology import terms as t

from .conftest import AGENCY, CHAIN_GRAPHS, DOC, MEASURE, REGION, Link

needs_java = pytest.mark.skipif(
    not java_available(), reason="HermiT needs a java binary on the PATH"
)


def test_the_town_opinion_implements_the_national_outline_through_its_chain(
    chain_store: Store,
) -> None:
    reason(chain_store, engine="rules")
    inferred = inferred_triples(chain_store)
    assert (DOC + "town", t.PKG_IMPLEMENTS_TRANSITIVELY, DOC + "national") in inferred
    assert (DOC + "national", t.PKG_TRANSITIVELY_IMPLEMENTED_BY, DOC + "town") in inferred
    # citing is not implementing: the district cites the outline but carries out the province
    assert (DOC + "national", t.ELI_CITED_BY, DOC + "district") in inferred


def test_inverse_links_and_super_properties_are_made_explicit(chain_store: Store) -> None:
    reason(chain_store, engine="rules")
    inferred = inferred_triples(chain_store)
    lead = AGENCY + "嘉泽镇/government"
    assert (lead, t.PKG_LEADS, MEASURE + "town/1") in inferred
    assert (lead, t.PKG_INVOLVED_IN, MEASURE + "town/1") in inferred
    assert (MEASURE + "town/1", t.PKG_INVOLVED_AGENCY, lead) in inferred
    assert (
        AGENCY + "320412/quality-supervision",
        t.PKG_PARTICIPATES_IN,
        MEASURE + "town/1",
    ) in inferred
    assert (
        AGENCY + "320000/quality-supervision",
        t.PKG_RESPONSIBLE_FOR,
        MEASURE + "province/1",
    ) in inferred
    assert (DOC + "town", t.ELI_HAS_PART, MEASURE + "town/1") in inferred
    assert (DOC + "province-award-rules", t.PKG_ANNOUNCED_BY, DOC + "province") in inferred
    assert (t.TARGET_BASE + "province/1", t.PKG_REFINED_BY, t.TARGET_BASE + "town/1") in inferred


def test_agencies_lie_within_regions_within_regions(chain_store: Store) -> None:
    reason(chain_store, engine="rules")
    inferred = inferred_triples(chain_store)
    town_agency = AGENCY + "嘉泽镇/government"
    within = {o for s, p, o in inferred if s == town_agency and p == t.PKG_LOCATED_WITHIN}
    assert within == {REGION + code for code in ("嘉泽镇", "320412", "320400", "320000", "100000")}
    # 嘉泽镇 lies in 常州 (320400), not in 镇江 (321100)
    assert (REGION + "嘉泽镇", t.PKG_WITHIN_TRANSITIVELY, REGION + "321100") not in inferred
    assert (REGION + "320000", t.PKG_CONTAINS, REGION + "321100") in inferred


def test_nothing_asserted_is_repeated_and_each_run_replaces_the_inferred_graph(
    make_store: Callable[[dict[str, list[Link]]], Store],
) -> None:
    store = make_store(CHAIN_GRAPHS)
    first = reason(store, engine="rules")
    asserted = {link for links in CHAIN_GRAPHS.values() for link in links}
    assert inferred_triples(store) & asserted == set()
    again = reason(store, engine="rules")
    assert (again.inferred, inferred_triples(store)) == (first.inferred, inferred_triples(store))
    # drop the province's graph: the chain to the national outline is gone after the next run
    store.drop_graph(t.GRAPH_BASE + "doc/province")
    reason(store, engine="rules")
    assert (DOC + "town", t.PKG_IMPLEMENTS_TRANSITIVELY, DOC + "national") not in inferred_triples(
        store
    )


@needs_java
def test_hermit_and_the_rule_pass_infer_the_same_triples(chain_store: Store) -> None:
    by_rules = reason(chain_store, engine="rules")
    from_rules = inferred_triples(chain_store)
    by_hermit = reason(chain_store, engine="owlready")
    from_hermit = inferred_triples(chain_store)
    assert from_hermit == from_rules
    assert by_hermit.by_property == by_rules.by_property
    assert (DOC + "town", t.PKG_IMPLEMENTS_TRANSITIVELY, DOC + "national") in from_hermit


def test_an_unknown_engine_is_refused(chain_store: Store) -> None:
    with pytest.raises(ValueError, match="unknown reasoning engine"):
        reason(chain_store, engine="pellet")


def test_standard_types_answer_plain_sparql_without_a_reasoner(
    make_store: Callable[[dict[str, list[Link]]], Store],
) -> None:
    """A user's ``?x a org:Organization`` finds agencies; measures are ELI subdivisions."""
    lead = AGENCY + "嘉泽镇/government"
    typed = {
        **CHAIN_GRAPHS,
        t.GRAPH_BASE + "doc/town": [
            *CHAIN_GRAPHS[t.GRAPH_BASE + "doc/town"],
            (MEASURE + "town/1", t.RDF_TYPE, t.PKG_MEASURE),
            (MEASURE + "town/1", t.PROV_WAS_DERIVED_FROM, DOC + "town"),
            (DOC + "district", t.RDF_TYPE, t.PKG_EXTERNAL_DOCUMENT),
            (DOC + "town", t.RDF_TYPE, t.PKG_POLICY_DOCUMENT),
            (DOC + "town", t.RDF_TYPE, t.ELI_LEGAL_RESOURCE),
            (lead, t.RDF_TYPE, t.PKG_AGENCY),
        ],
    }
    store = make_store(typed)

    def members(cls: str) -> set[str]:
        rows = store.query(f"SELECT ?x WHERE {{ ?x a <{cls}> }}")
        return {row["x"].value for row in rows}  # type: ignore[union-attr]

    assert members(t.ORG_ORGANIZATION) == set()
    reason(store, engine="rules")
    assert members(t.ORG_ORGANIZATION) == {lead}
    assert members(t.ELI_LEGAL_RESOURCE_SUBDIVISION) == {MEASURE + "town/1"}
    # the external document is a legal resource too, through pkg:PolicyDocument
    assert members(t.ELI_LEGAL_RESOURCE) == {DOC + "town", DOC + "district"}
    assert MEASURE + "town/1" in members(t.PROV_ENTITY)
    # a type already asserted is not written again into the inferred graph
    assert (DOC + "town", t.RDF_TYPE, t.ELI_LEGAL_RESOURCE) not in inferred_triples(store)
