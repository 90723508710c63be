"""Query rows for people and scripts: an 80-column terminal, CSV/TSV, JSON with typed values.

Rows are pyoxigraph terms keyed by variable (what ``graph.sparql.select`` returns). On a
terminal a result prints as a table when its columns fit the width, and otherwise as one
record per row (``name  value`` lines), so 21 columns never squeeze into five characters each.
IRIs print as prefixed names (``agency:320000/quality-supervision``), and columns of labels
and numbers come before columns of IRIs. JSON keeps numbers as numbers and booleans as
booleans; IRIs stay whole there, for scripts.

>>> import pyoxigraph as ox
>>> row = {"n": ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
...        "doc": ox.NamedNode("https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"), "x": None}
>>> json_value(row["n"]), json_value(row["x"]), display(row["doc"])
(3, None, 'doc:su-zhengbanfa-2012-123')
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

import pyoxigraph as ox
from rich.cells import cell_len

from ontology import terms

FORMATS = ("table", "records", "csv", "tsv", "json", "jsonl")
# a table cell is cut past this many cells (the full value is in --format records or json)
CELL_MAX = 28
_XSD = terms.XSD
_INTEGERS = {
    _XSD + name
    for name in (
        "integer int long short byte nonNegativeInteger positiveInteger negativeInteger "
        "nonPositiveInteger unsignedInt unsignedLong unsignedShort unsignedByte"
    ).split()
}
_DECIMALS = {_XSD + "decimal", _XSD + "double", _XSD + "float"}

Row = Mapping[str, Any]


def json_value(term: Any) -> Any:
    """A term as a JSON value: numbers as numbers, booleans as booleans, IRIs and text as text."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _DECIMALS:
                number = float(term.value)
                # "900" typed decimal stays 900, not 900.0
                return int(number) if re.fullmatch(r"[+-]?\d+", term.value) else number
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value)


def display(term: Any) -> str:
    """A term as a person reads it: an IRI in prefixed form, a literal as its text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return terms.compact(term.value)
    value = json_value(term)
    if isinstance(value, bool):
        return "true" if value else "false"
    return term.value if isinstance(term, ox.Literal) else str(value)


def columns_of(rows: Sequence[Row]) -> list[str]:
    """The columns in the query's order, those holding only IRIs moved last (labels first)."""
    names = list(dict.fromkeys(name for row in rows for name in row))

    def only_iris(name: str) -> bool:
        values = [row.get(name) for row in rows if row.get(name) is not None]
        return bool(values) and all(isinstance(v, ox.NamedNode) for v in values)

    return [n for n in names if not only_iris(n)] + [n for n in names if only_iris(n)]


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if cell_len(text) <= limit:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > limit - 1:
            break
        out += char
    return out + "…"


def fits_table(rows: Sequence[Row], columns: Sequence[str], width: int) -> bool:
    """True when a table of ``columns`` (cells cut at :data:`CELL_MAX`) fits ``width``."""
    total = 1
    for name in columns:
        cells = [cell_len(_cut(display(row.get(name)), CELL_MAX)) for row in rows]
        total += max([cell_len(name), *cells]) + 3
    return total <= width


def write_table(rows: Sequence[Row], columns: Sequence[str], out: Any) -> bool:
    """A rich table with cut cells; True when some cell was cut."""
    from rich.table import Table

    table = Table(show_lines=False, pad_edge=False)
    cut = False
    for name in columns:
        table.add_column(name, overflow="ellipsis", no_wrap=True)
    for row in rows:
        cells = []
        for name in columns:
            full = display(row.get(name))
            short = _cut(full, CELL_MAX)
            cut = cut or short != " ".join(full.split())
            cells.append(short)
        table.add_row(*cells)
    out.print(table, markup=False, highlight=False)
    return cut


def record_lines(rows: Sequence[Row], columns: Sequence[str], width: int) -> Iterable[str]:
    """One block per row: a ``-- n/total --`` rule, then ``name  value`` lines wrapped under the
    value's column (unbound values are left out: unknown is not printed as empty text)."""
    key_width = min(max((cell_len(c) for c in columns), default=0), 20)
    room = max(20, width - key_width - 2)
    for index, row in enumerate(rows, start=1):
        yield f"-- {index}/{len(rows)} " + "-" * max(0, width - 8 - len(str(index) * 2))
        for name in columns:
            if row.get(name) is None:
                continue
            text = " ".join(display(row.get(name)).split())
            pieces = _wrap(text, room)
            pad = " " * (key_width - cell_len(name)) if cell_len(name) < key_width else ""
            yield f"{name}{pad}  {pieces[0]}"
            for piece in pieces[1:]:
                yield " " * (key_width + 2) + piece


def _wrap(text: str, room: int) -> list[str]:
    """Split ``text`` into lines of at most ``room`` cells (CJK characters count two)."""
    lines, line = [], ""
    for char in text:
        if cell_len(line + char) > room:
            lines.append(line)
            line = ""
        line += char
    lines.append(line)
    return lines


def write_delimited(rows: Sequence[Row], columns: Sequence[str], stream: IO[str], sep: str) -> None:
    """CSV (``sep=","``) or TSV (``sep="\\t"``) with whole IRIs and lexical values."""
    writer = csv.writer(stream, delimiter=sep, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            ["" if row.get(c) is None else str(json_value(row.get(c))) for c in columns]
        )


def write_json(rows: Sequence[Row], columns: Sequence[str], stream: IO[str], lines: bool) -> None:
    """A JSON array (or one object per line with ``lines``) with typed values."""
    objects = [{c: json_value(row.get(c)) for c in columns} for row in rows]
    if lines:
        for item in objects:
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    json.dump(objects, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
