"""The SKOS schemes generated from data are well-formed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ontology import skos, terms

SCHEMES = Path(terms.__file__).resolve().parent / "schemes"
NAMED = ["levels", "doctypes", "roles", "agency_types", "indicators"]


@pytest.fixture(scope="module")
def schemes() -> dict[str, Graph]:
    return {p.stem: Graph().parse(p, format="turtle") for p in sorted(SCHEMES.glob("*.ttl"))}


def test_every_concept_is_in_exactly_one_scheme(schemes: dict[str, Graph]) -> None:
    memberships: Counter[object] = Counter()
    for graph in schemes.values():
        for concept in set(graph.subjects(RDF.type, SKOS.Concept)):
            in_schemes = set(graph.objects(concept, SKOS.inScheme))
            assert len(in_schemes) == 1, concept
            assert (next(iter(in_schemes)), RDF.type, SKOS.ConceptScheme) in graph
            memberships[concept] += 1
    assert [c for c, n in memberships.items() if n > 1] == []


@pytest.mark.parametrize("name", NAMED)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pref_labels_are_present_and_unique_per_scheme(
    schemes: dict[str, Graph], name: str, lang: str
) -> None:
    graph = schemes[name]
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts, f"{name} has no concepts"
    labels: Counter[str] = Counter()
    for concept in concepts:
        values = [
            v
            for v in graph.objects(concept, SKOS.prefLabel)
            if isinstance(v, Literal) and v.language == lang
        ]
        assert len(values) == 1, f"{concept} needs exactly one prefLabel@{lang}"
        labels[str(values[0])] += 1
    assert [label for label, n in labels.items() if n > 1] == []


def test_broader_and_narrower_mirror_each_other(schemes: dict[str, Graph]) -> None:
    for graph in schemes.values():
        for narrower, broader in graph.subject_objects(SKOS.broader):
            assert (broader, SKOS.narrower, narrower) in graph


def test_levels_are_ordered_from_national_down_to_town(schemes: dict[str, Graph]) -> None:
    graph = schemes["levels"]

    def up(level: str) -> set[str]:
        return {
            str(o).rsplit("/", 1)[1]
            for o in graph.objects(URIRef(terms.level_concept(level)), SKOS.broader)
        }

    assert up("province") == {"national"}
    assert up("city") == {"province"}
    assert up("county") == up("district") == {"city"}
    assert up("town") == {"county", "district"}
    assert up("national") == up("unknown") == set()


def test_document_types_cover_the_usual_kinds(schemes: dict[str, Graph]) -> None:
    labels = {str(v) for v in schemes["doctypes"].objects(None, SKOS.prefLabel)}
    assert {
        "通知",
        "意见",
        "实施意见",
        "行动计划",
        "实施方案",
        "纲要",
        "规划",
        "决定",
        "办法",
        "标准",
        "法",
    } <= labels


def test_regions_carry_code_level_and_containment(schemes: dict[str, Graph]) -> None:
    graph = schemes["regions"]
    region = URIRef(terms.region_iri("320412"))
    assert (region, RDF.type, URIRef(terms.PKG_REGION)) in graph
    assert (region, SKOS.prefLabel, Literal("武进区", lang="zh")) in graph
    assert (region, URIRef(terms.PKG_GB_CODE), Literal("320412")) in graph
    assert (region, URIRef(terms.PKG_LEVEL), URIRef(terms.level_concept("district"))) in graph
    town = URIRef(terms.region_iri("嘉泽镇"))
    assert (town, URIRef(terms.PKG_WITHIN), region) in graph
    regions = set(graph.subjects(RDF.type, URIRef(terms.PKG_REGION)))
    dangling = [
        r for r in regions for p in graph.objects(r, URIRef(terms.PKG_WITHIN)) if p not in regions
    ]
    assert dangling == []
    codes = Counter(str(c) for c in graph.objects(None, URIRef(terms.PKG_GB_CODE)))
    assert [c for c, n in codes.items() if n > 1] == []


def test_a_missing_data_file_gives_an_empty_scheme_not_an_error(tmp_path: Path) -> None:
    graph = skos.indicator_scheme(tmp_path / "absent.json")
    assert set(graph.subjects(RDF.type, SKOS.Concept)) == set()
    assert (URIRef(terms.INDICATOR_SCHEME), RDF.type, SKOS.ConceptScheme) in graph
