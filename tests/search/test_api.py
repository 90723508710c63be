"""``GET /search`` on the seeds: facet counts a researcher can trust, filters that include
sub-regions, a stable page order, and a clear 400 (never a 500) for any question."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.settings import Settings
from graph.load import load_records
from graph.stores import open_store
from tests.api.helpers import assert_error

#: the seeds' regions whose documents speak of 名牌 (the anonymised county names no region)
REGIONS_WITH_MINGPAI = {"江苏省", "镇江市", "嘉泽镇"}


@pytest.fixture(scope="module")
def client(seed_records: list[Any]) -> Iterator[TestClient]:
    store = open_store("memory:")
    load_records(store, seed_records)
    with TestClient(create_app(Settings(store="memory:"), store)) as client:
        yield client
    store.close()


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def holding(seed_entries: list[Any], q: str) -> list[tuple[Any, Any]]:
    """(document, entry) for every entry whose text holds ``q``, straight from the records."""
    return [(d, e) for d in seed_entries for e in d.entries if q in e.text]


def facet(body: dict[str, Any], name: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in body["facets"][name]}


def test_facet_counts_match_the_entries_that_hold_the_question(
    client: TestClient, seed_entries: list[Any]
) -> None:
    body = search(client, q="名牌")
    expected = holding(seed_entries, "名牌")
    assert body["total"] == len(expected) == 17
    assert facet(body, "kind") == Counter(e.kind for _, e in expected)
    assert facet(body, "level") == Counter(d.level for d, _ in expected)
    years = Counter(str(d.year) if d.year else "unknown" for d, _ in expected)
    assert facet(body, "year") == years
    # no region chosen: counted by province (the anonymised county names none)
    assert facet(body, "region") == {"https://w3id.org/policykg/region/320000": 13}


def test_a_region_includes_its_sub_regions_and_the_facet_goes_one_level_down(
    client: TestClient,
) -> None:
    jiangsu = search(client, q="名牌", region="320000", per_page=100)
    assert {i["regionLabel"] for i in jiangsu["items"]} == REGIONS_WITH_MINGPAI
    below = {f["label"]: f["count"] for f in jiangsu["facets"]["region"]}
    assert below == {"镇江市": 2, "常州市": 3}  # 嘉泽镇 is in 武进区, 常州市
    zhenjiang = search(client, q="名牌", region="321100")
    assert zhenjiang["total"] == 2
    assert {i["regionLabel"] for i in zhenjiang["items"]} == {"镇江市"}


def test_year_range_and_level_narrow_and_unknown_years_stay_out(client: TestClient) -> None:
    body = search(client, q="质量", **{"from": 2013, "to": 2016}, per_page=100)
    assert body["total"] > 0
    assert all(2013 <= i["year"] <= 2016 for i in body["items"])
    city = search(client, q="名牌", level="city", region="320000", **{"from": 2012, "to": 2016})
    assert city["total"] == 2 and {i["level"] for i in city["items"]} == {"city"}
    both = search(client, q="名牌", level="city,town")
    assert {i["level"] for i in both["items"]} == {"city", "town"}


def test_pages_are_a_stable_partition_of_the_ranking(client: TestClient) -> None:
    body = search(client, q="江苏", per_page=100)
    assert body["total"] < 100
    whole = [(i["item"], i["score"]) for i in body["items"]]
    paged: list[tuple[str, float]] = []
    for page in range(1, 100):
        items = search(client, q="江苏", per_page=7, page=page)["items"]
        if not items:
            break
        paged += [(i["item"], i["score"]) for i in items]
    assert paged == whole
    assert [s for _, s in whole] == sorted((s for _, s in whole), reverse=True)


def test_hits_point_at_the_matched_characters_of_the_document_text(client: TestClient) -> None:
    for item in search(client, q="首席质量官")["items"]:
        text = client.get(f"/documents/{item['id']}/text").json()["text"]
        assert item["offsets"] and all(text[s:e] == "首席质量官" for s, e in item["offsets"])
        start, end = item["evidence"]["start"], item["evidence"]["end"]
        assert start <= item["offsets"][0][0] < end


@pytest.mark.parametrize(
    ("q", "why"),
    [
        ("名牌\x00", "control characters"),
        ('"', "empty"),
        ("名" * 201, "longer than 200"),
        ("   ", "empty"),
        (" ".join("abcdefghi"), "more than 8 terms"),
    ],
)
def test_a_question_that_cannot_be_searched_is_a_clear_400(
    client: TestClient, q: str, why: str
) -> None:
    body = assert_error(client.get("/search", params={"q": q}), 400)
    assert why in body["detail"]


@pytest.mark.parametrize(
    "q", ['名牌"', "NEAR(名牌 江苏)", "名牌 OR 江苏", "名牌*", "^名牌", "col:名牌", "%", "_", "\\"]
)
def test_fts_syntax_in_a_question_is_plain_text(client: TestClient, q: str) -> None:
    search(client, q=q)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(min_size=0, max_size=250))
def test_no_question_is_a_500(client: TestClient, q: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 400), (q, response.text)
