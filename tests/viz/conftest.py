"""Fixtures for the view tests: a loaded store, a real uvicorn server on a free loopback port,
and a real headless Chromium (Debian's, driven by playwright) that records console errors and
every request the page makes."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.load import load_records
from graph.store import Store
from graph.stores import open_store
from tests.live_server import serve
from tests.viz import corpus

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def viz_store() -> Iterator[Store]:
    """An in-memory store holding the small view corpus (tests/viz/corpus.py)."""
    store = open_store("memory:")
    load_records(store, corpus.records())
    yield store
    store.close()


@pytest.fixture(scope="session")
def server(viz_store: Store) -> Iterator[str]:
    """The real app (api.app.create_app) served by uvicorn on a free 127.0.0.1 port; yields the
    base URL once the server answers."""
    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(query_workers=1), store=viz_store)
    with serve(app, ready_path="/viz/static/viz.css") as base:
        yield base


def _chromium_or_skip() -> None:
    if not os.path.exists(CHROMIUM) or shutil.which("chromium") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(
                "CI is set but /usr/bin/chromium is missing: run scripts/install-system-deps.sh"
            )
        pytest.skip("no /usr/bin/chromium: install it with scripts/install-system-deps.sh")


def wait_for(page: Any, expression: str, timeout_ms: int = 60_000) -> None:
    """Wait until a JavaScript expression is true in the page, polled from here.

    Playwright's ``wait_for_function`` evaluates its predicate inside the page with ``eval``,
    which the pages' Content-Security-Policy (no 'unsafe-eval', issue 17) refuses;
    ``page.evaluate`` goes through the DevTools protocol, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(100)


@dataclass
class Watched:
    """A page with what it logged and fetched."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside(self, allowed: tuple[str, ...]) -> list[str]:
        """Requests that went anywhere but the allowed prefixes."""
        return [url for url in self.requests if not url.startswith(allowed)]

    def wait_until_drawn(self, timeout_ms: int = 60_000) -> None:
        """Wait until the network view reports a finished layout (physics off)."""
        wait_for(self.page, "window.pkgViz && window.pkgViz.state === 'stable'", timeout_ms)

    def screenshot(self, name: str) -> Path:
        """Save a full-page screenshot under tests/artifacts/ and return its path."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"viz-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    """A fresh laptop-sized page that records console errors, page errors, dialogs and requests."""
    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="zh-CN")
    yield watch(context.new_page())
    context.close()


def watch(page: Any) -> Watched:
    """``page`` recording its console errors, page errors, dialogs (dismissed) and requests."""
    seen = Watched(page)
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    page.on("request", lambda request: seen.requests.append(request.url))

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen
