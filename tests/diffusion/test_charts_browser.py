"""The diffusion pages in a real headless Chromium: charts drawn by plotly.js from this server
(nothing fetched off 127.0.0.1), Chinese labels in the exported SVG, the comparison's CSV link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.store import Store
from tests.diffusion.conftest import JIANGSU, JIAZE, ZHENJIANG
from tests.live_server import serve
from tests.viz import conftest as viz_fixtures
from tests.viz.conftest import Watched, wait_for

pytestmark = pytest.mark.browser

# the view tests' headless Chromium and watched page (tests/viz/conftest.py)
watched = viz_fixtures.watched


@pytest.fixture(scope="module")
def base(seed_store: Store) -> Iterator[str]:
    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(query_workers=1), store=seed_store)
    with serve(app) as url:
        yield url


def _open_charts(watched: Watched, url: str, expected: int) -> None:
    watched.page.goto(url)
    wait_for(watched.page, "document.body.dataset.charts === 'ready'")
    assert watched.page.evaluate("window.policykgCharts") == expected


def _export(watched: Watched, chart: str, fmt: str) -> bytes:
    with watched.page.expect_download() as download:
        watched.page.click(f"button[data-export='{fmt}'][data-target='{chart}']")
    path = download.value.path()
    assert path is not None
    with open(path, "rb") as handle:
        return handle.read()


@pytest.mark.parametrize(
    ("path", "charts", "chart", "label"),
    [
        ("/ui/instruments", 2, "instrument-chart", "法规管制"),
        ("/ui/timelines/adoption?kind=%E8%B4%A8%E9%87%8F%E5%BC%BA", 2, "grid-chart", "镇江市"),
        ("/ui/timelines/indicator?concept=jiangsu-famous-brand", 1, "indicator-chart", "江苏省"),
    ],
)
def test_chart_pages_draw_offline_and_export_svg_with_chinese_labels(
    base: str, watched: Watched, path: str, charts: int, chart: str, label: str
) -> None:
    _open_charts(watched, base + path, charts)
    svg = _export(watched, chart, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg") and label in svg
    png = _export(watched, chart, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert watched.outside((base, "data:", "blob:")) == []
    assert watched.errors == []
    watched.screenshot("diffusion-" + chart)


def test_instrument_page_links_a_count_to_the_measures_and_their_cues(
    base: str, watched: Watched
) -> None:
    _open_charts(watched, base + "/ui/instruments?by=document", 2)
    row = watched.page.locator("#instrument-table tr", has_text="镇江市")
    row.locator("a").first.click()
    watched.page.wait_for_selector("#instrument-measures mark")
    marked = watched.page.locator("#instrument-measures mark").all_inner_texts()
    assert marked and all(m for m in marked)


@pytest.mark.parametrize(("a", "b"), [(JIANGSU, ZHENJIANG), (ZHENJIANG, JIAZE)])
def test_compare_page_shows_both_columns_and_downloads_csv(
    base: str, watched: Watched, a: str, b: str
) -> None:
    page: Any = watched.page
    page.goto(f"{base}/ui/compare?a={a}&b={b}")
    rows = page.locator("#compare-measures tr")
    assert rows.count() > 5
    assert page.locator("#compare-measures mark.shared").count() > 0
    with page.expect_download() as download:
        page.click("#csv-link")
    path = download.value.path()
    assert path is not None
    with open(path, encoding="utf-8-sig") as handle:
        header = handle.readline()
    assert header.startswith("section,kind,score,item")
    assert watched.outside((base, "data:", "blob:")) == []
    watched.screenshot(f"diffusion-compare-{a[:4]}-{b[:4]}")
