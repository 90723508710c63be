"""Render ``bench/results/*.json`` as the tables in ``docs/benchmarks.md``.

python -m bench.report   # rewrite docs/benchmarks.md from the stored results
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LABELS = ("document detail", "chain up", "agency measures", "cascade", "search", "all")


def _get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _fmt(v: Any, unit: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        v = f"{v:,.1f}" if v < 100 else f"{v:,.0f}"
    elif isinstance(v, int):
        v = f"{v:,}"
    return f"{v}{unit}"


def _latency_row(name: str, block: dict[str, Any] | None) -> str:
    lat = _get(block or {}, "latency_ms") or {}
    cells = [
        f"{_fmt(_get(lat, label, 'p50'))} / {_fmt(_get(lat, label, 'p95'))} / {_fmt(_get(lat, label, 'p99'))}"
        for label in LABELS
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def _ratio_line(ratio: dict[str, Any], what: str, peer: dict[str, Any]) -> str:
    line = f"rdflib-endpoint ÷ `policykg serve`, the same SPARQL text over HTTP, {what} (p50): "
    line += ", ".join(
        f"{k} {'≥ ' if v.get('lower_bound') else ''}{v['p50']}×" for k, v in ratio.items()
    )
    if any(v.get("lower_bound") for v in ratio.values()):
        line += (
            f" (≥: some rdflib-endpoint queries hit the {peer.get('timeout_s')} s limit "
            "and were counted at the limit)"
        )
    return line


def size_section(r: dict[str, Any]) -> list[str]:
    """The tables for one corpus size."""
    n = r["n"]
    e1, ea = r.get("extract_1", {}), r.get("extract_all", {})
    out = [
        f"## {n:,} documents ({r.get('corpus_mb')} MB of text, seed {r.get('seed')})",
        "",
        "### Ingest",
        "",
        "| step | figure |",
        "|---|---|",
        f"| extraction, 1 worker | {_fmt(e1.get('docs_per_s'))} docs/s ({_fmt(e1.get('seconds'))} s; {_fmt(e1.get('rejected'))} files rejected) |",
        f"| extraction, {_fmt(ea.get('workers'))} workers | {_fmt(ea.get('docs_per_s'))} docs/s ({_fmt(ea.get('seconds'))} s) |",
        "| `policykg load` end to end (extract + load + link + reason, on-disk store) | "
        + (
            f"failed: {_get(r, 'ingest_cli', 'failed')}"
            if _get(r, "ingest_cli", "failed")
            else f"{_fmt(_get(r, 'ingest_cli', 'seconds'))} s"
        )
        + " |",
        f"| … of which extraction and writing (overlapped) / linking / reasoning | {_fmt(_get(r, 'ingest_cli', 'extract_and_write_s'), ' s')} / {_fmt(_get(r, 'ingest_cli', 'linking_s'), ' s')} / {_fmt(_get(r, 'ingest_cli', 'reasoning_s'), ' s')} |",
        "",
        "### Load and store size",
        "",
        "| store | path | quads | seconds | triples/s | peak RSS | on disk |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, store, path in (
        ("load_oxigraph", "Oxigraph on disk", "`graph.load.load_records`"),
        ("load_memory", "Oxigraph in memory", "`graph.load.load_records`"),
        ("raw_oxigraph", "Oxigraph on disk", "bulk load of the N-Quads dump"),
        ("raw_memory", "Oxigraph in memory", "bulk load of the N-Quads dump"),
        ("raw_rdflib", "rdflib `Dataset` (baseline)", "parse of the N-Quads dump"),
    ):
        b = r.get(key) or {}
        if "skipped" in b:
            out.append(f"| {store} | {path} | {b['skipped']} | | | | |")
            continue
        out.append(
            f"| {store} | {path} | {_fmt(b.get('quads'))} | {_fmt(b.get('seconds'))} | "
            f"{_fmt(b.get('triples_per_s'))} | {_fmt(b.get('peak_rss_mb'), ' MB')} | {_fmt(b.get('disk_mb'), ' MB')} |"
        )
    serve = r.get("serve") or {}
    peer = r.get("rdflib_endpoint") or {}
    out += [
        "",
        "### Query latency, ms (p50 / p95 / p99)",
        "",
        "| where | " + " | ".join(LABELS) + " |",
        "|---|" + "---|" * len(LABELS),
        _latency_row("in process, Oxigraph on disk", r.get("queries_in_process")),
        _latency_row("HTTP `/sparql`, `policykg serve`", serve),
        _latency_row(
            "HTTP `/sparql`, `policykg serve`, only the peer's queries",
            r.get("serve_peer_subset"),
        ),
        _latency_row(
            "HTTP, rdflib-endpoint (same SPARQL)", peer if "skipped" not in peer else None
        ),
    ]
    virt = r.get("virtuoso") or {}
    if virt and "skipped" not in virt:
        out += [
            _latency_row("in process, `sparql:` → Virtuoso", virt.get("queries_in_process")),
            _latency_row("HTTP `/sparql`, `policykg serve` on Virtuoso", virt.get("serve")),
        ]
    plain_peer = r.get("rdflib_endpoint_plain") or {}
    if r.get("serve_plain"):
        out += [
            _latency_row("HTTP `/sparql`, `policykg serve`, plain formulations", r["serve_plain"]),
            _latency_row(
                "HTTP, rdflib-endpoint, plain formulations",
                plain_peer if "skipped" not in plain_peer else None,
            ),
        ]
    for key, what, block in (
        ("ratio", "the named queries as shipped", peer),
        ("ratio_plain", "their plain formulations", plain_peer),
    ):
        ratio = r.get(key) or {}
        if ratio:
            out += ["", _ratio_line(ratio, what, block)]
    for block, what in ((peer, "named queries"), (plain_peer, "plain formulations")):
        if block.get("error_examples"):
            out += [
                "",
                f"rdflib-endpoint errors ({what}): {block['errors']}, e.g. "
                f"`{block['error_examples'][0][:160]}`",
            ]
        if block.get("not_measured"):
            out += [
                "",
                f"rdflib-endpoint ({what}): {block['not_measured']} queries not sent after a "
                f"timeout (the single-threaded server was still busy with it).",
            ]
    if "skipped" in peer:
        out += ["", f"rdflib-endpoint: {peer['skipped']}."]
    out += [
        "",
        "### Serving",
        "",
        "| figure | value |",
        "|---|---|",
        f"| `policykg serve` start-up on the existing store (spawn → first answer) | {_fmt(serve.get('startup_s'), ' s')} |",
        f"| `policykg serve` peak RSS during the mix (server + query workers) | {_fmt(serve.get('peak_rss_mb'), ' MB')} |",
        f"| load peak RSS (on-disk store) | {_fmt(_get(r, 'load_oxigraph', 'peak_rss_mb'), ' MB')} |",
        f"| rdflib-endpoint start-up (parse) / peak RSS | {_fmt(peer.get('startup_s'), ' s')} / {_fmt(peer.get('peak_rss_mb'), ' MB')} |",
        f"| HTTP errors (ours / rdflib-endpoint) | {_fmt(serve.get('errors'))} / {_fmt(peer.get('errors'))} |",
    ]
    if virt:
        if "skipped" in virt:
            out += ["", f"Virtuoso: {virt['skipped']}."]
        else:
            vl = virt.get("load_records") or {}
            vb = virt.get("bulk_load") or {}
            out += [
                f"| Virtuoso: `graph.load` over SPARQL Update, first {_fmt(vl.get('documents'))} documents | {_fmt(vl.get('seconds'), ' s')} ({_fmt(vl.get('triples_per_s'))} triples/s incl. the vocabularies) |",
                f"| Virtuoso: bulk loader (`ld_dir` + `rdf_loader_run`) of the whole dump | {_fmt(vb.get('seconds'), ' s')} ({_fmt(vb.get('triples_per_s'))} triples/s, {_fmt(vb.get('quads'))} quads, {_fmt(vb.get('disk_mb'), ' MB')} on disk) |",
                f"| Virtuoso server RSS after the mix | {_fmt(virt.get('server_rss_mb'), ' MB')} |",
                f"| `policykg serve` on Virtuoso: start-up / peak RSS | {_fmt(_get(virt, 'serve', 'startup_s'), ' s')} / {_fmt(_get(virt, 'serve', 'peak_rss_mb'), ' MB')} |",
            ]
    out.append("")
    return out


def ingest_section(path: Path) -> list[str]:
    """Figures measured by hand while working on ingest (``bench/results/ingest.json``: a
    list of {what, figure, command, load}), with the load average each was taken under."""
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        "## Ingest by stage, incremental load, alignment share",
        "",
        "Measured with the commands shown, one at a time, on the shared machine: the load",
        "average (1 min) beside each figure says how many other processes wanted the 2 cores.",
        "",
        "| what | figure | load average | command |",
        "|---|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['what']} | {row['figure']} | {row['load']} | `{row['command']}` |")
    return lines + [""]


def write_report(results: Path, target: Path) -> None:
    """Rewrite ``target`` from every ``n*.json`` under ``results``."""
    runs = sorted(
        (json.loads(p.read_text(encoding="utf-8")) for p in results.glob("n*.json")),
        key=lambda r: r["n"],
    )
    m = runs[0].get("machine", {}) if runs else {}
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`bench/run.py`) from `bench/results/*.json`; do not edit by hand.",
        "The corpus is synthetic (`python -m bench.generate`), written in the house styles of the real",
        "captures, and goes through the same loader, extractor and graph code as real files.",
        "Figures are measured, never asserted; the machine is shared, so treat small differences as noise.",
        "",
        f"Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('memory_gib')} GiB RAM, {m.get('os')}; "
        f"Python {m.get('python')}, pyoxigraph {m.get('pyoxigraph')}, rdflib {m.get('rdflib')}, "
        f"Virtuoso {m.get('virtuoso')}; measured {m.get('date')}.",
        "",
    ]
    for r in runs:
        lines += size_section(r)
    lines += ingest_section(results / "ingest.json")
    target.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    write_report(REPO / "bench" / "results", REPO / "docs" / "benchmarks.md")
