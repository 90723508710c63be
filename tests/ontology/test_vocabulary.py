"""The ontology file: every term labelled and defined in Chinese and English, aligned with the
standard vocabularies, and covering every term the graph layer writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ontology import terms

ONTOLOGY = Path(terms.__file__).resolve().parent / "policykg.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def own_terms(graph: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    found = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(terms.PKG))


def test_the_ontology_defines_classes_and_properties(ontology: Graph) -> None:
    assert len(own_terms(ontology)) > 50


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_own_term_is_labelled_and_defined_in_both_languages(
    ontology: Graph, prop: URIRef, lang: str
) -> None:
    missing = [
        str(term)
        for term in own_terms(ontology)
        if not any(getattr(v, "language", None) == lang for v in ontology.objects(term, prop))
    ]
    assert missing == []


def test_every_term_the_graph_layer_writes_is_declared(ontology: Graph) -> None:
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    constants = {
        name: value
        for name, value in vars(terms).items()
        if name.startswith("PKG_") and isinstance(value, str) and value.startswith(terms.PKG)
    }
    undeclared = sorted(name for name, iri in constants.items() if iri not in declared)
    assert undeclared == []


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (terms.PKG_POLICY_DOCUMENT, terms.ELI_LEGAL_RESOURCE),
        (terms.PKG_SECTION, terms.ELI_LEGAL_RESOURCE_SUBDIVISION),
        (terms.PKG_MEASURE, terms.PKG_SECTION),
        (terms.PKG_AGENCY, terms.ORG_ORGANIZATION),
        (terms.PKG_LEADING_GROUP, terms.ORG_ORGANIZATION),
        (terms.PKG_TARGET, terms.QB_OBSERVATION),
        (terms.PKG_REGION, terms.SKOS_CONCEPT),
        (terms.PKG_EVIDENCE, terms.PROV_ENTITY),
    ],
)
def test_classes_are_aligned_with_the_standard_vocabularies(
    ontology: Graph, child: str, parent: str
) -> None:
    assert (URIRef(child), RDFS.subClassOf, URIRef(parent)) in ontology


@pytest.mark.parametrize(
    ("prop", "inverse"),
    [
        (terms.PKG_LEADS, terms.PKG_LEAD_AGENCY),
        (terms.PKG_PARTICIPATES_IN, terms.PKG_PARTICIPATING_AGENCY),
        (terms.PKG_RESPONSIBLE_FOR, terms.PKG_RESPONSIBLE_AGENCY),
        (terms.ELI_REPEALED_BY, terms.ELI_REPEALS),
        (terms.ELI_IMPLEMENTATION_ENSURED_BY, terms.ELI_ENSURES_IMPLEMENTATION_OF),
    ],
)
def test_role_and_document_links_have_inverses(ontology: Graph, prop: str, inverse: str) -> None:
    assert (URIRef(prop), OWL.inverseOf, URIRef(inverse)) in ontology


def test_implementation_and_containment_have_transitive_super_properties(ontology: Graph) -> None:
    for direct, closure in [
        (terms.ELI_ENSURES_IMPLEMENTATION_OF, terms.PKG_IMPLEMENTS_TRANSITIVELY),
        (terms.PKG_WITHIN, terms.PKG_WITHIN_TRANSITIVELY),
        (terms.PKG_REFINES, terms.PKG_REFINES_TRANSITIVELY),
    ]:
        assert (URIRef(direct), RDFS.subPropertyOf, URIRef(closure)) in ontology
        assert (URIRef(closure), RDF.type, OWL.TransitiveProperty) in ontology
    for role in (
        terms.PKG_LEAD_AGENCY,
        terms.PKG_PARTICIPATING_AGENCY,
        terms.PKG_RESPONSIBLE_AGENCY,
    ):
        assert (URIRef(role), RDFS.subPropertyOf, URIRef(terms.PKG_INVOLVED_AGENCY)) in ontology


def test_every_document_type_the_loaders_read_has_its_own_concept() -> None:
    """A 批复 or a 工作要点 keeps its type in the graph instead of falling into 其他 (other)."""
    from loaders.metadata import DOC_TYPES

    other = terms.doctype_concept("其他")
    lumped = [doc_type for doc_type in DOC_TYPES if terms.doctype_concept(doc_type) == other]
    assert lumped == []
