"""One :class:`~loaders.record.PolicyDocument` → the triples of its own named graph.

The mapping is a pure function of the record (and the gazetteer), with IRIs only (no blank
nodes), so mapping the same record twice gives the same set of triples. What depends on
other documents (resolved references, region containment, external documents, cascades) is
written by the linking passes into shared graphs, never here. Patterns: ``ontology/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from graph import iris
from graph.regions import Gazetteer
from loaders.record import Agency, Measure, PolicyDocument, Reference, Target
from ontology import terms as t

XSD_DATE = ox.NamedNode(t.XSD + "date")
XSD_GYEAR = ox.NamedNode(t.XSD + "gYear")
XSD_DECIMAL = ox.NamedNode(t.XSD + "decimal")
XSD_INTEGER = ox.NamedNode(t.XSD + "integer")
XSD_BOOLEAN = ox.NamedNode(t.XSD + "boolean")

#: record relation → the property the resolved link is written with.
RELATION_PROPERTY = {
    "implements": t.ELI_ENSURES_IMPLEMENTATION_OF,
    "cites": t.ELI_CITES,
    "announces": t.PKG_ANNOUNCES,
    "repealed_by": t.ELI_REPEALED_BY,
    "standard": t.ELI_CITES,
    "law": t.ELI_CITES,
}

ROLE_CONCEPT = {
    "lead": (t.PKG_LEAD_AGENCY, t.ROLE_LEAD),
    "participants": (t.PKG_PARTICIPATING_AGENCY, t.ROLE_PARTICIPATING),
    "responsible": (t.PKG_RESPONSIBLE_AGENCY, t.ROLE_RESPONSIBLE),
}


def nn(iri: str) -> ox.NamedNode:
    """A NamedNode (short name: the mapping writes hundreds of them)."""
    return ox.NamedNode(iri)


def zh(text: str) -> ox.Literal:
    """A Chinese-tagged literal."""
    return ox.Literal(text, language="zh")


def integer(value: int) -> ox.Literal:
    """An xsd:integer literal."""
    return ox.Literal(str(int(value)), datatype=XSD_INTEGER)


def decimal(value: float) -> ox.Literal:
    """An xsd:decimal always written with a fraction ("900.0"): Virtuoso turns "900"^^decimal
    into an integer, and every store gives "900.0" back as the same decimal.

    >>> decimal(900.0).value, decimal(0.1533).value
    ('900.0', '0.1533')
    """
    text = f"{value:.6f}".rstrip("0")
    return ox.Literal(text + "0" if text.endswith(".") else text, datatype=XSD_DECIMAL)


def canonical(triple: ox.Triple) -> ox.Triple:
    """The triple with numeric and boolean literals in one canonical form, so triple sets read
    back from different stores compare equal ("900.0" vs "900", "1" vs "true").

    >>> canonical(ox.Triple(nn("http://x/a"), nn("http://x/p"), decimal(900.0))).object.value
    '900'
    """
    obj = triple.object
    if not isinstance(obj, ox.Literal):
        return triple
    if obj.datatype == XSD_DECIMAL:
        try:
            number = Decimal(obj.value).normalize()
        except InvalidOperation:
            return triple
        text = format(number, "f")
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(text, datatype=XSD_DECIMAL))
    if obj.datatype == XSD_BOOLEAN and obj.value in ("1", "0"):
        flag = "true" if obj.value == "1" else "false"
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(flag, datatype=XSD_BOOLEAN))
    return triple


def boolean(value: bool) -> ox.Literal:
    """An xsd:boolean literal."""
    return ox.Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def date_literal(value: str | None) -> ox.Literal | None:
    """xsd:date for ``YYYY-MM-DD`` (time part dropped), xsd:gYear for a bare year, else None."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{1,2})-(\d{1,2}))?", value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if month and day:
        return ox.Literal(f"{year}-{int(month):02d}-{int(day):02d}", datatype=XSD_DATE)
    return ox.Literal(year, datatype=XSD_GYEAR)


@dataclass(frozen=True)
class MappedDocument:
    """The document's IRI, its named graph and the triples that go in it."""

    iri: str
    graph: str
    triples: frozenset[ox.Triple]


class _Writer:
    """Collects triples of one document; helpers for the recurring patterns."""

    def __init__(self, doc: PolicyDocument, doc_iri: str, region: str | None, gaz: Gazetteer):
        self.doc = doc
        self.doc_iri = doc_iri
        self.doc_node = nn(doc_iri)
        self.region = region
        self.gaz = gaz
        self.triples: set[ox.Triple] = set()
        self._nodes: dict[str, ox.NamedNode] = {}

    def add(self, s: str | ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal | str | None) -> None:
        if o is None:
            return
        subject = self._node(s) if isinstance(s, str) else s
        obj = self._node(o) if isinstance(o, str) else o
        self.triples.add(ox.Triple(subject, self._node(p), obj))

    def _node(self, iri: str) -> ox.NamedNode:
        # a document names the same predicates and facts over and over: build each node once
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = ox.NamedNode(iri)
        return node

    def evidence(self, fact: str, sentence: str, start: int, end: int) -> str:
        """``fact pkg:evidence <fact>/evidence`` with the sentence and its offsets."""
        node = fact + "/evidence"
        self.add(fact, t.PROV_WAS_DERIVED_FROM, self.doc_iri)
        self.add(fact, t.PKG_EVIDENCE_PROP, node)
        self.add(node, t.RDF_TYPE, t.PKG_EVIDENCE)
        self.add(node, t.PKG_SENTENCE, zh(sentence))
        self.add(node, t.PKG_START, integer(start))
        self.add(node, t.PKG_END, integer(end))
        self.add(node, t.PROV_WAS_DERIVED_FROM, self.doc_iri)
        return node

    def agency(self, agency: Agency) -> str:
        """IRI of an agency mentioned in this document, with what the document says about it."""
        region = self.gaz.find(agency.region, near=self.region) if agency.region else None
        if agency.region and region is None:
            region = iris.region_iri(None, agency.region)
        region_key = region.removeprefix(t.REGION_BASE) if region else None
        name = agency.name or agency.raw
        iri = iris.agency_iri(
            region_key=region_key, type_id=agency.type, name=name, doc_iri=self.doc_iri
        )
        self.add(iri, t.RDF_TYPE, t.PKG_AGENCY)
        self.add(iri, t.SKOS_PREF_LABEL, zh(name))
        if agency.raw and agency.raw != name:
            self.add(iri, t.PKG_RAW_NAME, zh(agency.raw))
        if agency.type:
            self.add(iri, t.ORG_CLASSIFICATION, t.agency_type_concept(agency.type))
        self.add(iri, t.PKG_LOCATED_IN, region)
        return iri

    def issuer(self, name: str) -> str:
        """IRI of an issuing agency named in full (region: the document's)."""
        return self.agency(Agency(raw=name, name=name, type=None, region=self._region_name()))

    def _region_name(self) -> str | None:
        if self.region and self.region in self.gaz.regions:
            return self.gaz.regions[self.region].name
        return self.doc.region


def document_region(doc: PolicyDocument, gaz: Gazetteer) -> str | None:
    """IRI of the document's region: its code, else its name in the gazetteer, else a name IRI."""
    if doc.region_code:
        return gaz.find(doc.region_code) or iris.region_iri(doc.region_code, None)
    if doc.region:
        return gaz.find(doc.region) or iris.region_iri(None, doc.region)
    return None


def document_iri_of(doc: PolicyDocument) -> str:
    """The stable IRI of a record (see :func:`graph.iris.document_iri`)."""
    return iris.document_iri(
        doc.doc_number,
        title=doc.title or doc.plan_title,
        region=doc.region_code or doc.region,
        content_sha256=doc.source.sha256,
    )


def map_document(doc: PolicyDocument, gaz: Gazetteer) -> MappedDocument:
    """Every triple one record contributes, for its own named graph."""
    doc_iri = document_iri_of(doc)
    region = document_region(doc, gaz)
    w = _Writer(doc, doc_iri, region, gaz)
    _document(w)
    for index, section in enumerate(doc.sections, 1):
        node = iris.fact_iri(doc_iri, "section", index)
        w.add(node, t.RDF_TYPE, t.PKG_SECTION)
        w.add(node, t.ELI_IS_PART_OF, doc_iri)
        w.add(node, t.PKG_SECTION_PATH, ox.Literal(section.path))
        w.add(node, t.PKG_HEADING, zh(section.heading) if section.heading else None)
    for index, measure in enumerate(doc.measures, 1):
        _measure(w, iris.fact_iri(doc_iri, "measure", index), measure)
    for index, target in enumerate(doc.targets, 1):
        _target(w, iris.fact_iri(doc_iri, "target", index), target)
    references = [r for r in doc.references if r.relation != "self"]
    if doc.repealed_by and not any(r.relation == "repealed_by" for r in references):
        references.append(_repeal_reference(doc))
    for index, reference in enumerate(references, 1):
        _reference(w, iris.fact_iri(doc_iri, "ref", index), reference)
    for index, group in enumerate(doc.groups, 1):
        node = iris.fact_iri(doc_iri, "group", index)
        w.add(doc_iri, t.PKG_ESTABLISHES_GROUP, node)
        w.add(node, t.RDF_TYPE, t.PKG_LEADING_GROUP)
        w.add(node, t.SKOS_PREF_LABEL, zh(group.name))
        w.add(node, t.PROV_WAS_DERIVED_FROM, doc_iri)
        if group.office is not None:
            w.add(node, t.PKG_OFFICE_HOSTED_BY, w.agency(group.office))
            # 办公室设在X: the text states the group's office, a part of the group (the
            # inverse, org:hasSubOrganization, is inferred); never minted from a name alone
            office = f"{node}/office"
            w.add(office, t.RDF_TYPE, t.PKG_GROUP_OFFICE)
            w.add(office, t.SKOS_PREF_LABEL, zh(f"{group.name}办公室"))
            w.add(office, t.ORG_SUB_ORGANIZATION_OF, node)
            w.add(office, t.PROV_WAS_DERIVED_FROM, doc_iri)
        for k, leader in enumerate(group.leaders, 1):
            post = f"{node}/post/{k}"
            w.add(node, t.PKG_LEADER_POST_PROP, post)
            w.add(post, t.RDF_TYPE, t.PKG_LEADER_POST)
            w.add(post, t.PKG_POST, zh(leader.post))
            w.add(post, t.PKG_PERSON, zh(leader.person) if leader.person else None)
    return MappedDocument(doc_iri, iris.document_graph(doc_iri), frozenset(w.triples))


def _document(w: _Writer) -> None:
    doc, node = w.doc, w.doc_iri
    w.add(node, t.RDF_TYPE, t.PKG_POLICY_DOCUMENT)
    w.add(node, t.RDF_TYPE, t.ELI_LEGAL_RESOURCE)
    w.add(node, t.ELI_TITLE, zh(doc.title) if doc.title else None)
    w.add(node, t.PKG_PLAN_TITLE, zh(doc.plan_title) if doc.plan_title else None)
    w.add(node, t.ELI_ID_LOCAL, ox.Literal(doc.doc_number) if doc.doc_number else None)
    w.add(node, t.ELI_DATE_DOCUMENT, date_literal(doc.issued))
    w.add(node, t.ELI_DATE_PUBLICATION, date_literal(doc.published))
    w.add(node, t.ELI_JURISDICTION, w.region)
    if w.region and w.region not in w.gaz.regions and doc.region:
        w.add(w.region, t.RDF_TYPE, t.PKG_REGION)
        w.add(w.region, t.SKOS_PREF_LABEL, zh(doc.region))
    w.add(node, t.PKG_LEVEL, t.level_concept(doc.level))
    if doc.doc_type:
        w.add(node, t.ELI_TYPE_DOCUMENT, t.doctype_concept(doc.doc_type))
    if doc.in_force is not None:
        w.add(node, t.ELI_IN_FORCE, t.ELI_IN_FORCE_YES if doc.in_force else t.ELI_IN_FORCE_NO)
    w.add(node, t.DCTERMS_SOURCE, ox.Literal(doc.source.path))
    w.add(node, t.PKG_SHA256, ox.Literal(doc.source.sha256))
    w.add(node, t.PKG_TEXT, zh(doc.text))
    for issuer in doc.issuers:
        w.add(node, t.ELI_PASSED_BY, w.issuer(issuer))


def _measure(w: _Writer, node: str, measure: Measure) -> None:
    w.add(node, t.RDF_TYPE, t.PKG_MEASURE)
    w.add(node, t.ELI_IS_PART_OF, w.doc_iri)
    w.add(node, t.PKG_SECTION_PATH, ox.Literal(measure.path))
    w.add(node, t.PKG_HEADING, zh(measure.title) if measure.title else None)
    w.add(node, t.PKG_TEXT, zh(measure.text))
    if measure.deadline:
        w.add(node, t.PKG_DEADLINE, ox.Literal(measure.deadline))
    w.evidence(
        node, w.doc.text[measure.start : measure.end] or measure.text, measure.start, measure.end
    )
    for field_name, (prop, role_concept) in ROLE_CONCEPT.items():
        role_slug = role_concept.rsplit("/", 1)[1]
        for k, agency in enumerate(getattr(measure, field_name), 1):
            agency_node = w.agency(agency)
            w.add(node, prop, agency_node)
            role = f"{node}/role/{role_slug}/{k}"
            w.add(role, t.RDF_TYPE, t.PKG_AGENCY_ROLE)
            w.add(role, t.PKG_ROLE_MEASURE, node)
            w.add(role, t.PKG_ROLE_AGENCY, agency_node)
            w.add(role, t.PKG_ROLE, role_concept)
            w.add(role, t.PKG_RAW_NAME, zh(agency.raw))
            sentence, start, end = role_span(w.doc.text, measure, agency.raw)
            w.evidence(role, sentence, start, end)


_CLAUSE_END = "。；;！!？?\n"


def role_span(text: str, measure: Measure, raw: str) -> tuple[str, int, int]:
    """The clause of the measure that names the agency (the trailing (X牵头,Y参加) or the
    sentence whose subject it is), with its offsets; the whole measure when not found.

    >>> m = Measure("1", "建立制度", "建立制度。(省质监局牵头,省财政厅参加)", 0, 20)
    >>> role_span(m.text, m, "省财政厅")
    ('(省质监局牵头,省财政厅参加)', 5, 20)
    """
    span = text[measure.start : measure.end]
    at = span.rfind(raw) if raw else -1
    if at < 0:
        return span or measure.text, measure.start, measure.end
    open_at = max(span.rfind("(", 0, at), span.rfind("（", 0, at))
    close_at = min((i for i in (span.find(")", at), span.find("）", at)) if i >= 0), default=-1)
    if open_at >= 0 and close_at >= 0 and not any(c in span[open_at:at] for c in "。；;"):
        lo, hi = open_at, close_at + 1
    else:
        lo = max(span.rfind(c, 0, at) for c in _CLAUSE_END) + 1
        ends = [i for i in (span.find(c, at) for c in _CLAUSE_END) if i >= 0]
        hi = min(ends) + 1 if ends else len(span)
    return span[lo:hi], measure.start + lo, measure.start + hi


def _target(w: _Writer, node: str, target: Target) -> None:
    w.add(node, t.RDF_TYPE, t.PKG_TARGET)
    w.add(node, t.RDF_TYPE, t.QB_OBSERVATION)
    w.add(node, t.PKG_TARGET_OF, w.doc_iri)
    w.evidence(node, target.sentence, target.start, target.end)
    if target.concept:
        w.add(node, t.PKG_INDICATOR, t.indicator_concept(target.concept))
    w.add(node, t.PKG_INDICATOR_LABEL, zh(target.indicator))
    w.add(node, t.PKG_COMPARATOR, ox.Literal(target.comparator))
    if target.value is not None:
        w.add(node, t.SDMX_OBS_VALUE, decimal(target.value))
    if target.value_max is not None:
        w.add(node, t.PKG_VALUE_MAX, decimal(target.value_max))
    w.add(node, t.PKG_UNIT, ox.Literal(target.unit) if target.unit else None)
    w.add(node, t.SDMX_REF_AREA, w.region)
    if target.year is not None:
        w.add(node, t.SDMX_REF_PERIOD, ox.Literal(str(target.year), datatype=XSD_GYEAR))


def _reference(w: _Writer, node: str, reference: Reference) -> None:
    w.add(node, t.RDF_TYPE, t.PKG_REFERENCE)
    w.add(node, t.PKG_CITING_DOCUMENT, w.doc_iri)
    w.add(node, t.PKG_RELATION, RELATION_PROPERTY.get(reference.relation, t.ELI_CITES))
    w.add(node, t.PKG_REFERENCED_TITLE, zh(reference.title) if reference.title else None)
    w.add(
        node,
        t.PKG_REFERENCED_NUMBER,
        ox.Literal(reference.doc_number) if reference.doc_number else None,
    )
    w.add(node, t.PKG_REFERENCED_ISSUER, zh(reference.issuer) if reference.issuer else None)
    w.evidence(node, reference.sentence, reference.start, reference.end)


def _repeal_reference(doc: PolicyDocument) -> Reference:
    """A reference for ``repealed_by`` when the loader kept it only as a header field."""
    number = doc.repealed_by or ""
    at = doc.text.find(number) if number else -1
    start, end = (at, at + len(number)) if at >= 0 else (0, 0)
    return Reference(
        title=None,
        doc_number=number if iris.parse_doc_number(number) else None,
        issuer=None,
        relation="repealed_by",
        sentence=doc.text[start:end],
        start=start,
        end=end,
    )


def iter_quads(mapped: MappedDocument) -> Iterator[ox.Quad]:
    """The mapped triples as quads in the document's graph."""
    graph = nn(mapped.graph)
    for triple in mapped.triples:
        yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)
