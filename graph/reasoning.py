"""Make what the ontology implies explicit: inverse links, super-properties, transitive chains.

Two engines give the same set of inferred triples:

- ``"owlready"`` — the ontology and the asserted links are handed to HermiT through owlready2
  (needs Java; Pellet is not used, it fails on Java 17);
- ``"rules"`` — SPARQL CONSTRUCT rules, generated from the same axioms
  (``ontology.vocabulary``), run on the store itself until nothing new appears.

Both read only the object-property links the axioms speak about, and write what they infer,
and nothing that is already asserted, into one named graph :data:`ontology.terms.GRAPH_INFERRED`,
replaced on each run. ``engine="auto"`` picks HermiT when a ``java`` binary is on the PATH.
"""

from __future__ import annotations

import io
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from graph.store import Store
from ontology import terms
from ontology.vocabulary import EXTERNAL_AXIOMS, PROPERTIES, PropertySpec

Engine = Literal["auto", "rules", "owlready"]
Triple = tuple[str, str, str]

#: HermiT's Java heap in MB; the machine is shared, the graphs are small.
JAVA_MEMORY_MB = 1000


@dataclass
class ReasoningReport:
    """What a reasoning run did: engine used, triples read and inferred, time taken."""

    engine: str
    asserted: int
    inferred: int
    seconds: float
    by_property: dict[str, int] = field(default_factory=dict)
    rounds: int = 0

    def lines(self) -> list[str]:
        """Readable summary lines, one per inferred property."""
        head = (
            f"{self.engine}: {self.inferred} triples inferred from {self.asserted} links "
            f"in {self.seconds:.2f} s"
        )
        return [head] + [
            f"  {count:6d}  {prop}" for prop, count in sorted(self.by_property.items())
        ]


def _object_specs() -> list[PropertySpec]:
    return [p for p in (*PROPERTIES, *EXTERNAL_AXIOMS) if p.kind == "object"]


def reasoned_properties() -> list[str]:
    """IRIs of the object properties the axioms relate (inputs and outputs of reasoning)."""
    iris: set[str] = set()
    for spec in _object_specs():
        related = [*spec.parents, *(step for chain in spec.chains for step in chain)]
        if spec.inverse_of:
            related.append(spec.inverse_of)
        if related or spec.transitive:
            iris.update([spec.iri, *related])
    return sorted(iris)


def rules() -> list[str]:
    """The rule pass as SPARQL CONSTRUCT queries, one per axiom; each returns only new triples."""

    def rule(head: str, body: str) -> str:
        return f"CONSTRUCT {{ {head} }} WHERE {{ {body} FILTER NOT EXISTS {{ {head} }} }}"

    queries: list[str] = []
    for spec in _object_specs():
        p = f"<{spec.iri}>"
        for parent in spec.parents:
            queries.append(rule(f"?s <{parent}> ?o", f"?s {p} ?o ."))
        if spec.inverse_of:
            q = f"<{spec.inverse_of}>"
            queries.append(rule(f"?o {p} ?s", f"?s {q} ?o ."))
            queries.append(rule(f"?o {q} ?s", f"?s {p} ?o ."))
        if spec.transitive:
            queries.append(rule(f"?s {p} ?o", f"?s {p} ?x . ?x {p}+ ?o ."))
        for chain in spec.chains:
            path = "/".join(f"<{step}>" for step in chain)
            queries.append(rule(f"?s {p} ?o", f"?s {path} ?o ."))
    return queries


def _values(properties: list[str]) -> str:
    return " ".join(f"<{p}>" for p in properties)


def asserted_links(store: Store) -> set[Triple]:
    """The asserted links between IRIs over the reasoned properties (inferred graph excluded)."""
    query = f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
            VALUES ?p {{ {_values(reasoned_properties())} }}
            {{ ?s ?p ?o }} MINUS {{ GRAPH <{terms.GRAPH_INFERRED}> {{ ?s ?p ?o }} }}
            FILTER (isIRI(?s) && isIRI(?o))
        }}"""
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return {(row["s"].value, row["p"].value, row["o"].value) for row in result}


def _as_oxigraph(triples: set[Triple]) -> list[ox.Triple]:
    return [
        ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)) for s, p, o in sorted(triples)
    ]


def _rule_pass(store: Store) -> tuple[set[Triple], int]:
    """Run every rule on the store, adding its results to the inferred graph, until no rule
    finds anything new. Returns the inferred triples and the number of rounds."""
    inferred: set[Triple] = set()
    queries = rules()
    rounds = 0
    while True:
        rounds += 1
        new: set[Triple] = set()
        for query in queries:
            result = store.query(query)
            assert isinstance(result, ox.QueryTriples)
            for t in result:
                if isinstance(t.subject, ox.NamedNode) and isinstance(t.object, ox.NamedNode):
                    new.add((t.subject.value, t.predicate.value, t.object.value))
        new -= inferred
        if not new:
            return inferred, rounds
        inferred |= new
        store.replace_graph(terms.GRAPH_INFERRED, _as_oxigraph(inferred))


def _hermit(asserted: set[Triple]) -> set[Triple]:
    """Reason with HermiT over the ontology and the asserted links; return the entailed links
    over the reasoned properties that are not asserted."""
    import owlready2 as owl
    from owlready2 import reasoning as owl_reasoning

    from ontology.build import build_owlready

    world, onto = build_owlready()
    individuals = {s for s, _, o in asserted} | {o for _, _, o in asserted}
    lines = [f"<{s}> <{p}> <{o}> ." for s, p, o in sorted(asserted)]
    lines += [
        f"<{i}> <{terms.RDF_TYPE}> <{terms.OWL}NamedIndividual> ." for i in sorted(individuals)
    ]
    data = world.get_ontology(terms.BASE + "graph/reasoning-input#")
    data.load(fileobj=io.BytesIO("\n".join(lines).encode("utf-8")), format="ntriples")
    data.imported_ontologies.append(onto)
    owl_reasoning.JAVA_MEMORY = JAVA_MEMORY_MB
    with data:
        owl.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
    entailed: set[Triple] = set()
    properties = [world[iri] for iri in reasoned_properties()]
    for individual in world.individuals():
        if individual.iri not in individuals:
            continue
        for prop in properties:
            for value in prop._get_indirect_values_for_individual(individual):
                if isinstance(value, owl.Thing) and value.iri in individuals:
                    entailed.add((individual.iri, prop.iri, value.iri))
    return entailed - asserted


def java_available() -> bool:
    """True when a ``java`` binary is on the PATH (HermiT can run)."""
    return shutil.which("java") is not None


def reason(store: Store, engine: Engine = "auto") -> ReasoningReport:
    """Replace the inferred graph with what the ontology implies about the store's links.

    ``engine``: ``"owlready"`` (HermiT, needs Java), ``"rules"`` (SPARQL on the store) or
    ``"auto"`` (HermiT when Java is present). Both engines infer the same triples.
    """
    if engine == "auto":
        engine = "owlready" if java_available() else "rules"
    if engine not in ("rules", "owlready"):
        raise ValueError(f"unknown reasoning engine {engine!r} (use auto, rules or owlready)")
    started = time.perf_counter()
    store.drop_graph(terms.GRAPH_INFERRED)
    asserted = asserted_links(store)
    rounds = 1
    if engine == "owlready":
        inferred = _hermit(asserted)
        store.replace_graph(terms.GRAPH_INFERRED, _as_oxigraph(inferred))
    else:
        inferred, rounds = _rule_pass(store)
    store.flush()
    counts = Counter(p for _, p, _ in inferred)
    return ReasoningReport(
        engine=engine,
        asserted=len(asserted),
        inferred=len(inferred),
        seconds=time.perf_counter() - started,
        by_property=dict(counts),
        rounds=rounds,
    )


def inferred_triples(store: Store) -> set[Triple]:
    """The triples currently in the inferred graph."""
    result = store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{terms.GRAPH_INFERRED}> {{ ?s ?p ?o }} }}"
    )
    assert isinstance(result, ox.QuerySolutions)
    return {(row["s"].value, row["p"].value, row["o"].value) for row in result}
