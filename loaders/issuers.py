"""Names of issuing bodies as documents write them: 国务院办公厅, 省政府, 镇江市人民政府办公室.

Only the *written* name is recognised here (no resolution of 省政府 to 江苏省人民政府; the
facts helper and the graph resolve agencies). Used for a document's own issuer (signature
lines, title prefixes) and for the issuer written before a cited title (国务院《…》).
"""

from __future__ import annotations

import re

# Bodies that are named without a place (国务院) or by level alone (省政府, 市政府办公室).
_LEVEL_BODIES = (
    r"国务院办公厅|国务院|中共中央办公厅|中共中央|全国人大常委会|全国人民代表大会常务委员会|"
    r"国家[\u4e00-\u9fff]{1,10}?(?:总局|委员会|局|委|部)|"
    r"[省市县区镇](?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|委办公室|委|人大常委会)"
)
# A place name (two characters and its level) before a full body name: 江苏省人民政府办公厅.
_NOT_PLACE = r"(?!落实|贯彻|根据|按照|依据|依照|执行|遵照|参照|结合|认真|全面|深入|印发|转发|[和及与、的对经])"
_PLACE_BODIES = (
    _NOT_PLACE
    + r"[\u4e00-\u9fff]{2}[省市县区镇](?:人民政府办公厅|人民政府办公室|人民政府|委员会|政府)"
)

#: A written issuer name, as a regular expression.
ISSUER = f"(?:{_PLACE_BODIES}|{_LEVEL_BODIES})"

_ISSUER_BEFORE_TITLE = re.compile(rf"(?P<issuer>{ISSUER})(?:两个|印发的|发布的|制定的|出台的|的)?$")
_ISSUER_TITLE_PREFIX = re.compile(rf"^(?P<issuer>{ISSUER})(?=关于|[\u4e00-\u9fff]{{2,}})")

# A line that is nothing but an organisation's name, as in the signature of a notice.
_SIGNATURE = re.compile(
    r"^[\u4e00-\u9fff]{2,24}(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府|办公厅|办公室|"
    r"管理委员会|委员会|管委会|党委|党工委|办事处|领导小组|指挥部|中心|局|厅|委|院|部|署)$"
)


def issuer_before(text: str) -> tuple[str, int] | None:
    """The issuer written at the end of ``text`` (just before a 《), with its start offset.

    >>> issuer_before("全面落实国务院")
    ('国务院', 4)
    >>> issuer_before("依据《安全生产法》和省政府两个")
    ('省政府', 10)
    >>> issuer_before("认真贯彻落实") is None
    True
    """
    m = _ISSUER_BEFORE_TITLE.search(text[-30:])
    if not m:
        return None
    offset = len(text) - len(text[-30:])
    return m.group("issuer"), offset + m.start("issuer")


def issuer_in_title(title: str) -> str | None:
    """The issuer a title starts with: ``省政府关于…`` → ``省政府``; ``国务院质量振兴纲要`` → ``国务院``.

    >>> issuer_in_title("省政府关于实施质量强省战略的意见")
    '省政府'
    >>> issuer_in_title("镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知")
    '镇江市人民政府办公室'
    >>> issuer_in_title("关于加快推进质量强市建设的意见") is None
    True
    """
    m = _ISSUER_TITLE_PREFIX.match(title)
    return m.group("issuer") if m else None


def is_signature_name(line: str) -> bool:
    """True for a line that is only an organisation's name (or several, for joint issuers
    signing side by side), as signed under a notice.

    >>> is_signature_name("嘉泽镇人民政府")
    True
    >>> is_signature_name("国务院 中央军委")
    True
    >>> is_signature_name("各行政村、企事业单位:")
    False
    """
    names = line.split()
    return (
        bool(names)
        and all(_SIGNATURE.match(name) or name in _NAMED_ALONE for name in names)
        and "关于" not in line
    )


def signature_names(line: str) -> list[str]:
    """The names on one signature line: ``"国务院 中央军委"`` → ``["国务院", "中央军委"]``."""
    return line.split()


# Organs signed by a name with no organ-type ending.
_NAMED_ALONE = frozenset("中央军委 中共中央 全国人大常委会".split())
# The end of an organ's name: what an issuer written before 关于 finishes with.
_ORGAN_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|办公厅|办公室|"
    r"人民代表大会常务委员会|人大常委会|常务委员会|委员会|管委会|党委|党组|中央军委|中共中央|"
    r"总局|局|厅|委|院|部|署|办|会|中心|公司)"
)
# …印发《…》的通知 names its issuers before 印发 too: 中共静安区委办公室 静安区人民政府办公室印发《…》的
# 通知 (静安区, round 4).
_TITLE_ISSUERS = re.compile(
    rf"^(?P<issuers>[^，,。；;《]{{2,80}}?{_ORGAN_END})(?:关于|转发|批转|印发(?=《))"
)


def issuers_in_title(title: str) -> list[str]:
    """Every issuer a title starts with, joint issuers apart.

    >>> issuers_in_title("国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复")
    ['国务院', '中央军委']
    >>> issuers_in_title("新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知")
    ['新疆维吾尔自治区质监局']
    >>> issuers_in_title("国务院办公厅转发民政部关于清理整顿社会团体意见的通知")
    ['国务院办公厅']
    >>> issuers_in_title("关于加快推进质量强市建设的意见")
    []
    """
    m = _TITLE_ISSUERS.match(title)
    if not m:
        return []
    return [name for name in re.split(r"[、,， ]", m.group("issuers")) if name]


# An issuer written by its level alone: 省政府办公厅, 市人民政府办公室, 县政府, 镇人民政府.
# An autonomous region writes 自治区党委 / 自治区人民政府 for its own Party committee and government.
_SHORT_ISSUER = re.compile(
    r"^(?P<level>自治区|[省市县区镇乡])"
    r"(?:(?:人民)?政府(?P<office>办公厅|办公室)?|(?<=自治区)(?P<party>党委))$"
)


def is_level_only(name: str) -> bool:
    """True for an issuer written by its level alone (省政府办公厅, 市人民政府).

    >>> is_level_only("省政府办公厅"), is_level_only("江苏省人民政府办公厅")
    (True, False)
    """
    return bool(_SHORT_ISSUER.match(name.strip()))


def expand_issuer(name: str, places: dict[str, str | None]) -> str:
    """The full name of an issuer written by its level alone, where the place is known.

    ``places`` maps the level word (省, 市, 县, 区, 镇) to the full name of the document's
    place at that level; an unknown place leaves the name as written.

    >>> expand_issuer("省政府办公厅", {"省": "江苏省"})
    '江苏省人民政府办公厅'
    >>> expand_issuer("市政府办公室", {"省": "江苏省", "市": None})
    '市政府办公室'
    >>> expand_issuer("国务院办公厅", {"省": "江苏省"})
    '国务院办公厅'
    >>> expand_issuer("自治区党委", {"省": "新疆维吾尔自治区"})
    '新疆维吾尔自治区党委'
    """
    m = _SHORT_ISSUER.match(name.strip())
    if not m:
        return name
    level = m.group("level")
    place = places.get("省" if level == "自治区" else level)
    if not place or (level == "自治区" and not place.endswith("自治区")):
        return name
    if m.group("party"):
        return f"{place}党委"
    return f"{place}人民政府{m.group('office') or ''}"
