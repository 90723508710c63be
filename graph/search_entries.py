"""What the full-text index holds for one document, read from the triples of its named graph.

The index (:mod:`graph.fulltext`) is derived from each document's graph and nothing else, so
the same function serves a load (the triples just mapped, :func:`graph.load.prepare`) and a
rebuild from any store, remote ones included (the triples read back with CONSTRUCT). An
entry is a piece of text a researcher searches for — a title, a measure, a target sentence,
an agency's name — with the character offset where it starts in the document's cleaned text
(``None`` when it is not a verbatim slice of it).

>>> from graph.mapping import map_document
>>> from graph.regions import Gazetteer
>>> from loaders.record import PolicyDocument, Source
>>> text = "关于实施名牌战略的意见\\n一、培育名牌。省质监局负责。"
>>> record = PolicyDocument(source=Source("a.txt", "0" * 64, "txt", "utf-8"), text=text,
...     title="关于实施名牌战略的意见", level="province", region="江苏省", issued="2012-05-01")
>>> gaz = Gazetteer.load()
>>> doc = document_entries(map_document(record, gaz).triples, gaz)
>>> doc.level, doc.year, [name for _, name in doc.regions]
('province', 2012, ['江苏省', '中华人民共和国'])
>>> [(e.kind, e.text, e.start) for e in doc.entries]
[('document', '关于实施名牌战略的意见', 0)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.regions import Gazetteer
from ontology import terms as t

DOCTYPE_LABELS = {t.DOCTYPE_SCHEME + "/" + slug: zh for zh, slug, _ in t.DOCTYPES}
KINDS = ("document", "measure", "target", "agency")


@dataclass(frozen=True)
class Entry:
    """One searchable text of a document: a title, a measure, a target sentence or an agency."""

    kind: str
    item: str
    label: str | None
    text: str
    #: offset of ``text`` in the document's cleaned text; None when it is not a slice of it
    start: int | None
    #: the span of the cleaned text this entry points the reader to (an agency's first mention)
    evidence: tuple[int, int] | None = None

    def span(self) -> tuple[int, int] | None:
        """Where the reader page should highlight this entry's evidence, if anywhere."""
        if self.evidence is not None:
            return self.evidence
        return None if self.start is None else (self.start, self.start + len(self.text))


@dataclass
class DocumentEntries:
    """A document's facets (what search results are filtered and counted by) and its entries."""

    doc: str
    graph: str
    sha256: str | None = None
    title: str | None = None
    level: str = "unknown"
    #: (region IRI, its name) from the document's own region up to the country, nearest first
    regions: list[tuple[str, str | None]] = field(default_factory=list)
    year: int | None = None
    doc_type: str | None = None
    issuers: list[str] = field(default_factory=list)
    in_force: bool | None = None
    entries: list[Entry] = field(default_factory=list)


def document_entries(triples: Iterable[ox.Triple], gazetteer: Gazetteer) -> DocumentEntries:
    """The facets and entries of the one ``pkg:PolicyDocument`` among ``triples`` (its graph)."""
    by_subject: dict[str, dict[str, list[ox.NamedNode | ox.Literal]]] = {}
    for triple in triples:
        props = by_subject.setdefault(str(triple.subject.value), {})  # type: ignore[union-attr]
        props.setdefault(triple.predicate.value, []).append(triple.object)  # type: ignore[arg-type]

    def one(subject: str | None, prop: str) -> str | None:
        objects = by_subject.get(subject or "", {}).get(prop)
        return str(min(o.value for o in objects)) if objects else None

    def types(subject: str) -> set[str]:
        return {str(o.value) for o in by_subject[subject].get(t.RDF_TYPE, [])}

    doc = next(s for s in by_subject if t.PKG_POLICY_DOCUMENT in types(s))
    from graph import iris

    out = DocumentEntries(doc=doc, graph=iris.document_graph(doc))
    out.sha256 = one(doc, t.PKG_SHA256)
    text = one(doc, t.PKG_TEXT) or ""
    out.title = one(doc, t.ELI_TITLE)
    out.level = (one(doc, t.PKG_LEVEL) or "unknown").rsplit("/", 1)[1]
    out.year = _year(one(doc, t.ELI_DATE_DOCUMENT) or one(doc, t.ELI_DATE_PUBLICATION))
    doc_type = one(doc, t.ELI_TYPE_DOCUMENT)
    out.doc_type = DOCTYPE_LABELS.get(doc_type or "", None) if doc_type else None
    in_force = one(doc, t.ELI_IN_FORCE)
    out.in_force = None if in_force is None else in_force == t.ELI_IN_FORCE_YES
    region = one(doc, t.ELI_JURISDICTION)
    if region:
        chain = [region, *gazetteer.ancestors(region)]
        out.regions = [(r, _region_name(r, gazetteer, one(r, t.SKOS_PREF_LABEL))) for r in chain]
    issuers = sorted({str(o.value) for o in by_subject[doc].get(t.ELI_PASSED_BY, [])})
    out.issuers = [one(i, t.SKOS_PREF_LABEL) or i for i in issuers]

    for prop in (t.ELI_TITLE, t.PKG_PLAN_TITLE):
        for title in sorted({str(o.value) for o in by_subject[doc].get(prop, [])}):
            title_at = text.find(title)
            out.entries.append(
                Entry("document", doc, title, title, title_at if title_at >= 0 else None)
            )
    first_mention: dict[str, tuple[int, int]] = {}
    targets: list[Entry] = []
    for subject in sorted(by_subject, key=_fact_order):
        kinds = types(subject)
        if t.PKG_MEASURE in kinds:
            evidence = one(subject, t.PKG_EVIDENCE_PROP)
            sentence = one(evidence, t.PKG_SENTENCE)
            start = one(evidence, t.PKG_START)
            body = sentence or one(subject, t.PKG_TEXT) or one(subject, t.PKG_HEADING)
            if body:
                at = _slice_at(text, body, start) if sentence else None
                out.entries.append(Entry("measure", subject, one(subject, t.PKG_HEADING), body, at))
        elif t.PKG_TARGET in kinds:
            evidence = one(subject, t.PKG_EVIDENCE_PROP)
            sentence = one(evidence, t.PKG_SENTENCE)
            start = one(evidence, t.PKG_START)
            if sentence:
                label = one(subject, t.PKG_INDICATOR_LABEL)
                at = _slice_at(text, sentence, start)
                same = next((e for e in targets if (e.text, e.start) == (sentence, at)), None)
                if same is None:
                    targets.append(Entry("target", subject, label, sentence, at))
                elif label and label not in (same.label or ""):
                    # two indicators read from one sentence: one hit, both named
                    merged = f"{same.label}；{label}" if same.label else label
                    targets[targets.index(same)] = Entry("target", same.item, merged, sentence, at)
        elif t.PKG_AGENCY_ROLE in kinds:
            agency = one(subject, t.PKG_ROLE_AGENCY)
            evidence = one(subject, t.PKG_EVIDENCE_PROP)
            low, high = one(evidence, t.PKG_START), one(evidence, t.PKG_END)
            if agency and low is not None and high is not None:
                clause = (int(low), int(high))
                first_mention[agency] = min(first_mention.get(agency, clause), clause)
    out.entries += targets
    for agency in sorted(s for s in by_subject if t.PKG_AGENCY in types(s)):
        name = one(agency, t.SKOS_PREF_LABEL)
        if not name:
            continue
        raw = one(agency, t.PKG_RAW_NAME)
        # the reader is pointed at the full name as written, else at the first clause naming it
        name_at = text.find(name)
        span = (name_at, name_at + len(name)) if name_at >= 0 else first_mention.get(agency)
        if raw and raw != name:
            # both names are searchable (质监局 finds 江苏省质量技术监督局); not one slice
            out.entries.append(Entry("agency", agency, name, f"{name} {raw}", None, span))
        else:
            out.entries.append(
                Entry("agency", agency, name, name, name_at if name_at >= 0 else None, span)
            )
    return out


def _fact_order(iri: str) -> tuple[str, int]:
    """Facts in document order: ``…/measure/10`` after ``…/measure/9``."""
    head, _, tail = iri.rpartition("/")
    return (head, int(tail)) if tail.isdigit() else (iri, 0)


def _slice_at(text: str, sentence: str, start: str | None) -> int | None:
    """Where ``sentence`` stands in the cleaned text: at its recorded start when it is the
    verbatim slice there, else its first occurrence, else None (offsets are never guessed).

    >>> _slice_at("甲。乙丙。", "乙丙", "2"), _slice_at("甲。乙丙。", "乙丙", "0"), _slice_at("甲", "乙", "0")
    (2, 2, None)
    """
    if start is not None and text[int(start) : int(start) + len(sentence)] == sentence:
        return int(start)
    at = text.find(sentence)
    return at if at >= 0 else None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _region_name(iri: str, gazetteer: Gazetteer, label: str | None) -> str | None:
    known = gazetteer.regions.get(iri)
    return known.name if known else label
