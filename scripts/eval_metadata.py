"""Score the metadata layer against the hand-read labels of the development corpus.

Run: ``python scripts/eval_metadata.py [--corpus ../shared/corpus] [--seeds ../shared/seeds]
[--out FILE] [--verbose] [--part tuning]``

The labels (``data/labels/metadata/labels.json``) were written by reading the documents; the
split (``data/labels/split.json``) says which documents rules may be tuned on and which are only
scored. Prints per-field accuracy for the tuning part, the scoring part and both; ``--verbose``
lists the mismatches (of ``--part`` only, so that the scoring part can stay unseen while rules
are being written). A document the loaders reject counts as wrong on every field.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: the shared development material beside the checkout (or beside its worktree folder)
SHARED = next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared",
)
sys.path.insert(0, str(REPO))

from loaders.errors import RejectedDocument  # noqa: E402
from loaders.extract import extract_file  # noqa: E402

LABELS = REPO / "data" / "labels" / "metadata" / "labels.json"
SPLIT = REPO / "data" / "labels" / "split.json"
FIELDS = (
    "title",
    "plan_title",
    "doc_number",
    "issuers",
    "issued",
    "published",
    "doc_type",
    "level",
    "region",
    "region_code",
    "in_force",
    "draft",
)


def _text(value: str) -> str:
    """Compare strings the way a reader does: width, spaces and bracket shapes do not matter."""
    value = unicodedata.normalize("NFKC", value)
    value = re.sub(r"\s+", "", value)
    return value.translate(str.maketrans("[]［］()", "〔〕〔〕（）"))


def comparable(field: str, value: Any) -> Any:
    """The form of a field's value that is compared (issuers as a set, strings normalised)."""
    if field == "issuers":
        return sorted({_text(v) for v in value or []})
    if isinstance(value, str):
        return _text(value)
    return value


def locate(path: str, corpus: Path, seeds: Path) -> Path:
    """The file of a split path: ``seeds/…`` under the seeds directory, the rest in the corpus."""
    if path.startswith("seeds/"):
        return seeds / path.removeprefix("seeds/")
    return corpus / path


def score(corpus: Path, seeds: Path) -> dict[str, Any]:
    """Per-document results and per-part, per-field counts."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["documents"]
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    parts = {"tuning": split["tuning"], "scoring": split["scoring"]}
    results: dict[str, Any] = {"parts": {}, "mismatches": {}, "rejected": {}}
    for part, paths in parts.items():
        right = dict.fromkeys(FIELDS, 0)
        total = 0
        mismatches: list[dict[str, Any]] = []
        for path in paths:
            if path not in labels:
                continue
            total += 1
            expected = labels[path]
            try:
                record = extract_file(locate(path, corpus, seeds)).to_json_dict()
            except RejectedDocument as rejected:
                results["rejected"][path] = rejected.reason
                record = {}
            for field in FIELDS:
                want = comparable(field, expected.get(field))
                got = comparable(field, record.get(field))
                if want == got:
                    right[field] += 1
                else:
                    mismatches.append(
                        {"path": path, "field": field, "expected": want, "extracted": got}
                    )
        results["parts"][part] = {"documents": total, "right": right}
        results["mismatches"][part] = mismatches
    both = {f: sum(p["right"][f] for p in results["parts"].values()) for f in FIELDS}
    results["parts"]["all"] = {
        "documents": sum(p["documents"] for p in results["parts"].values()),
        "right": both,
    }
    return results


def _table(results: dict[str, Any]) -> str:
    parts = results["parts"]
    head = f"{'field':<12}" + "".join(
        f"{name + ' (' + str(p['documents']) + ')':>16}" for name, p in parts.items()
    )
    lines = [head]
    for field in (*FIELDS, "mean"):
        row = f"{field:<12}"
        for p in parts.values():
            n = p["documents"] or 1
            if field == "mean":
                value = sum(p["right"].values()) / (n * len(FIELDS))
            else:
                value = p["right"][field] / n
            row += f"{100 * value:>15.1f}%"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, score, print the table (and mismatches), write ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--out", type=Path, help="write the figures and mismatches as JSON")
    parser.add_argument("--verbose", action="store_true", help="list the mismatches")
    parser.add_argument(
        "--part", choices=("tuning", "scoring", "all"), default="tuning", help="whose mismatches"
    )
    args = parser.parse_args(argv)
    results = score(args.corpus, args.seeds)
    print(_table(results))
    rejected = results["rejected"]
    print(f"rejected: {len(rejected)}")
    if args.verbose:
        for part in ("tuning", "scoring"):
            if args.part not in (part, "all"):
                continue
            for m in results["mismatches"][part]:
                print(f"[{part}] {m['path']} {m['field']}: {m['expected']!r} != {m['extracted']!r}")
            for path, reason in rejected.items():
                print(f"[rejected] {path}: {reason}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
