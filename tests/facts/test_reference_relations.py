"""The relation each reference's sentence gives, from short excerpts of real laws and notices."""

from __future__ import annotations

import pytest

from loaders.references import find_references

CASES = [
    (
        "revision history with inner 〈〉 wrapped over a line (计量法, 2018)",
        "2017年12月27日 第十二届全国人民代表大会常务委员会第三十一次会议《关于修改〈中华人民共和国招标投标法〉\n"
        "〈中华人民共和国计量法〉的决定》第四次修正\n",
        [("关于修改〈中华人民共和国招标投标法〉〈中华人民共和国计量法〉的决定", None, "cites")],
    ),
    (
        "revision history with ＜＞ (浙江省产品质量监督条例, 2009)",
        "2009年11月27日 浙江省第十一届人民代表大会常务委员会第十四次会议《关于修改＜浙江省产品质量监督条例＞的决定》修正\n",
        [("关于修改〈浙江省产品质量监督条例〉的决定", None, "cites")],
    ),
    (
        "根据 a revision decision amends, it is not carried out (河南省计量监督管理条例, 2016)",
        "第一次修正根据2012年11月29日河南省第十一届人民代表大会常务委员会第三十次会议"
        "《河南省人民代表大会常务委员会关于修改部分地方性法规的决定》第二次修正\n",
        [("河南省人民代表大会常务委员会关于修改部分地方性法规的决定", None, "cites")],
    ),
    (
        "同时废止 predecessors (浙江省产品质量监督条例, 2009)",
        "第四十四条 本条例自2005年12月1日起施行。1992年11月15日浙江省第七届人民代表大会常务委员会第三十一次会议通过的"
        "《浙江省查处生产和经销假冒伪劣商品行为条例》和1995年12月26日浙江省第八届人民代表大会常务委员会第二十五次会议通过的"
        "《浙江省产品质量监督管理条例》同时废止。\n",
        [
            ("浙江省查处生产和经销假冒伪劣商品行为条例", None, "repealed_by"),
            ("浙江省产品质量监督管理条例", None, "repealed_by"),
        ],
    ),
    (
        "a law by its title, wherever it stands (上海市产品质量条例, 2012)",
        "第一条 为了明确产品质量责任，根据《中华人民共和国产品质量法》和其他法律、行政法规的规定，结合本市实际，制定本条例。\n",
        [("中华人民共和国产品质量法", None, "law")],
    ),
    (
        "certificates in 《》 are not documents (河南省计量监督管理条例, 2016)",
        "制造、修理计量器具的企业、事业单位，应当依法取得《制造计量器具许可证》或者《修理计量器具许可证》。\n",
        [],
    ),
    (
        "a bare 文号 is the document cited with it (国办发〔1996〕32号)",
        "为贯彻落实《中共中央、国务院关于加快西藏发展、维护社会稳定的意见》（中发〔1994〕8号）精神。"
        "西藏自治区人民政府要按照中发〔1994〕8号文件的规定，负责提供学生的费用。\n",
        [("中共中央、国务院关于加快西藏发展、维护社会稳定的意见", "中发〔1994〕8号", "implements")],
    ),
    (
        "the wrapped document of a notice is the document itself (国办函〔2005〕57号)",
        "《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。\n",
        [("国家粮食应急预案", None, "self")],
    ),
    (
        "不再执行 cites what it sets aside (国发〔2018〕38号)",
        "对自贸试验区内的港澳台资建筑业企业，不再执行《外商投资建筑业企业管理规定》中关于工程承包范围的限制性规定。\n",
        [("外商投资建筑业企业管理规定", None, "cites")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reference_relation(
    name: str, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = [(r.title, r.doc_number, r.relation) for r in find_references(text)]
    assert found == expected, name


def test_a_title_without_quotes_before_its_number() -> None:
    refs = find_references("根据国务院关于加强质量工作的通知（国发〔2016〕5号）精神，制定本方案。")
    assert [(r.title, r.doc_number, r.issuer, r.relation) for r in refs] == [
        ("国务院关于加强质量工作的通知", "国发〔2016〕5号", "国务院", "implements")
    ]
