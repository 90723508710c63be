"""The bundled corpus, loaded into a real store: well-formed by the shapes, and reasoned over
with the same result by both engines."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.load import load_paths
from graph.reasoning import inferred_triples, java_available, reason
from graph.store import Store
from graph.stores import open_store
from graph.validation import validate
from ontology import terms as t


@pytest.fixture(scope="module")
def corpus_store(seed_paths: list[Path]) -> Store:
    store = open_store("memory:")
    load_paths(store, seed_paths)
    return store


def test_the_corpus_graph_has_no_shacl_violations(corpus_store: Store) -> None:
    report = validate(corpus_store)
    assert report.triples > 10_000
    assert report.violations == [], "\n".join(r.line() for r in report.violations)


def test_the_town_opinion_implements_the_national_outline(corpus_store: Store) -> None:
    reason(corpus_store, engine="rules")
    rows = corpus_store.query(
        f"""SELECT ?outline WHERE {{
            ?town <{t.PKG_LEVEL}> <{t.level_concept("town")}> ;
                  <{t.PKG_IMPLEMENTS_TRANSITIVELY}> ?outline .
            ?outline <{t.ELI_TITLE}> ?title .
            FILTER (CONTAINS(STR(?title), "质量发展纲要"))
        }}"""
    )
    assert isinstance(rows, ox.QuerySolutions)
    assert len(list(rows)) >= 1


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="HermiT needs a java binary on the PATH")
def test_both_engines_infer_the_same_triples_on_the_corpus(corpus_store: Store) -> None:
    by_rules = reason(corpus_store, engine="rules")
    from_rules = inferred_triples(corpus_store)
    by_hermit = reason(corpus_store, engine="owlready")
    assert inferred_triples(corpus_store) == from_rules
    assert by_hermit.by_property == by_rules.by_property
    assert by_rules.inferred > 1000
