"""Browsing a slice in a real headless Chromium: a cascade scoped to a region says how many
targets there are per level and how many more follow, and its next page brings them; a
search hit opens the reader page with the matched passage marked and scrolled into view."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from tests.viz.conftest import Watched

pytestmark = pytest.mark.browser

CASCADE = "/ui/cascades/jiangsu-famous-brand"


def _open(watched: Watched, url: str) -> None:
    response = watched.page.goto(url)
    assert response is not None and response.status == 200, url


def _targets_shown(watched: Watched) -> int:
    return watched.page.locator("table.data").first.locator("tr").count() - 1


def test_cascade_says_how_many_more_and_pages_through_them(server: str, watched: Watched) -> None:
    _open(watched, server + CASCADE)
    heading = watched.page.locator("h2").first.inner_text()
    total = int(re.search(r"共 (\d+) 个目标", heading).group(1))  # type: ignore[union-attr]
    assert total >= 2
    _open(watched, server + CASCADE + "?limit=1")
    assert _targets_shown(watched) == 1
    assert watched.page.locator("strong.more").inner_text() == str(total - 1)
    first = watched.page.locator("table.data").first.locator("tr").nth(1).inner_text()
    watched.screenshot("cascade-page-1")
    watched.page.click("a.next")
    watched.page.wait_for_load_state()
    assert "offset=1" in watched.page.url and "limit=1" in watched.page.url
    second = watched.page.locator("table.data").first.locator("tr").nth(1).inner_text()
    assert second != first
    assert not watched.errors, watched.errors


def test_cascade_scoped_below_a_region(server: str, watched: Watched) -> None:
    """镇江市 (321100) and the towns inside it: no province target, fewer than in all."""
    _open(watched, server + CASCADE)
    everything = watched.page.locator("p.level-totals").inner_text()
    watched.page.fill("input[name=region]", "321100")
    watched.page.click("form.scope button")
    watched.page.wait_for_load_state()
    assert "region=321100" in watched.page.url
    scoped = watched.page.locator("p.level-totals").inner_text()
    assert "省级" in everything and "省级" not in scoped and scoped
    assert "（已筛选）" in watched.page.locator("h2").first.inner_text()
    watched.screenshot("cascade-region-321100")
    assert not watched.errors, watched.errors


def test_search_hit_opens_the_passage_marked_and_in_view(server: str, watched: Watched) -> None:
    _open(watched, server + "/ui/search?q=" + quote("名牌"))
    link = watched.page.locator("a[href*='hl=']").first
    href = link.get_attribute("href") or ""
    start, end = (int(x) for x in re.search(r"hl=(\d+)-(\d+)", href).groups())  # type: ignore[union-attr]
    link.click()
    watched.page.wait_for_selector("mark#hit")
    mark = watched.page.locator("mark#hit")
    assert "名牌" in "".join(watched.page.locator("mark.search-hit").all_inner_texts())
    assert len(mark.inner_text()) <= end - start
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] <= 800, box
    watched.screenshot("reader-search-hit")
    assert not watched.errors, watched.errors
