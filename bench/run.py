"""The benchmark: ``make bench`` (``python bench/run.py``).

For each corpus size it generates the synthetic corpus (``bench.generate``), then measures, each
step in its own process (``bench.stages``): extraction (1 worker and all cores), loading through
``graph.load`` into on-disk and in-memory Oxigraph, raw N-Quads loads into both and into rdflib's
own Dataset (the baseline), end-to-end ``policykg load``, the named-query mix in process and over
HTTP from ``policykg serve`` and — on the same SPARQL text, in the same run — from rdflib-endpoint,
start-up time of ``policykg serve`` on the existing store, and (with ``--virtuoso``) the same
through ``POLICYKG_STORE=sparql:…`` on a private Virtuoso. Figures go to ``bench/results/*.json``
and ``docs/benchmarks.md``; nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.serve import Server, free_port, run_mix_http  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
CORPUS = REPO / "bench" / "corpus"
WORK = REPO / "bench" / "work"
RESULTS = REPO / "bench" / "results"


def log(msg: str) -> None:
    """Progress on stderr (stdout stays clean)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def stage(*args: str, env: dict[str, str] | None = None, timeout: float = 7200) -> dict[str, Any]:
    """Run ``python -m bench.stages ARGS`` and return its JSON (wall time added)."""
    t = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "bench.stages", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"stage {args[0]} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - t, 3)
    return result


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import pyoxigraph
    import rdflib

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    os_name = platform.platform()
    try:
        os_name = next(
            line.split("=", 1)[1].strip('"')
            for line in Path("/etc/os-release").read_text().splitlines()
            if line.startswith("PRETTY_NAME=")
        )
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "os": os_name,
        "python": platform.python_version(),
        "pyoxigraph": getattr(pyoxigraph, "__version__", "?"),
        "rdflib": rdflib.__version__,
        "virtuoso": _virtuoso_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


def _virtuoso_version() -> str | None:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "virtuoso-opensource-7"],
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout.strip() or None
    except OSError:
        return None


def ensure_corpus(n: int, seed: int) -> Path:
    """Generate the corpus of size ``n`` unless the same one is already there."""
    out = CORPUS / str(n)
    manifest = out.with_name(out.name + ".truth") / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        from bench.generate import generator_digest

        same = m.get("n") == n and m.get("seed") == seed
        if same and m.get("generator_sha256") == generator_digest():
            return out
    log(f"generating {n} documents")
    subprocess.run(
        [PY, "-m", "bench.generate", "--n", str(n), "--seed", str(seed), "--out", str(out)],
        cwd=REPO,
        check=True,
    )
    return out


def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement for one corpus size.

    Each step's figures are checkpointed to ``bench/results/nN.partial.json``; with
    ``--resume`` the steps already measured (and whose files are still in ``bench/work``) are
    not run again, so a long run that failed late does not start over.
    """
    corpus = ensure_corpus(n, args.seed)
    work = WORK / str(n)
    partial = RESULTS / f"n{n}.partial.json"
    records, nquads, store_dir = work / "records.jsonl", work / "dump.nq", work / "store"
    mix = work / "mix.json"
    res: dict[str, Any] = {}
    kept = store_dir.exists() and (records.exists() or n > args.full_max)
    if args.resume and partial.exists() and kept:
        res = json.loads(partial.read_text(encoding="utf-8"))
        log(f"{n}: resuming, done: {', '.join(k for k in res if isinstance(res[k], dict))}")
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    res.update(
        n=n,
        seed=args.seed,
        corpus_mb=round(sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6, 1),
    )

    def step(key: str, what: str, run: Any) -> Any:
        if key not in res:
            log(f"{n}: {what}")
            res[key] = run()
            partial.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n")
        return res[key]

    if n > args.full_max:
        # past --full-max, what a user does (policykg load, then serve), on disk only
        memory = (
            f"not run above {args.full_max:,} documents: at 10,000 the in-memory stores held "
            "1.8 GB (Oxigraph) and 8.1 GB (rdflib), growing linearly with the quads"
        )
        timing = f"not run above {args.full_max:,} documents (time); the ingest below covers it"
        for key in ("extract_1", "extract_all", "load_oxigraph", "raw_oxigraph"):
            res.setdefault(key, {"skipped": timing})
        for key in ("load_memory", "raw_memory", "raw_rdflib"):
            res.setdefault(key, {"skipped": memory})
        step(
            "ingest_cli",
            "end-to-end `policykg load` (its store kept for the queries)",
            lambda: ingest_cli(corpus, work, args, keep=store_dir),
        )
    else:
        full_size_steps(n, corpus, work, args, step, res)
    step(
        "mix",
        "choose the query mix",
        lambda: stage(
            "mix",
            "--store",
            f"oxigraph:{store_dir}",
            "--out",
            str(mix),
            "--per-query",
            str(args.per_query),
        ),
    )
    items = json.loads(mix.read_text())
    step(
        "queries_in_process",
        f"queries in process ({len(items)} per round)",
        lambda: stage(
            "queries",
            "--store",
            f"oxigraph:{store_dir}",
            "--mix",
            str(mix),
            "--rounds",
            str(args.rounds),
        ),
    )
    step(
        "serve",
        "policykg serve",
        lambda: serve_policykg(f"oxigraph:{store_dir}", items, args.rounds),
    )
    step(
        "rdflib_endpoint",
        "rdflib-endpoint",
        lambda: serve_rdflib(nquads, items, args.rdflib_rounds, n, args),
    )
    if n <= args.rdflib_max:
        # ours on exactly the queries the peer answered, so each ratio compares the same items
        step(
            "serve_peer_subset",
            "policykg serve, the peer's queries",
            lambda: serve_policykg(
                f"oxigraph:{store_dir}",
                peer_subset(items, args.rdflib_per_kind, plain=False),
                args.rdflib_rounds,
            ),
        )
        res["ratio"] = ratios(res["serve_peer_subset"], res["rdflib_endpoint"])
        # the same comparison on the straightforward formulations, for both servers
        step(
            "serve_plain",
            "policykg serve, plain formulations",
            lambda: serve_policykg(
                f"oxigraph:{store_dir}",
                peer_subset(items, args.rdflib_per_kind, plain=True),
                args.rdflib_rounds,
            ),
        )
        step(
            "rdflib_endpoint_plain",
            "rdflib-endpoint, plain formulations",
            lambda: serve_rdflib(nquads, items, args.rdflib_rounds, n, args, plain=True),
        )
        res["ratio_plain"] = ratios(res["serve_plain"], res["rdflib_endpoint_plain"])
    if args.virtuoso and n in args.virtuoso:
        step("virtuoso", "Virtuoso", lambda: bench_virtuoso(records, nquads, items, args))
    return res


def full_size_steps(
    n: int, corpus: Path, work: Path, args: argparse.Namespace, step: Any, res: dict[str, Any]
) -> None:
    """The steps run only up to ``--full-max``: extraction alone, every store, the baselines."""
    cores = os.cpu_count() or 1
    records, nquads, store_dir = work / "records.jsonl", work / "dump.nq", work / "store"
    step(
        "extract_1",
        "extract, 1 worker",
        lambda: stage("extract", "--corpus", str(corpus), "--workers", "1", "--out", str(records)),
    )
    step(
        "extract_all",
        f"extract, {cores} workers",
        lambda: stage("extract", "--corpus", str(corpus), "--workers", str(cores)),
    )
    step(
        "load_oxigraph",
        "load → Oxigraph on disk",
        lambda: stage(
            "load",
            "--records",
            str(records),
            "--store",
            f"oxigraph:{store_dir}",
            "--dump",
            str(nquads),
        ),
    )
    step(
        "load_memory",
        "load → Oxigraph in memory",
        lambda: stage("load", "--records", str(records), "--store", "memory:"),
    )
    for target in ("oxigraph", "memory", "rdflib"):
        if target == "rdflib" and n > args.rdflib_max:
            res["raw_rdflib"] = {
                "skipped": f"rdflib baseline only up to {args.rdflib_max} documents"
            }
            continue
        dest = str(work / "raw-store") if target == "oxigraph" else target
        step(
            f"raw_{target}",
            f"raw N-Quads load → {target}",
            lambda dest=dest: stage("raw-load", "--nquads", str(nquads), "--target", dest),
        )
        shutil.rmtree(work / "raw-store", ignore_errors=True)
    step("ingest_cli", "end-to-end `policykg load`", lambda: ingest_cli(corpus, work, args))


def ingest_cli(
    corpus: Path, work: Path, args: argparse.Namespace, keep: Path | None = None
) -> dict[str, Any]:
    """Time ``policykg load CORPUS`` into a fresh on-disk store, as a user runs it; the store
    is moved to ``keep`` when given, else removed."""
    e2e_store = work / "e2e-store"
    shutil.rmtree(e2e_store, ignore_errors=True)
    t = time.perf_counter()
    try:
        proc = subprocess.run(
            [
                str(BIN / "policykg"),
                "load",
                str(corpus),
                "--store",
                f"oxigraph:{e2e_store}",
                "--json",
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
            timeout=args.ingest_timeout,
        )
    except subprocess.TimeoutExpired:
        return {"failed": [f"timed out after {args.ingest_timeout:.0f} s"]}
    finally:
        if keep is not None and e2e_store.exists():
            shutil.rmtree(keep, ignore_errors=True)
            e2e_store.rename(keep)
        shutil.rmtree(e2e_store, ignore_errors=True)
    if proc.returncode not in (0, 1):  # 1 = some files rejected, still a full run
        return {"failed": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    seconds = round(time.perf_counter() - t, 2)
    summary = json.loads(proc.stdout)
    return {
        "seconds": seconds,
        "exit_code": proc.returncode,
        "documents": summary["documents"],
        "rejected": len(summary["rejected"]),
        "quads": summary["triples"],
        # inside the command: extraction and writing overlap (workers extract and map while
        # the main process bulk-loads); linking and reasoning follow
        "linking_s": summary["seconds"]["linking"],
        "reasoning_s": summary["seconds"]["reasoning"],
        "extract_and_write_s": round(
            summary["seconds"]["total"]
            - summary["seconds"]["linking"]
            - summary["seconds"]["reasoning"],
            2,
        ),
        "note": "policykg load CORPUS into a fresh on-disk store (extract + load + link + reason)",
    }


def serve_policykg(spec: str, items: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """Start ``policykg serve`` on ``spec``: start-up time, latency over HTTP, peak RSS."""
    port = free_port()
    log(f"policykg serve {spec} on :{port}")
    server = Server(
        [str(BIN / "policykg"), "serve", "--port", str(port), "--store", spec],
        f"http://127.0.0.1:{port}/sparql",
        env={"POLICYKG_QUERY_TIMEOUT": "120"},
    )
    try:
        startup = server.wait_ready()
        result = run_mix_http(server.url, items, rounds)
        result["startup_s"] = round(startup, 3)
        result["peak_rss_mb"] = round(server.peak_rss, 1)
        return result
    finally:
        server.stop()


def peer_subset(items: list[dict[str, Any]], per_kind: int, plain: bool) -> list[dict[str, Any]]:
    """The first ``per_kind`` items of each kind, cheapest kinds first (after a timeout the
    single-threaded peer is still busy, so what follows is not measured); with ``plain`` each
    query in its straightforward formulation where the named query was tuned for Oxigraph."""
    order = ["document detail", "agency measures", "chain up", "cascade", "search"]
    per_label: dict[str, int] = {}
    subset = []
    for item in items:
        per_label[item["label"]] = per_label.get(item["label"], 0) + 1
        if per_label[item["label"]] <= per_kind:
            text = item.get("plain_sparql", item["sparql"]) if plain else item["sparql"]
            subset.append({**item, "sparql": text})
    subset.sort(key=lambda item: order.index(item["label"]) if item["label"] in order else 99)
    return subset


def serve_rdflib(
    nquads: Path,
    items: list[dict[str, Any]],
    rounds: int,
    n: int,
    args: argparse.Namespace,
    *,
    plain: bool = False,
) -> dict[str, Any]:
    """The peer: rdflib-endpoint over the same quads, the same SPARQL over HTTP (a fresh
    server per formulation, so a query still running from a timeout does not slow the next)."""
    if n > args.rdflib_max:
        return {"skipped": f"rdflib-endpoint only up to {args.rdflib_max} documents"}
    port = free_port()
    log(f"rdflib-endpoint on :{port}")
    server = Server(
        [PY, "-m", "bench.stages", "rdflib-serve", "--nquads", str(nquads), "--port", str(port)],
        f"http://127.0.0.1:{port}/",
    )
    try:
        startup = server.wait_ready(timeout=1800)
        result = run_mix_http(
            server.url,
            peer_subset(items, args.rdflib_per_kind, plain),
            rounds,
            timeout=args.rdflib_timeout,
            warmup=False,
            stop_after_timeout=True,
        )
        result["queries_per_kind"] = args.rdflib_per_kind
        result["startup_s"] = round(startup, 3)
        result["peak_rss_mb"] = round(server.peak_rss, 1)
        return result
    finally:
        server.stop()


def _ratio(theirs: float, mine: float) -> float:
    # two significant digits below 1 (the peer faster), one decimal above
    value = theirs / mine
    return round(value, 1 if value >= 1 else 2)


def ratios(ours: dict[str, Any], peer: dict[str, Any]) -> dict[str, Any]:
    """rdflib-endpoint latency over ours, per query kind (p50 and mean)."""
    if "latency_ms" not in peer or "latency_ms" not in ours:
        return {}
    out = {}
    for label, theirs in peer["latency_ms"].items():
        mine = ours["latency_ms"].get(label)
        if mine and mine["p50"] > 0:
            out[label] = {
                "p50": _ratio(theirs["p50"], mine["p50"]),
                "mean": _ratio(theirs["mean"], mine["mean"]),
                # a peer query that timed out was counted at the limit: the ratio is at least this
                "lower_bound": bool((peer.get("timeouts") or {}).get(label))
                or label == "all"
                and bool(peer.get("timeouts")),
            }
    return out


def bench_virtuoso(
    records: Path, nquads: Path, items: list[dict[str, Any]], args: argparse.Namespace
) -> dict[str, Any]:
    """The same data and query mix through ``sparql:…`` on a private Virtuoso on loopback.

    Loading through ``graph.load`` (SPARQL Update over HTTP, a few documents a second) is
    measured on the first ``--virtuoso-load-docs`` records; the whole corpus goes in with
    Virtuoso's bulk loader from the N-Quads dump, as a deployment would load it, and the query
    mix runs on that.
    """
    from tests.virtuoso_fixture import VirtuosoUnavailable, running_virtuoso

    out: dict[str, Any] = {
        "spec": "sparql:http://127.0.0.1:PORT/sparql",
        "buffers": args.virtuoso_buffers,
    }
    try:
        with running_virtuoso(WORK / "virtuoso-a", buffers=args.virtuoso_buffers) as endpoint:
            subset = WORK / "virtuoso-records.jsonl"
            with records.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= args.virtuoso_load_docs:
                        break
                    dst.write(line)
            log(f"virtuoso: graph.load of {args.virtuoso_load_docs} records over SPARQL Update")
            out["load_records"] = stage("load", "--records", str(subset), "--store", endpoint.spec)
        with running_virtuoso(WORK / "virtuoso-b", buffers=args.virtuoso_buffers) as endpoint:
            log("virtuoso: bulk load of the N-Quads dump")
            shutil.copy(nquads, endpoint.workdir / "dump.nq")
            t = time.perf_counter()
            endpoint.isql(
                f"ld_dir('{endpoint.workdir}', 'dump.nq', 'https://w3id.org/policykg/graph/default');"
            )
            endpoint.isql("rdf_loader_run();", timeout=7200)
            endpoint.isql("checkpoint;", timeout=3600)
            seconds = time.perf_counter() - t
            import httpx

            count = httpx.get(
                endpoint.query_url,
                params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=600,
            ).json()["results"]["bindings"][0]["n"]["value"]
            out["bulk_load"] = {
                "seconds": round(seconds, 2),
                "quads": int(count),
                "triples_per_s": round(int(count) / seconds),
                "disk_mb": round(
                    sum(p.stat().st_size for p in (endpoint.workdir / "db").glob("*")) / 1e6, 1
                ),
            }
            log("virtuoso: queries in process")
            mix = WORK / "virtuoso-mix.json"
            mix.write_text(json.dumps(items, ensure_ascii=False))
            out["queries_in_process"] = stage(
                "queries", "--store", endpoint.spec, "--mix", str(mix), "--rounds", str(args.rounds)
            )
            out["serve"] = serve_policykg(endpoint.spec, items, args.rounds)
            out["server_rss_mb"] = round(_pid_rss_of_port(endpoint.http_port), 1)
            return out
    except VirtuosoUnavailable as exc:
        return {"skipped": str(exc)}
    finally:
        for name in ("virtuoso-a", "virtuoso-b"):
            shutil.rmtree(WORK / name, ignore_errors=True)


def _pid_rss_of_port(port: int) -> float:
    from bench.serve import tree_rss_mb

    out = subprocess.run(
        ["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=False
    ).stdout
    for part in out.split("pid=")[1:]:
        return tree_rss_mb(int(part.split(",")[0]))
    return 0.0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results and the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the query mix")
    parser.add_argument("--rdflib-rounds", type=int, default=1, help="passes for rdflib-endpoint")
    parser.add_argument(
        "--rdflib-max", type=int, default=10_000, help="largest size for the rdflib baseline"
    )
    parser.add_argument("--per-query", type=int, default=8, help="parameter values per named query")
    parser.add_argument(
        "--full-max",
        type=int,
        default=10_000,
        help="largest size for every step; above it only policykg load, the queries and serve",
    )
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=120,
        help="seconds one rdflib-endpoint query may take",
    )
    parser.add_argument(
        "--virtuoso-load-docs", type=int, default=300, help="records loaded through graph.load"
    )
    parser.add_argument("--resume", action="store_true", help="keep the steps already measured")
    parser.add_argument(
        "--ingest-timeout", type=float, default=1800, help="limit for `policykg load`, seconds"
    )
    parser.add_argument(
        "--rdflib-per-kind",
        type=int,
        default=3,
        help="queries of each kind sent to rdflib-endpoint",
    )
    parser.add_argument(
        "--virtuoso", default="10000", help="sizes to run on Virtuoso too ('' for none)"
    )
    parser.add_argument(
        "--virtuoso-buffers",
        type=int,
        default=170_000,
        help="Virtuoso NumberOfBuffers (8 KiB pages)",
    )
    args = parser.parse_args(argv)
    args.virtuoso = [int(x) for x in args.virtuoso.split(",") if x.strip()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    info = machine()
    (RESULTS / "machine.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n")
    for n in (int(x) for x in args.sizes.split(",")):
        started = time.perf_counter()
        res = bench_size(n, args)
        res["machine"] = info
        res["total_seconds"] = round(time.perf_counter() - started, 1)
        (RESULTS / f"n{n}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n")
        (RESULTS / f"n{n}.partial.json").unlink(missing_ok=True)
        log(f"{n}: done in {res['total_seconds']} s")
    from bench.report import write_report

    write_report(RESULTS, REPO / "docs" / "benchmarks.md")
    log("wrote docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
