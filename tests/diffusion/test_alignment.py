"""Measure alignment on the seed chain (江苏省 2012 → 镇江市 2014, 嘉泽镇 2016), as a researcher
reads it: which city measure carries out which province measure, with both sentences."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from graph.alignment import MeasureRow, Vectoriser, align_pair, task_text
from graph.load import graph_triples, load_paths
from graph.queries import run
from graph.sparql import select, value
from graph.store import Store
from graph.stores import open_store
from ontology import terms
from tests.diffusion.conftest import JIANGSU, JIAZE, ZHENJIANG

PROVINCE = terms.DOC_BASE + JIANGSU


def _by_path(rows: list[dict], key: str = "path") -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row[key], []).append(row)
    return found


def test_the_city_chief_quality_officer_measure_carries_out_the_provinces(
    seed_store: Store,
) -> None:
    rows = run(seed_store, "measure_alignment", doc=ZHENJIANG, higher=JIANGSU)
    links = [r for r in rows if r["kind"] in ("copied", "adapted") and r["path"] == "二.(六).5"]
    assert [(r["higherPath"], r["kind"]) for r in links] == [("二.(二).1", "adapted")]
    link = links[0]
    # both sentences, exactly as in the two documents
    assert link["sentence"] == "在省级以上名牌企业,推行“首席质量官”制度,推进现代企业制度建设。"
    assert link["higherSentence"].startswith(
        "推行“首席质量官”制度。制定出台推行首席质量官制度的实施意见"
    )
    assert 0.3 < float(link["score"]) < 0.8  # reworded and re-scoped, not copied


def test_the_city_follows_the_province_through_the_cascade_and_the_town_too(
    seed_store: Store,
) -> None:
    # neither cites the province plan; both refine its 江苏名牌 target
    for doc in (ZHENJIANG, JIAZE):
        rows = run(seed_store, "measure_alignment", doc=doc)
        assert {r["higherDoc"] for r in rows} == {PROVINCE}, doc


def test_a_city_measure_without_counterpart_is_added(seed_store: Store) -> None:
    rows = _by_path(run(seed_store, "measure_alignment", doc=ZHENJIANG, higher=JIANGSU))
    # 重大研发平台建设: research platforms, nothing like it in the province's 2012 plan
    assert [r["kind"] for r in rows["二.(三).2"]] == ["added"]
    assert rows["二.(三).2"][0]["sentence"].startswith("重大研发平台建设。")


def test_a_province_measure_nobody_carried_out_is_not_taken_up(seed_store: Store) -> None:
    measure = PROVINCE + "/measure/13"  # 二.(三).5 开展产品伤害监测研究
    fate = run(seed_store, "measure_fate", measure=measure)
    assert {r["kind"] for r in fate} == {"not_taken_up"}
    assert {r["lowerDoc"] for r in fate} == {terms.DOC_BASE + ZHENJIANG, terms.DOC_BASE + JIAZE}


def test_the_fate_of_the_famous_brand_measure_across_city_and_town(seed_store: Store) -> None:
    fate = run(seed_store, "measure_fate", measure=PROVINCE + "/measure/17")  # 加强名牌培育工作
    carried = {
        (r["lowerDoc"].rsplit("/", 1)[1], r["lowerPath"]) for r in fate if r["kind"] == "adapted"
    }
    assert (JIAZE, "四.2") in carried  # 推进名牌战略的全面实施
    assert all(r["level"] in ("city", "town") for r in fate)


def test_each_link_is_a_qualified_alignment_with_kind_and_score(seed_store: Store) -> None:
    rows = select(
        seed_store,
        f"""SELECT ?a ?low ?high ?kind ?score ?text ?lowSentence ?highSentence WHERE {{
              GRAPH <{terms.GRAPH_ALIGNMENT}> {{
                ?low pkg:carriesOut ?high .
                ?a a pkg:Alignment ; pkg:lowerMeasure ?low ; pkg:higherMeasure ?high ;
                   pkg:alignmentKind ?kind ; pkg:similarity ?score .
                OPTIONAL {{ ?a pkg:textSimilarity ?text }} }}
              ?low pkg:evidence/pkg:sentence ?lowSentence .
              ?high pkg:evidence/pkg:sentence ?highSentence }}""",
    )
    assert len(rows) >= 20
    for row in rows:
        assert str(value(row["kind"])) in terms.ALIGNMENT_KINDS
        if row["text"] is not None:  # written only where a bonus lifted the score
            assert float(str(value(row["score"]))) > float(str(value(row["text"])))
    plain = select(
        seed_store,
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{terms.GRAPH_ALIGNMENT}> {{ ?l pkg:carriesOut ?h }} }}",
    )
    assert int(str(value(plain[0]["n"]))) == len(rows)


def test_the_terms_are_in_the_ontology_with_english_and_chinese_labels(seed_store: Store) -> None:
    rows = select(
        seed_store,
        f"""SELECT ?term (GROUP_CONCAT(LANG(?label)) AS ?langs) WHERE {{
              GRAPH <{terms.GRAPH_ONTOLOGY}> {{ ?term rdfs:label ?label }}
              VALUES ?term {{ <{terms.PKG_CARRIES_OUT}> <{terms.PKG_ALIGNMENT}> <{terms.PKG_ALIGNMENT_KIND}>
                             <{terms.PKG_ADDED_AGAINST}> <{terms.PKG_MEASURE_NOT_TAKEN_UP_BY}> }} }}
            GROUP BY ?term""",
    )
    assert len(rows) == 5
    assert all(set(str(value(r["langs"])).split()) == {"en", "zh"} for r in rows)


def test_loading_again_gives_the_same_alignment_graph(tmp_path: Path) -> None:
    from tests.conftest import SEED_DIR

    store = open_store("memory:")
    load_paths(store, sorted(SEED_DIR.glob("*.txt")))
    first = graph_triples(store, terms.GRAPH_ALIGNMENT)
    load_paths(store, sorted(SEED_DIR.glob("*.txt")))
    assert first and graph_triples(store, terms.GRAPH_ALIGNMENT) == first


def test_a_generated_city_plan_repeating_a_national_measure_is_copied(generated_dir: Path) -> None:
    store = open_store("memory:")
    report = load_paths(store, [generated_dir])
    assert report.measures_copied > 0
    rows = select(
        store,
        """SELECT ?lowText ?highText ?text WHERE {
             ?a pkg:alignmentKind "copied" ; pkg:lowerMeasure ?low ; pkg:higherMeasure ?high ;
                pkg:textSimilarity ?text .
             ?low pkg:text ?lowText . ?high pkg:text ?highText }""",
    )
    assert rows
    for row in rows:
        low, high = task_text(str(value(row["lowText"]))), task_text(str(value(row["highText"])))
        assert float(str(value(row["text"]))) >= 0.8
        # near-identical: the higher task repeated with at most a word changed (a lower level
        # writes 市 where the higher one wrote 省 or 国, as real copies do), owners aside
        assert SequenceMatcher(None, low, high).ratio() >= 0.9, (low, high)


def test_scores_rise_with_shared_agency_type_and_indicator() -> None:
    text_low = "推行首席质量官制度,推进现代企业制度建设。"
    text_high = "推行首席质量官制度。在名牌企业中积极推行首席质量官制度。(省质监局牵头)"
    vectoriser = Vectoriser([text_low, text_high, "加强质量教育。", "开展质量月活动。"])
    vectors = {
        "low": vectoriser.vector(task_text(text_low)),
        "high": vectoriser.vector(task_text(text_high)),
    }
    plain = align_pair(
        [MeasureRow("low", "d", "1", text_low)], [MeasureRow("high", "e", "1", text_high)], vectors
    )[0][0]
    owned = align_pair(
        [MeasureRow("low", "d", "1", text_low, frozenset({"qs"}), frozenset({"brand"}))],
        [MeasureRow("high", "e", "1", text_high, frozenset({"qs"}), frozenset({"brand"}))],
        vectors,
    )[0][0]
    assert owned.text_score == plain.text_score
    assert owned.score > plain.score
    assert owned.shared_types == {"qs"} and owned.shared_indicators == {"brand"}
