"""Standard types made explicit: every resource typed with each superclass of its classes.

The ontology aligns its classes with standard vocabularies (a ``pkg:Agency`` is an
``org:Organization``, a ``pkg:Measure`` a ``pkg:Section`` and so an
``eli:LegalResourceSubdivision``, a ``pkg:ExternalDocument`` a ``pkg:PolicyDocument`` and so an
``eli:LegalResource``, a ``pkg:Region`` a ``skos:Concept`` …). A SPARQL user who asks
``?x a org:Organization`` does not run a reasoner, so the load writes the types those
``rdfs:subClassOf`` axioms imply beside the inferred links. ``prov:wasDerivedFrom`` has
``prov:Entity`` as its domain in PROV-O: whatever was derived from a document is an entity.

>>> ancestors = class_ancestors()
>>> terms.ELI_LEGAL_RESOURCE in ancestors[terms.PKG_EXTERNAL_DOCUMENT]
True
>>> terms.ELI_LEGAL_RESOURCE_SUBDIVISION in ancestors[terms.PKG_MEASURE]
True
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.closure import reachable
from graph.store import Store
from ontology import terms
from ontology.vocabulary import CLASSES

Triple = tuple[str, str, str]


#: what is stated in the graphs other than the inferred one: a type stated there as well
#: (a document's own eli:LegalResource) counts as asserted, and an earlier run's inferences
#: never do
ASSERTED = f"FILTER(?g != <{terms.GRAPH_INFERRED}>)"


def class_ancestors() -> dict[str, set[str]]:
    """Each of the ontology's classes → every class above it (itself not included)."""
    return reachable({spec.iri: set(spec.parents) for spec in CLASSES})


def entailed_types(store: Store) -> set[Triple]:
    """``rdf:type`` triples the subclass axioms and PROV-O's domain imply, none of them asserted.

    Reads the asserted types of the ontology's own classes and the subjects of
    ``prov:wasDerivedFrom``; the inferred graph itself is never read, so each run starts over.
    """
    ancestors = class_ancestors()
    wanted = " ".join(f"<{c}>" for c, above in ancestors.items() if above)
    asserted = _pairs(
        store,
        f"SELECT DISTINCT ?s ?c WHERE {{ VALUES ?c {{ {wanted} }} GRAPH ?g {{ ?s a ?c }} {ASSERTED} }}",
    )
    entity, derived_from = terms.PROV_ENTITY, terms.PROV_WAS_DERIVED_FROM
    derived = _pairs(
        store,
        f"SELECT DISTINCT ?s (<{entity}> AS ?c) WHERE {{ GRAPH ?g {{ ?s <{derived_from}> ?o }} "
        f"{ASSERTED} FILTER(isIRI(?s)) }}",
    )
    implied = {(s, above) for s, cls in asserted for above in ancestors[cls]} | derived
    # a type asserted anywhere (a document typed eli:LegalResource by the mapping) is not repeated
    subjects_types = _asserted_types(store, {c for _, c in implied})
    return {(s, terms.RDF_TYPE, c) for s, c in implied if (s, c) not in subjects_types}


def _pairs(store: Store, query: str) -> set[tuple[str, str]]:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return {
        (row["s"].value, row["c"].value) for row in result if isinstance(row["s"], ox.NamedNode)
    }


def _asserted_types(store: Store, classes: set[str]) -> set[tuple[str, str]]:
    if not classes:
        return set()
    values = " ".join(f"<{c}>" for c in sorted(classes))
    return _pairs(
        store,
        f"SELECT DISTINCT ?s ?c WHERE {{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?s a ?c }} {ASSERTED} }}",
    )
