"""Instrument counts, adoption and indicator timelines and the comparison's CSV, through the
named queries, REST and the CLI, on the seed corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli
from graph import queries, timelines
from graph.store import Store
from tests.api.helpers import assert_error
from tests.diffusion.conftest import JIANGSU, JIAZE, ZHENJIANG


def test_adoption_of_quality_plans_leaves_the_undated_county_out_of_the_curve(
    seed_store: Store,
) -> None:
    rows = queries.run(seed_store, "timeline_adoption", kind="质量强")
    by_level = {r["level"]: r for r in rows}
    assert by_level["city"]["regionLabel"] == "镇江市" and by_level["city"]["year"] == "2014"
    assert by_level["town"]["regionLabel"] == "嘉泽镇" and by_level["town"]["year"] == "2016"
    # the anonymised XX县 template (20XX) has no year: unknown in the grid, absent from the curve
    assert by_level["county"]["year"] is None
    curve = timelines.adoption_curve(rows)
    assert curve["city"] == [{"year": 2014, "adopted": 1}]
    assert "county" not in curve
    grid = timelines.region_year_grid(rows)
    assert grid["years"][-1] == "unknown"
    county = [r for r in grid["rows"] if r["level"] == "county"]
    assert county[0]["counts"][-1] == 1


def test_adoption_by_indicator_and_by_instrument(seed_store: Store) -> None:
    brand = queries.run(seed_store, "timeline_adoption", concept="jiangsu-famous-brand")
    assert {r["regionLabel"] for r in brand} == {"江苏省", "镇江市", "嘉泽镇"}
    funding = queries.run(seed_store, "timeline_adoption", instrument="funding")
    assert ZHENJIANG in {r["doc"].rsplit("/", 1)[-1] for r in funding}


def test_indicator_timeline_links_the_city_target_to_the_province_one(seed_store: Store) -> None:
    series = timelines.indicator_series(
        queries.run(seed_store, "timeline_indicator", concept="jiangsu-famous-brand")
    )
    points = {s["label"]: s["points"][0] for s in series}
    assert (points["江苏省"]["year"], points["江苏省"]["value"]) == (2012, 900.0)
    city = points["镇江市"]
    assert (city["year"], city["value"], city["refinesValue"]) == (2014, 138.0, 900.0)
    assert city["basis"] == "concept-only"
    assert [s["level"] for s in series] == ["province", "city", "town"]


def test_rest_instrument_counts_as_json_and_csv(client: TestClient) -> None:
    body = client.get("/instruments", params={"by": "level"}).json()
    levels = [g["group"] for g in body["groups"]]
    assert levels[:2] == ["province", "city"]
    province = body["groups"][0]
    assert province["counts"]["regulation"] > 0
    assert abs(sum(province["sideShares"].values()) - 1) < 0.01
    response = client.get("/instruments", params={"by": "year", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert {"2012", "2014", "2016"} <= {row["year"] for row in table}
    assert_error(client.get("/instruments", params={"instrument": "subsidy"}), 400)
    assert_error(client.get("/instruments", params={"by": "colour"}), 422)


def test_rest_measures_of_an_instrument_carry_their_cues(client: TestClient) -> None:
    body = client.get("/instruments/funding/measures", params={"doc": ZHENJIANG}).json()
    [measure] = [m for m in body["measures"] if m["path"] == "三.(二)"]
    assert measure["cues"] and all(c.startswith("经费@") for c in measure["cues"])


def test_rest_timelines(client: TestClient) -> None:
    body = client.get("/timelines/adoption", params={"kind": "质量强"}).json()
    assert body["curve"]["town"] == [{"year": 2016, "adopted": 1}]
    series = client.get("/timelines/indicator", params={"concept": "jiangsu-famous-brand"}).json()
    assert [s["label"] for s in series["series"]] == ["江苏省", "镇江市", "嘉泽镇"]


@pytest.mark.parametrize(
    ("a", "b", "relation"), [(JIANGSU, ZHENJIANG, "b follows a"), (ZHENJIANG, JIAZE, "peers")]
)
def test_rest_compare_exports_csv(client: TestClient, a: str, b: str, relation: str) -> None:
    response = client.get("/compare", params={"a": a, "b": b, "format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["section"] == "document" and rows[0]["kind"] == relation
    json_body = client.get("/compare", params={"a": a, "b": b}).json()
    measures = [r for r in rows if r["section"] == "measure"]
    assert len(measures) == len(json_body["measures"])
    if relation == "b follows a":
        brand = [r for r in rows if r["section"] == "target" and r["item"] == "江苏名牌产品数"]
        assert (brand[0]["kind"], brand[0]["a_value"], brand[0]["b_value"]) == (
            "cut",
            "900 个",
            "138 个",
        )


def test_pages_answer_with_their_charts_and_tables(client: TestClient) -> None:
    page = client.get("/ui/instruments")
    assert page.status_code == 200 and "/charts/static/plotly.min.js" in page.text
    assert 'id="instrument-table"' in page.text
    assert client.get("/ui/timelines/adoption").status_code == 200
    assert "江苏名牌" in client.get("/ui/timelines/indicator").text
    compare = client.get("/ui/compare", params={"a": JIANGSU, "b": ZHENJIANG})
    assert compare.status_code == 200 and "format=csv" in compare.text
    assert client.get("/ui/compare", params={"a": JIANGSU, "b": "nope"}).status_code == 404
    js = client.get("/charts/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000


def test_cli_instruments_timelines_and_compare_csv(seed_spec: str) -> None:
    runner = CliRunner()
    counts = runner.invoke(cli, ["instruments", "--format", "json", "--store", seed_spec])
    assert counts.exit_code == 0, counts.output
    assert json.loads(counts.stdout)["groups"][0]["group"] == "province"
    measures = runner.invoke(
        cli,
        [
            "instruments",
            "--measures",
            "funding",
            "--doc",
            ZHENJIANG,
            "--format",
            "csv",
            "--store",
            seed_spec,
        ],
    )
    assert measures.exit_code == 0 and "经费@" in measures.stdout
    assert (
        runner.invoke(cli, ["instruments", "--measures", "subsidy", "--store", seed_spec]).exit_code
        == 2
    )
    timeline = runner.invoke(
        cli, ["timeline", "indicator", "jiangsu-famous-brand", "--store", seed_spec]
    )
    assert timeline.exit_code == 0 and "← 江苏省 2012: 900" in timeline.stdout
    adoption = runner.invoke(
        cli, ["timeline", "adoption", "--kind", "质量强", "--store", seed_spec]
    )
    assert adoption.exit_code == 0 and "嘉泽镇" in adoption.stdout
    compared = runner.invoke(cli, ["compare", JIANGSU, ZHENJIANG, "--csv", "--store", seed_spec])
    assert compared.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(compared.stdout)))
    assert {r["section"] for r in rows} >= {"document", "measure", "target", "agency", "reference"}
