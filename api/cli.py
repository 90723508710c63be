"""The ``policykg`` command line: extract, load, query, search, index, export, validate,
reason, viz, serve.

Each command is a thin shell over the same importable functions the API uses:
``loaders.extract``, ``graph.load``, ``graph.queries``, ``graph.export``,
``graph.validation``, ``graph.reasoning``, ``visualizations`` and ``api.server``.

Exit codes, the same for every command: 0 success; 1 when some input was rejected, a check
failed, or a document, agency or indicator asked for is not in the store; 2 on a usage error.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from api.settings import Settings
from loaders.errors import shown_path

app = typer.Typer(
    name="policykg",
    help="Turn Chinese quality-policy documents into a knowledge graph and explore it.\n\n"
    "Exit codes for every command: 0 ok; 1 some input rejected, a check failed, or the "
    "document, agency or indicator asked for is not in the store; 2 usage error.",
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
        console.print(f"[red]rejected[/red] {escape(str(exc))}", soft_wrap=True)
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
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read symbolic links that lead out of the loaded folder (refused by default).",
        ),
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
                follow_symlinks=follow_symlinks,
                progress=lambda path: bar.update(task, advance=1, description=Path(path).name),
            )
        if reason:
            from graph.reasoning import reason as run_reasoner

            # The rule pass infers exactly what HermiT does (tests/ontology proves it) at a
            # fraction of the cost, so a load does not wait on the JVM; `policykg reason` runs
            # HermiT where Java is present.
            reasoning = run_reasoner(db, engine=engine, incremental=report.incremental)
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
        # one line per reject, whatever the file is called (newlines, rich markup)
        line = f"{shown_path(rejected.path)}: {shown_path(rejected.reason)}"
        out.print(f"[red]rejected[/red] {escape(line)}", soft_wrap=True)


@app.command()
def query(
    text: Annotated[
        str | None,
        typer.Argument(help="The name of a named query (see --list), SPARQL text or @FILE."),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="Named-query parameter k=v. A document, agency or indicator may be given as "
            "its IRI, its id (su-zhengbanfa-2012-123, 320000/quality-supervision, "
            "jiangsu-famous-brand, 320000) or its exact name (江苏省质量技术监督局, "
            "苏政办发〔2012〕123号, 镇江市).",
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="table (a table when it fits the terminal, else one record per row), records, "
            "csv, tsv, json or jsonl (typed values).",
        ),
    ] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run a named query, SPARQL text or a .rq file, printing a table, records, CSV or JSON.

    Exit codes: 0 answered, 1 a document/agency/indicator named in a parameter is not in the
    store or the query failed, 2 usage (unknown query name or format, bad parameter).
    """
    from api import terminal
    from graph import queries

    if list_queries:
        for entry in queries.catalog():
            out.print(f"[bold]{entry.name}[/bold] — {entry.description}", highlight=False)
            for p in entry.parameters:
                optional = ", optional" if p.optional else ""
                out.print(
                    f"    -p {p.name}=…  {p.description} ({p.type}{optional})", highlight=False
                )
        return
    if not text:
        console.print("[red]give a named query (see --list), SPARQL text or @FILE[/red]")
        raise typer.Exit(2)
    if fmt not in terminal.FORMATS:
        console.print(f"[red]unknown format {fmt!r}[/red]: one of {', '.join(terminal.FORMATS)}")
        raise typer.Exit(2)
    params: dict[str, str] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            console.print(f"[red]--param wants k=v, got {item!r}[/red]")
            raise typer.Exit(2)
        params[key] = value
    if not text.startswith("@") and re.fullmatch(r"[\w-]+", text):
        _named_or_exit(text)
    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        rows = _run_query(db, text, params)
    finally:
        db.close()
    _print_rows(rows, fmt)


def _named_or_exit(name: str) -> None:
    """A bare word is a query name: say so when it names none, listing the close ones."""
    import difflib

    from graph import queries
    from graph.errors import UnknownQuery

    try:
        queries.catalog_entry(name)
    except UnknownQuery:
        names = [entry.name for entry in queries.catalog()]
        close = difflib.get_close_matches(name, names, n=4, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        console.print(
            f"[red]no named query {name!r}.[/red]{hint}\nNamed queries: {', '.join(names)}",
            highlight=False,
        )
        raise typer.Exit(2) from None


# parameter type (or name) → (named query listing the things, IRI column, name columns, base IRI)
_LOOKUPS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "agency": ("agencies", "agency", ("label",), "agency"),
    "doc": ("document_list", "doc", ("title", "planTitle", "number"), "doc"),
    "concept": ("indicators", "concept", ("label",), "concept"),
    # regions by name: the regions documents belong to (江苏省, 镇江市, 嘉泽镇)
    "region": ("document_list", "region", ("regionLabel",), "region"),
}


def _resolve(db: Any, entry: Any, params: dict[str, str]) -> dict[str, str]:
    """Parameters with names (江苏省质量技术监督局) and agency ids (320000/quality-supervision)
    turned into IRIs; exit 1 naming the parameter when nothing in the store has that name."""
    from ontology import terms

    resolved = dict(params)
    for p in entry.parameters:
        raw = (params.get(p.name) or "").strip()
        kind = p.type if p.type in _LOOKUPS else p.name
        if not raw or kind not in _LOOKUPS or re.match(r"^[a-z][a-z0-9+.-]*:", raw, re.I):
            continue
        if kind == "agency" and re.fullmatch(r"[A-Za-z0-9._~%/-]+", raw):
            resolved[p.name] = terms.AGENCY_BASE + raw
            continue
        if raw.isascii():
            continue  # a doc or concept id: graph.queries binds it
        listing, column, names, what = _LOOKUPS[kind]
        from graph import queries

        found = [
            row[column]
            for row in queries.run(db, listing)
            if row.get(column) and any(row.get(n) == raw for n in names)
        ]
        if not found:
            console.print(f"[red]no {what} named {raw!r}[/red] (parameter {p.name})")
            raise typer.Exit(1)
        resolved[p.name] = str(found[0])
    return resolved


def _run_query(db: Any, text: str, params: dict[str, str]) -> list[dict[str, Any]]:
    """Rows of pyoxigraph terms for a named query, SPARQL text or @FILE."""
    from graph import queries
    from graph.errors import GraphError, ParameterError, UnknownQuery
    from graph.sparql import select

    try:
        if text.startswith("@"):
            return select(db, Path(text[1:]).read_text(encoding="utf-8"))
        try:
            entry = queries.catalog_entry(text)
        except UnknownQuery:
            if params:
                raise
            return select(db, text)
        return select(db, queries.bind(entry.sparql, entry, _resolve(db, entry, params)))
    except ParameterError as exc:
        console.print(f"[red]bad parameter:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except (GraphError, OSError) as exc:
        console.print(f"[red]query failed:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    from api import terminal

    ordered = list(dict.fromkeys(k for row in rows for k in row))
    if fmt in ("json", "jsonl"):
        terminal.write_json(rows, ordered, sys.stdout, lines=fmt == "jsonl")
        return
    if fmt in ("csv", "tsv"):
        terminal.write_delimited(rows, ordered, sys.stdout, "," if fmt == "csv" else "\t")
        return
    columns = terminal.columns_of(rows)
    width = out.width
    if fmt == "table" and terminal.fits_table(rows, columns, width):
        if terminal.write_table(rows, columns, out):
            console.print("long values cut (…): --format records or json shows them whole")
    else:
        for line in terminal.record_lines(rows, columns, width):
            out.print(line, markup=False, highlight=False, soft_wrap=True)
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
        str | None,
        typer.Argument(
            help="Document id (su-zhengbanfa-2012-123), agency id (320000/quality-supervision) "
            "or indicator id (jiangsu-famous-brand), where needed."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="HTML file to write (default: a new file policykg-KIND-….html in the system's "
            "temporary folder; its path is printed).",
        ),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Write a standalone network view (opens with no server and no network).

    Exit codes: 0 written, 1 the document, agency or indicator is not in the store, 2 usage.
    """
    import tempfile

    from visualizations import export_view

    settings = _settings(store)
    db = _open(settings, read_only=True)
    try:
        html = export_view(kind, db, key=key)
    except KeyError as exc:
        console.print(f"[red]not found:[/red] {exc.args[0] if exc.args else exc}", highlight=False)
        raise typer.Exit(1) from exc
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        db.close()
    if output is None:
        # never litter the current folder: a named file in the temporary folder, path printed
        handle, name = tempfile.mkstemp(prefix=f"policykg-{kind}-", suffix=".html")
        os.close(handle)
        output = Path(name)
    output.write_text(html, encoding="utf-8")
    out.print(str(output), markup=False, highlight=False, soft_wrap=True)
    console.print(f"wrote {len(html):,} characters; open it in a browser", highlight=False)


KIND_ZH = {"document": "文件", "measure": "措施", "target": "目标", "agency": "机构"}
LEVEL_ZH = {
    "national": "国家",
    "province": "省",
    "city": "市",
    "county": "县",
    "district": "区",
    "town": "镇",
    "unknown": "层级不明",
}


@app.command()
def search(
    question: Annotated[
        str, typer.Argument(help='Terms that must all occur, e.g. 名牌 or "质量 强市".')
    ],
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="document, measure, target or agency.")
    ] = None,
    level: Annotated[
        list[str] | None, typer.Option("--level", help="national, province, city, county, …")
    ] = None,
    region: Annotated[
        str | None, typer.Option(help="GB/T 2260 code or region IRI; sub-regions included.")
    ] = None,
    year_from: Annotated[int | None, typer.Option("--from", help="First year issued.")] = None,
    year_to: Annotated[int | None, typer.Option("--to", help="Last year issued.")] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Document type, e.g. 通知.")
    ] = None,
    issuer: Annotated[str | None, typer.Option(help="Issuing agency's full name.")] = None,
    in_force: Annotated[
        bool | None,
        typer.Option("--in-force/--not-in-force", help="Only documents in force / not."),
    ] = None,
    page: Annotated[int, typer.Option(min=1, help="Page, from 1.")] = 1,
    per_page: Annotated[int, typer.Option("--per-page", min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the /search JSON answer.")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild the index from the store first.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Full-text search: ranked hits with highlighted snippets, then the facet counts."""
    from api.search import answer, split_values
    from graph import fulltext

    settings = _settings(store)
    if rebuild:
        index(store=store)
    found = fulltext.index_path(settings.store)
    # the index file alone answers (a running server may hold the store); the store is
    # opened only when the index is new, outdated or was interrupted, to fill it
    searcher = fulltext.SearchIndex(found) if found is not None else None
    if searcher is None or searcher.dirty:
        if searcher is not None:
            searcher.close()
        db = _open(settings)
        try:
            searcher = fulltext.index_for(db)
        finally:
            db.close()
    query = fulltext.SearchQuery(
        q=question,
        kinds=split_values(kind),
        levels=split_values(level),
        region=region,
        year_from=year_from,
        year_to=year_to,
        doc_type=doc_type,
        issuer=issuer,
        in_force=in_force,
        page=page,
        per_page=per_page,
    )
    try:
        result = searcher.search(query)
    except fulltext.BadQuestion as exc:
        console.print(f"[red]cannot search:[/red] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        json.dump(answer(result, question), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    _print_hits(result)


def _print_hits(result: Any) -> None:
    from rich.text import Text

    width = min(out.width, 80)
    first = (result.page - 1) * result.per_page
    out.print(
        f"{result.total} hits for {' '.join(result.terms)}"
        f" ({result.seconds * 1000:.1f} ms); page {result.page}",
        highlight=False,
    )
    for n, hit in enumerate(result.hits, first + 1):
        where = " · ".join(
            x for x in (hit.region_label, LEVEL_ZH.get(hit.level), str(hit.year or "")) if x
        )
        head = Text(f"{n:>3}. [{KIND_ZH.get(hit.kind, hit.kind)}] {where}  ")
        head.append(hit.title or "（无标题）", style="bold")
        head.truncate(width, overflow="ellipsis")
        out.print(head, no_wrap=True)
        # one line, starting a few characters before the first match so that it shows
        cut = max(0, hit.highlights[0][0] - 8) if hit.highlights else 0
        lead = "     …" if cut else "     "
        body = Text(lead + hit.snippet[cut:].replace("\n", " "))
        for s, e in hit.highlights:
            if s >= cut:
                body.stylize("reverse", len(lead) + s - cut, len(lead) + e - cut)
        body.truncate(width, overflow="ellipsis")
        out.print(body, no_wrap=True)
        at = f" @ {hit.offsets[0][0]}–{hit.offsets[0][1]}" if hit.offsets else ""
        out.print(Text(f"     {hit.doc.rsplit('/', 1)[-1]}{at}", style="dim"), no_wrap=True)
    for name, values in result.facets.items():
        if values:
            shown = " · ".join(f"{v.label} {v.count}" for v in values[:6])
            line = Text(f"{name}: {shown}{' …' if len(values) > 6 else ''}", style="dim")
            line.truncate(width, overflow="ellipsis")
            out.print(line, no_wrap=True)


@app.command()
def index(store: StoreOption = None) -> None:
    """Rebuild the full-text index from the store (any store, remote ones included)."""
    import time

    from graph import fulltext

    settings = _settings(store)
    db = _open(settings)
    try:
        started = time.perf_counter()
        searcher = fulltext.index_for(db)
        added, _ = searcher.reconcile(db, rebuild=True)
        size = searcher.path.stat().st_size if searcher.path else 0
        console.print(
            f"indexed {added} documents, {len(searcher)} entries in "
            f"{time.perf_counter() - started:.1f} s"
            + (f" ({size / 1e6:.1f} MB at {searcher.path})" if searcher.path else " (in memory)")
        )
    finally:
        fulltext.forget(db)
        db.close()


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
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Print the comparison as CSV (one row per item).")
    ] = False,
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
    elif as_csv:
        from graph.compare import comparison_csv

        sys.stdout.write(comparison_csv(comparison))
    else:
        out.print(comparison_text(comparison), markup=False, highlight=False, end="")


@app.command()
def instruments(
    by: Annotated[str, typer.Option(help="Group by level, region, year or document.")] = "level",
    measures: Annotated[
        str | None,
        typer.Option(
            "--measures",
            help="List the measures coded with this instrument (funding, regulation …) "
            "with the cue words that decided it, instead of the counts.",
        ),
    ] = None,
    doc: Annotated[str | None, typer.Option(help="With --measures: only this document.")] = None,
    level: Annotated[str | None, typer.Option(help="Only documents of this level.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    store: StoreOption = None,
) -> None:
    """Policy instruments (供给型 / 环境型 / 需求型 and their sub-types) of the stored measures:
    counts per level, region, year or document, or the measures of one instrument."""
    from api.routes_diffusion import counts_answer, counts_csv
    from graph import queries
    from graph.instruments import UNCLASSIFIED, sub_types

    if by not in ("level", "region", "year", "document"):
        console.print(f"[red]--by must be level, region, year or document, not {by!r}[/red]")
        raise typer.Exit(2)
    if measures and measures not in {*sub_types(), UNCLASSIFIED}:
        console.print(
            f"[red]unknown instrument {measures!r}; known: {', '.join(sub_types())}[/red]"
        )
        raise typer.Exit(2)
    db = _open(_settings(store), read_only=True)
    try:
        if measures:
            rows = queries.run(db, "instrument_measures", instrument=measures, doc=doc)
            _print_coded_measures([{k: v for k, v in r.items() if k != "text"} for r in rows], fmt)
            return
        answer = counts_answer(queries.run(db, "instrument_counts", by=by, level=level), by)
    finally:
        db.close()
    if fmt == "json":
        out.print_json(data=answer)
    elif fmt == "csv":
        sys.stdout.write(counts_csv(answer))
    else:
        _print_counts(answer)


def _print_counts(answer: dict[str, Any]) -> None:
    """One paragraph per group: its measures, then each instrument's count (fits 80 columns)."""
    from rich.padding import Padding
    from rich.text import Text

    for group in answer["groups"]:
        shares = " ".join(f"{k} {v:.0%}" for k, v in group["sideShares"].items())
        out.print(
            f"{group['label']} — {group['measures']} measures ({shares})",
            style="bold",
            markup=False,
            highlight=False,
        )
        counts = " · ".join(
            f"{c['label']} {group['counts'][c['id']]}"
            for c in answer["columns"]
            if group["counts"][c["id"]]
        )
        # rich's Padding indents every wrapped line, not only the first
        out.print(Padding(Text(counts), (0, 0, 0, 2)))


def _print_coded_measures(rows: list[dict[str, Any]], fmt: str) -> None:
    import csv

    if fmt == "json":
        out.print_json(data=rows)
    elif fmt == "csv":
        columns = ["measure", "doc", "docTitle", "path", "cues", "sentence"]
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            doc = str(row.get("doc") or "").rsplit("/doc/", 1)[-1]
            out.print(
                f"{doc} {row.get('path') or ''}  [{row.get('cues') or ''}]",
                markup=False,
                highlight=False,
            )
            out.print("  " + str(row.get("sentence") or "")[:140], markup=False, highlight=False)
        console.print(f"{len(rows)} measures")


timeline_app = typer.Typer(
    help="Adoption and indicator timelines (when each region adopted a policy; an indicator's "
    "values by region and year).",
    no_args_is_help=True,
)
app.add_typer(timeline_app, name="timeline")


@timeline_app.command("adoption")
def timeline_adoption(
    kind: Annotated[str | None, typer.Option(help="Words of the title, e.g. 质量强市.")] = None,
    doc_type: Annotated[
        str | None, typer.Option("--doc-type", help="Document type, e.g. 实施方案.")
    ] = None,
    concept: Annotated[
        str | None, typer.Option(help="Documents with a target on this indicator.")
    ] = None,
    instrument: Annotated[
        str | None, typer.Option(help="Documents with a measure using this instrument.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print documents, curve and grid as JSON.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """When each region adopted a policy kind: the cumulative adoption curve by level and the
    region × year grid."""
    from graph import queries, timelines

    db = _open(_settings(store), read_only=True)
    try:
        rows = queries.run(
            db,
            "timeline_adoption",
            kind=kind,
            docType=doc_type,
            concept=concept,
            instrument=instrument,
        )
    finally:
        db.close()
    curve, grid = timelines.adoption_curve(rows), timelines.region_year_grid(rows)
    if as_json:
        out.print_json(data={"documents": rows, "curve": curve, "grid": grid})
        return
    out.print(f"{len(rows)} documents", highlight=False)
    for level, points in curve.items():
        line = "  ".join(f"{p['year']}:{p['adopted']}" for p in points)
        out.print(f"{level:9} {line}", highlight=False)
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    table.add_column("region")
    for year in grid["years"]:
        table.add_column("?" if year == "unknown" else str(year), justify="right")
    for row in grid["rows"]:
        table.add_row(
            f"{row['label']} ({row['level']})", *(str(n) if n else "·" for n in row["counts"])
        )
    out.print(table)


@timeline_app.command("indicator")
def timeline_indicator(
    concept: Annotated[str, typer.Argument(help="Indicator id, e.g. jiangsu-famous-brand.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the series as JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """The values of one indicator by region and year, with the cascade's links."""
    from graph import queries, timelines

    db = _open(_settings(store), read_only=True)
    try:
        series = timelines.indicator_series(queries.run(db, "timeline_indicator", concept=concept))
    finally:
        db.close()
    if as_json:
        out.print_json(data=series)
        return
    if not series:
        console.print(f"no targets on {concept}")
        raise typer.Exit(1)
    for entry in series:
        for p in entry["points"]:
            value = "—" if p["value"] is None else f"{p['value']:g}{p['unit'] or ''}"
            link = ""
            if p["refines"]:
                higher = "—" if p["refinesValue"] is None else f"{p['refinesValue']:g}"
                link = f"  ← {p['refinesRegion'] or ''} {p['refinesYear'] or ''}: {higher}"
                if p["basis"] == "concept-only":
                    link += " (concept-only)"
            out.print(
                f"{p['year'] or 'unknown'}  {entry['label']} ({entry['level']})  {value}{link}",
                highlight=False,
                markup=False,
            )


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
