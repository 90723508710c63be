"""Writing query answers in the negotiated format, cut at the row cap with a standard marker.

pyoxigraph's own writers take its whole result iterator; to stop at ``max_rows`` and say so
in the body, SELECT results are written here (W3C SPARQL 1.1 JSON, XML, CSV and TSV result
formats) from the first ``max_rows`` solutions, and graphs by pyoxigraph from the first
``max_rows`` triples. A cut answer says so in two places only, both ones that strict readers
(pyoxigraph, rdflib, SPARQLWrapper, the project's ``sparql:`` store) accept: the
``X-PolicyKG-Truncated: true`` header the caller sets, and ``urn:policykg:truncated`` as a
``link`` in the head of JSON and XML results (SPARQL 1.1 JSON Results §3.1, XML Results §2.2).
The body is otherwise the plain format: no extra key, no comment.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

TRUNCATED_LINK = "urn:policykg:truncated"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# Prefixes offered to Turtle / RDF-XML writers so graphs read like the documentation.
PREFIXES = {
    "pkg": "https://w3id.org/policykg/ontology#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qb": "http://purl.org/linked-data/cube#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "void": "http://rdfs.org/ns/void#",
}

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass
class Written:
    """A serialized answer: the bytes, how many rows (or triples) it holds, whether it was cut."""

    body: bytes
    rows: int
    truncated: bool


def take(items: Iterable[Any], max_rows: int) -> tuple[list[Any], bool]:
    """The first ``max_rows`` items and whether there were more.

    >>> take(range(5), 3)
    ([0, 1, 2], True)
    >>> take(range(3), 3)
    ([0, 1, 2], False)
    """
    iterator = iter(items)
    head = list(itertools.islice(iterator, max_rows))
    more = next(iterator, None) is not None if len(head) == max_rows else False
    return head, more


# --- terms -------------------------------------------------------------------------------


def term_json(term: Any) -> dict[str, Any]:
    """A term as a SPARQL 1.1 JSON results binding (RDF 1.2 triple terms included)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_json(term.subject),
                "predicate": term_json(term.predicate),
                "object": term_json(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")


def term_plain(term: Any) -> str:
    """A term as the plain string CSV results use (IRI, lexical form, ``_:label``)."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def term_turtle(term: Any) -> str:
    """A term in Turtle/N-Triples syntax, as TSV results use."""
    return str(term)


def solution_rows(solutions: Any, max_rows: int) -> tuple[list[str], list[list[Any]], bool]:
    """(variable names, rows of terms or None, truncated) from pyoxigraph QuerySolutions."""
    names = [v.value for v in solutions.variables]
    rows, more = take(
        ([solution[i] for i in range(len(names))] for solution in solutions), max_rows
    )
    return names, rows, more


# --- SELECT ------------------------------------------------------------------------------


def write_select(names: list[str], rows: list[list[Any]], truncated: bool, fmt: str) -> bytes:
    """Write SELECT rows as ``json``, ``xml``, ``csv`` or ``tsv``."""
    if fmt == "json":
        return _select_json(names, rows, truncated)
    if fmt == "xml":
        return _select_xml(names, rows, truncated)
    if fmt == "csv":
        return _select_delimited(names, rows, ",", term_plain, header=names)
    if fmt == "tsv":
        return _select_delimited(names, rows, "\t", term_turtle, header=[f"?{n}" for n in names])
    raise ValueError(f"not a results format: {fmt}")


def _select_json(names: list[str], rows: list[list[Any]], truncated: bool) -> bytes:
    head: dict[str, Any] = {"vars": names}
    if truncated:
        head["link"] = [TRUNCATED_LINK]
    bindings = [
        {name: term_json(term) for name, term in zip(names, row, strict=True) if term is not None}
        for row in rows
    ]
    body: dict[str, Any] = {"head": head, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return (
                f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(term.value)}</literal>"
            )
        if term.datatype.value != XSD_STRING:
            return (
                f"<literal datatype={quoteattr(term.datatype.value)}>"
                f"{xml_escape(term.value)}</literal>"
            )
        return f"<literal>{xml_escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    raise TypeError(f"not an RDF term: {term!r}")


def _select_xml(names: list[str], rows: list[list[Any]], truncated: bool) -> bytes:
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>')
    for name in names:
        out.write(f"<variable name={quoteattr(name)}/>")
    if truncated:
        out.write(f'<link href="{TRUNCATED_LINK}"/>')
    out.write("</head><results>")
    for row in rows:
        out.write("<result>")
        for name, term in zip(names, row, strict=True):
            if term is not None:
                out.write(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.write("</result>")
    out.write("</results></sparql>\n")
    return out.getvalue().encode("utf-8")


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _select_delimited(
    names: list[str], rows: list[list[Any]], sep: str, render: Any, header: list[str]
) -> bytes:
    quote = _csv_field if sep == "," else (lambda text: text)
    lines = [sep.join(quote(h) for h in header)]
    for row in rows:
        lines.append(sep.join("" if term is None else quote(render(term)) for term in row))
    eol = "\r\n" if sep == "," else "\n"
    return (eol.join(lines) + eol).encode("utf-8")


# --- ASK ---------------------------------------------------------------------------------


def write_boolean(value: bool, fmt: str) -> bytes:
    """Write an ASK answer as ``json``, ``xml``, ``csv`` or ``tsv``."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    if fmt in ("csv", "tsv"):
        return ("true" if value else "false").encode() + b"\n"
    raise ValueError(f"not a results format: {fmt}")


# --- CONSTRUCT / DESCRIBE ----------------------------------------------------------------


def write_graph(triples: list[Any], truncated: bool, fmt: str) -> bytes:
    """Write triples as ``turtle``, ``jsonld``, ``nt`` or ``rdfxml`` (a cut graph is marked
    by the caller's header only: graph formats have no head)."""
    rdf_format = RDF_FORMATS[fmt]
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml", "jsonld") else None
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    assert body is not None
    return body
