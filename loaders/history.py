"""The revision history printed under the title of a law, regulation or rule (题注).

Law collections and the State Council's pages print, under the title, who adopted or
promulgated the text and when, and every later amendment, one event per line or all in one
bracketed paragraph joined by 根据:

    2000年5月25日 重庆市第一届人民代表大会常务委员会第二十五次会议通过
    2004年6月28日 重庆市第二届人民代表大会常务委员会第十次会议《关于…的决定》第二次修正
    （1994年1月28日中华人民共和国国务院令第142号发布　根据2005年12月19日《国务院关于修改…的决定》第一次修订）
    1985年3月7日 国务院批准　1985年3月15日 国家标准局发布
    2021年7月22日 国家市场监督管理总局令第43号公布　2022年1月1日 施行

Each event is a date, the body that acted (without its term or session: 第十四届 …
第二十一次会议), the order number if any (国务院令第390号) and the act: 通过 (adopted),
公布/发布 (promulgated), 修正/修订 (amended), 批准 (approved), 施行 (in force from).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.numerals import find_dates

_ACTS = {
    "通过": "adopted",
    "公布": "promulgated",
    "发布": "promulgated",
    "颁布": "promulgated",
    "修正": "amended",
    "修订": "amended",
    "修改": "amended",
    "批准": "approved",
    "施行": "in_force",
}
# The act closes the event: 通过 / 第一次修正 / 公布 / 施行, then a bracket, 根据 or the end.
_EVENT = re.compile(
    r"^(?P<actor>[^。；;]{0,160}?)(?:第[一二三四五六七八九十\d]+次)?(?P<act>通过|公布|发布|颁布|修正|修订|批准|施行)"
    r"\s*(?:[)）]|根据|$)"
)
_ORDER = re.compile(r"(?P<number>(?:中华人民共和国)?(?P<body>[\u4e00-\u9fff]{2,20}?)令第[0-9]+号)")
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议")
_TERM = re.compile(r"第[一二三四五六七八九十百\d]+届")


@dataclass(frozen=True)
class Event:
    """One line of the history: when, what act, by whom, with which order number."""

    date: str
    act: str
    body: str | None
    order: str | None


def _body(actor: str) -> tuple[str | None, str | None]:
    """The acting body and order number of the words between a date and its act."""
    actor = actor.strip(" 　,，、")
    if actor.startswith("《") or not actor:
        # 《国务院关于修改…的决定》第一次修订: a decision amends; no body of its own here.
        return None, None
    order = _ORDER.search(actor)
    if order:
        body = order.group("body")
        return ("国务院" if body == "国务院" else body), order.group("number")
    at_session = _SESSION.search(actor)
    if at_session:
        actor = actor[: at_session.start()]
    actor = _TERM.sub("", re.sub(r"《[^》]*》", "", actor)).strip()
    if not actor or not re.fullmatch(r"[\u4e00-\u9fff、]{2,40}", actor):
        return None, None
    return actor, None


def find_history(text: str) -> list[Event]:
    """The events of the history under the title, in the order they are written.

    Only the lines before the body (第一条 / 第一章) are read; a history is at most a few
    hundred characters long.

    >>> [(e.date, e.act, e.body, e.order) for e in find_history(
    ...     "乳品质量安全监督管理条例\\n2008年10月6日 国务院第28次常务会议通过\\n"
    ...     "2008年10月9日 中华人民共和国国务院令第536号公布\\n第一章 总则")]
    [('2008-10-06', 'adopted', '国务院', None), ('2008-10-09', 'promulgated', '国务院', '中华人民共和国国务院令第536号')]
    """
    head = re.split(r"\n(?:第[一二三四五六七八九十]+[章条]|总则)", text, maxsplit=1)[0][:3000]
    events: list[Event] = []
    dates = list(find_dates(head))
    for k, date in enumerate(dates):
        stop = dates[k + 1].start if k + 1 < len(dates) else len(head)
        segment = head[date.end : stop].split("\n")[0]
        m = _EVENT.match(segment.strip())
        if not m:
            continue
        body, order = _body(m.group("actor"))
        events.append(Event(date.iso, _ACTS[m.group("act")], body, order))
    return events


@dataclass(frozen=True)
class HistoryFacts:
    """What the history says about the document as it stands."""

    issuers: list[str]
    doc_number: str | None
    issued: str | None
    published: str | None


def history_facts(events: list[Event]) -> HistoryFacts | None:
    """Issuer, order number and dates of the text as it stands, from its history.

    The issuer is the body that first adopted or promulgated the text (an approving body is
    not one); the order number is the first one given. The text dates from its latest
    adoption or amendment; it was published on a promulgation date only when no amendment
    came after it (an amended text's own publication date is not given).

    >>> f = history_facts(find_history("2008年10月6日 国务院第28次常务会议通过\\n2008年10月9日 中华人民共和国国务院令第536号公布"))
    >>> (f.issuers, f.doc_number, f.issued, f.published)
    (['国务院'], '中华人民共和国国务院令第536号', '2008-10-06', '2008-10-09')
    """
    acts = [e for e in events if e.act in ("adopted", "promulgated", "amended")]
    if not acts:
        return None
    issuers: list[str] = []
    for e in acts:
        if e.act in ("adopted", "promulgated") and e.body:
            for name in re.split(r"[、]", e.body):
                if name not in issuers:
                    issuers.append(name)
            break
    doc_number = next((e.order for e in acts if e.order), None)
    last = acts[-1]
    published = last.date if last.act == "promulgated" else None
    issued = last.date
    if last.act == "promulgated" and len(acts) > 1 and acts[-2].act == "adopted":
        issued = acts[-2].date
    return HistoryFacts(issuers, doc_number, issued, published)
