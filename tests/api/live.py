"""A real policykg server in its own process, over real HTTP on a free loopback port.

The hardening tests need a server that can die: a request that crashes it must show as a
dead process (exit code), not take pytest down with it. ``LiveServer`` starts
``api.server.serve`` with ``POLICYKG_*`` settings in a subprocess over an on-disk store that
the test filled and closed, waits for ``/health``, and stops the process afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from graph.stores import open_store
from tests.api.conftest import EX, fill

ROOT = Path(__file__).resolve().parents[2]
GRAPH_LITERALS = "https://w3id.org/policykg/graph/test-literals"


def free_port() -> int:
    """A TCP port nobody listens on right now (bound then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_store(path: Path) -> str:
    """Fill an on-disk store at ``path`` with the test dataset plus literals ``false``,
    ``true``, ``0`` and ``10.0`` as objects (so ``?s ?p falseSERVICE …`` has a match), close
    it, and return its spec."""
    store = fill(open_store(f"oxigraph:{path}"))
    subject, predicate = ox.NamedNode(f"{EX}flags"), ox.NamedNode(f"{EX}flag")
    values = (False, True, 0, 10.0)
    store.replace_graph(
        GRAPH_LITERALS, [ox.Triple(subject, predicate, ox.Literal(v)) for v in values]
    )
    store.close()
    return f"oxigraph:{path}"


class LiveServer:
    """``python -c serve(Settings())`` on a free port; ``url``, ``process`` and ``log``."""

    def __init__(self, store_spec: str, log: Path, **settings: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
        env.update({f"POLICYKG_{k.upper()}": str(v) for k, v in settings.items()})
        env.update(
            POLICYKG_STORE=store_spec,
            POLICYKG_PORT=str(self.port),
            POLICYKG_HOST="127.0.0.1",
            PYTHONPATH=str(ROOT),
        )
        code = "from api.server import serve; from api.settings import Settings; serve(Settings())"
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            env=env,
            cwd=ROOT,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self.client = httpx.Client(base_url=self.url, timeout=60)
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        """Poll until a trivial query answers; fail with the server log if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.assert_alive()
            try:
                if self.client.get("/sparql", params={"query": "ASK {}"}).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"server never answered:\n{self.log_text()}")

    def wait_healthy(self, timeout: float = 60) -> dict[str, Any]:
        """Poll ``/health`` until it answers ok; fail with the server log if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.assert_alive()
            try:
                response = self.client.get("/health", timeout=2)
                if response.status_code == 200 and response.json()["ok"]:
                    return dict(response.json())
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"server never became healthy:\n{self.log_text()}")

    def assert_alive(self) -> None:
        """Fail, with the server's log, if its process has exited."""
        code = self.process.poll()
        assert code is None, f"the server died (exit code {code}):\n{self.log_text()}"

    def log_text(self) -> str:
        """The last lines the server wrote."""
        self._log_file.flush()
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and close the client."""
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log_file.close()
