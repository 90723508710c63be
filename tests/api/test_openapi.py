"""The OpenAPI description: every route documented with an example, and schemathesis finds
no 5xx anywhere in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api import examples, search
from api.app import create_app
from api.settings import Settings
from tests.api.conftest import seed_store


@pytest.fixture(scope="module")
def seed_app(seed_records: list[Any]) -> Iterator[Any]:
    """The app over the seed corpus in memory (read-only: no admin token)."""
    app = create_app(Settings(store="memory:", query_timeout=5), seed_store(seed_records))
    yield app
    app.state.policykg.close()


@pytest.fixture(scope="module")
def api_schema(seed_app: Any) -> Any:
    """The app's OpenAPI schema, loaded by schemathesis over ASGI."""
    return schemathesis.openapi.from_asgi("/openapi.json", seed_app)


@schemathesis.serializer("application/sparql-query", "application/sparql-update")
def _sparql_text(ctx: Any, value: Any) -> bytes:
    """SPARQL bodies are plain UTF-8 text."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])


def test_every_route_has_summary_and_example(seed_app: Any) -> None:
    with TestClient(seed_app) as client:
        spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), (method, path)
            ok = operation["responses"].get("200") or operation["responses"].get("201")
            content = (ok or {}).get("content", {})
            assert any("example" in media for media in content.values()), (method, path)


@pytest.mark.parametrize(
    ("example", "url"),
    [
        (examples.DOCUMENTS, "/documents?limit=2"),
        (examples.DOCUMENT, "/documents/su-zhengbanfa-2012-123"),
        (examples.AGENCY, "/agencies/320000/quality-supervision"),
        (examples.CASCADE, "/indicators/jiangsu-famous-brand/cascade"),
        (search.EXAMPLE, "/search?q=名牌&per_page=1"),
        (examples.RUN, "/queries/measure_agencies?phrase=建立质量奖励制度"),
    ],
)
def test_examples_are_real_answers(seed_app: Any, example: Any, url: str) -> None:
    """The documented examples have the keys the live routes answer with."""
    with TestClient(seed_app) as client:
        live = client.get(url).json()
    assert set(example) == set(live)
