"""The store contract every backend meets (on-disk Oxigraph, in-memory Oxigraph, remote SPARQL).

Every read the API or the views make is a SPARQL query sent through :meth:`Store.query`,
so the same code runs on every backend. Results use pyoxigraph's types as the one common
currency: a SELECT gives ``pyoxigraph.QuerySolutions``, an ASK a ``pyoxigraph.QueryBoolean``,
a CONSTRUCT/DESCRIBE ``pyoxigraph.QueryTriples`` (the remote backend parses the server's
answer into the same types).

Backends are chosen by a spec string (``POLICYKG_STORE``):

- ``oxigraph:PATH`` — pyoxigraph on disk (the default, ``oxigraph:data/store``)
- ``memory:`` — pyoxigraph in memory
- ``sparql:QUERY_URL[;update=UPDATE_URL]`` — any SPARQL 1.1 server over HTTP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@runtime_checkable
class Store(Protocol):
    """What graph/, api/ and visualizations/ may ask of a store."""

    spec: str

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        use_default_graph_as_union: bool = True,
    ) -> QueryResult:
        """Evaluate a SPARQL 1.1 query; the default graph is the union of all graphs unless
        ``default_graph`` names graphs. Raises ``graph.errors.QuerySyntaxError`` on a bad query."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        ...

    def replace_graph(self, graph: str, quads: Iterable[ox.Triple]) -> None:
        """Atomically replace the named graph ``graph`` with ``quads`` (triples)."""
        ...

    def insert_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """Add named graphs that are not in the store yet, in as few writes as possible
        (a bulk load's fast path; :meth:`replace_graph` is the one for graphs that exist)."""
        ...

    def insert_nquads(self, data: bytes) -> None:
        """Add N-Quads into named graphs that are not in the store yet (see
        :meth:`insert_graphs`): the writer's path for documents mapped in other processes."""
        ...

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph and everything in it."""
        ...

    def graphs(self) -> list[str]:
        """IRIs of the named graphs in the store."""
        ...

    def __len__(self) -> int:
        """Number of quads in the store."""
        ...

    def flush(self) -> None:
        """Make every write durable (no-op where writes are already durable)."""
        ...

    def close(self) -> None:
        """Release files and connections."""
        ...


def rebuild_graph(store: Store, graph: str, triples: Sequence[ox.Triple]) -> None:
    """Replace a graph the load derives from the documents (shared links, cascade, inferences)
    in two fast steps, drop then bulk insert, instead of one atomic update: at 10,000
    documents such a graph holds hundreds of thousands of triples and the atomic update was a
    third of the load. A reader of the live store may see it missing in between; the API reads
    snapshots taken after each write, and every load recomputes these graphs whole."""
    store.drop_graph(graph)
    store.insert_graphs({graph: triples})


#: statements per SPARQL Update when a derived graph is changed in place
UPDATE_CHUNK = 20_000


def change_graph(
    store: Store, graph: str, removed: Iterable[str | ox.Triple], added: Iterable[str | ox.Triple]
) -> None:
    """Remove and add statements of a derived graph in place (N-Triples statements without
    the final dot, or triples): an incremental load changes the few links new documents
    touch instead of rewriting a graph of hundreds of thousands of triples."""
    for verb, statements in (("DELETE", removed), ("INSERT", added)):
        batch = [str(s) for s in statements]
        for start in range(0, len(batch), UPDATE_CHUNK):
            body = " .\n".join(batch[start : start + UPDATE_CHUNK])
            store.update(f"{verb} DATA {{ GRAPH <{graph}> {{\n{body} .\n}} }}")
