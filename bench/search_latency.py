"""Search at scale: index build time and size, and latency of ``/search`` with facets.

    python -m bench.search_latency [--sizes 1000,10000] [--rounds 5] [--rebuild-max 1000]

For each size it takes the synthetic corpus (``bench/corpus/N``, generated as ``make bench``
does), extracts and maps it with two workers into what the index holds
(:func:`graph.search_entries.document_entries`), builds the index as a load does (one
transaction), and times a query mix: the issue's questions, each alone, with a level, a
province, a city, a year range, a kind, all of these at once, and on page 3 — in process
(:meth:`graph.fulltext.SearchIndex.search`) and over HTTP (``GET /search`` on a real uvicorn).
Up to ``--rebuild-max`` documents it also loads an on-disk Oxigraph store and times
``policykg index`` (the rebuild from the store, the path of a remote store).

Figures are printed and written to ``bench/results/search.json``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.run import ensure_corpus
from graph import fulltext
from graph.search_entries import DocumentEntries, document_entries
from loaders.extract import iter_extract

RESULTS = Path(__file__).resolve().parent / "results" / "search.json"
QUESTIONS = ("名牌", "监督抽查合格率", "首席质量官", "质监局", "江苏", "质量强市", "质量")


def _entries(record: Any) -> DocumentEntries:
    # module-level: it runs in the extraction workers
    from graph.load import _gazetteer
    from graph.mapping import map_document

    gazetteer = _gazetteer()
    return document_entries(map_document(record, gazetteer).triples, gazetteer)


def entries_of(corpus: Path, cache: Path) -> list[DocumentEntries]:
    """What the index holds for every document of the corpus (cached beside the corpus)."""
    if cache.exists() and cache.stat().st_mtime > corpus.stat().st_mtime:
        loaded: list[DocumentEntries] = pickle.loads(cache.read_bytes())
        return loaded
    found = [
        outcome
        for _, outcome in iter_extract([corpus], workers=2, then=_entries)
        if isinstance(outcome, DocumentEntries)
    ]
    cache.write_bytes(pickle.dumps(found))
    return found


def build(documents: list[DocumentEntries], path: Path) -> tuple[fulltext.SearchIndex, float]:
    """The index of ``documents`` at ``path``, written as a load writes it; and the seconds."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    index = fulltext.SearchIndex(path)
    with index.writing():
        for document in documents:
            index.put(document)
    index._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return index, time.perf_counter() - started


def query_mix(index: fulltext.SearchIndex) -> list[dict[str, Any]]:
    """Every question alone and with filters taken from the corpus's own facets."""
    top = index.search(fulltext.SearchQuery("质量")).facets
    province = top["region"][0].value.rsplit("/", 1)[-1]
    below = index.search(fulltext.SearchQuery("质量", region=province)).facets["region"]
    city = below[0].value.rsplit("/", 1)[-1] if below else province
    variants: list[dict[str, Any]] = [
        {},
        {"levels": ("city",)},
        {"region": province},
        {"region": city},
        {"year_from": 2012, "year_to": 2016},
        {"kinds": ("measure",)},
        {"region": province, "levels": ("city",), "year_from": 2012, "year_to": 2016},
        {"page": 3},
    ]
    return [{"q": q, **v} for q in QUESTIONS for v in variants]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)

    return {"p50": round(statistics.median(ordered), 2), "p95": at(0.95), "max": ordered[-1]}


def in_process(
    index: fulltext.SearchIndex, mix: list[dict[str, Any]], rounds: int, cold: bool
) -> Any:
    """Wall-clock and CPU milliseconds of each search (on a shared machine the CPU time is
    what one search costs; the wall clock adds the waits for the other processes). ``cold``:
    every search matches afresh (no question remembered from the one before)."""
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for _ in range(rounds):
        for params in mix:
            if cold:
                index._match_cache.clear()
            started, started_cpu = time.perf_counter(), time.thread_time()
            result = index.search(fulltext.SearchQuery(**params))
            ms = (time.perf_counter() - started) * 1000
            cpu_ms = (time.thread_time() - started_cpu) * 1000
            for key in (params["q"], "all"):
                times.setdefault(key, []).append(ms)
                cpu.setdefault(key, []).append(cpu_ms)
            if len(params) == 1:
                totals[params["q"]] = result.total
    wall = {q: percentiles(t) for q, t in times.items()}
    return {"wall": wall, "cpu": {q: percentiles(t) for q, t in cpu.items()}}, totals


SERVER = """
import sys, uvicorn
from api.app import create_app
from api.settings import Settings
from graph import fulltext
from graph.stores import open_store
store = open_store("memory:")
fulltext.index_for(store, path=sys.argv[1])
app = create_app(Settings(store="memory:", query_workers=1), store)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def over_http(path: Path, mix: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """The same mix through ``GET /search`` of the real app on uvicorn, in its own process
    (index opened by path), from one client sending one request at a time."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)], env=env)
    names = {"kinds": "kind", "levels": "level", "year_from": "from", "year_to": "to"}
    times: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/search", params={"q": "质量"})
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            for _ in range(rounds):
                for params in mix:
                    query = {
                        names.get(k, k): ",".join(v) if isinstance(v, tuple) else v
                        for k, v in params.items()
                    }
                    started = time.perf_counter()
                    response = client.get("/search", params=query)
                    ms = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, response.text
                    times.setdefault(params["q"], []).append(ms)
                    times.setdefault("all", []).append(ms)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {q: percentiles(t) for q, t in times.items()}


def rebuild_from_store(corpus: Path, work: Path) -> dict[str, Any]:
    """Load the corpus into an on-disk store (index built by the load), then ``policykg
    index`` from the store; seconds of each."""
    from graph.load import load_paths
    from graph.stores import open_store

    store = open_store(f"oxigraph:{work / 'store'}")
    started = time.perf_counter()
    report = load_paths(store, [corpus], workers=2)
    load_s = time.perf_counter() - started
    index = fulltext.index_for(store)
    started = time.perf_counter()
    added, _ = index.reconcile(store, rebuild=True)
    rebuild_s = time.perf_counter() - started
    fulltext.forget(store)
    store.close()
    return {
        "documents": added,
        "load_seconds": round(load_s, 1),
        "load_documents": report.documents,
        "rebuild_seconds": round(rebuild_s, 1),
    }


def markdown(results: dict[str, Any]) -> str:
    """The figures as the tables of ``docs/search.md`` (``--markdown``)."""
    lines = [
        "| documents | entries | index build | index size | load average |",
        "|---|---|---|---|---|",
    ]
    for n, r in results.items():
        lines.append(
            f"| {int(n):,} | {r['entries']:,} | {r['build_seconds']} s | {r['index_mb']} MB "
            f"| {r.get('load_average', '—')} |"
        )
    lines += [
        "",
        "| documents | question | hits | in process, CPU p50 / p95 ms | in process, wall p50 / "
        "p95 ms | same question again (facet click, page), wall p50 / p95 ms "
        "| HTTP p50 / p95 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, r in results.items():
        local = r["in_process_ms"]
        for q in [*QUESTIONS, "all"]:
            cpu, wall, http = local["cpu"][q], local["wall"][q], r["http_ms"][q]
            again = r["in_process_warm_ms"]["wall"][q]
            hits = f"{r['hits'][q]:,}" if q in r["hits"] else "—"
            lines.append(
                f"| {int(n):,} | {q} | {hits} | {cpu['p50']} / {cpu['p95']} "
                f"| {wall['p50']} / {wall['p95']} | {again['p50']} / {again['p95']} "
                f"| {http['p50']} / {http['p95']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure every size; print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rebuild-max", type=int, default=1000)
    parser.add_argument("--markdown", action="store_true", help="print the stored figures")
    args = parser.parse_args(argv)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if args.markdown:
        print(markdown(results))
        return 0
    for n in [int(s) for s in args.sizes.split(",") if s]:
        corpus = ensure_corpus(n, args.seed)
        documents = entries_of(corpus, corpus.with_name(corpus.name + ".search-entries.pickle"))
        with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
            path = Path(tmp) / "index.sqlite"
            index, build_s = build(documents, path)
            mix = query_mix(index)
            local, totals = in_process(index, mix, args.rounds, cold=True)
            warm, _ = in_process(index, mix, args.rounds, cold=False)
            index.close()
            http = over_http(path, mix, args.rounds)
            figures: dict[str, Any] = {
                "load_average": round(os.getloadavg()[0], 1),
                "documents": len(documents),
                "entries": sum(len(d.entries) for d in documents),
                "build_seconds": round(build_s, 1),
                "index_mb": round(path.stat().st_size / 1e6, 1),
                "queries": len(mix) * args.rounds,
                "hits": totals,
                "in_process_ms": local,
                "in_process_warm_ms": warm,
                "http_ms": http,
            }
            if n <= args.rebuild_max:
                figures["store"] = rebuild_from_store(corpus, Path(tmp))
        results[str(n)] = figures
        print(json.dumps({n: figures}, ensure_ascii=False, indent=1), flush=True)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
