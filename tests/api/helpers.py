"""Assertions shared by the API tests."""

from __future__ import annotations

from typing import Any

import httpx


def assert_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """Check ``response`` is the one JSON error body with ``status``; return the body."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert body["ok"] is False, body
    assert body["status"] == status, body
    assert isinstance(body["error"], str) and body["error"], body
    assert set(body) == {"ok", "status", "error", "detail"}, body
    return body


def sparql_bindings(response: httpx.Response) -> list[dict[str, str]]:
    """The bindings of a SPARQL JSON results answer as {variable: value}."""
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
