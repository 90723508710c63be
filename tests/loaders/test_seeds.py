"""Each seed's record matches what a careful reader wrote down (tests/expected/metadata)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.record import PolicyDocument
from tests.diffing import diff_record
from tests.loaders.formats import EXPECTED_DIR, load_expected

SEEDS = sorted(p.stem for p in EXPECTED_DIR.glob("*.json"))


def test_every_seed_has_an_expected_record(seed_paths: list[Path]) -> None:
    assert sorted(p.stem for p in seed_paths) == SEEDS


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_matches_expected_record(stem: str, seed_records: dict[str, PolicyDocument]) -> None:
    actual = seed_records[stem].to_json_dict()
    diff = diff_record(load_expected(stem), actual, name=stem)
    print(diff)
    assert diff.ok, str(diff)


@pytest.mark.parametrize("stem", SEEDS)
def test_offsets_point_at_what_was_extracted(
    stem: str, seed_records: dict[str, PolicyDocument]
) -> None:
    doc = seed_records[stem]
    for section in doc.sections:
        marker_and_heading = doc.text[section.start : section.end]
        assert section.heading in marker_and_heading
        assert 0 <= section.start < section.end <= len(doc.text)
    for ref in doc.references:
        mention = doc.text[ref.start : ref.end]
        assert (
            (ref.title and ref.title.strip("《》")[:2] in mention)
            or ref.doc_number
            or ref.relation == "self"
        )
        assert mention in ref.sentence
        assert ref.sentence in doc.text


@pytest.mark.parametrize("stem", SEEDS)
def test_record_round_trips_through_json(
    stem: str, seed_records: dict[str, PolicyDocument]
) -> None:
    doc = seed_records[stem]
    data = json.loads(json.dumps(doc.to_json_dict(include_text=True), ensure_ascii=False))
    assert PolicyDocument.from_json_dict(data) == doc


def test_chrome_is_gone_and_sentences_survive(
    seed_records: dict[str, PolicyDocument], seed_dir: Path
) -> None:
    town = seed_records["jiaze_town_2016_opinion"].text
    for chrome in ("登录个人中心", "无障碍浏览", "英文版", "ICP备", "公网安备", "下载附件", "打印"):
        assert chrome not in town
    province = seed_records["jiangsu_province_2012_action_plan"].text
    assert "扫一扫" not in province and "Produced By" not in province
    county = seed_records["county_template_opinion"].text
    assert "由会员分享" not in county and "请在第壹文秘上搜索" not in county
    # The sentences are kept as written: a line of the source is found verbatim in the text.
    source = (seed_dir / "zhenjiang_city_2014_action_plan.txt").read_text(encoding="utf-8")
    line = next(x for x in source.splitlines() if x.startswith("3.推进标准化管理"))
    assert line in seed_records["zhenjiang_city_2014_action_plan"].text


def test_spliced_page_numbers_are_repaired_and_list_numbers_kept(
    seed_records: dict[str, PolicyDocument],
) -> None:
    county = seed_records["county_template_opinion"].text
    assert "质量和品牌仍是制约我县经济发展的重要因素" in county
    assert "推动全县经济高质量发展为目的" in county
    assert "到20XX年,建立国家级、省级农业标准化示范区" in county
    # Real list numbering inside the run-on text stays.
    assert "。1、加强农业标准化工作" in county
    assert "。3、加大打假治劣力度" in county
    district = seed_records["district_2011_product_quality_plan"].text
    assert "\n1、标准化工作" in district and "\n16、充分发质量协会" in district
    town = seed_records["jiaze_town_2016_opinion"].text
    assert "层层签订目标责任书,严格考核" in town
