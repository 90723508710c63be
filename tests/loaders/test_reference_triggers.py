"""Relations given by the words after a title, from short real excerpts (issue 11)."""

from __future__ import annotations

from loaders.references import find_references


def _relations(text: str) -> dict[str, str]:
    return {r.title or r.doc_number or "": r.relation for r in find_references(text)}


def test_doing_the_implementation_work_of_titles_implements_them() -> None:
    # 国办发〔1997〕2号: 做好《破坏性地震应急条例》和《国家破坏性地震应急预案》的落实工作。
    text = (
        "（二）做好《破坏性地震应急条例》和《国家破坏性地震应急预案》的落实工作。要尽快制定预案。\n"
    )
    assert _relations(text) == {
        "破坏性地震应急条例": "implements",
        "国家破坏性地震应急预案": "implements",
    }


def test_a_report_approved_and_to_be_carried_out_is_implemented_not_self() -> None:
    # 国办发〔1997〕2号
    text = (
        "（六）国家计委、财政部、国家地震局《关于建立健全防震减灾计划体制及相应经费渠道的报告》"
        "已经国务院同意，请各省、自治区、直辖市人民政府认真贯彻落实。\n"
    )
    assert _relations(text) == {"关于建立健全防震减灾计划体制及相应经费渠道的报告": "implements"}


def test_a_proposal_to_revise_a_rule_cites_it_and_announces_nothing() -> None:
    # 国办发〔2018〕127号
    text = "（三）请财政部按照规定，提出对《国有资产评估管理办法》的修订建议，简化评估程序。\n"
    assert _relations(text) == {"国有资产评估管理办法": "cites"}


def test_drafting_a_plan_announces_it() -> None:
    text = "要尽快制定或完善本地区、本部门的《破坏性地震应急预案》，切实落实防范措施。\n"
    assert _relations(text) == {"破坏性地震应急预案": "announces"}


def test_a_form_to_fill_in_is_not_a_document() -> None:
    # 新质监办发〔2012〕24号
    text = "请各单位填写《自治区质量技术监督局信息宣传联络员登记表》（见附件1），并于4月28前上报区局办公室。\n"
    assert _relations(text) == {}


def test_a_standard_code_in_brackets_after_its_title_is_its_number() -> None:
    # 国办发〔2019〕3号
    text = (
        "严格遵循《中华人民共和国城乡规划法》和《城市居住区规划设计标准》（GB 50180），予以建设。\n"
    )
    found = [(r.title, r.doc_number, r.relation) for r in find_references(text)]
    assert found == [
        ("中华人民共和国城乡规划法", None, "law"),
        ("城市居住区规划设计标准", "GB 50180", "standard"),
    ]


def test_drafting_the_rules_under_a_law_does_not_announce_the_law() -> None:
    # 国办发〔2004〕7号
    text = "各地区要结合实际，制定和完善《中华人民共和国安全生产法》的配套实施办法和措施。\n"
    assert _relations(text) == {"中华人民共和国安全生产法": "law"}


def test_a_request_named_without_brackets_before_its_number_is_cited() -> None:
    # 国函〔2018〕145号
    text = (
        "科技部、新疆维吾尔自治区人民政府、新疆生产建设兵团：\n"
        "你们关于支持乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的请示"
        "（国科发高〔2018〕235号）收悉。现批复如下：\n"
    )
    found = [(r.title, r.doc_number, r.relation) for r in find_references(text)]
    assert found == [
        (
            "关于支持乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的请示",
            "国科发高〔2018〕235号",
            "cites",
        )
    ]
