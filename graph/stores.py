"""The three store backends behind :class:`graph.store.Store`, chosen by a spec string.

>>> store = open_store("memory:")
>>> store.replace_graph("https://w3id.org/policykg/graph/t", [ox.Triple(
...     ox.NamedNode("https://w3id.org/policykg/a"), ox.NamedNode("http://purl.org/dc/terms/title"),
...     ox.Literal("纲要", language="zh"))])
>>> len(store), store.graphs()
(1, ['https://w3id.org/policykg/graph/t'])
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from graph.errors import QuerySyntaxError, StoreError, StoreSpecError, StoreUnavailable
from graph.store import QueryResult, Store

#: graphs this project writes live under this IRI; on a shared SPARQL server the store only
#: lists and counts these (Virtuoso keeps its own system graphs beside ours).
GRAPH_NAMESPACE = "https://w3id.org/policykg/graph/"

#: blank nodes sent to a remote server become IRIs under this base (RDF 1.1 skolemisation):
#: Virtuoso refuses blank nodes in INSERT DATA, and chunked inserts would split them anyway.
GENID = "https://w3id.org/policykg/.well-known/genid/"

#: triples per INSERT DATA request to a remote server: Virtuoso compiles an update to SQL and
#: refuses one over 10,000 lines (about 2,000 triples).
INSERT_CHUNK = 500


def open_store(spec: str, *, read_only: bool = False) -> Store:
    """Open the store a spec names: ``oxigraph:PATH``, ``memory:`` or
    ``sparql:QUERY_URL[;update=UPDATE_URL]``.

    ``read_only`` opens an on-disk Oxigraph store without taking its lock, so a command that
    only reads works while ``policykg serve`` (or a load) holds the store; it sees the store as
    it was when opened. Other kinds ignore it.

    >>> open_store("memory:").spec
    'memory:'
    >>> open_store("mongo:x")
    Traceback (most recent call last):
    graph.errors.StoreSpecError: unknown store kind 'mongo' in 'mongo:x' (use oxigraph:PATH, memory: or sparql:URL)
    """
    kind, sep, rest = spec.partition(":")
    if not sep:
        raise StoreSpecError(
            f"store spec {spec!r} has no kind (use oxigraph:PATH, memory: or sparql:URL)"
        )
    if kind == "memory":
        return MemoryStore()
    if kind == "oxigraph":
        if not rest:
            raise StoreSpecError("oxigraph: needs a directory, e.g. oxigraph:data/store")
        return ReadOnlyOxigraphStore(rest) if read_only else OxigraphStore(rest)
    if kind == "sparql":
        query_url, _, options = rest.partition(";")
        update_url = None
        if options:
            key, _, value = options.partition("=")
            if key != "update" or not value:
                raise StoreSpecError(f"unknown sparql store option {options!r} (use ;update=URL)")
            update_url = value
        if not query_url.startswith(("http://", "https://")):
            raise StoreSpecError(f"sparql: needs an http(s) URL, got {query_url!r}")
        return SparqlStore(query_url, update_url=update_url)
    raise StoreSpecError(
        f"unknown store kind {kind!r} in {spec!r} (use oxigraph:PATH, memory: or sparql:URL)"
    )


def _graph_terms(iris: list[str] | None) -> list[Any] | None:
    return None if iris is None else [ox.NamedNode(iri) for iri in iris]


def _insert_data(graph: str, triples: Iterable[ox.Triple]) -> str:
    body = " .\n".join(str(t) for t in triples)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body} .\n}} }}" if body else ""


class PyoxigraphStore:
    """What the on-disk and in-memory backends share: a pyoxigraph ``Store``."""

    spec: str
    _store: ox.Store
    #: new graphs go in with pyoxigraph's bulk writer (SST files written directly, about 2.5
    #: times faster than a transaction on disk) rather than in one transaction. A bulk write
    #: that fails half way can leave part of a graph behind; the next load finds that it
    #: differs and replaces it.
    bulk: bool = False

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        use_default_graph_as_union: bool = True,
    ) -> QueryResult:
        """Evaluate a SPARQL query on Oxigraph itself (never through rdflib's engine).

        The dataset follows SPARQL 1.1 Query §13.2 and Protocol §2.1.4: graphs named by the
        caller (the protocol's ``default-graph-uri`` / ``named-graph-uri``) win over the
        query's ``FROM`` / ``FROM NAMED``; what one of them leaves out is empty (only named
        graphs given: an empty default graph; only a default graph: no named graphs). Only a
        query with no dataset at all reads the union of the named graphs as its default graph.
        """
        if default_graph is None and named_graphs is not None:
            default_graph = []
        elif default_graph is not None and named_graphs is None:
            named_graphs = []
        union = (
            use_default_graph_as_union and default_graph is None and not has_dataset_clause(sparql)
        )
        try:
            return self._store.query(
                sparql,
                use_default_graph_as_union=union,
                default_graph=_graph_terms(default_graph),
                named_graphs=_graph_terms(named_graphs),
            )
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(f"store read failed: {exc}") from exc

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update; each update is one transaction in Oxigraph."""
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(f"store write failed: {exc}") from exc

    def replace_graph(self, graph: str, quads: Iterable[ox.Triple]) -> None:
        """Replace a named graph in one update, so readers see the old or the new graph."""
        iri = ox.NamedNode(graph).value
        insert = _insert_data(iri, quads)
        self.update(
            f"DROP SILENT GRAPH <{iri}> ;\n{insert}" if insert else f"DROP SILENT GRAPH <{iri}>"
        )

    def insert_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """Add new named graphs through pyoxigraph's own API (no SPARQL text to write and
        parse: several times faster than INSERT DATA); see :attr:`bulk`."""
        quads = (
            ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode(graph))
            for graph, triples in graphs.items()
            for triple in triples
        )
        try:
            if self.bulk:
                self._store.bulk_extend(quads)
            else:
                self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"store write failed: {exc}") from exc

    def insert_nquads(self, data: bytes) -> None:
        """Parse and add N-Quads without building Python objects; see :attr:`bulk`."""
        try:
            if self.bulk:
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            else:
                self._store.load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"store write failed: {exc}") from exc

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph and everything in it."""
        self.update(f"DROP SILENT GRAPH <{ox.NamedNode(graph).value}>")

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the store (used by exports and tests)."""
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        """Nothing to do: every pyoxigraph update is durable once it returns."""

    def close(self) -> None:
        """Drop the reference to the pyoxigraph store, which releases its files."""


class MemoryStore(PyoxigraphStore):
    """pyoxigraph in memory: for tests and one-off use (``memory:``)."""

    def __init__(self) -> None:
        self.spec = "memory:"
        self._store = ox.Store()


class OxigraphStore(PyoxigraphStore):
    """pyoxigraph on disk (``oxigraph:PATH``), the default store."""

    bulk = True

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.spec = f"oxigraph:{path}"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store at {self.path}: {exc}") from exc

    def flush(self) -> None:
        """Write buffered data to disk."""
        self._store.flush()

    def close(self) -> None:
        """Flush and release the on-disk store so another process can open it."""
        store = getattr(self, "_store", None)
        if store is not None:
            store.flush()
            del self._store


#: how often a read-only open is tried while a writer changes the store's files
READ_ONLY_ATTEMPTS = 8


class ReadOnlyOxigraphStore(PyoxigraphStore):
    """An on-disk Oxigraph store opened read-only: no lock taken, about 10 ms to open, a
    snapshot of the store as it was then. The write methods raise :class:`StoreError`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.spec = f"oxigraph:{path}"
        if not self.path.is_dir():
            raise StoreError(f"no Oxigraph store at {self.path} (load documents first)")
        # A writer holding the store may roll its manifest while we read it (RocksDB then
        # reports a missing MANIFEST file as corruption); a fresh attempt reads the new one.
        for attempt in range(READ_ONLY_ATTEMPTS):
            try:
                self._store = ox.Store.read_only(str(self.path))
                return
            except (OSError, RuntimeError) as exc:
                if attempt == READ_ONLY_ATTEMPTS - 1:
                    raise StoreError(
                        f"cannot open the Oxigraph store at {path} read-only: {exc}"
                    ) from exc
                time.sleep(0.05 * (attempt + 1))

    def update(self, sparql: str) -> None:
        """Refused: the store was opened to read."""
        raise StoreError("the store is open read-only")

    def replace_graph(self, graph: str, quads: Any) -> None:
        """Refused: the store was opened to read."""
        raise StoreError("the store is open read-only")

    def drop_graph(self, graph: str) -> None:
        """Refused: the store was opened to read."""
        raise StoreError("the store is open read-only")

    def insert_graphs(self, graphs: Any) -> None:
        """Refused: the store was opened to read."""
        raise StoreError("the store is open read-only")

    def flush(self) -> None:
        """Nothing to write."""

    def close(self) -> None:
        """Release the read-only handle."""
        if getattr(self, "_store", None) is not None:
            del self._store


_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_PROLOGUE_NOISE = re.compile(r"#[^\n]*|<[^>\s]*>|\"[^\"]*\"|'[^']*'")


def query_form(sparql: str) -> str:
    """The form of a query (SELECT, ASK, CONSTRUCT or DESCRIBE), ignoring comments and IRIs.

    >>> query_form("PREFIX s: <http://x/select#> # ask me\\nconstruct { ?s ?p ?o } WHERE {}")
    'CONSTRUCT'
    """
    match = _FORM.search(_PROLOGUE_NOISE.sub(" ", sparql))
    if match is None:
        raise QuerySyntaxError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return match.group(1).upper()


_DATASET_NOISE = re.compile(
    r"#[^\n]*|<[^<>\"{}|^`\\\x00-\x20]*>|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|[?$]\w+|[\w.-]*:[\w.%:-]*"
)
_FROM = re.compile(r"\bFROM\b", re.IGNORECASE)


def has_dataset_clause(sparql: str) -> bool:
    """True when the query names its own dataset (``FROM`` or ``FROM NAMED``), looked for
    outside comments, IRIs, strings, variables and prefixed names (the only place SPARQL 1.1
    has the keyword ``FROM`` is a dataset clause).

    >>> has_dataset_clause("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }")
    True
    >>> has_dataset_clause('SELECT ?from WHERE { ?s ex:from "from" } # from')
    False
    """
    return _FROM.search(_DATASET_NOISE.sub(" ", sparql)) is not None


class SparqlStore:
    """Any SPARQL 1.1 server over HTTP (``sparql:QUERY_URL[;update=UPDATE_URL]``).

    Answers are parsed into pyoxigraph's result types, so callers cannot tell it from Oxigraph.
    ``graphs()`` and ``len()`` only see graphs under :data:`GRAPH_NAMESPACE`, because a shared
    server holds graphs of its own. ``replace_graph`` sends DROP + INSERT in chunks: a reader may
    see a partly written graph during a load (SPARQL over HTTP has no transactions).
    """

    def __init__(self, query_url: str, *, update_url: str | None = None, timeout: float = 60.0):
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.spec = f"sparql:{query_url}" + (f";update={update_url}" if update_url else "")
        self._client = httpx.Client(timeout=timeout)

    def _post(self, url: str, data: dict[str, Any], accept: str) -> httpx.Response:
        try:
            response = self._client.post(url, data=data, headers={"Accept": accept})
        except httpx.TimeoutException as exc:
            raise StoreUnavailable(f"{url} timed out") from exc
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"{url} did not answer: {exc}") from exc
        if response.status_code >= 500 and not _looks_like_syntax_error(response.text):
            if response.status_code in (502, 503, 504):
                raise StoreUnavailable(f"{url} answered {response.status_code}")
            raise StoreError(
                f"{url} answered {response.status_code}: {response.text.strip()[:500]}"
            )
        if response.status_code >= 400:
            raise QuerySyntaxError(response.text.strip()[:2000] or f"HTTP {response.status_code}")
        return response

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        use_default_graph_as_union: bool = True,
    ) -> QueryResult:
        """Send a query with the SPARQL 1.1 Protocol and parse the answer into pyoxigraph types.

        A server's default graph is taken as it is; Virtuoso's is the union of all graphs.
        """
        form = query_form(sparql)
        data: dict[str, Any] = {"query": sparql}
        if default_graph:
            data["default-graph-uri"] = default_graph
        if named_graphs:
            data["named-graph-uri"] = named_graphs
        if form in ("SELECT", "ASK"):
            # Virtuoso sometimes answers XML with RDF/XML inside: ask for JSON explicitly.
            response = self._post(self.query_url, data, "application/sparql-results+json")
            if form == "SELECT" and is_truncated(response):
                return self._select_in_pages(sparql, data, response)
            return _parse_results(response.content, self.query_url)
        response = self._post(
            self.query_url, data, "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
        )
        if is_truncated(response):
            raise StoreError(
                f"{self.query_url} cut the graph at its row limit; ask for fewer triples"
            )
        return _as_query_triples(response)

    def _select_in_pages(
        self, sparql: str, data: dict[str, Any], first: httpx.Response
    ) -> ox.QuerySolutions:
        """All solutions of a SELECT the server cut at its row limit, fetched page by page
        with ``LIMIT``/``OFFSET`` (each page as long as the server's limit).

        Pages of a query without ``ORDER BY`` line up because the server evaluates the same
        text on the same data the same way; a write between pages could shift them, as with
        any paging over SPARQL. A query with its own ``LIMIT``/``OFFSET`` (or a trailing
        ``VALUES``) cannot be paged and raises :class:`StoreError`.
        """
        if _PAGED.search(_DATASET_NOISE.sub(" ", sparql)):
            raise StoreError(
                f"{self.query_url} cut the answer at its row limit; the query has its own "
                "LIMIT/OFFSET/VALUES, so it cannot be fetched in pages"
            )
        page = json.loads(first.content)
        size = len(page["results"]["bindings"])
        bindings = list(page["results"]["bindings"])
        head = {"vars": page["head"].get("vars", [])}
        offset = size
        while size:
            paged = {**data, "query": f"{sparql}\nLIMIT {size} OFFSET {offset}"}
            response = self._post(self.query_url, paged, "application/sparql-results+json")
            found = json.loads(response.content)["results"]["bindings"]
            bindings.extend(found)
            offset += len(found)
            if len(found) < size:  # a short page is the last one
                break
        body = json.dumps({"head": head, "results": {"bindings": bindings}}).encode()
        result = _parse_results(body, self.query_url)
        assert isinstance(result, ox.QuerySolutions)
        return result

    def update(self, sparql: str) -> None:
        """Send a SPARQL 1.1 Update."""
        self._post(self.update_url, {"update": sparql}, "*/*")

    def replace_graph(self, graph: str, quads: Iterable[ox.Triple]) -> None:
        """DROP SILENT GRAPH, then INSERT DATA in chunks of :data:`INSERT_CHUNK` triples."""
        iri = ox.NamedNode(graph).value
        chunk: list[ox.Triple] = []
        first = True
        for triple in quads:
            chunk.append(skolemise(triple))
            if len(chunk) >= INSERT_CHUNK:
                self._insert_chunk(iri, chunk, drop_first=first)
                chunk, first = [], False
        if chunk or first:
            self._insert_chunk(iri, chunk, drop_first=first)

    def insert_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """INSERT DATA in requests of :data:`INSERT_CHUNK` triples, each request holding the
        triples of as many graphs as fit (one request per small document, not one per graph)."""
        blocks: list[str] = []
        size = 0
        for graph, triples in graphs.items():
            iri = ox.NamedNode(graph).value
            for start in range(0, len(triples), INSERT_CHUNK):
                part = triples[start : start + INSERT_CHUNK]
                if size + len(part) > INSERT_CHUNK and blocks:
                    self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
                    blocks, size = [], 0
                body = " .\n".join(str(skolemise(t)) for t in part)
                blocks.append(f"GRAPH <{iri}> {{\n{body} .\n}}")
                size += len(part)
        if blocks:
            self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")

    def insert_nquads(self, data: bytes) -> None:
        """Parse the N-Quads here and send them as :meth:`insert_graphs` does."""
        graphs: dict[str, list[ox.Triple]] = {}
        for quad in ox.parse(data, ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if not isinstance(name, ox.NamedNode):
                raise StoreError("N-Quads for a bulk insert must name their graph")
            graphs.setdefault(name.value, []).append(
                ox.Triple(quad.subject, quad.predicate, quad.object)
            )
        self.insert_graphs(graphs)

    def _insert_chunk(self, graph: str, triples: list[ox.Triple], *, drop_first: bool) -> None:
        parts = [f"DROP SILENT GRAPH <{graph}>"] if drop_first else []
        insert = _insert_data(graph, triples)
        if insert:
            parts.append(insert)
        self.update(" ;\n".join(parts))

    def drop_graph(self, graph: str) -> None:
        """Remove a named graph and everything in it."""
        self.update(f"DROP SILENT GRAPH <{ox.NamedNode(graph).value}>")

    def graphs(self) -> list[str]:
        """IRIs of this project's named graphs on the server, sorted."""
        result = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{GRAPH_NAMESPACE}")) }}'
        )
        assert isinstance(result, ox.QuerySolutions)
        return sorted(row["g"].value for row in result)

    def __len__(self) -> int:
        result = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{GRAPH_NAMESPACE}")) }}'
        )
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server commits each update."""

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()


#: how a policykg server says it cut an answer at its row limit (``api.results``)
TRUNCATED_HEADER = "x-policykg-truncated"
TRUNCATED_LINK = "urn:policykg:truncated"
_PAGED = re.compile(r"\b(?:LIMIT|OFFSET|VALUES)\b", re.IGNORECASE)


def is_truncated(response: httpx.Response) -> bool:
    """True when the server says it cut the answer: the policykg header, or the link in a
    JSON results head (what any server may use for it)."""
    if response.headers.get(TRUNCATED_HEADER, "").lower() == "true":
        return True
    media = response.headers.get("content-type", "")
    if "json" not in media or TRUNCATED_LINK.encode() not in response.content[:4096]:
        return False
    try:
        return TRUNCATED_LINK in json.loads(response.content).get("head", {}).get("link", [])
    except (ValueError, AttributeError):
        return False


def _parse_results(body: bytes, url: str) -> ox.QuerySolutions | ox.QueryBoolean:
    try:
        return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"unreadable results from {url}: {exc}") from exc


def skolemise(triple: ox.Triple) -> ox.Triple:
    """The triple with each blank node replaced by a stable ``…/.well-known/genid/`` IRI."""

    def term(node: Any) -> Any:
        return ox.NamedNode(GENID + node.value) if isinstance(node, ox.BlankNode) else node

    if not isinstance(triple.subject, ox.BlankNode) and not isinstance(triple.object, ox.BlankNode):
        return triple
    return ox.Triple(term(triple.subject), triple.predicate, term(triple.object))


def _looks_like_syntax_error(body: str) -> bool:
    # Virtuoso answers 500 to a query it cannot compile; its message starts with an SQL state
    # such as "37000 Error SP030: SPARQL compiler".
    return "SP030" in body or "syntax error" in body.lower()


def _as_query_triples(response: httpx.Response) -> ox.QueryTriples:
    """Parse a remote CONSTRUCT/DESCRIBE answer into a real ``pyoxigraph.QueryTriples``."""
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    rdf_format = {
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "text/plain": ox.RdfFormat.N_TRIPLES,
        "text/ntriples": ox.RdfFormat.N_TRIPLES,
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/x-turtle": ox.RdfFormat.TURTLE,
        "application/rdf+xml": ox.RdfFormat.RDF_XML,
        "application/ld+json": ox.RdfFormat.JSON_LD,
    }.get(media, ox.RdfFormat.TURTLE)
    scratch = ox.Store()
    try:
        scratch.extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for q in ox.parse(response.content, rdf_format)
        )
    except SyntaxError as exc:
        raise StoreError(f"unreadable graph ({media}) from the server: {exc}") from exc
    # QueryTriples cannot be built directly: re-ask the scratch store for the same triples.
    result = scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result
