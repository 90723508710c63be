"""Issue 17: every page and API answer carries a Content-Security-Policy that allows only the
server's own assets, ``X-Content-Type-Options: nosniff`` and a ``Referrer-Policy``; and every
page still works under that policy in a real headless Chromium (a blocked script or style
shows as a console error)."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.viz.conftest import CHROMIUM, CHROMIUM_ARGS, Watched, _chromium_or_skip, watch

PAGES = {
    "home": "/",
    "documents": "/ui/documents",
    "search": "/ui/search?q=" + quote("名牌"),
    "document": "/ui/documents/su-zhengbanfa-2012-123",
    "hierarchy": "/viz/hierarchy",
    "query-page": "/query",
    "api-docs": "/docs",
}
ANSWERS = {
    "sparql-json": "/sparql?query=" + quote("ASK {}"),
    "sparql-error": "/sparql?query=" + quote("SELECT nonsense"),
    "rest": "/documents",
    "not-found": "/no/such/route",
    "static": "/static/query.js",
}


def assert_secure(headers: httpx.Headers) -> None:
    policy = headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    script_sources = directives["script-src"].split()
    assert script_sources[0] == "'self'"
    # nothing from elsewhere and no inline script but ones named by hash
    assert all(s.startswith("'sha256-") for s in script_sources[1:]), policy
    assert "http" not in policy and "*" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] in ("same-origin", "no-referrer", "strict-origin")


@pytest.mark.parametrize("name", sorted(PAGES) + sorted(ANSWERS))
def test_every_answer_carries_the_security_headers(server: str, name: str) -> None:
    path = PAGES.get(name) or ANSWERS[name]
    response = httpx.get(server + path, headers={"Accept": "text/html,*/*"}, timeout=30)
    assert response.status_code < 500, response.text
    assert_secure(response.headers)


def _visit(server: str, names: list[str]) -> dict[str, Watched]:
    """Open each page in a headless Chromium of its own, in a thread of its own: Playwright's
    sync API leaves an event loop in the thread that started it, which must not be the test
    session's (the view tests and the executor tests run theirs there)."""
    from playwright.sync_api import sync_playwright

    seen: dict[str, Watched] = {}
    failure: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for name in names:
                        seen[name] = _watch(chromium, server, name)
                finally:
                    chromium.close()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=600)
    if failure:
        raise failure[0]
    return seen


def _watch(chromium: Any, server: str, name: str) -> Watched:
    context = chromium.new_context(viewport={"width": 1366, "height": 800}, locale="zh-CN")
    seen = watch(context.new_page())
    page = seen.page
    response = page.goto(server + PAGES[name])
    assert response is not None and response.status == 200, name
    page.wait_for_load_state("networkidle")
    if name == "hierarchy":
        seen.wait_until_drawn()
    if name == "query-page":  # YASGUI drew its editor and ran the query it was given
        page.wait_for_selector(".CodeMirror", timeout=30_000)
    if name == "api-docs":  # Swagger UI's start-up script ran and drew the operations
        page.wait_for_selector(".opblock", timeout=30_000)
    context.close()
    return seen


@pytest.mark.browser
def test_every_page_works_under_the_policy(server: str) -> None:
    _chromium_or_skip()
    for name, watched in _visit(server, sorted(PAGES)).items():
        # The corpus holds a document titled <img src=x onerror=alert(1)>: the query page
        # lists it, and the policy refuses its handler (a console report) on top of escaping.
        refused = [e for e in watched.errors if "Executing inline event handler violates" in e]
        assert [e for e in watched.errors if e not in refused] == [], name
        assert watched.dialogs == [], name
        assert watched.outside((server + "/",)) == [], name


def test_an_unexpected_failure_still_carries_the_security_headers() -> None:
    """An exception no handler knows ends in Starlette's outermost error layer, outside every
    middleware: the 500 it answers must still carry the policy and say nothing of the error."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(store="memory:"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail from deep inside")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert "secret detail" not in response.text
    assert_secure(response.headers)
