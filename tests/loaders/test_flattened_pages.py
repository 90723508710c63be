"""Pages flattened by document-sharing sites: the banner goes, the title and 文号 are found."""

from __future__ import annotations

from loaders.extract import extract_bytes

FLATTENED = (
    "《东明县2016年产品质量提升实施方案.docx》由用户上传分享,共8页,可免费在线预览,"
    "更多相关文档请到公文素材网查找。\n"
    "1、东明县2016年产品质量提升实施方案东质强发〔2016〕33号为认真贯彻落实市政府"
    "《菏泽市质量发展规划(2015-2019年)》,制定本实施方案。一、总体要求以提高发展质量为中心。"
)


def test_a_share_banner_in_other_words_is_dropped() -> None:
    record = extract_bytes(FLATTENED.encode("utf-8"), "flattened.txt")
    assert "由用户上传分享" not in record.text
    assert "公文素材网" not in record.text


def test_a_title_glued_to_its_number_is_found_with_the_number() -> None:
    record = extract_bytes(FLATTENED.encode("utf-8"), "flattened.txt")
    assert record.title == "东明县2016年产品质量提升实施方案"
    assert record.doc_type == "实施方案"
    assert record.doc_number == "东质强发〔2016〕33号"


def test_a_title_ending_in_its_period_is_a_title() -> None:
    text = "高唐县质量发展规划(2014-2018年)\n为认真贯彻落实上级要求,制定本规划。\n一、总体要求\n"
    record = extract_bytes(text.encode("utf-8"), "plan.txt")
    assert record.title == "高唐县质量发展规划(2014-2018年)"
    assert record.doc_type == "规划"


def test_a_number_glued_before_a_long_title_is_split_from_it() -> None:
    """An autonomous prefecture's long name once pushed the title out of reach: rejected."""
    text = (
        "1、黔政发〔2018〕46号黔西南布依族苗族自治州人民政府办公室关于印发黔西南布依族苗族"
        "自治州质量发展规划(2018-2022年)的通知各县(市)人民政府,州各委办局:"
        "《黔西南布依族苗族自治州质量发展规划(2018-2022年)》已经州人民政府同意,现印发给你们。"
    )
    record = extract_bytes(text.encode("utf-8"), "plan.txt")
    assert record.doc_number == "黔政发〔2018〕46号"
    assert record.title == (
        "黔西南布依族苗族自治州人民政府办公室关于印发"
        "黔西南布依族苗族自治州质量发展规划(2018-2022年)的通知"
    )
    assert record.plan_title == "黔西南布依族苗族自治州质量发展规划(2018-2022年)"
