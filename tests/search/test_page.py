"""The results page in a real headless Chromium: a researcher searches 名牌 from the search
box, sees ranked hits with the matches marked and facet counts, and narrows to 江苏省, a city
level and 2012–2016 by clicking the facets."""

from __future__ import annotations

import pytest

from tests.viz.conftest import Watched

pytestmark = pytest.mark.browser


def test_search_box_facets_narrow_to_jiangsu_cities_2012_2016(
    seed_server: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(seed_server + "/ui/documents")
    page.fill("form.searchform input[name=q]", "名牌")
    page.press("form.searchform input[name=q]", "Enter")
    page.wait_for_selector("#search-hits")
    assert page.inner_text("#search-total").startswith("17 条结果")
    marks = page.locator("#search-hits mark").all_inner_texts()
    assert marks and set(marks) == {"名牌"}
    counts = page.locator("[data-facet=level] .facet-count").all_inner_texts()
    assert sum(int(c) for c in counts) == 17

    page.click("[data-facet=region] a:has-text('江苏省')")  # first click: the province
    page.wait_for_selector("[data-facet=region] a:has-text('镇江市')")
    page.click("[data-facet=level] a:has-text('市')")  # second click: city level
    page.fill(".year-range input[name=from]", "2012")
    page.fill(".year-range input[name=to]", "2016")
    page.click(".year-range button")
    page.wait_for_selector("#search-filters")
    filters = page.inner_text("#search-filters")
    assert "地区：320000" in filters and "层级：市" in filters and "起始年：2012" in filters
    hits = page.locator("#search-hits .hit").all_inner_texts()
    assert hits and all("镇江市 · 市 · 2014" in hit for hit in hits)
    assert watched.errors == []
    assert watched.outside((seed_server + "/",)) == []


def test_a_hostile_question_is_a_clear_message(seed_server: str, watched: Watched) -> None:
    response = watched.page.goto(seed_server + "/ui/search?q=" + "%00" + "名牌")
    assert response is not None and response.status == 400
    assert "control characters" in watched.page.inner_text("[role=alert]")
    watched.errors.clear()  # Chromium logs the 400 itself
    response = watched.page.goto(seed_server + "/ui/search?q=%22%3Cimg%20src%3Dx%3E%22%20OR")
    assert response is not None and response.status == 200
    assert watched.dialogs == [] and watched.errors == []
