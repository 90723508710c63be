"""The visual vocabulary shared by every view: colours, shapes and line styles per kind.

One table per dimension (administrative level, node kind, document relation, agency role),
each entry carrying its Chinese label, so the legend a page shows is generated from the same
data that styles the canvas and can never disagree with it.

>>> LEVELS["province"].label
'省级'
>>> level_rank("town") > level_rank("city")
True
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.regions import LEVEL_RANK


@dataclass(frozen=True)
class Swatch:
    """One legend entry: a label and how it is drawn (vis-network colour/shape/dash terms)."""

    label: str
    color: str
    shape: str = "box"
    dashes: bool = False
    width: float = 1.5


# Administrative levels, national at the top. County and district share a rank: both sit
# directly under a city, and a cascade or hierarchy should draw them side by side.
LEVELS: dict[str, Swatch] = {
    "national": Swatch("国家级", "#c0392b"),
    "province": Swatch("省级", "#d35400"),
    "city": Swatch("市级", "#b7950b"),
    "county": Swatch("县级", "#27ae60"),
    "district": Swatch("区级", "#16a085"),
    "town": Swatch("镇级", "#2980b9"),
    "unknown": Swatch("层级不明", "#7f8c8d"),
}
# The graph layer's level order (districts and counties side by side), unknown levels last.
_RANK = {**LEVEL_RANK, "unknown": max(LEVEL_RANK.values()) + 1}

# Kinds of node that are not documents.
KINDS: dict[str, Swatch] = {
    "document": Swatch("已载入文件", "#34495e", "box"),
    "external": Swatch("外部文件（未载入）", "#95a5a6", "box", dashes=True),
    "agency": Swatch("部门", "#1e8449", "dot"),
    "measure": Swatch("任务/措施", "#af7ac5", "square"),
    "target": Swatch("目标", "#2471a3", "diamond"),
    "concept": Swatch("指标概念", "#7d3c98", "star"),
    "gap": Swatch("该层级未设定", "#bdc3c7", "box", dashes=True),
    "resource": Swatch("资源 (IRI)", "#5d6d7e", "dot"),
    "literal": Swatch("值 (literal)", "#aab7b8", "box"),
    "group": Swatch("领导小组", "#935116", "hexagon"),
}

# Relations between documents (loaders.record.RELATIONS minus "self").
RELATIONS: dict[str, Swatch] = {
    "implements": Swatch("贯彻落实 (implements)", "#2874a6", width=2.5),
    "cites": Swatch("引用 (cites)", "#7f8c8d", dashes=True),
    "announces": Swatch("制定出台 (announces)", "#e67e22", dashes=True, width=2),
    "repealed_by": Swatch("被废止 (repealed by)", "#c0392b", width=2.5),
    "standard": Swatch("标准 (standard)", "#a6acaf", dashes=True, width=1),
    "law": Swatch("法律 (law)", "#6c3483", dashes=True, width=1),
}

# What a hierarchy node is to the implementation chain. Only the chain is drawn at first:
# standards, laws and documents that are merely cited crowd the rows of the real chain
# (纲要 → 省 → 市 → 镇), so they sit behind filter values that start unchecked.
SCOPES: dict[str, Swatch] = {
    "chain": Swatch("实施链文件", "#34495e"),
    "standard_law": Swatch("标准、法律", "#a6acaf", dashes=True),
    "cited": Swatch("仅被引用的文件", "#95a5a6", dashes=True),
}
SCOPES_OFF = ("standard_law", "cited")
# Document types (skos:prefLabel@zh of eli:type_document) drawn as standards and laws.
STANDARD_LAW_TYPES = frozenset({"标准", "法", "法律", "行政法规"})
# Relations that make two documents part of one implementation chain.
CHAIN_RELATIONS = frozenset({"implements", "repealed_by", "announces"})

# How an agency takes part in a measure.
ROLES: dict[str, Swatch] = {
    "lead": Swatch("牵头 (lead)", "#c0392b", width=3.5),
    "responsible": Swatch("负责 (responsible)", "#2471a3", width=2.5),
    "participant": Swatch("参加 (participant)", "#7f8c8d", dashes=True, width=1.2),
}

# Edges that are neither relations nor roles.
LINKS: dict[str, Swatch] = {
    "has_measure": Swatch("包含措施", "#d2b4de", width=1),
    "has_target": Swatch("设定目标", "#a9cce3", width=1),
    "refines": Swatch("细化上级目标 (refines)", "#2471a3", width=2),
    "weaker": Swatch("弱化 (weaker than above)", "#e74c3c", dashes=True, width=3.5),
    "issued": Swatch("发布", "#abebc6", width=1),
    "predicate": Swatch("谓词 (predicate)", "#85929e", width=1),
}


# Row headings of a layered view, by rank (county and district share a row).
RANK_LABELS = {0: "国家级", 1: "省级", 2: "市级", 3: "县/区级", 4: "镇级", 5: "层级不明"}


def level_rank(level: str | None) -> int:
    """Row of a level in a top-down layout (national 0 … town 4, unknown last)."""
    return _RANK.get(level or "unknown", _RANK["unknown"])


def level_label(level: str | None) -> str:
    """Chinese label of a level, ``层级不明`` when unknown."""
    return LEVELS.get(level or "unknown", LEVELS["unknown"]).label


def role_of(value: str | None) -> str:
    """Normalise a role as queries may spell it (an IRI, ``leadAgency``, ``参加`` …) to a
    key of :data:`ROLES`.

    >>> role_of("https://w3id.org/policykg/ontology#leadAgency")
    'lead'
    >>> role_of("参加")
    'participant'
    """
    text = (value or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    if "lead" in text or "牵头" in text:
        return "lead"
    if "particip" in text or "参加" in text or "配合" in text:
        return "participant"
    return "responsible"


def relation_of(value: str | None) -> str:
    """Normalise a document relation (an IRI such as ``eli:ensures_implementation_of``,
    ``pkg:announces`` or a plain key) to a key of :data:`RELATIONS`.

    >>> relation_of("http://data.europa.eu/eli/ontology#ensures_implementation_of")
    'implements'
    >>> relation_of("repealed_by")
    'repealed_by'
    """
    text = (value or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    if "implement" in text:
        return "implements"
    if "repeal" in text:
        return "repealed_by"
    if "announce" in text:
        return "announces"
    if "standard" in text:
        return "standard"
    if text == "law" or text.endswith("_law"):
        return "law"
    return "cites"
