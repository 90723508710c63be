"""The views over the real seed corpus (loaded by the real loaders and graph), exported as
standalone files and drawn in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import queries
from graph.load import load_paths
from graph.store import Store
from graph.stores import open_store
from tests.viz.conftest import Watched
from tests.viz.expect import hierarchy_all_ids, hierarchy_default_ids, standards_and_laws
from visualizations import build_view, export_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_store(seed_dir: Path) -> Iterator[Store]:
    store = open_store("memory:")
    load_paths(store, [seed_dir])
    yield store
    store.close()


def _seed_views(store: Store) -> dict[str, tuple[str, str | None]]:
    documents = queries.run(store, "document_list")
    town = next(row["doc"] for row in documents if row["level"] == "town")
    return {
        "hierarchy": ("hierarchy", None),
        "agencies": ("agencies", None),
        "cascade": ("cascade", "jiangsu-famous-brand"),
        "town": ("document", str(town).rsplit("/", 1)[-1]),
    }


@pytest.mark.parametrize("name", ["hierarchy", "agencies", "cascade", "town"])
def test_seed_view_draws_offline(
    seed_store: Store, watched: Watched, tmp_path: Path, name: str
) -> None:
    kind, key = _seed_views(seed_store)[name]
    expected = build_view(kind, seed_store, key).node_count
    if kind == "hierarchy":  # standards, laws and merely cited documents start filtered out
        expected = len(hierarchy_default_ids(seed_store))
    path = tmp_path / f"{name}.html"
    path.write_text(export_view(kind, seed_store, key), encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.wait_until_drawn()
    assert watched.page.evaluate("window.pkgViz.nodeView.length") == expected > 1
    watched.screenshot(f"seed-{name}")
    assert watched.outside(("file://", "data:")) == []
    assert watched.errors == []


def test_seed_search_finds_the_quality_bureau(
    seed_store: Store, watched: Watched, tmp_path: Path
) -> None:
    path = tmp_path / "agencies.html"
    path.write_text(export_view("agencies", seed_store), encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.wait_until_drawn()
    watched.page.fill("#viz-search", "质监")
    watched.page.wait_for_selector("#viz-results button.viz-result")
    assert (
        "江苏省质量技术监督局"
        in watched.page.locator("#viz-results button.viz-result").all_inner_texts()
    )


def test_seed_cascade_edges_follow_refines(seed_store: Store) -> None:
    rows = queries.run(seed_store, "cascade", concept="jiangsu-famous-brand")
    view = build_view("cascade", seed_store, "jiangsu-famous-brand")
    expected = {(row["refines"], row["target"]) for row in rows if row.get("refines")}
    drawn = {(u, v) for u, v in view.graph.edges() if not str(v).startswith("gap")}
    assert drawn == expected and expected


def test_seed_hierarchy_is_legible_and_keeps_standards_and_laws_behind_a_filter(
    seed_store: Store, watched: Watched, tmp_path: Path
) -> None:
    path = tmp_path / "hierarchy.html"
    path.write_text(export_view("hierarchy", seed_store), encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.wait_until_drawn()
    shown = set(watched.page.evaluate("window.pkgViz.nodeView.getIds()"))
    hidden = standards_and_laws(seed_store)
    assert hidden and not shown & hidden
    # at the initial fit a label is drawn at 12 px or more on a 1366×800 page
    pixels = watched.page.evaluate(
        "pkgViz.network.getScale() * pkgViz.nodes.get(pkgViz.nodeView.getIds()[0]).font.size"
    )
    assert pixels >= 12, pixels
    # the scope filter lists what it hides, with counts, and ticking it brings them back
    scope = watched.page.locator("#viz-filters input[data-facet=scope]")
    labels = watched.page.locator("#viz-filters fieldset").first.inner_text()
    assert "标准、法律 (" in labels
    for box in scope.all():
        if not box.is_checked():
            box.click()
    shown = set(watched.page.evaluate("window.pkgViz.nodeView.getIds()"))
    assert shown == hierarchy_all_ids(seed_store) and hidden <= shown
    watched.screenshot("seed-hierarchy-all")
    assert watched.errors == []


def test_seed_hierarchy_search_reaches_a_filtered_standard(
    seed_store: Store, watched: Watched, tmp_path: Path
) -> None:
    path = tmp_path / "hierarchy.html"
    path.write_text(export_view("hierarchy", seed_store), encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.wait_until_drawn()
    watched.page.fill("#viz-search", "ISO 9000")
    watched.page.locator("#viz-results button.viz-result").first.click()
    assert any(
        "ISO 9000" in (watched.page.evaluate("id => pkgViz.nodes.get(id).label", node) or "")
        for node in watched.page.evaluate("pkgViz.network.getSelectedNodes()")
    )
    assert watched.page.locator("#viz-details").is_visible()
