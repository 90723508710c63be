"""Writes behind ``POST /documents`` and ``DELETE /documents/{id}``, all or nothing.

A load touches the document's own graph, graphs of an older version read from the same
file, the shared and cascade graphs (recomputed) and the vocabulary graphs. Before writing,
those graphs are copied; if anything fails the copies are put back and graphs that did not
exist are dropped, so the store is exactly as it was. These functions run under the
service's write lock (:meth:`api.state.ServiceState.write`).

Nothing an admin sends is parsed or evaluated first in the server process: an uploaded file
is read in a query worker (:func:`read_upload`), where a hostile docx or PDF can be stopped
at the time limit or die against the memory limit; a SPARQL Update is first rehearsed in a
worker on a private copy of the store (:func:`apply_update`), and runs on the real store only
once it has finished there in time, on the same data.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from api.errors import ApiError
from api.executor import Executor
from api.jobs import ExtractJob
from graph import iris
from graph.errors import QueryTimeout
from graph.load import graph_triples, graphs_from_source, link_store, load_records
from graph.mapping import map_document
from graph.regions import Gazetteer
from graph.sparql import select, value
from graph.store import Store
from loaders.record import PolicyDocument
from ontology import terms

Saved = dict[str, set[ox.Triple] | None]

#: reading a file may take longer than a query: a long PDF is minutes of pdfminer at worst
READ_TIME_FACTOR = 6
MIN_READ_SECONDS = 60.0


async def read_upload(
    executor: Executor, data: bytes, filename: str, max_bytes: int, query_timeout: float
) -> PolicyDocument:
    """The record of an uploaded file, read in a worker; 422 when the file is rejected or
    takes longer than the reading time limit, 503 when it kills its worker."""
    limit = max(MIN_READ_SECONDS, READ_TIME_FACTOR * query_timeout)
    try:
        record = await executor.run(ExtractJob(data, filename, max_bytes), limit)
    except QueryTimeout:
        raise ApiError(
            422, "document rejected", f"{filename}: reading it took longer than {limit:g} s"
        ) from None
    assert isinstance(record, PolicyDocument)
    return record


def apply_update(store: Store, executor: Executor, update: str, timeout: float) -> None:
    """Run an admin's SPARQL Update: rehearsed first where it can be killed (see the module
    docstring), then on ``store``. Call under the write lock."""
    try:
        executor.rehearse(update, timeout)
    except QueryTimeout:
        raise ApiError(
            503,
            "the update ran past the time limit and was not applied",
            {"time_limit": timeout},
        ) from None
    store.update(update)


def _save(store: Store, graphs: set[str]) -> Saved:
    present = set(store.graphs())
    return {g: (graph_triples(store, g) if g in present else None) for g in graphs}


def _restore(store: Store, saved: Saved, before: set[str]) -> None:
    for graph, triples in saved.items():
        if triples is None:
            store.drop_graph(graph)
        else:
            store.replace_graph(graph, sorted(triples, key=str))
    for graph in set(store.graphs()) - before:
        store.drop_graph(graph)


def _shared_graphs() -> set[str]:
    return {iris.GRAPH_SHARED, iris.GRAPH_CASCADE, terms.GRAPH_ONTOLOGY, terms.GRAPH_SCHEMES}


def upload_source(filename: str, sha256: str) -> str:
    r"""The source an uploaded file is stored under: its content hash, then its name.

    The client's file name is no identity: two uploads both named 通知.txt, or one named like
    a document loaded from disk, must not take each other's place. The hash keeps them apart;
    the name (its last path part, control characters dropped) stays readable.

    >>> upload_source("../a/通知\n.txt", "ab" * 32)
    'upload:abababababababab/通知.txt'
    """
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()) or "upload"
    return f"upload:{sha256[:16]}/{name}"


def _stored_sources(store: Store, graph: str) -> list[str]:
    """The sources of the document(s) stored in ``graph``."""
    rows = select(
        store,
        f"SELECT DISTINCT ?source WHERE {{ GRAPH {ox.NamedNode(graph)} "
        "{ ?d a pkg:PolicyDocument ; dcterms:source ?source } }",
    )
    return sorted(str(value(row["source"])) for row in rows)


def load_one(store: Store, record: PolicyDocument, *, replace: bool = False) -> dict[str, Any]:
    """Load one record; on any failure put the store back as it was and re-raise.

    A record whose identity (文号 document number, else title and region, else content hash)
    is already loaded from another source replaces that document only with ``replace``;
    without it the answer is 409 naming the document. ``replaced`` in the summary is true
    exactly when another version of the document was removed.
    """
    mapped = map_document(record, Gazetteer.load())  # fails before any write on a bad record
    before = set(store.graphs())
    others = [s for s in _stored_sources(store, mapped.graph) if s != record.source.path]
    if mapped.graph in before and others and not replace:
        raise ApiError(
            409,
            "a document with the same identity is already loaded",
            {
                "id": mapped.iri.removeprefix(terms.DOC_BASE),
                "loadedFrom": others,
                "hint": "send replace=true to replace it with this file",
            },
        )
    touched = {mapped.graph} | graphs_from_source(store, record.source.path) | _shared_graphs()
    saved = _save(store, touched)
    try:
        report = load_records(store, [record])
    except BaseException:
        _restore(store, saved, before)
        raise
    return {
        "id": mapped.iri.removeprefix(terms.DOC_BASE),
        "iri": mapped.iri,
        "title": record.title,
        "planTitle": record.plan_title,
        "number": record.doc_number,
        "level": record.level,
        "region": record.region,
        "issued": record.issued,
        "measures": len(record.measures),
        "targets": len(record.targets),
        "references": len(record.references),
        "sections": len(record.sections),
        "unchanged": report.unchanged == 1,
        "replaced": report.replaced == 1 or bool(others),
        "source": record.source.path,
        "triples": report.triples,
    }


def delete_one(store: Store, doc_iri: str) -> dict[str, Any]:
    """Drop a document's graph and recompute the shared graphs; 404 if it is not loaded."""
    graph = iris.document_graph(doc_iri)
    before = set(store.graphs())
    if graph not in before:
        raise ApiError(404, "no such document", {"id": doc_iri.removeprefix(terms.DOC_BASE)})
    saved = _save(store, {graph} | _shared_graphs())
    try:
        store.drop_graph(graph)
        link_store(store)
    except BaseException:
        _restore(store, saved, before)
        raise
    return {"id": doc_iri.removeprefix(terms.DOC_BASE), "iri": doc_iri, "deleted": True}
