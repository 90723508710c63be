"""The REST answers as pydantic models: what ``/openapi.json`` says each route answers.

One model per resource (documents, agencies, measures, targets, indicators, cascades,
regions, named queries), used as the ``response_model`` of its route. Rows come from named
queries (``graph/queries/*.rq``), so a value the text does not state is ``null``, never
invented: every field a query may leave unbound is optional. A model names the fields a
client can rely on and allows the columns a query adds later (``extra="allow"``), so a new
column is not silently dropped from the answer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Resource(BaseModel):
    """A REST object: the fields below and any further column of its named query."""

    model_config = ConfigDict(extra="allow")


class Evidence(Resource):
    """Where a fact stands: the sentence and its offsets in the document's cleaned text."""

    document: str | None = Field(None, description="IRI of the document the sentence is in.")
    sentence: str | None = None
    start: int | None = Field(None, description="Offset in `/documents/{id}/text`.")
    end: int | None = None


class Page(Resource):
    """The envelope of every list: one page of items and how many there are in all."""

    total: int = Field(description="Items matching the filters, on every page.")
    limit: int
    offset: int
    more: int = Field(description="Items after this page (`offset + limit` asks for them).")
    truncated: bool = Field(description="True when the row cap cut the named query's answer.")
    query: str = Field(description="The named query behind the list (`/queries/NAME`).")


class DocumentSummary(Resource):
    """A document as lists show it."""

    doc: str = Field(description="The document's IRI.")
    id: str | None = Field(description="Its id (`/documents/{id}`).")
    number: str | None = Field(None, description="发文字号 as written, e.g. 苏政办发〔2012〕123号.")
    title: str | None = None
    planTitle: str | None = None
    issued: str | None = None
    published: str | None = None
    level: str | None = None
    region: str | None = None
    regionLabel: str | None = None
    docType: str | None = None
    inForce: bool | None = None
    source: str | None = None


class DocumentPage(Page):
    """``GET /documents``."""

    items: list[DocumentSummary]


class AgencyRole(Resource):
    """An agency's role on a measure (lead 牵头, participating 参加, responsible 负责)."""

    role: str | None
    agency: str | None
    label: str | None = None
    rawName: str | None = Field(None, description="The name as the document writes it.")
    evidence: Evidence | None


class DocumentMeasure(Resource):
    """A measure of one document with the agencies it names."""

    measure: str
    path: str | None = None
    heading: str | None = None
    start: int | None = None
    end: int | None = None
    agencies: list[AgencyRole]


class Target(Resource):
    """A quantitative (or relative) target with its evidence."""

    target: str
    indicator: str | None = None
    concept: str | None = None
    value: float | None = None
    valueMax: float | None = None
    unit: str | None = None
    comparator: str | None = None
    year: int | None = None
    refines: str | None = None
    evidence: Evidence | None


class Link(Resource):
    """A reference or implementation link between documents, with its evidence."""

    evidence: Evidence | None


class Section(Resource):
    """A numbered section of a document."""

    section: str
    path: str | None = None
    heading: str | None = None


class Document(DocumentSummary):
    """``GET /documents/{doc}``: one document with its facts, each with its evidence."""

    sections: list[Section]
    measures: list[DocumentMeasure]
    targets: list[Target]
    referencesOut: list[Link]
    referencesIn: list[Link]
    chainUp: list[Link]
    text: str = Field(description="Where its cleaned text is (`/documents/{id}/text`).")


class Fact(Resource):
    """An extracted fact placed in the text."""

    kind: str = Field(description="measure, agency:ROLE, target or reference:RELATION.")
    id: str | None
    label: str | None = None
    start: int | None = None
    end: int | None = None


class DocumentText(Resource):
    """``GET /documents/{doc}/text``."""

    doc: str
    id: str
    title: str | None = None
    text: str
    facts: list[Fact]


class Written(Resource):
    """What an upload or a delete did."""

    ok: bool
    id: str
    iri: str


class Uploaded(Written):
    """``POST /documents``: the loaded document's summary."""

    url: str


class Deleted(Written):
    """``DELETE /documents/{doc}``."""

    deleted: bool


class AgencySummary(Resource):
    """An agency with how many measures it leads, joins and answers for."""

    agency: str
    id: str | None = None
    label: str | None = None
    type: str | None = None
    typeLabel: str | None = None
    region: str | None = None
    regionLabel: str | None = None
    lead: int | None = None
    participating: int | None = None
    responsible: int | None = None
    documents: int | None = None


class AgencyPage(Page):
    """``GET /agencies``."""

    items: list[AgencySummary]


class AgencyMeasure(Resource):
    """A measure an agency holds a role on."""

    measure: str
    heading: str | None = None
    path: str | None = None
    role: str | None = None
    rawName: str | None = None
    doc: str | None = None
    docTitle: str | None = None
    docLevel: str | None = None
    evidence: Evidence | None


class Agency(Resource):
    """``GET /agencies/{agency}``: its measures by role (a page of them) and its documents."""

    agency: str
    id: str | None = None
    label: str | None = None
    measures: dict[str, list[AgencyMeasure]] = Field(description="The page's measures by role.")
    measureTotals: dict[str, int] = Field(description="Measures in each role, on every page.")
    total: int
    limit: int
    offset: int
    more: int
    documents: list[dict[str, Any]]
    issued: list[dict[str, Any]]
    issuedTotal: int


class Measure(Resource):
    """A measure with its document and agencies."""

    measure: str
    heading: str | None = None
    path: str | None = None
    doc: str | None = None
    docTitle: str | None = None
    agencies: list[AgencyRole]


class MeasurePage(Page):
    """``GET /measures``."""

    items: list[Measure]


class ListedTarget(Target):
    """A target as ``/targets`` lists it, with its document, level and region."""

    doc: str | None = None
    docTitle: str | None = None
    level: str | None = None
    region: str | None = None
    regionLabel: str | None = None


class TargetPage(Page):
    """``GET /targets``."""

    items: list[ListedTarget]


class Indicator(Resource):
    """An indicator concept targets use."""

    concept: str
    id: str | None = None
    label: str | None = None
    targets: int
    levels: int


class IndicatorPage(Page):
    """``GET /indicators``."""

    items: list[Indicator]


class CascadeTarget(ListedTarget):
    """A target in a cascade, with the higher target it refines."""

    rank: int | None = None
    refinesDoc: str | None = None
    weaker: bool | None = None
    share: float | None = None


class CascadeLevel(Resource):
    """One level of a cascade: how many targets it has, and those on this page."""

    level: str
    rank: int | None
    total: int = Field(description="Targets at this level in the scope, on every page.")
    targets: list[CascadeTarget]


class WeakLink(Resource):
    """A lower target weaker than the higher one it refines, or a share of its total."""

    target: str
    refines: str | None
    weaker: bool | None
    share: float | None


class Cascade(Resource):
    """``GET /indicators/{concept}/cascade``: a scoped, paged cascade with totals per level."""

    concept: str
    id: str
    scope: dict[str, Any] = Field(description="The region, level and years asked for.")
    total: int
    limit: int
    offset: int
    more: int
    levels: list[CascadeLevel]
    weakLinks: list[WeakLink]
    notTakenUp: list[Link]
    notTakenUpTotal: int


class Region(Resource):
    """A region with how many documents and agencies are in it."""

    region: str
    id: str
    label: str | None = None
    levels: list[str]
    documents: int
    agencies: int


class RegionPage(Page):
    """``GET /regions``."""

    items: list[Region]


class QueryParameter(Resource):
    """A parameter of a named query."""

    name: str
    description: str
    type: str
    optional: bool


class NamedQuery(Resource):
    """A named query of the catalog."""

    name: str
    description: str
    parameters: list[QueryParameter]
    sparql: str = Field(description="Its SPARQL text (`/queries/NAME.rq`).")
    run: str = Field(description="How to run it.")


class QueryAnswer(Resource):
    """``GET /queries/{name}``: a page of the query's rows (strings; null when unbound)."""

    query: str
    parameters: dict[str, str]
    count: int = Field(description="Rows in this answer.")
    total: int = Field(description="Rows of the whole answer.")
    limit: int | None = Field(None, description="Page size asked for (null: every row).")
    offset: int
    more: int
    truncated: bool
    rows: list[dict[str, str | None]]


class MeasureSide(Resource):
    """A measure as alignments show it: its IRI, where it stands and its sentence."""

    measure: str | None = Field(description="The measure's IRI.")
    path: str | None = Field(
        None, description="Its place in the document's numbering, e.g. 二.(二).1."
    )
    sentence: str | None = Field(None, description="The measure's text as the document writes it.")


class AlignmentLink(Resource):
    """A lower measure that copies or adapts a higher one."""

    kind: str = Field(description="copied (near-identical text) or adapted (reworded).")
    score: float | None = Field(
        None, description="Similarity, 0–1, with the bonus for a shared agency type or indicator."
    )
    textScore: float | None = Field(None, description="Similarity of the two texts alone, 0–1.")
    measure: MeasureSide = Field(description="The measure of this document.")
    higherMeasure: MeasureSide = Field(
        description="The measure of the higher document it carries out."
    )


class AlignmentCounts(Resource):
    """How many measures fall in each bucket of one higher document."""

    copied: int
    adapted: int
    added: int
    notTakenUp: int


class AlignmentGroup(Resource):
    """How a document carries out one higher document it follows."""

    higherDoc: str = Field(description="IRI of the higher document.")
    higherId: str | None = Field(description="Its id (`/documents/{id}`).")
    higherTitle: str | None = None
    carriedOut: list[AlignmentLink] = Field(description="Higher measures copied or adapted.")
    added: list[MeasureSide] = Field(
        description="Measures of this document no higher measure matches."
    )
    notTakenUp: list[MeasureSide] = Field(
        description="Higher measures this document does not carry out."
    )
    counts: AlignmentCounts


class Alignment(Resource):
    """``GET /documents/{doc}/alignment``: the document's measures against each higher document."""

    doc: str = Field(description="The document's IRI.")
    id: str
    against: list[AlignmentGroup] = Field(description="One entry per higher document it follows.")
    query: str = Field(description="The named query behind the answer (`/queries/NAME`).")


class FateLink(Resource):
    """A lower document's measure that copies or adapts the measure."""

    kind: str = Field(description="copied or adapted.")
    score: float | None = Field(None, description="Similarity, 0–1.")
    lowerDoc: str = Field(description="IRI of the lower document.")
    lowerTitle: str | None = None
    level: str | None = Field(
        None, description="The lower document's level (city, county, town …)."
    )
    measure: MeasureSide = Field(description="The lower document's measure.")


class NotTakenUpBy(Resource):
    """A lower document that follows the measure's document without carrying the measure out."""

    lowerDoc: str
    lowerTitle: str | None = None
    level: str | None = None


class MeasureFate(Resource):
    """``GET /documents/{doc}/measures/{n}/fate``: where one measure went in lower documents."""

    measure: str = Field(description="The measure's IRI.")
    path: str | None = None
    sentence: str | None = None
    carriedOutBy: list[FateLink]
    notTakenUpBy: list[NotTakenUpBy]
    query: str


class ComparedDocument(Resource):
    """One side of a comparison."""

    doc: str = Field(description="The document's IRI.")
    title: str | None = None
    number: str | None = Field(None, description="发文字号 as written.")
    level: str | None = None
    region: str | None = Field(None, description="The region's label, e.g. 镇江市.")
    year: int | None = Field(None, description="Year issued (null when the text does not say).")


class ComparedMeasures(Resource):
    """A row of aligned measures: both sides, or one side alone."""

    kind: str = Field(description="copied, adapted, or only in a / only in b.")
    score: float | None = Field(None, description="Similarity, 0–1 (null for a measure alone).")
    a: MeasureSide | None = Field(description="The measure of document a (null if none).")
    b: MeasureSide | None = Field(description="The measure of document b (null if none).")


class ComparedTargetSide(Resource):
    """A target of one document on the indicator."""

    indicator: str | None = Field(None, description="The indicator as the document words it.")
    value: float | None = None
    valueMax: float | None = None
    unit: str | None = None
    comparator: str | None = None
    year: int | None = None
    sentence: str | None = None


class ComparedTarget(Resource):
    """The targets both documents set on one indicator."""

    concept: str | None = Field(None, description="IRI of the indicator concept.")
    indicator: str | None = Field(None, description="The indicator concept's label.")
    change: str = Field(description="raised, cut, kept, dropped or added (from a to b).")
    a: ComparedTargetSide | None
    b: ComparedTargetSide | None


class ComparedAgencies(Resource):
    """Agency types owning measures in a and b."""

    kept: list[str] = Field(description="In both.")
    lost: list[str] = Field(description="In a, not in b.")
    gained: list[str] = Field(description="In b, not in a.")


class ComparedReference(Resource):
    """A document a comparison side refers to."""

    document: str | None = Field(description="IRI of the document referred to.")
    title: str | None = None
    number: str | None = None
    relation: str | None = Field(
        None, description="The reference's relation, e.g. ensures_implementation_of."
    )


class ComparedReferences(Resource):
    """References both make, and those only one makes."""

    both: list[ComparedReference]
    onlyA: list[ComparedReference]
    onlyB: list[ComparedReference]


class Comparison(Resource):
    """``GET /compare``: two documents side by side."""

    a: ComparedDocument
    b: ComparedDocument
    relation: str = Field(description="b follows a, a follows b, or peers.")
    measures: list[ComparedMeasures]
    targets: list[ComparedTarget]
    agencies: ComparedAgencies
    references: ComparedReferences


class InstrumentColumn(Resource):
    """A policy instrument (Rothwell & Zegveld sub-type)."""

    id: str = Field(description="Instrument id, e.g. funding.")
    label: str | None = Field(None, description="Its Chinese label, e.g. 资金投入.")
    side: str | None = Field(None, description="supply, environment or demand.")


class InstrumentGroup(Resource):
    """One group (a level, region, year or document) with its measures per instrument."""

    group: str | None = Field(
        description="The group's key (level, region IRI, year or document IRI)."
    )
    label: str | None = None
    measures: int = Field(description="Measures in the group.")
    counts: dict[str, int] = Field(description="Measures using each instrument (by id).")
    sideShares: dict[str, float] = Field(
        description="Share of the group's instrument uses per side."
    )


class InstrumentCounts(Resource):
    """``GET /instruments``: measures per instrument and group."""

    by: str = Field(description="level, region, year or document.")
    columns: list[InstrumentColumn]
    groups: list[InstrumentGroup]
    query: str


class InstrumentMeasure(Resource):
    """A measure coded with the instrument, with the cue words that decided it."""

    measure: str
    doc: str | None = None
    docTitle: str | None = None
    path: str | None = None
    sentence: str | None = None
    instrument: str | None = None
    instrumentLabel: str | None = None
    cues: list[str] = Field(
        description="Cue words found, as `cue@start-end` (offsets into the measure's text)."
    )


class InstrumentMeasures(Resource):
    """``GET /instruments/{instrument}/measures``."""

    instrument: str
    measures: list[InstrumentMeasure]
    query: str


class AdoptingDocument(Resource):
    """A document that adopts the policy kind (a row of ``timeline_adoption``)."""

    doc: str
    title: str | None = None
    level: str | None = None
    region: str | None = None
    regionLabel: str | None = None
    year: str | None = Field(None, description="Year issued (null when the text does not say).")
    docType: str | None = None


class AdoptionPoint(Resource):
    """Regions of a level that had adopted by a year (cumulative)."""

    year: int
    adopted: int


class GridRow(Resource):
    """A region's adopting documents per year of the grid."""

    region: str | None = Field(None, description="The region's IRI (null when unknown).")
    label: str
    level: str
    counts: list[int] = Field(description="Documents per year, in the order of `years`.")


class AdoptionGrid(Resource):
    """The region × year grid."""

    years: list[str] = Field(description="Years, then `unknown` for documents without one.")
    rows: list[GridRow]


class Adoption(Resource):
    """``GET /timelines/adoption``."""

    params: dict[str, str] = Field(description="The filters given.")
    documents: list[AdoptingDocument]
    curve: dict[str, list[AdoptionPoint]] = Field(description="Cumulative adoption per level.")
    grid: AdoptionGrid
    query: str


class IndicatorPoint(Resource):
    """A target of the indicator in a region, with the higher target it refines."""

    year: int | None = None
    value: float | None = None
    valueMax: float | None = None
    unit: str | None = None
    comparator: str | None = None
    target: str | None = None
    doc: str | None = None
    sentence: str | None = None
    refines: str | None = Field(None, description="IRI of the higher target it refines.")
    refinesRegion: str | None = None
    refinesYear: int | None = None
    refinesValue: float | None = None
    basis: str | None = Field(
        None, description="Why it refines the higher target, e.g. concept-only."
    )
    weaker: bool = Field(description="True when it is weaker than the target it refines.")


class IndicatorSeries(Resource):
    """One region's targets on the indicator, by year."""

    region: str | None = None
    label: str
    level: str
    points: list[IndicatorPoint]


class IndicatorTimeline(Resource):
    """``GET /timelines/indicator``."""

    concept: str
    series: list[IndicatorSeries]
    query: str
