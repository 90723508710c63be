"""View 5, "view as graph": any SELECT or CONSTRUCT result drawn as a network.

CONSTRUCT/DESCRIBE triples map directly: subject → object, the edge named by the predicate;
label-like predicates (rdfs:label, skos:prefLabel, eli:title, …) name their subject instead
of adding a node. A SELECT row links its IRIs in column order (``?doc → ?agency`` for the
columns doc, agency); its literals are shown in the tooltip of the row's first IRI. Columns
named ``s, p, o`` (or subject, predicate, object) are read as triples.

>>> import pyoxigraph as ox
>>> a, b = ox.NamedNode("https://w3id.org/policykg/doc/a"), ox.NamedNode("urn:x:b")
>>> view = triples_view([ox.Triple(a, ox.NamedNode("http://data.europa.eu/eli/ontology#cites"), b)])
>>> view.node_count, view.graph.nodes["urn:x:b"]["label"]
(2, 'urn:x:b')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from visualizations import style
from visualizations.model import (
    Facet,
    View,
    add_edge_once,
    agency_url,
    cascade_url,
    details,
    doc_url,
    merge_node,
    new_graph,
    short_label,
)

PREFIXES = {
    "https://w3id.org/policykg/ontology#": "pkg:",
    "https://w3id.org/policykg/": "pkgi:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/linked-data/cube#": "qb:",
    "http://purl.org/linked-data/sdmx/2009/measure#": "sdmx-measure:",
    "http://purl.org/linked-data/sdmx/2009/dimension#": "sdmx-dimension:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}
LABEL_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://data.europa.eu/eli/ontology#title",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
}
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph
MAX_NODES = 2000


def compact(iri: str) -> str:
    """``eli:cites`` for a known namespace, the IRI itself otherwise.

    >>> compact("http://data.europa.eu/eli/ontology#cites")
    'eli:cites'
    """
    for namespace, prefix in PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def _node_id(term: Term) -> str:
    return (
        f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(getattr(term, "value", term))
    )


def _resource(view: View, term: Term) -> str:
    node = _node_id(term)
    iri = term.value if isinstance(term, ox.NamedNode) else None
    url = doc_url(iri) or agency_url(iri) or cascade_url(iri)
    merge_node(
        view.graph,
        node,
        label=short_label(compact(node), 28),
        kind="resource",
        url=url,
        search=node,
        detail=details(("IRI", iri or node)),
        facets={"kind": style.KINDS["resource"].label},
    )
    return node


def _literal(view: View, term: ox.Literal, key: str) -> str:
    node = f"literal:{key}"
    merge_node(
        view.graph,
        node,
        label=short_label(term.value, 24),
        kind="literal",
        search=term.value,
        detail=details(
            ("值", term.value), ("类型", compact(term.datatype.value)), ("语言", term.language)
        ),
        facets={"kind": style.KINDS["literal"].label},
    )
    return node


def _new_view(title: str) -> View:
    return View(
        "query",
        title,
        new_graph(),
        legend=[
            ("节点", {k: style.KINDS[k] for k in ("resource", "literal")}),
            ("连线", {"predicate": style.LINKS["predicate"]}),
        ],
        facets=[Facet("kind", "节点类型"), Facet("predicate", "谓词/列", on="edge")],
    )


def _full(view: View) -> bool:
    if view.node_count >= MAX_NODES:
        note = f"结果超过 {MAX_NODES} 个节点，只显示前 {MAX_NODES} 个。"
        if note not in view.notes:
            view.notes.append(note)
        return True
    return False


def triples_view(triples: Iterable[ox.Triple], title: str = "查询结果（图）") -> View:
    """A CONSTRUCT/DESCRIBE result as a network."""
    view = _new_view(title)
    for triple in triples:
        if _full(view):
            break
        _add_triple(view, triple.subject, triple.predicate, triple.object)
    return view


def _add_triple(view: View, subject: Term, predicate: Term, obj: Term) -> None:
    source = _resource(view, subject)
    name = compact(getattr(predicate, "value", str(predicate)))
    if isinstance(obj, ox.Literal):
        if getattr(predicate, "value", None) in LABEL_PREDICATES:
            data = view.graph.nodes[source]
            if data["label"] == short_label(compact(source), 28):
                data["label"] = short_label(obj.value, 22)
            data["detail"] = [*data["detail"], (name, obj.value)]
            data["search"] = f"{data['search']} {obj.value}"
            return
        target = _literal(view, obj, f"{source}|{name}|{obj.value}")
    else:
        target = _resource(view, obj)
    add_edge_once(
        view.graph,
        source,
        target,
        f"predicate:{name}",
        label=short_label(name, 24),
        detail=details(("谓词", name)),
        facets={"predicate": name},
    )


def solutions_view(
    variables: Sequence[str], rows: Iterable[Sequence[Term | None]], title: str = "查询结果（图）"
) -> View:
    """A SELECT result as a network (see the module docstring for how rows become edges)."""
    view = _new_view(title)
    names = [v.lstrip("?") for v in variables]
    triple_columns = _triple_columns(names)
    for index, row in enumerate(rows):
        if _full(view):
            break
        if triple_columns:
            s, p, o = (row[i] for i in triple_columns)
            if s is not None and p is not None and o is not None:
                _add_triple(view, s, p, o)
            continue
        previous: tuple[str, str] | None = None
        literals: list[tuple[str, str]] = []
        first: str | None = None
        for name, term in zip(names, row, strict=False):
            if term is None:
                continue
            if isinstance(term, ox.Literal):
                literals.append((name, term.value))
                continue
            node = _resource(view, term)
            first = first or node
            if previous is not None and previous[1] != node:
                column_pair = f"?{previous[0]} → ?{name}"
                add_edge_once(
                    view.graph,
                    previous[1],
                    node,
                    f"predicate:{column_pair}",
                    detail=details(("列", column_pair)),
                    facets={"predicate": column_pair},
                )
            previous = (name, node)
        if first is None:
            for name, value in literals:
                _literal(view, ox.Literal(value), f"{index}|{name}")
        else:
            data = view.graph.nodes[first]
            data["detail"] = [*data["detail"], *((f"?{n}", v) for n, v in literals)]
            data["search"] = " ".join([data["search"], *(v for _n, v in literals)])
            label_value = next(
                (v for n, v in literals if "label" in n or "title" in n or n == "name"), None
            )
            if label_value:
                data["label"] = short_label(label_value, 22)
    return view


def _triple_columns(names: Sequence[str]) -> tuple[int, int, int] | None:
    for triple in (("s", "p", "o"), ("subject", "predicate", "object")):
        if all(name in names for name in triple):
            return (names.index(triple[0]), names.index(triple[1]), names.index(triple[2]))
    return None
