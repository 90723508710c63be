"""Two documents side by side: aligned measures, targets per indicator, owning agencies and
references, for a parent and its implementer or for two peers (two cities' plans).

Everything is read through named queries (``document_detail``, ``compare_measures``,
``measure_alignment``, ``document_targets``, ``references_out``), so the REST route, which runs
them in its query workers, and the CLI, which runs them on the store, build the same answer
with :func:`build_comparison`.

Measures: when one document follows the other, the stored alignment (:mod:`graph.alignment`)
gives the rows; for peers the same similarity is computed on request over the two documents'
measures (the IDF then comes from those two documents only).

Targets, per indicator concept (or the indicator as written when it has none): ``raised``,
``cut`` or ``kept`` when both set a value in the same unit (B against A, by value: for a
ceiling such as 事故率控制在…以内 a cut value is the stricter one), ``not comparable`` across
units, ``dropped`` when only A sets it, ``added`` when only B does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph import queries
from graph.alignment import (
    MeasureRow,
    Vectoriser,
    align_pair,
    task_text,
)
from graph.errors import ParameterError
from graph.store import Store

Row = dict[str, Any]


class UnknownDocument(ParameterError):
    """A document named for comparison is not in the store."""


@dataclass
class DocumentRows:
    """What the named queries say about one document, as their rows."""

    doc: str
    detail: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    targets: list[Row] = field(default_factory=list)
    references: list[Row] = field(default_factory=list)
    #: ``measure_alignment`` rows of this document against the other one (as the lower)
    alignment: list[Row] = field(default_factory=list)


def fetch(run: Callable[..., list[Row]], doc: str, other: str) -> DocumentRows:
    """Run the named queries for one document (``run(name, **params)`` returns rows)."""
    return DocumentRows(
        doc=doc,
        detail=run("document_detail", doc=doc),
        measures=run("compare_measures", doc=doc),
        targets=run("document_targets", doc=doc),
        references=run("references_out", doc=doc),
        alignment=run("measure_alignment", doc=doc, higher=other),
    )


def compare_documents(store: Store, a: str, b: str) -> Row:
    """The comparison of documents ``a`` and ``b`` (IRIs or ids) on a store."""

    def run(name: str, **params: Any) -> list[Row]:
        return queries.run(store, name, **params)

    return build_comparison(fetch(run, a, b), fetch(run, b, a))


def build_comparison(a: DocumentRows, b: DocumentRows) -> Row:
    """The comparison as a JSON-ready dict: ``a``, ``b``, ``relation``, ``measures``,
    ``targets``, ``agencies``, ``references``."""
    for side in (a, b):
        if not side.detail:
            raise UnknownDocument(f"no such document: {side.doc}")
    relation, measures = _measures(a, b)
    return {
        "a": _document(a),
        "b": _document(b),
        "relation": relation,
        "measures": measures,
        "targets": _targets(a.targets, b.targets),
        "agencies": _agencies(a.measures, b.measures),
        "references": _references(a.references, b.references),
    }


def _document(side: DocumentRows) -> Row:
    row = side.detail[0]
    issued = row.get("issued") or row.get("published") or ""
    return {
        "doc": row.get("doc"),
        "title": row.get("title") or row.get("planTitle"),
        "number": row.get("number"),
        "level": row.get("level"),
        "region": row.get("regionLabel"),
        "year": int(issued[:4]) if issued[:4].isdigit() else None,
    }


def _measure_side(row: Row | None) -> Row | None:
    if row is None:
        return None
    return {"measure": row["measure"], "path": row.get("path"), "sentence": row.get("sentence")}


def _measures(a: DocumentRows, b: DocumentRows) -> tuple[str, list[Row]]:
    """(relation, rows): pairs first in A's order, then A's measures alone, then B's."""
    by_iri = {r["measure"]: r for r in a.measures} | {r["measure"]: r for r in b.measures}
    pairs: list[tuple[str | None, str | None, str, float | None]] = []
    if b.alignment:
        relation = "b follows a"
        for row in b.alignment:
            if row["kind"] in ("copied", "adapted"):
                pairs.append(
                    (row["higherMeasure"], row["measure"], row["kind"], _num(row["score"]))
                )
            elif row["kind"] == "added":
                pairs.append((None, row["measure"], "only in b", None))
            else:
                pairs.append((row["higherMeasure"], None, "only in a", None))
    elif a.alignment:
        relation = "a follows b"
        for row in a.alignment:
            if row["kind"] in ("copied", "adapted"):
                pairs.append(
                    (row["measure"], row["higherMeasure"], row["kind"], _num(row["score"]))
                )
            elif row["kind"] == "added":
                pairs.append((row["measure"], None, "only in a", None))
            else:
                pairs.append((None, row["higherMeasure"], "only in b", None))
    else:
        relation = "peers"
        pairs = _align_peers(a.measures, b.measures)
    order = {iri: i for i, iri in enumerate(dict.fromkeys(r["measure"] for r in a.measures))}
    order_b = {iri: i for i, iri in enumerate(dict.fromkeys(r["measure"] for r in b.measures))}
    rank = {"copied": 0, "adapted": 0, "only in a": 1, "only in b": 2}
    pairs.sort(
        key=lambda p: (
            rank[p[2]],
            order.get(p[0] or "", 10**6),
            order_b.get(p[1] or "", 10**6),
        )
    )
    seen: set[tuple[str | None, str | None]] = set()
    rows = []
    for left, right, kind, score in pairs:
        if (left, right) in seen:
            continue
        seen.add((left, right))
        rows.append(
            {
                "kind": kind,
                "score": score,
                "a": _measure_side(by_iri.get(left or "")),
                "b": _measure_side(by_iri.get(right or "")),
            }
        )
    return relation, rows


def _measure_rows(rows: list[Row]) -> list[MeasureRow]:
    by_iri: dict[str, MeasureRow] = {}
    types: dict[str, set[str]] = {}
    for row in rows:
        iri = row["measure"]
        if row.get("ownerType"):
            types.setdefault(iri, set()).add(row["ownerType"])
        if iri not in by_iri:
            by_iri[iri] = MeasureRow(iri, "", row.get("path") or "", row.get("text") or "")
    return [
        MeasureRow(m.iri, m.doc, m.path, m.text, frozenset(types.get(m.iri, ())))
        for m in by_iri.values()
    ]


def _align_peers(
    a_rows: list[Row], b_rows: list[Row]
) -> list[tuple[str | None, str | None, str, float | None]]:
    """Align two peers on request, B's measures against A's (as at load time)."""
    a_measures, b_measures = _measure_rows(a_rows), _measure_rows(b_rows)
    vectoriser = Vectoriser([task_text(m.text) for m in a_measures + b_measures])
    vectors = {m.iri: vectoriser.vector(task_text(m.text)) for m in a_measures + b_measures}
    links, added, not_taken_up = align_pair(b_measures, a_measures, vectors)
    pairs: list[tuple[str | None, str | None, str, float | None]] = [
        (link.higher, link.lower, link.kind, round(link.score, 4)) for link in links
    ]
    pairs += [(None, iri, "only in b", None) for iri in added]
    pairs += [(iri, None, "only in a", None) for iri in not_taken_up]
    return pairs


def _num(text: Any) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _target_side(row: Row | None) -> Row | None:
    if row is None:
        return None
    return {
        "indicator": row.get("indicator"),
        "value": _num(row.get("value")),
        "valueMax": _num(row.get("valueMax")),
        "unit": row.get("unit"),
        "comparator": row.get("comparator"),
        "year": int(row["year"]) if (row.get("year") or "").isdigit() else None,
        "sentence": row.get("sentence"),
    }


def change(a: Row | None, b: Row | None) -> str:
    """How B's target on an indicator stands to A's.

    >>> change({"value": 90.0, "unit": "%"}, {"value": 95.0, "unit": "%"})
    'raised'
    >>> change({"value": 900.0, "unit": None}, None)
    'dropped'
    >>> change({"value": 3.0, "unit": "个"}, {"value": 3.0, "unit": "项"})
    'not comparable'
    """
    if a is None:
        return "added"
    if b is None:
        return "dropped"
    if a.get("value") is None or b.get("value") is None or a.get("unit") != b.get("unit"):
        return "not comparable"
    if b["value"] > a["value"]:
        return "raised"
    if b["value"] < a["value"]:
        return "cut"
    return "kept"


def _targets(a_rows: list[Row], b_rows: list[Row]) -> list[Row]:
    def first_by_key(rows: list[Row]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in rows:
            key = row.get("concept") or row.get("indicator") or ""
            # the first target with a number stands for the indicator
            if key not in found or (found[key].get("value") is None and row.get("value")):
                found[key] = row
        return found

    a_by, b_by = first_by_key(a_rows), first_by_key(b_rows)
    keys = list(dict.fromkeys([*a_by, *b_by]))
    out = []
    for key in keys:
        left, right = _target_side(a_by.get(key)), _target_side(b_by.get(key))
        label = (a_by.get(key) or b_by.get(key) or {}).get("conceptLabel")
        out.append(
            {
                "concept": key if key.startswith("http") else None,
                "indicator": label or (left or right or {}).get("indicator"),
                "change": change(left, right),
                "a": left,
                "b": right,
            }
        )
    return out


def _owners(rows: list[Row]) -> dict[str, str]:
    """Owner key → label: the agency type where known (省质监局 and 市质监局 are both 质监),
    else the agency's own name."""
    owners: dict[str, str] = {}
    for row in rows:
        if row.get("ownerType"):
            owners[row["ownerType"]] = row.get("ownerTypeLabel") or row["ownerType"]
        elif row.get("owner"):
            owners[row["owner"]] = row.get("ownerLabel") or row["owner"]
    return owners


def _agencies(a_rows: list[Row], b_rows: list[Row]) -> Row:
    a_own, b_own = _owners(a_rows), _owners(b_rows)
    labels = a_own | b_own
    return {
        "kept": sorted(labels[k] for k in a_own.keys() & b_own.keys()),
        "lost": sorted(labels[k] for k in a_own.keys() - b_own.keys()),
        "gained": sorted(labels[k] for k in b_own.keys() - a_own.keys()),
    }


def _references(a_rows: list[Row], b_rows: list[Row]) -> Row:
    def by_key(rows: list[Row]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in rows:
            key = row.get("target") or row.get("writtenTitle") or row.get("writtenNumber") or ""
            found.setdefault(
                key,
                {
                    "document": row.get("target"),
                    "title": row.get("targetTitle") or row.get("writtenTitle"),
                    "number": row.get("targetNumber") or row.get("writtenNumber"),
                    "relation": row.get("relation"),
                },
            )
        return found

    a_refs, b_refs = by_key(a_rows), by_key(b_rows)
    return {
        "both": [a_refs[k] for k in a_refs if k in b_refs],
        "onlyA": [a_refs[k] for k in a_refs if k not in b_refs],
        "onlyB": [b_refs[k] for k in b_refs if k not in a_refs],
    }


#: columns of the comparison as CSV, one row per compared item
CSV_COLUMNS = (
    "section",
    "kind",
    "score",
    "item",
    "a_path",
    "a_value",
    "a_year",
    "a_text",
    "b_path",
    "b_value",
    "b_year",
    "b_text",
)


def comparison_rows(c: Row) -> list[dict[str, Any]]:
    """The comparison flattened for a spreadsheet: the two documents, then measures (kind,
    score, both sentences), targets (change, both values and years), owning agencies (kept /
    lost / gained) and references (both / onlyA / onlyB), one row each.

    >>> rows = comparison_rows({"a": {"title": "A"}, "b": {"title": "B"}, "relation": "peers",
    ...     "measures": [], "targets": [{"indicator": "江苏名牌", "change": "cut",
    ...     "a": {"value": 900.0, "unit": "个", "year": 2012}, "b": {"value": 138.0, "unit": "个",
    ...     "year": 2014}}], "agencies": {"kept": [], "lost": ["质监"], "gained": []},
    ...     "references": {"both": [], "onlyA": [], "onlyB": []}})
    >>> [(r["section"], r["kind"], r["item"]) for r in rows]
    [('document', 'peers', None), ('target', 'cut', '江苏名牌'), ('agency', 'lost', '质监')]
    >>> rows[1]["a_value"], rows[1]["b_value"]
    ('900 个', '138 个')
    """
    a, b = c.get("a") or {}, c.get("b") or {}
    out: list[dict[str, Any]] = [
        {
            "section": "document",
            "kind": c.get("relation"),
            "a_path": a.get("number"),
            "a_year": a.get("year"),
            "a_text": a.get("title"),
            "b_path": b.get("number"),
            "b_year": b.get("year"),
            "b_text": b.get("title"),
        }
    ]
    for m in c.get("measures") or []:
        left, right = m.get("a") or {}, m.get("b") or {}
        out.append(
            {
                "section": "measure",
                "kind": m.get("kind"),
                "score": m.get("score"),
                "a_path": left.get("path"),
                "a_text": left.get("sentence"),
                "b_path": right.get("path"),
                "b_text": right.get("sentence"),
            }
        )
    for t in c.get("targets") or []:
        left, right = t.get("a") or {}, t.get("b") or {}
        out.append(
            {
                "section": "target",
                "kind": t.get("change"),
                "item": t.get("indicator"),
                "a_value": _value_text(left),
                "a_year": left.get("year"),
                "a_text": left.get("sentence"),
                "b_value": _value_text(right),
                "b_year": right.get("year"),
                "b_text": right.get("sentence"),
            }
        )
    for kind in ("kept", "lost", "gained"):
        for label in (c.get("agencies") or {}).get(kind, []):
            out.append({"section": "agency", "kind": kind, "item": label})
    for kind in ("both", "onlyA", "onlyB"):
        for ref in (c.get("references") or {}).get(kind, []):
            out.append(
                {
                    "section": "reference",
                    "kind": kind,
                    "item": ref.get("title"),
                    "a_path": ref.get("number"),
                    "a_text": ref.get("document"),
                }
            )
    return [{col: row.get(col) for col in CSV_COLUMNS} for row in out]


def _value_text(side: Row) -> str | None:
    value = side.get("value")
    if value is None:
        return None
    number = f"{value:g}"
    if side.get("valueMax") is not None:
        number += f"–{side['valueMax']:g}"
    return f"{number} {side['unit']}" if side.get("unit") else number


def comparison_csv(c: Row) -> str:
    """The comparison as CSV text (header :data:`CSV_COLUMNS`, RFC 4180 quoting)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(comparison_rows(c))
    return buffer.getvalue()
