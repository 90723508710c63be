"""Precision and recall of measure alignment (graph.alignment) against the hand-aligned set.

Loads the seed corpus into an in-memory store through the real loader (so alignment runs
exactly as at ingest), reads every ``data/labels/alignment/*.json`` file and prints, per kind
(carried out at all, copied, adapted, added, not taken up), how many links the hand labels
have, how many the graph has, how many agree, and precision / recall / F1.

    python scripts/eval_alignment.py                 # the stored alignment
    python scripts/eval_alignment.py --sweep         # also: other thresholds and features
    python scripts/eval_alignment.py --show-errors   # the disagreements, with both openings

Labelled measures are found by the opening words the label gives (robust to renumbering);
a label whose measure is not found is reported, never silently dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph.alignment import (  # noqa: E402
    ADAPTED_MIN,
    MeasureRow,
    align_documents,
    bigrams,
)
from graph.alignment import stored_measures as read_measures  # noqa: E402
from graph.load import load_paths  # noqa: E402
from graph.sparql import select, value  # noqa: E402
from graph.stores import open_store  # noqa: E402

KINDS = ("carried out", "copied", "adapted", "added", "not taken up")


def _find(measures: list[MeasureRow], spec: dict[str, str]) -> str | None:
    opening = spec["opening"].replace("，", ",")
    for measure in measures:
        if measure.text.replace("，", ",").startswith(opening):
            return measure.iri
    for measure in measures:
        if measure.path == spec["path"] and opening[:4] in measure.text:
            return measure.iri
    return None


def gold_sets(
    labels: dict[str, Any], low: list[MeasureRow], high: list[MeasureRow]
) -> dict[str, set[Any]]:
    """The hand labels as sets of (lower, higher[, kind]) links and measure IRIs."""
    missing: list[str] = []

    def find(measures: list[MeasureRow], spec: dict[str, str]) -> str:
        iri = _find(measures, spec)
        if iri is None:
            missing.append(f"{spec['path']} {spec['opening']}")
            return "missing:" + spec["opening"]
        return iri

    gold: dict[str, set[Any]] = {k: set() for k in KINDS}
    for link in labels["links"]:
        pair = (find(low, link["lower"]), find(high, link["higher"]))
        gold["carried out"].add(pair)
        gold[link["kind"]].add(pair)
    gold["added"] = {find(low, m) for m in labels["added"]}
    gold["not taken up"] = {find(high, m) for m in labels["not_taken_up"]}
    for text in missing:
        print(f"  label not matched to an extracted measure: {text}", file=sys.stderr)
    return gold


def predicted_sets(pair: Any) -> dict[str, set[Any]]:
    """An aligned pair as the same sets."""
    found: dict[str, set[Any]] = {k: set() for k in KINDS}
    for link in pair.links:
        found["carried out"].add((link.lower, link.higher))
        found[link.kind].add((link.lower, link.higher))
    found["added"] = set(pair.added)
    found["not taken up"] = set(pair.not_taken_up)
    return found


def score(
    gold: dict[str, set[Any]], found: dict[str, set[Any]], totals: dict[str, Counter[str]]
) -> None:
    for kind in KINDS:
        total = totals.setdefault(kind, Counter())
        total["gold"] += len(gold[kind])
        total["found"] += len(found[kind])
        total["agree"] += len(gold[kind] & found[kind])


def table(totals: dict[str, Counter[str]]) -> list[dict[str, Any]]:
    rows = []
    for kind in KINDS:
        c = totals[kind]
        p = c["agree"] / c["found"] if c["found"] else None
        r = c["agree"] / c["gold"] if c["gold"] else None
        f = 2 * p * r / (p + r) if p and r else None
        rows.append({"kind": kind, **c, "precision": p, "recall": r, "f1": f})
    return rows


def fmt(x: float | None) -> str:
    return "   –" if x is None else f"{x:.2f}"


def print_table(rows: list[dict[str, Any]], title: str) -> None:
    print(title)
    print(f"  {'kind':<13} {'gold':>5} {'found':>6} {'agree':>6}  {'P':>5} {'R':>5} {'F1':>5}")
    for r in rows:
        print(
            f"  {r['kind']:<13} {r['gold']:>5} {r['found']:>6} {r['agree']:>6}  "
            f"{fmt(r['precision']):>5} {fmt(r['recall']):>5} {fmt(r['f1']):>5}"
        )


def word_grams(text: str) -> Counter[str]:
    """jieba words (the alternative to character bigrams, for --sweep)."""
    import jieba

    return Counter(w for w in jieba.lcut(text) if w.strip() and any(c.isalnum() for c in w))


def char_2_3_grams(text: str) -> Counter[str]:
    """Character bigrams and trigrams (the alternative with longer context, for --sweep)."""
    grams = bigrams(text)
    for run in re.findall(r"\w+", text):
        grams.update(run[i : i + 3] for i in range(len(run) - 2))
    return grams


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO / "data" / "corpus"))
    parser.add_argument("--labels", default=str(REPO / "data" / "labels" / "alignment"))
    parser.add_argument(
        "--sweep", action="store_true", help="also try other thresholds and features"
    )
    parser.add_argument("--show-errors", action="store_true", help="list disagreements")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    store = open_store("memory:")
    load_paths(store, sorted(Path(args.corpus).glob("*.txt")))
    measures = read_measures(store, with_paths=True)
    doc_of = {
        Path(str(value(r["source"]))).name: str(value(r["d"]))
        for r in select(
            store, "SELECT ?d ?source WHERE { ?d a pkg:PolicyDocument ; dcterms:source ?source }"
        )
    }
    by_doc: dict[str, list[MeasureRow]] = {}
    for m in measures:
        by_doc.setdefault(m.doc, []).append(m)
    labelled = []
    for path in sorted(Path(args.labels).glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        low, high = doc_of[labels["lower"]], doc_of[labels["higher"]]
        labelled.append((path.name, labels, low, high))
    pairs = [(low, high) for _, _, low, high in labelled]

    def evaluate(**options: Any) -> tuple[list[dict[str, Any]], list[str]]:
        totals: dict[str, Counter[str]] = {}
        errors: list[str] = []
        aligned = {
            (p.lower_doc, p.higher_doc): p for p in align_documents(measures, pairs, **options)
        }
        text = {m.iri: f"{m.path} {m.text[:24]}" for m in measures}
        for name, labels, low, high in labelled:
            gold = gold_sets(labels, by_doc.get(low, []), by_doc.get(high, []))
            found = predicted_sets(aligned[(low, high)])
            score(gold, found, totals)
            for kind in ("carried out", "added", "not taken up"):
                for item in sorted(found[kind] - gold[kind], key=str):
                    errors.append(f"{name} extra {kind}: {_show(item, text)}")
                for item in sorted(gold[kind] - found[kind], key=str):
                    errors.append(f"{name} missed {kind}: {_show(item, text)}")
        return table(totals), errors

    rows, errors = evaluate()
    figures: dict[str, Any] = {
        "default": {"adapted_min": ADAPTED_MIN, "features": "char bigrams", "rows": rows}
    }
    if not args.json:
        print_table(rows, f"stored alignment (char-bigram TF-IDF, adapted ≥ {ADAPTED_MIN}):")
        if args.show_errors:
            print("\n".join("  " + e for e in errors))
    if args.sweep:
        for features, grams in (
            ("char bigrams", bigrams),
            ("char 2-3 grams", char_2_3_grams),
            ("jieba words", word_grams),
        ):
            for threshold in (0.1, 0.15, 0.2, 0.25, 0.3):
                rows, _ = evaluate(adapted_min=threshold, grams=grams)
                figures[f"{features} ≥ {threshold}"] = {"rows": rows}
                if not args.json:
                    print_table(rows, f"{features}, adapted ≥ {threshold}:")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


def _show(item: Any, text: dict[str, str]) -> str:
    if isinstance(item, tuple):
        return " → ".join(text.get(x, x) for x in item)
    return text.get(item, item)


if __name__ == "__main__":
    raise SystemExit(main())
