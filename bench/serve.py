"""HTTP side of the benchmark: start a server, time its start-up, run the mix, watch its memory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx

from bench.latency import summarize

JSON = "application/sparql-results+json"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, MB (Linux /proc)."""
    total = 0.0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) / 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack += [int(c) for c in children]
        except (OSError, ValueError):
            continue
    return total


class Server:
    """A server process started from ``argv`` that answers SPARQL at ``url``."""

    def __init__(self, argv: Sequence[str], url: str, env: dict[str, str] | None = None):
        self.url = url
        self.started = time.perf_counter()
        self.log = open(os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            list(argv),
            env={**os.environ, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.peak_rss = 0.0
        self._watching = True
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while self._watching:
            self.peak_rss = max(self.peak_rss, tree_rss_mb(self.proc.pid))
            time.sleep(0.1)

    def wait_ready(self, timeout: float = 600.0) -> float:
        """Seconds from spawn until the endpoint answers ``ASK {}``."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=5.0) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server exited with {self.proc.returncode}")
                try:
                    r = client.get(self.url, params={"query": "ASK {}"}, headers={"Accept": JSON})
                    if r.status_code == 200:
                        return time.perf_counter() - self.started
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        raise RuntimeError(f"{self.url} not ready after {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server and its workers."""
        self._watching = False
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def run_mix_http(
    url: str,
    items: list[dict[str, Any]],
    rounds: int,
    timeout: float = 120.0,
    *,
    warmup: bool = True,
    stop_after_timeout: bool = False,
) -> dict[str, Any]:
    """POST every bound query of the mix to ``url`` ``rounds`` times; latency per label.

    A query that times out counts as taking ``timeout`` (a lower bound, flagged in
    ``timeouts``), so a peer that never answers does not look fast. A single-threaded server
    keeps evaluating a query its client gave up on, so with ``stop_after_timeout`` nothing more
    is sent after the first timeout (the rest is reported in ``not_measured``).
    """
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    timeouts: dict[str, int] = {}
    rows = 0
    with httpx.Client(timeout=timeout) as client:
        # a short warm-up so the figures are of a running server, not of its first request
        for item in items[:: max(1, len(items) // 5)] if warmup else []:
            try:
                client.post(
                    url, data={"query": item["sparql"]}, headers={"Accept": JSON}, timeout=30
                )
            except httpx.HTTPError:
                pass
        not_measured = 0
        for _ in range(rounds):
            for item in items:
                if stop_after_timeout and timeouts:
                    not_measured += 1
                    continue
                t = time.perf_counter()
                try:
                    r = client.post(url, data={"query": item["sparql"]}, headers={"Accept": JSON})
                    ms = (time.perf_counter() - t) * 1000
                    if r.status_code != 200:
                        errors.append(f"{item['label']}: HTTP {r.status_code} {r.text[:200]}")
                        continue
                    rows += len(r.json()["results"]["bindings"])
                except httpx.TimeoutException:
                    timeouts[item["label"]] = timeouts.get(item["label"], 0) + 1
                    timings.setdefault(item["label"], []).append(timeout * 1000)
                    continue
                except (httpx.HTTPError, ValueError, KeyError) as exc:
                    errors.append(f"{item['label']}: {type(exc).__name__} {exc}")
                    continue
                timings.setdefault(item["label"], []).append(ms)
    return {
        "latency_ms": summarize(timings),
        "errors": len(errors),
        "error_examples": errors[:5],
        "timeouts": timeouts,
        "not_measured": not_measured,
        "timeout_s": timeout,
        "rows": rows,
    }
