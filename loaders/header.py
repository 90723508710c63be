"""Header fields of a web capture: ``索 引 号: …  发 布 机 构: …  文 号: …``.

Government sites print a metadata block above the document in one of several house styles:

- 信息名称 / 索引号 / 文件编号 / 发布机构 / 产生日期 / 发布日期 / 废止日期
- 政策文号 / 发布部门 / 发布时间 / 有效性
- 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期
- 文号 / 发布机构 / 发文日期 / 时效 (labels padded with spaces: ``发 布 机 构:``)
- 【发布部门】 / 【发文字号】 / 【发布日期】 / 【实施日期】 / 【时效性】 (legal databases such as
  pkulaw put the label in 【】 and no colon)
- ``[ 发布机构 ] 石柱县政府办 [ 发文字号 ] 石柱府发〔2024〕14号`` (Chongqing's disclosure pages put
  the label in square brackets, padded with spaces)
- ``发布日期 | 2018-07-16 | 生效日期 | 2018-07-16 |`` (a table flattened to pipes)
- ``名       称 :铜陵市…的通知 内容分类 :规范性文件发布`` (labels padded to one width)

Several fields may share a line. Each field is mapped to one of a few roles (``title``,
``doc_number``, ``issuer``, ``issued``, ``published``, ``validity``, ``summary``, ``other``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLES: dict[str, str] = {
    "信息名称": "title",
    "原标题": "title",
    "标题": "title",
    "文件名称": "title",
    "名称": "title",
    "文号": "doc_number",
    "文件编号": "doc_number",
    "政策文号": "doc_number",
    "发文字号": "doc_number",
    "发文文号": "doc_number",
    "发布文号": "doc_number",
    "发布机构": "issuer",
    "发布部门": "issuer",
    "发文机关": "issuer",
    "发文单位": "issuer",
    "发布单位": "issuer",
    "制发机关": "issuer",
    "发文日期": "issued",
    "成文日期": "issued",
    "产生日期": "issued",
    "生成日期": "issued",
    "印发日期": "issued",
    "发布日期": "published",
    "发布时间": "published",
    "公开日期": "published",
    "公布日期": "published",
    # News pages stamp their publication under the headline: 时间:2023-10-13 11:03 (福州市场
    # 监管局), 日期:2018-03-06 (苏州), 来源:中国产业经济信息网 时间:2018-03-13, 栏目:新闻资讯
    # 发布时间:2023-04-17, 新闻来源:常委秘书室 添加时间:2019-01-14 (芜湖市委).
    "添加时间": "published",
    "时间": "published",
    "日期": "published",
    "有效性": "validity",
    "时效": "validity",
    "时效性": "validity",
    "废止日期": "validity",
    "效力状态": "validity",
    "有效性状态": "validity",
    "有效期": "validity",
    "文件状态": "validity",
    "失效日期": "validity",
    "内容概述": "summary",
    "内容摘要": "summary",
    "摘要": "summary",
    "索引号": "other",
    "分类": "other",
    "主题分类": "other",
    "体裁分类": "other",
    "组配分类": "other",
    "主题词": "other",
    "公文种类": "other",
    "实施日期": "other",
    "所属机构": "other",
    "施行日期": "other",
    "生效日期": "other",
    "效力级别": "other",
    "法规类别": "other",
    "法宝引证码": "other",
    "原文链接": "other",
    "来源": "other",
    "新闻来源": "other",
    "栏目": "other",
    "信息来源": "other",
    "稿件来源": "other",
    "文章来源": "other",
    "内容分类": "other",
    "信息分类": "other",
    "关键词": "other",
    "公文类型": "other",
    "统一编号": "other",
}

# Longest labels first so 政策文号 wins over 文号 and 主题分类 over 分类.
_LABELS = sorted(ROLES, key=len, reverse=True)
# Labels are padded to one width with spaces between their characters: 索  引  号, 名       称.
_LABEL = "|".join(r"[ \u3000]*".join(re.escape(ch) for ch in label) for label in _LABELS)
# label: value, label：value, label<tab>value, label | value, 【label】 value or [ label ] value.
_OPEN, _CLOSE = r"(?:【|［|\[)[ \u3000]*", r"[ \u3000]*(?:】|］|\])"
_FIELD = re.compile(
    rf"(?:^|(?<=[\s\t|]))(?:{_OPEN}(?P<bracketed>{_LABEL}){_CLOSE}\s*[:：]?"
    rf"|(?P<label>{_LABEL})\s*(?:[:：\t]|\|(?!\s*$)))\s*"
)
_LINE_START = re.compile(rf"^(?:{_OPEN}(?:{_LABEL}){_CLOSE}|(?:{_LABEL})\s*(?:[:：\t]|\|))")

# A label alone on its line, its value on the next one.
_LONE_LABEL = re.compile(rf"^(?P<label>{_LABEL})\s*[:：]$")
_DATELINE = re.compile(
    r"^\s*(?P<date>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))\s+"
    r"(?:来源|信息来源|稿件来源)\s*[:：]"
)

# A table row flattened with spaces and no separators, label then value, two fields or more:
# 发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号 / 分   类 政务公开 有 效 性 有效.
# The cleaning step may glue the rows together (…2023-01-03发布机构 …1号分 类 …): a label also
# starts right after a value's last digit, 号 or bracket.
# A title cell may swallow the next label too: 信息名称 …的通知文 号 高新管办108号 (南宁高新区).
_SPACED_FIELD = re.compile(
    rf"(?:^|(?<=[\s\d号〕)）])|(?<=通知|意见|方案|办法|规划|决定|纲要|要点|计划))"
    rf"(?P<label>{_LABEL})[ \u3000]+(?=[^\s:：|])"
)

# A disclosure page's publication stamp under the title: 2023-01-05 10:00 区人民政府办公室
_STAMP = re.compile(
    r"^\s*(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+"
    r"(?P<by>[\u4e00-\u9fff]{2,30}(?:人民政府办公室|政府办公室|办公室|人民政府|政府|局|委员会))\s*$"
)

# A date field glued to the field before it, with no space between (浙江: 来源:省市场监管局(省知识
# 产权局)发布日期:2021-10-27 17:19; 四川: 来源:资金申请报告范文发布时间:2018-12-20 14:40:48).
_DATE = r"(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)"
_DATED_FIELD = re.compile(
    rf"(?P<label>发布日期|发布时间|添加时间|成文日期|发文日期|公开日期)\s*[:：]\s*(?P<date>{_DATE})"
)
# A date alone on its line, a bullet before it (广州: • 2012-09-24 over • 来源: 本网).
_BARE_DATE = re.compile(
    rf"^\s*(?:[•·▪●]|-(?=\s))?\s*(?P<date>{_DATE})(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$"
)
# A list bullet before a field: • 文件编号: … (九江), - 成文日期: (温岭).
_FIELD_BULLET = re.compile(r"^(\s*)(?:[•·▪●]|-(?=\s))")
# A label standing alone with no colon, its value on the next line (湖北: 发布单位⏎湖北省人民政府).
_BARE_LABEL = re.compile(rf"^(?:{_LABEL})$")

#: How far into the text header fields are looked for (lines).
HEADER_LINES = 40


@dataclass(frozen=True)
class HeaderField:
    """One ``label: value`` field with the span of its value in the text."""

    label: str
    role: str
    value: str
    start: int
    end: int


def canonical_label(written: str) -> str:
    """The label without the padding spaces: ``"发 布 机 构"`` → ``"发布机构"``.

    >>> canonical_label("发 布 机 构")
    '发布机构'
    """
    return re.sub(r"\s", "", written)


def is_header_line(line: str) -> bool:
    """True when ``line`` starts with a known header label and a separator.

    >>> is_header_line("发 布 机 构: 江苏省人民政府办公厅")
    True
    >>> is_header_line("【发文字号】 新质监办发〔2012〕24号")
    True
    >>> is_header_line("一、指导思想")
    False
    """
    return bool(_LINE_START.match(line.strip()))


def states_header_field(line: str) -> bool:
    """True when ``line`` holds a header field, also behind a bullet, glued to page furniture or
    left alone on its line without a colon; a dateline; or a date standing alone.

    >>> states_header_field("2021年04月20日 来源: 上海普陀")
    True
    >>> states_header_field("- 成文日期:"), states_header_field("• 2012-09-24")
    (True, True)
    >>> states_header_field("阅读次数: 来源:贵池区杏花村街道办事处 发布时间:2020-06-04 10:38")
    True
    >>> states_header_field("你好!今天是2017年09月20日 星期三")
    False
    """
    bare = _FIELD_BULLET.sub("", line).strip()
    return bool(
        is_header_line(bare)
        or _BARE_LABEL.match(bare)
        or _DATELINE.match(bare)
        or _DATED_FIELD.search(bare)
        or _BARE_DATE.match(bare)
        or _spaced_row(bare, 0)
    )


def parse_header(text: str) -> list[HeaderField]:
    """Every header field in the first :data:`HEADER_LINES` lines of ``text``, in order.

    >>> [(f.label, f.value) for f in parse_header("文件编号: 嘉政发〔2016〕7号 发布机构: 嘉泽镇")]
    [('文件编号', '嘉政发〔2016〕7号'), ('发布机构', '嘉泽镇')]
    """
    fields: list[HeaderField] = []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number >= HEADER_LINES:
            break
        # Bulleted fields (九江: "• 文件编号: 九府办字〔2020〕54号"): the bullet becomes a space,
        # so offsets stay those of the text.
        line = _FIELD_BULLET.sub(r"\1 ", line)
        lone = _LONE_LABEL.match(line.strip())
        next_line = _FIELD_BULLET.sub(r"\1 ", lines[number + 1]) if number + 1 < len(lines) else ""
        following = next_line.strip()
        if lone and following and len(following) <= 40 and not is_header_line(following):
            # 发布时间:⏎2023/06/16 — the value on the next line
            label = canonical_label(lone.group("label"))
            role = ROLES[label]
            if role == "other" and _BARE_DATE.match(following) and "来源" in label:
                # a source field holding the page's date (清远: 信息来源:⏎2020-03-25 10:10:36)
                role = "published"
            start = offset + len(line) + 1 + next_line.index(following)
            fields.append(HeaderField(label, role, following, start, start + len(following)))
        bare_date = _BARE_DATE.match(line)
        if bare_date and not (
            number and _LONE_LABEL.match(_FIELD_BULLET.sub("", lines[number - 1]).strip())
        ):
            # a date alone over the page's source field (广州: • 2012-09-24⏎• 来源: 本网)
            source = _FIELD.match(following)
            if source and "来源" in canonical_label(source.group("label") or ""):
                start = offset + bare_date.start("date")
                fields.append(
                    HeaderField(
                        "发布时间",
                        "published",
                        bare_date.group("date"),
                        start,
                        offset + bare_date.end("date"),
                    )
                )
        stamp = _STAMP.match(line)
        if stamp:
            start = offset + stamp.start("date")
            fields.append(
                HeaderField(
                    "发布时间", "published", stamp.group("date"), start, offset + stamp.end("date")
                )
            )
        dateline = _DATELINE.match(line)
        if dateline:
            # a news page's dateline beside its source: 2021年04月20日 来源: 上海普陀
            start = offset + dateline.start("date")
            fields.append(
                HeaderField(
                    "发布时间",
                    "published",
                    dateline.group("date"),
                    start,
                    offset + dateline.end("date"),
                )
            )
        if not is_header_line(line):
            fields.extend(_spaced_row(line, offset))
        found = {f.start for f in fields}
        for glued in _DATED_FIELD.finditer(line):
            start = offset + glued.start("date")
            if start not in found and not (glued.start() == 0 or line[glued.start() - 1] in " \t|"):
                label = glued.group("label")
                fields.append(
                    HeaderField(
                        label, ROLES[label], glued.group("date"), start, offset + glued.end("date")
                    )
                )
        if is_header_line(line):
            matches = list(_FIELD.finditer(line))
            for k, m in enumerate(matches):
                value_end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
                raw = line[m.end() : value_end]
                # A flattened table closes each cell with a pipe: 发布日期 | 2018-07-16 |
                raw = raw.split("|")[0] if "|" in line[: m.end()] else raw
                value = raw.strip()
                if not value:
                    continue
                start = offset + m.end() + (len(raw) - len(raw.lstrip()))
                label = canonical_label(m.group("label") or m.group("bracketed"))
                fields.append(HeaderField(label, ROLES[label], value, start, start + len(value)))
        offset += len(line) + 1
    return fields


def _spaced_row(line: str, offset: int) -> list[HeaderField]:
    """The fields of a header row that separates labels and values by spaces only.

    >>> [(f.label, f.value) for f in _spaced_row("发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号", 0)]
    [('发布机构', '区人民政府办公室'), ('文号', '蔡政办〔2023〕1号')]
    >>> _spaced_row("来源 新华社记者从国务院获悉", 0)
    []
    """
    matches = list(_SPACED_FIELD.finditer(line))
    at_start = bool(matches) and matches[0].start() == len(line) - len(line.lstrip())
    # A row glued under page furniture (a spam line) needs three labels to count; a row of one
    # long label stands alone (南宁高新区: 信息名称 南宁高新区管委会办公室关于印发…的通知).
    alone = len(matches) == 1 and at_start and len(canonical_label(matches[0].group("label"))) >= 4
    if len(matches) < (2 if at_start else 3) and not alone:
        return []
    fields: list[HeaderField] = []
    for k, m in enumerate(matches):
        value_end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
        raw = line[m.end() : value_end]
        value = raw.strip()
        if not value or re.search(r"[，。；]", value):
            return []
        label = canonical_label(m.group("label"))
        start = offset + m.end()
        fields.append(HeaderField(label, ROLES[label], value, start, start + len(value)))
    return fields


def header_end(text: str) -> int:
    """Offset just past the last header line (0 when there is no header block), and past the
    value of a label left alone on its line."""
    end = 0
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines[:HEADER_LINES]):
        offset += len(line) + 1
        if is_header_line(line):
            end = offset
            if _LONE_LABEL.match(line.strip()) and number + 1 < len(lines):
                end += len(lines[number + 1]) + 1
    return min(end, len(text))
