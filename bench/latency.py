"""Latency percentiles for the benchmark reports."""

from __future__ import annotations


def percentile(sorted_ms: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of already sorted values, nearest-rank.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.0
    """
    if not sorted_ms:
        return float("nan")
    rank = max(1, round(q / 100 * len(sorted_ms) + 0.5 - 1e-9))
    return sorted_ms[min(len(sorted_ms), rank) - 1]


def summarize(timings: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """p50/p95/p99/mean and count per label, plus ``all`` over every sample.

    >>> summarize({"a": [1.0, 3.0]})["all"]["n"]
    2
    """
    out: dict[str, dict[str, float]] = {}
    everything: list[float] = []
    for label, values in sorted(timings.items()):
        everything += values
        out[label] = _stats(values)
    out["all"] = _stats(everything)
    return out


def _stats(values: list[float]) -> dict[str, float]:
    s = sorted(values)
    return {
        "n": len(s),
        "p50": round(percentile(s, 50), 2),
        "p95": round(percentile(s, 95), 2),
        "p99": round(percentile(s, 99), 2),
        "mean": round(sum(s) / len(s), 2) if s else float("nan"),
    }
