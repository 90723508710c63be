"""Shaping named-query rows into REST answers: evidence objects, grouping, paging, CSV.

Rows come from ``graph.queries.run`` as flat dicts of strings (``None`` when unbound). Every
fact a REST answer states carries ``evidence``: the document it came from, the sentence and
the character offsets into that document's cleaned text (``/documents/{id}/text``).

>>> with_evidence({"role": "lead", "sentence": "(省质监局牵头)", "start": "5", "end": "13",
...                "document": "https://w3id.org/policykg/doc/d"})
{'role': 'lead', 'evidence': {'document': 'https://w3id.org/policykg/doc/d', 'sentence': '(省质监局牵头)', 'start': 5, 'end': 13}}
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ontology import terms

Row = dict[str, Any]

EVIDENCE_KEYS = ("document", "sentence", "start", "end")
INTEGER_KEYS = {
    "start",
    "end",
    "measureStart",
    "measureEnd",
    "year",
    "lead",
    "participating",
    "responsible",
    "documents",
    "measures",
    "targets",
    "referencesOut",
    "referencesIn",
    "levels",
    "rank",
}
FLOAT_KEYS = {"value", "valueMax", "share"}
BOOLEAN_KEYS = {"inForce", "external", "resolved", "weaker"}


def typed(row: Row) -> Row:
    """Numbers and booleans as JSON numbers and booleans (queries give strings).

    >>> typed({"start": "3", "value": "90.5", "external": "false", "title": "x"})
    {'start': 3, 'value': 90.5, 'external': False, 'title': 'x'}
    """
    out: Row = {}
    for key, value in row.items():
        if value is None or not isinstance(value, str):
            out[key] = value
        elif key in INTEGER_KEYS:
            out[key] = _number(value, int)
        elif key in FLOAT_KEYS:
            out[key] = _number(value, float)
        elif key in BOOLEAN_KEYS:
            out[key] = {"true": True, "1": True, "false": False, "0": False}.get(value, value)
        else:
            out[key] = value
    return out


def _number(text: str, kind: type) -> Any:
    try:
        return kind(float(text)) if kind is int else kind(text)
    except ValueError:
        return text


def with_evidence(row: Row) -> Row:
    """Move document/sentence/start/end into one ``evidence`` object (None if no sentence)."""
    out = typed({k: v for k, v in row.items() if k not in EVIDENCE_KEYS})
    if row.get("sentence") is None and row.get("document") is None:
        out["evidence"] = None
    else:
        ev = typed({k: row.get(k) for k in EVIDENCE_KEYS})
        out["evidence"] = ev
    return out


def doc_id(iri: str | None) -> str | None:
    """The slug of a document IRI (``…/doc/su-zhengbanfa-2012-123`` → ``su-zhengbanfa-2012-123``).

    >>> doc_id("https://w3id.org/policykg/doc/su-zhengbanfa-2012-123")
    'su-zhengbanfa-2012-123'
    """
    if iri and iri.startswith(terms.DOC_BASE):
        return iri.removeprefix(terms.DOC_BASE)
    return None


def agency_id(iri: str | None) -> str | None:
    """The path of an agency IRI under ``…/agency/`` (``320000/quality-supervision``)."""
    if iri and iri.startswith(terms.AGENCY_BASE):
        return iri.removeprefix(terms.AGENCY_BASE)
    return None


def group_measures(rows: Iterable[Row]) -> list[Row]:
    """One entry per measure with its agencies (role, label, raw name, evidence), in order.

    Rows are ``document_measures`` rows: one per (measure, agency role).
    """
    measures: dict[str, Row] = {}
    for row in rows:
        key = row["measure"]
        entry = measures.get(key)
        if entry is None:
            entry = typed(
                {
                    "measure": key,
                    "path": row.get("path"),
                    "heading": row.get("heading"),
                    "start": row.get("measureStart"),
                    "end": row.get("measureEnd"),
                }
            )
            entry["agencies"] = []
            measures[key] = entry
        if row.get("agency"):
            entry["agencies"].append(agency_role(row, row.get("document")))
    return list(measures.values())


def agency_role(row: Row, document: str | None) -> Row:
    """An agency's role on a measure, as a measure entry lists it, with its evidence in
    ``document`` (role, agency, label, raw name as written)."""
    return with_evidence(
        {
            "role": row.get("role"),
            "agency": row.get("agency"),
            "label": row.get("agencyLabel"),
            "rawName": row.get("rawName"),
            **{k: row.get(k) for k in EVIDENCE_KEYS},
            "document": document,
        }
    )


def page(items: list[Row], limit: int, offset: int) -> list[Row]:
    """The slice ``[offset, offset + limit)``."""
    return items[offset : offset + limit]


def listing(
    items: list[Row], *, limit: int, offset: int, query: str, truncated: bool = False
) -> Row:
    """The envelope of every list answer: items, total, paging and the named query behind it.

    ``items`` is every item; the answer holds the page ``[offset, offset + limit)``.
    """
    shown = page(items, limit, offset)
    return envelope(shown, len(items), limit=limit, offset=offset, query=query, truncated=truncated)


def paged(answer: Any, items: list[Row], *, limit: int, offset: int, query: str) -> Row:
    """The envelope of a list whose page the named query itself answered (``answer`` is the
    worker's ``RowsAnswer``: ``items`` are its rows, shaped; ``answer.total`` counts all)."""
    total = answer.total if answer.total is not None else len(items)
    return envelope(
        items, total, limit=limit, offset=offset, query=query, truncated=answer.truncated
    )


def envelope(
    items: list[Row], total: int, *, limit: int, offset: int, query: str, truncated: bool
) -> Row:
    """Items of one page with how many there are in all and how many follow (``more``)."""
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "more": max(0, total - offset - len(items)),
        "truncated": truncated,
        "query": f"/queries/{query}",
    }


def to_csv(rows: list[Row]) -> str:
    """Rows as CSV with a header of every column seen (nested values as text).

    >>> to_csv([{"a": "1", "b": None}, {"a": "x,y"}])
    'a,b\\r\\n1,\\r\\n"x,y",\\r\\n'
    """
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()
