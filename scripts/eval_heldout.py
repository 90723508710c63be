"""Score the extractor, blind, on the held-out set of real local quality plans.

Run: ``PYTHONPATH=. .venv/bin/python scripts/eval_heldout.py [--out bench/results/heldout.json]
[--verbose] [--set DIR]``

The set (``data/heldout/local``) holds excerpts of real provincial, city, county and district
plans exactly as a stored copy of their web pages gave them, labelled by reading before the
extractor ever ran on them (``data/heldout/README.md``). Nobody tunes rules on it: the figures
are the honest measure of how the extractor does on documents it has never seen.

Every text is loaded through :func:`loaders.extract.extract_file`, the entry ``policykg
extract`` and ``policykg load`` use. The comparisons are imported, not rewritten:
metadata fields are compared with :func:`eval_metadata.comparable` over
:data:`eval_metadata.FIELDS`; targets and measure–agency pairs with
:func:`eval_extraction.label_keys`, :func:`eval_extraction.found_keys` and
:func:`eval_extraction.score`, summed and printed by its ``_figures`` and ``_print_table``.
``--verbose`` lists every mismatch (for the lead, not for tuning).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from eval_extraction import _figures, _print_table, found_keys, label_keys, score  # noqa: E402
from eval_metadata import FIELDS, comparable  # noqa: E402

from loaders.errors import RejectedDocument  # noqa: E402
from loaders.extract import extract_file  # noqa: E402
from loaders.record import PolicyDocument  # noqa: E402

HELDOUT = REPO / "data" / "heldout" / "local"
FACT_KINDS = ("measure agencies", "targets")


def _load(path: Path) -> tuple[PolicyDocument | None, str | None]:
    try:
        return extract_file(path), None
    except RejectedDocument as rejected:
        return None, rejected.reason


def evaluate(root: Path = HELDOUT) -> dict[str, Any]:
    """Per-field metadata accuracy, fact P/R/F1 and every mismatch over the held-out set."""
    meta_labels = json.loads((root / "labels" / "metadata.json").read_text(encoding="utf-8"))
    documents: dict[str, Any] = meta_labels["documents"]
    right = dict.fromkeys(FIELDS, 0)
    by_level: dict[str, Counter[str]] = {}
    totals = {kind: [0, 0, 0] for kind in FACT_KINDS}
    label_counts: Counter[str] = Counter()
    mismatches: list[dict[str, Any]] = []
    rejected: dict[str, str] = {}
    for name in sorted(documents):
        doc, reason = _load(root / "texts" / name)
        if reason is not None:
            rejected[name] = reason
        record = doc.to_json_dict() if doc is not None else {}
        expected = documents[name]
        level = by_level.setdefault(expected["level"], Counter())
        level["documents"] += 1
        for field in FIELDS:
            want, got = comparable(field, expected.get(field)), comparable(field, record.get(field))
            if want == got:
                right[field] += 1
                level[field] += 1
            else:
                mismatches.append(
                    {"document": name, "kind": field, "expected": want, "extracted": got}
                )
        facts = json.loads(
            (root / "labels" / "facts" / f"{Path(name).stem}.json").read_text(encoding="utf-8")
        )
        exp = label_keys(facts)
        if doc is None:
            found: dict[str, Counter[tuple[Any, ...]]] = {k: Counter() for k in FACT_KINDS}
        else:
            found = found_keys(doc, facts)
        for kind in FACT_KINDS:
            if kind not in exp:
                continue
            label_counts[kind] += sum(exp[kind].values())
            for i, v in enumerate(score(exp[kind], found[kind])):
                totals[kind][i] += v
            for key in sorted((exp[kind] - found[kind]).elements(), key=str):
                mismatches.append({"document": name, "kind": kind, "missing": list(key)})
            for key in sorted((found[kind] - exp[kind]).elements(), key=str):
                mismatches.append({"document": name, "kind": kind, "extra": list(key)})
    n = len(documents)
    return {
        "set": str(root.relative_to(REPO)) if root.is_relative_to(REPO) else str(root),
        "documents": n,
        "rejected": rejected,
        "labels": dict(label_counts),
        "metadata": {f: round(100 * right[f] / n, 1) if n else 0.0 for f in FIELDS},
        "metadata_mean": round(100 * sum(right.values()) / (n * len(FIELDS)), 1) if n else 0.0,
        "metadata_by_level": {
            lvl: {
                "documents": c["documents"],
                "mean": round(100 * sum(c[f] for f in FIELDS) / (c["documents"] * len(FIELDS)), 1),
            }
            for lvl, c in sorted(by_level.items())
        },
        "facts": {kind: _figures(*totals[kind]) for kind in FACT_KINDS},
        "mismatches": mismatches,
    }


def table(result: dict[str, Any]) -> str:
    """The metadata part of the printed report: accuracy per field, mean per level."""
    lines = [
        f"{result.get('set', 'held-out local set')}: {result['documents']} documents, "
        f"{len(result['rejected'])} rejected"
    ]
    lines.append(f"{'field':<12}{'accuracy':>10}")
    for field in FIELDS:
        lines.append(f"{field:<12}{result['metadata'][field]:>9.1f}%")
    lines.append(f"{'mean':<12}{result['metadata_mean']:>9.1f}%")
    for lvl, row in result["metadata_by_level"].items():
        lines.append(f"  {lvl + ' (' + str(row['documents']) + ')':<18}{row['mean']:>7.1f}% mean")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score, print the table (and with ``--verbose`` the mismatches), write ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "heldout.json")
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument(
        "--set",
        type=Path,
        default=HELDOUT,
        help="a labelled set laid out like data/heldout/local (texts/, labels/); "
        "e.g. data/labels/local, the tuning set",
    )
    args = parser.parse_args(argv)
    result = evaluate(args.set)
    print(table(result))
    print()
    _print_table(result["facts"])
    for name, reason in result["rejected"].items():
        print(f"[rejected] {name}: {reason}")
    if args.verbose:
        for m in result["mismatches"]:
            detail = {k: v for k, v in m.items() if k not in ("document", "kind")}
            print(f"  {m['document']} {m['kind']}: {json.dumps(detail, ensure_ascii=False)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # The file keeps the figures only: the mismatches stay on the terminal of whoever asks for
    # them, so the set is not turned into a tuning target by reading a committed list.
    figures_only = {k: v for k, v in result.items() if k != "mismatches"}
    args.out.write_text(
        json.dumps(figures_only, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
