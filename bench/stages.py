"""One measured step of the benchmark, run in its own process so its memory is its own.

``python -m bench.stages STAGE [options]`` prints one JSON object on stdout. ``bench/run.py``
calls these and collects the objects; they are also usable by hand when profiling one step.
The steps call the project's own code — ``loaders.extract.extract_file``,
``graph.load.load_records``, ``graph.queries.run`` — the same path a user's files take.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or the largest of its waited-for children), MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def dir_size_mb(path: Path) -> float:
    """Bytes under ``path`` in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _as_json(record: Any) -> str:
    return json.dumps(record.to_json_dict(include_text=True), ensure_ascii=False)


def stage_extract(corpus: Path, workers: int, out: Path | None) -> dict[str, Any]:
    """Extract every file of ``corpus`` with ``workers`` processes (the loaders' own pool, as
    ``policykg load`` uses it); optionally keep the records as JSON lines."""
    from loaders.errors import RejectedDocument
    from loaders.extract import iter_extract

    files = sorted(corpus.glob("*.txt"))
    started = time.perf_counter()
    rejected: list[str] = []
    sink = out.open("w", encoding="utf-8") if out else None
    try:
        for _, outcome in iter_extract(files, workers=workers, then=_as_json):
            if isinstance(outcome, RejectedDocument):
                rejected.append(str(outcome))
            elif sink:
                sink.write(outcome + "\n")
    finally:
        if sink:
            sink.close()
    seconds = time.perf_counter() - started
    return {
        "stage": "extract",
        "workers": workers,
        "documents": len(files),
        "rejected": len(rejected),
        "rejected_examples": rejected[:5],
        "seconds": round(seconds, 3),
        "docs_per_s": round(len(files) / seconds, 1),
        "peak_rss_mb": round(max(peak_rss_mb(), peak_rss_mb(children=True)), 1),
    }


def read_records(path: Path) -> Iterator[Any]:
    """PolicyDocument records from a JSON-lines file written by :func:`stage_extract`."""
    from loaders.record import PolicyDocument

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield PolicyDocument.from_json_dict(json.loads(line))


def stage_load(records: Path, spec: str, dump: Path | None) -> dict[str, Any]:
    """Load records through ``graph.load.load_records`` into the store ``spec``."""
    from graph.load import load_records
    from graph.stores import open_store

    base_rss = peak_rss_mb()
    store = open_store(spec)
    started = time.perf_counter()
    report = load_records(store, read_records(records))
    seconds = time.perf_counter() - started
    quads = len(store)
    result: dict[str, Any] = {
        "stage": "load",
        "store": spec.split(":", 1)[0],
        "documents": report.documents,
        "measures": report.measures,
        "targets": report.targets,
        "agencies": report.agencies,
        "references_resolved": report.references_resolved,
        "references_unresolved": report.references_unresolved,
        "cascade_links": report.cascade_links,
        "weaker_links": report.weaker_links,
        "quads": quads,
        "seconds": round(seconds, 3),
        "triples_per_s": round(quads / seconds),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_before_mb": round(base_rss, 1),
    }
    if dump is not None:
        import pyoxigraph as ox

        t0 = time.perf_counter()
        solutions = store.query(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", use_default_graph_as_union=False
        )
        assert isinstance(solutions, ox.QuerySolutions)
        ox.serialize(
            (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in solutions),
            output=str(dump),
            format=ox.RdfFormat.N_QUADS,
        )
        result["dump_seconds"] = round(time.perf_counter() - t0, 3)
    store.close()
    if spec.startswith("oxigraph:"):
        result["disk_mb"] = round(dir_size_mb(Path(spec.split(":", 1)[1])), 1)
    return result


def stage_raw_load(nquads: Path, target: str) -> dict[str, Any]:
    """Bulk-load an N-Quads dump: pyoxigraph on disk / in memory, or rdflib's own Dataset."""
    size = nquads.stat().st_size / 1e6
    started = time.perf_counter()
    if target == "rdflib":
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(str(nquads), format="nquads")
        count = len(ds)  # default graph only; count quads over all graphs below
        count = sum(len(g) for g in ds.graphs())
        del count
        quads = sum(1 for _ in ds.quads((None, None, None, None)))
    else:
        import pyoxigraph as ox

        store = ox.Store(target) if target != "memory" else ox.Store()
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        quads = len(store)
    seconds = time.perf_counter() - started
    result = {
        "stage": "raw_load",
        "target": "rdflib"
        if target == "rdflib"
        else ("memory" if target == "memory" else "oxigraph"),
        "nquads_mb": round(size, 1),
        "quads": quads,
        "seconds": round(seconds, 3),
        "triples_per_s": round(quads / seconds),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if target not in ("rdflib", "memory"):
        result["disk_mb"] = round(dir_size_mb(Path(target)), 1)
    return result


def stage_queries(spec: str, mix: Path, rounds: int) -> dict[str, Any]:
    """Latency of the named-query mix run in process through ``graph.queries.run``."""
    from bench.latency import summarize
    from graph import queries
    from graph.stores import open_store

    items = json.loads(mix.read_text(encoding="utf-8"))
    store = open_store(spec)
    t0 = time.perf_counter()
    store.query("ASK { ?s ?p ?o }")
    first = time.perf_counter() - t0
    timings: dict[str, list[float]] = {}
    for _ in range(rounds):
        for item in items:
            t = time.perf_counter()
            queries.run(store, item["name"], **item["params"])
            timings.setdefault(item["label"], []).append((time.perf_counter() - t) * 1000)
    store.close()
    return {
        "stage": "queries_in_process",
        "store": spec.split(":", 1)[0],
        "first_query_ms": round(first * 1000, 2),
        "latency_ms": summarize(timings),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def stage_rdflib_serve(nquads: Path, port: int) -> None:
    """Serve an N-Quads dump with rdflib-endpoint (rdflib's Dataset and SPARQL engine)."""
    import rdflib
    import uvicorn
    from rdflib_endpoint import SparqlEndpoint

    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(nquads), format="nquads")
    app = SparqlEndpoint(graph=ds, path="/", public_url=f"http://127.0.0.1:{port}/")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def main(argv: list[str] | None = None) -> int:
    """Dispatch one stage and print its JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="stage", required=True)
    p = sub.add_parser("extract")
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--out", type=Path)
    p = sub.add_parser("load")
    p.add_argument("--records", type=Path, required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--dump", type=Path)
    p = sub.add_parser("raw-load")
    p.add_argument("--nquads", type=Path, required=True)
    p.add_argument("--target", required=True, help="a folder, 'memory' or 'rdflib'")
    p = sub.add_parser("queries")
    p.add_argument("--store", required=True)
    p.add_argument("--mix", type=Path, required=True)
    p.add_argument("--rounds", type=int, default=5)
    p = sub.add_parser("mix")
    p.add_argument("--store", required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--per-query", type=int, default=10)
    p = sub.add_parser("rdflib-serve")
    p.add_argument("--nquads", type=Path, required=True)
    p.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    result: dict[str, Any] | None
    if args.stage == "extract":
        result = stage_extract(args.corpus, args.workers, args.out)
    elif args.stage == "load":
        result = stage_load(args.records, args.store, args.dump)
    elif args.stage == "raw-load":
        result = stage_raw_load(args.nquads, args.target)
    elif args.stage == "queries":
        result = stage_queries(args.store, args.mix, args.rounds)
    elif args.stage == "mix":
        from bench.mix import build_mix

        result = build_mix(args.store, args.out, args.per_query)
    else:
        stage_rdflib_serve(args.nquads, args.port)
        result = None
    if result is not None:
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
