"""Task tables (任务分工表 / 重点任务分工): one measure per row, with its agencies and deadline.

Local plans often put the division of work in an annex table whose columns are
序号 | 工作任务 | 牵头单位 | 配合单位 (or 责任单位) | 完成时限. The readers hand HTML ``<table>`` and
docx tables over as one line per row with tab-separated cells, so a table is a header line that
names a task column and an agency column, followed by rows with the same number of cells.

>>> from loaders.regions import DocContext
>>> ctx = DocContext(region="江苏省", level="province", province="江苏省")
>>> text = ("附件\\n重点任务分工表\\n序号\\t工作任务\\t牵头单位\\t配合单位\\t完成时限\\n"
...         "1\\t建立质量奖励制度\\t省质监局\\t省财政厅、人力资源社会保障厅\\t2013年底前\\n")
>>> m = extract_task_tables(text, ctx)[0]
>>> (m.path, m.title, [a.name for a in m.lead], [a.raw for a in m.participants], m.deadline)
('表1.1', '建立质量奖励制度', ['江苏省质量技术监督局'], ['省财政厅', '人力资源社会保障厅'], '2013年底前')
"""

from __future__ import annotations

import re

from loaders.agencies import split_agencies
from loaders.record import Agency, Measure
from loaders.regions import DocContext

# Column headings, by what the column holds.
_TASK = re.compile(r"任务|工作内容|主要内容|具体措施|工作措施|重点工作|事项")
_LEAD = re.compile(r"牵头")
_PARTICIPANT = re.compile(r"配合|参与|参加|协办|协同")
_RESPONSIBLE = re.compile(r"责任|负责|承办|实施主体")
_DEADLINE = re.compile(r"时限|时间|进度|期限")
_NUMBER = re.compile(r"序号|编号")
_FIRST_LEADS = re.compile(r"列第一位(?:者|的)?为牵头单位")


def _column_roles(header: list[str]) -> dict[int, str] | None:
    """Column index → what it holds, or ``None`` when the row is not a task table's header."""
    roles: dict[int, str] = {}
    for i, cell in enumerate(c.strip() for c in header):
        if not cell or len(cell) > 12:
            continue
        if _NUMBER.search(cell):
            roles[i] = "number"
        elif _LEAD.search(cell):
            roles[i] = "lead"
        elif _PARTICIPANT.search(cell):
            roles[i] = "participants"
        elif _RESPONSIBLE.search(cell):
            roles[i] = "responsible"
        elif _DEADLINE.search(cell):
            roles[i] = "deadline"
        elif _TASK.search(cell) and "task" not in roles.values():
            roles[i] = "task"
    has_agency = any(r in ("lead", "participants", "responsible") for r in roles.values())
    return roles if "task" in roles.values() and has_agency else None


def _agencies(cell: str, ctx: DocContext) -> list[Agency]:
    cell = re.sub(r"\s+", "", cell).strip("、，,;；")
    cell = re.sub(r"等(?:有关|相关)?(?:部门|单位)?$", "", cell)
    if not cell or cell in ("/", "-", "—", "无"):
        return []
    return split_agencies(cell.replace("，", "、").replace(",", "、"), ctx)


_DEADLINE_CELL = re.compile(r"\d{4}年|月底|年底|前$|长期|持续|每年|季度")


def _row_cells(cells: list[str], roles: dict[int, str], width: int) -> dict[str, str]:
    """Cells by column role. Cleaning drops empty cells, so a short row keeps its leading cells
    in order and, when its last cell is a date, gives that one to the deadline column."""
    if len(cells) == width:
        return {role: cells[i].strip() for i, role in roles.items()}
    by_role: dict[str, str] = {}
    last = width - 1
    if roles.get(last) == "deadline" and _DEADLINE_CELL.search(cells[-1]):
        by_role["deadline"] = cells[-1].strip()
        cells = cells[:-1]
    for i, cell in enumerate(cells):
        if i in roles and roles[i] not in by_role:
            by_role[roles[i]] = cell.strip()
    return by_role


def extract_task_tables(text: str, ctx: DocContext) -> list[Measure]:
    """The rows of every task table in ``text`` as measures (path ``表N.序号``)."""
    measures: list[Measure] = []
    first_leads = bool(_FIRST_LEADS.search(text))
    table = 0
    roles: dict[int, str] | None = None
    width = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) < 3:
            roles = None
            continue
        header = _column_roles(cells)
        if header is not None:
            table += 1
            roles, width = header, len(cells)
            continue
        if roles is None or not 3 <= len(cells) <= width:
            continue
        by_role = _row_cells(cells, roles, width)
        task = by_role.get("task", "")
        if not task:
            continue
        lead = _agencies(by_role.get("lead", ""), ctx)
        participants = _agencies(by_role.get("participants", ""), ctx)
        responsible = _agencies(by_role.get("responsible", ""), ctx)
        if first_leads and responsible and not lead:
            # 列第一位者为牵头单位 applies to a 责任单位 column as it does to parentheses.
            lead, participants, responsible = responsible[:1], participants + responsible[1:], []
        number = by_role.get("number") or str(
            len([m for m in measures if m.path.startswith(f"表{table}.")]) + 1
        )
        body = line.rstrip("\r\n")
        measures.append(
            Measure(
                path=f"表{table}.{number}",
                title=task,
                text=body,
                start=start,
                end=start + len(body),
                lead=lead,
                participants=participants,
                responsible=responsible,
                deadline=by_role.get("deadline") or None,
            )
        )
    return measures
