"""Policy instruments (政策工具) of each measure: which tools of government a measure uses,
after Rothwell & Zegveld's supply / environment / demand typology (供给型 / 环境型 / 需求型) with
the sub-types of Chinese policy-instrument studies (资金投入, 法规管制, 示范推广 …).

The coder is a lexicon and two rules, so every code can be checked against the words that
decided it:

1. a sub-type applies when one of its cue words (``graph/instruments.tsv``, one cue a line,
   each with the real example it was written for) occurs in the measure's task text, unless
   the cue's own ``unless`` context matches around it (卓越绩效 *评价准则* is a standard, not an
   evaluation);
2. the trailing ownership clause (``(省财政厅、质监局负责)``, ``（负责部门：商务部）``) is not
   read: it names agencies, and 财政厅 owning a task does not make the task a funding one.

A measure may carry several instruments; one without any cue is ``unclassified`` (the coder
never guesses). The side of each sub-type is its ``skos:broader`` concept in
``ontology/schemes/instruments.json``.

In the graph (named graph :data:`ontology.terms.GRAPH_INSTRUMENTS`, rebuilt after every load):
``measure pkg:usesInstrument concept`` for queries, and a qualified ``pkg:InstrumentCoding``
node per measure and instrument with one ``pkg:cue`` literal per cue word found, the word and its
offsets into the measure's text (``"经费@119-121"``).

>>> [c.instrument for c in code_measure("在每年财政预算中,安排一定的质量奖优经费")]
['funding', 'evaluation']
>>> code_measure("公安部门有关户籍人口基本信息")[0].instrument
'unclassified'
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.alignment import OWNERS_CLAUSE
from graph.sparql import select, value
from graph.store import Store
from ontology import terms as t
from ontology.schemes import SCHEME_DIR as SCHEMES_DIR

LEXICON_PATH = Path(__file__).resolve().parent / "instruments.tsv"
SCHEME_PATH = SCHEMES_DIR / "instruments.json"
UNCLASSIFIED = "unclassified"
SIDES = ("supply", "environment", "demand")
#: characters either side of a cue that its ``unless`` expression sees
CONTEXT = 8


class LexiconError(ValueError):
    """The instrument lexicon names an instrument the scheme does not know, or a bad pattern."""


@dataclass(frozen=True)
class Cue:
    """One cue word found in a measure: the word and its offsets into the measure's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Coding:
    """One instrument a measure uses, with the cues that decided it (none for unclassified)."""

    instrument: str
    cues: tuple[Cue, ...] = ()

    @property
    def side(self) -> str | None:
        """supply / environment / demand (None for unclassified)."""
        return side_of(self.instrument)


@dataclass(frozen=True)
class Rule:
    """A lexicon line: a cue word for an instrument, and the context that cancels it."""

    instrument: str
    cue: str
    unless: re.Pattern[str] | None = None


@dataclass
class InstrumentResult:
    """The instrument graph of a load, as N-Quads, with counts for the report."""

    measures: int = 0
    unclassified: int = 0
    codings: int = 0
    nquads: bytes = b""
    by_instrument: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def scheme() -> dict[str, dict[str, str | None]]:
    """Instrument concepts by id: ``zh``, ``en`` labels and ``side`` (the broader concept)."""
    data = json.loads(SCHEME_PATH.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str | None]] = {}
    for item in data["concepts"]:
        out[item["id"]] = {
            "zh": item["prefLabel"]["zh"],
            "en": item["prefLabel"]["en"],
            "side": item.get("broader"),
        }
    return out


def side_of(instrument: str) -> str | None:
    """The side (supply / environment / demand) a sub-type belongs to.

    >>> side_of("procurement"), side_of("unclassified")
    ('demand', None)
    """
    return scheme().get(instrument, {}).get("side")


def sub_types() -> list[str]:
    """Sub-type ids in the scheme's order (sides and unclassified left out)."""
    return [k for k, v in scheme().items() if v["side"]]


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON_PATH) -> tuple[Rule, ...]:
    """The cue rules, longest cue first (so 监督抽查 is read before 抽查 at the same place)."""
    known = set(sub_types())
    rules = []
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            if row["instrument"] not in known:
                raise LexiconError(f"{path.name}: unknown instrument {row['instrument']!r}")
            try:
                unless = re.compile(row["unless"]) if row.get("unless") else None
            except re.error as exc:
                raise LexiconError(f"{path.name}: bad unless for {row['cue']!r}: {exc}") from exc
            rules.append(Rule(row["instrument"], row["cue"], unless))
    return tuple(sorted(rules, key=lambda r: -len(r.cue)))


def task_end(text: str) -> int:
    """Where the task ends: before a trailing ownership clause, if there is one.

    >>> task_end("加强质量教育。(省教育厅、质监局负责)")
    7
    """
    match = OWNERS_CLAUSE.search(text)
    return match.start() if match else len(text)


def code_measure(text: str, rules: tuple[Rule, ...] | None = None) -> list[Coding]:
    """The instruments of one measure, in the scheme's order, each with its cues."""
    rules = rules if rules is not None else lexicon()
    end = task_end(text)
    task = text[:end]
    hits: dict[str, list[Cue]] = {}
    taken: dict[str, list[tuple[int, int]]] = {}
    for rule in rules:
        if rule.cue not in task:  # a substring test first: most of 211 cues are absent
            continue
        for match in re.finditer(re.escape(rule.cue), task):
            start, stop = match.span()
            if rule.unless is not None:
                window = task[max(0, start - CONTEXT) : stop + CONTEXT]
                if rule.unless.search(window):
                    continue
            spans = taken.setdefault(rule.instrument, [])
            if any(start < b and a < stop for a, b in spans):
                continue  # inside a longer cue of the same instrument
            spans.append((start, stop))
            hits.setdefault(rule.instrument, []).append(Cue(rule.cue, start, stop))
    if not hits:
        return [Coding(UNCLASSIFIED)]
    order = {name: i for i, name in enumerate(sub_types())}
    return [
        Coding(name, tuple(sorted(cues, key=lambda c: c.start)))
        for name, cues in sorted(hits.items(), key=lambda kv: order[kv[0]])
    ]


def coding_iri(measure: str, instrument: str) -> str:
    """IRI of the qualified coding node of a measure and instrument.

    >>> coding_iri("https://w3id.org/policykg/doc/a/measure/1", "funding")
    'https://w3id.org/policykg/doc/a/measure/1/instrument/funding'
    """
    return f"{measure}/instrument/{instrument}"


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def cue_label(cue: Cue) -> str:
    """A cue as stored: the word and its offsets into the measure's text.

    >>> cue_label(Cue("经费", 119, 121))
    '经费@119-121'
    """
    return f"{cue.text}@{cue.start}-{cue.end}"


def coding_statements(measure: str, codings: list[Coding]) -> list[str]:
    """N-Triples statements (without the final dot) for one measure's codings."""
    out = []
    for coding in codings:
        concept = f"<{t.instrument_concept(coding.instrument)}>"
        node = f"<{coding_iri(measure, coding.instrument)}>"
        out += [
            f"<{measure}> <{t.PKG_USES_INSTRUMENT}> {concept} ",
            f"{node} <{t.RDF_TYPE}> <{t.PKG_INSTRUMENT_CODING}> ",
            f"{node} <{t.PKG_CODED_MEASURE}> <{measure}> ",
            f"{node} <{t.PKG_INSTRUMENT}> {concept} ",
        ]
        # one literal per cue, "经费@119-121": a node per cue (text, start, end) made the
        # instrument graph three times larger and its bulk write cost five times the coding
        out += [f"{node} <{t.PKG_CUE}> {_literal(cue_label(cue))} " for cue in coding.cues]
    return out


def compute_instruments(store: Store, graphs: Iterable[str] | None = None) -> InstrumentResult:
    """Code every stored measure (or those in ``graphs``, documents' named graphs); the
    statements go to :data:`ontology.terms.GRAPH_INSTRUMENTS`."""
    result = InstrumentResult()
    lines: list[str] = []
    scope = ""
    if graphs is not None:
        scope = "VALUES ?g { " + " ".join(f"<{g}>" for g in sorted(graphs)) + " } "
    rows = select(
        store,
        f"SELECT ?m ?text WHERE {{ {scope}GRAPH ?g {{ ?m a pkg:Measure ; pkg:text ?text }} }}",
    )
    for row in rows:
        measure, text = str(value(row["m"])), str(value(row["text"]))
        codings = code_measure(text)
        result.measures += 1
        for coding in codings:
            result.by_instrument[coding.instrument] = (
                result.by_instrument.get(coding.instrument, 0) + 1
            )
        if codings[0].instrument == UNCLASSIFIED:
            result.unclassified += 1
        result.codings += len(codings)
        lines += coding_statements(measure, codings)
    graph = f"<{t.GRAPH_INSTRUMENTS}> .\n"
    result.nquads = "".join(line + graph for line in lines).encode("utf-8")
    return result


def code_instruments(store: Store, added_graphs: Iterable[str] | None = None) -> InstrumentResult:
    """Load hook: rebuild the instrument graph from the measures stored, or, after an
    incremental load, add the codes of the measures in ``added_graphs`` only (a measure's code
    depends on its own text alone, so the result is the one a rebuild gives)."""
    result = compute_instruments(store, added_graphs)
    if added_graphs is None:
        store.drop_graph(t.GRAPH_INSTRUMENTS)
    if result.nquads:
        store.insert_nquads(result.nquads)
    return result
