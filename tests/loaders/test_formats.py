"""The same seed in every format and encoding gives the same metadata, sections and references."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from loaders.extract import extract_bytes
from loaders.record import PolicyDocument
from tests.diffing import REFERENCE_KEYS, SCALAR_FIELDS, diff_record
from tests.loaders.formats import as_docx, as_html, as_pdf, seed_lines

SEEDS = (
    "county_template_opinion",
    "district_2011_product_quality_plan",
    "jiangsu_province_2012_action_plan",
    "jiaze_town_2016_opinion",
    "zhenjiang_city_2014_action_plan",
)


def _gbk(path: Path) -> tuple[bytes, str]:
    text = _gbk_safe(path.read_text(encoding="utf-8"))
    return text.encode("gbk"), "gbk.txt"


def _gbk_safe(text: str) -> str:
    # A GBK page cannot hold U+00A0, U+2002 or U+2022; the site would have written a space or a dot.
    return text.replace("\u00a0", " ").replace("\u2002", " ").replace("\u2022", "·")


def _gb18030(path: Path) -> tuple[bytes, str]:
    return path.read_text(encoding="utf-8").encode("gb18030"), "gb18030.txt"


def _utf16(path: Path) -> tuple[bytes, str]:
    return path.read_text(encoding="utf-8").encode("utf-16"), "utf16.txt"


def _utf8_bom(path: Path) -> tuple[bytes, str]:
    return codecs.BOM_UTF8 + path.read_bytes(), "bom.txt"


def _crlf(path: Path) -> tuple[bytes, str]:
    return path.read_bytes().replace(b"\n", b"\r\n"), "crlf.txt"


def _html(path: Path) -> tuple[bytes, str]:
    return as_html(seed_lines(path)), "page.html"


def _html_gbk(path: Path) -> tuple[bytes, str]:
    text = _gbk_safe(path.read_text(encoding="utf-8"))
    return as_html(text.splitlines(), charset="gbk"), "page.htm"


def _docx(path: Path) -> tuple[bytes, str]:
    return as_docx(seed_lines(path)), "doc.docx"


def _pdf(path: Path) -> tuple[bytes, str]:
    return as_pdf(seed_lines(path)), "doc.pdf"


VARIANTS: dict[str, Callable[[Path], tuple[bytes, str]]] = {
    "gbk": _gbk,
    "gb18030": _gb18030,
    "utf-16": _utf16,
    "utf-8-bom": _utf8_bom,
    "crlf": _crlf,
    "html": _html,
    "html-gbk": _html_gbk,
    "docx": _docx,
    "pdf": _pdf,
}
FORMAT_OF = {"html": "html", "html-gbk": "html", "docx": "docx", "pdf": "pdf"}
ENCODING_OF = {
    "gbk": ("gbk",),
    "gb18030": ("gbk", "gb18030"),  # gbk when every character also fits GBK
    "utf-16": ("utf-16",),
    "utf-8-bom": ("utf-8-sig",),
    "html-gbk": ("gb18030",),  # the page declares GBK; read with the superset
}
# Characters reportlab's STSong-Light cannot draw; they are missing from the PDF itself.
PDF_MISSING = str.maketrans("", "", "·")


def _as_expected(doc: PolicyDocument) -> dict[str, object]:
    """A record reduced to what the expected files hold (what must not depend on the format)."""
    data = doc.to_json_dict()
    reduced: dict[str, object] = {key: data[key] for key in SCALAR_FIELDS}
    reduced["issuers"] = data["issuers"]
    reduced["sections"] = [{"path": s["path"], "heading": s["heading"]} for s in data["sections"]]
    reduced["references"] = [{k: r[k] for k in REFERENCE_KEYS} for r in data["references"]]
    return reduced


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("stem", SEEDS)
def test_variant_gives_the_same_record(
    stem: str, variant: str, seed_dir: Path, seed_records: dict[str, PolicyDocument]
) -> None:
    data, filename = VARIANTS[variant](seed_dir / f"{stem}.txt")
    doc = extract_bytes(data, f"{stem}.{filename}")
    assert doc.source.format == FORMAT_OF.get(variant, "txt")
    if variant in ENCODING_OF:
        assert doc.source.encoding in ENCODING_OF[variant]
    expected = _as_expected(seed_records[stem])
    if variant == "pdf":
        expected = json.loads(json.dumps(expected, ensure_ascii=False).translate(PDF_MISSING))
    diff = diff_record(expected, doc.to_json_dict(), name=f"{stem} as {variant}")
    assert diff.ok, str(diff)


def test_html_reader_drops_page_furniture(seed_dir: Path) -> None:
    data = as_html(seed_lines(seed_dir / "zhenjiang_city_2014_action_plan.txt"))
    doc = extract_bytes(data, "page.html")
    for chrome in (
        "统计代码",
        "无障碍",
        "英文版",
        "政务动态",
        "当前位置",
        "ICP备",
        "版权所有",
        "扫一扫",
        "关闭窗口",
    ):
        assert chrome not in doc.text
    assert doc.text.startswith("镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知\n")


def test_docx_tables_are_read_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for cell, value in zip(
        [c for row in table.rows for c in row.cells],
        [
            "文号",
            "镇政办发〔2014〕85号",
            "发布时间",
            "2014年04月28日",
            "发布部门",
            "市政府办公室",
            "有效性",
            "有效",
        ],
        strict=True,
    ):
        cell.text = value
    document.add_paragraph("镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知")
    document.add_paragraph("一、主要目标")
    path = tmp_path / "table.docx"
    document.save(str(path))
    doc = extract_bytes(path.read_bytes(), "table.docx")
    assert (doc.doc_number, doc.published, doc.in_force) == (
        "镇政办发〔2014〕85号",
        "2014-04-28",
        True,
    )
    assert doc.title == "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知"
    assert [s.path for s in doc.sections] == ["一"]
