"""Benchmark: HermiT (owlready2) against the SPARQL rule pass on the bundled corpus.

Run ``.venv/bin/python -m tests.ontology.bench_reasoning [--runs N] [--out FILE.json]``. Prints
the figures (and writes them as JSON with ``--out``); it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from graph.load import load_paths
from graph.reasoning import inferred_triples, java_available, reason
from graph.stores import open_store
from graph.validation import validate

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Load the corpus in memory, run each engine ``--runs`` times, print and return figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    store = open_store("memory:")
    load_paths(store, sorted(CORPUS.glob("*.txt")))
    figures: dict[str, object] = {"quads": len(store)}
    engines = ["rules", "owlready"] if java_available() else ["rules"]
    results = {}
    for engine in engines:
        times = []
        for _ in range(args.runs):
            report = reason(store, engine=engine)
            times.append(report.seconds)
        results[engine] = inferred_triples(store)
        figures[engine] = {
            "asserted_links": report.asserted,
            "inferred": report.inferred,
            "seconds_median": round(statistics.median(times), 3),
            "seconds_min": round(min(times), 3),
        }
    figures["engines_agree"] = len({frozenset(r) for r in results.values()}) == 1
    started = time.perf_counter()
    validation = validate(store)
    figures["validate_seconds"] = round(time.perf_counter() - started, 3)
    figures["violations"] = len(validation.violations)
    print(json.dumps(figures, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
