"""The hardening checks reuse the view tests' real server over the small view corpus."""

from tests.viz.conftest import server, viz_store

__all__ = ["server", "viz_store"]
