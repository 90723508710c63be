"""Write a deterministic synthetic corpus of policy documents, with a ground-truth JSON per file.

    python -m bench.generate --n 1000 --seed 1 --out bench/corpus/1000

writes ``OUT/NNNNNN_<level>_<year>.txt`` (UTF-8, what a web capture looks like) and, beside the
folder, ``OUT.truth/NNNNNN_<level>_<year>.json`` (what a careful reader would extract), so that
``policykg load OUT`` sees only documents. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

from bench.plan import DocPlan, plan_corpus
from bench.render import render


def file_stem(doc: DocPlan) -> str:
    """``000123_city_2014`` — sorted names follow generation order (parents first)."""
    return f"{doc.idx:06d}_{doc.level}_{doc.year}"


def truth_dir(out: Path) -> Path:
    """Where the ground truth for corpus folder ``out`` goes (a sibling, not inside it)."""
    return out.with_name(out.name + ".truth")


def generator_digest() -> str:
    """Hash of the generator's own sources and the gazetteer: a cached corpus is stale when it changes."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("generate.py", "plan.py", "render.py", "regions.py", "vocab.py"):
        h.update((here / name).read_bytes())
    gazetteer = here.parent / "ontology" / "schemes" / "regions.csv"
    if gazetteer.exists():
        h.update(gazetteer.read_bytes())
    return h.hexdigest()


def generate(n: int, seed: int, out: Path) -> list[Path]:
    """Write ``n`` documents under ``out`` (replacing what was there) and return their paths."""
    if n < 1:
        raise ValueError("n must be at least 1")
    truth = truth_dir(out)
    for folder in (out, truth):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    paths = []
    for doc in plan_corpus(n, seed):
        text, record = render(doc, seed)
        stem = file_stem(doc)
        path = out / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        record = {"file": path.name, **record}
        (truth / f"{stem}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        paths.append(path)
    manifest = {
        "n": n,
        "seed": seed,
        "files": len(paths),
        "generator": "bench.generate",
        "generator_sha256": generator_digest(),
    }
    (truth / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output folder (replaced)")
    args = parser.parse_args(argv)
    paths = generate(args.n, args.seed, args.out)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents ({size / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    print(f"ground truth in {truth_dir(args.out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
