"""The query page in a real headless Chromium: YASGUI drawn from local assets, one tab per
named query, a query run against /sparql with a results table, nothing fetched from outside."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from api.app import create_app
from api.pages import examples, yasgui_available
from api.settings import Settings
from graph import queries
from tests.api.conftest import seed_store
from tests.live_server import serve

CHROMIUM = "/usr/bin/chromium"
# Examples whose sample parameter values (api.pages.SAMPLE_VALUES) find rows in the seed corpus.
SHOWS_ROWS = {"agency_measures", "cascade", "document_detail", "measure_agencies", "search"}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def live_server(seed_records: list[Any]) -> Iterator[str]:
    """The app over the seed corpus served by uvicorn on a free 127.0.0.1 port."""
    app = create_app(Settings(store="memory:"), seed_store(seed_records))
    with serve(app, ready_path="/query") as base:
        yield base


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The session's Chromium (tests/conftest.py; skipped with a reason when absent, failed in
    CI), for a page that needs YASGUI."""
    if not yasgui_available():
        pytest.fail("YASGUI is not in api/static/vendor: run scripts/fetch-assets.sh")
    return browser


@pytest.mark.browser
def test_query_page_runs_a_query_with_local_assets_only(live_server, chromium):
    page = chromium.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server + "/sparql")  # a browser's Accept asks for the page
    page.wait_for_selector(".yasgui .tabsList", timeout=30_000)
    tab_names = page.locator(".yasgui .tabsList .tab").all_inner_texts()
    named = [q.name for q in queries.catalog()]
    assert all(any(name in tab for tab in tab_names) for name in named), tab_names
    # the first tab holds the editor's query; replace it and run
    page.locator(".yasgui .tabsList .tab").first.click()
    page.evaluate(
        """() => { const yasqe = window.policykgYasgui.getTab().getYasqe();
        yasqe.setValue('PREFIX eli: <http://data.europa.eu/eli/ontology#> '
          + 'SELECT ?title WHERE { ?doc eli:title ?title } ORDER BY ?title');
        yasqe.query(); }"""
    )
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    cells = " ".join(page.locator(".yasr table tbody td").all_inner_texts())
    assert "镇江市" in cells
    outside = [url for url in requests if not url.startswith(live_server)]
    assert outside == [], outside
    assert errors == [], errors
    page.close()


@pytest.mark.browser
def test_a_link_with_a_query_opens_it_in_the_editor(live_server, chromium):
    page = chromium.new_page()
    page.goto(live_server + "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D")
    page.wait_for_selector(".yasgui .CodeMirror", timeout=30_000)
    value = page.evaluate("() => window.policykgYasgui.getTab().getYasqe().getValue()")
    assert value.strip() == "ASK { ?s ?p ?o }"
    page.close()


@pytest.mark.parametrize("example", [pytest.param(e, id=e["name"]) for e in examples()])
def test_every_example_on_the_page_runs(seed_client, example):
    """Each preloaded tab's text is a valid query on its own (placeholders are variables)."""
    response = seed_client.post("/sparql", data={"query": example["query"]})
    assert response.status_code == 200, response.text[:300]
    if all(p["optional"] for p in example["params"]) or example["name"] in SHOWS_ROWS:
        assert response.json()["results"]["bindings"], "the example answers nothing"
