"""Leading groups (领导小组): their leaders and the agency that hosts their office.

"成立质量强镇与打假工作领导小组，由镇党委副书记、镇长薛健峰担任组长 … 办公室设在镇经发科，
钱志锋任办公室主任" gives a group with leaders (post 组长（镇党委副书记、镇长）, person 薛健峰 …) and
office 镇经发科. A leader whose name the text does not give (以分管区长任组长) keeps ``person``
``None``. Each leader's ``post`` is the group role, with the government post in brackets.

>>> from loaders.regions import DocContext
>>> g = extract_groups("县政府成立由县政府主要领导任组长的质量强县活动领导小组。领导小组办公室设在县市场监管局。",
...                    DocContext(level="county"))[0]
>>> (g.name, g.leaders[0].post, g.leaders[0].person, g.office.type)
('质量强县活动领导小组', '组长（县政府主要领导）', None, 'market-regulation')

A document that sets no group up but speaks of one (a State Council notice adjusting a
group's members) gives the group by its name, without the words that lead into it, and the
office the text places, when the group is the only one it names (国务院办公厅关于调整…的通知):

>>> text = ("国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知\\n"
...         "国务院决定对国务院第二次全国污染源普查领导小组（以下简称领导小组）组成人员进行调整。"
...         "领导小组办公室设在生态环境部，办公室主任由生态环境部副部长兼任。"
...         "领导小组成员因工作变动需要调整的，由所在单位向领导小组办公室提出。")
>>> [(g.name, g.office.name) for g in extract_groups(text, DocContext(level="national"))]
[('国务院第二次全国污染源普查领导小组', '生态环境部')]
>>> [g.name for g in extract_groups("各地工作进展情况要定期报告国务院深化医药卫生体制改革领导小组。"
...                                 "在京津冀协同发展领导小组统筹指导下推进。", DocContext())]
['国务院深化医药卫生体制改革领导小组', '京津冀协同发展领导小组']
"""

from __future__ import annotations

import re

from loaders.agencies import split_agencies
from loaders.record import Group, Leader
from loaders.regions import DocContext

_ESTABLISH = re.compile(r"成立(?!相应)")
_GROUP_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,30}?领导小组)")
_LEADER = re.compile(
    r"(?:由|以)?(?P<who>[^，,。；;由以]{2,40}?)(?:担任|任)(?P<post>办公室副?主任|副?组长|副?主任)"
)
_TITLE_PERSON = re.compile(
    r"^(?P<title>.*(?:书记|长|主任|委员|主席|经理|领导))(?P<person>[\u4e00-\u9fff]{2,3})$"
)
_OFFICE = re.compile(r"办公室设在(?P<office>[^，,。；;、]+)")
#: the office of "the" group a text speaks of (领导小组办公室设在X): only read when the text
#: names exactly one group, so the back-reference is unambiguous
_GROUP_OFFICE = re.compile(r"领导小组办公室设在(?P<office>[^，,。；;、]+)")
#: words that lead into a group's name in running text (关于调整X领导小组组成人员的通知,
#: 决定对X领导小组, 以下简称领导小组, 由所在单位向领导小组, 落实中央教育工作领导小组各项要求,
#: 定期报告国务院深化医药卫生体制改革领导小组, 在京津冀协同发展领导小组统筹指导下): the name
#: starts after them
_LEAD_IN = re.compile(r"^.*(?:关于(?:调整|成立|印发)?|决定对|以下简称|简称|单位向|落实|报告)|^在")
_WINDOW = 400


def _leaders(who: str, post: str) -> list[Leader]:
    """Split 园区党工委副书记、副镇长刘毅、人武部长薛小忠 into one leader per named person."""
    leaders: list[Leader] = []
    pending: list[str] = []
    for piece in who.split("、"):
        m = _TITLE_PERSON.match(piece)
        if m:
            title = "、".join([*pending, m.group("title")])
            leaders.append(Leader(post=f"{post}（{title}）", person=m.group("person")))
            pending = []
        else:
            pending.append(piece)
    if pending:
        rest = "、".join(pending)
        if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", rest) and not re.search(
            r"长|领导|书记|主任", rest
        ):
            leaders.append(Leader(post=post, person=rest))
        else:
            leaders.append(Leader(post=f"{post}（{rest}）", person=None))
    return leaders


def _window(text: str, start: int) -> str:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return text[start : min(end, start + _WINDOW)]


def extract_groups(text: str, ctx: DocContext) -> list[Group]:
    """Every leading group the document sets up; or, when it sets none up, those it names."""
    groups: list[Group] = []
    for m in _ESTABLISH.finditer(text):
        sentence_end = text.find("。", m.end())
        sentence_end = len(text) if sentence_end < 0 else sentence_end
        names = list(_GROUP_NAME.finditer(text, m.end(), sentence_end))
        if not names:
            continue
        name = re.split(r"[的为]", names[0].group("name"))[-1]
        name = re.sub(r"^(?:由.*任组长|.*成员)", "", name)
        window = _window(text, m.start())
        leaders: list[Leader] = []
        for lm in _LEADER.finditer(window):
            who = re.sub(r"^.*(?:成立|组长)", "", lm.group("who")).strip()
            if who:
                leaders.extend(_leaders(who, lm.group("post")))
        office = None
        om = _OFFICE.search(window)
        if om:
            found = split_agencies(om.group("office"), ctx)
            office = found[0] if found else None
        if all(g.name != name for g in groups):
            groups.append(Group(name=name, leaders=leaders, office=office))
    if groups:
        return groups
    return _named_groups(text, ctx)


def _named_groups(text: str, ctx: DocContext) -> list[Group]:
    """The groups a text names without setting them up: full names only (a bare 领导小组 is a
    back-reference, a name that ends another name is that group cut short)."""
    names: list[str] = []
    for m in _GROUP_NAME.finditer(text):
        name = _LEAD_IN.sub("", m.group("name"))
        if name != "领导小组" and name not in names:
            names.append(name)
    names = [n for n in names if not any(o != n and o.endswith(n) for o in names)]
    groups = [Group(name=name) for name in names]
    if len(groups) == 1:
        om = _GROUP_OFFICE.search(text)
        found = split_agencies(om.group("office"), ctx) if om else []
        if found:
            groups[0].office = found[0]
    return groups
