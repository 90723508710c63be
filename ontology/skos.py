"""SKOS concept schemes generated from data: levels, document types, roles, agency types,
indicators and regions.

Levels, document types and roles come from :mod:`ontology.terms`; agency types, indicators and
the regions gazetteer come from the facts helper's files in ``ontology/schemes/`` (JSON and
CSV). A missing or partial data file gives a scheme with fewer concepts, never an error, so the
build runs while those files are still being written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ontology import terms

SCHEMES_DIR = Path(__file__).resolve().parent / "schemes"
PKG_REGION = URIRef(terms.PKG_REGION)

# Level tiers: a concept's broader levels (county and district are the same tier; a town may
# lie in either). "unknown" stands alone.
_LEVEL_BROADER: dict[str, tuple[str, ...]] = {
    "province": ("national",),
    "city": ("province",),
    "county": ("city",),
    "district": ("city",),
    "town": ("county", "district"),
}
_DOCTYPE_BROADER: dict[str, str] = {
    "implementing-opinion": "opinion",
    "guiding-opinion": "opinion",
}
ROLES: tuple[tuple[str, str, str, str], ...] = (
    ("lead", "牵头", "lead", "The agency leads the measure (牵头)."),
    ("participating", "参加", "participating", "The agency joins the measure (参加, 配合)."),
    ("responsible", "负责", "responsible", "The agency answers for the measure (负责, 要…)."),
)


def _scheme(iri: str, zh: str, en: str) -> tuple[Graph, URIRef]:
    graph = Graph()
    scheme = URIRef(iri)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(zh, lang="zh")))
    graph.add((scheme, SKOS.prefLabel, Literal(en, lang="en")))
    return graph, scheme


def _concept(
    graph: Graph,
    scheme: URIRef,
    iri: str,
    zh: str,
    en: str | None,
    *,
    notation: str | None = None,
    alt_labels: Iterable[str] = (),
) -> URIRef:
    concept = URIRef(iri)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.prefLabel, Literal(zh, lang="zh")))
    if en:
        graph.add((concept, SKOS.prefLabel, Literal(en, lang="en")))
    if notation:
        graph.add((concept, SKOS.notation, Literal(notation)))
    for alt in sorted(set(alt_labels) - {zh}):
        graph.add((concept, SKOS.altLabel, Literal(alt, lang="zh")))
    return concept


def _link(graph: Graph, narrower: URIRef, broader: URIRef) -> None:
    graph.add((narrower, SKOS.broader, broader))
    graph.add((broader, SKOS.narrower, narrower))


def _top_concepts(graph: Graph, scheme: URIRef) -> None:
    """Concepts without a broader one in the scheme are its top concepts."""
    for concept in list(graph.subjects(SKOS.inScheme, scheme)):
        if (concept, SKOS.broader, None) not in graph:
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, concept))


def level_scheme() -> Graph:
    """Administrative levels, national … town, plus unknown."""
    graph, scheme = _scheme(terms.LEVEL_SCHEME, "行政层级", "administrative levels")
    for slug, zh, en in terms.LEVELS:
        _concept(graph, scheme, terms.level_concept(slug), zh, en, notation=slug)
    for slug, broader in _LEVEL_BROADER.items():
        for up in broader:
            _link(graph, URIRef(terms.level_concept(slug)), URIRef(terms.level_concept(up)))
    _top_concepts(graph, scheme)
    return graph


def doctype_scheme() -> Graph:
    """Document types (文种): 通知, 意见, 实施意见, 行动计划, 纲要 …"""
    graph, scheme = _scheme(terms.DOCTYPE_SCHEME, "文种", "document types")
    for zh, slug, en in terms.DOCTYPES:
        _concept(graph, scheme, terms.doctype_concept(slug), zh, en, notation=slug)
    for slug, up in _DOCTYPE_BROADER.items():
        _link(graph, URIRef(terms.doctype_concept(slug)), URIRef(terms.doctype_concept(up)))
    _top_concepts(graph, scheme)
    return graph


def role_scheme() -> Graph:
    """Agency roles in a measure: lead, participating, responsible."""
    graph, scheme = _scheme(terms.ROLE_SCHEME, "部门职责类型", "agency roles")
    for slug, zh, en, definition in ROLES:
        concept = _concept(graph, scheme, f"{terms.ROLE_SCHEME}/{slug}", zh, en, notation=slug)
        graph.add((concept, SKOS.definition, Literal(definition, lang="en")))
    _top_concepts(graph, scheme)
    return graph


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _items(data: Any) -> list[dict[str, Any]]:
    """The concept records of a data file: a list, or the list under a usual key."""
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if isinstance(data, dict):
        for key in ("types", "concepts", "indicators", "items"):
            if isinstance(data.get(key), list):
                return _items(data[key])
        if all(isinstance(v, dict) for v in data.values()):
            return [{"id": k, **v} for k, v in data.items()]
    return []


def _labels(item: dict[str, Any]) -> tuple[str | None, str | None]:
    pref = item.get("prefLabel") or item.get("label") or {}
    if isinstance(pref, str):
        return pref, item.get("en")
    zh = pref.get("zh") or item.get("zh") or item.get("name")
    return zh, pref.get("en") or item.get("en")


def _alt_labels(item: dict[str, Any]) -> list[str]:
    alts: list[str] = []
    for key in ("altLabel", "aliases", "synonyms"):
        value = item.get(key)
        if isinstance(value, dict):
            alts.extend(str(k) for k in value)
        elif isinstance(value, list):
            alts.extend(str(v) for v in value if isinstance(v, str))
        elif isinstance(value, str):
            alts.append(value)
    return alts


def _data_scheme(path: Path, scheme_iri: str, zh: str, en: str, concept_iri: Any) -> Graph:
    graph, scheme = _scheme(scheme_iri, zh, en)
    data = _read_json(path)
    items = _items(data)
    known = {str(item.get("id")) for item in items if item.get("id")}
    for item in items:
        item_id = item.get("id")
        label_zh, label_en = _labels(item)
        if not item_id or not label_zh:
            continue
        concept = _concept(
            graph,
            scheme,
            concept_iri(str(item_id)),
            label_zh,
            label_en,
            notation=str(item_id),
            alt_labels=_alt_labels(item),
        )
        definition = item.get("definition") or item.get("note")
        if isinstance(definition, str):
            graph.add((concept, SKOS.definition, Literal(definition, lang="en")))
        broader = item.get("broader")
        if isinstance(broader, str) and broader in known:
            _link(graph, concept, URIRef(concept_iri(broader)))
        # an institutional reform: this type took over the duties of the types it replaces
        for replaced in item.get("replaces") or ():
            if replaced in known:
                graph.add((concept, DCTERMS.replaces, URIRef(concept_iri(str(replaced)))))
    _top_concepts(graph, scheme)
    return graph


def agency_type_scheme(path: Path | None = None) -> Graph:
    """Agency types (质监, 发改, 财政 …) from ``schemes/agency_types.json``."""
    return _data_scheme(
        path or SCHEMES_DIR / "agency_types.json",
        terms.AGENCY_TYPE_SCHEME,
        "机构类型",
        "agency types",
        terms.agency_type_concept,
    )


def indicator_scheme(path: Path | None = None) -> Graph:
    """Indicator concepts (合格率, 江苏名牌 …) from ``schemes/indicators.json``."""
    return _data_scheme(
        path or SCHEMES_DIR / "indicators.json",
        terms.INDICATOR_SCHEME,
        "指标",
        "indicators",
        terms.indicator_concept,
    )


def instrument_scheme(path: Path | None = None) -> Graph:
    """Policy instruments (供给型 / 环境型 / 需求型 and their sub-types) from
    ``schemes/instruments.json``; sub-types are narrower than their side."""
    return _data_scheme(
        path or SCHEMES_DIR / "instruments.json",
        terms.INSTRUMENT_SCHEME,
        "政策工具",
        "policy instruments",
        terms.instrument_concept,
    )


def region_scheme(path: Path | None = None) -> Graph:
    """Regions from the gazetteer ``schemes/regions.csv`` (code,name,level,parent,short,abbr)
    as ``pkg:Region`` with GB/T 2260 code, level and the region directly containing them."""
    graph, scheme = _scheme(terms.REGION_SCHEME, "行政区", "regions")
    source = path or SCHEMES_DIR / "regions.csv"
    try:
        rows = list(csv.DictReader(source.read_text(encoding="utf-8").splitlines()))
    except OSError:
        rows = []
    for row in rows:
        code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if not name:
            continue
        region = _concept(
            graph,
            scheme,
            region_iri(code, name),
            name,
            None,
            alt_labels=[a for a in ((row.get("short") or "").strip(),) if a],
        )
        graph.add((region, RDF.type, PKG_REGION))
        if code:
            graph.add((region, URIRef(terms.PKG_GB_CODE), Literal(code)))
        level = (row.get("level") or "").strip()
        graph.add((region, URIRef(terms.PKG_LEVEL), URIRef(terms.level_concept(level))))
        parent = (row.get("parent") or "").strip()
        if parent:
            graph.add((region, URIRef(terms.PKG_WITHIN), URIRef(terms.region_iri(parent))))
            _link(graph, region, URIRef(terms.region_iri(parent)))
    _top_concepts(graph, scheme)
    return graph


def region_iri(code: str | None, name: str) -> str:
    """A region's IRI: its GB/T 2260 code when it has one, else its name (as graph.iris does)."""
    return terms.region_iri(code or name)


def all_schemes() -> dict[str, Graph]:
    """Every scheme by file stem (``levels`` → ``schemes/levels.ttl``)."""
    return {
        "levels": level_scheme(),
        "doctypes": doctype_scheme(),
        "roles": role_scheme(),
        "agency_types": agency_type_scheme(),
        "indicators": indicator_scheme(),
        "instruments": instrument_scheme(),
        "regions": region_scheme(),
    }
