"""Score the facts extractor against the hand-checked expected JSON of every seed document.

Run: ``.venv/bin/python scripts/eval_extraction.py [--out bench/results/extraction.json]``

Prints precision, recall and F1 per fact kind, summed over the seeds:

- ``measures``: measure paths;
- ``agency roles``: (measure path, role, agency type or raw text, name, region);
- ``targets``: (value, upper bound, unit, comparator, year), as a multiset;
- ``target concepts``: the same plus the indicator concept;
- ``groups``: (group name, leader posts and persons, office type);
- ``regions``: the document's (region, region_code, level).

and writes the figures to a JSON file.
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

from loaders.extract import extract_file  # noqa: E402

EXPECTED_DIR = REPO / "tests" / "expected" / "facts"
CORPUS_DIR = REPO / "data" / "corpus"
KINDS = ("measures", "agency roles", "targets", "target concepts", "groups", "regions")


def _agency_key(a: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if a is None:
        return None
    return (a["type"] or a["raw"], a["name"], a["region"])


def fact_keys(record: dict[str, Any]) -> dict[str, Counter[tuple[Any, ...]]]:
    """The comparable facts of one record (extracted or expected), per kind."""
    keys: dict[str, Counter[tuple[Any, ...]]] = {k: Counter() for k in KINDS}
    for m in record["measures"]:
        keys["measures"][(m["path"],)] += 1
        for role in ("lead", "participants", "responsible"):
            for a in m[role]:
                keys["agency roles"][(m["path"], role, *(_agency_key(a) or ()))] += 1
    for t in record["targets"]:
        base = (t["value"], t["value_max"], t["unit"], t["comparator"], t["year"])
        keys["targets"][base] += 1
        keys["target concepts"][(*base, t["concept"])] += 1
    for g in record["groups"]:
        leaders = tuple(sorted((x["post"], x["person"] or "") for x in g["leaders"]))
        office = _agency_key(g["office"])
        keys["groups"][(g["name"], leaders, office)] += 1
    region = record["region"]
    keys["regions"][(region["region"], region["region_code"], region["level"])] += 1
    return keys


def record_of(path: Path) -> dict[str, Any]:
    """The facts of one seed as the extractor gives them, in the expected-JSON shape."""
    doc = extract_file(path)
    data = doc.to_json_dict()
    return {
        "region": {"region": doc.region, "region_code": doc.region_code, "level": doc.level},
        "measures": data["measures"],
        "targets": data["targets"],
        "groups": data["groups"],
    }


def score(
    expected: Counter[tuple[Any, ...]], found: Counter[tuple[Any, ...]]
) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of two multisets."""
    tp = sum((expected & found).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def differences(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """Readable lines naming every missing and extra fact, kind by kind."""
    lines: list[str] = []
    exp_keys, got_keys = fact_keys(expected), fact_keys(found)
    for kind in KINDS:
        for key in sorted((exp_keys[kind] - got_keys[kind]).elements(), key=str):
            lines.append(f"missing {kind}: {key}")
        for key in sorted((got_keys[kind] - exp_keys[kind]).elements(), key=str):
            lines.append(f"extra   {kind}: {key}")
    return lines


def evaluate() -> dict[str, Any]:
    """Per-kind totals and precision/recall/F1 over every seed with an expected file."""
    totals = {k: [0, 0, 0] for k in KINDS}
    per_seed: dict[str, dict[str, list[int]]] = {}
    for expected_path in sorted(EXPECTED_DIR.glob("*.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        found = record_of(CORPUS_DIR / f"{expected_path.stem}.txt")
        exp_keys, got_keys = fact_keys(expected), fact_keys(found)
        per_seed[expected_path.stem] = {}
        for kind in KINDS:
            tp, fp, fn = score(exp_keys[kind], got_keys[kind])
            per_seed[expected_path.stem][kind] = [tp, fp, fn]
            for i, v in enumerate((tp, fp, fn)):
                totals[kind][i] += v
    figures: dict[str, Any] = {}
    for kind, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        figures[kind] = {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
        }
    return {"kinds": figures, "per_seed": per_seed}


def main() -> int:
    """Print the table and write the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "extraction.json"))
    args = parser.parse_args()
    result = evaluate()
    print(f"{'kind':<16} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, f in result["kinds"].items():
        print(
            f"{kind:<16} {f['tp']:>4} {f['fp']:>4} {f['fn']:>4} "
            f"{f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
