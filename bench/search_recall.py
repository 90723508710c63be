"""Recall and latency of the Chinese tokenisations considered for the full-text index.

    python -m bench.search_recall data/corpus /work/shared/corpus bench/corpus/10000.search-entries.pickle

Ground truth is the substring: an entry (title, measure, target sentence, agency name) is
relevant to a query when the query occurs in its text. Each candidate index is built over the
same entries in a scratch SQLite database and asked the real queries of issue 13:

- ``trigram``: FTS5 ``tokenize='trigram'`` (exact substrings of 3 characters or more);
- ``trigram+like``: the same, with ``LIKE '%q%'`` over the entries for shorter queries;
- ``jieba``: jieba's search-mode words in an FTS5 ``unicode61`` table, queried with the words
  of the question (all of them);
- ``bigram``: overlapping character pairs of each run of word characters in a ``unicode61``
  table, queried as a phrase (exact substrings of 2 characters or more).

It prints one table (recall, precision, hits, p50 ms) and writes it to
``bench/results/search_recall.json``.
"""

from __future__ import annotations

import json
import logging
import pickle
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

QUERIES = ("名牌", "监督抽查合格率", "首席质量官", "质监局", "江苏", "质量强市")
RESULTS = Path(__file__).resolve().parent / "results" / "search_recall.json"


def bigrams(text: str) -> str:
    """Character pairs as the index makes them (:func:`graph.fulltext.pairs`)."""
    from graph.fulltext import pairs

    return pairs(text)


def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def build(texts: list[str], kind: str) -> sqlite3.Connection:
    """A scratch database with one FTS5 table of the given tokenisation over ``texts``."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY, text TEXT)")
    db.executemany("INSERT INTO entries VALUES (?, ?)", enumerate(texts, 1))
    if kind == "trigram":
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram')")
        db.execute("INSERT INTO fts(rowid, text) SELECT id, text FROM entries")
    elif kind == "jieba":
        jieba = _jieba()
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='unicode61')")
        rows = ((i, " ".join(jieba.cut_for_search(x))) for i, x in enumerate(texts, 1))  # type: ignore[attr-defined]
        db.executemany("INSERT INTO fts(rowid, text) VALUES (?, ?)", rows)
    elif kind == "bigram":
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='unicode61')")
        db.executemany(
            "INSERT INTO fts(rowid, text) VALUES (?, ?)",
            ((i, bigrams(x)) for i, x in enumerate(texts, 1)),
        )
    return db


def _phrase(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def searcher(kind: str, db: sqlite3.Connection) -> Callable[[str], set[int]]:
    """The query function of one candidate: question → matching entry ids."""

    def fts(match: str) -> set[int]:
        return {r[0] for r in db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (match,))}

    def like(q: str) -> set[int]:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = "SELECT id FROM entries WHERE text LIKE ? ESCAPE '\\'"
        return {r[0] for r in db.execute(sql, (pattern,))}

    if kind == "trigram":
        return lambda q: fts(_phrase([q])) if len(q) >= 3 else set()
    if kind == "trigram+like":
        return lambda q: fts(_phrase([q])) if len(q) >= 3 else like(q)
    if kind == "jieba":
        jieba = _jieba()
        return lambda q: fts(" AND ".join(_phrase([w]) for w in jieba.cut(q) if w.strip()))  # type: ignore[attr-defined]
    if kind == "bigram":
        return lambda q: fts(_phrase([bigrams(q)]))
    raise ValueError(kind)


def measure(texts: list[str], label: str) -> list[dict[str, object]]:
    """Recall, precision, hit count and latency of every candidate on every query."""
    rows = []
    truth = {q: {i for i, x in enumerate(texts, 1) if q.lower() in x.lower()} for q in QUERIES}
    for kind in ("trigram", "trigram+like", "jieba", "bigram"):
        started = time.perf_counter()
        db = build(texts, "trigram" if kind == "trigram+like" else kind)
        build_s = time.perf_counter() - started
        size = db.execute(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
        ).fetchone()[0]
        search = searcher(kind, db)
        for q in QUERIES:
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                found = search(q)
                times.append((time.perf_counter() - t0) * 1000)
            relevant = truth[q]
            hit = len(found & relevant)
            rows.append(
                {
                    "corpus": label,
                    "index": kind,
                    "query": q,
                    "relevant": len(relevant),
                    "found": len(found),
                    "recall": hit / len(relevant) if relevant else None,
                    "precision": hit / len(found) if found else None,
                    "p50_ms": statistics.median(times),
                    "build_s": build_s,
                    "bytes": size,
                }
            )
    return rows


def sentences(folders: list[str]) -> list[str]:
    """Every sentence of the cleaned text of every document under ``folders``."""
    from loaders.errors import RejectedDocument
    from loaders.extract import iter_extract

    found = []
    for _, record in iter_extract(folders):
        if not isinstance(record, RejectedDocument):
            found += [x for x in re.split(r"[。；;！？\n]", record.text) if x.strip()]
    return found


def main(argv: list[str]) -> None:
    if argv == ["--markdown"]:
        print(markdown(json.loads(RESULTS.read_text())))
        return
    """Measure over the index entries pickled by ``bench/search_latency.py`` (``*.pickle``)
    and over the sentences of the documents in the folders given."""
    rows = []
    for path in argv:
        if path.endswith(".pickle"):
            docs = pickle.loads(Path(path).read_bytes())
            texts = [e.text for d in docs for e in d.entries]
            label = f"{Path(path).stem} ({len(docs)} documents, {len(texts)} entries)"
        else:
            texts = sentences([path])
            label = f"{path} ({len(texts)} sentences)"
        rows += measure(texts, label)
    print(
        f"{'corpus':<40} {'index':<13} {'query':<9} {'relevant':>8} {'found':>6} {'recall':>7} {'prec.':>6} {'ms':>7}"
    )
    for r in rows:

        def pct(x: object) -> str:
            return "—" if x is None else f"{float(x):.0%}"  # type: ignore[arg-type]

        print(
            f"{r['corpus']:<40} {r['index']:<13} {r['query']:<9} {r['relevant']:>8} {r['found']:>6} "
            f"{pct(r['recall']):>7} {pct(r['precision']):>6} {float(r['p50_ms']):>7.1f}"  # type: ignore[arg-type]
        )
    RESULTS.write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    print()
    print(markdown(rows))


def markdown(rows: list[dict[str, Any]]) -> str:
    """Relevant entries found / relevant entries (precision where below 100 %) and the
    median time, per corpus, index and question."""
    corpora = list(dict.fromkeys(str(r["corpus"]) for r in rows))
    lines = [
        "| corpus | index | " + " | ".join(QUERIES) + " | build |",
        "|---|---|" + "---|" * (len(QUERIES) + 1),
    ]
    for corpus in corpora:
        for kind in ("trigram", "trigram+like", "jieba", "bigram"):
            cells = []
            mine = [r for r in rows if r["corpus"] == corpus and r["index"] == kind]
            for q in QUERIES:
                r = next(x for x in mine if x["query"] == q)
                relevant = int(r["relevant"])
                found = round(float(r["recall"] or 0) * relevant)
                ms = f"{float(r['p50_ms']):.1f} ms"
                prec = r["precision"]
                extra = f", precision {float(prec):.2%}" if prec is not None and prec < 1 else ""
                cells.append(f"{found:,}/{relevant:,} ({ms}{extra})" if relevant else "—")
            build_s = f"{float(mine[0]['build_s']):.1f} s"
            lines.append(f"| {corpus} | {kind} | " + " | ".join(cells) + f" | {build_s} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main(sys.argv[1:])
