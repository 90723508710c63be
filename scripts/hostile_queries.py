#!/usr/bin/env python3
"""The server side of issue 17's figures: worker-killing queries, then is the service still
answering; and does any spelling of SERVICE / LOAD make the server connect out.

Starts the server as its own process over a temporary on-disk copy of the bundled corpus
(:func:`scripts.fairness.start_server`), opens a TCP listener on 127.0.0.1 and then:

1. sends ``--kills`` queries that kill the worker evaluating them (10,000 chained additions
   overflow Oxigraph's stack), counting the statuses, and asks a trivial query and a REST
   route after them (with one retry after a 503 ``Retry-After``, as a client would);
2. sends every bypass spelling of SERVICE and LOAD it knows, as queries on ``/sparql`` and
   ``/viz/query`` and as admin updates, each pointed at the listener, and counts the
   connections the listener saw.

Prints the figures as JSON (and writes them with ``--output``). Figures, not assertions.

    .venv/bin/python scripts/hostile_queries.py
    .venv/bin/python scripts/hostile_queries.py --kills 100 --output queries.json
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "scripts"))
from fairness import start_server  # noqa: E402

TOKEN = "hostile-queries-token"
ENGINE_CRASH = "ASK { FILTER(" + "+".join(["1"] * 10_000) + " = 0) }"


def spellings(url: str) -> list[tuple[str, str]]:
    """Query and update texts that reach ``url`` if the server follows SERVICE or LOAD."""
    inner = "{ ?a ?b ?c }"
    queries = [
        f"SELECT * {{ SERVICE <{url}> {inner} }}",
        f"SELECT * {{ service <{url}> {inner} }}",
        f"SELECT * {{ SERVICE SILENT <{url}> {inner} }}",
        f"SELECT * {{ ?s ?p falseSERVICE <{url}> {inner} }}",
        f"SELECT * {{ ?s ?p trueSERVICE <{url}> {inner} }}",
        f"SELECT * {{ ?s ?p 0SERVICE <{url}> {inner} }}",
        f"SELECT * {{ ?s ?p 1.5e0SERVICE <{url}> {inner} }}",
        f"PREFIX service: <urn:x:> SELECT * {{ SERVICE:x {inner} }}",
        f"SELECT * {{ SERV\\u0049CE <{url}> {inner} }}",
        f"SELECT * {{ #c\nSERVICE <{url}> {inner} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {inner} }} }} }}",
        f"ASK {{ SERVICE <{url}> {inner} }}",
        f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE <{url}> {inner} }}",
    ]
    updates = [
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <urn:x:g>",
        f"load <{url}>",
        f"INSERT {{ <urn:x:a> <urn:x:b> ?c }} WHERE {{ SERVICE <{url}> {inner} }}",
        f"INSERT {{ <urn:x:a> <urn:x:b> ?c }} WHERE {{ ?s ?p falseSERVICE <{url}> {inner} }}",
    ]
    return [("query", q) for q in queries] + [("update", u) for u in updates]


class Listener:
    """A loopback TCP listener that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def answers(client: httpx.Client) -> dict[str, int]:
    """Status of a trivial query and of a REST route (one retry after a 503)."""
    result = {}
    for name, path, params in (
        ("sparql", "/sparql", {"query": "ASK {}"}),
        ("rest", "/documents", {}),
    ):
        response = client.get(path, params=params)
        if response.status_code == 503:
            time.sleep(float(response.headers.get("retry-after", "1")))
            response = client.get(path, params=params)
        result[name] = response.status_code
    return result


def measure(url: str, kills: int, listener: Listener) -> dict[str, Any]:
    """Both parts of the module docstring against the server at ``url``."""
    figures: dict[str, Any] = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        statuses: Counter[int] = Counter()
        started = time.monotonic()
        for _ in range(kills):
            statuses[client.get("/sparql", params={"query": ENGINE_CRASH}).status_code] += 1
        figures["kills"] = {
            "sent": kills,
            "statuses": dict(statuses),
            "seconds": round(time.monotonic() - started, 1),
            "then": answers(client),
            "health": client.get("/health").json(),
        }
        outcomes: Counter[str] = Counter()
        admin = {"Authorization": f"Bearer {TOKEN}"}
        for kind, text in spellings(listener.url):
            if kind == "query":
                for path in ("/sparql", "/viz/query"):
                    status = client.get(path, params={"query": text}).status_code
                    outcomes[f"{path} {status}"] += 1
            else:
                response = client.post(
                    "/sparql",
                    content=text,
                    headers={"Content-Type": "application/sparql-update", **admin},
                )
                outcomes[f"update {response.status_code} {response.json().get('error')}"] += 1
        time.sleep(1.0)
        figures["network"] = {
            "requests": sum(outcomes.values()),
            "statuses": dict(outcomes),
            "listener_connections": listener.connections,
        }
    return figures


def main() -> None:
    """Start the server, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100, help="worker-killing queries to send")
    parser.add_argument("--code", type=Path, default=REPO, help="source tree to serve")
    parser.add_argument("--corpus", type=Path, default=REPO / "data" / "corpus")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    listener = Listener()
    with tempfile.TemporaryDirectory(prefix="policykg-hostile-q-") as workdir:
        process, url = start_server(
            args.code.resolve(),
            args.corpus.resolve(),
            Path(workdir),
            10.0,
            {"POLICYKG_ADMIN_TOKEN": TOKEN},
        )
        try:
            figures = measure(url, args.kills, listener)
            figures["server_alive"] = process.poll() is None
        finally:
            process.terminate()
            process.wait(timeout=30)
            listener.close()
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.output:
        args.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
