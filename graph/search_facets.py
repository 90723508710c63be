"""Filtering, facet counts and ranking of full-text matches, vectorised with numpy.

A common word matches most entries (质量 is in two thirds of them), so the work after the
match must not be a Python loop per entry: the index's documents and entries are held as
columns of small integer codes (:class:`Columns`, rebuilt when the index changes), each filter
is a boolean mask over the matches, and each facet is a ``bincount`` of its codes over the
matches that pass every *other* filter (so its values are the next clicks).

Regions are a hierarchy: a document's region and its ancestors are held as one code per depth
(country 0, province 1, city 2, county 3, town 4 as the gazetteer nests them). Choosing a
region keeps the documents with that code at its depth, i.e. it and everything inside it, and
the region facet counts the codes one depth further down.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from graph.search_entries import KINDS
from ontology.terms import REGION_BASE

Codes = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]
Ids = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float64]

#: titles first among equally good matches: a researcher looks for documents before sentences
KIND_WEIGHT = {"document": 2.0, "agency": 1.2, "measure": 1.0, "target": 1.0}
MAX_DEPTH = 6
#: values listed per facet at most (the most frequent): issuers number in the thousands
FACET_VALUES = 50
FACETS = ("kind", "level", "region", "year", "type", "issuer", "in_force")
IN_FORCE = ("unknown", "true", "false")


@dataclass
class Vocabulary:
    """Codes of one facet's values (0 is "none"), with their labels."""

    values: list[str] = field(default_factory=lambda: [""])
    labels: list[str] = field(default_factory=lambda: [""])
    index: dict[str, int] = field(default_factory=dict)

    def code(self, value: str | None, label: str | None = None) -> int:
        """The code of ``value`` (added when new); 0 for None."""
        if value is None:
            return 0
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
            self.labels.append(label or value)
        return found


@dataclass
class Columns:
    """The facets of every indexed document and the document and kind of every entry."""

    entry_doc: Codes
    entry_kind: Codes
    #: characters of each entry's text (BM25's length normalisation)
    entry_length: Codes
    level: Codes
    year: Codes
    doc_type: Codes
    in_force: Codes
    #: region code of each document at each depth, shape (MAX_DEPTH, documents)
    regions: Codes
    #: (document, issuer) pairs: issuers are many per document
    issuer_doc: Codes
    issuer_code: Codes
    vocab: dict[str, Vocabulary]
    region_depth: dict[str, int]

    @classmethod
    def load(cls, db: sqlite3.Connection) -> Columns:
        """Read the columns from the index's tables."""
        vocab = {name: Vocabulary() for name in ("level", "region", "type", "issuer")}
        region_depth: dict[str, int] = {}
        rows = db.execute("SELECT id, facets FROM documents").fetchall()
        size = (max((r[0] for r in rows), default=0)) + 1
        level = np.zeros(size, np.int32)
        year = np.zeros(size, np.int32)
        doc_type = np.zeros(size, np.int32)
        in_force = np.zeros(size, np.int32)
        regions = np.zeros((MAX_DEPTH, size), np.int32)
        issuer_doc: list[int] = []
        issuer_code: list[int] = []
        for doc_id, text in rows:
            facets = json.loads(text)
            level[doc_id] = vocab["level"].code(facets["level"])
            year[doc_id] = facets["year"] or 0
            doc_type[doc_id] = vocab["type"].code(facets["doc_type"])
            in_force[doc_id] = IN_FORCE.index(_flag(facets["in_force"]))
            chain = list(reversed(facets["regions"]))[:MAX_DEPTH]  # country first
            for depth, (iri, name) in enumerate(chain):
                regions[depth, doc_id] = vocab["region"].code(iri, name or iri)
                region_depth.setdefault(iri.rsplit("/", 1)[-1], depth)
            for issuer in facets["issuers"]:
                issuer_doc.append(doc_id)
                issuer_code.append(vocab["issuer"].code(issuer))
        entries = db.execute("SELECT id, doc_id, kind, length(text) FROM entries").fetchall()
        top = (max((e[0] for e in entries), default=0)) + 1
        entry_doc = np.zeros(top, np.int32)
        entry_kind = np.zeros(top, np.int32)
        entry_length = np.zeros(top, np.int32)
        if entries:
            ids = np.fromiter((e[0] for e in entries), np.int64, len(entries))
            entry_doc[ids] = np.fromiter((e[1] for e in entries), np.int32, len(entries))
            kinds = {k: i for i, k in enumerate(KINDS)}
            entry_kind[ids] = np.fromiter((kinds[e[2]] for e in entries), np.int32, len(entries))
            entry_length[ids] = np.fromiter((e[3] for e in entries), np.int32, len(entries))
        return cls(
            entry_doc=entry_doc,
            entry_kind=entry_kind,
            entry_length=entry_length,
            level=level,
            year=year,
            doc_type=doc_type,
            in_force=in_force,
            regions=regions,
            issuer_doc=np.array(issuer_doc, np.int32),
            issuer_code=np.array(issuer_code, np.int32),
            vocab=vocab,
            region_depth=region_depth,
        )

    def bm25_once(self, ids: Ids, counts: list[int]) -> Scores:
        """BM25 as FTS5 computes it (k1 1.2, b 0.75, negative: lower is better) for entries
        holding every term once: the terms' idf (from ``counts``, the entries holding each)
        times the length-normalised term weight.

        >>> c = Columns.load(__import__("sqlite3").connect(":memory:").execute(
        ...     "CREATE TABLE documents(id, facets)").connection.execute(
        ...     "CREATE TABLE entries(id, doc_id, kind, text)").connection)
        >>> c.entry_length = np.array([0, 10, 40], np.int32)
        >>> s = c.bm25_once(np.array([1, 2]), [2]); bool(s[0] < s[1] < 0)
        True
        """
        total = max(int(np.count_nonzero(self.entry_length)), 1)
        idf = sum(max(np.log((total - n + 0.5) / (n + 0.5)), 1e-6) for n in counts)
        lengths = self.entry_length[ids].astype(np.float64)
        average = float(self.entry_length[self.entry_length > 0].mean()) if total > 1 else 1.0
        k1, b = 1.2, 0.75
        return -idf * (k1 + 1) / (1 + k1 * (1 - b + b * lengths / average))

    def select(
        self, ids: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], query: Any
    ) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.float64], dict[str, list[tuple[str, str, int]]]
    ]:
        """The matches passing every filter of ``query`` (a :class:`graph.fulltext.SearchQuery`),
        best first (ties by entry id, a stable order), their scores, and the facets as
        (value, label, count) lists."""
        docs = self.entry_doc[ids]
        kinds = self.entry_kind[ids]
        masks: dict[str, Mask] = {}
        if query.kinds:
            wanted = [KINDS.index(k) for k in query.kinds if k in KINDS]
            masks["kind"] = np.isin(kinds, wanted)
        if query.levels:
            codes = [self.vocab["level"].index.get(lv, -1) for lv in query.levels]
            masks["level"] = np.isin(self.level[docs], codes)
        region, depth = self._region(query.region)
        if region is not None:
            code = self.vocab["region"].index.get(region, -1)
            masks["region"] = (
                self.regions[depth, docs] == code if depth is not None else _none(docs)
            )
        if query.year_from is not None or query.year_to is not None:
            years = self.year[docs]
            keep = years > 0  # unknown stays unknown: a range never includes it
            if query.year_from is not None:
                keep &= years >= query.year_from
            if query.year_to is not None:
                keep &= years <= query.year_to
            masks["year"] = keep
        if query.doc_type is not None:
            masks["type"] = self.doc_type[docs] == self.vocab["type"].index.get(query.doc_type, -1)
        if query.issuer is not None:
            code = self.vocab["issuer"].index.get(query.issuer, -1)
            has = np.zeros(len(self.level), np.bool_)
            has[self.issuer_doc[self.issuer_code == code]] = True
            masks["issuer"] = has[docs]
        if query.in_force is not None:
            masks["in_force"] = self.in_force[docs] == IN_FORCE.index(_flag(query.in_force))

        everything = _all(masks, len(ids))
        facets = {
            name: self._facet(name, docs, kinds, _all(masks, len(ids), but=name), depth)
            for name in FACETS
        }
        weights = np.array([KIND_WEIGHT.get(k, 1.0) for k in KINDS])
        kept_ids, kept = ids[everything], scores[everything] * weights[kinds[everything]]
        order = np.lexsort((kept_ids, kept))  # BM25 is negative: smaller is better
        return kept_ids[order], kept[order], facets

    def _region(self, region: str | None) -> tuple[str | None, int | None]:
        """The IRI and depth of a region given by IRI or by the last segment of one (its
        GB/T 2260 code); depth None when no indexed document lies in it."""
        if not region:
            return None, None
        key = region.rstrip("/").rsplit("/", 1)[-1]
        return REGION_BASE + key, self.region_depth.get(key)

    def _facet(
        self, name: str, docs: Codes, kinds: Codes, mask: Mask, depth: int | None
    ) -> list[tuple[str, str, int]]:
        if name == "kind":
            counts = np.bincount(kinds[mask], minlength=len(KINDS))
            return [(KINDS[i], KINDS[i], int(c)) for i, c in enumerate(counts) if c]
        if name == "in_force":
            counts = np.bincount(self.in_force[docs[mask]], minlength=len(IN_FORCE))
            return [(IN_FORCE[i], IN_FORCE[i], int(c)) for i, c in enumerate(counts) if c]
        if name == "year":
            years = self.year[docs[mask]]
            values, counts = np.unique(years, return_counts=True)
            return [
                (str(v) if v else "unknown", str(v) if v else "unknown", int(c))
                for v, c in zip(values, counts, strict=True)
            ]
        if name == "issuer":
            per_doc = np.bincount(docs[mask], minlength=len(self.level))
            counts = np.bincount(
                self.issuer_code, weights=per_doc[self.issuer_doc], minlength=1
            ).astype(np.int64)
            return self._coded("issuer", counts)
        if name == "region":
            below = 1 if depth is None else depth + 1
            if below >= MAX_DEPTH:
                return []
            counts = np.bincount(self.regions[below, docs[mask]])
            return self._coded("region", counts)
        column = {"level": self.level, "type": self.doc_type}[name]
        return self._coded(name, np.bincount(column[docs[mask]]))

    def _coded(self, name: str, counts: npt.NDArray[Any]) -> list[tuple[str, str, int]]:
        """The :data:`FACET_VALUES` most frequent values (code 0, "none", left out)."""
        vocab = self.vocab[name]
        counts = counts.copy()
        counts[:1] = 0
        present = np.flatnonzero(counts)
        if len(present) > FACET_VALUES:
            present = present[np.argsort(-counts[present], kind="stable")[:FACET_VALUES]]
        return [(vocab.values[i], vocab.labels[i], int(counts[i])) for i in present]


def _flag(value: bool | None) -> str:
    return {True: "true", False: "false", None: "unknown"}[value]


def _none(docs: Codes) -> Mask:
    return np.zeros(len(docs), np.bool_)


def _all(masks: dict[str, Mask], size: int, but: str | None = None) -> Mask:
    out = np.ones(size, np.bool_)
    for name, mask in masks.items():
        if name != but:
            out &= mask
    return out
