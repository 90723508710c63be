"""The full-text index: SQLite FTS5 beside the store, kept in step with it on every write.

Why this shape (figures in ``docs/search.md``, measured by ``bench/search_recall.py``):

- Chinese has no spaces. FTS5's ``trigram`` tokenizer finds any substring of 3 characters or
  more exactly (recall 100 % on 监督抽查合格率, 首席质量官, 质监局, 质量强市) and is the fastest
  and smallest index, but finds nothing for the two-character words researchers type most
  (名牌, 江苏). A ``LIKE`` scan for those is exact but took 82–84 ms at 10,000 documents;
  jieba's words found the same entries but build 16 times slower and depend on segmentation
  (one 首席质量官 missed). So short terms go to a second FTS5 table of character pairs
  (exact, 15 ms), and terms of one character fall back to ``LIKE``.
- The index holds, per document, its facets (level, region chain, year, type, issuers, in
  force) and its entries (titles, measures, target sentences, agency names; see
  :mod:`graph.search_entries`). Matching is SQL; filtering, facet counts and ranking by BM25
  run over the matches in Python with the documents' facets cached in memory.

Consistency with the store (a document is searchable exactly when its graph is stored):
every write to the store runs inside :meth:`SearchIndex.writing`, which first commits a
``dirty`` mark, then holds one SQLite transaction open while the store is written and commits
the index's changes (and clears the mark) only once the store write returned. Readers see the
old index until then (WAL). A crash in between leaves the mark set; the next
:func:`index_for` of that store reconciles the index with the store's documents (by graph and
content hash) before anyone searches. ``policykg index`` rebuilds it whole from any store.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from typing import Any

from graph import iris
from graph.errors import GraphError
from graph.search_entries import KINDS, DocumentEntries, document_entries
from graph.store import Store
from ontology import terms as t

#: bump when the tables or what goes in them change: an older index is rebuilt on open
SCHEMA_VERSION = 1
MAX_QUESTION = 200
MAX_TERMS = 8
SNIPPET_CONTEXT = 40

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY, doc TEXT UNIQUE, graph TEXT UNIQUE, sha256 TEXT, facets TEXT);
CREATE TABLE IF NOT EXISTS entries(
  id INTEGER PRIMARY KEY, doc_id INTEGER, kind TEXT, item TEXT, label TEXT, text TEXT,
  start INTEGER, span_start INTEGER, span_end INTEGER);
CREATE INDEX IF NOT EXISTS entries_doc ON entries(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS entries_trigram
  USING fts5(text, content='entries', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS entries_pairs USING fts5(pairs, content='', tokenize='unicode61');
"""


class SearchError(GraphError):
    """The full-text index could not be read or written."""


class BadQuestion(SearchError, ValueError):
    """A search question that cannot be searched (empty, too long, control characters)."""


def pairs(text: str) -> str:
    """The text as overlapping character pairs of each run of word characters (what the
    ``entries_pairs`` table indexes); runs are kept apart so a pair never spans punctuation.

    >>> pairs("实施名牌，江苏")
    '实施 施名 名牌 _gap_ 江苏'
    """
    runs = []
    for run in re.findall(r"\w+", text.lower()):
        runs.append(" ".join(run[i : i + 2] for i in range(len(run) - 1)) if len(run) > 1 else run)
    return " _gap_ ".join(runs)


def terms(question: str) -> list[str]:
    """The terms of a question: whitespace-separated (or in double quotes), each searched as
    an exact substring; every term must occur.

    >>> terms('  名牌   "质量 强市" "江苏')
    ['名牌', '质量 强市', '江苏']
    >>> terms("a\\x00b")
    Traceback (most recent call last):
    graph.fulltext.BadQuestion: the question contains control characters
    """
    if len(question) > MAX_QUESTION:
        raise BadQuestion(f"the question is longer than {MAX_QUESTION} characters")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in question):
        raise BadQuestion("the question contains control characters")
    # "…" keeps spaces inside one term; a quote left open is just dropped
    parts = re.findall(r'"([^"]*)"|(\S+)', question)
    found = list(dict.fromkeys(w for q, b in parts for w in [q.strip() or b.strip('"')] if w))
    if not found:
        raise BadQuestion("the question is empty")
    if len(found) > MAX_TERMS:
        raise BadQuestion(f"the question has more than {MAX_TERMS} terms")
    return found


# Words too common in these documents to tell hits apart when a phrase is split.
STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 是 对 为 要 将 把 被 各 有关 工作 进一步 加强 推进 开展 实施 质量".split()
)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def words_of(phrases: list[str]) -> list[str]:
    """jieba's words of the phrases of four characters or more, common words left out
    (shorter phrases are kept whole): the fallback when no entry holds a phrase as written.

    >>> words_of(["质量奖励制度", "名牌"])
    ['奖励', '制度', '名牌']
    """
    found: list[str] = []
    for phrase in phrases:
        if len(phrase) < 4:
            found.append(phrase)
            continue
        words = [w.strip() for w in _jieba().cut(phrase)]
        found += [w for w in words if len(w) > 1 and w not in STOPWORDS]
    return list(dict.fromkeys(found))


def _quoted(text: str) -> str:
    """An FTS5 string: inside double quotes every character is literal (quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class SearchQuery:
    """A question with its filters and page (every filter optional)."""

    q: str
    kinds: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    #: a region IRI, or the last segment of one (GB/T 2260 code); sub-regions are included
    region: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    doc_type: str | None = None
    issuer: str | None = None
    in_force: bool | None = None
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    """One ranked match: what it is, where it is, and the words that matched in context."""

    kind: str
    item: str
    label: str | None
    doc: str
    title: str | None
    level: str
    region: str | None
    region_label: str | None
    year: int | None
    score: float
    snippet: str
    #: [start, end) of each matched term within ``snippet``
    highlights: list[tuple[int, int]]
    #: [start, end) of each match in the document's cleaned text (empty when not a slice)
    offsets: list[tuple[int, int]]
    #: the span the reader page highlights as this hit's evidence
    evidence: tuple[int, int] | None


@dataclass
class FacetValue:
    """One value of a facet with how many hits have it."""

    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    """A page of hits, the total, and the facets (each counted with the other filters on)."""

    terms: list[str]
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    seconds: float = 0.0
    #: True when no entry held the terms as written and their words were searched instead
    relaxed: bool = False


@dataclass(frozen=True)
class _Doc:
    doc: str
    title: str | None
    level: str
    regions: tuple[tuple[str, str | None], ...]
    year: int | None
    doc_type: str | None
    issuers: tuple[str, ...]
    in_force: bool | None


class SearchIndex:
    """The index in one SQLite file (``None``: in memory, for an in-memory store)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            ":memory:" if self.path is None else str(self.path),
            isolation_level=None,
            check_same_thread=False,
            timeout=120,
        )
        self._lock = threading.RLock()
        self._depth = 0
        self._docs: dict[int, _Doc] = {}
        self._docs_generation = -1
        with self._lock:
            if self.path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            version = self._schema_version()
            if version not in (None, SCHEMA_VERSION):
                self._drop_tables()
            self._db.executescript(SCHEMA)
            if version != SCHEMA_VERSION:
                self._set_meta("schema", str(SCHEMA_VERSION))
                self._set_meta("dirty", "1")  # a new or outdated index: fill from the store

    # ---- state ---------------------------------------------------------------------------

    def _schema_version(self) -> int | None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0]) if row else None

    def _drop_tables(self) -> None:
        for table in ("entries_pairs", "entries_trigram", "entries", "documents", "meta"):
            self._db.execute(f"DROP TABLE IF EXISTS {table}")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def dirty(self) -> bool:
        """True when a write may have reached the store but not the index (see module doc)."""
        with self._lock:
            return self._meta("dirty") == "1"

    def generation(self) -> int:
        """A number that grows with every committed change (pages and caches compare it)."""
        with self._lock:
            return int(self._meta("generation") or 0)

    def documents(self) -> dict[str, str | None]:
        """Graph → content hash of every indexed document."""
        with self._lock:
            return dict(self._db.execute("SELECT graph, sha256 FROM documents").fetchall())

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM entries").fetchone()[0])

    # ---- writing -------------------------------------------------------------------------

    @contextmanager
    def writing(self, store: Store | None = None) -> Iterator[SearchIndex]:
        """Hold the index's changes in one transaction around a write to the store.

        The ``dirty`` mark is committed first, so a crash before the final commit is noticed
        on the next open. On an exception the index's changes are rolled back; with ``store``
        given, the index is then reconciled with what the store holds (the caller may have put
        the store back, or not).
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._set_meta("dirty", "1")
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._db.execute("ROLLBACK")
                self._depth = 0
                if store is not None:
                    try:
                        self.reconcile(store)
                    except Exception:  # the mark stays set: the next open reconciles
                        pass
                raise
            else:
                self._set_meta("dirty", "0")
                self._set_meta("generation", str(int(self._meta("generation") or 0) + 1))
                self._db.execute("COMMIT")
                self._depth = 0

    def put(self, document: DocumentEntries) -> None:
        """Index a document, replacing what was indexed for its graph."""
        with self.writing():
            self.drop([document.graph])
            facets = {
                "title": document.title,
                "level": document.level,
                "regions": document.regions,
                "year": document.year,
                "doc_type": document.doc_type,
                "issuers": document.issuers,
                "in_force": document.in_force,
            }
            cursor = self._db.execute(
                "INSERT OR REPLACE INTO documents(doc, graph, sha256, facets) VALUES (?, ?, ?, ?)",
                (document.doc, document.graph, document.sha256, json.dumps(facets)),
            )
            doc_id = cursor.lastrowid
            for entry in document.entries:
                span = entry.span() or (None, None)
                cursor = self._db.execute(
                    "INSERT INTO entries(doc_id, kind, item, label, text, start, span_start,"
                    " span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, entry.kind, entry.item, entry.label, entry.text, entry.start, *span),
                )
                rowid = cursor.lastrowid
                self._db.execute(
                    "INSERT INTO entries_trigram(rowid, text) VALUES (?, ?)", (rowid, entry.text)
                )
                self._db.execute(
                    "INSERT INTO entries_pairs(rowid, pairs) VALUES (?, ?)",
                    (rowid, pairs(entry.text)),
                )

    def drop(self, graphs: Iterable[str]) -> None:
        """Remove the documents of these graphs from the index (absent ones are ignored)."""
        with self.writing():
            for graph in graphs:
                row = self._db.execute(
                    "SELECT id FROM documents WHERE graph=?", (graph,)
                ).fetchone()
                if row is None:
                    continue
                old = self._db.execute(
                    "SELECT id, text FROM entries WHERE doc_id=?", (row[0],)
                ).fetchall()
                for rowid, text in old:
                    self._db.execute(
                        "INSERT INTO entries_trigram(entries_trigram, rowid, text)"
                        " VALUES ('delete', ?, ?)",
                        (rowid, text),
                    )
                    self._db.execute(
                        "INSERT INTO entries_pairs(entries_pairs, rowid, pairs)"
                        " VALUES ('delete', ?, ?)",
                        (rowid, pairs(text)),
                    )
                self._db.execute("DELETE FROM entries WHERE doc_id=?", (row[0],))
                self._db.execute("DELETE FROM documents WHERE id=?", (row[0],))

    def reconcile(self, store: Store, *, rebuild: bool = False) -> tuple[int, int]:
        """Make the index hold exactly the store's documents: index the ones missing or whose
        content hash changed, drop the ones gone (all of them re-read with ``rebuild``).
        Returns (documents indexed, documents dropped)."""
        from graph.load import _gazetteer, graph_triples
        from graph.sparql import select, value

        rows = select(
            store,
            "SELECT DISTINCT ?g ?sha WHERE { GRAPH ?g { ?d a pkg:PolicyDocument "
            "OPTIONAL { ?d pkg:sha256 ?sha } } }",
        )
        documents = iris.document_graph(t.DOC_BASE)  # …/graph/doc/: documents' own graphs
        stored = {
            str(value(r["g"])): value(r.get("sha"))
            for r in rows
            if str(value(r["g"])).startswith(documents)
        }
        with self.writing():
            indexed = {} if rebuild else self.documents()
            if rebuild:
                self.drop(self.documents())
            gone = [g for g in indexed if g not in stored]
            self.drop(gone)
            todo = [g for g, sha in sorted(stored.items()) if g not in indexed or indexed[g] != sha]
            for graph in todo:
                self.put(document_entries(graph_triples(store, graph), _gazetteer()))
        return len(todo), len(gone)

    # ---- reading -------------------------------------------------------------------------

    def _documents(self) -> dict[int, _Doc]:
        generation = int(self._meta("generation") or 0)
        if generation != self._docs_generation or self._depth:
            docs = {}
            for doc_id, doc, facets in self._db.execute("SELECT id, doc, facets FROM documents"):
                f = json.loads(facets)
                docs[doc_id] = _Doc(
                    doc=doc,
                    title=f["title"],
                    level=f["level"],
                    regions=tuple((r, n) for r, n in f["regions"]),
                    year=f["year"],
                    doc_type=f["doc_type"],
                    issuers=tuple(f["issuers"]),
                    in_force=f["in_force"],
                )
            self._docs, self._docs_generation = docs, generation
        return self._docs

    def _matches(self, words: list[str]) -> dict[int, float]:
        """Entry id → BM25 score (lower is better, as FTS5 gives it) of entries holding every
        term: terms of 3+ characters through the trigram table, 2 word characters through
        the pairs table, anything shorter by LIKE."""
        found: dict[int, float] | None = None
        for word in words:
            if len(word) >= 3:
                sql = "SELECT rowid, bm25(entries_trigram) FROM entries_trigram WHERE entries_trigram MATCH ?"
                rows = self._db.execute(sql, (_quoted(word),))
            elif len(re.findall(r"\w", word)) == 2 and re.fullmatch(r"\w+", word):
                sql = "SELECT rowid, bm25(entries_pairs) FROM entries_pairs WHERE entries_pairs MATCH ?"
                rows = self._db.execute(sql, (_quoted(pairs(word)),))
            else:
                escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                sql = "SELECT id, -1.0 FROM entries WHERE text LIKE ? ESCAPE '\\'"
                rows = self._db.execute(sql, ("%" + escaped + "%",))
            scores = dict(rows.fetchall())
            if found is None:
                found = scores
            else:
                found = {i: s + scores[i] for i, s in found.items() if i in scores}
        return found or {}

    def search(self, query: SearchQuery) -> SearchResult:
        """Ranked, filtered, faceted hits for a question (see :class:`SearchQuery`).

        Raises :class:`BadQuestion` for a question that cannot be searched.
        """
        started = time.perf_counter()
        words = terms(query.q)
        with self._lock:
            docs = self._documents()
            matches = self._matches(words)
            relaxed = False
            if not matches and (split := words_of(words)) != words and split:
                # nothing holds the phrase as written: look for its words (质量奖励制度 →
                # 奖励, 制度 finds 建立健全质量奖惩制度…)
                words, relaxed = split, True
                matches = self._matches(words)
            if not matches:
                return SearchResult(
                    words, 0, query.page, query.per_page, [], _no_facets(), relaxed=relaxed
                )
            kind_of: dict[int, tuple[str, int]] = {}
            ids = list(matches)
            for chunk in range(0, len(ids), 30000):
                part = ids[chunk : chunk + 30000]
                sql = f"SELECT id, kind, doc_id FROM entries WHERE id IN ({','.join('?' * len(part))})"
                for entry_id, kind, doc_id in self._db.execute(sql, part):
                    kind_of[entry_id] = (kind, doc_id)
            region = _region_key(query.region)
            checks = {
                "kind": lambda k, d: not query.kinds or k in query.kinds,
                "level": lambda k, d: not query.levels or d.level in query.levels,
                "region": lambda k, d: (
                    region is None or any(_same_region(r, region) for r, _ in d.regions)
                ),
                "year": lambda k, d: _in_years(d.year, query.year_from, query.year_to),
                "type": lambda k, d: query.doc_type is None or d.doc_type == query.doc_type,
                "issuer": lambda k, d: query.issuer is None or query.issuer in d.issuers,
                "in_force": lambda k, d: query.in_force is None or d.in_force is query.in_force,
            }
            counters: dict[str, dict[str, list[Any]]] = {name: {} for name in checks}
            kept: list[tuple[float, int]] = []
            for entry_id, score in matches.items():
                kind, doc_id = kind_of[entry_id]
                doc = docs[doc_id]
                failed = [name for name, check in checks.items() if not check(kind, doc)]
                if not failed:
                    kept.append((score * _KIND_WEIGHT.get(kind, 1.0), entry_id))
                if len(failed) > 1:
                    continue
                for name in checks if not failed else failed:
                    for value, label in _facet_values(name, kind, doc, region):
                        slot = counters[name].setdefault(value, [label, 0])
                        slot[1] += 1
            kept.sort()
            first = (max(query.page, 1) - 1) * query.per_page
            page = kept[first : first + query.per_page]
            hits = [self._hit(entry_id, score, words, docs) for score, entry_id in page]
        facets = {
            name: sorted(
                (FacetValue(value, label, count) for value, (label, count) in values.items()),
                key=_facet_order(name),
            )
            for name, values in counters.items()
        }
        return SearchResult(
            terms=words,
            relaxed=relaxed,
            total=len(kept),
            page=query.page,
            per_page=query.per_page,
            hits=hits,
            facets=facets,
            seconds=time.perf_counter() - started,
        )

    def _hit(self, entry_id: int, score: float, words: list[str], docs: dict[int, _Doc]) -> Hit:
        row = self._db.execute(
            "SELECT kind, item, label, text, start, span_start, span_end, doc_id FROM entries"
            " WHERE id=?",
            (entry_id,),
        ).fetchone()
        kind, item, label, text, start, span_start, span_end, doc_id = row
        doc = docs[doc_id]
        snippet, highlights, at = _snippet(text, words)
        offsets = (
            [(start + s + at, start + e + at) for s, e in highlights] if start is not None else []
        )
        own = doc.regions[0] if doc.regions else (None, None)
        return Hit(
            kind=kind,
            item=item,
            label=label,
            doc=doc.doc,
            title=doc.title,
            level=doc.level,
            region=own[0],
            region_label=own[1],
            year=doc.year,
            score=round(-score, 4),
            snippet=snippet,
            highlights=highlights,
            offsets=offsets,
            evidence=(span_start, span_end) if span_start is not None else None,
        )

    def close(self) -> None:
        """Close the database file."""
        with self._lock:
            self._db.close()


# titles first among equally good matches: a researcher looks for documents before sentences
_KIND_WEIGHT = {"document": 2.0, "agency": 1.2, "measure": 1.0, "target": 1.0}
NATIONAL = "https://w3id.org/policykg/region/100000"


def _no_facets() -> dict[str, list[FacetValue]]:
    return {name: [] for name in ("kind", "level", "region", "year", "type", "issuer", "in_force")}


def _region_key(region: str | None) -> str | None:
    if not region:
        return None
    return region.rstrip("/").rsplit("/", 1)[-1]


def _same_region(iri: str, key: str) -> bool:
    return iri.rsplit("/", 1)[-1] == key


def _in_years(year: int | None, low: int | None, high: int | None) -> bool:
    if low is None and high is None:
        return True
    if year is None:  # unknown stays unknown: a range never includes it
        return False
    return (low is None or year >= low) and (high is None or year <= high)


def _facet_values(name: str, kind: str, doc: _Doc, region: str | None) -> list[tuple[str, str]]:
    """The (value, label) pairs a hit counts for in one facet."""
    if name == "kind":
        return [(kind, kind)]
    if name == "level":
        return [(doc.level, doc.level)]
    if name == "region":
        # the region one step below the chosen one (below the country when none is chosen)
        chain = list(doc.regions)
        if region is None:
            below = [r for r in chain if r[0] != NATIONAL]
            if not below:
                return []
            iri, label = below[-1]
            return [(iri, label or iri)]
        at = next((i for i, (r, _) in enumerate(chain) if _same_region(r, region)), None)
        if at is None or at == 0:
            return []
        iri, label = chain[at - 1]
        return [(iri, label or iri)]
    if name == "year":
        return (
            [(str(doc.year), str(doc.year))] if doc.year is not None else [("unknown", "unknown")]
        )
    if name == "type":
        return [(doc.doc_type, doc.doc_type)] if doc.doc_type else []
    if name == "issuer":
        return [(i, i) for i in doc.issuers]
    if name == "in_force":
        value = {True: "true", False: "false", None: "unknown"}[doc.in_force]
        return [(value, value)]
    return []


def _facet_order(name: str) -> Any:
    if name == "year":
        return lambda f: f.value
    if name == "kind":
        return lambda f: KINDS.index(f.value) if f.value in KINDS else len(KINDS)
    return lambda f: (-f.count, f.value)


def _snippet(text: str, words: list[str]) -> tuple[str, list[tuple[int, int]], int]:
    """A window of ``text`` around the first match, the matches inside it, and where the
    window starts in ``text``.

    >>> _snippet("一、实施名牌战略，培育名牌产品。", ["名牌"])
    ('一、实施名牌战略，培育名牌产品。', [(4, 6), (11, 13)], 0)
    """
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for word in words:
        needle = word.lower()
        at = lowered.find(needle)
        while needle and at >= 0:
            spans.append((at, at + len(needle)))
            at = lowered.find(needle, at + len(needle))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    first = merged[0][0] if merged else 0
    lo = max(0, first - SNIPPET_CONTEXT)
    hi = min(len(text), first + SNIPPET_CONTEXT * 3)
    inside = [(s - lo, min(e, hi) - lo) for s, e in merged if s < hi]
    return text[lo:hi], inside, lo


# ---- one index per store ------------------------------------------------------------------

_OPEN: weakref.WeakKeyDictionary[Any, SearchIndex] = weakref.WeakKeyDictionary()
_OPEN_LOCK = threading.Lock()


def index_path(spec: str) -> Path | None:
    """Where the index of a store lives: beside an on-disk store (``data/store`` →
    ``data/store.search.sqlite``), in memory for ``memory:``, and for a remote SPARQL store
    beside the API, under ``data/search-index/`` named after the endpoint.

    >>> str(index_path("oxigraph:data/store"))
    'data/store.search.sqlite'
    >>> index_path("memory:") is None
    True
    >>> str(index_path("sparql:http://127.0.0.1:8890/sparql"))
    'data/search-index/127.0.0.1-8890-sparql-20d20046b7b8.sqlite'
    """
    kind, _, rest = spec.partition(":")
    if kind == "oxigraph":
        path = Path(rest)
        return path.with_name(path.name + ".search.sqlite")
    if kind == "sparql":
        url = rest.partition(";")[0]
        readable = re.sub(r"[^\w.-]+", "-", url.split("://", 1)[-1]).strip("-")[:60]
        return (
            Path("data/search-index") / f"{readable}-{sha1(url.encode()).hexdigest()[:12]}.sqlite"
        )
    return None


def index_for(store: Store, *, path: str | Path | None = None) -> SearchIndex:
    """The index of ``store`` (opened once per store object). An index that is new, of an
    older schema, or marked dirty by an interrupted write is reconciled with the store here,
    before it answers anything."""
    with _OPEN_LOCK:
        index = _OPEN.get(store)
        if index is None:
            index = SearchIndex(path if path is not None else index_path(store.spec))
            if index.dirty:
                index.reconcile(store)
            _OPEN[store] = index
        return index


def forget(store: Store) -> None:
    """Close and forget the index opened for ``store`` (when the store is closed)."""
    with _OPEN_LOCK:
        index = _OPEN.pop(store, None)
    if index is not None:
        index.close()
