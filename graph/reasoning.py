"""Make what the ontology implies explicit: inverse links, super-properties, transitive chains,
and the standard types of every resource (:mod:`graph.class_closure`).

Two engines give the same set of inferred triples:

- ``"owlready"`` — the ontology and the asserted links are handed to HermiT through owlready2
  (needs Java; Pellet is not used, it fails on Java 17);
- ``"rules"`` — forward chaining over the same axioms (``ontology.vocabulary``): sub-properties,
  inverses, transitivity and property chains applied to the asserted links in memory until
  nothing new appears; one query reads the links and one update writes the result.

Both read only the object-property links the axioms speak about, and write what they infer,
and nothing that is already asserted, into one named graph :data:`ontology.terms.GRAPH_INFERRED`,
replaced on each run. ``engine="auto"`` picks HermiT when a ``java`` binary is on the PATH.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from graph.class_closure import entailed_types
from graph.closure import reachable
from graph.errors import GraphError
from graph.store import Store, change_graph, rebuild_graph
from ontology import terms
from ontology.vocabulary import EXTERNAL_AXIOMS, PROPERTIES, PropertySpec

Engine = Literal["auto", "rules", "owlready"]
Triple = tuple[str, str, str]

#: HermiT's Java heap in MB; the machine is shared, the graphs are small.
JAVA_MEMORY_MB = 1000


class ReasonerError(GraphError):
    """HermiT could not run or failed on the ontology and the data."""


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
            f"  {count:6d}  {terms.compact(prop)}"
            for prop, count in sorted(self.by_property.items())
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


def _values(properties: list[str]) -> str:
    return " ".join(f"<{p}>" for p in properties)


def asserted_links(store: Store) -> set[Triple]:
    """The asserted links between IRIs over the reasoned properties (inferred graph excluded)."""
    query = f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
            VALUES ?p {{ {_values(reasoned_properties())} }}
            GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{terms.GRAPH_INFERRED}>)
            FILTER (isIRI(?s) && isIRI(?o))
        }}"""
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return {(row["s"].value, row["p"].value, row["o"].value) for row in result}


def _as_oxigraph(triples: set[Triple]) -> list[ox.Triple]:
    return [
        ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)) for s, p, o in sorted(triples)
    ]


def _rule_pass(asserted: set[Triple]) -> tuple[set[Triple], int]:
    """Apply every axiom to the links, round after round, until a round adds nothing.

    Each round reads the links as they stood at its start (the same rounds as running one
    SPARQL rule per axiom over the store), so a 4-level chain takes a few rounds. Returns the
    inferred triples (nothing asserted) and the number of rounds.
    """
    links: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o in asserted:
        links[p].add((s, o))
    specs = _object_specs()
    rounds = 0
    while True:
        rounds += 1
        found: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for spec in specs:
            pairs = links.get(spec.iri, set())
            for parent in spec.parents:
                found[parent] |= pairs
            if spec.inverse_of:
                found[spec.iri] |= {(o, s) for s, o in links.get(spec.inverse_of, ())}
                found[spec.inverse_of] |= {(o, s) for s, o in pairs}
            if spec.transitive:
                found[spec.iri] |= _transitive(pairs)
            for chain in spec.chains:
                found[spec.iri] |= _compose(links, chain)
        grew = False
        for prop, pairs in found.items():
            fresh = pairs - links[prop]
            if fresh:
                links[prop] |= fresh
                grew = True
        if not grew:
            everything = {(s, p, o) for p, pairs in links.items() for s, o in pairs}
            return everything - asserted, rounds


def _transitive(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Every (s, o) with a path of one or more steps from s to o."""
    following: dict[str, set[str]] = defaultdict(set)
    for s, o in pairs:
        following[s].add(o)
    return {(start, node) for start, nodes in reachable(following).items() for node in nodes}


def _compose(
    links: dict[str, set[tuple[str, str]]], chain: tuple[str, ...]
) -> set[tuple[str, str]]:
    """The pairs joined by a property chain p1 / p2 / … ."""
    reached = set(links.get(chain[0], ()))
    for step in chain[1:]:
        following: dict[str, set[str]] = defaultdict(set)
        for s, o in links.get(step, ()):
            following[s].add(o)
        reached = {(s, o2) for s, o in reached for o2 in following.get(o, ())}
    return reached


_EXPRESSION = re.compile(r"ObjectInverseOf\(\s*<([^>]+)>\s*\)|<([^>]+)>")
_AXIOM = re.compile(r"^(SubObjectPropertyOf|EquivalentObjectProperties)\((.*)\)\s*$", re.MULTILINE)
_INSTANCES = re.compile(
    r"^<([^>]+)> \(known instances:\s*(.*?)\s*\|\s*possible instances:", re.MULTILINE
)
_PAIR = re.compile(r"\(<([^>]+)>, <([^>]+)>\)")

Expression = tuple[str, bool]  # a property IRI, and whether it is taken inverted


def _hermit_classpath() -> str:
    import owlready2

    hermit = Path(owlready2.__file__).resolve().parent / "hermit"
    return os.pathsep.join([str(hermit), str(hermit / "HermiT.jar")])


def _run_hermit(asserted: set[Triple]) -> str:
    """HermiT's answer for the ontology (authored by owlready2) plus the asserted links: the
    object-property hierarchy (-O) and the property values it entails (-Y)."""
    from ontology.build import build_owlready

    _, onto = build_owlready()
    individuals = {s for s, _, o in asserted} | {o for _, _, o in asserted}
    ontology_nt = io.BytesIO()
    onto.save(ontology_nt, format="ntriples")
    data = [f"<{s}> <{p}> <{o}> ." for s, p, o in sorted(asserted)]
    data += [
        f"<{i}> <{terms.RDF_TYPE}> <{terms.OWL}NamedIndividual> ." for i in sorted(individuals)
    ]
    with tempfile.TemporaryDirectory(prefix="policykg-hermit-") as tmp:
        path = Path(tmp) / "input.nt"
        path.write_bytes(ontology_nt.getvalue() + ("\n".join(data) + "\n").encode("utf-8"))
        command = [
            "java",
            f"-Xmx{JAVA_MEMORY_MB}M",
            "-cp",
            _hermit_classpath(),
            "org.semanticweb.HermiT.cli.CommandLine",
            "-O",
            "-Y",
            path.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise ReasonerError(f"cannot start java for HermiT: {exc}") from exc
    if done.returncode != 0:
        raise ReasonerError(f"HermiT failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout


def _super_properties(output: str) -> dict[Expression, set[Expression]]:
    """Every property expression's super-properties (itself included), from HermiT's taxonomy."""
    edges: dict[Expression, set[Expression]] = {}

    def edge(sub: Expression, sup: Expression) -> None:
        edges.setdefault(sub, set()).add(sup)
        # P ⊑ Q implies inv(P) ⊑ inv(Q)
        edges.setdefault((sub[0], not sub[1]), set()).add((sup[0], not sup[1]))

    for kind, body in _AXIOM.findall(output):
        exprs = [(inv or iri, bool(inv)) for inv, iri in _EXPRESSION.findall(body)]
        if kind == "SubObjectPropertyOf" and len(exprs) == 2:
            edge(exprs[0], exprs[1])
        elif kind == "EquivalentObjectProperties":
            for a in exprs:
                for b in exprs:
                    edge(a, b)
    closure: dict[Expression, set[Expression]] = {}
    for start in edges:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        closure[start] = seen
    return closure


def _hermit(asserted: set[Triple]) -> set[Triple]:
    """Reason with HermiT over the ontology and the asserted links; return the entailed links
    over the reasoned properties that are not asserted.

    HermiT lists each pair under the most specific properties only (a lead agency is not
    repeated under involvedAgency), so each pair is spread over the super-properties that
    HermiT's own property taxonomy gives.
    """
    output = _run_hermit(asserted)
    supers = _super_properties(output)
    wanted = set(reasoned_properties())
    entailed: set[Triple] = set()
    for prop, pairs in _INSTANCES.findall(output):
        for a, b in _PAIR.findall(pairs):
            for (sup, inverted), (s, o) in [
                *((e, (a, b)) for e in supers.get((prop, False), {(prop, False)})),
                *((e, (b, a)) for e in supers.get((prop, True), {(prop, True)})),
            ]:
                entailed.add((o, sup, s) if inverted else (s, sup, o))
    return {t for t in entailed if t[1] in wanted} - asserted


def java_available() -> bool:
    """True when a ``java`` binary is on the PATH (HermiT can run)."""
    return shutil.which("java") is not None


def reason(
    store: Store, engine: Engine | str = "auto", *, incremental: bool = False
) -> ReasoningReport:
    """Replace the inferred graph with what the ontology implies about the store's links.

    ``engine``: ``"owlready"`` (HermiT, needs Java), ``"rules"`` (forward chaining in Python) or
    ``"auto"`` (HermiT when Java is present). Both engines infer the same triples.
    ``incremental``: change the stored inferred graph in place (after a load that added a
    few documents) instead of rewriting it whole.
    """
    if engine == "auto":
        engine = "owlready" if java_available() else "rules"
    if engine not in ("rules", "owlready"):
        raise ValueError(f"unknown reasoning engine {engine!r} (use auto, rules or owlready)")
    started = time.perf_counter()
    asserted = asserted_links(store)
    rounds = 1
    if engine == "owlready":
        # computed before the old inferred graph goes, so a failing HermiT leaves it in place
        inferred = _hermit(asserted)
    else:
        inferred, rounds = _rule_pass(asserted)
    inferred |= entailed_types(store)
    if incremental:
        # after a load of new documents most inferences stand: write only what changed
        stored = inferred_triples(store)
        change_graph(
            store,
            terms.GRAPH_INFERRED,
            _as_oxigraph(stored - inferred),
            _as_oxigraph(inferred - stored),
        )
    else:
        rebuild_graph(store, terms.GRAPH_INFERRED, _as_oxigraph(inferred))
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
