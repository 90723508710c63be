"""The plain records a loader hands to the graph layer.

A :class:`PolicyDocument` is what ``policykg extract FILE`` prints as JSON. Every
fact keeps character offsets (``start``, ``end``) into ``PolicyDocument.text``,
the cleaned text, so the graph can cite the exact sentence it came from.

Unknown values are ``None`` (or an empty list), never guessed.

>>> doc = PolicyDocument(source=Source("a.txt", "0" * 64, "txt", "utf-8"), text="x")
>>> doc.to_json_dict()["measures"]
[]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["national", "province", "city", "county", "district", "town", "unknown"]
LEVELS: tuple[str, ...] = ("national", "province", "city", "county", "district", "town", "unknown")

Relation = Literal["self", "implements", "cites", "announces", "repealed_by", "standard", "law"]
RELATIONS: tuple[str, ...] = (
    "self",
    "implements",
    "cites",
    "announces",
    "repealed_by",
    "standard",
    "law",
)

Comparator = Literal[">=", "<=", "about", "range", "=", "relative"]
COMPARATORS: tuple[str, ...] = (">=", "<=", "about", "range", "=", "relative")


@dataclass
class Source:
    """Where a record came from: file path, content hash, format and detected encoding."""

    path: str
    sha256: str
    format: str
    encoding: str | None


@dataclass
class Section:
    """One numbered part of the document, e.g. path ``二.(三).4`` with its heading."""

    path: str
    heading: str
    start: int
    end: int


@dataclass
class Reference:
    """A mention of another document (《title》 or a bare document number) and how it is used."""

    title: str | None
    doc_number: str | None
    issuer: str | None
    relation: str
    sentence: str
    start: int
    end: int


@dataclass
class Agency:
    """An agency as written (``raw``) and as resolved (full ``name``, agency-type id, region)."""

    raw: str
    name: str | None = None
    type: str | None = None
    region: str | None = None


@dataclass
class Measure:
    """A numbered task or measure with the agencies that lead, join or answer for it."""

    path: str
    title: str
    text: str
    start: int
    end: int
    lead: list[Agency] = field(default_factory=list)
    participants: list[Agency] = field(default_factory=list)
    responsible: list[Agency] = field(default_factory=list)
    #: the completion deadline as written (完成时限: "2020年底前", "长期坚持"), when the text gives one
    deadline: str | None = None


@dataclass
class Target:
    """A quantitative (or relative) target with its indicator, number, unit and year."""

    indicator: str
    concept: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str
    year: int | None
    sentence: str
    start: int
    end: int


@dataclass
class Leader:
    """A post in a leading group (组长, 副组长, 主任) and the person named for it, if any."""

    post: str
    person: str | None = None


@dataclass
class Group:
    """A leading group (领导小组) with its leaders and the agency hosting its office."""

    name: str
    leaders: list[Leader] = field(default_factory=list)
    office: Agency | None = None


@dataclass
class PolicyDocument:
    """Everything extracted from one policy file."""

    source: Source
    text: str
    title: str | None = None
    plan_title: str | None = None
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    published: str | None = None
    doc_type: str | None = None
    level: str = "unknown"
    region: str | None = None
    region_code: str | None = None
    in_force: bool | None = None
    repealed_by: str | None = None
    #: a draft for comment (征求意见稿), not an adopted document
    draft: bool = False
    #: what the loader could not establish, in words a user reads (e.g. "no title found")
    warnings: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    def to_json_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The record as the JSON object ``policykg extract`` prints (text only on request)."""
        data = dataclasses.asdict(self)
        if not include_text:
            data.pop("text")
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> PolicyDocument:
        """Rebuild a record from :meth:`to_json_dict` output (``text`` defaults to empty)."""

        def agency(a: dict[str, Any] | None) -> Agency | None:
            return Agency(**a) if a else None

        def agencies(items: list[dict[str, Any]]) -> list[Agency]:
            return [Agency(**a) for a in items]

        return cls(
            source=Source(**data["source"]),
            text=data.get("text", ""),
            title=data.get("title"),
            plan_title=data.get("plan_title"),
            doc_number=data.get("doc_number"),
            issuers=list(data.get("issuers", [])),
            issued=data.get("issued"),
            published=data.get("published"),
            doc_type=data.get("doc_type"),
            level=data.get("level", "unknown"),
            region=data.get("region"),
            region_code=data.get("region_code"),
            in_force=data.get("in_force"),
            repealed_by=data.get("repealed_by"),
            draft=bool(data.get("draft", False)),
            warnings=list(data.get("warnings", [])),
            sections=[Section(**s) for s in data.get("sections", [])],
            references=[Reference(**r) for r in data.get("references", [])],
            measures=[
                Measure(
                    **{
                        k: v
                        for k, v in m.items()
                        if k not in ("lead", "participants", "responsible")
                    },
                    lead=agencies(m.get("lead", [])),
                    participants=agencies(m.get("participants", [])),
                    responsible=agencies(m.get("responsible", [])),
                )
                for m in data.get("measures", [])
            ],
            targets=[Target(**t) for t in data.get("targets", [])],
            groups=[
                Group(
                    name=g["name"],
                    leaders=[Leader(**p) for p in g.get("leaders", [])],
                    office=agency(g.get("office")),
                )
                for g in data.get("groups", [])
            ],
        )
