"""REST resources over the named queries (filled in as graph/queries lands)."""

from __future__ import annotations

from fastapi import APIRouter


def make_rest_router() -> APIRouter:
    """The REST routes."""
    return APIRouter()
