"""Load records into a store, then run the linking passes (references, regions, cascades).

Each document's facts go into its own named graph, replaced in one step; a record whose
triples are already stored is skipped, so loading the same file again changes nothing. The
shared graph (resolved references, external documents, regions) and the cascade graph are
recomputed from the documents' graphs after every load.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import fulltext, iris
from graph.alignment import (
    AlignmentResult,
    align_documents,
    alignment_statements,
    compute_alignment,
    documents_with_measures,
    pairs_to_align,
    stored_measures,
)
from graph.cascade import (
    cascade_of,
    followers_of,
    implementation_links,
    region_ancestors,
    repeal_years,
    stored_targets,
)
from graph.closure import reachable
from graph.instruments import code_instruments
from graph.mapping import canonical, map_document, nn
from graph.regions import Gazetteer
from graph.resolve import (
    link_references,
    link_regions,
    loaded_documents,
    resolve_references,
    stored_references,
)
from graph.search_entries import DocumentEntries, document_entries
from graph.sparql import select, value
from graph.store import Store, change_graph, rebuild_graph
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
    #: measure alignment across levels (graph.alignment): links copied / adapted, and seconds
    measures_copied: int = 0
    measures_adapted: int = 0
    align_seconds: float = 0.0
    #: seconds the policy-instrument coding took (graph.instruments)
    instrument_seconds: float = 0.0
    triples: int = 0
    seconds: float = 0.0
    #: of ``seconds``: linking (references, regions, cascade) after the documents were written
    link_seconds: float = 0.0
    #: reasoning run after the load (``policykg load`` adds it to ``seconds``)
    reason_seconds: float = 0.0
    #: True when only new documents were linked into an already linked store (see link_added)
    incremental: bool = False
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
            (
                "measures carried out",
                f"{self.measures_copied} copied, {self.measures_adapted} adapted",
            ),
            ("rejected files", str(len(self.rejected))),
            ("triples in store", str(self.triples)),
            (
                "seconds",
                f"{self.seconds:.2f} (linking {self.link_seconds:.2f}, "
                f"reasoning {self.reason_seconds:.2f})",
            ),
        ]


def graph_triples(store: Store, graph: str) -> set[ox.Triple]:
    """The triples of one named graph, as a set (literals in canonical form)."""
    result = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{nn(graph).value}> {{ ?s ?p ?o }} }}",
        use_default_graph_as_union=False,
    )
    return {canonical(ox.Triple(x.subject, x.predicate, x.object)) for x in result}  # type: ignore[union-attr]


def graphs_from_source(store: Store, source: str) -> set[str]:
    """Graphs holding a document read from ``source`` (a file whose number changed moves)."""
    rows = select(
        store,
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d a pkg:PolicyDocument ; dcterms:source {ox.Literal(source)} }} }}",
    )
    return {str(value(r["g"])) for r in rows}


def _document_graphs(store: Store) -> dict[str, set[str]]:
    """Source path → the graphs holding a document read from it, for every loaded document
    (one query up front instead of one per record)."""
    rows = select(
        store,
        "SELECT DISTINCT ?g ?source WHERE { GRAPH ?g { ?d a pkg:PolicyDocument ; dcterms:source ?source } }",
    )
    graphs: dict[str, set[str]] = {}
    for row in rows:
        graphs.setdefault(str(value(row["source"])), set()).add(str(value(row["g"])))
    return graphs


#: N-Quads bytes held back for one bulk insert while loading new documents (~200,000 quads)
INSERT_BATCH_BYTES = 48_000_000


@dataclass(frozen=True)
class Prepared:
    """A record mapped for the store: its graph as N-Quads and what the load report counts.

    Small and picklable, so extraction and mapping can run in worker processes and hand the
    writer only bytes to bulk-load.
    """

    source: str
    iri: str
    graph: str
    nquads: bytes
    measures: int
    targets: int
    agencies: frozenset[str]
    #: what the full-text index holds for the document (graph.search_entries)
    search: DocumentEntries | None = None

    def triples(self) -> set[ox.Triple]:
        """The graph's triples, literals in canonical form (to compare with a stored graph)."""
        return {
            canonical(ox.Triple(q.subject, q.predicate, q.object))
            for q in ox.parse(self.nquads, ox.RdfFormat.N_QUADS)
        }


def prepare(record: PolicyDocument) -> Prepared:
    """Map one record (see :func:`graph.mapping.map_document`) into a :class:`Prepared`."""
    mapped = map_document(record, _gazetteer())
    graph = ox.NamedNode(mapped.graph)
    nquads = ox.serialize(
        (ox.Quad(x.subject, x.predicate, x.object, graph) for x in mapped.triples),
        format=ox.RdfFormat.N_QUADS,
    )
    assert nquads is not None
    return Prepared(
        source=record.source.path,
        iri=mapped.iri,
        graph=mapped.graph,
        nquads=nquads,
        measures=len(record.measures),
        targets=len(record.targets),
        agencies=frozenset(
            str(x.object)
            for x in mapped.triples
            if x.predicate.value in (t.PKG_ROLE_AGENCY, t.ELI_PASSED_BY)
        ),
        search=document_entries(mapped.triples, _gazetteer()),
    )


@cache
def _gazetteer() -> Gazetteer:
    # read once per process: building it takes longer than mapping a document
    return Gazetteer.load()


def load_records(
    store: Store, records: Iterable[PolicyDocument], *, link: bool = True
) -> LoadReport:
    """Write each record to its own named graph, then rebuild the shared and cascade graphs."""
    return load_prepared(store, map(prepare, records), link=link)


def load_prepared(store: Store, prepared: Iterable[Prepared], *, link: bool = True) -> LoadReport:
    """Write each prepared record to its own named graph, then rebuild the shared and cascade
    graphs.

    A document new to the store is bulk-loaded with others (the fast path of a first load);
    one already stored is compared with what is there and replaced only if it changed. A file
    whose document now maps to another graph (its number changed) moves: the old graph goes.

    The store's full-text index (:func:`graph.fulltext.index_for`) follows in one transaction
    that commits after the store's writes (see :mod:`graph.fulltext` for a crash in between).
    """
    index = fulltext.index_for(store)
    with index.writing(store):
        return _load_prepared(store, prepared, link, index)


def _load_prepared(
    store: Store, prepared: Iterable[Prepared], link: bool, index: fulltext.SearchIndex
) -> LoadReport:
    started = time.perf_counter()
    report = LoadReport()
    load_vocabularies(store)
    by_source = _document_graphs(store)
    stored = set().union(*by_source.values()) if by_source else set()
    linked_before = bool(stored)
    pending: dict[str, Prepared] = {}
    pending_bytes = 0
    agencies: set[str] = set()
    added: dict[str, str] = {}  # graph → document, for the documents new to the store
    changed = False  # a stored document replaced or moved: the whole store is relinked
    for item in prepared:
        for stale in by_source.get(item.source, set()) - {item.graph}:
            store.drop_graph(stale)
            stored.discard(stale)
            index.drop([stale])
            changed = True
        by_source[item.source] = {item.graph}
        if item.graph in pending:
            # the same document twice in one batch: the later record wins, as on disk
            earlier = pending.pop(item.graph)
            pending_bytes -= len(earlier.nquads)
            if earlier.triples() == item.triples():
                report.unchanged += 1
            else:
                report.replaced += 1
        if item.graph not in stored:
            pending[item.graph] = item
            pending_bytes += len(item.nquads)
            added[item.graph] = item.iri
        elif graph_triples(store, item.graph) == (triples := item.triples()):
            report.unchanged += 1
        else:
            report.replaced += 1
            changed = True
            store.replace_graph(item.graph, sorted(triples, key=str))
        if pending_bytes >= INSERT_BATCH_BYTES:
            store.insert_nquads(b"".join(p.nquads for p in pending.values()))
            stored |= pending.keys()
            pending, pending_bytes = {}, 0
        if item.search is not None:
            index.put(item.search)
        report.documents += 1
        report.loaded.append(item.iri)
        report.measures += item.measures
        report.targets += item.targets
        agencies |= item.agencies
    if pending:
        store.insert_nquads(b"".join(p.nquads for p in pending.values()))
    report.agencies = len(agencies)
    if link:
        linking = time.perf_counter()
        if linked_before and added and not changed:
            link_added(store, set(added.values()), report)
        else:
            link_store(store, report)
        report.link_seconds = time.perf_counter() - linking
    store.flush()
    report.triples = len(store)
    report.seconds = time.perf_counter() - started
    return report


def link_store(store: Store, report: LoadReport | None = None) -> LoadReport:
    """Recompute the shared graph (references, external documents, regions) and the cascade."""
    report = report or LoadReport()
    gazetteer = _gazetteer()
    links = link_references(store)
    shared = links.triples | link_regions(store, gazetteer)
    rebuild_graph(store, iris.GRAPH_SHARED, sorted(shared, key=str))
    # the cascade reads the implementation links just written; alignment reads the same
    # targets and links, so they are read once
    targets = stored_targets(store)
    within = region_ancestors(store)
    implementations = implementation_links(store)
    implements = _closure(implementations)
    cascade = cascade_of(targets, within, implements, repeal_years(store))
    rebuild_graph(store, iris.GRAPH_CASCADE, sorted(cascade.triples, key=str))
    report.references_resolved = links.resolved
    report.references_unresolved = links.unresolved
    report.unlinked = links.unlinked
    report.cascade_links = cascade.links
    report.weaker_links = cascade.weaker
    report.not_taken_up = cascade.not_taken_up
    align_measures(store, report, (implementations, followers_of(targets, within, implements)))
    coding = time.perf_counter()
    code_instruments(store)  # policy instruments of every measure (graph.instruments)
    report.instrument_seconds = time.perf_counter() - coding
    return report


def link_added(store: Store, added: set[str], report: LoadReport | None = None) -> LoadReport:
    """Link documents just added to a linked store, changing only what they touch.

    Every derived graph is a function of the documents' graphs, so each pass runs on the
    store as it was (the other documents) and as it is now, and only the difference is
    written: the new documents' references and the unresolved references elsewhere that now
    name them (and the external nodes they leave), the regions they use, the cascade links
    their targets make or take over, and the alignment of the document pairs that appear or
    go. The result is the one a full load of the same documents gives (tests/graph/
    test_incremental.py compares the two stores quad for quad).
    """
    report = report or LoadReport()
    report.incremental = True
    documents = loaded_documents(store)
    references = stored_references(store)
    before = resolve_references(
        [d for d in documents if d["doc"] not in added],
        [r for r in references if r.citing not in added],
    )
    after = resolve_references(documents, references)
    implementations_before = implementation_links(store)
    repealed_before = repeal_years(store)
    regions = link_regions(store, _gazetteer(), [iris.document_graph(d) for d in sorted(added)])
    change_graph(
        store,
        iris.GRAPH_SHARED,
        before.triples - after.triples,
        (after.triples - before.triples) | regions,
    )
    report.references_resolved = after.resolved
    report.references_unresolved = after.unresolved
    report.unlinked = after.unlinked

    targets = stored_targets(store)
    targets_before = [x for x in targets if x.doc not in added]
    within = region_ancestors(store)
    implementations = implementation_links(store)
    implements_before = _closure(implementations_before)
    implements = _closure(implementations)
    cascade_before = cascade_of(targets_before, within, implements_before, repealed_before)
    cascade = cascade_of(targets, within, implements, repeal_years(store))
    change_graph(
        store,
        iris.GRAPH_CASCADE,
        cascade_before.triples - cascade.triples,
        cascade.triples - cascade_before.triples,
    )
    report.cascade_links = cascade.links
    report.weaker_links = cascade.weaker
    report.not_taken_up = cascade.not_taken_up

    started = time.perf_counter()
    with_measures = documents_with_measures(store)
    pairs_before = pairs_to_align(
        implementations_before,
        followers_of(targets_before, within, implements_before),
        with_measures - added,
    )
    pairs = pairs_to_align(
        implementations, followers_of(targets, within, implements), with_measures
    )
    gone = sorted(set(pairs_before) - set(pairs))
    fresh = sorted(set(pairs) - set(pairs_before))
    measures = stored_measures(store, docs={d for pair in gone + fresh for d in pair})
    counts = AlignmentResult()
    change_graph(
        store,
        t.GRAPH_ALIGNMENT,
        alignment_statements(align_documents(measures, gone)),
        alignment_statements(align_documents(measures, fresh), counts),
    )
    report.measures_copied = counts.copied
    report.measures_adapted = counts.adapted
    report.align_seconds = time.perf_counter() - started
    coding = time.perf_counter()
    code_instruments(store, [iris.document_graph(d) for d in added])
    report.instrument_seconds = time.perf_counter() - coding
    return report


def _closure(links: set[tuple[str, str]]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for lower, higher in links:
        edges[lower].add(higher)
    return reachable(edges)


def align_measures(
    store: Store,
    report: LoadReport,
    links: tuple[set[tuple[str, str]], set[tuple[str, str]]] | None = None,
) -> None:
    """Hook: rebuild the measure-alignment graph (reads the implementation links and the
    cascade just written, or takes ``links``: the implementation links and the concept
    followers already read; see :mod:`graph.alignment`)."""
    started = time.perf_counter()
    alignment = compute_alignment(store, links)
    store.drop_graph(t.GRAPH_ALIGNMENT)
    if alignment.nquads:
        store.insert_nquads(alignment.nquads)
    report.measures_copied = alignment.copied
    report.measures_adapted = alignment.adapted
    report.align_seconds = time.perf_counter() - started


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
    workers: int = 1,
    follow_symlinks: bool = False,
) -> LoadReport:
    """Extract every file (folders expanded by the loaders) and load the records; a bad file
    is reported in ``rejected`` with its reason and the rest of the batch goes on.

    With ``workers`` > 1, extraction and mapping run in that many processes while this one
    writes what they hand over.
    """
    from loaders.errors import RejectedDocument
    from loaders.extract import iter_extract

    rejected: list[Rejected] = []
    options: dict[str, Any] = {
        "workers": workers,
        "then": prepare,
        "follow_symlinks": follow_symlinks,
    }
    if max_bytes is not None:
        options["max_bytes"] = max_bytes

    def prepared() -> Iterator[Prepared]:
        for path, outcome in iter_extract(paths, **options):
            if isinstance(outcome, RejectedDocument):
                rejected.append(Rejected(str(path), outcome.reason))
            else:
                yield outcome
            if progress is not None:
                progress(str(path))

    report = load_prepared(store, prepared())
    report.rejected = rejected
    return report
