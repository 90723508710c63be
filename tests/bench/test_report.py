"""The benchmark report says what was measured, including the peer's failures."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import write_report
from bench.run import peer_subset, ratios


def _latency(**p50: float) -> dict[str, dict[str, float]]:
    return {
        k.replace("_", " "): {"n": 2, "p50": v, "p95": v, "p99": v, "mean": v}
        for k, v in p50.items()
    }


def test_a_peer_timeout_is_a_lower_bound_and_its_errors_are_shown(tmp_path: Path) -> None:
    ours = {"latency_ms": _latency(search=300.0, chain_up=10.0), "startup_s": 1.2}
    peer = {
        "latency_ms": _latency(search=120_000.0, chain_up=50.0),
        "timeouts": {"search": 1},
        "timeout_s": 120,
        "errors": 2,
        "error_examples": ["document detail: HTTP 422 serialising failed"],
        "not_measured": 3,
    }
    run = {"n": 10, "seed": 1, "serve": ours, "rdflib_endpoint": peer, "ratio": ratios(ours, peer)}
    (tmp_path / "n10.json").write_text(json.dumps(run), encoding="utf-8")
    target = tmp_path / "benchmarks.md"
    write_report(tmp_path, target)
    text = target.read_text(encoding="utf-8")
    assert "search ≥ 400.0×" in text and "chain up 5.0×" in text
    assert "HTTP 422 serialising failed" in text
    assert "3 queries not sent after a timeout" in text


def test_the_peer_gets_a_few_of_each_kind_cheapest_first_in_either_formulation() -> None:
    items = [
        {"label": label, "sparql": f"{label} {i}", "plain_sparql": f"plain {label} {i}"}
        for label in ("search", "cascade", "document detail")
        for i in range(3)
    ]
    shipped = peer_subset(items, 2, plain=False)
    assert [x["sparql"] for x in shipped] == [
        "document detail 0",
        "document detail 1",
        "cascade 0",
        "cascade 1",
        "search 0",
        "search 1",
    ]
    assert [x["sparql"] for x in peer_subset(items, 1, plain=True)] == [
        "plain document detail 0",
        "plain cascade 0",
        "plain search 0",
    ]
