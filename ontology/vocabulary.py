"""The policykg ontology as data: every class and property with its labels, definition and axioms.

``ontology/build.py`` turns these records into OWL with owlready2; the tests read them to
check that every term is labelled and defined in Chinese and English. Terms of the standard
vocabularies appear only where we add an axiom to them (an inverse, a super-property).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ontology import terms as t

Range = Literal["string", "langString", "integer", "decimal", "boolean", "date", "gYear"]


@dataclass(frozen=True)
class ClassSpec:
    """An OWL class with its parents, labels (zh, en) and definitions (en, zh)."""

    iri: str
    parents: tuple[str, ...]
    label_zh: str
    label_en: str
    definition_en: str
    definition_zh: str


@dataclass(frozen=True)
class PropertySpec:
    """An OWL object or datatype property with its axioms, labels and definitions."""

    iri: str
    kind: Literal["object", "data"]
    label_zh: str
    label_en: str
    definition_en: str
    definition_zh: str
    parents: tuple[str, ...] = ()
    domain: str | None = None
    range: str | None = None  # a class IRI for object properties
    datatype: Range | None = None  # for datatype properties
    inverse_of: str | None = None
    transitive: bool = False
    chains: tuple[tuple[str, ...], ...] = field(default=())


CLASSES: tuple[ClassSpec, ...] = (
    ClassSpec(
        t.PKG_POLICY_DOCUMENT,
        (t.ELI_LEGAL_RESOURCE,),
        "政策文件",
        "policy document",
        "A policy document issued by a government body: an outline, plan, opinion, notice, "
        "action plan or similar, at any administrative level.",
        "由政府机关发布的政策性文件，如纲要、规划、意见、通知、行动计划等，可属于任一行政层级。",
    ),
    ClassSpec(
        t.PKG_EXTERNAL_DOCUMENT,
        (t.PKG_POLICY_DOCUMENT,),
        "外部文件",
        "external document",
        "A policy document that loaded documents refer to but whose text is not loaded; it holds "
        "what the references say about it (title, issuer, document number).",
        "被已载入文件引用、但其正文未载入的政策文件；仅记录引用中给出的标题、发文机关和文号。",
    ),
    ClassSpec(
        t.PKG_SECTION,
        (t.ELI_LEGAL_RESOURCE_SUBDIVISION,),
        "章节",
        "section",
        "A numbered part of a policy document, identified by its numbering path such as 二.(三).4.",
        "政策文件中带编号的组成部分，以编号路径（如 二.(三).4）标识。",
    ),
    ClassSpec(
        t.PKG_MEASURE,
        (t.PKG_SECTION,),
        "措施",
        "measure",
        "A numbered task or measure of a policy document, with the agencies that lead, join or "
        "answer for it.",
        "政策文件中带编号的任务或措施，连同牵头、参加或负责的部门。",
    ),
    ClassSpec(
        t.PKG_AGENCY,
        (t.ORG_ORGANIZATION,),
        "机构",
        "agency",
        "A government agency or department, resolved to its full name and region.",
        "政府机关或部门，已解析为全称及所属行政区。",
    ),
    ClassSpec(
        t.PKG_LEADING_GROUP,
        (t.ORG_ORGANIZATION,),
        "领导小组",
        "leading group",
        "A coordinating body (领导小组) set up by a document, with leader posts and an office "
        "hosted by an agency.",
        "由文件设立的协调机构（领导小组），设组长等职务，其办公室设在某一部门。",
    ),
    ClassSpec(
        t.PKG_GROUP_OFFICE,
        (t.ORG_ORGANIZATION,),
        "领导小组办公室",
        "leading group office",
        "The office of a leading group where the text says where it sits (办公室设在…); "
        "org:subOrganizationOf its group, housed by the agency the group's "
        "pkg:officeHostedBy names.",
        "文件写明所设部门的领导小组办公室（办公室设在…），是该领导小组的下属机构，"
        "设在领导小组 pkg:officeHostedBy 所指的部门。",
    ),
    ClassSpec(
        t.PKG_LEADER_POST,
        (),
        "领导职务",
        "leader post",
        "A post in a leading group (组长, 副组长, 主任) and the person named for it, if any.",
        "领导小组中的职务（组长、副组长、主任等）及其担任者（如有）。",
    ),
    ClassSpec(
        t.PKG_TARGET,
        (t.QB_OBSERVATION,),
        "目标",
        "target",
        "A quantitative or relative target set by a document: an indicator, a comparator, a "
        "value (with an optional upper bound and unit), an area and a year.",
        "文件设定的定量或相对目标：指标、比较方式、数值（可有上限与单位）、地区和年份。",
    ),
    ClassSpec(
        t.PKG_REGION,
        (t.SKOS_CONCEPT,),
        "行政区",
        "region",
        "An administrative region, with its GB/T 2260 code where one exists, its level and the "
        "region directly containing it.",
        "行政区划单位，含 GB/T 2260 代码（如有）、行政层级及直接上级行政区。",
    ),
    ClassSpec(
        t.PKG_EVIDENCE,
        (t.PROV_ENTITY,),
        "证据",
        "evidence",
        "The exact sentence of a document's cleaned text a fact was read from, with its character "
        "offsets.",
        "事实所依据的文件清洗后正文中的原句及其字符偏移量。",
    ),
    ClassSpec(
        t.PKG_AGENCY_ROLE,
        (t.PROV_ENTITY,),
        "部门职责",
        "agency role",
        "The qualified form of a link between a measure and an agency (lead, participating or "
        "responsible), carrying its evidence.",
        "措施与部门之间（牵头、参加或负责）关系的限定形式，附带证据。",
    ),
    ClassSpec(
        t.PKG_REFERENCE,
        (t.PROV_ENTITY,),
        "文件引用",
        "reference",
        "The qualified form of a link between two documents (implements, cites, announces, "
        "repeals), with what the citing text says and its evidence.",
        "两份文件之间（贯彻落实、引用、提出制定、废止）关系的限定形式，含引用原文信息及证据。",
    ),
    ClassSpec(
        t.PKG_ALIGNMENT,
        (t.PROV_ENTITY,),
        "措施承接",
        "measure alignment",
        "The qualified form of a lower measure carrying out a higher one: its kind (copied or "
        "adapted), similarity scores, shared agency types and indicators, and both measures' "
        "evidence.",
        "下级措施承接上级措施关系的限定形式：承接方式（照搬或改写）、相似度、共同的部门类型和指标，"
        "以及上下级措施的原文证据。",
    ),
    ClassSpec(
        t.PKG_INSTRUMENT_CODING,
        (t.PROV_ENTITY,),
        "政策工具编码",
        "instrument coding",
        "The qualified form of a measure using a policy instrument: the instrument and the cue "
        "words that decided it, with their offsets into the measure's text.",
        "措施使用某种政策工具的限定形式：政策工具及判定它的提示词，含其在措施文本中的偏移。",
    ),
)


def _obj(iri: str, zh: str, en: str, def_en: str, def_zh: str, **axioms: object) -> PropertySpec:
    return PropertySpec(iri, "object", zh, en, def_en, def_zh, **axioms)  # type: ignore[arg-type]


def _data(iri: str, zh: str, en: str, def_en: str, def_zh: str, **axioms: object) -> PropertySpec:
    return PropertySpec(iri, "data", zh, en, def_en, def_zh, **axioms)  # type: ignore[arg-type]


DOC = t.PKG_POLICY_DOCUMENT

PROPERTIES: tuple[PropertySpec, ...] = (
    # --- documents ---
    _obj(
        t.PKG_LEVEL,
        "行政层级",
        "level",
        "The administrative level (national … town) of a document or region.",
        "文件或行政区所属的行政层级（国家至镇）。",
        range=t.SKOS_CONCEPT,
    ),
    _data(
        t.PKG_PLAN_TITLE,
        "所印发方案标题",
        "plan title",
        "The title of the plan a notice issues (关于印发《X》的通知 → X).",
        "通知所印发的方案的标题（关于印发《X》的通知中的 X）。",
        domain=DOC,
        datatype="langString",
    ),
    _data(
        t.PKG_SECTION_PATH,
        "编号路径",
        "section path",
        "The numbering path of a section within its document, e.g. 二.(三).4.",
        "章节在文件中的编号路径，如 二.(三).4。",
        domain=t.PKG_SECTION,
        datatype="string",
    ),
    _data(
        t.PKG_HEADING,
        "标题",
        "heading",
        "The heading of a section or measure.",
        "章节或措施的标题。",
        domain=t.PKG_SECTION,
        datatype="langString",
    ),
    _data(
        t.PKG_DEADLINE,
        "完成时限",
        "deadline",
        "The completion deadline of a measure as the document writes it (2020年底前, 长期坚持).",
        "文件所写的措施完成时限（如 2020年底前、长期坚持）。",
        domain=t.PKG_MEASURE,
        datatype="string",
    ),
    _data(
        t.PKG_TEXT,
        "正文",
        "text",
        "The cleaned text of a document, or the full text of a measure; evidence offsets count "
        "characters of a document's text.",
        "文件清洗后的正文或措施的全文；证据偏移量以文件正文的字符计。",
        datatype="langString",
    ),
    _data(
        t.PKG_SHA256,
        "内容散列",
        "content hash",
        "SHA-256 of the source file a document was loaded from.",
        "文件来源原始文件的 SHA-256 散列值。",
        domain=DOC,
        datatype="string",
    ),
    _obj(
        t.PKG_ANNOUNCES,
        "提出制定",
        "announces",
        "A document promises another (制定出台《…》) without citing an existing one.",
        "文件提出将制定另一文件（制定出台《…》），而非引用已有文件。",
        domain=DOC,
        range=DOC,
    ),
    _obj(
        t.PKG_ANNOUNCED_BY,
        "被提出制定于",
        "announced by",
        "Inverse of announces: the document that promised this one.",
        "“提出制定”的逆关系：提出制定本文件的文件。",
        inverse_of=t.PKG_ANNOUNCES,
    ),
    _obj(
        t.PKG_IMPLEMENTS_TRANSITIVELY,
        "逐级贯彻落实",
        "implements transitively",
        "A document carries out another directly or through a chain of implementing documents "
        "(the transitive closure of eli:ensures_implementation_of).",
        "文件直接或经由一串贯彻落实文件间接落实另一文件（eli:ensures_implementation_of 的传递闭包）。",
        domain=DOC,
        range=DOC,
        transitive=True,
    ),
    _obj(
        t.PKG_TRANSITIVELY_IMPLEMENTED_BY,
        "被逐级贯彻落实于",
        "transitively implemented by",
        "Inverse of implements transitively.",
        "“逐级贯彻落实”的逆关系。",
        inverse_of=t.PKG_IMPLEMENTS_TRANSITIVELY,
        transitive=True,
    ),
    _obj(
        t.PKG_ESTABLISHES_GROUP,
        "设立领导小组",
        "establishes group",
        "A document sets up a leading group.",
        "文件设立领导小组。",
        domain=DOC,
        range=t.PKG_LEADING_GROUP,
    ),
    # --- evidence ---
    _obj(
        t.PKG_EVIDENCE_PROP,
        "证据",
        "evidence",
        "Links a fact to the sentence it was read from.",
        "将事实关联到其来源原句。",
        range=t.PKG_EVIDENCE,
    ),
    _data(
        t.PKG_SENTENCE,
        "原句",
        "sentence",
        "The exact slice of the cleaned text between start and end.",
        "清洗后正文中起止偏移量之间的原文片段。",
        domain=t.PKG_EVIDENCE,
        datatype="langString",
    ),
    _data(
        t.PKG_START,
        "起始偏移",
        "start offset",
        "Character offset where the evidence starts in the document's cleaned text.",
        "证据在文件清洗后正文中的起始字符偏移。",
        domain=t.PKG_EVIDENCE,
        datatype="integer",
    ),
    _data(
        t.PKG_END,
        "结束偏移",
        "end offset",
        "Character offset where the evidence ends (exclusive) in the cleaned text.",
        "证据在清洗后正文中的结束字符偏移（不含）。",
        domain=t.PKG_EVIDENCE,
        datatype="integer",
    ),
    # --- agencies and roles ---
    _obj(
        t.PKG_INVOLVED_AGENCY,
        "涉及部门",
        "involved agency",
        "An agency with any role (lead, participating, responsible) in a measure.",
        "在措施中承担任一职责（牵头、参加、负责）的部门。",
        domain=t.PKG_MEASURE,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_LEAD_AGENCY,
        "牵头部门",
        "lead agency",
        "The agency that leads a measure (牵头).",
        "牵头实施措施的部门。",
        parents=(t.PKG_INVOLVED_AGENCY,),
        domain=t.PKG_MEASURE,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_PARTICIPATING_AGENCY,
        "参加部门",
        "participating agency",
        "An agency that joins a measure (参加, 配合).",
        "参加或配合实施措施的部门。",
        parents=(t.PKG_INVOLVED_AGENCY,),
        domain=t.PKG_MEASURE,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_RESPONSIBLE_AGENCY,
        "负责部门",
        "responsible agency",
        "An agency that answers for a measure (负责, or the subject of 要…).",
        "负责措施的部门（“负责”或“要…”的主语）。",
        parents=(t.PKG_INVOLVED_AGENCY,),
        domain=t.PKG_MEASURE,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_INVOLVED_IN,
        "涉及措施",
        "involved in",
        "Inverse of involved agency: a measure the agency has a role in.",
        "“涉及部门”的逆关系：部门承担职责的措施。",
        inverse_of=t.PKG_INVOLVED_AGENCY,
    ),
    _obj(
        t.PKG_LEADS,
        "牵头",
        "leads",
        "Inverse of lead agency.",
        "“牵头部门”的逆关系。",
        inverse_of=t.PKG_LEAD_AGENCY,
        parents=(t.PKG_INVOLVED_IN,),
    ),
    _obj(
        t.PKG_PARTICIPATES_IN,
        "参加",
        "participates in",
        "Inverse of participating agency.",
        "“参加部门”的逆关系。",
        inverse_of=t.PKG_PARTICIPATING_AGENCY,
        parents=(t.PKG_INVOLVED_IN,),
    ),
    _obj(
        t.PKG_RESPONSIBLE_FOR,
        "负责",
        "responsible for",
        "Inverse of responsible agency.",
        "“负责部门”的逆关系。",
        inverse_of=t.PKG_RESPONSIBLE_AGENCY,
        parents=(t.PKG_INVOLVED_IN,),
    ),
    _obj(
        t.PKG_ROLE_MEASURE,
        "职责所属措施",
        "role measure",
        "The measure an agency role belongs to.",
        "部门职责所属的措施。",
        domain=t.PKG_AGENCY_ROLE,
        range=t.PKG_MEASURE,
    ),
    _obj(
        t.PKG_ROLE_AGENCY,
        "职责部门",
        "role agency",
        "The agency an agency role is held by.",
        "承担该职责的部门。",
        domain=t.PKG_AGENCY_ROLE,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_ROLE,
        "职责类型",
        "role",
        "The kind of an agency role: lead, participating or responsible.",
        "部门职责的类型：牵头、参加或负责。",
        domain=t.PKG_AGENCY_ROLE,
        range=t.SKOS_CONCEPT,
    ),
    _data(
        t.PKG_RAW_NAME,
        "原文名称",
        "name as written",
        "The agency's name as the text writes it (省质监局).",
        "文中书写的部门名称（如 省质监局）。",
        datatype="langString",
    ),
    _obj(
        t.PKG_LOCATED_IN,
        "所在行政区",
        "located in",
        "The region an agency belongs to.",
        "部门所属的行政区。",
        parents=(t.PKG_LOCATED_WITHIN,),
        range=t.PKG_REGION,
    ),
    _obj(
        t.PKG_LOCATED_WITHIN,
        "位于行政区内",
        "located within",
        "The region an agency belongs to and every region containing it.",
        "部门所属的行政区及包含该区的所有上级行政区。",
        range=t.PKG_REGION,
        chains=((t.PKG_LOCATED_IN, t.PKG_WITHIN_TRANSITIVELY),),
    ),
    _obj(
        t.PKG_OFFICE_HOSTED_BY,
        "办公室设在",
        "office hosted by",
        "The agency hosting a leading group's office (办公室设在…).",
        "领导小组办公室所设的部门（办公室设在…）。",
        domain=t.PKG_LEADING_GROUP,
        range=t.ORG_ORGANIZATION,
    ),
    _obj(
        t.PKG_LEADER_POST_PROP,
        "领导职务",
        "leader post",
        "A post of a leading group.",
        "领导小组的一个职务。",
        domain=t.PKG_LEADING_GROUP,
        range=t.PKG_LEADER_POST,
    ),
    _data(
        t.PKG_POST,
        "职务",
        "post",
        "The name of a post (组长, 副组长, 主任).",
        "职务名称（组长、副组长、主任）。",
        domain=t.PKG_LEADER_POST,
        datatype="langString",
    ),
    _data(
        t.PKG_PERSON,
        "担任者",
        "person",
        "The person named for a post, if the text names one.",
        "担任该职务的人（文中给出时）。",
        domain=t.PKG_LEADER_POST,
        datatype="langString",
    ),
    # --- references ---
    _obj(
        t.PKG_CITING_DOCUMENT,
        "引用文件",
        "citing document",
        "The document whose text makes a reference.",
        "作出引用的文件。",
        domain=t.PKG_REFERENCE,
        range=DOC,
    ),
    _obj(
        t.PKG_REFERENCED_DOCUMENT,
        "被引文件",
        "referenced document",
        "The document a reference resolves to (loaded or external).",
        "引用所指向的文件（已载入或外部文件）。",
        domain=t.PKG_REFERENCE,
        range=DOC,
    ),
    _obj(
        t.PKG_RELATION,
        "引用关系",
        "relation",
        "How the citing document uses the referenced one, as the IRI of the property it stands "
        "for (eli:ensures_implementation_of, eli:cites, eli:repeals, pkg:announces).",
        "引用文件对被引文件的使用方式，以所代表属性的 IRI 表示。",
        domain=t.PKG_REFERENCE,
    ),
    _data(
        t.PKG_REFERENCED_TITLE,
        "引用标题",
        "referenced title",
        "The referenced title as the citing text writes it.",
        "引用原文中书写的标题。",
        datatype="langString",
    ),
    _data(
        t.PKG_REFERENCED_NUMBER,
        "引用文号",
        "referenced number",
        "The referenced document number as the citing text writes it.",
        "引用原文中书写的文号。",
        datatype="string",
    ),
    _data(
        t.PKG_REFERENCED_ISSUER,
        "引用发文机关",
        "referenced issuer",
        "The referenced document's issuer as the citing text writes it.",
        "引用原文中书写的发文机关。",
        datatype="langString",
    ),
    _data(
        t.PKG_RESOLVED,
        "已解析",
        "resolved",
        "Whether a reference resolves to a loaded document.",
        "引用是否指向已载入的文件。",
        domain=t.PKG_REFERENCE,
        datatype="boolean",
    ),
    # --- targets ---
    _obj(
        t.PKG_INDICATOR,
        "指标",
        "indicator",
        "The indicator concept a target measures.",
        "目标所度量的指标概念。",
        domain=t.PKG_TARGET,
        range=t.SKOS_CONCEPT,
    ),
    _data(
        t.PKG_INDICATOR_LABEL,
        "指标原文",
        "indicator as written",
        "The indicator as the text writes it.",
        "文中书写的指标名称。",
        domain=t.PKG_TARGET,
        datatype="langString",
    ),
    _data(
        t.PKG_VALUE_MAX,
        "上限值",
        "upper value",
        "The upper bound of a range target (1—2项: value 1, upper value 2).",
        "区间目标的上限（如 1—2项：数值 1，上限 2）。",
        domain=t.PKG_TARGET,
        datatype="decimal",
    ),
    _data(
        t.PKG_UNIT,
        "单位",
        "unit",
        "The unit of a target's value (%, 家, 项).",
        "目标数值的单位（%、家、项）。",
        domain=t.PKG_TARGET,
        datatype="string",
    ),
    _data(
        t.PKG_COMPARATOR,
        "比较方式",
        "comparator",
        "How the value bounds the target: >=, <=, =, about, range, or relative (no number).",
        "数值对目标的约束方式：>=、<=、=、about、range，或 relative（无具体数值）。",
        domain=t.PKG_TARGET,
        datatype="string",
    ),
    _obj(
        t.PKG_TARGET_OF,
        "目标所属文件",
        "target of",
        "The document that sets a target.",
        "设定该目标的文件。",
        domain=t.PKG_TARGET,
        range=DOC,
    ),
    _obj(
        t.PKG_HAS_TARGET,
        "设定目标",
        "has target",
        "Inverse of target of.",
        "“目标所属文件”的逆关系。",
        inverse_of=t.PKG_TARGET_OF,
    ),
    _obj(
        t.PKG_REFINES,
        "分解自",
        "refines",
        "A lower-level target takes up the nearest higher-level target with the same indicator.",
        "下级目标承接具有相同指标的最近上级目标。",
        domain=t.PKG_TARGET,
        range=t.PKG_TARGET,
        parents=(t.PKG_REFINES_TRANSITIVELY,),
    ),
    _obj(
        t.PKG_REFINED_BY,
        "分解为",
        "refined by",
        "Inverse of refines.",
        "“分解自”的逆关系。",
        inverse_of=t.PKG_REFINES,
    ),
    _obj(
        t.PKG_REFINES_TRANSITIVELY,
        "逐级分解自",
        "refines transitively",
        "A target refines another directly or through intermediate levels.",
        "目标直接或经由中间层级承接另一目标。",
        domain=t.PKG_TARGET,
        range=t.PKG_TARGET,
        transitive=True,
    ),
    _data(
        t.PKG_WEAKER,
        "弱于上级",
        "weaker",
        "True when a rate or ratio target is less ambitious than the higher target it refines "
        "in the same unit and direction.",
        "比率类目标在相同单位和方向上低于其承接的上级目标时为真。",
        domain=t.PKG_TARGET,
        datatype="boolean",
    ),
    _data(
        t.PKG_SHARE,
        "占上级份额",
        "share",
        "For count targets: the lower value divided by the higher target's value.",
        "计数类目标：下级数值除以上级目标数值。",
        domain=t.PKG_TARGET,
        datatype="decimal",
    ),
    _data(
        t.PKG_REFINES_BASIS,
        "承接依据",
        "refines basis",
        'Why a target is linked to the higher target it refines: "chain" when the lower '
        'document implements the higher one (directly or through others), "concept-only" '
        "when only the indicator and the containing region link them (a weaker link).",
        "目标承接关系的依据：下级文件贯彻落实上级文件（直接或经由中间文件）时为 chain；"
        "仅凭相同指标和所在行政区关联时为 concept-only（较弱的关联）。",
        domain=t.PKG_TARGET,
        datatype="string",
    ),
    _obj(
        t.PKG_NOT_TAKEN_UP_BY,
        "未被承接于",
        "not taken up by",
        "A lower-level document that implements the document setting this target sets no "
        "target for its indicator.",
        "落实设定该目标文件的下级文件未设定该指标的目标。",
        domain=t.PKG_TARGET,
        range=DOC,
    ),
    # --- policy instruments (graph.instruments) ---
    _obj(
        t.PKG_USES_INSTRUMENT,
        "使用政策工具",
        "uses instrument",
        "A measure uses a policy instrument (supply-, environment- or demand-side sub-type, or "
        "unclassified), as the lexicon's cue words in its text decide.",
        "措施使用的政策工具（供给型、环境型、需求型的子类，或未分类），由其文本中的词表提示词判定。",
        domain=t.PKG_MEASURE,
        range=t.SKOS_CONCEPT,
    ),
    _obj(
        t.PKG_CODED_MEASURE,
        "编码措施",
        "coded measure",
        "The measure an instrument coding is about.",
        "政策工具编码所针对的措施。",
        domain=t.PKG_INSTRUMENT_CODING,
        range=t.PKG_MEASURE,
    ),
    _obj(
        t.PKG_INSTRUMENT,
        "政策工具",
        "instrument",
        "The policy-instrument concept of an instrument coding.",
        "政策工具编码所指的政策工具概念。",
        domain=t.PKG_INSTRUMENT_CODING,
        range=t.SKOS_CONCEPT,
    ),
    _data(
        t.PKG_CUE,
        "提示词",
        "cue",
        "A cue word of the instrument lexicon found in the measure's text, with its character "
        "offsets into the measure's text (pkg:text): word@start-end, end exclusive.",
        "在措施文本中找到的政策工具词表提示词及其在措施文本（pkg:text）中的字符偏移：词@起-止（不含止）。",
        domain=t.PKG_INSTRUMENT_CODING,
        datatype="string",
    ),
    # --- measure alignment across levels (graph.alignment) ---
    _obj(
        t.PKG_CARRIES_OUT,
        "承接",
        "carries out",
        "A measure of a lower-level document carries out a measure of a higher-level document it "
        "follows (same task, copied or reworded).",
        "下级文件的措施承接其所落实的上级文件中的措施（任务相同，照搬或改写）。",
        domain=t.PKG_MEASURE,
        range=t.PKG_MEASURE,
    ),
    _obj(
        t.PKG_LOWER_MEASURE,
        "下级措施",
        "lower measure",
        "The lower-level measure of an alignment.",
        "措施承接关系中的下级措施。",
        domain=t.PKG_ALIGNMENT,
        range=t.PKG_MEASURE,
    ),
    _obj(
        t.PKG_HIGHER_MEASURE,
        "上级措施",
        "higher measure",
        "The higher-level measure of an alignment.",
        "措施承接关系中的上级措施。",
        domain=t.PKG_ALIGNMENT,
        range=t.PKG_MEASURE,
    ),
    _data(
        t.PKG_ALIGNMENT_KIND,
        "承接方式",
        "alignment kind",
        "How the lower measure carries out the higher one: copied (near-identical text) or "
        "adapted (same task, reworded or re-scoped).",
        "下级措施承接上级措施的方式：照搬（文字几乎相同）或改写（任务相同，表述或范围调整）。",
        domain=t.PKG_ALIGNMENT,
        datatype="string",
    ),
    _data(
        t.PKG_SIMILARITY,
        "相似度",
        "similarity",
        "The alignment's score: the text similarity plus small bonuses for a shared owning "
        "agency type and a shared indicator.",
        "承接关系的得分：文本相似度，加上共同牵头/负责部门类型和共同指标的少量加分。",
        domain=t.PKG_ALIGNMENT,
        datatype="decimal",
    ),
    _data(
        t.PKG_TEXT_SIMILARITY,
        "文本相似度",
        "text similarity",
        "Cosine of the two measures' character-bigram TF-IDF vectors (0 to 1).",
        "两项措施字符二元组 TF-IDF 向量的余弦相似度（0 至 1）。",
        domain=t.PKG_ALIGNMENT,
        datatype="decimal",
    ),
    _obj(
        t.PKG_SHARED_AGENCY_TYPE,
        "共同部门类型",
        "shared agency type",
        "An agency type owning (leading or responsible for) both measures of an alignment.",
        "同时牵头或负责上下级两项措施的部门类型。",
        domain=t.PKG_ALIGNMENT,
    ),
    _obj(
        t.PKG_SHARED_INDICATOR,
        "共同指标",
        "shared indicator",
        "An indicator concept on which both measures of an alignment set a target.",
        "上下级两项措施均设定了目标的指标概念。",
        domain=t.PKG_ALIGNMENT,
    ),
    _obj(
        t.PKG_ADDED_AGAINST,
        "新增于",
        "added against",
        "A measure of a lower-level document with no counterpart in this higher-level document "
        "it follows.",
        "下级文件中在其所落实的该上级文件里没有对应措施的新增措施。",
        domain=t.PKG_MEASURE,
        range=DOC,
    ),
    _obj(
        t.PKG_MEASURE_NOT_TAKEN_UP_BY,
        "措施未被承接于",
        "measure not taken up by",
        "A lower-level document following the document of this measure has no measure carrying "
        "it out.",
        "落实该措施所在文件的下级文件中没有承接该措施的措施。",
        domain=t.PKG_MEASURE,
        range=DOC,
    ),
    # --- regions ---
    _obj(
        t.PKG_WITHIN,
        "直属上级行政区",
        "within",
        "The region directly containing a region.",
        "直接包含该行政区的上级行政区。",
        domain=t.PKG_REGION,
        range=t.PKG_REGION,
        parents=(t.PKG_WITHIN_TRANSITIVELY,),
    ),
    _obj(
        t.PKG_WITHIN_TRANSITIVELY,
        "位于",
        "within transitively",
        "Any region containing a region, directly or through intermediate levels.",
        "直接或经由中间层级包含该行政区的任一行政区。",
        domain=t.PKG_REGION,
        range=t.PKG_REGION,
        transitive=True,
    ),
    _obj(
        t.PKG_CONTAINS,
        "直接下辖",
        "contains",
        "Inverse of within: a region directly contained.",
        "“直属上级行政区”的逆关系：直接下辖的行政区。",
        inverse_of=t.PKG_WITHIN,
    ),
    _data(
        t.PKG_GB_CODE,
        "区划代码",
        "GB/T 2260 code",
        "The region's code in GB/T 2260 (中华人民共和国行政区划代码).",
        "行政区在 GB/T 2260《中华人民共和国行政区划代码》中的代码。",
        domain=t.PKG_REGION,
        datatype="string",
    ),
)

# Axioms added to standard terms (no labels: those vocabularies define them).
EXTERNAL_AXIOMS: tuple[PropertySpec, ...] = (
    PropertySpec(
        t.ELI_ENSURES_IMPLEMENTATION_OF,
        "object",
        "",
        "",
        "",
        "",
        parents=(t.PKG_IMPLEMENTS_TRANSITIVELY,),
    ),
    PropertySpec(
        t.ELI_IMPLEMENTATION_ENSURED_BY,
        "object",
        "",
        "",
        "",
        "",
        inverse_of=t.ELI_ENSURES_IMPLEMENTATION_OF,
    ),
    PropertySpec(t.ELI_CITES, "object", "", "", "", ""),
    PropertySpec(t.ELI_CITED_BY, "object", "", "", "", "", inverse_of=t.ELI_CITES),
    PropertySpec(t.ELI_REPEALS, "object", "", "", "", ""),
    PropertySpec(t.ELI_REPEALED_BY, "object", "", "", "", "", inverse_of=t.ELI_REPEALS),
    PropertySpec(t.ELI_IS_PART_OF, "object", "", "", "", ""),
    PropertySpec(t.ELI_HAS_PART, "object", "", "", "", "", inverse_of=t.ELI_IS_PART_OF),
    PropertySpec(t.ELI_PASSED_BY, "object", "", "", "", ""),
    PropertySpec(t.ELI_JURISDICTION, "object", "", "", "", ""),
    PropertySpec(t.ELI_TYPE_DOCUMENT, "object", "", "", "", ""),
    PropertySpec(t.ELI_IN_FORCE, "object", "", "", "", ""),
    PropertySpec(t.ORG_SUB_ORGANIZATION_OF, "object", "", "", "", ""),
    PropertySpec(
        t.ORG_HAS_SUB_ORGANIZATION, "object", "", "", "", "", inverse_of=t.ORG_SUB_ORGANIZATION_OF
    ),
    PropertySpec(t.ORG_CLASSIFICATION, "object", "", "", "", ""),
    PropertySpec(t.SDMX_REF_AREA, "object", "", "", "", ""),
    PropertySpec(t.PROV_WAS_DERIVED_FROM, "object", "", "", "", ""),
    PropertySpec(t.SDMX_OBS_VALUE, "data", "", "", "", ""),
    PropertySpec(t.SDMX_REF_PERIOD, "data", "", "", "", ""),
)
