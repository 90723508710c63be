"""The real seed documents, extracted by the loaders and loaded: the researcher's questions."""

from __future__ import annotations

from pathlib import Path

from graph import queries
from graph.load import load_paths
from graph.store import Store

PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"
CITY = "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85"
TOWN = "https://w3id.org/policykg/doc/jia-zhengfa-2016-7"


def test_seeds_load_and_answer(store: Store, seed_paths: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = load_paths(store, [*seed_paths, empty])
    assert report.documents == len(seed_paths) == 5
    assert [r.path for r in report.rejected] == [str(empty)] and report.rejected[0].reason
    assert {PROVINCE, CITY, TOWN} <= set(report.loaded)

    cascade = {r["doc"]: r for r in queries.run(store, "cascade", concept="jiangsu-famous-brand")}
    assert cascade[PROVINCE]["value"] == "900" and cascade[PROVINCE]["refines"] is None
    assert cascade[CITY]["value"] == "138" and cascade[CITY]["refinesDoc"] == PROVINCE
    assert cascade[TOWN]["value"] == "1" and cascade[TOWN]["refinesDoc"] == PROVINCE

    owners = queries.run(store, "measure_agencies", phrase="建立质量奖励制度")
    assert [r["agencyLabel"] for r in owners if r["role"] == "lead"] == ["江苏省质量技术监督局"]

    above = queries.run(store, "chain_up", doc=TOWN)
    outline = [r for r in above if r["toTitle"] == "质量发展纲要(2011-2020年)"]
    assert outline and outline[0]["toLevel"] == "national"
    implementers = {r["from"] for r in queries.run(store, "chain_down", doc=outline[0]["to"])}
    assert {PROVINCE, CITY, TOWN} <= implementers  # one node, every implementer

    again = load_paths(store, seed_paths)
    assert again.unchanged == 5
