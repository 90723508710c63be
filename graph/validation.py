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
from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.store import Store
from ontology import terms

ONTOLOGY_DIR = Path(terms.__file__).resolve().parent
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "policykg.ttl"

#: short forms used in report lines (instance bases first: they are the longest matches).
SHORT_PREFIXES: dict[str, str] = {
    "doc": terms.DOC_BASE,
    "agency": terms.AGENCY_BASE,
    "region": terms.REGION_BASE,
    "target": terms.TARGET_BASE,
    "measure": terms.MEASURE_BASE,
    "concept": terms.CONCEPT_BASE,
    **terms.PREFIXES,
}


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
    """An IRI in prefixed form where a known prefix fits, else as it is."""
    best = max(
        ((p, ns) for p, ns in SHORT_PREFIXES.items() if iri.startswith(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else iri


def store_graph(store: Store) -> Graph:
    """Everything in the store (union of its graphs) as an rdflib graph, via N-Triples."""
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    data = result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    graph = Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def _text(graph: Graph, node: Node, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    if value is None:
        return None
    alternatives = graph.value(value, SH.alternativePath)
    if alternatives is not None:
        return "|".join(shorten(str(v)) for v in graph.items(alternatives))
    return str(value)


def validate(data: Store | Graph, *, shapes: Path = SHAPES_PATH) -> ValidationReport:
    """Validate a store or an rdflib graph against the SHACL shapes; never raises on bad data."""
    graph = data if isinstance(data, Graph) else store_graph(data)
    shapes_graph = Graph().parse(shapes, format="turtle")
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    _, report_graph, _ = shacl_validate(
        graph,
        shacl_graph=shapes_graph,
        ont_graph=ontology,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
    )
    assert isinstance(report_graph, Graph)
    results: set[ValidationResult] = set()
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
