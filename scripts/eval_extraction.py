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

Then it scores the labelled development set (``data/labels/facts``, labelled by reading real
documents; see its README) separately for the tuning and the scoring part of
``data/labels/split.json``:

- ``measure agencies``: (measure, role, agency name) — the measure is the label's first words,
  matched as a prefix of the extracted measure's text or title; the agency its full name (or, for
  generic owners and bodies outside the lexicon, the words as written);
- ``targets``: (value, upper bound, unit, comparator, year), a multiset;
- ``references``: (title or 文号, relation), the document's own title (``self``) left out.

The seeds' expected files count in the tuning part for measure agencies and targets.
Run: ``.venv/bin/python scripts/eval_extraction.py [--corpus ../shared/corpus] [--verbose]``
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
#: the shared development material beside the checkout (or beside its worktree folder)
SHARED = next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared",
)
sys.path.insert(0, str(REPO))

from loaders.extract import extract_file  # noqa: E402

EXPECTED_DIR = REPO / "tests" / "expected" / "facts"
CORPUS_DIR = REPO / "data" / "corpus"
LABELS_DIR = REPO / "data" / "labels" / "facts"
SPLIT = REPO / "data" / "labels" / "split.json"
DEV_CORPUS = SHARED / "corpus"
LABEL_KINDS = ("measure agencies", "targets", "references")
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


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _agency_name(a: dict[str, Any]) -> str:
    return _compact(a.get("name") or a.get("raw") or a.get("written") or "")


def _title_key(title: str) -> str:
    title = _compact(title).replace("、", "")
    return title.translate(str.maketrans("＜＞<>", "〈〉〈〉"))


def label_keys(label: dict[str, Any]) -> dict[str, Counter[tuple[Any, ...]]]:
    """The comparable facts a label file states, per labelled kind (absent kind: not labelled)."""
    keys: dict[str, Counter[tuple[Any, ...]]] = {}
    if "measures" in label:
        pairs: Counter[tuple[Any, ...]] = Counter()
        for m in label["measures"]:
            for role in ("lead", "participants", "responsible"):
                for a in m[role]:
                    pairs[(m["first_words"], role, _agency_name(a))] += 1
        keys["measure agencies"] = pairs
    if "targets" in label:
        keys["targets"] = Counter(
            (t["value"], t["value_max"], t["unit"], t["comparator"], t["year"])
            for t in label["targets"]
        )
    if "references" in label:
        keys["references"] = Counter(
            {
                (_title_key(r["title"]) if r["title"] else r["doc_number"], r["relation"]): 1
                for r in label["references"]
            }
        )
    return keys


def found_keys(doc: Any, label: dict[str, Any]) -> dict[str, Counter[tuple[Any, ...]]]:
    """The extractor's facts on one labelled document, keyed like :func:`label_keys`."""
    firsts = [m["first_words"] for m in label.get("measures", [])]
    pairs: Counter[tuple[Any, ...]] = Counter()
    for m in doc.measures:
        text, title = _compact(m.text), _compact(m.title)
        matched = next((f for f in firsts if text.startswith(f) or title.startswith(f)), None)
        key = matched or text[:12]
        for role in ("lead", "participants", "responsible"):
            for a in getattr(m, role):
                pairs[(key, role, _agency_name({"name": a.name, "raw": a.raw}))] += 1
    targets = Counter((t.value, t.value_max, t.unit, t.comparator, t.year) for t in doc.targets)
    refs: Counter[tuple[Any, ...]] = Counter()
    for r in doc.references:
        if r.relation == "self":
            continue
        key = (_title_key(r.title) if r.title else r.doc_number, r.relation)
        refs[key] = 1
    return {"measure agencies": pairs, "targets": targets, "references": refs}


def _figures(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f1, 3),
    }


def evaluate_labels(corpus: Path, verbose: bool = False) -> dict[str, Any]:
    """P/R/F1 per labelled kind for the tuning and the scoring part of the split."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    part_of = {path: part for part in ("tuning", "scoring") for path in split[part]}
    totals = {part: {k: [0, 0, 0] for k in LABEL_KINDS} for part in ("tuning", "scoring")}
    docs: dict[str, int] = Counter()
    for label_path in sorted(LABELS_DIR.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        part = part_of[label["document"]]
        doc = extract_file(corpus / label["document"])
        expected, found = label_keys(label), found_keys(doc, label)
        docs[part] += 1
        for kind, exp in expected.items():
            got = found[kind]
            for i, v in enumerate(score(exp, got)):
                totals[part][kind][i] += v
            if verbose:
                for key in sorted((exp - got).elements(), key=str):
                    print(f"  {label['document']}: missing {kind}: {key}")
                for key in sorted((got - exp).elements(), key=str):
                    print(f"  {label['document']}: extra   {kind}: {key}")
    # The seeds' hand-checked expected files belong to the tuning part.
    for expected_path in sorted(EXPECTED_DIR.glob("*.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        found = record_of(CORPUS_DIR / f"{expected_path.stem}.txt")
        for kind, seed_kind in (("measure agencies", "agency roles"), ("targets", "targets")):
            exp, got = fact_keys(expected)[seed_kind], fact_keys(found)[seed_kind]
            for i, v in enumerate(score(exp, got)):
                totals["tuning"][kind][i] += v
        docs["tuning"] += 1
    return {
        part: {"documents": docs[part], **{k: _figures(*v) for k, v in kinds.items()}}
        for part, kinds in totals.items()
    }


def _print_table(rows: dict[str, Any]) -> None:
    print(f"{'kind':<16} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, f in rows.items():
        if not isinstance(f, dict):
            continue
        print(
            f"{kind:<16} {f['tp']:>4} {f['fp']:>4} {f['fn']:>4} "
            f"{f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f}"
        )


def main() -> int:
    """Print the tables and write the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "extraction.json"))
    parser.add_argument("--corpus", default=str(DEV_CORPUS), help="the development corpus")
    parser.add_argument("--verbose", action="store_true", help="list missing and extra facts")
    args = parser.parse_args()
    result = evaluate()
    print("seeds (tests/expected/facts)")
    print(f"{'kind':<16} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, f in result["kinds"].items():
        print(
            f"{kind:<16} {f['tp']:>4} {f['fp']:>4} {f['fn']:>4} "
            f"{f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f}"
        )
    corpus = Path(args.corpus)
    if corpus.is_dir():
        result["labelled"] = evaluate_labels(corpus, args.verbose)
        for part, rows in result["labelled"].items():
            print(f"\n{part} part of the labelled set ({rows['documents']} documents)")
            _print_table(rows)
    else:
        print(f"no development corpus at {corpus}: labelled set not scored")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
