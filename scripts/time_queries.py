#!/usr/bin/env python3
"""Time every named query on the seed corpus, in memory and in Oxigraph on disk.

Loads ``data/corpus`` once into each store, runs each named query (required parameters from
:data:`SAMPLE`, optional ones left out) once to warm up and then five times, and prints the
name, the number of rows and the median milliseconds. Figures, not assertions: the machine
is shared, so compare runs made side by side.

    .venv/bin/python scripts/time_queries.py
    .venv/bin/python scripts/time_queries.py --runs 9 --only search agency_network
    .venv/bin/python scripts/time_queries.py --output timings.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import queries  # noqa: E402
from graph.load import load_paths  # noqa: E402
from graph.store import Store  # noqa: E402
from graph.stores import open_store  # noqa: E402

#: a value for each required parameter, taken from the seed corpus
SAMPLE = {
    "agency": "https://w3id.org/policykg/agency/320000/quality-supervision",
    "concept": "jiangsu-famous-brand",
    "doc": "su-zhengbanfa-2012-123",
    "phrase": "质量奖",
    "q": "名牌",
}


def time_store(store: Store, names: list[str], runs: int) -> list[tuple[str, int, float]]:
    """(name, rows, median ms) for each named query on a loaded store."""
    figures = []
    for name in names:
        entry = queries.catalog_entry(name)
        params = {p.name: SAMPLE[p.name] for p in entry.parameters if not p.optional}
        rows = queries.run(store, name, **params)  # warm-up, and the row count
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            queries.run(store, name, **params)
            samples.append((time.perf_counter() - started) * 1000)
        figures.append((name, len(rows), statistics.median(samples)))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Load the corpus into each store kind and print a table of timings per query."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query (median)")
    parser.add_argument("--only", nargs="*", help="query names (default: all)")
    parser.add_argument("--output", help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    names = args.only or [q.name for q in queries.catalog()]
    results: dict[str, list[tuple[str, int, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="policykg-time-") as tmp:
        for kind, spec in (("memory", "memory:"), ("oxigraph", f"oxigraph:{tmp}/store")):
            store = open_store(spec)
            try:
                load_paths(store, [args.corpus])
                results[kind] = time_store(store, names, args.runs)
            finally:
                store.close()
    print(f"{'query':<24} {'rows':>6} {'memory ms':>10} {'disk ms':>10}")
    disk = {name: (rows, ms) for name, rows, ms in results["oxigraph"]}
    for name, rows, ms in results["memory"]:
        flag = "  > 100 ms" if disk[name][1] > 100 else ""
        print(f"{name:<24} {rows:>6} {ms:>10.1f} {disk[name][1]:>10.1f}{flag}")
    if args.output:
        payload = {
            kind: [{"query": n, "rows": r, "ms": round(ms, 2)} for n, r, ms in figures]
            for kind, figures in results.items()
        }
        Path(args.output).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
