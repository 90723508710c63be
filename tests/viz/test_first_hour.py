"""The pages a researcher lands on in the first hour, in a real headless Chromium: /docs works
offline, a bad key is a 404 page (and a 404 JSON body on the API), a missing parameter is a
readable page, the query page opens on the loaded documents with the site's navigation, and
the home, document and search pages count and show what they say."""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
import pytest

from api.pages import yasgui_available
from tests.viz.conftest import Watched

pytestmark = pytest.mark.browser

LOCAL = ("data:", "blob:", "about:")


def _local(server: str) -> tuple[str, ...]:
    return (server, *LOCAL)


def test_docs_renders_the_api_with_nothing_from_outside(server: str, watched: Watched) -> None:
    response = watched.page.goto(server + "/docs")
    assert response is not None and response.status == 200
    watched.page.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=30_000)
    paths = watched.page.locator(".opblock-summary-path").all_inner_texts()
    assert "/sparql" in paths and "/documents/{doc}" in paths
    assert watched.outside(_local(server)) == []
    assert watched.errors == []
    watched.screenshot("docs")


@pytest.mark.parametrize(
    "path",
    [
        "/ui/cascades/nonexistent",
        "/viz/cascades/nonexistent",
        "/ui/documents/nope",
        "/viz/documents/nope",
        "/ui/agencies/320000/nope",
        "/viz/agencies?agency=320000/nope",
        "/ui/no-such-page",
    ],
)
def test_a_missing_thing_is_a_404_page_with_links_back(
    server: str, watched: Watched, path: str
) -> None:
    response = watched.page.goto(server + path)
    assert response is not None and response.status == 404
    assert watched.page.locator("h2").first.inner_text() == "没有找到"
    assert watched.page.locator("p.status").inner_text().startswith("库中没有这")
    assert watched.page.locator("main a[href='/']").count() == 1
    assert watched.page.locator("header nav a[href='/ui/documents']").count() == 1


@pytest.mark.parametrize(
    "api_path", ["/documents/nope", "/indicators/nonexistent/cascade", "/agencies/320000/nope"]
)
def test_the_api_answers_the_same_missing_things_404_json(server: str, api_path: str) -> None:
    response = httpx.get(server + api_path)
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_a_page_without_its_parameter_explains_itself(server: str, watched: Watched) -> None:
    response = watched.page.goto(server + "/viz/query")
    assert response is not None and response.status == 422
    assert response.headers["content-type"].startswith("text/html")
    body = watched.page.locator("main").inner_text()
    assert "缺少参数" in body and "query" in body
    assert watched.page.locator("main a[href='/sparql']").count() >= 1
    watched.screenshot("missing-parameter")


def test_home_lists_only_agencies_that_lead_something(server: str, watched: Watched) -> None:
    watched.page.goto(server + "/")
    card = watched.page.locator("section.card", has_text="牵头最多的部门")
    items = card.locator("li").all_inner_texts()
    assert items, "the panel is empty"
    leads = [int(m.group(1)) for m in (re.search(r"牵头 (\d+)", item) for item in items) if m]
    assert len(leads) == len(items) and all(n > 0 for n in leads), items


def test_a_document_page_shows_the_file_name_not_the_server_path(
    server: str, watched: Watched
) -> None:
    watched.page.goto(server + "/ui/documents/su-zhengbanfa-2012-123")
    source = watched.page.locator("dt:has-text('来源文件') + dd").inner_text()
    assert source.startswith("jiangsu.txt") or source.split()[0].endswith(".txt"), source
    assert "/" not in source.split()[0]
    assert "sha256" in source


def test_search_results_give_the_document_column_room(server: str, watched: Watched) -> None:
    watched.page.goto(server + "/ui/search?q=" + quote("名牌"))
    # each hit names its document on a line of its own, as wide as the results column
    hit = watched.page.locator("#search-hits li.hit").first
    assert hit.count() == 1
    box = hit.bounding_box()
    assert box is not None and box["width"] >= 200, box  # about 12 Chinese characters a line
    title = hit.locator("a").first
    assert "…" not in title.inner_text()
    watched.screenshot("search")


@pytest.mark.skipif(not yasgui_available(), reason="YASGUI not fetched (needs npm: make assets)")
def test_the_query_page_opens_on_the_loaded_documents(server: str, watched: Watched) -> None:
    watched.page.goto(server + "/sparql")
    watched.page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    first_tab = watched.page.locator(".yasgui .tabsList .tab").first.inner_text()
    assert "document_list" in first_tab
    cells = watched.page.locator(".yasr table tbody td").all_inner_texts()
    assert "2014年镇江市质量强市行动计划" in [c.strip() for c in cells]  # whole, not cut with …
    assert any(c.strip() == "doc:su-zhengbanfa-2012-123" for c in cells)  # shortened IRI
    assert watched.page.locator("header a[href='/']").count() == 1  # a way back to the site
    editor = watched.page.evaluate("window.policykgYasgui.getTab().getYasqe().getValue()")
    assert "?sub ?pred ?obj" not in editor
    text = watched.page.locator("body").inner_text()
    assert "Oxigraph" not in text and " ms" not in text
    assert watched.outside(_local(server)) == []
    watched.screenshot("query-page")


def test_the_agency_network_opens_with_its_busiest_agencies_labelled(
    server: str, watched: Watched
) -> None:
    watched.page.goto(server + "/viz/agencies")
    watched.wait_until_drawn()
    legible = watched.page.evaluate(
        """() => { const v = window.pkgViz, scale = v.network.getScale();
        return v.nodeView.get().filter(n => n.kind === 'agency' && n.font.size * scale >= 7)
          .map(n => n.fullLabel || n.label); }"""
    )
    # vis-network draws no label under 5 screen pixels: before, every agency was a bare dot
    assert "江苏省质量技术监督局" in legible, legible
    assert len(legible) >= 3, legible
    watched.screenshot("agency-network-labelled")


def test_the_document_neighbourhood_is_drawn_in_bands_without_overlapping_labels(
    server: str, watched: Watched
) -> None:
    watched.page.goto(server + "/viz/documents/su-zhengbanfa-2012-123")
    watched.wait_until_drawn()
    found = watched.page.evaluate(
        """() => { const v = window.pkgViz, net = v.network, ids = v.nodeView.getIds();
        const boxes = ids.map(id => net.getBoundingBox(id));  // a node with its label
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
        }
        const y = kind => v.nodeView.get().filter(n => n.kind === kind)
          .map(n => net.getPositions([n.id])[n.id].y);
        const self = 'https://w3id.org/policykg/doc/su-zhengbanfa-2012-123';
        return { overlaps, document: net.getPositions([self])[self].y, measures: Math.min(...y('measure')),
                 lastMeasure: Math.max(...y('measure')), agencies: Math.min(...y('agency')) }; }"""
    )
    assert found["overlaps"] == 0
    # document above its measures, measures above their agencies
    assert found["document"] < found["measures"] <= found["lastMeasure"] < found["agencies"]
    watched.screenshot("document-bands")
