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
    # the province's 2012 plan was repealed in 2016: no basis for the town's 2016 target
    assert cascade[TOWN]["value"] == "1" and cascade[TOWN]["refinesDoc"] is None

    owners = queries.run(store, "measure_agencies", phrase="建立质量奖励制度")
    assert [r["agencyLabel"] for r in owners if r["role"] == "lead"] == ["江苏省质量技术监督局"]

    above = queries.run(store, "chain_up", doc=TOWN)
    outline = [r for r in above if r["toTitle"] == "质量发展纲要(2011-2020年)"]
    assert outline and outline[0]["toLevel"] == "national"
    implementers = {r["from"] for r in queries.run(store, "chain_down", doc=outline[0]["to"])}
    assert {PROVINCE, CITY, TOWN} <= implementers  # one node, every implementer

    again = load_paths(store, seed_paths)
    assert again.unchanged == 5


def test_loading_with_worker_processes_gives_the_same_graph(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    """Two extracting processes and one give the same quads, rejects and counts."""
    from graph.stores import open_store

    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    batch = [*seed_paths, broken, *seed_paths]  # the seeds twice: the second pass is unchanged
    reports, contents = [], []
    for workers in (1, 2):
        store = open_store(f"oxigraph:{tmp_path / f'w{workers}'}")
        reports.append(load_paths(store, batch, workers=workers))
        contents.append({q for q in store.quads() if "/graph/doc" in str(q.graph_name)})  # type: ignore[attr-defined]
        store.close()
    one, two = reports
    assert contents[0] == contents[1] and contents[0]
    assert (
        (two.documents, two.unchanged, two.measures, two.targets)
        == (
            one.documents,
            one.unchanged,
            one.measures,
            one.targets,
        )
        == (10, 5, one.measures, one.targets)
    )
    assert [r.path for r in two.rejected] == [str(broken)] == [r.path for r in one.rejected]
