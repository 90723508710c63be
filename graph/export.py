"""Export the graph as Turtle, JSON-LD, N-Triples, N-Quads/TriG, GraphML, GEXF or CSV.

RDF formats go through pyoxigraph's serialisers; GraphML and GEXF through networkx (a graph of
resources: IRIs are nodes, IRI-to-IRI triples are edges labelled with their property, literals
become node attributes); CSV lists one quad per row. By default only the data graphs are
exported (documents, shared nodes, cascades); ``include_vocabularies`` adds the ontology and
the SKOS schemes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.errors import ExportFormatError
from graph.store import Store
from ontology import terms

FORMATS = ("ttl", "jsonld", "nt", "nq", "trig", "graphml", "gexf", "csv")
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv",
}
VOCABULARY_GRAPHS = (terms.GRAPH_ONTOLOGY, terms.GRAPH_SCHEMES)


def quads(store: Store, *, include_vocabularies: bool = False) -> Iterator[ox.Quad]:
    """Every quad in the project's named graphs (vocabulary graphs only on request)."""
    skip = (
        "" if include_vocabularies else " ".join(f"FILTER(?g != <{g}>)" for g in VOCABULARY_GRAPHS)
    )
    result = store.query(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{terms.GRAPH_BASE}")) {skip} }}'
    )
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        yield ox.Quad(row["s"], row["p"], row["o"], row["g"])


def export(store: Store, format: str, *, include_vocabularies: bool = False) -> bytes:
    """The store's data serialised in ``format`` (one of :data:`FORMATS`).

    >>> from graph.stores import open_store
    >>> export(open_store("memory:"), "nt")
    b''
    """
    if format not in FORMATS:
        raise ExportFormatError(
            f"unknown export format {format!r}; use one of {', '.join(FORMATS)}"
        )
    data = list(quads(store, include_vocabularies=include_vocabularies))
    if format in ("nq", "trig"):
        rdf = ox.RdfFormat.N_QUADS if format == "nq" else ox.RdfFormat.TRIG
        return ox.serialize(sorted(data, key=str), format=rdf, prefixes=terms.PREFIXES) or b""
    if format in ("ttl", "jsonld", "nt"):
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in data}, key=str)
        rdf = {
            "ttl": ox.RdfFormat.TURTLE,
            "jsonld": ox.RdfFormat.JSON_LD,
            "nt": ox.RdfFormat.N_TRIPLES,
        }[format]
        prefixes = terms.PREFIXES if format == "ttl" else None
        return ox.serialize(triples, format=rdf, prefixes=prefixes) or b""
    if format == "csv":
        return _csv(data)
    graph = resource_graph(data)
    buffer = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(graph, buffer)
    else:
        nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def _csv(data: list[ox.Quad]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["graph", "subject", "predicate", "object", "datatype", "language"])
    for q in sorted(data, key=str):
        obj: Any = q.object
        is_literal = isinstance(obj, ox.Literal)
        writer.writerow(
            [
                q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "",
                _text(q.subject),
                q.predicate.value,
                _text(obj),
                obj.datatype.value if is_literal else "",
                (obj.language or "") if is_literal else "",
            ]
        )
    return out.getvalue().encode("utf-8")


def _text(term: Any) -> str:
    """The lexical value of an IRI, blank node or literal (a quoted triple as N-Triples)."""
    return str(term) if isinstance(term, ox.Triple) else str(term.value)


def _short(iri: str) -> str:
    for prefix, namespace in terms.PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def resource_graph(data: list[ox.Quad]) -> nx.MultiDiGraph:
    """A networkx graph of the resources: IRI→IRI triples as edges, literals as attributes.

    Long texts (pkg:text, evidence sentences) are left out of the attributes to keep GraphML
    and GEXF files readable; rdf:type becomes the ``type`` attribute.
    """
    graph = nx.MultiDiGraph()
    for q in data:
        subject = _text(q.subject)
        predicate = _short(q.predicate.value)
        graph.add_node(subject)
        if isinstance(q.object, ox.Literal):
            if predicate in ("pkg:text", "pkg:sentence"):
                continue
            graph.nodes[subject][predicate.replace(":", "_")] = q.object.value
        elif predicate == "rdf:type":
            graph.nodes[subject]["type"] = _short(_text(q.object))
        else:
            graph.add_edge(subject, _text(q.object), key=predicate, label=predicate)
    return graph
