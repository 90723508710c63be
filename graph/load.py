"""Load records into a store, then run the linking passes (references, regions, cascades).

Each document's facts go into its own named graph, replaced in one step; a record whose
triples are already stored is skipped, so loading the same file again changes nothing. The
shared graph (resolved references, external documents, regions) and the cascade graph are
recomputed from the documents' graphs after every load.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import iris
from graph.cascade import compute_cascade
from graph.mapping import canonical, map_document, nn
from graph.regions import Gazetteer
from graph.resolve import link_references, link_regions
from graph.sparql import select, value
from graph.store import Store
from loaders.record import PolicyDocument
from ontology import terms as t

ONTOLOGY_DIR = Path(t.__file__).resolve().parent


@dataclass(frozen=True)
class Rejected:
    """A file that could not be loaded, and why."""

    path: str
    reason: str


@dataclass
class LoadReport:
    """What a load did: the summary table ``policykg load`` prints."""

    documents: int = 0
    unchanged: int = 0
    replaced: int = 0
    measures: int = 0
    targets: int = 0
    agencies: int = 0
    references_resolved: int = 0
    references_unresolved: int = 0
    cascade_links: int = 0
    weaker_links: int = 0
    not_taken_up: int = 0
    triples: int = 0
    seconds: float = 0.0
    loaded: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    #: (reference IRI, reason) for references naming no document at all (see graph.resolve)
    unlinked: list[tuple[str, str]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for a summary table."""
        return [
            (
                "documents",
                f"{self.documents} ({self.unchanged} unchanged, {self.replaced} replaced)",
            ),
            ("measures", str(self.measures)),
            ("targets", str(self.targets)),
            ("agencies", str(self.agencies)),
            # every reference resolves to a node: a loaded document or a shared external one
            ("references to loaded documents", str(self.references_resolved)),
            ("references to external documents", str(self.references_unresolved)),
            ("references unlinked", str(len(self.unlinked))),
            ("cascade links", f"{self.cascade_links} ({self.weaker_links} weaker)"),
            ("rejected files", str(len(self.rejected))),
            ("triples in store", str(self.triples)),
            ("seconds", f"{self.seconds:.2f}"),
        ]


def graph_triples(store: Store, graph: str) -> set[ox.Triple]:
    """The triples of one named graph, as a set (literals in canonical form)."""
    result = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{nn(graph).value}> {{ ?s ?p ?o }} }}",
        use_default_graph_as_union=False,
    )
    return {canonical(ox.Triple(x.subject, x.predicate, x.object)) for x in result}  # type: ignore[union-attr]


def _graphs_from_source(store: Store, source: str) -> set[str]:
    """Graphs holding a document read from ``source`` (a file whose number changed moves)."""
    rows = select(
        store,
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d a pkg:PolicyDocument ; dcterms:source {ox.Literal(source)} }} }}",
    )
    return {str(value(r["g"])) for r in rows}


def load_records(
    store: Store,
    records: Iterable[PolicyDocument],
    *,
    progress: Callable[[PolicyDocument], None] | None = None,
    link: bool = True,
) -> LoadReport:
    """Write each record to its own named graph, then rebuild the shared and cascade graphs."""
    started = time.perf_counter()
    report = LoadReport()
    gazetteer = Gazetteer.load()
    load_vocabularies(store)
    agencies: set[str] = set()
    for record in records:
        mapped = map_document(record, gazetteer)
        for stale in _graphs_from_source(store, record.source.path) - {mapped.graph}:
            store.drop_graph(stale)
        existing = graph_triples(store, mapped.graph)
        if existing == {canonical(x) for x in mapped.triples}:
            report.unchanged += 1
        else:
            report.replaced += int(bool(existing))
            store.replace_graph(mapped.graph, sorted(mapped.triples, key=str))
        report.documents += 1
        report.loaded.append(mapped.iri)
        report.measures += len(record.measures)
        report.targets += len(record.targets)
        agencies |= {
            str(tr.object)
            for tr in mapped.triples
            if tr.predicate.value in (t.PKG_ROLE_AGENCY, t.ELI_PASSED_BY)
        }
        if progress is not None:
            progress(record)
    report.agencies = len(agencies)
    if link:
        link_store(store, report)
    store.flush()
    report.triples = len(store)
    report.seconds = time.perf_counter() - started
    return report


def link_store(store: Store, report: LoadReport | None = None) -> LoadReport:
    """Recompute the shared graph (references, external documents, regions) and the cascade."""
    report = report or LoadReport()
    gazetteer = Gazetteer.load()
    links = link_references(store)
    shared = links.triples | link_regions(store, gazetteer)
    store.replace_graph(iris.GRAPH_SHARED, sorted(shared, key=str))
    # the cascade reads the implementation links just written
    cascade = compute_cascade(store)
    store.replace_graph(iris.GRAPH_CASCADE, sorted(cascade.triples, key=str))
    report.references_resolved = links.resolved
    report.references_unresolved = links.unresolved
    report.unlinked = links.unlinked
    report.cascade_links = cascade.links
    report.weaker_links = cascade.weaker
    report.not_taken_up = cascade.not_taken_up
    return report


def load_vocabularies(store: Store) -> None:
    """Load the ontology and the SKOS schemes into their graphs when they changed.

    A content hash stored in each graph skips an unchanged file (the ontology has blank nodes,
    so reloading it would not give the same triples).
    """
    for graph, paths in (
        (t.GRAPH_ONTOLOGY, [ONTOLOGY_DIR / "policykg.ttl"]),
        (t.GRAPH_SCHEMES, sorted((ONTOLOGY_DIR / "schemes").glob("*.ttl"))),
    ):
        present = [p for p in paths if p.exists()]
        if not present:
            continue
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in present)).hexdigest()
        marker = ox.Triple(nn(graph), nn(t.PKG_SHA256), ox.Literal(digest))
        if _has_triple(store, graph, marker):
            continue
        triples = [marker]
        for path in present:
            triples += [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
            ]
        store.replace_graph(graph, triples)


def _has_triple(store: Store, graph: str, triple: ox.Triple) -> bool:
    result = store.query(f"ASK {{ GRAPH <{graph}> {{ {triple} }} }}")
    return bool(result)


def load_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    progress: Callable[[str], None] | None = None,
    max_bytes: int | None = None,
) -> LoadReport:
    """Extract every file (folders expanded by the loaders) and load the records; a bad file
    is reported in ``rejected`` with its reason and the rest of the batch goes on."""
    from loaders.errors import RejectedDocument
    from loaders.extract import iter_extract

    records: list[PolicyDocument] = []
    rejected: list[Rejected] = []
    options: dict[str, Any] = {} if max_bytes is None else {"max_bytes": max_bytes}
    for path, outcome in iter_extract(paths, **options):
        if isinstance(outcome, RejectedDocument):
            rejected.append(Rejected(str(path), str(getattr(outcome, "reason", None) or outcome)))
        else:
            records.append(outcome)
        if progress is not None:
            progress(str(path))
    report = load_records(store, records)
    report.rejected = rejected
    return report
