"""Regions: the gazetteer (``ontology/schemes/regions.csv``), region IRIs and containment.

A region with a GB/T 2260 code is ``…/region/<code>``; a town the gazetteer knows only by name
is ``…/region/<name>`` (percent-encoded), as in ``ontology/schemes/regions.ttl``.

>>> gaz = Gazetteer.load()
>>> [gaz.regions[i].name for i in gaz.ancestors(gaz.find("嘉泽镇"))]
['武进区', '常州市', '江苏省', '中华人民共和国']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology import schemes, terms

LEVEL_RANK = {
    "national": 0,
    "province": 1,
    "city": 2,
    "county": 3,
    "district": 3,
    "town": 4,
}


@dataclass(frozen=True)
class Region:
    """One gazetteer row: IRI, name, code (if any), level and the IRI of its parent."""

    iri: str
    name: str
    code: str | None
    level: str
    parent: str | None
    short: str | None = None


@dataclass
class Gazetteer:
    """Regions by IRI, with lookups by code and by name."""

    regions: dict[str, Region] = field(default_factory=dict)
    by_code: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of ``ontology/schemes/regions.csv`` (GB/T 2260 plus towns)."""
        gazetteer = cls()
        for row in schemes.regions():
            code = row.code.strip() or None
            parent_code = row.parent.strip() or None
            gazetteer.add(
                Region(
                    iri=region_iri_for(code, row.name, parent_code),
                    name=row.name,
                    code=code,
                    level=row.level or "unknown",
                    parent=terms.region_iri(parent_code) if parent_code else None,
                    short=row.short or None,
                )
            )
        return gazetteer

    def add(self, region: Region) -> None:
        """Add one region (the loader adds places the documents name but the gazetteer lacks)."""
        self.regions[region.iri] = region
        if region.code:
            self.by_code[region.code] = region.iri
        for name in {region.name, region.short}:
            if name:
                self.by_name.setdefault(name, []).append(region.iri)

    def find(self, name_or_code: str | None, *, near: str | None = None) -> str | None:
        """IRI of the region a code or name denotes; among namesakes the one within ``near``."""
        if not name_or_code:
            return None
        key = name_or_code.strip()
        if key.isdigit():
            return self.by_code.get(key) or terms.region_iri(key)
        candidates = self.by_name.get(key, [])
        if len(candidates) == 1:
            return candidates[0]
        if near and candidates:
            scope = {near, *self.ancestors(near)}
            inside = [c for c in candidates if scope & {c, *self.ancestors(c)}]
            if len(inside) == 1:
                return inside[0]
        return None

    def ancestors(self, iri: str | None) -> list[str]:
        """IRIs of the regions containing ``iri``, nearest first."""
        chain: list[str] = []
        current = self.regions.get(iri) if iri else None
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.regions.get(current.parent)
        return chain


def region_iri_for(code: str | None, name: str | None, parent_code: str | None = None) -> str:
    """IRI of a region by code, else by parent code and name, else by name.

    >>> region_iri_for("320412", "武进区")
    'https://w3id.org/policykg/region/320412'
    >>> region_iri_for(None, "嘉泽镇", "320412")
    'https://w3id.org/policykg/region/%E5%98%89%E6%B3%BD%E9%95%87'
    """
    if code:
        return terms.region_iri(code)
    return terms.region_iri(name or "unknown")


def parent_code(code: str) -> str | None:
    """The GB/T 2260 code of the region directly containing ``code`` (by the code's structure).

    >>> parent_code("320412"), parent_code("320400"), parent_code("320000")
    ('320400', '320000', None)
    """
    if len(code) > 6:
        return code[:6]
    if len(code) != 6 or not code.isdigit():
        return None
    if code[2:] == "0000":
        return None
    if code[4:] == "00":
        return code[:2] + "0000"
    return code[:4] + "00"
