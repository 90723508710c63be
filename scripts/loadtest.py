#!/usr/bin/env python3
"""Bounded load test of the HTTP API on loopback: the named-query mix at 1, 10 and 50 clients.

By default it loads the bundled corpus into a temporary on-disk store, starts the server
(``uvicorn api.main:app``) as a separate process on a free 127.0.0.1 port, and sends every
named query (``/queries/NAME`` with sample parameters from the corpus) round-robin from N
concurrent asyncio clients for a fixed number of requests per level. It prints throughput
and latency percentiles per level (and writes them as JSON with ``--output``). Figures, not
assertions: the machine is shared.

    .venv/bin/python scripts/loadtest.py                 # 1, 10, 50 clients, 300 requests each
    .venv/bin/python scripts/loadtest.py --clients 1 10 --requests 100
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:8000   # an already running server
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def mix() -> list[str]:
    """One URL per named query, required parameters filled with values from the corpus."""
    from api.pages import SAMPLE_VALUES
    from graph import queries

    urls = []
    for entry in queries.catalog():
        params = {p.name: SAMPLE_VALUES[p.name] for p in entry.parameters if not p.optional}
        urls.append(str(httpx.URL(f"/queries/{entry.name}", params=params)))
    return urls


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the sorted values lie (nearest rank)."""
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


async def run_level(base: str, urls: list[str], clients: int, requests: int) -> dict[str, Any]:
    """``requests`` requests from ``clients`` concurrent clients; latencies and statuses."""
    latencies: list[float] = []
    by_url: dict[str, list[float]] = {}
    statuses: Counter[int | str] = Counter()
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            for number in counter:
                url = urls[number % len(urls)]
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    statuses[response.status_code] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - started)
                by_url.setdefault(url, []).append(latencies[-1])

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests": len(latencies),
        "seconds": round(elapsed, 3),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 1),
        "p95_ms": round(percentile(ordered, 0.95) * 1000, 1),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
        "median_ms_by_query": {
            url.split("?")[0].removeprefix("/queries/"): round(statistics.median(v) * 1000, 1)
            for url, v in sorted(by_url.items())
        },
    }


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store_dir: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Load the corpus into ``store_dir`` and serve it on a free loopback port."""
    from graph.load import load_paths
    from graph.stores import open_store

    store = open_store(f"oxigraph:{store_dir}")
    report = load_paths(store, [REPO / "data" / "corpus"])
    store.close()
    print(f"loaded {report.documents} documents, {report.triples} triples", file=sys.stderr)
    port = free_port()
    env = {
        **os.environ,
        "POLICYKG_STORE": f"oxigraph:{store_dir}",
        "POLICYKG_QUERY_WORKERS": str(workers),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=REPO,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/queries", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    """Parse arguments, run each concurrency level, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="An already running server (default: start one).")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=300, help="Requests per level.")
    parser.add_argument("--workers", type=int, default=2, help="Query worker processes.")
    parser.add_argument("--output", type=Path, help="Write the figures as JSON here.")
    args = parser.parse_args()

    urls = mix()
    process = None
    with tempfile.TemporaryDirectory(prefix="policykg-load-") as tmp:
        if args.url:
            base = args.url.rstrip("/")
        else:
            process, base = start_server(Path(tmp) / "store", args.workers)
        host = httpx.URL(base).host
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"loopback only: {base}")
        try:
            asyncio.run(run_level(base, urls, 1, len(urls)))  # warm-up: each query once
            results = [asyncio.run(run_level(base, urls, n, args.requests)) for n in args.clients]
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    print(f"{len(urls)} named queries round-robin against {base}")
    print(
        f"{'clients':>7} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  statuses"
    )
    for r in results:
        print(
            f"{r['clients']:>7} {r['requests']:>8} {r['throughput_rps']:>8} {r['p50_ms']:>8} "
            f"{r['p95_ms']:>8} {r['p99_ms']:>8}  {r['statuses']}"
        )
    slowest = sorted(results[0]["median_ms_by_query"].items(), key=lambda kv: -kv[1])[:5]
    print("slowest at", results[0]["clients"], "client(s), median ms:", dict(slowest))
    if args.output:
        args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
