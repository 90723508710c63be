"""The ``policykg`` command line: extract, load, query, export, validate, reason, viz, serve.

Each command is a thin shell over the same importable functions the API uses:
``loaders.extract``, ``graph.load``, ``graph.queries``, ``graph.export``,
``graph.validation``, ``graph.reasoning``, ``visualizations`` and ``api.server``.

Exit codes: 0 success, 1 when some input was rejected or a check failed, 2 on a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from api.settings import Settings

app = typer.Typer(
    name="policykg",
    help="Turn Chinese quality-policy documents into a knowledge graph and explore it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console(stderr=True)
out = Console()

DEFAULT_CORPUS = Path("data/corpus")

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Store spec: oxigraph:PATH, memory: or sparql:URL[;update=URL] "
        "(default: POLICYKG_STORE or oxigraph:data/store).",
    ),
]


def _settings(store: str | None) -> Settings:
    try:
        settings = Settings()
    except Exception as exc:  # pydantic's ValidationError names the bad key
        console.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if store:
        settings = settings.model_copy(update={"store": store})
    return settings


def _open(settings: Settings, *, read_only: bool = False) -> Any:
    """Open the configured store; read-only commands take no lock, so they work beside
    a running ``policykg serve``."""
    from graph.errors import StoreError
    from graph.stores import open_store

    try:
        return open_store(settings.store, read_only=read_only)
    except StoreError as exc:
        console.print(f"[red]cannot open store {settings.store}:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A .txt, .html, .docx or .pdf policy document.")],
    fmt: Annotated[str, typer.Option("--format", help="Output format (json).")] = "json",
    include_text: Annotated[
        bool, typer.Option("--text/--no-text", help="Include the cleaned text in the record.")
    ] = False,
) -> None:
    """Print the record extracted from one document as UTF-8 JSON."""
    from loaders.errors import LoaderError
    from loaders.extract import extract_file

    if fmt != "json":
        console.print(f"[red]unknown format {fmt!r}[/red]: only json is supported")
        raise typer.Exit(2)
    settings = _settings(None)
    try:
        record = extract_file(file, max_bytes=settings.max_upload_bytes)
    except LoaderError as exc:
        console.print(f"[red]rejected[/red] {exc}")
        raise typer.Exit(1) from exc
    json.dump(
        record.to_json_dict(include_text=include_text), sys.stdout, ensure_ascii=False, indent=2
    )
    sys.stdout.write("\n")


@app.command()
def load(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to load (default: the bundled data/corpus)."),
    ] = None,
    store: StoreOption = None,
    reason: Annotated[
        bool, typer.Option("--reason/--no-reason", help="Run the reasoner after loading.")
    ] = True,
    engine: Annotated[
        str,
        typer.Option(
            help="Reasoner after loading: rules (forward chaining in Python), owlready (HermiT) or auto."
        ),
    ] = "rules",
    workers: Annotated[
        int,
        typer.Option(min=1, help="Processes extracting documents (default: one per core)."),
    ] = os.cpu_count() or 1,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON (for scripts).")
    ] = False,
) -> None:
    """Extract every document and load it into the store, then print a summary table."""
    from graph.load import load_paths

    if engine not in ("auto", "rules", "owlready"):
        console.print(f"[red]unknown reasoner {engine!r}[/red]: rules, owlready or auto")
        raise typer.Exit(2)
    targets = paths or [DEFAULT_CORPUS]
    missing = [p for p in targets if not p.exists()]
    if missing:
        console.print(f"[red]no such file or folder:[/red] {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    settings = _settings(store)
    db = _open(settings)
    try:
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("extracting", total=None)
            report = load_paths(
                db,
                targets,
                max_bytes=settings.max_upload_bytes,
                workers=workers,
                progress=lambda path: bar.update(task, advance=1, description=Path(path).name),
            )
        if reason:
            from graph.reasoning import reason as run_reasoner

            # The rule pass infers exactly what HermiT does (tests/ontology proves it) at a
            # fraction of the cost, so a load does not wait on the JVM; `policykg reason` runs
            # HermiT where Java is present.
            reasoning = run_reasoner(db, engine=engine)
            report.reason_seconds = reasoning.seconds
            report.seconds += reasoning.seconds
            report.triples = len(db)
        db.flush()
    finally:
        db.close()
    if as_json:
        out.print_json(json.dumps(_load_report_json(report), ensure_ascii=False))
    else:
        _print_load_report(report)
    raise typer.Exit(1 if report.rejected else 0)


def _load_report_json(report: Any) -> dict[str, Any]:
    fields = (
        "documents unchanged replaced measures targets agencies references_resolved "
        "references_unresolved cascade_links weaker_links not_taken_up triples"
    ).split()
    summary: dict[str, Any] = {name: getattr(report, name) for name in fields}
    summary["seconds"] = {
        "total": round(report.seconds, 3),
        "linking": round(report.link_seconds, 3),
        "reasoning": round(report.reason_seconds, 3),
    }
    summary["rejected"] = [{"path": r.path, "reason": r.reason} for r in report.rejected]
    return summary


def _print_load_report(report: Any) -> None:
    table = Table(title="policykg load", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in report.rows():
        table.add_row(label, value)
    out.print(table)
    for rejected in report.rejected:
        out.print(f"[red]rejected[/red] {rejected.path}: {rejected.reason}")


@app.command()
def query(
    text: Annotated[
        str | None, typer.Argument(help="SPARQL text, @FILE, or the name of a named query.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Named-query parameter k=v.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run SPARQL text, a .rq file or a named query, printing a table, JSON or CSV."""
    from graph import queries

    if list_queries:
        for entry in queries.catalog():
            out.print(f"[bold]{entry.name}[/bold] — {entry.description}")
            for p in entry.parameters:
                optional = ", optional" if p.optional else ""
                out.print(f"    --param {p.name}=…  {p.description} ({p.type}{optional})")
        return
    if not text:
        console.print("[red]give SPARQL text, @FILE or a named query (see --list)[/red]")
        raise typer.Exit(2)
    params: dict[str, str] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            console.print(f"[red]--param wants k=v, got {item!r}[/red]")
            raise typer.Exit(2)
        params[key] = value
    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        rows = _run_query(db, text, params)
    finally:
        db.close()
    _print_rows(rows, fmt)


def _run_query(db: Any, text: str, params: dict[str, str]) -> list[dict[str, Any]]:
    from graph import queries
    from graph.errors import GraphError, UnknownQuery
    from graph.sparql import select, value

    try:
        if text.startswith("@"):
            rows = select(db, Path(text[1:]).read_text(encoding="utf-8"))
            return [{k: value(v) for k, v in row.items()} for row in rows]
        try:
            queries.catalog_entry(text)
        except UnknownQuery:
            if params:
                raise
            return [{k: value(v) for k, v in row.items()} for row in select(db, text)]
        return queries.run(db, text, **params)
    except (GraphError, OSError) as exc:
        console.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(1) from exc


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        return
    if fmt != "table":
        console.print(f"[red]unknown format {fmt!r}[/red]: table, json or csv")
        raise typer.Exit(2)
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    out.print(table)
    console.print(f"{len(rows)} rows")


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="ttl, jsonld, nt, nq, trig (RDF); graphml, gexf (a network); "
            "csv (tidy tables + datapackage.json).",
        ),
    ] = "ttl",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="File to write; for csv a folder (or a name ending in .zip)."
        ),
    ] = None,
    network: Annotated[
        str, typer.Option("--network", help="graphml/gexf: documents or agencies.")
    ] = "documents",
    vocabularies: Annotated[
        bool, typer.Option("--vocabularies", help="RDF formats: add the ontology and schemes.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Export the graph: RDF, the document or agency network, or tidy CSV tables."""
    from graph.export import FORMATS
    from graph.export import export as export_store
    from graph.tables import NETWORKS, write_package

    if fmt not in FORMATS:
        console.print(f"[red]unknown format {fmt!r}[/red]: one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if network not in NETWORKS:
        console.print(f"[red]unknown network {network!r}[/red]: one of {', '.join(NETWORKS)}")
        raise typer.Exit(2)
    if fmt == "csv" and output is None:
        console.print("[red]csv writes several tables[/red]: give -o FOLDER or -o FILE.zip")
        raise typer.Exit(2)
    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        if fmt == "csv" and output is not None and output.suffix.lower() != ".zip":
            written = write_package(db, output)
            console.print(
                f"wrote {len(written)} files to {output}/ (datapackage.json describes them)"
            )
            return
        data = export_store(db, fmt, include_vocabularies=vocabularies, network=network)
    finally:
        db.close()
    if output:
        output.write_bytes(data)
        console.print(f"wrote {len(data):,} bytes to {output}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def validate(store: StoreOption = None) -> None:
    """Check the graph against the SHACL shapes and list every violation."""
    from graph.validation import validate as run_validation

    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        report = run_validation(db)
    finally:
        db.close()
    for line in report.lines():
        out.print(line, markup=False, highlight=False)

    raise typer.Exit(0 if report.conforms else 1)


@app.command()
def reason(
    engine: Annotated[str, typer.Option(help="auto, rules or owlready.")] = "auto",
    store: StoreOption = None,
) -> None:
    """Make what the ontology implies explicit (inverse links, transitive chains)."""
    from graph.reasoning import reason as run_reasoner

    settings = _settings(store)
    db = _open(settings)
    try:
        report = run_reasoner(db, engine=engine)
        db.flush()
    finally:
        db.close()
    for line in report.lines():
        out.print(line, markup=False, highlight=False)


@app.command()
def viz(
    kind: Annotated[str, typer.Argument(help="hierarchy, document, agencies or cascade.")],
    key: Annotated[
        str | None, typer.Argument(help="Document id, agency id or concept id, where needed.")
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "view.html"
    ),
    store: StoreOption = None,
) -> None:
    """Write a standalone network view (opens with no server and no network)."""
    from visualizations import export_view

    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        html = export_view(kind, db, key=key)
    except (KeyError, ValueError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    finally:
        db.close()
    output.write_text(html, encoding="utf-8")
    console.print(f"wrote {output}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint, REST API and network views over HTTP."""
    from api.server import serve as run_server

    settings = _settings(store)
    updates: dict[str, Any] = {}
    if host:
        updates["host"] = host
    if port:
        updates["port"] = port
    run_server(settings.model_copy(update=updates))


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="First document (id or IRI), e.g. the parent.")],
    b: Annotated[str, typer.Argument(help="Second document (id or IRI), e.g. its implementer.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Two documents side by side: aligned measures, targets per indicator, owning agencies
    and references (a parent and its implementer, or two peers)."""
    from api.routes_compare import comparison_text
    from graph.compare import UnknownDocument, compare_documents

    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        comparison = compare_documents(db, a, b)
    except UnknownDocument as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    finally:
        db.close()
    if as_json:
        out.print_json(data=comparison)
    else:
        out.print(comparison_text(comparison), markup=False, highlight=False, end="")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
