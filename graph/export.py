"""Export the graph as Turtle, JSON-LD, N-Triples, N-Quads/TriG, GraphML, GEXF or CSV.

RDF formats go through pyoxigraph's serialisers; by default only the data graphs are exported
(documents, shared nodes, cascades) and ``include_vocabularies`` adds the ontology and the SKOS
schemes. GraphML and GEXF carry the document network or the agency network, and CSV the tidy
tables a researcher opens in R, Stata or pandas (both built in :mod:`graph.tables`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from graph.errors import ExportFormatError
from graph.store import Store
from graph.tables import NETWORKS, network_bytes, package_zip
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
    "csv": "application/zip",
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


def export(
    store: Store,
    format: str,
    *,
    include_vocabularies: bool = False,
    network: str = "documents",
) -> bytes:
    """The store's data serialised in ``format`` (one of :data:`FORMATS`).

    RDF formats carry the data graphs (and the ontology and schemes with
    ``include_vocabularies``); ``graphml``/``gexf`` carry one network (``network``:
    ``documents`` or ``agencies``, see :mod:`graph.tables`); ``csv`` is a zip archive of tidy
    tables with their Frictionless ``datapackage.json``.

    >>> from graph.stores import open_store
    >>> export(open_store("memory:"), "nt")
    b''
    """
    if format not in FORMATS:
        raise ExportFormatError(
            f"unknown export format {format!r}; use one of {', '.join(FORMATS)}"
        )
    if format == "csv":
        return package_zip(store)
    if format in ("graphml", "gexf"):
        if network not in NETWORKS:
            raise ExportFormatError(
                f"unknown network {network!r}; use one of {', '.join(NETWORKS)}"
            )
        return network_bytes(store, network, format)
    data = list(quads(store, include_vocabularies=include_vocabularies))
    if format in ("nq", "trig"):
        rdf = ox.RdfFormat.N_QUADS if format == "nq" else ox.RdfFormat.TRIG
        return ox.serialize(sorted(data, key=str), format=rdf, prefixes=terms.PREFIXES) or b""
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in data}, key=str)
    rdf = {
        "ttl": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
        "nt": ox.RdfFormat.N_TRIPLES,
    }[format]
    prefixes = terms.PREFIXES if format == "ttl" else None
    return ox.serialize(triples, format=rdf, prefixes=prefixes) or b""
