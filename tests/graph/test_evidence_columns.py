"""Every hit of search and agency_network carries the evidence of the fact it matched, on the
seed corpus: a sentence of its own document, and offsets of a span inside that sentence (the
sentence itself for measures, roles and titles; the phrase that states it for a target)."""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox
import pytest

from graph import queries
from graph.sparql import PREFIXES, select
from graph.store import Store

WORDS = ["名牌", "质量", "意见", "奖励制度", "合格率"]


def _text_of(store: Store, doc: str) -> str | None:
    rows = queries.run(store, "document_text", doc=doc)
    return rows[0]["text"] if rows else None


def _owns_evidence(store: Store, item: str, row: dict[str, str | None]) -> bool:
    """Whether ``item`` itself has an evidence node with exactly this sentence and offsets."""
    ask = (
        f"ASK {{ {ox.NamedNode(item)} pkg:evidence ?ev . "
        f"?ev pkg:sentence ?s ; pkg:start ?b ; pkg:end ?e ; prov:wasDerivedFrom {ox.NamedNode(row['document'] or '')} . "
        f"FILTER(STR(?s) = {ox.Literal(row['sentence'] or '')} && STR(?b) = {ox.Literal(row['start'] or '')} "
        f"&& STR(?e) = {ox.Literal(row['end'] or '')}) }}"
    )
    return bool(store.query(PREFIXES + ask))


def _assert_points_into(text: str, row: dict[str, str | None]) -> None:
    """The sentence is in the text, and start..end is a non-empty span of it."""
    start, end, sentence = int(row["start"] or 0), int(row["end"] or 0), row["sentence"] or ""
    assert 0 <= start < end <= len(text), row
    assert sentence in text and text[start:end] in sentence, row
    around = text[max(0, start - len(sentence)) : end + len(sentence)]
    assert sentence in around, row  # the span lies in this occurrence of the sentence


@pytest.mark.parametrize("word", WORDS)
def test_search_hits_carry_their_own_evidence(seed_store: Store, word: str) -> None:
    text_of = cache(lambda doc: _text_of(seed_store, doc))
    rows = queries.run(seed_store, "search", q=word)
    assert rows, word
    for row in rows:
        assert row["document"] == row["doc"], row
        if row["kind"] == "document":
            # a title hit: the title is the evidence, never some other fact's sentence
            assert row["sentence"] == row["label"] and word in (row["label"] or ""), row
            text = text_of(row["doc"])
            if row["start"] is None:
                assert text is None or (row["label"] or "") not in text, row
                continue
        else:
            assert _owns_evidence(seed_store, row["item"] or "", row), row
            text = text_of(row["doc"])
        assert text is not None and row["start"] is not None and row["end"] is not None
        _assert_points_into(text, row)


def test_search_title_hits_of_loaded_documents_point_into_their_text(seed_store: Store) -> None:
    titles = [r for r in queries.run(seed_store, "search", q="质量") if r["kind"] == "document"]
    loaded = [r for r in titles if _text_of(seed_store, r["doc"] or "") is not None]
    assert loaded and all(r["start"] is not None for r in loaded)
    assert any(r["start"] is None for r in titles)  # external documents: the title alone


def test_agency_network_returns_evidence_offsets(seed_store: Store) -> None:
    rows = queries.run(seed_store, "agency_network")
    assert rows
    texts: dict[str, str | None] = {}
    for row in rows:
        assert row["sentence"] and row["start"] and row["end"] and row["document"], row
        doc = row["document"] or ""
        if doc not in texts:
            texts[doc] = _text_of(seed_store, doc)
        text = texts[doc]
        assert text is not None
        _assert_points_into(text, row)
        assert text[int(row["start"] or 0) : int(row["end"] or 0)] == row["sentence"]
        assert row["rawName"] is None or row["rawName"] in row["sentence"], row


def test_agency_network_filters_agree_with_the_whole(seed_store: Store) -> None:
    whole = queries.run(seed_store, "agency_network")
    lead = queries.run(seed_store, "agency_network", role="lead")
    assert lead and lead == [r for r in whole if r["role"] == "lead"]
    jiangsu = queries.run(seed_store, "agency_network", region="320000")
    assert jiangsu and {r["regionLabel"] for r in jiangsu} == {"江苏省"}
    assert len({(r["agency"], r["measure"], r["role"]) for r in whole}) >= len(whole) // 2


def test_load_report_names_where_references_point(seed_store: Store) -> None:
    from graph.load import link_store

    labels = dict(link_store(seed_store).rows())  # the linking pass again: it is idempotent
    ask = """SELECT (COUNT(DISTINCT ?ref) AS ?n) WHERE {
      ?ref a pkg:Reference ; pkg:referencedDocument ?d .
      %s { ?d a pkg:ExternalDocument }
    }"""
    external = select(seed_store, ask % "")[0]["n"].value
    loaded = select(seed_store, ask % "FILTER NOT EXISTS")[0]["n"].value
    assert labels["references to external documents"] == external
    assert labels["references to loaded documents"] == loaded
    assert int(external) > 0
    assert not any("unresolved" in label for label in labels)
