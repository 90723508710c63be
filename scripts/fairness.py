#!/usr/bin/env python3
"""How long a trivial query waits while heavy ones hit the time limit (issue 17, hole 4).

Starts the server (``api.server.serve``) as its own process on a free 127.0.0.1 port over a
temporary on-disk copy of the bundled corpus, then runs ``--heavy`` concurrent clients that
each send, again and again, a query that runs until the time limit stops it (a 10^9-row
cartesian COUNT), while one prober sends ``ASK {}`` every ``--interval`` seconds. Prints the
prober's latency percentiles and status counts (and writes them as JSON with ``--output``).
Figures, not assertions: the machine is shared.

    .venv/bin/python scripts/fairness.py                     # 50 heavy clients, 30 s
    .venv/bin/python scripts/fairness.py --code /tmp/old     # the same against another tree
    .venv/bin/python scripts/fairness.py --url http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
HEAVY = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"VALUES ?{v} {{ 1 2 3 4 5 6 7 8 9 10 }}" for v in "abcdefghi")
    + " }"
)
TRIVIAL = "ASK {}"


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (nan when empty)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def start_server(
    code: Path,
    corpus: Path,
    workdir: Path,
    timeout: float,
    settings: dict[str, str] | None = None,
) -> tuple[Any, str]:
    """Load ``corpus`` with ``code``'s loader into a store in ``workdir`` and serve it
    (``settings``: more ``POLICYKG_*`` variables for the server)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    store = workdir / "store"
    load = (
        "import sys; from pathlib import Path; from loaders.extract import iter_extract; "
        "from graph.load import load_records; from graph.stores import open_store; "
        f"s = open_store('oxigraph:{store}'); "
        f"load_records(s, [r for _, r in iter_extract([Path('{corpus}')]) "
        "if not isinstance(r, Exception)]); s.close()"
    )
    subprocess.run([sys.executable, "-c", load], cwd=code, env={**env, "PYTHONPATH": str(code)})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env.update(
        PYTHONPATH=str(code),
        POLICYKG_STORE=f"oxigraph:{store}",
        POLICYKG_PORT=str(port),
        POLICYKG_QUERY_TIMEOUT=str(timeout),
    )
    env.update(settings or {})
    serve = "from api.server import serve; from api.settings import Settings; serve(Settings())"
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", serve], cwd=code, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/sparql", params={"query": TRIVIAL}).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start; see {workdir / 'server.log'}")


async def measure(url: str, heavy: int, seconds: float, interval: float) -> dict[str, Any]:
    """Run the heavy clients and the prober for ``seconds``; the prober's figures."""
    stop = asyncio.Event()
    heavy_statuses: Counter[str] = Counter()

    async def heavy_client(client: httpx.AsyncClient) -> None:
        while not stop.is_set():
            try:
                response = await client.get("/sparql", params={"query": HEAVY})
                heavy_statuses[str(response.status_code)] += 1
            except httpx.HTTPError as exc:
                heavy_statuses[type(exc).__name__] += 1

    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    limits = httpx.Limits(max_connections=heavy + 10)
    async with (
        httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as pool,
        httpx.AsyncClient(base_url=url, timeout=60) as prober,
    ):
        tasks = [asyncio.create_task(heavy_client(pool)) for _ in range(heavy)]
        await asyncio.sleep(2.0)  # every heavy client has sent its first query
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            started = time.perf_counter()
            try:
                response = await prober.get("/sparql", params={"query": TRIVIAL})
                statuses[str(response.status_code)] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(interval)
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "heavy_clients": heavy,
        "probes": len(latencies),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "max_ms": round(1000 * max(latencies, default=float("nan")), 1),
        "probe_statuses": dict(statuses),
        "heavy_statuses": dict(heavy_statuses),
    }


def main() -> None:
    """Parse the options, start (or reach) the server, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="measure an already running server")
    parser.add_argument("--code", type=Path, default=REPO, help="source tree to serve")
    parser.add_argument("--corpus", type=Path, default=REPO / "data" / "corpus")
    parser.add_argument("--heavy", type=int, default=50, help="concurrent heavy clients")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to probe")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between probes")
    parser.add_argument("--timeout", type=float, default=10.0, help="POLICYKG_QUERY_TIMEOUT")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    process = None
    with tempfile.TemporaryDirectory(prefix="policykg-fairness-") as workdir:
        url = args.url
        if not url:
            process, url = start_server(
                args.code.resolve(), args.corpus.resolve(), Path(workdir), args.timeout
            )
        try:
            figures = asyncio.run(measure(url, args.heavy, args.seconds, args.interval))
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    figures["code"] = str(args.code)
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.output:
        args.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
