"""Measure alignment across levels: which measure of a lower document carries out which
measure of a higher one (``pkg:carriesOut``), and what the lower level copied, adapted, added
or left out (政策再生产 / 政策扩散, policy reproduction and diffusion).

A lower document *follows* a higher one when it implements it
(``eli:ensures_implementation_of``; further up the chain, links compose), or when, lying within the higher one's region, one of its
targets refines one of the higher document's targets (the cascade's own test, see
:mod:`graph.cascade`). For 镇江市's 2014 plan and 江苏省's 2012 plan the second holds: the city
never cites the province's plan, but its 江苏名牌 target refines the province's.

Similarity is the cosine of character-bigram TF-IDF vectors (IDF over the two documents'
measures, so the words both use in every measure, 加强 / 推进 / 质量, weigh little), plus a small bonus when both
measures name an owner of the same agency type (质监, 财政 …) and when both carry a target on the
same indicator concept. Kinds, per lower measure and higher document:

- ``copied``  — text cosine ≥ :data:`COPIED_MIN` (near-identical wording);
- ``adapted`` — combined score ≥ :data:`ADAPTED_MIN` (same task, reworded or re-scoped);
- ``added``   — no higher measure reaches :data:`ADAPTED_MIN` (``pkg:addedAgainst``);
- a higher measure no lower measure carries out is ``pkg:measureNotTakenUpBy`` the lower document.

Each link is a qualified ``pkg:Alignment`` node with the combined score, the text score (where
a bonus made them differ), the kind, and the shared agency types and indicators; both
sentences are the two measures' own evidence (exact sentences and offsets). Everything goes into one named graph,
:data:`ontology.terms.GRAPH_ALIGNMENT`, recomputed after every load.

Character bigrams rather than jieba words: bigrams need no dictionary, are blind to the
segmenter's errors on officialese (质量强市, 首席质量官), and measured better on the hand-aligned
seed chain (``scripts/eval_alignment.py``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.cascade import concept_followers, implementation_links
from graph.iris import document_graph
from graph.sparql import select, value
from graph.store import Store
from ontology import terms as t

#: text cosine from which a lower measure counts as copied from the higher one
COPIED_MIN = 0.8
#: combined score from which a lower measure counts as carrying out the higher one
ADAPTED_MIN = 0.15
#: a second or third counterpart is kept only within this distance of the best one
MARGIN = 0.05
#: at most this many higher measures per lower measure and higher document
MAX_COUNTERPARTS = 3
#: a measure's vector keeps its most distinctive bigrams only (by TF-IDF weight): long
#: measures otherwise cost most and gain little from their commonest words
MAX_GRAMS = 24
#: added to the text cosine when both measures have an owner of the same agency type
AGENCY_BONUS = 0.03
#: added to the text cosine when both measures carry a target on the same indicator
INDICATOR_BONUS = 0.1

#: The trailing ownership clause of a measure: (省质监局牵头,省财政厅参加), （XX等部门负责）.
#: It names agencies, not the task, and the lower level rarely repeats it, so it is left out
#: of the text compared (the agency types are compared on their own).
OWNERS_CLAUSE = re.compile(
    # (省质监局牵头,省财政厅参加) closing the item
    r"[(（][^()（）]*(?:牵头|负责|参加|配合)[^()（）]*[)）]\s*$"
    # [牵头单位:区卫健局;责任单位:…] or 〔责任单位:…〕 closing the item
    r"|[\[【［〔][^\]】］〕]*(?:牵头|负责|责任单位|配合)[^\]】］〕]*[\]】］〕]\s*[。.]?\s*$"
    # 牵头单位：市质监局 配合单位：… / 责任单位：… on the item's last lines
    r"|\n\s*(?:牵头|责任|配合|负责|协办|承办)(?:单位|部门)\s*[:：][^\n]*(?:\n[^\n]*)*$"
)


@dataclass(frozen=True)
class MeasureRow:
    """A stored measure with what alignment compares: its text, owner types and indicators."""

    iri: str
    doc: str
    path: str
    text: str
    owner_types: frozenset[str] = frozenset()
    indicators: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Link:
    """A lower measure carrying out a higher one, with its scores and kind."""

    lower: str
    higher: str
    kind: str
    score: float
    text_score: float
    shared_types: frozenset[str] = frozenset()
    shared_indicators: frozenset[str] = frozenset()


@dataclass
class PairAlignment:
    """The alignment of one lower document against one higher document."""

    lower_doc: str
    higher_doc: str
    links: list[Link] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    not_taken_up: list[str] = field(default_factory=list)


@dataclass
class AlignmentResult:
    """The alignment graph and counts for the load report."""

    #: the graph's statements as N-Quads (UTF-8)
    nquads: bytes = b""
    pairs: int = 0
    copied: int = 0
    adapted: int = 0
    added: int = 0
    not_taken_up: int = 0


def task_text(text: str) -> str:
    """The measure's text without its trailing ownership clause.

    >>> task_text("建立质量奖励制度。(省质监局牵头,省财政厅参加)")
    '建立质量奖励制度。'
    >>> task_text("推进标准化建设。\\n牵头单位：市质监局 配合单位：市商务局")
    '推进标准化建设。'
    """
    return OWNERS_CLAUSE.sub("", text.strip())


def bigrams(text: str) -> Counter[str]:
    """Character bigrams of the text's CJK, letter and digit runs (punctuation splits runs).

    >>> sorted(bigrams("推行首席质量官,制度"))
    ['制度', '席质', '推行', '行首', '质量', '量官', '首席']
    """
    grams: Counter[str] = Counter()
    for run in re.findall(r"[\w]+", text):
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


class Vectoriser:
    """TF-IDF over character bigrams, the IDF taken from a collection of measure texts.

    >>> v = Vectoriser(["加强质量教育", "加强名牌培育", "开展质量月活动"])
    >>> round(v.cosine(v.vector("加强质量教育"), v.vector("加强质量教育工作")), 2)
    0.72
    """

    def __init__(
        self,
        texts: list[str],
        grams: Callable[[str], Counter[str]] = bigrams,
        max_grams: int = MAX_GRAMS,
    ) -> None:
        self.grams = grams
        self.max_grams = max_grams
        self._cache: dict[str, Counter[str]] = {}
        frequency: Counter[str] = Counter()
        for text in texts:
            frequency.update(self._grams(text).keys())
        total = len(texts)
        # smoothed IDF (as scikit-learn's default): unseen bigrams weigh most
        self.idf = {g: math.log((1 + total) / (1 + n)) + 1 for g, n in frequency.items()}
        self.unseen = math.log(1 + total) + 1

    def vector(self, text: str) -> dict[str, float]:
        """The unit-length TF-IDF vector of a text (empty for a text without bigrams)."""
        idf, unseen = self.idf, self.unseen
        weights = {g: n * idf.get(g, unseen) for g, n in self._grams(text).items()}
        if len(weights) > self.max_grams:
            kept = sorted(weights.items(), key=lambda x: (-x[1], x[0]))[: self.max_grams]
            weights = dict(kept)
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {g: w / norm for g, w in weights.items()} if norm else {}

    def _grams(self, text: str) -> Counter[str]:
        # each text is cut twice (document frequencies, then its vector): cut it once
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.grams(text)
        return found

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        """Cosine of two unit vectors."""
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(g, 0.0) for g, w in a.items())


Postings = dict[str, list[tuple[int, float]]]


def postings(measures: list[MeasureRow], vectors: dict[str, dict[str, float]]) -> Postings:
    """An inverted index of one document's measures: bigram → (measure index, weight)."""
    index: Postings = defaultdict(list)
    for position, measure in enumerate(measures):
        for gram, weight in vectors[measure.iri].items():
            index[gram].append((position, weight))
    return index


def align_pair(
    lower: list[MeasureRow],
    higher: list[MeasureRow],
    vectors: dict[str, dict[str, float]],
    *,
    adapted_min: float = ADAPTED_MIN,
    higher_index: Postings | None = None,
) -> tuple[list[Link], list[str], list[str]]:
    """Links from the lower document's measures to the higher one's, the lower measures
    added (no counterpart) and the higher measures not taken up.

    The cosines of one lower measure against all higher measures come from the higher
    document's inverted index (only shared bigrams cost anything), which is what keeps
    alignment cheap at 10,000 documents.
    """
    index = higher_index if higher_index is not None else postings(higher, vectors)
    links: list[Link] = []
    added: list[str] = []
    taken: set[str] = set()
    for low in lower:
        cosines = [0.0] * len(higher)
        for gram, weight in vectors[low.iri].items():
            for position, other in index.get(gram, ()):
                cosines[position] += weight * other
        scored = []
        for position, high in enumerate(higher):
            text_score = cosines[position]
            types = low.owner_types & high.owner_types
            indicators = low.indicators & high.indicators
            score = (
                text_score
                + (AGENCY_BONUS if types else 0.0)
                + (INDICATOR_BONUS if indicators else 0.0)
            )
            if score >= adapted_min:
                scored.append((score, text_score, high, types, indicators))
        if not scored:
            added.append(low.iri)
            continue
        scored.sort(key=lambda x: (-x[0], x[2].iri))
        best = scored[0][0]
        for score, text_score, high, types, indicators in scored[:MAX_COUNTERPARTS]:
            if score < best - MARGIN:
                break
            kind = "copied" if text_score >= COPIED_MIN else "adapted"
            links.append(
                Link(low.iri, high.iri, kind, score, text_score, frozenset(types), indicators)
            )
            taken.add(high.iri)
    not_taken_up = [h.iri for h in higher if h.iri not in taken]
    return links, added, not_taken_up


def _doc_of(fact: str, kind: str) -> str:
    """The document of a fact IRI (``<doc>/measure/3`` → ``<doc>``, see graph.iris.fact_iri):
    reading it from the IRI saves a join per fact, which on disk at 10,000 documents cost
    seconds."""
    return fact.rsplit(f"/{kind}/", 1)[0]


def stored_measures(
    store: Store, *, with_paths: bool = False, docs: set[str] | None = None
) -> list[MeasureRow]:
    """Every measure with its owner types and target indicators (``with_paths``: also their
    numbering paths, for reports; alignment itself does not need them; ``docs``: only the
    measures of these documents).

    Measures and targets live only in the documents' graphs, and their documents are in
    their IRIs: each query joins inside one graph (``GRAPH ?g``), which at 10,000 documents
    on disk took 8 s where the same joins over the union of graphs took 15 s.
    """
    only = ""
    if docs is not None:
        if not docs:
            return []
        only = "VALUES ?g { " + " ".join(f"<{document_graph(d)}>" for d in sorted(docs)) + " }"
    rows = select(
        store,
        "SELECT ?m ?text ?start ?end WHERE { "
        + only
        + """ GRAPH ?g {
              ?m a pkg:Measure ; pkg:text ?text ; pkg:evidence ?ev . ?ev pkg:start ?start ; pkg:end ?end } }""",
    )
    paths: dict[str, str] = {}
    if with_paths:
        for row in select(
            store, "SELECT ?m ?path WHERE { ?m a pkg:Measure ; pkg:sectionPath ?path }"
        ):
            paths[str(value(row["m"]))] = str(value(row["path"]))
    owners: dict[str, set[str]] = defaultdict(set)
    for row in select(
        store,
        "SELECT ?m ?type WHERE { "
        + only
        + """ GRAPH ?g {
              { ?m pkg:leadAgency ?a } UNION { ?m pkg:responsibleAgency ?a }
              ?a org:classification ?type } }""",
    ):
        owners[str(value(row["m"]))].add(str(value(row["type"])))
    targets: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in select(
        store,
        "SELECT ?t ?concept ?start WHERE { "
        + only
        + """ GRAPH ?g {
              ?t pkg:indicator ?concept ; pkg:evidence ?ev . ?ev pkg:start ?start } }""",
    ):
        targets[_doc_of(str(value(row["t"])), "target")].append(
            (int(str(value(row["start"]))), str(value(row["concept"])))
        )
    measures = []
    for row in rows:
        iri = str(value(row["m"]))
        doc = _doc_of(iri, "measure")
        start, end = int(str(value(row["start"]))), int(str(value(row["end"])))
        measures.append(
            MeasureRow(
                iri=iri,
                doc=doc,
                path=paths.get(iri, ""),
                text=str(value(row["text"])),
                owner_types=frozenset(owners.get(iri, ())),
                # a target belongs to the measure whose text holds its sentence
                indicators=frozenset(c for at, c in targets.get(doc, ()) if start <= at < end),
            )
        )
    return sorted(measures, key=lambda m: (m.doc, _path_key(m.iri)))


def _path_key(iri: str) -> tuple[int, str]:
    tail = iri.rsplit("/", 1)[-1]
    return (int(tail), iri) if tail.isdigit() else (0, iri)


def follower_pairs(store: Store, docs_with_measures: set[str]) -> list[tuple[str, str]]:
    """(lower document, higher document) pairs to align: the lower implements the higher
    (``eli:ensures_implementation_of``) or one of its targets could refine one of the higher's
    by the cascade's test, the higher document's repeal aside (see
    :func:`graph.cascade.concept_followers`).

    Only the nearest links of a chain are aligned: a town measure carrying out a county
    measure that carries out a province measure reaches it through ``pkg:carriesOut+`` (the
    ``measure_fate`` query follows it). Aligning every pair of the closure as well took a
    third more time at 10,000 documents for links the chain already gives.
    """
    return pairs_to_align(implementation_links(store), concept_followers(store), docs_with_measures)


def documents_with_measures(store: Store) -> set[str]:
    """The documents that have at least one measure (the ones alignment pairs up; the
    measures as :func:`stored_measures` reads them)."""
    rows = select(
        store,
        """SELECT DISTINCT ?g WHERE { GRAPH ?g {
              ?m a pkg:Measure ; pkg:text ?text ; pkg:evidence ?ev . ?ev pkg:start ?start ; pkg:end ?end } }""",
    )
    return {_doc_of_graph(str(value(row["g"]))) for row in rows}


def _doc_of_graph(graph: str) -> str:
    return t.DOC_BASE + graph.removeprefix(t.GRAPH_BASE + "doc/")


def pairs_to_align(
    implementations: set[tuple[str, str]],
    followers: set[tuple[str, str]],
    docs_with_measures: set[str],
) -> list[tuple[str, str]]:
    """:func:`follower_pairs` over links already read."""
    pairs = implementations | followers
    return sorted(
        (low, high)
        for low, high in pairs
        if low != high and low in docs_with_measures and high in docs_with_measures
    )


def align_documents(
    measures: list[MeasureRow],
    pairs: list[tuple[str, str]],
    *,
    adapted_min: float = ADAPTED_MIN,
    grams: Callable[[str], Counter[str]] | None = None,
) -> list[PairAlignment]:
    """Align every (lower, higher) pair of documents over the given measures (``grams``:
    another way to cut texts into features, for the evaluation script).

    The IDF of each pair is taken over the two documents' measures, as the side-by-side
    comparison (:mod:`graph.compare`) does: the words both plans use everywhere weigh little,
    and a pair's links depend on its two documents only, so loading a document re-aligns
    the pairs it takes part in and nothing else.
    """
    cut = grams or bigrams
    cache: dict[str, Counter[str]] = {}

    def cached(text: str) -> Counter[str]:
        found = cache.get(text)
        if found is None:
            found = cache[text] = cut(text)
        return found

    involved = {d for pair in pairs for d in pair}
    by_doc: dict[str, list[MeasureRow]] = defaultdict(list)
    for measure in measures:
        if measure.doc in involved:
            by_doc[measure.doc].append(measure)
    aligned = []
    for low, high in pairs:
        both = by_doc[low] + by_doc[high]
        vectoriser = Vectoriser([task_text(m.text) for m in both], grams=cached)
        vectors = {m.iri: vectoriser.vector(task_text(m.text)) for m in both}
        links, added, not_taken_up = align_pair(
            by_doc[low], by_doc[high], vectors, adapted_min=adapted_min
        )
        aligned.append(PairAlignment(low, high, links, added, not_taken_up))
    return aligned


def compute_alignment(
    store: Store, links: tuple[set[tuple[str, str]], set[tuple[str, str]]] | None = None
) -> AlignmentResult:
    """The alignment graph (as N-Quads in :data:`ontology.terms.GRAPH_ALIGNMENT`) for every
    follower pair of loaded documents with measures (``links``: the implementation links and
    concept followers, when the caller has read them already)."""
    measures = stored_measures(store)
    with_measures = {m.doc for m in measures}
    pairs = (
        follower_pairs(store, with_measures)
        if links is None
        else pairs_to_align(*links, with_measures)
    )
    result = AlignmentResult(pairs=len(pairs))
    lines = alignment_statements(align_documents(measures, pairs), result)
    # N-Quads text, bulk-loaded: building 750,000 pyoxigraph triples at 10,000 documents cost
    # more than computing the alignment (every IRI here is a stored, already valid IRI)
    graph = f"<{t.GRAPH_ALIGNMENT}> .\n"
    result.nquads = "".join(line + graph for line in lines).encode("utf-8")
    return result


def alignment_statements(
    aligned: list[PairAlignment], counts: AlignmentResult | None = None
) -> list[str]:
    """The statements of the alignment graph for these pairs (N-Triples without the final
    dot); each statement belongs to exactly one pair, so a pair's can be removed alone."""
    added_p, not_taken_p = f"<{t.PKG_ADDED_AGAINST}>", f"<{t.PKG_MEASURE_NOT_TAKEN_UP_BY}>"
    counts = counts if counts is not None else AlignmentResult()
    lines: list[str] = []
    for pair in aligned:
        for link in pair.links:
            lines += _link_statements(link)
            if link.kind == "copied":
                counts.copied += 1
            else:
                counts.adapted += 1
        higher_doc, lower_doc = f"<{pair.higher_doc}>", f"<{pair.lower_doc}>"
        lines += [f"<{lower}> {added_p} {higher_doc} " for lower in pair.added]
        lines += [f"<{higher}> {not_taken_p} {lower_doc} " for higher in pair.not_taken_up]
        counts.added += len(pair.added)
        counts.not_taken_up += len(pair.not_taken_up)
    return lines


_XSD_DECIMAL = f"^^<{t.XSD}decimal>"


def _link_statements(link: Link) -> list[str]:
    """The link and its qualified node, as N-Triples statements without the final dot.

    Kept small (a million triples at 10,000 documents): both sentences are the measures' own
    evidence (``pkg:evidence`` of each measure), and the text similarity is written only where
    a bonus made the score differ from it.
    """
    node = f"<{alignment_iri(link.lower, link.higher)}>"
    lower, higher = f"<{link.lower}>", f"<{link.higher}>"
    score, text_score = round(link.score, 4), round(link.text_score, 4)
    out = [
        f"{lower} <{t.PKG_CARRIES_OUT}> {higher} ",
        f"{node} <{t.RDF_TYPE}> <{t.PKG_ALIGNMENT}> ",
        f"{node} <{t.PKG_LOWER_MEASURE}> {lower} ",
        f"{node} <{t.PKG_HIGHER_MEASURE}> {higher} ",
        f'{node} <{t.PKG_ALIGNMENT_KIND}> "{link.kind}" ',
        f'{node} <{t.PKG_SIMILARITY}> "{score}"{_XSD_DECIMAL} ',
    ]
    if text_score != score:
        out.append(f'{node} <{t.PKG_TEXT_SIMILARITY}> "{text_score}"{_XSD_DECIMAL} ')
    out += [f"{node} <{t.PKG_SHARED_AGENCY_TYPE}> <{c}> " for c in sorted(link.shared_types)]
    out += [f"{node} <{t.PKG_SHARED_INDICATOR}> <{c}> " for c in sorted(link.shared_indicators)]
    return out


def alignment_iri(lower: str, higher: str) -> str:
    """IRI of the qualified link: the lower measure's, a stable hash of the higher one's.

    >>> alignment_iri("https://w3id.org/policykg/doc/a/measure/1", "x")[-40:]
    'a/measure/1/carries-out/11f6ad8ec52a2984'
    """
    digest = hashlib.sha1(higher.encode("utf-8")).hexdigest()[:16]
    return f"{lower}/carries-out/{digest}"
