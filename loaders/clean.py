"""Cleaning: raw text → the clean text every offset points into.

What goes: site chrome (menus, 登录/无障碍/英文版, footers, 版权/ICP/公网安备 lines, 扫一扫,
下载附件/打印, share-site banners "由会员分享 … 请在…上搜索"), blank lines, runs of spaces.
What is repaired: lines broken mid-sentence, including the page numbers a docx-to-text
conversion splices into sentences ("…仍是制约我\\n2、县经济发展…" → "…仍是制约我县经济发展…").
What is normalised (:mod:`loaders.script`): traditional script to simplified, full-width
digits and letters to ASCII, pinyin after characters dropped, each line keeping its length where
it can; Markdown markup of law collections (``# 标题``, ``## 第一章 总则``, ``<!-- INFO END -->``).
What stays: punctuation as written (full-width, 〔〕 and [] alike), so every sentence can still
be found in the source.
"""

from __future__ import annotations

import re

from loaders.header import is_header_line, states_header_field
from loaders.script import normalise_script, normalise_script_lines

_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")
_TABS = re.compile(r"\s*\t[\t ]*")

# A line with one of these and no sentence of its own is web-page furniture, unless it also
# holds a header field (2021年04月20日 来源: 上海普陀; 新闻来源:… 添加时间:2019-01-14).
# 注册 is no such word: 商标有效注册量 is a target; a 登录 | 注册 bar has 登录.
_CHROME_WORDS = re.compile(
    r"登录|无障碍|英文版|English|繁體|繁体|简体版|智能问答|移动端|个人中心|今天是|"
    r"版权所有|Copyright|All Rights? Reserved|ICP备|ICP证|公网安备|网站标识码|主办单位|承办单位|"
    r"技术支持|联系我们|站点地图|网站地图|扫一扫|手机打开|下载附件|附件下载|文件下载|"
    r"打印|关闭窗口|收藏|分享到|字号[:：]|相关阅读|相关信息|相关链接|相关政策|"
    r"Produced By|浏览次数|访问量|来源[:：]|责任编辑|当前位置|您所在的位置|返回顶部",
    re.IGNORECASE,
)
# Document-sharing sites word their banner in many ways ("由会员分享 … 请在…上搜索",
# "由用户上传分享,共8页 … 请到…查找"): an uploader clause, then a pointer to more documents.
_SHARE_BANNER = re.compile(
    r"(?:《[^》\n]{1,80}》)?由(?:会员|用户|网友)?(?:上传)?分享"
    r"[^。\n]{0,120}?(?:请在.{1,20}?上搜索|请到.{1,20}?(?:查找|搜索|下载))。?"
)
# Single words that stand alone on a page as breadcrumb or category tabs.
_LONE_WORDS = frozenset(
    "政策 正文 详情 首页 返回 分享 文章 信息公开 政策文件 政策法规 解读 注册".split()
)
_BULLET = re.compile(r"^[•·▪●◆■□►>|-]\s*")
_SENTENCE_END = "。！？!?；;：:”\"’'）)》」』…"
_PAGE_NUMBER = re.compile(r"^(\d{1,3})[、.．]")
# Markdown as law collections store it: heading marks, and comments such as <!-- INFO END -->.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}(?:\s+|(?=[\u4e00-\u9fff]))")
_MARKUP_COMMENT = re.compile(r"^<!--.*-->$")


def normalise_line(line: str) -> str:
    """Collapse runs of spaces (ASCII, no-break, ideographic) to one; keep tab-separated cells;
    drop Markdown heading marks and comments; bring the script to simplified, half-width form.

    >>> normalise_line("  索   引   号: 014000319\\u3000 ")
    '索 引 号: 014000319'
    >>> normalise_line("# 中华人民共和国产品质量法")
    '中华人民共和国产品质量法'
    >>> normalise_line("<!-- INFO END -->")
    ''
    """
    return normalise_script(_layout(line))


def _layout(line: str) -> str:
    """Spaces collapsed, cells kept, Markdown marks and comments dropped (script untouched)."""
    line = _SPACES.sub(" ", line)
    line = _TABS.sub("\t", line)
    line = line.strip(" \t")
    if _MARKUP_COMMENT.match(line):
        return ""
    return _MARKDOWN_HEADING.sub("", line)


def is_chrome(line: str) -> bool:
    """True for a line of site furniture rather than document text.

    >>> is_chrome("苏ICP备10217280号 苏公网安备32041202000001号")
    True
    >>> is_chrome("• 无障碍浏览")
    True
    >>> is_chrome("一、指导思想")
    False

    A header field is no furniture, bulleted, glued or beside a source (温岭, 广州, 上海普陀):

    >>> is_chrome("- 成文日期:"), is_chrome("• 2012-09-24"), is_chrome("2021年04月20日 来源: 上海普陀")
    (False, False, False)
    >>> is_chrome("全市商标有效注册量达到5万件")
    False
    """
    if _SHARE_BANNER.search(line):
        return True
    bare = _BULLET.sub("", line)
    if bare in _LONE_WORDS:
        return True
    if _BULLET.match(line) and len(bare) <= 12 and not re.search(r"[。,，；;]", bare):
        return not states_header_field(line)
    if len(line) <= 120 and "。" not in line.rstrip("。") and _CHROME_WORDS.search(line):
        return not states_header_field(line)
    return False


def _drop_chrome(lines: list[str]) -> list[str]:
    """Lines that are no furniture, and the value under a label left alone on its line, even a
    short bulleted one (洞头: • 发布机构:⏎• 区市场监管局)."""
    out: list[str] = []
    for k, line in enumerate(lines):
        lone_label = (
            k > 0
            and is_header_line(_BULLET.sub("", lines[k - 1]))
            and bool(re.search(r"[:：]\s*$", lines[k - 1]))
        )
        if lone_label or not is_chrome(line):
            out.append(line)
    return out


def _is_menu_word(line: str) -> bool:
    """A short label such as a menu entry: a few characters, no punctuation, no numbering."""
    return (
        len(line) <= 8
        and not re.search(r"[。,，、:：;；()（）《》\d]", line)
        and not re.match(r"^[一二三四五六七八九十]+、", line)
    )


def _drop_menu_runs(lines: list[str]) -> list[str]:
    """Drop runs of four or more consecutive menu-like short lines (navigation bars)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_menu_word(lines[j]):
            j += 1
        if j - i >= 4:
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _ends_mid_sentence(line: str) -> bool:
    """A long line that stops without closing punctuation was wrapped or split by a page break."""
    return len(line) >= 40 and line[-1] not in _SENTENCE_END and not is_header_line(line)


def _page_number_lines(lines: list[str]) -> set[int]:
    """Indexes of lines whose leading ``N、`` is a page number spliced in, not list numbering.

    A page number follows a long line cut mid-sentence, and the page numbers form a run
    that counts up by one (2, 3, 4 …) through the document; real list items restart at 1
    and follow headings or finished sentences.
    """
    candidates: list[tuple[int, int]] = []
    for i in range(1, len(lines)):
        m = _PAGE_NUMBER.match(lines[i])
        if m and _ends_mid_sentence(lines[i - 1]):
            candidates.append((i, int(m.group(1))))
    pages: set[int] = set()
    run: list[tuple[int, int]] = []
    for index, number in candidates:
        if run and number == run[-1][1] + 1:
            run.append((index, number))
            continue
        if len(run) >= 2:
            pages.update(i for i, _ in run)
        run = [(index, number)]
    if len(run) >= 2:
        pages.update(i for i, _ in run)
    if pages:
        # Page 1 sits at the start of the first text line, with nothing before it to cut.
        first = min(pages)
        first_number = int(_PAGE_NUMBER.match(lines[first]).group(1))  # type: ignore[union-attr]
        if first_number == 2:
            for i in range(first):
                m = _PAGE_NUMBER.match(lines[i])
                if m and m.group(1) == "1" and len(lines[i]) >= 40:
                    pages.add(i)
                    break
    return pages


def _broken_word(previous: str, line: str) -> bool:
    """A line that starts with a one-to-three character fragment and a comma ("书,严格…")
    finishes a word the previous line broke off."""
    return (
        len(previous) >= 15
        and previous[-1] not in _SENTENCE_END
        and not is_header_line(previous)
        and not _looks_like_title(previous)
        and bool(re.match(r"^[\u4e00-\u9fff]{1,3}[，,、；;。]", line))
        and not _starts_new_item(line)
    )


def _starts_new_item(line: str) -> bool:
    """A numbered item, an article or chapter, an annex, or a lone chapter heading (总则, 附则)."""
    return bool(
        re.match(
            r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]|第.{1,4}[章条节]|附件)",
            line,
        )
        or re.fullmatch(r"总\s?则|附\s?则|序\s?言", line)
    )


def _rejoin(lines: list[str]) -> list[str]:
    """Join page-number splices and lines wrapped mid-sentence back into one line."""
    pages = _page_number_lines(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in pages:
            line = _PAGE_NUMBER.sub("", line, count=1)
            if out and _ends_mid_sentence(out[-1]):
                out[-1] += line
            else:
                out.append(line)
            continue
        if out and _broken_word(out[-1], line):
            out[-1] += line
            continue
        if (
            out
            and _ends_mid_sentence(out[-1])
            and not _starts_new_item(line)
            and not states_header_field(line)
            and re.match(r"^[\u4e00-\u9fff，,、；;。）)”]", line)
            and not _looks_like_title(line)
        ):
            out[-1] += line
            continue
        out.append(line)
    return out


def _looks_like_title(line: str) -> bool:
    """A short line ending in a document-type word, e.g. a title or plan name after a notice."""
    return len(line) <= 60 and bool(
        re.search(r"(通知|意见|方案|计划|纲要|规划|决定|办法|细则)$", line)
    )


def clean_text(raw: str) -> str:
    """The clean text of a document: chrome dropped, lines normalised and rejoined.

    >>> clean_text("• 首页\\n\\n一、指导思想\\n\\n扫一扫在手机打开当前页")
    '一、指导思想'
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = [line for line in map(_layout, raw.split("\n")) if line]
    lines = normalise_script_lines(lines)
    # A banner glued to text loses only itself; a banner line disappears.
    lines = [_SHARE_BANNER.sub("", line).strip() for line in lines]
    lines = [line for line in lines if line]
    lines = _drop_chrome(lines)
    lines = _drop_menu_runs(lines)
    lines = _rejoin(lines)
    return "\n".join(piece for line in lines for piece in split_long_line(line))


#: no line of a real document comes near this (the longest seen in the corpus: about 500
#: characters); steps that look around a sentence or a mention read one line at a time
#: would take hours over a 15 MB text written as a single line
MAX_LINE = 5_000
_SENTENCE_STOP = re.compile(r"[。！？；!?;]")


def split_long_line(line: str, limit: int = MAX_LINE) -> list[str]:
    """``line`` cut into lines of at most ``limit`` characters, after a sentence end where
    one falls in the second half of the window, else at ``limit``.

    >>> split_long_line("提高质量。" * 3, limit=12)
    ['提高质量。提高质量。', '提高质量。']
    >>> split_long_line("质" * 5, limit=2)
    ['质质', '质质', '质']
    """
    pieces: list[str] = []
    start = 0
    while len(line) - start > limit:
        window_end = start + limit
        cut = window_end
        for stop in _SENTENCE_STOP.finditer(line, start + limit // 2, window_end):
            cut = stop.end()
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces
