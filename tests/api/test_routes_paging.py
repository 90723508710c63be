"""Typed answers and paging of the REST routes over the seed corpus.

Every REST route answering JSON (documents, agencies, measures, targets, indicators, regions,
named queries, alignment and comparison, instruments and timelines) describes its answer in
/openapi.json with a model (not a bare object), and the live answers validate against that
schema; a new JSON route without a model, or without a seed request below, fails. Lists and named queries take ``limit``/``offset``,
keep a stable order across pages and say how many items there are in all and how many follow.
The cascade is scoped to a region and everything inside it, a level and target years.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

#: one real request per REST route (the seed corpus answers each with a 200)
REQUESTS = {
    ("get", "/documents"): "/documents",
    ("get", "/documents/{doc}"): "/documents/su-zhengbanfa-2012-123",
    ("get", "/documents/{doc}/text"): "/documents/su-zhengbanfa-2012-123/text",
    ("get", "/agencies"): "/agencies",
    ("get", "/agencies/{agency}"): "/agencies/320000/quality-supervision",
    ("get", "/measures"): "/measures?agency=江苏省质量技术监督局",
    ("get", "/targets"): "/targets?region=321100",
    ("get", "/indicators"): "/indicators",
    ("get", "/indicators/{concept}/cascade"): "/indicators/jiangsu-famous-brand/cascade",
    ("get", "/regions"): "/regions",
    ("get", "/search"): "/search?q=名牌",
    ("get", "/queries"): "/queries",
    ("get", "/queries/{name}"): "/queries/document_list?limit=2",
    ("get", "/documents/{doc}/alignment"): "/documents/zhen-zhengbanfa-2014-85/alignment",
    (
        "get",
        "/documents/{doc}/measures/{n}/fate",
    ): "/documents/su-zhengbanfa-2012-123/measures/5/fate",
    ("get", "/compare"): "/compare?a=su-zhengbanfa-2012-123&b=zhen-zhengbanfa-2014-85",
    ("get", "/instruments"): "/instruments?by=region",
    ("get", "/instruments/{instrument}/measures"): "/instruments/funding/measures",
    ("get", "/timelines/adoption"): "/timelines/adoption?kind=质量强",
    ("get", "/timelines/indicator"): "/timelines/indicator?concept=jiangsu-famous-brand",
}
#: routes whose answer is a write (upload, delete): schema checked, not called here
WRITES = {("post", "/documents"), ("delete", "/documents/{doc}")}
#: JSON answers left without a model, and why
UNTYPED = {
    ("get", "/health"): "the workers' liveness probe (api/sparql.py), not a REST resource",
}


@pytest.fixture(scope="module")
def spec(seed_client: TestClient) -> dict[str, Any]:
    return dict(seed_client.get("/openapi.json").json())


def _schema(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    responses = spec["paths"][path][method]["responses"]
    ok = responses.get("200") or responses.get("201")
    return dict(ok["content"]["application/json"]["schema"])


def _resolved(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the spec's components beside it, so ``$ref``s resolve."""
    return {**schema, "components": spec["components"]}


def _model(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The component a ``$ref`` (or an array of them) names."""
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    if not ref:
        return schema
    return dict(spec["components"]["schemas"][ref.rsplit("/", 1)[-1]])


@pytest.mark.parametrize(("method", "path"), sorted(REQUESTS) + sorted(WRITES))
def test_every_rest_route_has_a_typed_answer(spec: dict[str, Any], method: str, path: str) -> None:
    model = _model(spec, _schema(spec, method, path))
    assert model.get("properties"), (method, path, model)
    assert model.get("required"), (method, path)


def _json_routes(spec: dict[str, Any]) -> set[tuple[str, str]]:
    """GET/POST/DELETE routes whose 200/201 answer is JSON. The linked-data routes answer RDF
    or HTML by content negotiation (they document text/turtle); FastAPI lists
    application/json beside it only as its default, so they are not JSON routes."""
    found = set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"].get("200") or operation["responses"].get("201") or {}
            content = ok.get("content", {})
            if method in {"get", "post", "delete"} and "application/json" in content:
                if "text/turtle" not in content:
                    found.add((method, path))
    return found


def test_no_json_route_slips_through_untyped(spec: dict[str, Any]) -> None:
    """Every JSON route has a model and a seed request (or is a write, or a listed exception),
    so a route added without either fails here."""
    routes = _json_routes(spec)
    assert routes - set(UNTYPED) == set(REQUESTS) | WRITES
    bare = sorted(
        r for r in routes - set(UNTYPED) if not _model(spec, _schema(spec, *r)).get("properties")
    )
    assert bare == []


@pytest.mark.parametrize(("method", "path"), sorted(REQUESTS))
def test_live_answers_validate_against_their_schema(
    seed_client: TestClient, spec: dict[str, Any], method: str, path: str
) -> None:
    response = seed_client.get(REQUESTS[(method, path)])
    assert response.status_code == 200, response.text[:300]
    jsonschema.validate(response.json(), _resolved(spec, _schema(spec, method, path)))


def test_a_wrong_answer_fails_its_schema(spec: dict[str, Any]) -> None:
    """The check above can fail: a document list without its total is refused."""
    schema = _resolved(spec, _schema(spec, "get", "/documents"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"items": [], "limit": 1, "offset": 0}, schema)


def test_pages_of_a_list_follow_each_other(seed_client: TestClient) -> None:
    everything = seed_client.get("/agencies?limit=1000").json()
    first = seed_client.get("/agencies?limit=10").json()
    second = seed_client.get("/agencies?limit=10&offset=10").json()
    assert first["total"] == second["total"] == everything["total"] > 20
    assert first["more"] == everything["total"] - 10
    ids = [a["agency"] for a in first["items"] + second["items"]]
    assert ids == [a["agency"] for a in everything["items"][:20]]


def test_a_named_query_answers_a_page_and_its_total(seed_client: TestClient) -> None:
    whole = seed_client.get("/queries/agencies").json()
    page = seed_client.get("/queries/agencies?limit=5&offset=5").json()
    assert page["total"] == whole["total"] == len(whole["rows"])
    assert page["rows"] == whole["rows"][5:10]
    assert page["more"] == whole["total"] - 10
    csv = seed_client.get("/queries/agencies?limit=5&format=csv")
    assert csv.headers["x-total-count"] == str(whole["total"])
    assert len(csv.text.strip().splitlines()) == 6


def test_documents_filters_are_applied_before_paging(seed_client: TestClient) -> None:
    answer = seed_client.get("/documents?year=2012&limit=1").json()
    assert answer["total"] >= 1
    assert all(str(d["issued"]).startswith("2012") for d in answer["items"])
    none = seed_client.get("/documents?year=1999").json()
    assert none["total"] == 0 and none["items"] == []


def test_cascade_below_a_region_keeps_the_regions_inside_it(seed_client: TestClient) -> None:
    """江苏省 (320000) holds 镇江市 and its towns; 上海 (310000) holds none of the seeds."""
    whole = seed_client.get("/indicators/jiangsu-famous-brand/cascade").json()
    jiangsu = seed_client.get("/indicators/jiangsu-famous-brand/cascade?region=320000").json()
    zhenjiang = seed_client.get("/indicators/jiangsu-famous-brand/cascade?region=321100").json()
    elsewhere = seed_client.get("/indicators/jiangsu-famous-brand/cascade?region=310000").json()
    assert jiangsu["total"] == whole["total"] > zhenjiang["total"] > 0
    assert {lv["level"] for lv in zhenjiang["levels"]} <= {"city", "county", "district", "town"}
    assert elsewhere["total"] == 0 and elsewhere["levels"] == []


def test_cascade_pages_keep_totals_per_level(seed_client: TestClient) -> None:
    whole = seed_client.get("/indicators/jiangsu-famous-brand/cascade").json()
    page = seed_client.get("/indicators/jiangsu-famous-brand/cascade?limit=2").json()
    assert page["total"] == whole["total"] and page["more"] == whole["total"] - 2
    assert {lv["level"]: lv["total"] for lv in page["levels"]} == {
        lv["level"]: lv["total"] for lv in whole["levels"]
    }
    assert sum(len(lv["targets"]) for lv in page["levels"]) == 2
    city = seed_client.get("/indicators/jiangsu-famous-brand/cascade?level=city").json()
    assert [lv["level"] for lv in city["levels"]] == ["city"]


def test_cascade_year_range(seed_client: TestClient) -> None:
    answer = seed_client.get("/indicators/jiangsu-famous-brand/cascade?from=2013&to=2014").json()
    years = [t["year"] for lv in answer["levels"] for t in lv["targets"]]
    assert years and all(2013 <= y <= 2014 for y in years)


def test_agency_measures_are_paged_with_totals_by_role(seed_client: TestClient) -> None:
    whole = seed_client.get("/agencies/320000/quality-supervision").json()
    page = seed_client.get("/agencies/320000/quality-supervision?limit=3").json()
    assert page["measureTotals"] == whole["measureTotals"]
    assert page["total"] == sum(whole["measureTotals"].values()) == whole["total"]
    assert sum(len(v) for v in page["measures"].values()) == 3
    assert page["more"] == whole["total"] - 3


@pytest.mark.parametrize(
    ("path", "url", "header"),
    [
        ("/compare", REQUESTS[("get", "/compare")] + "&format=csv", "section,kind,score,item"),
        ("/instruments", "/instruments?by=region&format=csv", "region,label,measures,"),
    ],
)
def test_typed_routes_still_answer_their_documented_csv(
    seed_client: TestClient, spec: dict[str, Any], path: str, url: str, header: str
) -> None:
    """A model for the JSON answer does not swallow the CSV one, and /openapi.json says so."""
    assert "text/csv" in spec["paths"][path]["get"]["responses"]["200"]["content"]
    response = seed_client.get(url)
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.lstrip("\ufeff").startswith(header)


@pytest.mark.parametrize(("method", "path"), sorted(REQUESTS) + sorted(WRITES))
def test_documented_examples_match_their_schema(
    spec: dict[str, Any], method: str, path: str
) -> None:
    """The example /openapi.json shows for an answer is one its model accepts (FastAPI drops
    the examples' nulls from the spec, so a field that may be null must also be optional)."""
    responses = spec["paths"][path][method]["responses"]
    example = (responses.get("200") or responses.get("201"))["content"]["application/json"]
    if "example" in example:
        jsonschema.validate(example["example"], _resolved(spec, _schema(spec, method, path)))
