"""The hardening checks reuse the view tests' real server and real Chromium."""

from tests.viz.conftest import browser, server, viz_store, watched

__all__ = ["browser", "server", "viz_store", "watched"]
