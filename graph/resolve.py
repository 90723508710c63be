"""The linking pass: references → loaded documents or one shared external-document node.

A reference resolves to the loaded document it names by document number (any bracket
style: 〔〕 [] ［］ () ), by title (dashes — – - ―, brackets （） (), 《》, an issuer prefix and a
印发 notice wrapper folded away), or, for an abbreviation such as 《纲要》, through the fuller
title the same document cites. What stays unresolved becomes one ``pkg:ExternalDocument`` per
distinct document, holding everything the references say about it (titles, number, issuer),
so 质量发展纲要(2011-2020年) is one node with all its implementers. Standards (ISO 9000,
GB/T 19580) are one node per code (``doc/std-iso-9000``) and laws one node per name
(``doc/law-…`` for 《产品质量法》 and 《中华人民共和国产品质量法》 alike), whoever cites them.
A reference with nothing to name its document by is left unlinked, with the reason, rather
than merged into a nameless node.

The pass is a pure function of the documents' graphs: it reads them with SPARQL and returns
the triples of the shared graph, which :func:`graph.load.link` writes in one replacement.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph import iris
from graph.mapping import nn, zh
from graph.regions import Gazetteer, parent_code
from graph.sparql import select, value
from graph.store import Store
from ontology import terms as t

DOC_GRAPHS = t.GRAPH_BASE + "doc/"

_NOTICE = re.compile(r"关于(?:印发|转发|下发)(?P<inner>.+?)的(?:通知|函)$")
_ISSUER_HEAD = re.compile(
    r"^(?:国务院办公厅|国务院|国家[^\s关于]{0,12}?(?:局|委员会|部)|省政府办公厅|省人民政府办公厅|"
    r"省政府|省人民政府|市政府办公室|市人民政府办公室|市政府|市人民政府|县政府|区政府|镇政府)"
)
#: a title this short (without year) is an abbreviation: 《纲要》, 《意见》.
ABBREVIATION_MAX = 6


def title_keys(title: str | None, issuer: str | None = None) -> set[str]:
    """Every variant-free form under which a title may be cited.

    >>> sorted(title_keys("国务院《质量发展纲要（2011—2020年）》"))
    ['国务院质量发展纲要(2011-2020年)', '质量发展纲要(2011-2020年)']
    >>> "江苏省贯彻实施质量发展纲要2012年行动计划" in title_keys(
    ...     "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知")
    True
    """
    if not title:
        return set()
    base = iris.normalise_title(title)
    keys = {base}
    match = _NOTICE.search(base)
    if match:
        keys.add(match.group("inner"))
    for key in list(keys):
        if issuer:
            folded_issuer = iris.normalise_title(issuer)
            if key.startswith(folded_issuer) and len(key) > len(folded_issuer) + 2:
                keys.add(key[len(folded_issuer) :])
        stripped = _ISSUER_HEAD.sub("", key)
        # 省政府关于X and 市政府关于X are different documents: only strip heads that leave a
        # title of its own (not one starting with 关于).
        if stripped != key and not stripped.startswith("关于") and len(stripped) > 2:
            keys.add(stripped)
    return {k for k in keys if k}


def is_abbreviation(title: str | None, number: str | None) -> bool:
    """A short title with no number and no year, e.g. 《纲要》; a law's name (《建筑法》) is not one.

    >>> is_abbreviation("纲要", None), is_abbreviation("建筑法", None)
    (True, False)
    """
    if not title or number or iris.law_key(title):
        return False
    folded = iris.normalise_title(title)
    # an empty title (《》) abbreviates nothing: every sibling would "end with" it
    return 0 < len(folded) <= ABBREVIATION_MAX and not re.search(r"\d{4}", folded)


@dataclass
class ReferenceRow:
    """One pkg:Reference as stored in a document graph."""

    iri: str
    citing: str
    relation: str
    title: str | None
    number: str | None
    issuer: str | None


@dataclass
class LinkResult:
    """The shared graph's triples, and how many references resolved."""

    triples: set[ox.Triple] = field(default_factory=set)
    resolved: int = 0
    unresolved: int = 0
    #: (reference IRI, why it names no document) for references left without a link
    unlinked: list[tuple[str, str]] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def loaded_documents(store: Store) -> list[dict[str, str | None]]:
    """The documents loaded from files: IRI, number, title, plan title."""
    rows = select(
        store,
        f"""SELECT ?doc ?number ?title ?plan WHERE {{
          GRAPH ?g {{ ?doc a pkg:PolicyDocument ; dcterms:source ?src .
            OPTIONAL {{ ?doc eli:id_local ?number }} OPTIONAL {{ ?doc eli:title ?title }}
            OPTIONAL {{ ?doc pkg:planTitle ?plan }} }}
          FILTER(STRSTARTS(STR(?g), "{DOC_GRAPHS}")) }}""",
    )
    return [{k: value(v) for k, v in row.items()} for row in rows]


def stored_references(store: Store) -> list[ReferenceRow]:
    """Every pkg:Reference in the document graphs."""
    rows = select(
        store,
        f"""SELECT ?ref ?doc ?relation ?title ?number ?issuer WHERE {{
          GRAPH ?g {{ ?ref a pkg:Reference ; pkg:citingDocument ?doc ; pkg:relation ?relation .
            OPTIONAL {{ ?ref pkg:referencedTitle ?title }}
            OPTIONAL {{ ?ref pkg:referencedNumber ?number }}
            OPTIONAL {{ ?ref pkg:referencedIssuer ?issuer }} }}
          FILTER(STRSTARTS(STR(?g), "{DOC_GRAPHS}")) }} ORDER BY ?ref""",
    )
    return [
        ReferenceRow(
            str(value(r["ref"])),
            str(value(r["doc"])),
            str(value(r["relation"])),
            value(r["title"]),
            value(r["number"]),
            value(r["issuer"]),
        )
        for r in rows
    ]


def _document_index(documents: list[dict[str, str | None]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for doc in sorted(documents, key=lambda d: str(d["doc"])):
        parsed = iris.parse_doc_number(doc["number"])
        if parsed:
            index.setdefault("n:" + parsed.key(), str(doc["doc"]))
        for title in (doc["title"], doc["plan"]):
            for key in title_keys(title):
                index.setdefault("t:" + key, str(doc["doc"]))
    return index


def _reference_keys(ref: ReferenceRow) -> list[str]:
    keys = []
    parsed = iris.parse_doc_number(ref.number)
    if parsed:
        keys.append("n:" + parsed.key())
    standard = iris.parse_standard_code(ref.number)
    if standard:
        keys.append("s:" + standard.code())
    law = iris.law_key(ref.title)
    if law:
        keys.append("l:" + law)
    keys += ["t:" + k for k in sorted(title_keys(ref.title, ref.issuer))]
    return keys


def link_references(store: Store) -> LinkResult:
    """Resolve every stored reference; describe the documents that are not loaded."""
    return resolve_references(loaded_documents(store), stored_references(store))


def resolve_references(
    documents: list[dict[str, str | None]], references: list[ReferenceRow]
) -> LinkResult:
    """The shared graph's reference links for these documents and references (a pure
    function: an incremental load runs it before and after and writes the difference)."""
    result = LinkResult()
    index = _document_index(documents)
    by_citing: dict[str, list[ReferenceRow]] = defaultdict(list)
    for ref in references:
        by_citing[ref.citing].append(ref)

    target_of: dict[str, str] = {}
    unresolved: list[tuple[ReferenceRow, list[str]]] = []
    groups = _UnionFind()
    for ref in references:
        keys = _reference_keys(ref)
        if is_abbreviation(ref.title, ref.number):
            fuller = _expand_abbreviation(ref, by_citing[ref.citing])
            keys = _reference_keys(fuller) if fuller else ["a:" + ref.citing + "|" + keys[0]]
        hit = next((index[k] for k in keys if k in index), None)
        if hit is not None and hit != ref.citing:
            target_of[ref.iri] = hit
            continue
        if not keys:
            # a reference saying nothing (no title, no number) stays as written
            result.unlinked.append((ref.iri, "the reference names no title and no number"))
            continue
        unresolved.append((ref, keys))
        for key in keys[1:]:
            groups.union(keys[0], key)
        groups.find(keys[0])
        target_of[ref.iri] = "group:" + groups.find(keys[0])

    externals = _describe_externals(result, unresolved, groups)
    for ref in references:
        target = target_of.get(ref.iri)
        if target is None:
            continue
        resolved = not target.startswith("group:")
        node = target if resolved else externals.get(groups.find(target.removeprefix("group:")))
        if node is None:
            continue  # no name to mint an external node from: listed in result.unlinked
        result.triples.add(ox.Triple(nn(ref.iri), nn(t.PKG_REFERENCED_DOCUMENT), nn(node)))
        result.triples.add(
            ox.Triple(
                nn(ref.iri),
                nn(t.PKG_RESOLVED),
                ox.Literal(str(resolved).lower(), datatype=nn(t.XSD + "boolean")),
            )
        )
        result.triples.add(ox.Triple(nn(ref.citing), nn(ref.relation), nn(node)))
        if resolved:
            result.resolved += 1
        else:
            result.unresolved += 1
    return result


def _expand_abbreviation(ref: ReferenceRow, siblings: list[ReferenceRow]) -> ReferenceRow | None:
    """The sibling reference whose title the abbreviation shortens (《纲要》 → 《质量发展纲要…》)."""
    short = iris.normalise_title(ref.title or "")
    if not short:
        return None
    for sibling in siblings:
        if sibling.iri == ref.iri or is_abbreviation(sibling.title, sibling.number):
            continue
        full = re.sub(r"\(.*?\)", "", iris.normalise_title(sibling.title or ""))
        if full.endswith(short) or (short and short in full):
            return sibling
    return None


def _describe_externals(
    result: LinkResult, unresolved: list[tuple[ReferenceRow, list[str]]], groups: _UnionFind
) -> dict[str, str]:
    """One pkg:ExternalDocument per group of references naming the same unloaded document."""
    members: dict[str, list[ReferenceRow]] = defaultdict(list)
    for ref, keys in unresolved:
        members[groups.find(keys[0])].append(ref)
    nodes: dict[str, str] = {}
    for root, refs in sorted(members.items()):
        numbers = Counter(r.number for r in refs if iris.parse_doc_number(r.number))
        titles = Counter(r.title for r in refs if r.title and not is_abbreviation(r.title, None))
        issuers = Counter(r.issuer for r in refs if r.issuer)
        number = numbers.most_common(1)[0][0] if numbers else None
        try:
            node, kind, title, number = _external_identity(refs, number, titles)
        except iris.EmptyKeyError as error:
            result.unlinked += [(r.iri, str(error)) for r in refs]
            continue
        nodes[root] = node
        add = result.triples.add
        add(ox.Triple(nn(node), nn(t.RDF_TYPE), nn(t.PKG_EXTERNAL_DOCUMENT)))
        add(ox.Triple(nn(node), nn(t.RDF_TYPE), nn(t.PKG_POLICY_DOCUMENT)))
        if kind:
            add(ox.Triple(nn(node), nn(t.ELI_TYPE_DOCUMENT), nn(t.doctype_concept(kind))))
        if number:  # a 发文字号 in its canonical form, or a standard's code
            parsed = iris.parse_doc_number(number)
            add(
                ox.Triple(
                    nn(node),
                    nn(t.ELI_ID_LOCAL),
                    ox.Literal(parsed.canonical() if parsed else number),
                )
            )
        if title:
            add(ox.Triple(nn(node), nn(t.ELI_TITLE), zh(title)))
        for other in sorted(titles):
            if other != title:
                add(ox.Triple(nn(node), nn(t.ELI_TITLE_ALTERNATIVE), zh(other)))
        for issuer in sorted(issuers):
            agency = iris.agency_iri(
                region_key="100000" if issuer.startswith("国务院") else None,
                type_id=None,
                name=issuer,
                doc_iri=None,
            )
            add(ox.Triple(nn(node), nn(t.ELI_PASSED_BY), nn(agency)))
            add(ox.Triple(nn(agency), nn(t.RDF_TYPE), nn(t.PKG_AGENCY)))
            add(ox.Triple(nn(agency), nn(t.SKOS_PREF_LABEL), zh(issuer)))
        level = "national" if kind == "law" else _external_level(number, issuers)
        if level:
            add(ox.Triple(nn(node), nn(t.PKG_LEVEL), nn(t.level_concept(level))))
    return nodes


def _external_identity(
    refs: list[ReferenceRow], number: str | None, titles: Counter[str]
) -> tuple[str, str | None, str | None, str | None]:
    """IRI, document kind (``standard``, ``law`` or ``None``), title and number of the node
    a group of references names; raises :class:`graph.iris.EmptyKeyError` if nothing does.

    A standard is named by its code (its written title, if any, is the node's title; else the
    code), a law by its name; an abbreviation no fuller title explains (省政府两个《决定》) keeps
    its short title, scoped to the document that writes it, since 《决定》 elsewhere is another.
    """
    parsed = [p for r in refs if (p := iris.parse_standard_code(r.number)) is not None]
    codes = Counter(p.code() for p in parsed)
    if codes:
        code = sorted(codes, key=lambda c: (-codes[c], c))[0]
        standard = next(p for p in parsed if p.code() == code)
        return iris.standard_iri(standard), "standard", _best_title(titles) or code, code
    laws = Counter(key for r in refs if (key := iris.law_key(r.title)) is not None)
    if laws and not number:
        law = sorted(laws, key=lambda k: (-laws[k], k))[0]
        return iris.law_iri(law), "law", _best_title(titles) or law, None
    title = _best_title(titles)
    if title or number:
        return iris.external_document_iri(number, title), None, title, number
    short = Counter(r.title for r in refs if r.title)
    scope = min(r.citing for r in refs)
    return (
        iris.external_document_iri(None, _best_title(short), scope=scope),
        None,
        _best_title(short),
        None,
    )


def _best_title(titles: Counter[str]) -> str | None:
    """The title most references use, fullest first; the issuer stays out of it when possible."""
    if not titles:
        return None
    return sorted(titles, key=lambda s: (-titles[s], -len(iris.normalise_title(s)), s))[0]


def _external_level(number: str | None, issuers: Counter[str]) -> str | None:
    parsed = iris.parse_doc_number(number)
    if (parsed and parsed.prefix.startswith("国")) or any(
        i.startswith(("国务院", "国家")) for i in issuers
    ):
        return "national"
    return None


def link_regions(
    store: Store, gazetteer: Gazetteer, graphs: list[str] | None = None
) -> set[ox.Triple]:
    """Describe every region the documents use, with the chain of regions containing it
    (``graphs``: only the regions these graphs use, for documents added to a linked store)."""
    uses = "{ ?x eli:jurisdiction ?r } UNION { ?x pkg:locatedIn ?r } UNION { ?x sdmx-dimension:refArea ?r }"
    if graphs is not None:
        if not graphs:
            return set()
        named = " ".join(f"<{g}>" for g in graphs)
        uses = f"VALUES ?g {{ {named} }} GRAPH ?g {{ {uses} }}"
    rows = select(store, f"SELECT DISTINCT ?r WHERE {{ {uses} }}")
    triples: set[ox.Triple] = set()
    todo = sorted(str(value(row["r"])) for row in rows)
    seen: set[str] = set()
    while todo:
        iri = todo.pop()
        if iri in seen:
            continue
        seen.add(iri)
        node = nn(iri)
        triples.add(ox.Triple(node, nn(t.RDF_TYPE), nn(t.PKG_REGION)))
        triples.add(ox.Triple(node, nn(t.SKOS_IN_SCHEME), nn(t.REGION_SCHEME)))
        region = gazetteer.regions.get(iri)
        parent: str | None = None
        if region is not None:
            triples.add(ox.Triple(node, nn(t.SKOS_PREF_LABEL), zh(region.name)))
            triples.add(ox.Triple(node, nn(t.PKG_LEVEL), nn(t.level_concept(region.level))))
            if region.code:
                triples.add(ox.Triple(node, nn(t.PKG_GB_CODE), ox.Literal(region.code)))
            parent = region.parent
        else:
            code = iri.removeprefix(t.REGION_BASE)
            if code.isdigit():
                triples.add(ox.Triple(node, nn(t.PKG_GB_CODE), ox.Literal(code)))
                up = parent_code(code)
                parent = t.region_iri(up) if up else None
        if parent:
            triples.add(ox.Triple(node, nn(t.PKG_WITHIN), nn(parent)))
            todo.append(parent)
    return triples
