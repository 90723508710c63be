"""Standards and laws: one titled external node each, shared by every document citing them;
and never an external node minted from nothing."""

from __future__ import annotations

import hashlib

import pytest

from graph import iris
from graph.load import graph_triples, load_records
from graph.sparql import select, value
from graph.store import Store
from graph.validation import validate
from loaders.record import PolicyDocument, Reference, Source
from ontology import terms as t

#: (sentence, referenced title, referenced number, relation), as the loaders report them
Mention = tuple[str, str | None, str | None, str]

COUNTY: list[Mention] = [
    ("企业要通过ISO 9000质量管理体系认证。", None, "ISO 9000", "standard"),
    ("推行《卓越绩效评价准则》(GB/T 19580)。", "卓越绩效评价准则", "GB/T 19580", "standard"),
    ("大力宣传《产品质量法》。", "产品质量法", None, "law"),
    ("深入贯彻《建筑法》。", "建筑法", None, "law"),
]
DISTRICT: list[Mention] = [
    ("机关要率先通过iso9000认证。", None, "ISO9000", "standard"),
    ("认真执行《中华人民共和国产品质量法》。", "中华人民共和国产品质量法", None, "law"),
    ("依据《安全生产法》开展检查。", "安全生产法", None, "law"),
    ("落实省政府两个《决定》。", "决定", None, "implements"),
    ("按《》要求执行。", "《》", None, "cites"),
]


def document(name: str, mentions: list[Mention]) -> PolicyDocument:
    """A small document whose references point at their own sentences."""
    title = f"{name}质量工作意见"
    text = "\n".join([title, *(m[0] for m in mentions)])
    references = []
    for sentence, ref_title, number, relation in mentions:
        start = text.index(sentence)
        references.append(
            Reference(ref_title, number, None, relation, sentence, start, start + len(sentence))  # type: ignore[arg-type]
        )
    return PolicyDocument(
        source=Source(f"{name}.txt", hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8"),
        text=text,
        title=title,
        level="county",
        references=references,
    )


def records() -> list[PolicyDocument]:
    return [document("某县", COUNTY), document("某区", DISTRICT)]


def referenced(store: Store) -> dict[str, str]:
    """Written title or number of each reference → the node it links to (one per mention)."""
    rows = select(
        store,
        """SELECT ?written ?node WHERE {
          ?ref a pkg:Reference ; pkg:referencedDocument ?node .
          { ?ref pkg:referencedNumber ?written } UNION
          { ?ref pkg:referencedTitle ?written FILTER NOT EXISTS { ?ref pkg:referencedNumber ?n } }
        }""",
    )
    found: dict[str, str] = {}
    for row in rows:
        written, node = str(value(row["written"])), str(value(row["node"]))
        assert found.setdefault(written, node) == node, f"{written} links to two nodes"
    return found


def describe(store: Store, node: str) -> dict[str, set[str]]:
    rows = select(store, f"SELECT ?p ?o WHERE {{ <{node}> ?p ?o }}")
    facts: dict[str, set[str]] = {}
    for row in rows:
        facts.setdefault(str(value(row["p"])), set()).add(str(value(row["o"])))
    return facts


def citing_documents(store: Store, node: str) -> set[str]:
    rows = select(
        store,
        f"SELECT DISTINCT ?doc WHERE {{ ?ref pkg:referencedDocument <{node}> ; pkg:citingDocument ?doc }}",
    )
    return {str(value(r["doc"])) for r in rows}


def test_a_standard_is_one_node_named_by_its_code_for_every_citing_document(store: Store) -> None:
    load_records(store, records())
    links = referenced(store)
    iso = links["ISO 9000"]
    assert links["ISO9000"] == iso == t.DOC_BASE + "std-iso-9000"
    assert len(citing_documents(store, iso)) == 2
    facts = describe(store, iso)
    assert t.PKG_EXTERNAL_DOCUMENT in facts[t.RDF_TYPE]
    assert facts[t.ELI_TYPE_DOCUMENT] == {t.doctype_concept("standard")}
    assert facts[t.ELI_ID_LOCAL] == {"ISO 9000"} and facts[t.ELI_TITLE] == {"ISO 9000"}

    excellence = describe(store, links["GB/T 19580"])
    assert links["GB/T 19580"] == t.DOC_BASE + "std-gb-t-19580"
    assert excellence[t.ELI_TITLE] == {"卓越绩效评价准则"}
    assert excellence[t.ELI_ID_LOCAL] == {"GB/T 19580"}


def test_each_law_is_its_own_titled_node_shared_by_its_citers(store: Store) -> None:
    load_records(store, records())
    links = referenced(store)
    quality = links["产品质量法"]
    assert links["中华人民共和国产品质量法"] == quality  # the long and short name meet
    assert len(citing_documents(store, quality)) == 2
    laws = {quality, links["建筑法"], links["安全生产法"]}
    assert len(laws) == 3
    for law in laws:
        assert law.startswith(t.DOC_BASE + "law-")
        facts = describe(store, law)
        assert facts[t.ELI_TYPE_DOCUMENT] == {t.doctype_concept("law")}
        assert len(facts[t.ELI_TITLE]) == 1 and all(facts[t.ELI_TITLE])
    assert describe(store, links["建筑法"])[t.ELI_TITLE] == {"建筑法"}


def test_no_external_node_without_a_name(store: Store) -> None:
    report = load_records(store, records())
    links = referenced(store)
    # an abbreviation nothing explains keeps its title, scoped to the document writing it
    assert describe(store, links["决定"])[t.ELI_TITLE] == {"决定"}
    assert "《》" not in links
    assert [reason for _, reason in report.unlinked] == [
        "the reference names no title and no number"
    ]
    nameless = select(
        store,
        """SELECT ?node WHERE { ?node a pkg:ExternalDocument
             FILTER NOT EXISTS { ?node eli:title ?title FILTER(STRLEN(STR(?title)) > 0) }
             FILTER NOT EXISTS { ?node eli:id_local ?number } }""",
    )
    assert nameless == []
    assert iris.document_iri(None, title=None) not in {
        str(value(r["node"]))
        for r in select(store, "SELECT ?node WHERE { ?node a pkg:ExternalDocument }")
    }


@pytest.mark.parametrize("title", [None, "", "《》", " 《 》 "])
def test_minting_from_an_empty_key_is_refused(title: str | None) -> None:
    with pytest.raises(iris.EmptyKeyError):
        iris.external_document_iri(None, title)
    with pytest.raises(iris.EmptyKeyError):
        iris.law_iri("")


def test_reloading_keeps_the_shared_nodes_and_the_graph_valid(store: Store) -> None:
    named = [document("某县", COUNTY), document("某区", DISTRICT[:-1])]  # without 《》
    load_records(store, named)
    before = {(g, x) for g in store.graphs() for x in graph_triples(store, g)}
    again = load_records(store, named)
    assert again.unchanged == 2 and again.unlinked == []
    assert {(g, x) for g in store.graphs() for x in graph_triples(store, g)} == before
    report = validate(store)
    assert report.violations == [], "\n".join(r.line() for r in report.violations)
