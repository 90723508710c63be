"""What measure alignment and instrument coding add to ingest: load a generated corpus and print
the figures.

    python -m bench.generate --n 10000 --out /tmp/corpus10k
    python scripts/bench_alignment.py /tmp/corpus10k --store oxigraph:/tmp/store10k

Prints (and writes as JSON with ``--out``) the whole load's seconds (extraction, mapping,
writing, linking), the alignment hook's seconds, and the hook's share of the rest of ingest,
with the number of document pairs aligned and links made.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph.load import load_paths  # noqa: E402
from graph.sparql import select, value  # noqa: E402
from graph.stores import open_store  # noqa: E402
from ontology import terms  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--store", default="memory:", help="store spec (memory:, oxigraph:PATH)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    parser.add_argument(
        "--reason", action="store_true", help="also run the reasoner, as `policykg load` does"
    )
    parser.add_argument(
        "--no-align",
        action="store_true",
        help="skip the alignment and instrument hooks (the baseline)",
    )
    args = parser.parse_args(argv)
    if args.no_align:
        import graph.load

        graph.load.align_measures = lambda *args: None  # type: ignore[assignment]
        graph.load.code_instruments = lambda *args: None  # type: ignore[assignment]
    store = open_store(args.store)
    started = time.perf_counter()
    report = load_paths(store, [args.corpus], workers=args.workers)
    reason_seconds = 0.0
    if args.reason:
        from graph.reasoning import reason

        reasoning = time.perf_counter()
        # the rule engine, as `policykg load` runs it: "auto" would start HermiT, which ran
        # out of memory at 10,000 documents
        reason(store, engine="rules")
        store.flush()
        reason_seconds = time.perf_counter() - reasoning
    wall = time.perf_counter() - started
    pairs = select(
        store,
        "SELECT (COUNT(DISTINCT ?low) AS ?n) WHERE { ?m eli:is_part_of ?low . "
        f"GRAPH <{terms.GRAPH_ALIGNMENT}> {{ {{ ?m pkg:addedAgainst ?h }} UNION {{ ?m pkg:carriesOut ?h }} }} }}",
    )
    figures = {
        "documents": report.documents,
        "measures": report.measures,
        "ingest_seconds": round(wall, 2),
        "link_seconds": round(report.link_seconds, 2),
        "reason_seconds": round(reason_seconds, 2),
        "align_seconds": round(report.align_seconds, 2),
        "align_share_of_rest": round(report.align_seconds / (wall - report.align_seconds), 4),
        "instrument_seconds": round(report.instrument_seconds, 2),
        # what the diffusion analysis (alignment + instruments) adds to the rest of ingest
        "diffusion_share_of_rest": round(
            (report.align_seconds + report.instrument_seconds)
            / (wall - report.align_seconds - report.instrument_seconds),
            4,
        ),
        "lower_documents_aligned": int(str(value(pairs[0]["n"]))),
        "copied": report.measures_copied,
        "adapted": report.measures_adapted,
        "store": args.store,
        "workers": args.workers,
    }
    print(json.dumps(figures, indent=1))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
