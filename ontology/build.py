"""Build the policykg ontology with owlready2 and write it, with the SKOS schemes, to files.

``python -m ontology.build [OUT_DIR]`` writes ``policykg.ttl``, ``policykg.owl`` and
``schemes/*.ttl`` (default: this package's folder). A test rebuilds into a temporary folder
and compares the graphs by isomorphism, so a change here without a rebuild fails it.
"""

from __future__ import annotations

import io
import sys
import types
from pathlib import Path
from typing import Any

import owlready2 as owl
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDFS

from ontology import skos, terms
from ontology.vocabulary import CLASSES, EXTERNAL_AXIOMS, PROPERTIES, PropertySpec

HERE = Path(__file__).resolve().parent
VERSION = "0.1.0"

_DATATYPES: dict[str, Any] = {
    "string": str,
    "langString": owl.locstr,
    "integer": int,
    "decimal": float,  # owlready writes float ranges as xsd:decimal
    "boolean": bool,
}


def _split(iri: str) -> tuple[str, str]:
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    return iri[:cut], iri[cut:]


class _Author:
    """Creates owlready2 entities by IRI inside one ontology."""

    def __init__(self) -> None:
        self.world = owl.World()
        self.onto = self.world.get_ontology(terms.PKG)
        self.skos_definition: Any = None

    def entity(self, iri: str, base: type) -> Any:
        found = self.world[iri]
        if found is not None:
            return found
        namespace_iri, name = _split(iri)
        namespace = (
            self.onto if namespace_iri == terms.PKG else self.onto.get_namespace(namespace_iri)
        )
        with self.onto:
            return types.new_class(
                name, (base,), exec_body=lambda body: body.update({"namespace": namespace})
            )

    def annotate(self, entity: Any, zh: str, en: str, def_en: str, def_zh: str) -> None:
        entity.label = [owl.locstr(zh, "zh"), owl.locstr(en, "en")]
        self.skos_definition[entity] = [owl.locstr(def_en, "en"), owl.locstr(def_zh, "zh")]
        entity.isDefinedBy = [self.onto]

    def build(self) -> None:
        with self.onto:
            self.skos_definition = self.entity(terms.SKOS_DEFINITION, owl.AnnotationProperty)
        for c in CLASSES:
            cls = self.entity(c.iri, owl.Thing)
            for parent in c.parents:
                cls.is_a.append(self.entity(parent, owl.Thing))
            self.annotate(cls, c.label_zh, c.label_en, c.definition_en, c.definition_zh)
        for p in PROPERTIES:
            self.property(p)
            self.annotate(
                self.world[p.iri], p.label_zh, p.label_en, p.definition_en, p.definition_zh
            )
        for p in EXTERNAL_AXIOMS:
            self.property(p)

    def property(self, spec: PropertySpec) -> None:
        base = owl.ObjectProperty if spec.kind == "object" else owl.DataProperty
        prop = self.entity(spec.iri, base)
        with self.onto:
            for parent in spec.parents:
                prop.is_a.append(self.entity(parent, base))
            if spec.transitive:
                prop.is_a.append(owl.TransitiveProperty)
            if spec.domain:
                prop.domain = [self.entity(spec.domain, owl.Thing)]
            if spec.range:
                prop.range = [self.entity(spec.range, owl.Thing)]
            if spec.datatype in _DATATYPES:
                prop.range = [_DATATYPES[spec.datatype]]
            if spec.inverse_of:
                prop.inverse_property = self.entity(spec.inverse_of, base)
            for chain in spec.chains:
                steps = [self.entity(step, owl.ObjectProperty) for step in chain]
                prop.property_chain.append(owl.PropertyChain(steps))


def build_owlready() -> tuple[owl.World, owl.Ontology]:
    """Author the ontology in a fresh owlready2 world and return it (for the reasoner)."""
    author = _Author()
    author.build()
    return author.world, author.onto


def _header(graph: Graph) -> None:
    onto = URIRef(terms.ONTOLOGY_IRI)
    graph.add((onto, RDFS.label, Literal("policykg 政策知识图谱本体", lang="zh")))
    graph.add((onto, RDFS.label, Literal("policykg ontology", lang="en")))
    graph.add(
        (
            onto,
            DCTERMS.description,
            Literal(
                "Chinese quality-policy documents, their measures, agencies and targets, aligned "
                "with ELI, W3C ORG, SKOS, Data Cube/SDMX and PROV.",
                lang="en",
            ),
        )
    )
    graph.add(
        (
            onto,
            DCTERMS.description,
            Literal(
                "质量政策文件及其措施、部门和目标的本体，与 ELI、ORG、SKOS、数据立方和 PROV 对齐。",
                lang="zh",
            ),
        )
    )
    graph.add((onto, OWL.versionInfo, Literal(VERSION)))


def bind_prefixes(graph: Graph) -> None:
    """Bind the project's prefixes so Turtle output reads as the README does."""
    for prefix, iri in terms.PREFIXES.items():
        graph.bind(prefix, Namespace(iri), replace=True)


def ontology_graph() -> Graph:
    """The ontology as an rdflib graph."""
    _, onto = build_owlready()
    data = io.BytesIO()
    onto.save(data, format="ntriples")
    graph = Graph()
    graph.parse(data=data.getvalue().decode("utf-8"), format="nt")
    # owlready2 makes every class a subclass of owl:Thing; that says nothing, so drop it.
    graph.remove((None, RDFS.subClassOf, OWL.Thing))
    _header(graph)
    bind_prefixes(graph)
    return graph


def write_all(out_dir: Path = HERE) -> list[Path]:
    """Write the ontology (Turtle and RDF/XML) and every SKOS scheme under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    graph = ontology_graph()
    written = [out_dir / "policykg.ttl", out_dir / "policykg.owl"]
    graph.serialize(written[0], format="turtle")
    graph.serialize(written[1], format="xml")
    for name, scheme in skos.all_schemes().items():
        path = out_dir / "schemes" / f"{name}.ttl"
        path.parent.mkdir(parents=True, exist_ok=True)
        bind_prefixes(scheme)
        scheme.serialize(path, format="turtle")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m ontology.build [OUT_DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else HERE
    for path in write_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
