"""An incremental load ends in the same store as loading everything at once.

Loading new documents into a store links only what they touch (their references, the
references into them, the cascade of their concepts, the alignment of the pairs they take
part in); a researcher must get the same graph either way, quad for quad.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.generate import generate
from graph.load import graph_triples, load_paths
from graph.reasoning import reason
from graph.store import Store
from graph.stores import open_store
from ontology import terms

#: documents in the first load and in the second one
FIRST, SECOND = 60, 10


def quads(store: Store) -> set[tuple[str, ox.Triple]]:
    """Every quad outside the ontology graph (its blank nodes are named per store)."""
    return {
        (g, t) for g in store.graphs() if g != terms.GRAPH_ONTOLOGY for t in graph_triples(store, g)
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A small generated corpus: provinces, cities, counties and towns citing each other."""
    return sorted(generate(FIRST + SECOND, seed=7, out=tmp_path_factory.mktemp("corpus")))


def _load(store: Store, files: list[Path]) -> None:
    report = load_paths(store, files)
    assert not report.rejected
    reason(store, engine="rules")


def test_new_documents_link_as_in_a_full_load(corpus: list[Path], tmp_path: Path) -> None:
    # every seventh file arrives later: new documents at every level, cited and citing
    later = corpus[3::7]
    earlier = [f for f in corpus if f not in later]
    full = open_store(f"oxigraph:{tmp_path / 'full'}")
    step = open_store(f"oxigraph:{tmp_path / 'step'}")
    try:
        _load(full, corpus)
        _load(step, earlier)
        report = load_paths(step, later)
        reason(step, engine="rules", incremental=True)
        assert report.documents == len(later)
        assert report.incremental
        expected, got = quads(full), quads(step)
        missing, extra = expected - got, got - expected
        assert not missing and not extra, (
            sorted(map(str, missing))[:5],
            sorted(map(str, extra))[:5],
        )
    finally:
        full.close()
        step.close()
