"""Agreement of the rule-based instrument coder (graph/instruments.py) with the hand codes.

Reads ``data/labels/instruments/sample.json`` (measures coded by reading, see its README),
codes the same texts with the lexicon and prints, separately for the tuning part and the
held-out scoring part (the sha1 split of ``data/labels/split.json``):

- Cohen's kappa per side (does the measure use any supply / environment / demand instrument?)
  and per sub-type (does it use 资金投入 …?), each over every measure of the part;
- exact-match accuracy (the whole set of sub-types equal, unclassified included) and micro
  precision / recall / F1 over (measure, sub-type) pairs.

    python scripts/eval_instruments.py [--labels PATH] [--json OUT] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.instruments import SIDES, UNCLASSIFIED, code_measure, side_of, sub_types  # noqa: E402

LABELS = ROOT / "data" / "labels" / "instruments" / "sample.json"


def cohen_kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two binary codings (None when chance agreement is total).

    >>> cohen_kappa([True, False, True, False], [True, False, False, False])
    0.5
    """
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def _sides(codes: set[str]) -> set[str]:
    return {s for c in codes if (s := side_of(c))}


def evaluate(items: list[dict[str, object]]) -> dict[str, object]:
    """Kappas, accuracy and micro P/R/F1 of the coder against the hand codes of ``items``."""
    gold = [set(item["instruments"]) for item in items]  # type: ignore[arg-type]
    auto = [{c.instrument for c in code_measure(str(item["text"]))} for item in items]
    kappa_side = {
        side: cohen_kappa([side in _sides(g) for g in gold], [side in _sides(a) for a in auto])
        for side in SIDES
    }
    kappa_sub = {
        sub: cohen_kappa([sub in g for g in gold], [sub in a for a in auto])
        for sub in [*sub_types(), UNCLASSIFIED]
    }
    support = {sub: sum(sub in g for g in gold) for sub in kappa_sub}
    tp = sum(len(g & a) for g, a in zip(gold, auto, strict=True))
    fp = sum(len(a - g) for g, a in zip(gold, auto, strict=True))
    fn = sum(len(g - a) for g, a in zip(gold, auto, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "measures": len(items),
        "exact_accuracy": sum(g == a for g, a in zip(gold, auto, strict=True)) / len(items),
        "micro_precision": precision,
        "micro_recall": recall,
        "micro_f1": f1,
        "kappa_side": kappa_side,
        "kappa_subtype": kappa_sub,
        "support": support,
        "errors": [
            {"doc": i["doc"], "path": i["path"], "missing": sorted(g - a), "extra": sorted(a - g)}
            for i, g, a in zip(items, gold, auto, strict=True)
            if g != a
        ],
    }


def _fmt(k: float | None) -> str:
    return "   –" if k is None else f"{k:5.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--show-errors", action="store_true", help="list disagreeing measures")
    args = parser.parse_args(argv)
    items = json.loads(args.labels.read_text(encoding="utf-8"))["items"]
    parts = {
        "tuning": [i for i in items if i["split"] == "tuning"],
        "held-out": [i for i in items if i["split"] == "scoring"],
    }
    results = {name: evaluate(part) for name, part in parts.items()}
    names = list(results)
    print(f"{'':22}" + "".join(f"{n:>18}" for n in names))
    print(f"{'measures':22}" + "".join(f"{results[n]['measures']:>18}" for n in names))
    for key in ("exact_accuracy", "micro_precision", "micro_recall", "micro_f1"):
        print(f"{key:22}" + "".join(f"{results[n][key]:>18.2f}" for n in names))  # type: ignore[str-format]
    print("kappa per side")
    for side in SIDES:
        row = "".join(f"{_fmt(results[n]['kappa_side'][side]):>18}" for n in names)  # type: ignore[index]
        print(f"  {side:20}{row}")
    print("kappa per sub-type (support tuning / held-out)")
    for sub in [*sub_types(), UNCLASSIFIED]:
        support = "/".join(str(results[n]["support"][sub]) for n in names)  # type: ignore[index]
        row = "".join(f"{_fmt(results[n]['kappa_subtype'][sub]):>18}" for n in names)  # type: ignore[index]
        print(f"  {sub + ' (' + support + ')':20}{row}")
    if args.show_errors:
        for name in names:
            for err in results[name]["errors"]:  # type: ignore[attr-defined]
                print(
                    name, err["doc"], err["path"], "missing", err["missing"], "extra", err["extra"]
                )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
