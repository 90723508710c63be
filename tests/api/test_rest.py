"""The REST resources on the seed corpus: what a researcher would look up, with evidence."""

from __future__ import annotations

import csv
import io

import pytest

from graph import queries
from tests.api.helpers import assert_error

JIANGSU = "su-zhengbanfa-2012-123"
ZHENJIANG = "zhen-zhengbanfa-2014-85"


def check_evidence(client, evidence: dict) -> None:
    """The evidence's offsets cut the fact out of the document's text, inside its sentence."""
    doc_id = evidence["document"].rsplit("/doc/", 1)[1]
    text = client.get(f"/documents/{doc_id}/text").json()["text"]
    assert 0 <= evidence["start"] < evidence["end"] <= len(text)
    assert text[evidence["start"] : evidence["end"]] in evidence["sentence"]


def test_documents_list_filters_and_pages(seed_client):
    body = seed_client.get("/documents").json()
    assert body["total"] == 5
    assert {d["id"] for d in body["items"]} >= {JIANGSU, ZHENJIANG}
    city = seed_client.get("/documents", params={"level": "city"}).json()
    assert [d["id"] for d in city["items"]] == [ZHENJIANG]
    assert seed_client.get("/documents", params={"year": 2012}).json()["items"][0]["id"] == JIANGSU
    repealed = seed_client.get("/documents", params={"in_force": "false"}).json()["items"]
    assert [d["id"] for d in repealed] == [JIANGSU]  # 苏政发〔2016〕142号 declared it void
    assert seed_client.get("/documents", params={"region": "321100"}).json()["total"] == 1
    notices = seed_client.get("/documents", params={"type": "通知"}).json()["items"]
    assert notices and all("通知" in d["docType"] for d in notices)
    paged = seed_client.get("/documents", params={"limit": 2, "offset": 4}).json()
    assert len(paged["items"]) == 1 and paged["total"] == 5
    assert_error(seed_client.get("/documents", params={"limit": 0}), 422)


def test_document_detail_with_facts_and_evidence(seed_client):
    doc = seed_client.get(f"/documents/{JIANGSU}").json()
    assert doc["number"] == "苏政办发〔2012〕123号"
    assert doc["level"] == "province" and doc["regionLabel"] == "江苏省"
    assert {"path": "一", "heading": "总体要求"}.items() <= doc["sections"][0].items()
    headings = [m["heading"] for m in doc["measures"]]
    assert "建立质量奖励制度" in headings
    award = doc["measures"][headings.index("建立质量奖励制度")]
    lead = [a for a in award["agencies"] if a["role"] == "lead"]
    assert [a["label"] for a in lead] == ["江苏省质量技术监督局"]
    check_evidence(seed_client, lead[0]["evidence"])
    assert doc["targets"] and all(t["evidence"]["sentence"] for t in doc["targets"])
    check_evidence(seed_client, doc["targets"][0]["evidence"])
    repeal = [r for r in doc["referencesOut"] if r["relation"] == "repealed_by"]
    assert repeal and repeal[0]["writtenNumber"] == "苏政发〔2016〕142号"
    # up the chain to the national outline 质量发展纲要
    assert any("质量发展纲要" in (link["toTitle"] or "") for link in doc["chainUp"])
    assert any(link["toLevel"] == "national" for link in doc["chainUp"])


def test_unknown_document_is_404(seed_client):
    assert_error(seed_client.get("/documents/no-such-doc"), 404)
    assert_error(seed_client.get("/documents/no-such-doc/text"), 404)


def test_document_text_offsets_point_at_the_facts(seed_client):
    body = seed_client.get(f"/documents/{ZHENJIANG}/text").json()
    text = body["text"]
    assert "镇江" in text
    kinds = {f["kind"].split(":")[0] for f in body["facts"]}
    assert {"measure", "agency", "target", "reference"} <= kinds
    for fact in body["facts"]:
        if fact["start"] is not None:
            assert 0 <= fact["start"] <= fact["end"] <= len(text), fact
    targets = [f for f in body["facts"] if f["kind"] == "target" and f["start"] is not None]
    assert any(text[f["start"] : f["end"]] for f in targets)


def test_agency_by_name_lists_the_award_measure_as_led(seed_client):
    body = seed_client.get("/agencies/江苏省质量技术监督局").json()
    assert body["id"] == "320000/quality-supervision"
    led = {m["heading"] for m in body["measures"]["lead"]}
    assert "建立质量奖励制度" in led
    award = next(m for m in body["measures"]["lead"] if m["heading"] == "建立质量奖励制度")
    assert "牵头" in award["evidence"]["sentence"]
    check_evidence(seed_client, award["evidence"])
    assert [d["id"] for d in body["documents"]] == [JIANGSU]
    assert body["issued"] == []  # it leads measures but issued none of the seed documents
    same = seed_client.get("/agencies/320000/quality-supervision").json()
    assert same["agency"] == body["agency"]
    assert_error(seed_client.get("/agencies/不存在的局"), 404)


def test_issuing_agency_lists_its_documents(seed_client):
    body = seed_client.get("/agencies/320000/江苏省人民政府办公厅").json()
    assert [d["id"] for d in body["issued"]] == [JIANGSU]


def test_agencies_list(seed_client):
    body = seed_client.get("/agencies", params={"region": "320000"}).json()
    labels = [a["label"] for a in body["items"]]
    assert "江苏省质量技术监督局" in labels
    assert all(a["regionLabel"] == "江苏省" for a in body["items"])


def test_measures_by_keyword_agency_and_role(seed_client):
    body = seed_client.get("/measures", params={"keyword": "建立质量奖励制度"}).json()
    award = body["items"][0]
    assert award["heading"] == "建立质量奖励制度"
    roles = {(a["role"], a["label"]) for a in award["agencies"]}
    assert ("lead", "江苏省质量技术监督局") in roles
    assert ("participating", "江苏检验检疫局") in roles
    led = seed_client.get(
        "/measures", params={"agency": "江苏省质量技术监督局", "role": "lead"}
    ).json()
    assert "建立质量奖励制度" in {m["heading"] for m in led["items"]}
    assert all(a["role"] == "lead" for m in led["items"] for a in m["agencies"])
    in_doc = seed_client.get("/measures", params={"document": ZHENJIANG}).json()
    assert in_doc["total"] > 0 and all(m["doc"].endswith(ZHENJIANG) for m in in_doc["items"])
    assert_error(seed_client.get("/measures", params={"role": "boss"}), 400)


def test_targets_filtered_by_region_and_year(seed_client):
    body = seed_client.get("/targets", params={"region": "321100", "year": 2014}).json()
    assert body["total"] > 0
    for target in body["items"]:
        assert target["regionLabel"] == "镇江市" and target["year"] == 2014
        assert target["evidence"]["sentence"]
    rates = [t for t in body["items"] if t["indicator"] == "国家监督抽查合格率"]
    assert rates and rates[0]["value"] == 90.0 and rates[0]["comparator"] == ">="


def test_indicator_cascade_runs_down_the_levels(seed_client):
    indicators = seed_client.get("/indicators").json()["items"]
    assert "jiangsu-famous-brand" in {i["id"] for i in indicators}
    body = seed_client.get("/indicators/jiangsu-famous-brand/cascade").json()
    ranks = [level["rank"] for level in body["levels"]]
    assert ranks == sorted(ranks) and len(ranks) >= 2
    assert body["levels"][0]["level"] == "province"
    lower = [t for lv in body["levels"][1:] for t in lv["targets"]]
    assert any(t["refines"] for t in lower)  # a lower target refines a higher one
    assert_error(seed_client.get("/indicators/no-such-indicator/cascade"), 404)


def test_regions(seed_client):
    items = {r["id"]: r for r in seed_client.get("/regions").json()["items"]}
    assert items["320000"]["label"] == "江苏省" and items["320000"]["documents"] == 1
    assert items["321100"]["label"] == "镇江市"


def test_search_ranks_exact_phrases_and_falls_back_to_words(seed_client):
    body = seed_client.get("/search", params={"q": "质量奖励制度"}).json()
    assert body["terms"] == ["质量奖励制度"] and body["relaxed"] is False
    first = body["items"][0]
    assert first["kind"] == "measure" and first["label"] == "建立质量奖励制度"
    assert first["evidence"]["start"] < first["offsets"][0][0] < first["evidence"]["end"]
    # a phrase absent as a whole is still found by its words
    split = seed_client.get("/search", params={"q": "质量奖励评审制度"}).json()
    assert split["relaxed"] is True and split["total"] > 0
    assert_error(seed_client.get("/search"), 422)


def test_queries_catalog_and_run(seed_client):
    listed = seed_client.get("/queries").json()
    assert {q["name"] for q in listed} == {q.name for q in queries.catalog()}
    text = seed_client.get("/queries/measure_agencies.rq")
    assert text.headers["content-type"].startswith("application/sparql-query")
    assert "$phrase" in text.text
    run = seed_client.get("/queries/measure_agencies", params={"phrase": "建立质量奖励制度"}).json()
    assert run["count"] > 0 and run["rows"][0]["heading"] == "建立质量奖励制度"
    as_csv = seed_client.get(
        "/queries/measure_agencies", params={"phrase": "建立质量奖励制度", "format": "csv"}
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows[0]["agencyLabel"] == "江苏省质量技术监督局"
    accept_csv = seed_client.get(
        "/queries/indicators", headers={"Accept": "text/csv, application/json;q=0.5"}
    )
    assert accept_csv.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/queries/no_such_query", 404),
        ("/queries/measure_agencies", 400),
        ("/queries/measure_agencies?phrase=x&bogus=1", 400),
        ("/queries/cascade?concept=not%20an%20id", 400),
        ("/queries/indicators?format=xlsx", 400),
    ],
)
def test_queries_errors(seed_client, url, status):
    assert_error(seed_client.get(url), status)


@pytest.mark.parametrize("name", [q.name for q in queries.catalog()])
def test_every_named_query_runs(seed_client, name):
    entry = queries.catalog_entry(name)
    samples = {
        "doc": JIANGSU,
        "agency": "https://w3id.org/policykg/agency/320000/quality-supervision",
        "concept": "jiangsu-famous-brand",
        "phrase": "质量",
        "q": "名牌",
        "region": "320000",
        "level": "province",
        "role": "lead",
        "year": "2012",
    }
    params = {p.name: samples.get(p.name, "x") for p in entry.parameters if not p.optional}
    response = seed_client.get(f"/queries/{name}", params=params)
    assert response.status_code == 200, response.text
