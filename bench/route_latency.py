"""p95 latency of every named query and every REST route over HTTP, on a running store.

Starts ``policykg serve`` on the store (this checkout's code), draws parameters from what is
loaded (documents, agencies, indicator concepts, regions: seeded, so two runs ask the same
questions), and sends each request ``--rounds`` times after a warm-up. Named queries are asked
for a page (``limit=50``), as the views and REST routes ask for them. Prints one line per
route with p50/p95/p99 and whether p95 is under the bar, and writes the figures as JSON.

    python -m bench.route_latency --store oxigraph:/tmp/s10k --out bench/results/routes.json

Figures are measured, never asserted; on a shared machine they are pessimistic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from bench.latency import summarize
from bench.serve import Server, free_port

PAGE = 50
KEYWORDS = ("名牌", "质量奖", "首席质量官", "标准化")


def _pick(store: Any, sparql: str, rng: random.Random, k: int) -> list[str]:
    from graph.sparql import PREFIXES

    values = sorted(str(row[0].value) for row in store.query(PREFIXES + sparql))
    return rng.sample(values, k=min(k, len(values)))


def pools(spec: str, k: int, seed: int = 1) -> dict[str, list[str]]:
    """Parameter values drawn from the store: ``k`` of each kind."""
    from graph.stores import open_store

    rng = random.Random(seed)
    store = open_store(spec)
    try:
        return {
            "doc": _pick(
                store, "SELECT DISTINCT ?d WHERE { ?d a pkg:PolicyDocument ; eli:title ?t }", rng, k
            ),
            "implemented": _pick(
                store, "SELECT DISTINCT ?d WHERE { ?x eli:ensures_implementation_of ?d }", rng, k
            ),
            "agency": _pick(store, "SELECT DISTINCT ?a WHERE { ?r pkg:roleAgency ?a }", rng, k),
            "concept": _pick(
                store, "SELECT DISTINCT ?c WHERE { ?t a pkg:Target ; pkg:indicator ?c }", rng, k
            ),
            "measure": _pick(store, "SELECT DISTINCT ?m WHERE { ?r pkg:roleMeasure ?m }", rng, k),
            "province": _pick(
                store,
                "SELECT DISTINCT ?r WHERE { ?d pkg:level <https://w3id.org/policykg/concept/level/"
                "province> ; eli:jurisdiction ?r }",
                rng,
                k,
            ),
        }
    finally:
        store.close()


def _slug(iri: str, base: str) -> str:
    return iri.removeprefix(base)


def requests(values: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(label, URL path) of every named query and REST route, for each drawn value."""
    from graph import queries
    from ontology import terms

    out: list[tuple[str, str]] = []
    by_type = {
        "doc": values["doc"],
        "iri": values["agency"],
        "concept": values["concept"],
        "region": values["province"],
        "string": list(KEYWORDS),
        "int": ["2014"],
    }
    special = {
        ("chain_down", "doc"): values["implemented"],
        ("measure_fate", "measure"): values["measure"],
        ("agency_type_measures", "type"): ["market-regulation", "quality-supervision"],
        ("agency_measures", "role"): [""],
        ("document_list", "level"): ["city"],
    }
    for entry in queries.catalog():
        required = [p for p in entry.parameters if not p.optional]
        n = max(1, len(values["doc"]))
        for i in range(n):
            params: dict[str, str] = {"limit": str(PAGE)}
            for p in required:
                pool = special.get((entry.name, p.name)) or by_type[p.type]
                params[p.name] = pool[i % len(pool)]
            query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items() if v)
            out.append((f"/queries/{entry.name}", f"/queries/{entry.name}?{query}"))
    for i in range(len(values["doc"])):
        doc = _slug(values["doc"][i], terms.DOC_BASE)
        agency = quote(_slug(values["agency"][i % len(values["agency"])], terms.AGENCY_BASE))
        concept = _slug(values["concept"][i % len(values["concept"])], terms.INDICATOR_SCHEME + "/")
        region = _slug(values["province"][i % len(values["province"])], terms.REGION_BASE)
        keyword = quote(KEYWORDS[i % len(KEYWORDS)])
        out += [
            ("/documents", f"/documents?offset={i * 50}"),
            ("/documents?region", f"/documents?region={region}"),
            ("/documents/{doc}", f"/documents/{doc}"),
            ("/documents/{doc}/text", f"/documents/{doc}/text"),
            ("/agencies", f"/agencies?offset={i * 100}"),
            ("/agencies/{agency}", f"/agencies/{agency}"),
            ("/measures?agency", f"/measures?agency={agency}"),
            ("/measures?keyword", f"/measures?keyword={keyword}"),
            ("/measures", f"/measures?offset={i * 50}"),
            ("/targets", f"/targets?offset={i * 100}"),
            ("/targets?region", f"/targets?region={region}"),
            ("/indicators", "/indicators"),
            ("/indicators/{concept}/cascade", f"/indicators/{concept}/cascade"),
            (
                "/indicators/{concept}/cascade?region",
                f"/indicators/{concept}/cascade?region={region}&level=city",
            ),
            ("/regions", "/regions"),
            ("/search", f"/search?q={keyword}"),
            ("/queries", "/queries"),
        ]
    return out


def measure(base: str, items: list[tuple[str, str]], rounds: int, timeout: float) -> dict[str, Any]:
    """Latency per label over ``rounds`` passes after one warm-up request per label.

    A non-200 answer is an error; a request that times out counts as ``timeout`` and its
    label is not asked again (a query worker is still busy with it)."""
    timings: dict[str, list[float]] = {}
    errors: dict[str, str] = {}
    slow: set[str] = set()
    with httpx.Client(base_url=base, timeout=timeout) as client:
        first = {label: path for label, path in reversed(items)}
        for _ in range(rounds + 1):
            for label, path in items if _ else first.items():
                if label in slow:
                    continue
                t = time.perf_counter()
                try:
                    r = client.get(path)
                except httpx.TimeoutException:
                    slow.add(label)
                    timings.setdefault(label, []).append(timeout * 1000)
                    print(f"timeout {path}", file=sys.stderr, flush=True)
                    continue
                ms = (time.perf_counter() - t) * 1000
                if r.status_code != 200:
                    errors.setdefault(label, f"{path}: HTTP {r.status_code} {r.text[:160]}")
                elif _:
                    timings.setdefault(label, []).append(ms)
                else:
                    print(f"warm-up {ms:9.1f} ms {path}", file=sys.stderr, flush=True)
    return {"latency_ms": summarize(timings), "errors": errors, "timed_out": sorted(slow)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="store spec, e.g. oxigraph:/tmp/s10k")
    parser.add_argument("--per-kind", type=int, default=5, help="values drawn of each kind")
    parser.add_argument("--rounds", type=int, default=4, help="passes over every request")
    parser.add_argument("--bar", type=float, default=50.0, help="p95 bar, ms")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    items = requests(pools(args.store, args.per_kind))
    port = free_port()
    repo = Path(__file__).resolve().parent.parent
    server = Server(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--store", args.store],
        f"http://127.0.0.1:{port}/sparql",
        env={"POLICYKG_QUERY_TIMEOUT": str(args.timeout), "PYTHONPATH": str(repo)},
    )
    try:
        server.wait_ready()
        result = measure(f"http://127.0.0.1:{port}", items, args.rounds, args.timeout)
    finally:
        server.stop()
    for label, stats in sorted(result["latency_ms"].items(), key=lambda kv: -kv[1]["p95"]):
        flag = "ok  " if stats["p95"] < args.bar else "MISS"
        print(
            f"{flag} {label:45s} p50 {stats['p50']:8.1f}  p95 {stats['p95']:8.1f}  n={stats['n']}"
        )
    for label, error in result["errors"].items():
        print(f"ERR  {label}: {error}")
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
