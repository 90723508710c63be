"""Agency mentions: split the lists policy texts write, and resolve each to a canonical agency.

An abbreviation is relative to the issuing document: in a Jiangsu document 省质监局 is
江苏省质量技术监督局, and in 省监察厅、质监局、统计局 the 省 carries across the list. Bodies named
after a place (江苏检验检疫局, 南京海关, 人行南京分行) keep their own names. Generic groups
(省有关部门) get the type ``generic`` and no name. What the scheme does not know keeps its ``raw``
text with ``name`` and ``type`` ``None``: never dropped, never guessed.

>>> from loaders.regions import DocContext
>>> ctx = DocContext(region="江苏省", region_code="320000", level="province", province="江苏省")
>>> [a.name for a in split_agencies("省监察厅、质监局、统计局等部门", ctx)]
['江苏省监察厅', '江苏省质量技术监督局', '江苏省统计局']
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from loaders.record import Agency
from loaders.regions import DocContext, find_region
from ontology.schemes import agency_suffixes, agency_types

_PREFIX_CHARS = "省市区县镇乡"
# Bodies of central ministries named after their seat; the written name is their name.
_OWN_NAME_TYPES = {"inspection-quarantine", "customs", "peoples-bank", "insurance-regulation"}
_PEOPLES_BANK = re.compile(r"^(?:人行|中国人民银行|人民银行)(.+?)(?:中心支行|分行|支行)$")
_GENERIC = re.compile(r"有关|相关|^各(?:部门|单位|地)|各部门|^各级各")
_LIST_END = re.compile(r"(?:等有关部门|等主管部门|等部门|等单位|等)$")
# Suffixes that name a concrete body; 部门 / 主管部门 name a kind of body, not one office.
_VAGUE_SUFFIXES = ("主管部门", "部门")
# Words naming a kind of body, never a body: 各有关部门和单位 is one generic owner, not two.
_KIND_WORDS = ("单位", "部门", "机构", "组织")


_NATIONAL_TSV = Path(__file__).with_name("national_agencies.tsv")
# A name written this way is a central organ wherever it stands (统计局 alone is not: in a county
# plan it is the county's bureau).
_CENTRAL_FORM = re.compile(r"^(?:国家|国务院|中国|中华|中央|中共中央|全国)|(?:总局|总署|总社)$")


@cache
def national_names() -> dict[str, str]:
    """Abbreviations of central organs → official full names (``national_agencies.tsv``).

    >>> national_names()["人力资源社会保障部"]
    '人力资源和社会保障部'
    """
    names: dict[str, str] = {}
    for line in _NATIONAL_TSV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            written, full = line.split("\t")
            names[written.strip()] = full.strip()
    return names


def _national_name(text: str, ctx: DocContext) -> str | None:
    """The full name of a central organ, or ``None`` when ``text`` is not one in this document."""
    if _GENERIC.search(text) or text.startswith("各"):
        return None
    full = national_names().get(text)
    if full is not None and (ctx.level == "national" or _CENTRAL_FORM.search(text)):
        return full
    if ctx.level == "national" and re.search(r"(?:部|署|总局|委员会|银行|总公司|办公室)$", text):
        return text
    return None


def _type_of(name: str) -> tuple[str | None, str | None]:
    """Agency type id and full form (without region) of a name with no region prefix."""
    aliases, stems = _name_index()
    if name in aliases:
        return aliases[name]
    if name in stems:
        return stems[name], None
    for suffix in agency_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix):
            type_id = stems.get(name[: -len(suffix)])
            if type_id is not None:
                return type_id, None if suffix in _VAGUE_SUFFIXES else name
            break
    return None, None


@cache
def _name_index() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """alias → (type id, full form) and stem → type id; the first type listing a name wins,
    as in the scheme's order (a scan of every type per name was a tenth of extraction time)."""
    aliases: dict[str, tuple[str, str]] = {}
    stems: dict[str, str] = {}
    for type_id, entry in agency_types().items():
        for alias, full in entry["aliases"].items():
            aliases.setdefault(alias, (type_id, full))
        for stem in entry["stems"]:
            stems.setdefault(stem, type_id)
    return aliases, stems


def _split_region_name(raw: str) -> tuple[str | None, str]:
    """A leading place name (江苏省…, 江苏…, 南京…) and the rest; longest name first."""
    for size in range(min(8, len(raw) - 1), 1, -1):
        head = raw[:size]
        region = find_region(head)
        if region is not None and region.level != "national":
            return region.name, raw[size:]
    return None, raw


def resolve_agency(raw: str, ctx: DocContext, carried_prefix: str | None = None) -> Agency:
    """The canonical agency for one mention as written in a document with context ``ctx``.

    ``carried_prefix`` is the 省/市/区… written earlier in the same list.

    >>> from loaders.regions import DocContext
    >>> ctx = DocContext(region="江苏省", level="province", province="江苏省")
    >>> resolve_agency("省发展改革委", ctx)
    Agency(raw='省发展改革委', name='江苏省发展和改革委员会', type='development-reform', region='江苏省')
    >>> resolve_agency("南京海关", ctx)
    Agency(raw='南京海关', name='南京海关', type='customs', region='南京市')
    >>> resolve_agency("省有关部门", ctx)
    Agency(raw='省有关部门', name=None, type='generic', region='江苏省')
    """
    text = _bare(raw.strip())

    national = _national_name(text, ctx)
    if national is not None:
        return Agency(raw=raw, name=national, type=_type_of(text)[0], region=None)

    bank = _PEOPLES_BANK.match(text)
    if bank:
        place = find_region(bank.group(1))
        return Agency(raw=raw, name=raw, type="peoples-bank", region=place.name if place else None)

    prefix = carried_prefix
    rest = text
    if text[0] in _PREFIX_CHARS and len(text) > 1 and _type_of(text[1:])[0] is not None:
        prefix, rest = text[0], text[1:]
    elif text[0] in _PREFIX_CHARS and len(text) > 1 and _GENERIC.search(text[1:]):
        prefix, rest = text[0], text[1:]

    if text.startswith("各") and not _GENERIC.search(text):
        type_id, _ = _type_of(_strip_all_levels(text))
        if type_id is None:
            return Agency(raw=raw, name=None, type="generic", region=None)
        return Agency(raw=raw, name=None, type=type_id, region=None)

    if _GENERIC.search(text):
        # 县政府各有关部门: a generic group of that level's departments.
        head = text[0] if text[0] in _PREFIX_CHARS else prefix
        group_region = ctx.region_for(head) if head else ctx.region
        if re.search(r"各(?:乡|镇|街道|村)", text):
            group_region = None
        return Agency(raw=raw, name=None, type="generic", region=group_region)

    place_name, after_place = _split_region_name(rest)
    if place_name is not None and after_place:
        type_id, full = _type_of(after_place)
        if type_id in _OWN_NAME_TYPES or place_name != rest[: len(place_name)]:
            return Agency(raw=raw, name=raw, type=type_id, region=place_name)
        if type_id is None and not rest.startswith(place_name):
            return Agency(raw=raw, name=None, type=None, region=place_name)
        # Written in full with its region (镇江市质量技术监督局): expand any abbreviation.
        name = place_name + full if full else (raw if type_id else None)
        return Agency(raw=raw, name=name, type=type_id, region=place_name)

    type_id, full = _type_of(rest)
    region = ctx.region_for(prefix) if prefix else ctx.region
    if type_id is None:
        return Agency(raw=raw, name=None, type=None, region=region)
    name = None
    if region is not None and full is not None and prefix is not None:
        if type_id == "publicity":
            name = f"中共{region}委宣传部"
        else:
            name = region + full
    return Agency(raw=raw, name=name, type=type_id, region=region)


def _strip_all_levels(text: str) -> str:
    return re.sub(r"^各级?", "", text)


def _items(text: str) -> list[str]:
    """Split an 、/，-list of agency names, keeping parenthesised parts whole."""
    items: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in "、，,":
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    out: list[str] = []
    for item in (i.strip() for i in items if i.strip()):
        parts = re.split(r"[和及与]", item)
        if (
            len(parts) > 1
            and _type_of(_bare(item))[0] is None
            and _type_of(_bare(item[1:]))[0] is None
            and _bare(item) not in national_names()
            and all(
                p and p not in _KIND_WORDS and not p.startswith("其") and _is_agency_like(p)
                for p in parts
            )
        ):
            out.extend(parts)
        else:
            out.append(item)
    return out


def _bare(item: str) -> str:
    """The name without list words: 统计局等部门 → 统计局, 电力等主管部门 → 电力主管部门."""
    return _LIST_END.sub("", item) or item


def _is_local_body(item: str) -> bool:
    """A local body or group that 责任单位 lists name without an office suffix.

    From the owner lines of district work plans: "立山经济开发区,全区经济运行各专班",
    "区疫情防控指挥部成员单位、各街办(新区)", "市政府办公室、市行政审批制度改革工作领导小组办公室".

    >>> [_is_local_body(x) for x in ("立山经济开发区", "全区经济运行各专班", "各街办(新区)", "各街道")]
    [True, True, True, True]
    >>> _is_local_body("质量")
    False
    """
    return bool(
        re.search(r"(?:办公室|开发区|高新区|新区|园区|专班|成员单位|街道|街办|乡镇|各镇)$", item)
        or re.search(r"^各(?:街道|街办|乡镇|镇|新区)", item)
    )


def _is_agency_like(item: str) -> bool:
    if _is_local_body(item):
        return True
    if _type_of(_bare(item))[0] is not None or _bare(item) in national_names():
        return True
    if re.match(r"^各(?:地区|地|单位|部门|级)", item):
        return True
    # A province-level place as an owner (…以及北京市、天津市等各地区，要…): its government.
    if re.fullmatch(
        r"(?:北京|天津|上海|重庆)市|[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,8}自治区", item
    ):
        return True
    # township bodies end in 站 / 所 / 院 / 中心: 乡畜牧站、卫生院、派出所、工商所 (a township's
    # 治理“餐桌污染”方案, round 4)
    return bool(
        re.search(
            r"(部门|局|厅|委|办|政府|办事处|管委会|公司|科|园|海关|分行|部|署|会|社|行|机关|单位|中央|兵团"
            r"|站|所|院|中心|\))$",
            item,
        )
    )


def split_agencies(text: str, ctx: DocContext) -> list[Agency]:
    """Every agency in a written list (省质监局,江苏检验检疫局 / 公安、司法部门), resolved.

    A piece that names no agency on its own (各乡 in 各乡、镇(区)人民政府) is joined to the next.
    """
    pieces = _items(text)
    # 市、区质量工作领导小组办公室: a bare level prefix before a prefixed body shares its name, two
    # bodies (上海市2021年质量发展工作要点, round 4).
    for i in range(len(pieces) - 2, -1, -1):
        nxt = pieces[i + 1]
        if pieces[i] in _PREFIX_CHARS and len(nxt) > 2 and nxt[0] in _PREFIX_CHARS:
            pieces[i] += nxt[1:]
    # 财政、医保、中医药等部门: a list closed by 部门 names one kind of body per piece.
    kinds_list = bool(re.search(r"(?:等)?(?:有关)?部门$", text)) and len(pieces) > 1
    merged: list[str] = []
    pending = ""
    separator = "、"
    for piece in pieces:
        if pending:
            piece = pending + separator + piece
            pending = ""
        if not kinds_list and not _is_agency_like(piece) and piece is not pieces[-1]:
            pending = piece
            continue
        merged.append(piece)
    if pending:
        merged.append(pending)

    agencies: list[Agency] = []
    carried: str | None = None
    for item in merged:
        bare = _bare(item)
        if bare[0] in _PREFIX_CHARS and (
            _type_of(bare[1:])[0] is not None or _GENERIC.search(bare[1:])
        ):
            carried = bare[0]
            agencies.append(resolve_agency(bare, ctx))
            continue
        place_name, _ = _split_region_name(bare)
        if place_name is not None or _PEOPLES_BANK.match(bare):
            agencies.append(resolve_agency(bare, ctx))
            continue
        agencies.append(resolve_agency(bare, ctx, carried_prefix=carried))
    return agencies
