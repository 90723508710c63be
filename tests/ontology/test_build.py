"""The committed ontology files are what ``python -m ontology.build`` writes today."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph
from rdflib.compare import isomorphic

from ontology.build import write_all

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"


def same_graph(a: Graph, b: Graph) -> bool:
    """Isomorphism; plain set equality when there are no blank nodes (much faster)."""
    if any(isinstance(term, BNode) for triple in a for term in triple):
        return isomorphic(a, b)
    return set(a) == set(b)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("ontology")
    return {str(p.relative_to(out)): p for p in write_all(out)}


def test_build_writes_ontology_and_every_scheme(rebuilt: dict[str, Path]) -> None:
    assert {"policykg.ttl", "policykg.owl"} <= set(rebuilt)
    schemes = {name for name in rebuilt if name.startswith("schemes/")}
    assert {
        "schemes/levels.ttl",
        "schemes/doctypes.ttl",
        "schemes/roles.ttl",
        "schemes/agency_types.ttl",
        "schemes/indicators.ttl",
        "schemes/regions.ttl",
    } <= schemes


def test_committed_files_are_not_stale(rebuilt: dict[str, Path]) -> None:
    stale = []
    for name, fresh in rebuilt.items():
        fmt = "xml" if name.endswith(".owl") else "turtle"
        committed = ONTOLOGY_DIR / name
        if not committed.exists():
            stale.append(f"{name} (missing)")
            continue
        if not same_graph(Graph().parse(committed, format=fmt), Graph().parse(fresh, format=fmt)):
            stale.append(name)
    assert stale == [], "run `python -m ontology.build` and commit: " + ", ".join(stale)


def test_turtle_and_rdfxml_say_the_same(rebuilt: dict[str, Path]) -> None:
    ttl = Graph().parse(rebuilt["policykg.ttl"], format="turtle")
    owl = Graph().parse(rebuilt["policykg.owl"], format="xml")
    assert isomorphic(ttl, owl)
