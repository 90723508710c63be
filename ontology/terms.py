"""IRI constants for every class and property the graph layer writes.

Plain strings, no rdflib or pyoxigraph, so any layer can import them. The meaning of each
term and the patterns they form (evidence, agency roles, references, targets) are described
in ``ontology/README.md``; the OWL definitions are built by ``ontology/build.py``.

Conventions: a direct link is asserted by the graph layer (``pkg:within``,
``eli:ensures_implementation_of``, ``pkg:refines``); its closure (``pkg:withinTransitively``,
``pkg:implementsTransitively``, ``pkg:refinesTransitively``) and inverses are written by
``graph.reasoning`` into the named graph :data:`GRAPH_INFERRED`.

>>> PKG_MEASURE
'https://w3id.org/policykg/ontology#Measure'
>>> level_concept("province")
'https://w3id.org/policykg/concept/level/province'
>>> doctype_concept("实施意见")
'https://w3id.org/policykg/concept/doctype/implementing-opinion'
"""

from __future__ import annotations

from urllib.parse import quote

# --- namespaces -------------------------------------------------------------------------------
BASE = "https://w3id.org/policykg/"
PKG = BASE + "ontology#"
ONTOLOGY_IRI = BASE + "ontology"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
QB = "http://purl.org/linked-data/cube#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES: dict[str, str] = {
    "pkg": PKG,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "qb": QB,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-dimension": SDMX_DIMENSION,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

# --- instance IRI bases -----------------------------------------------------------------------
DOC_BASE = BASE + "doc/"
AGENCY_BASE = BASE + "agency/"
REGION_BASE = BASE + "region/"
CONCEPT_BASE = BASE + "concept/"
TARGET_BASE = BASE + "target/"
MEASURE_BASE = BASE + "measure/"
GROUP_BASE = BASE + "group/"
GRAPH_BASE = BASE + "graph/"

LEVEL_SCHEME = CONCEPT_BASE + "level"
DOCTYPE_SCHEME = CONCEPT_BASE + "doctype"
AGENCY_TYPE_SCHEME = CONCEPT_BASE + "agency-type"
INDICATOR_SCHEME = CONCEPT_BASE + "indicator"
ROLE_SCHEME = CONCEPT_BASE + "role"
INSTRUMENT_SCHEME = CONCEPT_BASE + "instrument"  # policy instruments (graph.instruments)
REGION_SCHEME = BASE + "region"

# Named graphs: one per document (the graph layer chooses), plus these shared ones.
GRAPH_INFERRED = GRAPH_BASE + "inferred"
GRAPH_ONTOLOGY = GRAPH_BASE + "ontology"
GRAPH_SCHEMES = GRAPH_BASE + "schemes"
GRAPH_ALIGNMENT = GRAPH_BASE + "alignment"  # measure alignment across levels (graph.alignment)
GRAPH_INSTRUMENTS = GRAPH_BASE + "instruments"  # policy-instrument coding (graph.instruments)

# --- standard vocabulary terms we use ----------------------------------------------------------
RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
RDFS_COMMENT = RDFS + "comment"
SKOS_CONCEPT = SKOS + "Concept"
SKOS_CONCEPT_SCHEME = SKOS + "ConceptScheme"
SKOS_PREF_LABEL = SKOS + "prefLabel"
SKOS_ALT_LABEL = SKOS + "altLabel"
SKOS_NOTATION = SKOS + "notation"
SKOS_DEFINITION = SKOS + "definition"
SKOS_IN_SCHEME = SKOS + "inScheme"
SKOS_BROADER = SKOS + "broader"
SKOS_NARROWER = SKOS + "narrower"
SKOS_TOP_CONCEPT_OF = SKOS + "topConceptOf"

ELI_LEGAL_RESOURCE = ELI + "LegalResource"
ELI_LEGAL_RESOURCE_SUBDIVISION = ELI + "LegalResourceSubdivision"
ELI_ID_LOCAL = ELI + "id_local"  # 发文字号, as written
ELI_TITLE = ELI + "title"  # @zh
ELI_TITLE_ALTERNATIVE = ELI + "title_alternative"  # other titles (《纲要》-style abbreviations)
ELI_DATE_DOCUMENT = ELI + "date_document"  # xsd:date (发文日期)
ELI_DATE_PUBLICATION = ELI + "date_publication"  # xsd:date (发布时间)
ELI_PASSED_BY = ELI + "passed_by"  # → org:Organization (issuer)
ELI_JURISDICTION = ELI + "jurisdiction"  # → pkg:Region
ELI_TYPE_DOCUMENT = ELI + "type_document"  # → doctype concept
ELI_IN_FORCE = ELI + "in_force"  # → ELI_IN_FORCE_YES / ELI_IN_FORCE_NO
ELI_IN_FORCE_YES = ELI + "InForce-inForce"
ELI_IN_FORCE_NO = ELI + "InForce-notInForce"
ELI_IS_PART_OF = ELI + "is_part_of"
ELI_HAS_PART = ELI + "has_part"  # inverse, inferred
ELI_NUMBER = ELI + "number"  # a section's own number (e.g. "（三）")
ELI_ENSURES_IMPLEMENTATION_OF = ELI + "ensures_implementation_of"
ELI_IMPLEMENTATION_ENSURED_BY = ELI + "implementation_ensured_by"  # inverse, inferred
ELI_CITES = ELI + "cites"
ELI_CITED_BY = ELI + "cited_by"  # inverse, inferred
ELI_REPEALS = ELI + "repeals"
ELI_REPEALED_BY = ELI + "repealed_by"  # inverse of eli:repeals

ORG_ORGANIZATION = ORG + "Organization"
ORG_SUB_ORGANIZATION_OF = ORG + "subOrganizationOf"  # only where the text states it
ORG_HAS_SUB_ORGANIZATION = ORG + "hasSubOrganization"  # inverse, inferred
ORG_CLASSIFICATION = ORG + "classification"  # → agency-type concept

QB_OBSERVATION = QB + "Observation"
SDMX_OBS_VALUE = SDMX_MEASURE + "obsValue"  # xsd:decimal
SDMX_REF_AREA = SDMX_DIMENSION + "refArea"  # → pkg:Region
SDMX_REF_PERIOD = SDMX_DIMENSION + "refPeriod"  # xsd:gYear (the target year)

PROV_ENTITY = PROV + "Entity"
PROV_WAS_DERIVED_FROM = PROV + "wasDerivedFrom"  # fact → the pkg:PolicyDocument it was read from

DCTERMS_SOURCE = DCTERMS + "source"  # document → source file path (literal)
DCTERMS_IDENTIFIER = DCTERMS + "identifier"

# --- policykg classes ------------------------------------------------------------------------
PKG_POLICY_DOCUMENT = PKG + "PolicyDocument"  # ⊑ eli:LegalResource
PKG_EXTERNAL_DOCUMENT = (
    PKG + "ExternalDocument"
)  # ⊑ pkg:PolicyDocument; referenced, text not loaded
PKG_SECTION = PKG + "Section"  # ⊑ eli:LegalResourceSubdivision
PKG_MEASURE = PKG + "Measure"  # ⊑ pkg:Section
PKG_AGENCY = PKG + "Agency"  # ⊑ org:Organization
PKG_LEADING_GROUP = PKG + "LeadingGroup"  # ⊑ org:Organization
PKG_GROUP_OFFICE = PKG + "GroupOffice"  # ⊑ org:Organization; 领导小组办公室, a part of its group
PKG_LEADER_POST = PKG + "LeaderPost"
PKG_TARGET = PKG + "Target"  # ⊑ qb:Observation
PKG_REGION = PKG + "Region"  # ⊑ skos:Concept
PKG_EVIDENCE = PKG + "Evidence"  # ⊑ prov:Entity
PKG_AGENCY_ROLE = PKG + "AgencyRole"  # qualified (evidence-bearing) form of a role link
PKG_REFERENCE = PKG + "Reference"  # qualified (evidence-bearing) form of a document link

# --- policykg properties: documents and sections ---------------------------------------------
PKG_LEVEL = PKG + "level"  # document / region → level concept
PKG_PLAN_TITLE = PKG + "planTitle"  # the plan a notice wraps: 关于印发《X》的通知 → X
PKG_SECTION_PATH = PKG + "sectionPath"  # "二.(三).4"
PKG_HEADING = PKG + "heading"
PKG_DEADLINE = PKG + "deadline"
PKG_TEXT = PKG + "text"  # a measure's text
PKG_SHA256 = PKG + "sha256"  # hash of the source file
PKG_ANNOUNCES = PKG + "announces"  # 制定出台《…》: promised, not cited
PKG_ANNOUNCED_BY = PKG + "announcedBy"  # inverse, inferred
PKG_IMPLEMENTS_TRANSITIVELY = PKG + "implementsTransitively"  # closure, inferred
PKG_TRANSITIVELY_IMPLEMENTED_BY = PKG + "transitivelyImplementedBy"  # inverse closure, inferred
PKG_ESTABLISHES_GROUP = PKG + "establishesGroup"  # document → pkg:LeadingGroup

# --- evidence --------------------------------------------------------------------------------
PKG_EVIDENCE_PROP = PKG + "evidence"  # fact → pkg:Evidence
PKG_SENTENCE = PKG + "sentence"  # xsd:string, exact slice of the cleaned text
PKG_START = PKG + "start"  # xsd:integer, character offset into PolicyDocument.text
PKG_END = PKG + "end"  # xsd:integer, exclusive

# --- agencies and roles ------------------------------------------------------------------------
PKG_INVOLVED_AGENCY = PKG + "involvedAgency"  # measure → agency (super-property of the three)
PKG_LEAD_AGENCY = PKG + "leadAgency"  # 牵头
PKG_PARTICIPATING_AGENCY = PKG + "participatingAgency"  # 参加 / 配合
PKG_RESPONSIBLE_AGENCY = PKG + "responsibleAgency"  # 负责 / subject of 要…
PKG_INVOLVED_IN = PKG + "involvedIn"  # inverses, inferred
PKG_LEADS = PKG + "leads"
PKG_PARTICIPATES_IN = PKG + "participatesIn"
PKG_RESPONSIBLE_FOR = PKG + "responsibleFor"
PKG_ROLE_MEASURE = PKG + "roleMeasure"  # pkg:AgencyRole → pkg:Measure
PKG_ROLE_AGENCY = PKG + "roleAgency"  # pkg:AgencyRole → org:Organization
PKG_ROLE = PKG + "role"  # pkg:AgencyRole → role concept (ROLE_LEAD …)
PKG_RAW_NAME = PKG + "rawName"  # the agency as written in the text (省质监局)
PKG_LOCATED_IN = PKG + "locatedIn"  # agency → pkg:Region
PKG_LOCATED_WITHIN = PKG + "locatedWithin"  # closure through pkg:within, inferred
PKG_OFFICE_HOSTED_BY = PKG + "officeHostedBy"  # leading group → agency (办公室设在 …)
PKG_LEADER_POST_PROP = PKG + "leaderPost"  # leading group → pkg:LeaderPost
PKG_POST = PKG + "post"  # 组长 / 副组长 / 主任
PKG_PERSON = PKG + "person"  # the person named, if any

ROLE_LEAD = ROLE_SCHEME + "/lead"
ROLE_PARTICIPATING = ROLE_SCHEME + "/participating"
ROLE_RESPONSIBLE = ROLE_SCHEME + "/responsible"

# --- references between documents -----------------------------------------------------------
PKG_CITING_DOCUMENT = PKG + "citingDocument"  # pkg:Reference → the document that mentions
PKG_REFERENCED_DOCUMENT = PKG + "referencedDocument"  # pkg:Reference → the document mentioned
PKG_RELATION = PKG + "relation"  # pkg:Reference → the property it stands for (eli:cites …)
PKG_REFERENCED_TITLE = PKG + "referencedTitle"  # the title as written
PKG_REFERENCED_NUMBER = PKG + "referencedNumber"  # the document number as written
PKG_REFERENCED_ISSUER = PKG + "referencedIssuer"  # the issuer as written
PKG_RESOLVED = PKG + "resolved"  # xsd:boolean: the referenced document is loaded

# --- targets ---------------------------------------------------------------------------------
PKG_INDICATOR = PKG + "indicator"  # → indicator concept
PKG_INDICATOR_LABEL = PKG + "indicatorLabel"  # the indicator as written (always present)
PKG_VALUE_MAX = PKG + "valueMax"  # upper bound of a range
PKG_UNIT = PKG + "unit"  # "%", "家", "项" …
PKG_COMPARATOR = PKG + "comparator"  # one of COMPARATORS below
PKG_TARGET_OF = PKG + "targetOf"  # target → document
PKG_HAS_TARGET = PKG + "hasTarget"  # inverse, inferred
PKG_REFINES = PKG + "refines"  # lower target → nearest higher target
PKG_REFINED_BY = PKG + "refinedBy"  # inverse, inferred
PKG_REFINES_TRANSITIVELY = PKG + "refinesTransitively"  # closure, inferred
PKG_WEAKER = PKG + "weaker"  # xsd:boolean on the lower target
PKG_SHARE = PKG + "share"  # xsd:decimal, lower count / higher count
PKG_REFINES_BASIS = PKG + "refinesBasis"  # "chain" or "concept-only", on the lower target
PKG_NOT_TAKEN_UP_BY = PKG + "notTakenUpBy"  # higher target → lower document that omits its concept

COMPARATORS: tuple[str, ...] = (">=", "<=", "about", "range", "=", "relative")

# --- measure alignment across levels (graph.alignment) ----------------------------------------
PKG_ALIGNMENT = PKG + "Alignment"  # qualified (evidence-bearing) form of pkg:carriesOut
PKG_CARRIES_OUT = PKG + "carriesOut"  # lower measure → the higher measure it carries out
PKG_LOWER_MEASURE = PKG + "lowerMeasure"  # pkg:Alignment → the lower measure
PKG_HIGHER_MEASURE = PKG + "higherMeasure"  # pkg:Alignment → the higher measure
PKG_ALIGNMENT_KIND = PKG + "alignmentKind"  # "copied" | "adapted"
PKG_SIMILARITY = PKG + "similarity"  # xsd:decimal, text cosine plus agency/indicator bonus
PKG_TEXT_SIMILARITY = PKG + "textSimilarity"  # xsd:decimal, character-bigram TF-IDF cosine
PKG_SHARED_AGENCY_TYPE = PKG + "sharedAgencyType"  # pkg:Alignment → agency-type concept
PKG_SHARED_INDICATOR = PKG + "sharedIndicator"  # pkg:Alignment → indicator concept
PKG_ADDED_AGAINST = PKG + "addedAgainst"  # lower measure → higher document with no counterpart
PKG_MEASURE_NOT_TAKEN_UP_BY = PKG + "measureNotTakenUpBy"  # higher measure → lower document

ALIGNMENT_KINDS: tuple[str, ...] = ("copied", "adapted")

# --- policy instruments (graph.instruments) ------------------------------------------------------
PKG_INSTRUMENT_CODING = PKG + "InstrumentCoding"  # qualified form of pkg:usesInstrument
PKG_USES_INSTRUMENT = PKG + "usesInstrument"  # measure → instrument concept
PKG_CODED_MEASURE = PKG + "codedMeasure"  # pkg:InstrumentCoding → the measure
PKG_INSTRUMENT = PKG + "instrument"  # pkg:InstrumentCoding → instrument concept
PKG_CUE = PKG + "cue"  # "经费@119-121": a cue word and its offsets into the measure's pkg:text

# --- regions -----------------------------------------------------------------------------------
PKG_WITHIN = PKG + "within"  # region → the region directly containing it
PKG_WITHIN_TRANSITIVELY = PKG + "withinTransitively"  # closure, inferred
PKG_CONTAINS = PKG + "contains"  # inverse of within, inferred
PKG_GB_CODE = PKG + "gbCode"  # GB/T 2260 code, string

# --- SKOS schemes: levels and document types (data shared with ontology/build.py) -------------
LEVELS: tuple[tuple[str, str, str], ...] = (
    ("national", "国家", "national"),
    ("province", "省", "province"),
    ("city", "市", "city"),
    ("county", "县", "county"),
    ("district", "区", "district"),
    ("town", "镇", "town"),
    ("unknown", "未知层级", "unknown level"),
)

# 文种 → slug, English label. The slugs are the IRI's last segment.
DOCTYPES: tuple[tuple[str, str, str], ...] = (
    ("通知", "notice", "notice"),
    ("意见", "opinion", "opinion"),
    ("实施意见", "implementing-opinion", "implementing opinion"),
    ("指导意见", "guiding-opinion", "guiding opinion"),
    ("行动计划", "action-plan", "action plan"),
    ("实施方案", "implementation-plan", "implementation plan"),
    ("工作方案", "work-plan", "work plan"),
    ("纲要", "outline", "outline"),
    ("规划", "plan", "plan"),
    ("决定", "decision", "decision"),
    ("办法", "measures", "administrative measures"),
    ("规定", "provisions", "provisions"),
    ("条例", "regulations", "regulations"),
    ("标准", "standard", "standard"),
    ("法", "law", "law"),
    ("报告", "report", "report"),
    ("工作计划", "work-programme", "work programme"),
    ("计划", "programme", "programme"),
    ("方案", "scheme", "scheme"),
    ("行动纲要", "action-outline", "action outline"),
    ("实施办法", "implementing-measures", "implementing measures"),
    ("实施细则", "implementing-rules", "implementing rules"),
    ("细则", "detailed-rules", "detailed rules"),
    ("规则", "rules", "rules"),
    ("通报", "circular", "circular"),
    ("公告", "announcement", "announcement"),
    ("通告", "public-notice", "public notice"),
    ("决议", "resolution", "resolution"),
    ("请示", "request", "request for instructions"),
    ("批复", "official-reply", "official reply"),
    ("复函", "reply-letter", "letter in reply"),
    ("函", "letter", "letter"),
    ("工作要点", "work-priorities", "work priorities"),
    ("要点", "key-points", "key points"),
    ("命令", "order", "order"),
    ("预案", "contingency-plan", "contingency plan"),
    ("纪要", "minutes", "minutes"),
    ("指南", "guide", "guide"),
    ("指引", "guidance", "guidance"),
    ("其他", "other", "other"),
)


#: short forms for readable output (instance bases too); the longest matching namespace wins.
SHORT_PREFIXES: dict[str, str] = {
    "doc": DOC_BASE,
    "agency": AGENCY_BASE,
    "region": REGION_BASE,
    "target": TARGET_BASE,
    "measure": MEASURE_BASE,
    "concept": CONCEPT_BASE,
    **PREFIXES,
}


def compact(iri: str) -> str:
    """An IRI in prefixed form where a known prefix fits, else unchanged.

    >>> compact("https://w3id.org/policykg/ontology#leads"), compact("urn:x")
    ('pkg:leads', 'urn:x')
    """
    best = max((ns for ns in SHORT_PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in SHORT_PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


def level_concept(level: str | None) -> str:
    """IRI of an administrative-level concept; ``None`` and unknown names map to ``unknown``."""
    known = {slug for slug, _, _ in LEVELS}
    return LEVEL_SCHEME + "/" + (level if level in known else "unknown")


def doctype_concept(doc_type: str | None) -> str:
    """IRI of a document-type concept for a 文种 (``"实施意见"``) or a slug (``"outline"``)."""
    for zh, slug, _ in DOCTYPES:
        if doc_type in (zh, slug):
            return DOCTYPE_SCHEME + "/" + slug
    return DOCTYPE_SCHEME + "/other"


def agency_type_concept(type_id: str) -> str:
    """IRI of an agency-type concept by its id in ``ontology/schemes/agency_types.json``."""
    return AGENCY_TYPE_SCHEME + "/" + quote(type_id, safe="-_.~%")


def indicator_concept(concept_id: str) -> str:
    """IRI of an indicator concept by its id in ``ontology/schemes/indicators.json``."""
    return INDICATOR_SCHEME + "/" + quote(concept_id, safe="-_.~%")


def instrument_concept(instrument_id: str) -> str:
    """IRI of a policy-instrument concept by its id in ``ontology/schemes/instruments.json``."""
    return INSTRUMENT_SCHEME + "/" + quote(instrument_id, safe="-_.~%")


def region_iri(code_or_slug: str) -> str:
    """IRI of a region by GB/T 2260 code (``"320000"``) or, lacking one, a slug."""
    return REGION_BASE + quote(code_or_slug, safe="-_.~%")
