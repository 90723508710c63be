"""Reference resolution across variants, and one external node per unloaded document."""

from __future__ import annotations

import hashlib

import pytest

from graph import queries
from graph.iris import normalise_title, parse_doc_number
from graph.load import load_records
from graph.resolve import title_keys
from graph.store import Store
from loaders.record import PolicyDocument, Reference, Source
from tests.graph.records import seeds

PROVINCE = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"


def citing(name: str, *refs: tuple[str | None, str | None]) -> PolicyDocument:
    """A small county document citing the given (title, number) pairs, one sentence each."""
    sentences = [f"根据《{t}》({n})精神。" if t else f"根据{n}文件精神。" for t, n in refs]
    text = "\n".join([f"{name}质量工作意见", *sentences])
    references = []
    for (title, number), sentence in zip(refs, sentences, strict=True):
        start = text.index(sentence)
        references.append(
            Reference(title, number, None, "implements", sentence, start, start + len(sentence))
        )
    return PolicyDocument(
        source=Source(f"{name}.txt", hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8"),
        text=text,
        title=f"{name}质量工作意见",
        level="county",
        references=references,
    )


@pytest.mark.parametrize(
    ("title", "number"),
    [
        (None, "苏政办发[2012]123号"),
        (None, "苏政办发［2012］123号"),
        (None, "苏政办发（2012）123号"),
        ("江苏省贯彻实施质量发展纲要2012年行动计划", None),
        ("江苏省贯彻实施质量发展纲要２０１２年行动计划", None),
        ("省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知", None),
    ],
)
def test_variants_resolve_to_the_loaded_document(title, number) -> None:
    from graph.stores import open_store

    store = open_store("memory:")
    load_records(store, [*seeds(), citing("某县", (title, number))])
    rows = queries.run(store, "references_out", doc=citing("某县").source and _iri(store, "某县"))
    assert [(r["target"], r["resolved"]) for r in rows] == [(PROVINCE, "true")]


def _iri(store: Store, name: str) -> str:
    rows = queries.run(store, "search", q=f"{name}质量工作意见")
    return next(r["doc"] for r in rows if r["kind"] == "document")  # type: ignore[return-value]


def test_the_national_outline_is_one_node_with_all_its_implementers(loaded_store: Store) -> None:
    outline = [
        r
        for r in queries.run(loaded_store, "unresolved_references")
        if r["externalTitle"] and normalise_title(r["externalTitle"]) == "质量发展纲要(2011-2020年)"
    ]
    nodes = {r["external"] for r in outline}
    assert len(nodes) == 1  # (2011-2020年), (2011—2020年), 国务院《…》 and 《纲要》 all meet here
    implementers = {
        r["fromTitle"] for r in queries.run(loaded_store, "chain_down", doc=nodes.pop())
    }
    assert implementers == {
        "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
        "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
        "嘉泽镇2016年质量强镇工作的实施意见",
    }


def test_a_bare_number_becomes_an_external_node_named_by_it(loaded_store: Store) -> None:
    rows = queries.run(loaded_store, "unresolved_references")
    by_number = [r for r in rows if r["writtenNumber"] == "武质强发[2016]2号"]
    assert [r["external"] for r in by_number] == [
        "https://w3id.org/policykg/doc/wu-zhiqiangfa-2016-2"
    ]
    assert by_number[0]["externalNumber"] == "武质强发〔2016〕2号"


def test_similar_titles_of_different_issuers_stay_apart() -> None:
    assert not title_keys("省政府关于加快推进质量强省建设的意见") & title_keys(
        "市政府关于加快推进质量强省建设的意见"
    )
    assert parse_doc_number("苏政发［2016］142号") == parse_doc_number("苏政发〔2016〕142号")
