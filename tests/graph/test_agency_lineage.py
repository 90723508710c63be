"""An agency type is followed across the 2018 reform: 市场监管局 carries on 质监局's work."""

from __future__ import annotations

from graph import queries
from graph.load import load_records
from graph.stores import open_store
from loaders.extract import extract_bytes
from tests.graph.records import seeds

# A city notice of 2019 in the layout of the seeds (made up for the test: no such city plan of
# 2019 is in the corpus), assigning a task to the merged market-regulation bureau.
AFTER_REFORM = """镇江市人民政府办公室关于印发镇江市质量提升行动实施方案的通知
镇政办发〔2019〕12号
各辖市、区人民政府，市各委办局：
现将《镇江市质量提升行动实施方案》印发给你们，请认真贯彻执行。
一、主要任务
1.开展质量提升行动。(市市场监管局牵头,市发展改革委参加)
镇江市人民政府办公室
2019年3月1日
"""


def test_the_market_regulator_inherits_the_quality_bureaus_measures() -> None:
    store = open_store("memory:")
    load_records(store, [*seeds(), extract_bytes(AFTER_REFORM.encode(), "zhenjiang_2019.txt")])
    merged = queries.run(store, "agency_type_measures", type="market-regulation")
    types = {row["agencyType"] for row in merged}
    assert types >= {"market-regulation", "quality-supervision"}
    assert any(row["rawName"] == "市市场监管局" for row in merged)
    assert any("质量技术监督局" in (row["agencyLabel"] or "") for row in merged)
    # the lineage runs one way: the old bureau does not own what its successor was given
    before = queries.run(store, "agency_type_measures", type="quality-supervision")
    assert before and {row["agencyType"] for row in before} == {"quality-supervision"}
    assert queries.run(store, "agency_type_measures", type="no-such-type") == []
