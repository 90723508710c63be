"""The index holds exactly the store's documents after every load, replace and delete, and
after a crash between the two; and it finds exactly the entries that contain the question."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from graph import fulltext
from graph.load import load_records
from graph.stores import open_store
from ontology import terms

QUERIES = ("名牌", "监督抽查合格率", "首席质量官", "质监局", "江苏", "质量强市")


def stored_documents(store: Any) -> set[str]:
    return {g for g in store.graphs() if g.startswith(terms.GRAPH_BASE + "doc/")}


def found(index: fulltext.SearchIndex, q: str, **filters: Any) -> list[fulltext.Hit]:
    query = fulltext.SearchQuery(q, per_page=1000, **filters)
    return index.search(query).hits


@pytest.mark.parametrize("q", QUERIES)
def test_every_entry_holding_the_question_is_found_and_nothing_else(
    seed_records: list[Any], seed_entries: list[Any], q: str
) -> None:
    store = open_store("memory:")
    load_records(store, seed_records)
    expected = sorted(
        (e.kind, e.item) for d in seed_entries for e in d.entries if q.lower() in e.text.lower()
    )
    assert expected, q  # each question of the issue occurs in the seeds
    hits = found(fulltext.index_for(store), q)
    assert sorted((h.kind, h.item) for h in hits) == expected


def test_index_follows_load_replace_and_delete(seed_records: list[Any]) -> None:
    store = open_store("memory:")
    load_records(store, seed_records)
    index = fulltext.index_for(store)
    assert set(index.documents()) == stored_documents(store)

    # replace: the 嘉泽镇 opinion read again from the same file, with a changed title
    jiaze = next(r for r in seed_records if "jiaze" in r.source.path)
    changed = dataclasses.replace(jiaze, title="嘉泽镇2016年质量强镇工作的实施意见（修订）")
    assert any(h.kind == "document" for h in found(index, "嘉泽镇2016年质量强镇工作的实施意见"))
    load_records(store, [changed])
    titles = [h.snippet for h in found(index, "（修订）") if h.kind == "document"]
    assert titles == ["嘉泽镇2016年质量强镇工作的实施意见（修订）"]
    assert set(index.documents()) == stored_documents(store)

    # delete, the way the API does it
    from api.search import delete_one

    doc = found(index, "（修订）")[0].doc
    delete_one(store, doc)
    assert not found(index, "（修订）") and not found(index, "嘉泽镇")
    assert set(index.documents()) == stored_documents(store)


def test_a_failed_write_leaves_the_index_as_it_was(seed_records: list[Any]) -> None:
    store = open_store("memory:")
    load_records(store, seed_records[:2])
    index = fulltext.index_for(store)
    before = index.documents()
    with pytest.raises(RuntimeError), index.writing(store):
        index.drop(list(before))
        raise RuntimeError("the store write failed")
    assert index.documents() == before and not index.dirty


def test_a_crash_between_store_and_index_is_reconciled_on_open(
    seed_records: list[Any], tmp_path: Path
) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    store = open_store(spec)
    load_records(store, seed_records)
    index = fulltext.index_for(store)
    assert found(index, "嘉泽镇")
    # the process dies after the store dropped a document, before the index committed
    victim = next(g for g in index.documents() if "jia-" in g)
    index._set_meta("dirty", "1")
    store.drop_graph(victim)
    fulltext.forget(store)
    store.close()

    reopened = open_store(spec)
    recovered = fulltext.index_for(reopened)
    assert not recovered.dirty
    assert set(recovered.documents()) == stored_documents(reopened)
    assert victim not in recovered.documents()
    assert all(h.doc != victim.replace("/graph/doc/", "/doc/") for h in found(recovered, "质量"))
    fulltext.forget(reopened)
    reopened.close()


def test_rebuild_from_the_store_gives_the_same_index(seed_records: list[Any]) -> None:
    store = open_store("memory:")
    load_records(store, seed_records)
    index = fulltext.index_for(store)
    before = {q: sorted((h.kind, h.item, h.offsets) for h in found(index, q)) for q in QUERIES}
    added, dropped = index.reconcile(store, rebuild=True)
    assert added == len(stored_documents(store)) and dropped == 0
    after = {q: sorted((h.kind, h.item, h.offsets) for h in found(index, q)) for q in QUERIES}
    assert after == before


def test_an_index_of_an_older_schema_is_rebuilt(seed_records: list[Any], tmp_path: Path) -> None:
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    load_records(store, seed_records[:1])
    path = fulltext.index_path(store.spec)
    assert path is not None
    fulltext.forget(store)
    old = fulltext.SearchIndex(path)
    old._set_meta("schema", "0")
    old.close()
    reopened = fulltext.index_for(store)
    assert set(reopened.documents()) == stored_documents(store)
    fulltext.forget(store)
    store.close()
