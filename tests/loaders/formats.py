"""Build the same seed in other formats, the way other tools would write it.

python-docx for Word, reportlab with the CID font STSong-Light for PDF, and an HTML page
with menus, breadcrumbs, a share bar and a footer, so the readers meet real files.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from typing import Any

EXPECTED_DIR = Path(__file__).resolve().parent.parent / "expected" / "metadata"


def load_expected(stem: str) -> dict[str, Any]:
    """The hand-written expected record of a seed."""
    data: dict[str, Any] = json.loads((EXPECTED_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def seed_lines(path: Path) -> list[str]:
    """The seed's lines as written (UTF-8), without line ends."""
    return path.read_text(encoding="utf-8").splitlines()


def as_html(lines: list[str], charset: str = "utf-8") -> bytes:
    """The seed as a government web page: menus, breadcrumbs, share bar, footer, scripts."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政府信息公开</title>
<style>.nav li {{ display: inline; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="top"><a href="/login">登录</a> | <a href="/wza">无障碍浏览</a> | <a href="/en">英文版</a></div>
<nav class="nav"><ul><li>首页</li><li>政务动态</li><li>政府信息公开</li><li>政民互动</li></ul></nav>
<div class="crumb">当前位置:首页 &gt; 政府信息公开 &gt; 政策文件</div>
<div class="article">
{body}
</div>
<div class="tools"><a href="#">打印</a> <a href="#">关闭窗口</a> 扫一扫在手机打开当前页</div>
<footer><p>版权所有:某某市人民政府办公室 主办单位:某某市人民政府办公室</p>
<p>苏ICP备00000000号 苏公网安备32000000000000号 网站标识码:3200000000</p></footer>
<script>console.log("done")</script>
</body></html>
"""
    return page.encode(charset)


def as_docx(lines: list[str]) -> bytes:
    """The seed as a Word document written by python-docx (one paragraph per line)."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(lines: list[str]) -> bytes:
    """The seed as a PDF written by reportlab with the built-in CID font STSong-Light."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=10.5, leading=16, spaceAfter=8, wordWrap="CJK"
    )
    buffer = io.BytesIO()
    story = [Paragraph(html.escape(line.strip()), style) for line in lines if line.strip()]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()
