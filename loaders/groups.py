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
    for m in _GROUP_NAME.finditer(text):
        name = m.group("name")
        if all(g.name != name for g in groups):
            groups.append(Group(name=name))
    return groups
