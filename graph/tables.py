"""Tidy tables of the graph for R, Stata or pandas, and the networks researchers analyse.

Each table is one ``.rq`` file in ``graph/tables/`` (its header says what a row is and which
columns form the key): documents, sections, measures, agency_roles, targets, references,
cascade_links. :func:`write_package` writes them as CSV files beside a Frictionless
``datapackage.json`` that gives each column's type and each table's primary and foreign keys,
so ``frictionless validate`` or ``pandas.read_csv`` need nothing else.

:func:`document_network` and :func:`agency_network` are the two graphs exported as GraphML and
GEXF: typed nodes with labels and attributes, typed edges; values that occur several times on
one node are joined with ``"; "``, never dropped. Regions are attributes, not nodes.

>>> [t.name for t in TABLES][:3]
['documents', 'sections', 'measures']
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.sparql import PREFIXES
from graph.store import Store

TABLE_DIR = Path(__file__).resolve().parent / "tables"
_XSD_TYPES = {
    "integer": "integer",
    "int": "integer",
    "long": "integer",
    "decimal": "number",
    "double": "number",
    "float": "number",
    "boolean": "boolean",
    "date": "date",
    "gYear": "year",
}
#: foreign keys: table → [(column, referenced table, referenced column)]
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "sections": [("document", "documents", "document")],
    "measures": [("document", "documents", "document")],
    "agency_roles": [("measure", "measures", "measure"), ("document", "documents", "document")],
    "targets": [("document", "documents", "document")],
    "references": [("document", "documents", "document")],
    "cascade_links": [
        ("lower_target", "targets", "target"),
        ("higher_target", "targets", "target"),
    ],
}


@dataclass(frozen=True)
class TableQuery:
    """One tidy table: its name, what a row is, its key columns and its SPARQL."""

    name: str
    description: str
    key: tuple[str, ...]
    sparql: str


@dataclass
class Table:
    """A filled table: column names, a Frictionless type per column, rows of plain values."""

    name: str
    description: str
    key: tuple[str, ...]
    columns: list[str]
    types: dict[str, str]
    rows: list[list[Any]]


def _parse(path: Path) -> TableQuery:
    text = path.read_text(encoding="utf-8")
    header = [line.lstrip("# ").rstrip() for line in text.splitlines() if line.startswith("#")]
    key_line = next(line for line in header if line.startswith("key:"))
    described = " ".join(line for line in header if not line.startswith("key:"))
    description = described.split("—", 1)[-1].strip()
    key = tuple(k.strip() for k in key_line[4:].split(","))
    return TableQuery(path.stem, description, key, text)


ORDER = (
    "documents",
    "sections",
    "measures",
    "agency_roles",
    "targets",
    "references",
    "cascade_links",
)
TABLES: tuple[TableQuery, ...] = tuple(_parse(TABLE_DIR / f"{name}.rq") for name in ORDER)


def _plain(term: Any) -> tuple[Any, str]:
    """A term's value for a CSV cell and its Frictionless type."""
    if term is None:
        return None, ""
    if isinstance(term, ox.NamedNode):
        return term.value, "string"
    if isinstance(term, ox.Literal):
        kind = _XSD_TYPES.get(term.datatype.value.rsplit("#", 1)[-1], "string")
        if kind == "boolean":
            return term.value == "true", kind
        if kind == "integer":
            return int(term.value), kind
        if kind == "number":
            number = float(term.value)
            return int(number) if number.is_integer() else number, kind
        return term.value, kind
    return str(term), "string"


def fill(store: Store, table: TableQuery) -> Table:
    """Run one table's query on ``store``."""
    result = store.query(PREFIXES + table.sparql)
    assert isinstance(result, ox.QuerySolutions)
    columns = [v.value for v in result.variables]
    kinds: dict[str, Counter[str]] = {c: Counter() for c in columns}
    rows: list[list[Any]] = []
    for solution in result:
        row = []
        for column, term in zip(columns, solution, strict=True):
            cell, kind = _plain(term)
            if kind:
                kinds[column][kind] += 1
            row.append(cell)
        rows.append(row)
    # a column whose values come in several types (rare: a year written as a string) is text
    types = {c: (next(iter(k)) if len(k) == 1 else "string") for c, k in kinds.items()}
    return Table(table.name, table.description, table.key, columns, types, rows)


def tables(store: Store) -> list[Table]:
    """Every tidy table of the store's data."""
    return [fill(store, table) for table in TABLES]


def _csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def datapackage(filled: Iterable[Table]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the tables (one CSV resource each)."""
    resources = []
    for table in filled:
        schema: dict[str, Any] = {
            "fields": [
                {"name": column, "type": table.types.get(column, "string")}
                for column in table.columns
            ],
            "primaryKey": list(table.key),
            "missingValues": [""],
        }
        foreign = FOREIGN_KEYS.get(table.name, [])
        if foreign:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": other, "fields": other_column}}
                for column, other, other_column in foreign
            ]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "policykg",
        "title": "policykg: Chinese quality-policy documents, measures, agencies and targets",
        "profile": "tabular-data-package",
        "resources": resources,
    }


def package_files(store: Store) -> dict[str, bytes]:
    """File name → bytes of every table and of ``datapackage.json``."""
    filled = tables(store)
    files = {f"{table.name}.csv": _csv_bytes(table) for table in filled}
    descriptor = json.dumps(datapackage(filled), ensure_ascii=False, indent=2)
    files["datapackage.json"] = descriptor.encode("utf-8")
    return files


def package_zip(store: Store) -> bytes:
    """The tables and their ``datapackage.json`` as one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package_files(store).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_package(store: Store, folder: Path) -> list[Path]:
    """Write the tables and ``datapackage.json`` into ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in package_files(store).items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


def _records(table: Table) -> list[dict[str, Any]]:
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def _join(values: Iterable[Any]) -> str:
    seen = sorted({str(v) for v in values if v not in (None, "")})
    return "; ".join(seen)


def _node_attrs(values: dict[str, set[Any]]) -> dict[str, Any]:
    """Attributes for GraphML/GEXF: one value as is, several joined, none left out."""
    attrs: dict[str, Any] = {}
    for name, found in values.items():
        kept = {v for v in found if v not in (None, "")}
        if len(kept) == 1:
            (only,) = kept
            attrs[name] = only
        elif kept:
            attrs[name] = _join(kept)
    return attrs


def document_network(store: Store) -> nx.MultiDiGraph:
    """Documents as nodes (loaded and external), references as typed edges between them."""
    by_name = {
        table.name: table
        for table in (fill(store, q) for q in TABLES if q.name in ("documents", "references"))
    }
    graph = nx.MultiDiGraph(name="policykg document network")
    collected: dict[str, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for row in _records(by_name["documents"]):
        attrs = collected[row["document"]]
        attrs["kind"].add("document" if row["loaded"] else "external document")
        attrs["label"].add(row["title"] or row["plan_title"] or row["doc_number"] or "")
        for column in ("doc_number", "doc_type", "level", "region", "region_code", "issuers"):
            attrs[column].add(row[column])
        if row["issued"]:
            attrs["year"].add(int(str(row["issued"])[:4]))
        attrs["issued"].add(row["issued"])
    for node, values in collected.items():
        graph.add_node(node, **_node_attrs(values))
    for row in _records(by_name["references"]):
        target = row["referenced_document"]
        if not target or target == row["document"]:
            continue
        graph.add_edge(row["document"], target, key=row["relation"], relation=row["relation"])
    return graph


def agency_network(store: Store) -> nx.MultiDiGraph:
    """Agencies and measures as typed nodes, each role (lead, participant, responsible) an edge
    from the agency to the measure; the measure carries its document, level and region."""
    by_name = {
        q.name: fill(store, q)
        for q in TABLES
        if q.name in ("documents", "measures", "agency_roles")
    }
    documents = {row["document"]: row for row in _records(by_name["documents"])}
    graph = nx.MultiDiGraph(name="policykg agency network")
    agencies: dict[str, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for row in _records(by_name["agency_roles"]):
        attrs = agencies[row["agency"]]
        attrs["kind"].add("agency")
        attrs["label"].add(row["agency_name"] or row["raw_name"])
        attrs["agency_type"].add(row["agency_type"])
        attrs["region"].add(row["agency_region"])
        attrs["written_as"].add(row["raw_name"])
    for node, values in agencies.items():
        graph.add_node(node, **_node_attrs(values))
    for row in _records(by_name["measures"]):
        doc = documents.get(row["document"], {})
        graph.add_node(
            row["measure"],
            **_node_attrs(
                {
                    "kind": {"measure"},
                    "label": {row["title"] or (row["text"] or "")[:40]},
                    "path": {row["path"]},
                    "document": {row["document"]},
                    "document_title": {doc.get("title")},
                    "level": {doc.get("level")},
                    "region": {doc.get("region")},
                }
            ),
        )
    for row in _records(by_name["agency_roles"]):
        graph.add_edge(row["agency"], row["measure"], key=row["role_kind"], role=row["role_kind"])
    return graph


NETWORKS = {"documents": document_network, "agencies": agency_network}


def network_bytes(store: Store, network: str, format: str) -> bytes:
    """One network as GraphML or GEXF."""
    graph = NETWORKS[network](store)
    buffer = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(graph, buffer)
    else:
        nx.write_gexf(graph, buffer)
    return buffer.getvalue()


__all__ = [
    "NETWORKS",
    "TABLES",
    "Table",
    "agency_network",
    "datapackage",
    "document_network",
    "network_bytes",
    "package_zip",
    "tables",
    "write_package",
]
