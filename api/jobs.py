"""The work a query worker does: evaluate one SPARQL text or named query and serialize it;
read an uploaded file; rehearse an admin's SPARQL Update on a private copy of the store.

These functions run inside a worker process (see :mod:`api.executor`) against a store the
worker opened itself, so the process can be killed when the time limit passes. Everything
that crosses the process boundary is a small picklable dataclass: the job in, the bytes,
rows or record out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from api import results
from graph.store import QueryResult, Store
from graph.stores import ReadOnlyOxigraphStore, open_store
from loaders.record import PolicyDocument


@dataclass(frozen=True)
class SparqlJob:
    """A SPARQL query from the protocol endpoint, with the formats chosen for each answer kind."""

    query: str
    results_format: str = "json"
    graph_format: str = "turtle"
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    max_rows: int = 10_000


@dataclass(frozen=True)
class NamedJob:
    """A named query (``graph/queries/NAME.rq``) with its parameters."""

    name: str
    params: dict[str, str] = field(default_factory=dict)
    max_rows: int = 10_000
    #: a page of the answer (``None``: every row up to ``max_rows``)
    limit: int | None = None
    offset: int = 0
    #: a column whose values the answer counts over every row (``RowsAnswer.counts``)
    count_by: str | None = None


@dataclass(frozen=True)
class SparqlAnswer:
    """A serialized SPARQL answer; ``kind`` is ``results`` (SELECT/ASK) or ``graph``."""

    body: bytes
    kind: str
    format: str
    rows: int
    truncated: bool


@dataclass(frozen=True)
class RowsAnswer:
    """The rows of a named query (strings or None), cut at the row cap."""

    rows: list[dict[str, str | None]]
    truncated: bool
    #: how many rows the whole answer has, beyond the page and the cap
    total: int | None = None
    #: rows per value of the job's ``count_by`` column, over every row
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractJob:
    """An uploaded file to read into a record (:func:`loaders.extract.extract_bytes`): the
    parsers of docx, PDF and HTML meet hostile input here, so they run where they can be
    stopped."""

    data: bytes
    filename: str
    max_bytes: int


@dataclass(frozen=True)
class UpdateJob:
    """An admin's SPARQL Update, rehearsed on a private copy of the store: ``copy`` names a
    checkpoint of an on-disk store made for this job alone; without it the worker's store is
    already private (a forked child's copy-on-write memory). What the rehearsal writes is
    thrown away; that it finished in time and alive is what counts."""

    update: str
    copy: str | None = None


@dataclass(frozen=True)
class Rehearsed:
    """The answer to an :class:`UpdateJob`: the update ran to its end."""


Job = SparqlJob | NamedJob | ExtractJob | UpdateJob
Answer = SparqlAnswer | RowsAnswer | PolicyDocument | Rehearsed


def run_job(store: Store | None, job: Job) -> Answer:
    """Do ``job`` (on ``store`` for a query); raises the graph layer's errors on bad input
    and the loaders' on a rejected file."""
    if isinstance(job, ExtractJob):
        from loaders.extract import extract_bytes

        return extract_bytes(job.data, job.filename, max_bytes=job.max_bytes)
    if isinstance(job, UpdateJob):
        return _rehearse(store, job)
    assert store is not None, "a query needs a store"
    if isinstance(job, NamedJob):
        return _run_named(store, job)
    return _run_sparql(store, job)


def _rehearse(store: Store | None, job: UpdateJob) -> Rehearsed:
    if job.copy is None:
        assert store is not None, "a rehearsal needs its own copy or a private store"
        store.update(job.update)
        return Rehearsed()
    copy = open_store(f"oxigraph:{job.copy}")
    try:
        copy.update(job.update)
    finally:
        copy.close()
    return Rehearsed()


def _run_named(store: Store, job: NamedJob) -> RowsAnswer:
    from graph import queries

    limit = job.max_rows if job.limit is None else min(job.limit, job.max_rows)
    page = queries.run_page(
        store, job.name, limit=limit, offset=job.offset, count_by=job.count_by, **job.params
    )
    # a page the caller asked for is not truncated; an answer cut at the row cap is
    truncated = job.limit is None and page.total > job.offset + job.max_rows
    return RowsAnswer(rows=page.rows, truncated=truncated, total=page.total, counts=page.counts)


def _run_sparql(store: Store, job: SparqlJob) -> SparqlAnswer:
    answer: QueryResult = store.query(
        job.query,
        default_graph=list(job.default_graphs) if job.default_graphs else None,
        named_graphs=list(job.named_graphs) if job.named_graphs else None,
    )
    if isinstance(answer, ox.QueryBoolean):
        body = results.write_boolean(bool(answer), job.results_format)
        return SparqlAnswer(body, "results", job.results_format, 1, False)
    if isinstance(answer, ox.QuerySolutions):
        names, rows, cut = results.solution_rows(answer, job.max_rows)
        body = results.write_select(names, rows, cut, job.results_format)
        return SparqlAnswer(body, "results", job.results_format, len(rows), cut)
    triples, cut = results.take(answer, job.max_rows)
    body = results.write_graph(triples, cut, job.graph_format)
    return SparqlAnswer(body, "graph", job.graph_format, len(triples), cut)


#: query workers open the store read-only: no lock is taken (the server keeps the read-write
#: handle) and an open costs about 10 ms, so a worker can re-open after every write
ReadOnlyOxigraph = ReadOnlyOxigraphStore
