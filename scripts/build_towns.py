"""Regenerate ``loaders/towns.csv``, the town-level gazetteer, from jionlp's location dictionary.

Run: ``pip download --no-deps jionlp==1.5.31 -d /tmp/jio`` then
``python scripts/build_towns.py /tmp/jio/jionlp-1.5.31-py2.py3-none-any.whl``

GB/T 2260 stops at counties; jionlp (Apache-2.0) ships ``dictionary/china_location.zip``, a
tab-indented tree province → city → county (with codes) → town/街道 → village. Only the town
level is kept (names ending in 镇, 乡, 街道 or 苏木), with the code of the county above each:
about 40,000 rows, 0.8 MB, read by :mod:`loaders.regions`. The project does not depend on
jionlp at run time (it pulls numpy, requests and a 16 MB wheel for one table).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "loaders" / "towns.csv"
_TOWN = re.compile(r"(?:镇|乡|街道|苏木)$")


def town_rows(location_tree: str) -> list[tuple[str, str]]:
    """(town name, county code) for every town-level line of the dictionary's tree."""
    rows: set[tuple[str, str]] = set()
    county: str | None = None
    for line in location_tree.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth == 2:
            county = parts[1] if len(parts) > 1 else None
        elif depth == 3 and county and _TOWN.search(parts[0]):
            rows.add((parts[0], county))
    return sorted(rows, key=lambda r: (r[1], r[0]))


def main(argv: list[str]) -> int:
    """Read the wheel named on the command line and write :data:`OUT`."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    with zipfile.ZipFile(argv[1]) as wheel:
        inner = wheel.read("jionlp/dictionary/china_location.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        tree = archive.read("china_location.txt").decode("utf-8")
    rows = town_rows(tree)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "county"])
        writer.writerows(rows)
    print(f"{len(rows)} towns written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
