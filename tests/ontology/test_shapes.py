"""SHACL shapes catch broken facts and pass well-formed ones, from a graph or from a store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.stores import open_store
from graph.validation import validate
from ontology import terms as t

PREFIXES = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in t.PREFIXES.items())
DOC = f"<{t.DOC_BASE}su-zhengbanfa-2012-123>"
HASH = "0123456789abcdef" * 4
TEXT = "一、主要目标。到2015年，产品质量合格率稳定在90%以上，增长速度高于全区平均水平。"


def document(extra: str = "") -> str:
    return f"""{PREFIXES}
{DOC} a pkg:PolicyDocument ; eli:title "江苏省质量强省行动计划"@zh ; pkg:sha256 "{HASH}" ;
    pkg:text "{TEXT}"@zh ; pkg:level <{t.level_concept("province")}> {extra} .
"""


def target(
    node: str,
    body: str,
    sentence: str = "到2015年，产品质量合格率稳定在90%以上，增长速度高于全区平均水平。",
    mention: str = "合格率稳定在90%以上",
    start: int | None = None,
) -> str:
    """A target node whose evidence points at ``mention`` inside ``sentence`` (or at ``start``)."""
    start = TEXT.index(mention) if start is None else start
    end = start + len(mention)
    return f"""
<{t.TARGET_BASE}{node}> a pkg:Target ; pkg:targetOf {DOC} ; prov:wasDerivedFrom {DOC} ;
    pkg:evidence <{t.TARGET_BASE}{node}/evidence> ; {body} .
<{t.TARGET_BASE}{node}/evidence> a pkg:Evidence ; pkg:sentence "{sentence}"@zh ;
    prov:wasDerivedFrom {DOC} ; pkg:start {start} ; pkg:end {end} .
"""


GOOD_TARGET = target(
    "good",
    f"""pkg:indicator <{t.indicator_concept("product-quality-pass-rate")}> ;
    pkg:indicatorLabel "产品质量合格率"@zh ; pkg:comparator ">=" ;
    sdmx-measure:obsValue 90.0 ; pkg:unit "%" ; sdmx-dimension:refPeriod "2015"^^xsd:gYear""",
)
RELATIVE_TARGET = target(
    "relative",
    'pkg:indicatorLabel "增长速度"@zh ; pkg:comparator "relative"',
    mention="高于全区平均水平",
)


def parse(*parts: str) -> Graph:
    return Graph().parse(data="\n".join(parts), format="turtle")


def test_a_good_document_with_targets_conforms() -> None:
    report = validate(parse(document(), GOOD_TARGET, RELATIVE_TARGET))
    assert report.conforms, "\n".join(report.lines())


def test_a_target_without_indicator_is_a_violation_naming_it() -> None:
    broken = target("broken", 'pkg:comparator ">=" ; sdmx-measure:obsValue 90.0')
    report = validate(parse(document(), GOOD_TARGET, broken))
    assert not report.conforms
    lines = [r.line() for r in report.violations]
    assert any("target:broken" in line and "indicator" in line for line in lines), lines
    assert all("target:good" not in line for line in lines)


def test_a_target_without_value_needs_a_relative_comparator() -> None:
    broken = target("novalue", 'pkg:indicatorLabel "合格率"@zh ; pkg:comparator ">="')
    report = validate(parse(document(), broken))
    assert [r.focus_node for r in report.violations] == [t.TARGET_BASE + "novalue"]
    assert "unless its comparator is relative" in report.violations[0].message


def test_evidence_offsets_must_agree_with_the_sentence() -> None:
    body = 'pkg:indicatorLabel "合格率"@zh ; pkg:comparator "relative"'
    assert validate(parse(document(), target("offsets", body))).conforms
    shifted = target("offsets", body, start=2)  # "主要目标。…" is not in the sentence
    report = validate(parse(document(), shifted))
    assert [r.focus_node for r in report.violations] == [t.TARGET_BASE + "offsets/evidence"]
    assert "offsets do not point into the sentence" in report.violations[0].message


def test_a_document_without_level_or_title_is_reported() -> None:
    report = validate(
        parse(f'{PREFIXES}\n{DOC} a pkg:PolicyDocument ; eli:id_local "苏政办发〔2012〕123号" .')
    )
    assert [r.focus_node for r in report.violations] == [DOC.strip("<>")]
    assert "level" in report.violations[0].message


def test_an_external_document_needs_only_a_title_or_number() -> None:
    data = f'{PREFIXES}\n{DOC} a pkg:PolicyDocument, pkg:ExternalDocument ; eli:title "质量发展纲要(2011—2020年)"@zh .'
    assert validate(parse(data)).conforms


MEASURE = f"<{t.MEASURE_BASE}m1>"


def measure(agency_type: str) -> str:
    return f"""
{MEASURE} a pkg:Measure ; eli:is_part_of {DOC} ; pkg:sectionPath "三.(一).2" ;
    prov:wasDerivedFrom {DOC} ; pkg:evidence <{t.MEASURE_BASE}m1/evidence> ;
    pkg:leadAgency <{t.AGENCY_BASE}320000/quality-supervision> .
<{t.MEASURE_BASE}m1/evidence> a pkg:Evidence ; pkg:sentence "建立质量奖励制度"@zh ; pkg:start 100 ; pkg:end 108 .
<{t.AGENCY_BASE}320000/quality-supervision> a {agency_type} ; skos:prefLabel "江苏省质量技术监督局"@zh .
"""


@pytest.mark.parametrize(("agency_type", "conforms"), [("pkg:Agency", True), ("pkg:Region", False)])
def test_agency_roles_point_at_organizations(agency_type: str, conforms: bool) -> None:
    report = validate(parse(document(), measure(agency_type)))
    assert report.conforms is conforms, "\n".join(report.lines())


def test_a_measure_without_agency_is_only_an_info() -> None:
    data = measure("pkg:Agency").replace(
        f"pkg:leadAgency <{t.AGENCY_BASE}320000/quality-supervision> .", "."
    )
    data = data.replace(f"{MEASURE} a", f"{MEASURE} a").replace(" ;\n     .", " .")
    report = validate(parse(document(), data))
    assert report.conforms, "\n".join(report.lines())
    assert [r.severity for r in report.results] == ["Info"]


def test_validate_reads_a_store() -> None:
    store = open_store("memory:")
    graph = parse(document(), target("broken", 'pkg:comparator ">=" ; sdmx-measure:obsValue 1.0'))
    quads = ox.parse(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    store.replace_graph(
        t.GRAPH_BASE + "doc/x", [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    )
    report = validate(store)
    assert report.triples == len(graph)
    assert any("target:broken" in line for line in report.lines())
