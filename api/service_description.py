"""The SPARQL 1.1 Service Description of ``/sparql``, with VoID statistics of the dataset.

Fetched with no ``query`` and an RDF Accept type (W3C SPARQL 1.1 Service Description §2).
The statistics (triples, subjects, classes, properties, per named graph) are counted by
SPARQL through the same time-limited workers as any query.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pyoxigraph as ox

from api import conneg, results
from api.jobs import SparqlAnswer, SparqlJob

if TYPE_CHECKING:
    from api.state import ServiceState

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

# W3C format IRIs (http://www.w3.org/ns/formats/) of what the endpoint writes.
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "jsonld": "JSON-LD",
    "nt": "N-Triples",
    "rdfxml": "RDF_XML",
}

TOTALS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
  (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?c) AS ?classes)
WHERE { ?s ?p ?o OPTIONAL { FILTER(?p = rdf:type) BIND(?o AS ?c) } }"""
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
PREFIX = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def _void(name: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + name)


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


async def _select(state: ServiceState, query: str) -> list[dict[str, str]]:
    answer = await state.run(SparqlJob(query=PREFIX + query, max_rows=100_000))
    assert isinstance(answer, SparqlAnswer)
    data = json.loads(answer.body)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


async def description_triples(state: ServiceState, endpoint: str) -> list[ox.Triple]:
    """The sd:Service / void:Dataset triples for the endpoint at ``endpoint``."""
    service = ox.NamedNode(endpoint)
    dataset = ox.BlankNode("dataset")
    default_graph = ox.BlankNode("default")
    out = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, RDF_TYPE, _void("Dataset")),
        ox.Triple(dataset, _void("sparqlEndpoint"), service),
        ox.Triple(dataset, _sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    if state.settings.admin_token:
        out.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    for fmt in conneg.FORMATS:
        if fmt.name in FORMAT_IRIS:
            iri = ox.NamedNode(FORMATS_NS + FORMAT_IRIS[fmt.name])
            out.append(ox.Triple(service, _sd("resultFormat"), iri))
    totals = (await _select(state, TOTALS))[0]
    for key, prop in (
        ("triples", "triples"),
        ("subjects", "distinctSubjects"),
        ("properties", "properties"),
        ("classes", "classes"),
    ):
        value = _count(int(totals.get(key, "0")))
        out.append(ox.Triple(dataset, _void(prop), value))
        out.append(ox.Triple(default_graph, _void(prop), value))
    for row in await _select(state, PER_GRAPH):
        named = ox.BlankNode()
        graph_node = ox.BlankNode()
        out += [
            ox.Triple(dataset, _sd("namedGraph"), named),
            ox.Triple(named, _sd("name"), ox.NamedNode(row["g"])),
            ox.Triple(named, _sd("graph"), graph_node),
            ox.Triple(graph_node, RDF_TYPE, _sd("Graph")),
            ox.Triple(graph_node, _void("triples"), _count(int(row["triples"]))),
        ]
    return out


async def service_description(state: ServiceState, endpoint: str, fmt: conneg.Format) -> bytes:
    """The service description serialized as ``fmt`` (a graph format)."""
    triples = await description_triples(state, endpoint)
    return results.write_graph(triples, False, fmt.name)
