"""The REST and CLI doors to alignment and comparison answer on the seed corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from api.routes_compare import width
from api.settings import Settings
from graph.store import Store
from tests.api.helpers import assert_error
from tests.diffusion.conftest import JIANGSU, JIAZE, ZHENJIANG


@pytest.fixture(scope="module")
def client(seed_store: Store) -> Iterator[TestClient]:
    app = create_app(Settings(store=str(seed_store.spec)), seed_store)  # type: ignore[attr-defined]
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_rest_alignment_of_the_city_plan_groups_links_added_and_not_taken_up(
    client: TestClient,
) -> None:
    body = client.get(f"/documents/{ZHENJIANG}/alignment").json()
    [against] = body["against"]
    assert against["higherId"] == JIANGSU
    cqo = [x for x in against["carriedOut"] if x["measure"]["path"] == "二.(六).5"]
    assert cqo[0]["higherMeasure"]["path"] == "二.(二).1"
    assert (
        "首席质量官" in cqo[0]["measure"]["sentence"]
        and "首席质量官" in cqo[0]["higherMeasure"]["sentence"]
    )
    counts = against["counts"]
    assert counts["adapted"] == len(against["carriedOut"]) and counts["added"] == len(
        against["added"]
    )
    assert "二.(三).5" in {m["path"] for m in against["notTakenUp"]}
    assert_error(client.get("/documents/no-such-doc/alignment"), 404)


def test_rest_fate_of_a_province_measure(client: TestClient) -> None:
    body = client.get(f"/documents/{JIANGSU}/measures/5/fate").json()
    assert body["path"] == "二.(二).1"
    assert [x["measure"]["path"] for x in body["carriedOutBy"]] == ["二.(六).5"]
    assert [x["level"] for x in body["notTakenUpBy"]] == ["town"]
    assert_error(client.get(f"/documents/{JIANGSU}/measures/999/fate"), 404)


def test_rest_compare_parent_and_implementer(client: TestClient) -> None:
    body = client.get("/compare", params={"a": JIANGSU, "b": ZHENJIANG}).json()
    assert body["relation"] == "b follows a"
    brands = [t for t in body["targets"] if t["indicator"] == "江苏名牌产品数"]
    assert brands[0]["change"] == "cut"
    assert (brands[0]["a"]["value"], brands[0]["b"]["value"]) == (900, 138)
    assert "质量技术监督局" in body["agencies"]["lost"]
    assert any("质量发展纲要" in (r["title"] or "") for r in body["references"]["both"])
    text = client.get("/compare", params={"a": JIANGSU, "b": ZHENJIANG, "format": "text"}).text
    assert "relation: b follows a" in text
    assert_error(client.get("/compare", params={"a": JIANGSU, "b": "nope"}), 404)


def test_rest_compare_two_peers_aligns_on_request(client: TestClient) -> None:
    body = client.get("/compare", params={"a": ZHENJIANG, "b": JIAZE}).json()
    assert body["relation"] == "peers"
    pairs = {(r["a"]["path"], r["b"]["path"]) for r in body["measures"] if r["kind"] == "adapted"}
    # agricultural standardisation in the city plan and in the town opinion
    assert ("二.(二).2", "四.7") in pairs


def test_cli_compare_fits_80_columns_and_prints_json(seed_spec: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", JIANGSU, ZHENJIANG, "--store", seed_spec])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(width(line) for line in lines) <= 80
    assert "relation: b follows a" in lines
    assert any(line.startswith("cut") and "江苏名牌产品数" in line for line in lines)
    as_json = runner.invoke(cli, ["compare", JIANGSU, JIAZE, "--json", "--store", seed_spec])
    assert json.loads(as_json.output)["b"]["level"] == "town"
    missing = runner.invoke(cli, ["compare", JIANGSU, "nope", "--store", seed_spec])
    assert missing.exit_code == 1
