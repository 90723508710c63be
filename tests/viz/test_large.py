"""A 2,000-node view stays usable: the layout settles within its iteration budget, physics is
switched off, and every node is on the canvas (real Chromium, exported standalone file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.viz.conftest import Watched
from visualizations.render import Assets, render_view
from visualizations.views import agency_view, hierarchy_view

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DOC = "https://w3id.org/policykg/doc/"
LEVELS = ("province", "city", "county", "town")


def _agency_rows(count: int) -> list[dict[str, str]]:
    """Synthetic agency_network rows: 200 documents × 6 measures, 600 agencies (2,000 nodes)."""
    rows = []
    for m in range(1200):
        doc = m // 6
        for role, agency in (("lead", m % 300), ("participating", 300 + (m * 7) % 300)):
            rows.append(
                {
                    "agency": f"https://w3id.org/policykg/agency/{agency}/quality",
                    "agencyLabel": f"第{agency}号质量技术监督局",
                    "role": role,
                    "measure": f"{DOC}d{doc}/measure/{m}",
                    "heading": f"措施{m}",
                    "doc": f"{DOC}d{doc}",
                    "docTitle": f"文件{doc}",
                    "level": LEVELS[doc % 4],
                    "regionLabel": f"地区{doc % 13}",
                }
            )
    return rows[:count]


def _open_file(watched: Watched, tmp_path: Path, html: str) -> None:
    path = tmp_path / "large.html"
    path.write_text(html, encoding="utf-8")
    watched.page.goto(path.as_uri())
    watched.wait_until_drawn(timeout_ms=60_000)


def test_force_layout_of_2000_nodes_settles_and_stops(watched: Watched, tmp_path: Path) -> None:
    view = agency_view(_agency_rows(2400))
    assert view.node_count == 2000
    _open_file(watched, tmp_path, render_view(view, Assets(inline=True)))
    state = watched.page.evaluate(
        "({n: pkgViz.nodeView.length, reason: pkgViz.stableReason, ms: pkgViz.stabilizedAfter,"
        " physics: pkgViz.network.physics.physicsEnabled})"
    )
    print(f"2,000-node force layout settled in {state['ms']} ms ({state['reason']})")
    assert state["n"] == 2000
    assert state["reason"] == "stabilized"  # the iteration budget ended it, not the guard
    assert state["physics"] is False
    watched.screenshot("large-force")
    assert watched.errors == []


def test_hierarchy_of_2000_documents_draws_without_physics(
    watched: Watched, tmp_path: Path
) -> None:
    documents = [
        {
            "doc": f"{DOC}d{i}",
            "title": f"第{i}号质量强市实施意见",
            "level": LEVELS[min(3, i // 500)],
        }
        for i in range(2000)
    ]
    links = [
        {
            "source": f"{DOC}d{i}",
            "target": f"{DOC}d{(i - 500) // 4 if i >= 500 else 0}",
            "relation": "implements",
        }
        for i in range(1, 2000)
    ]
    view = hierarchy_view(documents, links)
    _open_file(watched, tmp_path, render_view(view, Assets(inline=True)))
    state = watched.page.evaluate(
        "({n: pkgViz.nodeView.length, ms: pkgViz.stabilizedAfter, physics: pkgViz.network.physics.physicsEnabled})"
    )
    print(f"2,000-document hierarchy drawn in {state['ms']} ms")
    assert state["n"] == 2000 and state["physics"] is False
    watched.screenshot("large-hierarchy")
    assert watched.errors == []
