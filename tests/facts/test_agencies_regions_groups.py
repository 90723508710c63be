"""Agency resolution, region inference and leading groups on short excerpts of the seeds."""

from __future__ import annotations

from loaders.agencies import resolve_agency, split_agencies
from loaders.groups import extract_groups
from loaders.regions import DocContext, infer_context
from ontology.schemes import agency_types, indicators, regions, regions_by_code

JIANGSU = DocContext(region="江苏省", region_code="320000", level="province", province="江苏省")


def test_agency_scheme_is_large_and_labelled() -> None:
    types = agency_types()
    assert len(types) >= 40
    for entry in types.values():
        assert entry["prefLabel"]["zh"] and entry["prefLabel"]["en"]


def test_indicator_scheme_has_unique_ids() -> None:
    ids = [c["id"] for c in indicators()]
    assert len(ids) == len(set(ids)) >= 30


def test_gazetteer_covers_jiangsu_and_every_province() -> None:
    by_code = regions_by_code()
    jiangsu_cities = [r for r in regions() if r.level == "city" and r.parent == "320000"]
    assert len(jiangsu_cities) == 13
    assert by_code["320412"].name == "武进区" and by_code["320412"].parent == "320400"
    assert by_code["321100"].name == "镇江市"
    assert len([r for r in regions() if r.level == "province"]) >= 31
    town = next(r for r in regions() if r.name == "嘉泽镇")
    assert (town.level, town.parent, town.code) == ("town", "320412", "")


def test_province_prefix_expands_and_carries() -> None:
    names = [a.name for a in split_agencies("省人力资源社会保障厅、国资委、质监局", JIANGSU)]
    assert names == [
        "江苏省人力资源和社会保障厅",
        "江苏省国有资产监督管理委员会",
        "江苏省质量技术监督局",
    ]


def test_bodies_named_after_a_place_keep_their_names() -> None:
    for raw, kind in [
        ("江苏检验检疫局", "inspection-quarantine"),
        ("人行南京分行", "peoples-bank"),
        ("江苏保监局", "insurance-regulation"),
    ]:
        agency = resolve_agency(raw, JIANGSU)
        assert (agency.name, agency.type) == (raw, kind)


def test_unknown_agency_is_kept_not_guessed() -> None:
    agency = resolve_agency("区社区经济局", DocContext(level="district"))
    assert (agency.raw, agency.name, agency.type) == ("区社区经济局", None, None)


def test_regions_from_issuer_title_and_doc_number() -> None:
    zhen = infer_context(
        issuers=[],
        title="关于印发行动计划的通知",
        doc_number="镇政办发〔2014〕85号",
        text="镇江市质量强市",
    )
    assert (zhen.region, zhen.region_code, zhen.level) == ("镇江市", "321100", "city")
    su = infer_context(issuers=[], title="行动计划", doc_number="苏政办发〔2012〕123号")
    assert (su.region, su.level) == ("江苏省", "province")
    wj = infer_context(issuers=[], title=None, doc_number="武质强发〔2016〕2号", text="武进区")
    assert (wj.region, wj.region_code) == ("武进区", "320412")
    town = infer_context(issuers=[], title=None, doc_number="嘉政发〔2016〕7号", text="嘉泽镇")
    assert (town.region, town.level, town.county, town.city) == (
        "嘉泽镇",
        "town",
        "武进区",
        "常州市",
    )


def test_unnamed_levels_stay_without_region() -> None:
    county = infer_context(
        issuers=[], title="关于开展质量强县工作的实施意见", text="XX县 我县 全县"
    )
    assert (county.region, county.level) == (None, "county")
    district = infer_context(
        issuers=[], title="2011年产品质量管理实施方案", text="结合我区实际,全区"
    )
    assert (district.region, district.level, district.plan_year) == (None, "district", 2011)


def test_town_group_leaders_and_office() -> None:
    text = (
        "成立质量强镇与打假工作领导小组,由镇党委副书记、镇长薛健峰担任组长,由园区党工委副书记、"
        "副镇长刘毅、人武部长薛小忠任副组长。领导小组下设办公室,办公室设在镇经发科,钱志锋任办公室主任。"
    )
    ctx = infer_context(issuers=["嘉泽镇人民政府"], title=None)
    (group,) = extract_groups(text, ctx)
    assert group.name == "质量强镇与打假工作领导小组"
    assert [(x.post, x.person) for x in group.leaders] == [
        ("组长（镇党委副书记、镇长）", "薛健峰"),
        ("副组长（园区党工委副书记、副镇长）", "刘毅"),
        ("副组长（人武部长）", "薛小忠"),
        ("办公室主任", "钱志锋"),
    ]
    assert group.office is not None and group.office.name == "嘉泽镇经济发展科"
