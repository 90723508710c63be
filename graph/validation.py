"""Validate a graph against ``ontology/shapes.ttl`` with pyshacl and report readably.

The data is read out of a :class:`~graph.store.Store` with one CONSTRUCT over the union of its
graphs (or taken as an rdflib ``Graph``), the ontology is mixed in (so ``pkg:Agency`` counts as an
``org:Organization``), and each result becomes a line: severity, focus node, path, message.
Only violations make a graph fail; warnings and infos are reported beside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.store import Store
from ontology import terms

ONTOLOGY_DIR = Path(terms.__file__).resolve().parent
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "policykg.ttl"


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: how bad, where, along which path, and why."""

    severity: str  # "Violation", "Warning" or "Info"
    focus_node: str
    path: str | None
    message: str
    value: str | None = None
    shape: str | None = None

    def line(self) -> str:
        """``Violation  doc:x  eli:title  a loaded document needs a title``."""
        parts = [f"{self.severity:<9}", shorten(self.focus_node)]
        if self.path:
            parts.append(shorten(self.path))
        parts.append(self.message)
        if self.value is not None:
            parts.append(f"(value: {shorten(self.value)})")
        return "  ".join(parts)


@dataclass
class ValidationReport:
    """All results of one validation run; ``conforms`` means no violations."""

    results: list[ValidationResult] = field(default_factory=list)
    triples: int = 0

    @property
    def violations(self) -> list[ValidationResult]:
        """The results of severity Violation."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        """True when no shape is violated (warnings and infos allowed)."""
        return not self.violations

    def lines(self) -> list[str]:
        """A summary line, then one readable line per result, violations first."""
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        counts = {s: sum(r.severity == s for r in self.results) for s in order}
        head = (
            f"{'conforms' if self.conforms else 'does not conform'}: {counts['Violation']} "
            f"violations, {counts['Warning']} warnings, {counts['Info']} infos in {self.triples} triples"
        )
        ordered = sorted(
            self.results, key=lambda r: (order.get(r.severity, 3), r.focus_node, r.path or "")
        )
        return [head] + [r.line() for r in ordered]


def shorten(iri: str) -> str:
    """An IRI in prefixed form where a known prefix fits (``doc:…``, ``pkg:…``), else as it is."""
    return terms.compact(iri)


def store_ntriples(store: Store) -> bytes:
    """The store's asserted triples (union of its graphs, the inferred graph left out) as
    N-Triples: the inferred graph only restates what the asserted triples imply."""
    result = store.query(
        f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
            {{ ?s ?p ?o }} MINUS {{ GRAPH <{terms.GRAPH_INFERRED}> {{ ?s ?p ?o }} }}
        }}"""
    )
    assert isinstance(result, ox.QueryTriples)
    return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""


def store_graph(store: Store) -> Graph:
    """The store's asserted triples as an rdflib graph (see :func:`store_ntriples`)."""
    return Graph().parse(data=store_ntriples(store).decode("utf-8"), format="nt")


@dataclass(frozen=True)
class SparqlCheck:
    """A SHACL-SPARQL constraint of a shape, with the shape's targets, run as one query."""

    shape: str
    targets: str  # a SPARQL pattern binding ?this to every focus node
    select: str
    message: str
    severity: str
    prefixes: str

    def query(self) -> str:
        """The constraint for all focus nodes at once: ``$this`` bound by the target pattern."""
        body = self.select.replace("$this", "?this")
        where = body.index("{", body.upper().index("WHERE"))
        return f"{self.prefixes}\n{body[: where + 1]} {{ {self.targets} }} {body[where + 1 :]}"


def split_sparql_constraints(shapes: Graph) -> list[SparqlCheck]:
    """Remove the SHACL-SPARQL constraints from ``shapes`` and return them as checks.

    pyshacl evaluates such a constraint once per focus node through rdflib's SPARQL engine
    (about a minute for the seed corpus); Oxigraph answers each for all nodes at once in
    milliseconds. The core constraints stay with pyshacl.
    """
    rdf_type = RDF.type
    checks: list[SparqlCheck] = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        patterns = [
            f"{{ ?this <{rdf_type}>/<{RDFS.subClassOf}>* <{c}> }}"
            for c in shapes.objects(shape, SH.targetClass)
        ]
        patterns += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
        patterns += [f"{{ [] <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
        patterns += [f"{{ BIND(<{n}> AS ?this) }}" for n in shapes.objects(shape, SH.targetNode)]
        prefixes = [
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>"
            for source in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(source, SH.declare)
        ]
        severity = shapes.value(constraint, SH.severity) or shapes.value(shape, SH.severity)
        checks.append(
            SparqlCheck(
                shape=str(shape),
                targets=" UNION ".join(patterns) or "FILTER(false)",
                select=str(shapes.value(constraint, SH.select)),
                message=str(shapes.value(constraint, SH.message) or "SPARQL constraint not met"),
                severity=str(severity or SH.Violation).rsplit("#", 1)[-1],
                prefixes="\n".join(sorted(set(prefixes))),
            )
        )
        shapes.remove((shape, SH.sparql, constraint))
    return checks


def run_sparql_checks(store: ox.Store, checks: list[SparqlCheck]) -> set[ValidationResult]:
    """Evaluate SHACL-SPARQL checks on an Oxigraph store; one result per solution."""
    results: set[ValidationResult] = set()
    for check in checks:
        solutions = store.query(check.query())
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            focus, value = row["this"], row["value"]
            results.add(
                ValidationResult(
                    severity=check.severity,
                    focus_node=focus.value,
                    path=None,
                    message=check.message,
                    value=value.value if value is not None else None,
                    shape=check.shape,
                )
            )
    return results


def _text(graph: Graph, node: Node, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    if value is None:
        return None
    alternatives = graph.value(value, SH.alternativePath)
    if alternatives is not None:
        return "|".join(shorten(str(v)) for v in graph.items(alternatives))
    return str(value)


def validate(data: Store | Graph, *, shapes: Path = SHAPES_PATH) -> ValidationReport:
    """Validate a store or an rdflib graph against the SHACL shapes; never raises on bad data.

    SHACL Core constraints run in pyshacl (ontology mixed in); SHACL-SPARQL constraints run
    on an in-memory Oxigraph copy of the same triples (see :func:`split_sparql_constraints`).
    """
    ntriples = (
        store_ntriples(data)
        if not isinstance(data, Graph)
        else data.serialize(format="nt", encoding="utf-8")
    )
    graph = Graph().parse(data=ntriples.decode("utf-8"), format="nt")
    shapes_graph = Graph().parse(shapes, format="turtle")
    checks = split_sparql_constraints(shapes_graph)
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    copy = ox.Store()
    copy.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    copy.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    _, report_graph, _ = shacl_validate(
        graph,
        shacl_graph=shapes_graph,
        ont_graph=ontology,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    if not isinstance(report_graph, Graph):  # pyshacl hands back a ValidationFailure here
        raise ValueError(f"the shapes could not be applied: {report_graph}")
    results = run_sparql_checks(copy, checks)
    for node in report_graph.subjects(URIRef(str(SH) + "resultSeverity"), None):
        severity = str(report_graph.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
        messages = sorted(str(m) for m in report_graph.objects(node, SH.resultMessage))
        focus = str(report_graph.value(node, SH.focusNode))
        value = _text(report_graph, node, SH.value)
        results.add(
            ValidationResult(
                severity=severity,
                focus_node=focus,
                path=_text(report_graph, node, SH.resultPath),
                message="; ".join(messages) or "constraint not met",
                value=None if value == focus else value,
                shape=_text(report_graph, node, SH.sourceShape),
            )
        )
    return ValidationReport(results=sorted(results, key=str), triples=len(graph))
