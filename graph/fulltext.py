"""The full-text index: SQLite FTS5 beside the store, kept in step with it on every write.

Why this shape (figures in ``docs/search.md``, measured by ``bench/search_recall.py``):

- Chinese has no spaces. FTS5's ``trigram`` tokenizer finds any substring of 3 characters or
  more exactly (recall 100 % on 监督抽查合格率, 首席质量官, 质监局, 质量强市) and is the fastest
  and smallest index, but finds nothing for the two-character words researchers type most
  (名牌, 江苏). A ``LIKE`` scan for those is exact but took 50–73 ms at 10,000 documents;
  jieba's words build 10 times slower and depend on segmentation ("推行首席质量官制" is cut
  首席 / 质量 / 官制, so 首席质量官 misses it). So 2-character terms go to a second FTS5 table
  of character pairs (exact, 3 ms for 名牌), and 1-character terms fall back to ``LIKE``.
- The index holds, per document, its facets (level, region chain, year, type, issuers, in
  force) and its entries (titles, measures, target sentences, agency names; see
  :mod:`graph.search_entries`). Matching is SQL; filtering, facet counts and ranking run over
  the matches with numpy (:mod:`graph.search_facets`).

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

import numpy as np

from graph import iris
from graph.errors import GraphError
from graph.search_entries import DocumentEntries, document_entries
from graph.search_facets import Columns, Ids, Scores
from graph.store import Store
from ontology import terms as t

#: bump when the tables or what goes in them change: an older index is rebuilt on open
SCHEMA_VERSION = 1
MAX_QUESTION = 200
#: most matches ranked by FTS5's own BM25 (see SearchIndex._matches)
EXACT_RANK_MAX = 5_000
#: questions whose matches are remembered (per index generation)
MATCH_CACHE = 64
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
    for run in re.findall(r"[^\W_]+", text.lower()):
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

    >>> words_of(["质量奖励评审制度", "名牌"])
    ['奖励', '评审', '制度', '名牌']
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
        self._db.create_function("policykg_pairs", 1, pairs, deterministic=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._columns_cache: Columns | None = None
        self._columns_generation = -1
        self._match_cache: dict[tuple[int, tuple[str, ...]], tuple[Ids, Scores]] = {}
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
            # three statements per document, not three per entry: at 10,000 documents the
            # round trips were a tenth of the load
            self._db.executemany(
                "INSERT INTO entries(doc_id, kind, item, label, text, start, span_start,"
                " span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (doc_id, e.kind, e.item, e.label, e.text, e.start, *(e.span() or (None, None)))
                    for e in document.entries
                ],
            )
            self._db.execute(
                "INSERT INTO entries_trigram(rowid, text)"
                " SELECT id, text FROM entries WHERE doc_id=? ORDER BY id",
                (doc_id,),
            )
            self._db.execute(
                "INSERT INTO entries_pairs(rowid, pairs)"
                " SELECT id, policykg_pairs(text) FROM entries WHERE doc_id=? ORDER BY id",
                (doc_id,),
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

    def _columns(self) -> Columns:
        generation = int(self._meta("generation") or 0)
        if self._columns_cache is None or generation != self._columns_generation or self._depth:
            self._columns_cache = Columns.load(self._db)
            self._columns_generation = generation
        return self._columns_cache

    def _term_sql(self, word: str, score: bool) -> tuple[str, str]:
        """The SQL finding the entries that hold ``word`` (with their BM25 when ``score``):
        3+ characters through the trigram table, 2 word characters through the pairs table,
        anything shorter by LIKE (no score)."""
        if len(word) >= 3:
            table, match = "entries_trigram", _quoted(word)
        elif len(word) == 2 and re.fullmatch(r"[^\W_]+", word):
            table, match = "entries_pairs", _quoted(pairs(word))
        else:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return "SELECT id FROM entries WHERE text LIKE ? ESCAPE '\\'", f"%{escaped}%"
        rank = f", bm25({table})" if score else ""
        return f"SELECT rowid{rank} FROM {table} WHERE {table} MATCH ?", match

    def _matches(self, words: list[str], columns: Columns) -> tuple[Ids, Scores]:
        """:meth:`_find`, remembered for the last :data:`MATCH_CACHE` questions of this index
        generation: a click on a facet or a page asks the same question again."""
        key = (self._columns_generation, tuple(words))
        found = self._match_cache.get(key)
        if self._depth:  # inside a write: uncommitted rows, never remembered
            return self._find(words, columns)
        if found is None:
            found = self._find(words, columns)
            self._match_cache[key] = found
            while len(self._match_cache) > MATCH_CACHE:
                self._match_cache.pop(next(iter(self._match_cache)))
        else:
            self._match_cache[key] = self._match_cache.pop(key)  # most recent last
        return found

    def _find(self, words: list[str], columns: Columns) -> tuple[Ids, Scores]:
        """The entries holding every term, sorted by id, with their BM25 scores (lower is
        better, as FTS5 gives them).

        FTS5 computes BM25 at about 4 µs a row, so a word in most entries (质量) would cost
        more than the rest of the search together: above :data:`EXACT_RANK_MAX` matches the
        score is BM25 with each term counted once, which only the entry's length changes
        (:meth:`Columns.bm25_once`)."""
        ids: Ids | None = None
        counts = []
        for word in words:
            sql, arg = self._term_sql(word, score=False)
            rows = self._db.execute(sql, (arg,)).fetchall()
            found = np.fromiter((r[0] for r in rows), np.int64, len(rows))
            if len(found) > 1 and not bool(np.all(found[1:] > found[:-1])):
                found = np.unique(found)  # FTS5 and the table scan answer in rowid order
            counts.append(len(found))
            ids = found if ids is None else np.intersect1d(ids, found, assume_unique=True)
        assert ids is not None
        exact = len(ids) <= EXACT_RANK_MAX and all(
            "LIKE" not in self._term_sql(w, score=False)[0] for w in words
        )
        if not exact:
            return ids, columns.bm25_once(ids, counts)
        scores = np.zeros(len(ids))
        for word in words:
            sql, arg = self._term_sql(word, score=True)
            rows = self._db.execute(sql, (arg,)).fetchall()
            found = np.fromiter((r[0] for r in rows), np.int64, len(rows))
            values = np.fromiter((r[1] for r in rows), np.float64, len(rows))
            order = np.argsort(found)
            at = np.searchsorted(found[order], ids)
            scores += values[order][at]
        return ids, scores

    def search(self, query: SearchQuery) -> SearchResult:
        """Ranked, filtered, faceted hits for a question (see :class:`SearchQuery`).

        Raises :class:`BadQuestion` for a question that cannot be searched.
        """
        started = time.perf_counter()
        words = terms(query.q)
        with self._lock:
            columns = self._columns()
            ids, scores = self._matches(words, columns)
            relaxed = False
            if not len(ids) and (split := words_of(words)) != words and split:
                # nothing holds the phrase as written: look for its words (质量奖励制度 →
                # 奖励, 制度 finds 建立健全质量奖惩制度…)
                words, relaxed = split, True
                ids, scores = self._matches(words, columns)
            ranked, ranked_scores, facets = columns.select(ids, scores, query)
            first = (max(query.page, 1) - 1) * query.per_page
            page = range(first, min(first + query.per_page, len(ranked)))
            hits = [self._hit(int(ranked[i]), float(ranked_scores[i]), words) for i in page]
        return SearchResult(
            terms=words,
            relaxed=relaxed,
            total=len(ranked),
            page=query.page,
            per_page=query.per_page,
            hits=hits,
            facets={
                name: sorted(
                    (FacetValue(v, label, count) for v, label, count in values),
                    key=lambda f: (name != "kind" and name != "year" and -f.count, f.value),
                )
                for name, values in facets.items()
            },
            seconds=time.perf_counter() - started,
        )

    def _hit(self, entry_id: int, score: float, words: list[str]) -> Hit:
        row = self._db.execute(
            "SELECT kind, item, label, text, start, span_start, span_end, doc, facets"
            " FROM entries JOIN documents ON documents.id = entries.doc_id WHERE entries.id=?",
            (entry_id,),
        ).fetchone()
        kind, item, label, text, start, span_start, span_end, doc, facets = row
        about = json.loads(facets)
        snippet, highlights, at = _snippet(text, words)
        offsets = (
            [(start + s + at, start + e + at) for s, e in highlights] if start is not None else []
        )
        own = about["regions"][0] if about["regions"] else (None, None)
        return Hit(
            kind=kind,
            item=item,
            label=label,
            doc=doc,
            title=about["title"],
            level=about["level"],
            region=own[0],
            region_label=own[1],
            year=about["year"],
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
