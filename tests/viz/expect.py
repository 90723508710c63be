"""What the hierarchy view should draw, worked out from the store's own answers (not from the
view code): by default the implementation chain, with every filter ticked everything."""

from __future__ import annotations

from graph import queries
from graph.store import Store

# relations that tie two documents into one implementation chain (as document_links spells them)
CHAIN = ("implementation", "repeal", "announce")
STANDARD_OR_LAW = ("标准", "法")


def hierarchy_all_ids(store: Store) -> set[str]:
    """Every loaded document and every document a link reaches."""
    ids = {row["doc"] for row in queries.run(store, "document_list")}
    for row in queries.run(store, "document_links"):
        ids |= {row["source"], row["target"]}
    return {iri for iri in ids if iri}


def hierarchy_default_ids(store: Store) -> set[str]:
    """Loaded documents plus what they implement, announce or are repealed by, leaving out
    standards and laws."""
    ids = {row["doc"] for row in queries.run(store, "document_list")}
    for row in queries.run(store, "document_links"):
        chained = any(word in (row["relation"] or "") for word in CHAIN)
        if chained and row.get("targetType") not in STANDARD_OR_LAW:
            ids |= {row["source"], row["target"]}
    return {iri for iri in ids if iri}


def standards_and_laws(store: Store) -> set[str]:
    """Link targets whose document type is 标准 or 法."""
    return {
        str(row["target"])
        for row in queries.run(store, "document_links")
        if row.get("targetType") in STANDARD_OR_LAW
    }
