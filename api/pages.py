"""The query page: YASGUI served from ``api/static/vendor`` with the named queries as examples.

YASGUI is fetched from the npm registry by ``scripts/fetch-assets.sh``; the page loads
nothing from outside this server (the editor's Linked Open Vocabularies and prefix.cc
look-ups are switched off in ``api/static/query.js``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape

if TYPE_CHECKING:
    from api.state import ServiceState

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


# Values from the bundled corpus (data/corpus) for the example tabs' required parameters.
SAMPLE_VALUES = {
    "doc": "su-zhengbanfa-2012-123",
    "agency": "https://w3id.org/policykg/agency/320000/quality-supervision",
    "concept": "jiangsu-famous-brand",
    "phrase": "质量奖励制度",
    "q": "名牌",
    "region": "320000",
}


# The tab the page opens on: which documents are loaded, with their titles, numbers and levels.
FIRST_EXAMPLE = "document_list"


# instance bases declared in every example, so the result table shows
# ``agency:320000/quality-supervision`` rather than the whole IRI
DISPLAY_PREFIXES = ("doc", "agency", "region")


def _prefixes_for(text: str) -> str:
    """The PREFIX lines ``text`` uses, plus :data:`DISPLAY_PREFIXES`: a tab opens on the query,
    not on a screenful of declarations it does not need."""
    from ontology import terms

    return "".join(
        f"PREFIX {name}: <{iri}>\n"
        for name, iri in terms.SHORT_PREFIXES.items()
        if name in DISPLAY_PREFIXES or re.search(rf"(?<![\w-]){re.escape(name)}:", text)
    )


def without_notes(sparql: str) -> str:
    """The query text without maintainers' notes (evaluation order, timings), which a
    researcher reading the tab does not need: the header's ``# notes:`` block and the comment
    lines inside the query body.

    >>> without_notes("# q — what\\n# notes: fast\\n# because\\nSELECT * {\\n  # 90 ms\\n}")
    '# q — what\\nSELECT * {\\n}'
    """
    kept, in_notes, in_header = [], False, True
    for line in sparql.splitlines():
        if in_header and not line.startswith("#"):
            in_header = in_notes = False
        if in_header and re.match(r"#\s*notes:", line, re.IGNORECASE):
            in_notes = True
        if in_notes and not re.match(r"#\s*param:", line):
            continue
        if not in_header and line.lstrip().startswith("#"):
            continue
        kept.append(line)
    return "\n".join(kept)


def examples() -> list[dict[str, Any]]:
    """One runnable example per named query: name, description, parameters and SPARQL text.

    The text is the ``.rq`` file with the project's prefixes declared and each required
    parameter bound to a value from the bundled corpus (:data:`SAMPLE_VALUES`), so the tab
    answers something when run; optional parameters are left unset.
    """
    from graph import queries

    found = []
    for entry in queries.catalog():
        required = {
            p.name: SAMPLE_VALUES.get(p.name, "") for p in entry.parameters if not p.optional
        }
        try:
            text = queries.bind(without_notes(entry.sparql), entry, required)
        except Exception:  # a parameter we have no sample for: show the placeholders
            text = without_notes(entry.sparql)
        params = [
            {"name": p.name, "description": p.description, "optional": p.optional}
            for p in entry.parameters
        ]
        found.append(
            {
                "name": entry.name,
                "summary": entry.description,
                "params": params,
                "query": _prefixes_for(text) + text,
            }
        )
    return found


def yasgui_available() -> bool:
    """True when ``scripts/fetch-assets.sh`` has put YASGUI in place."""
    return (VENDOR / "yasgui" / "yasgui.min.js").is_file()


def render_query_page(request: Request, state: ServiceState, query: str | None = None) -> str:
    """The HTML of the query page, with ``query`` (if any) in the first tab."""
    endpoint = str(request.url_for("sparql_get").replace(query=""))
    try:
        named = examples()
    except Exception:  # the page must still open if a query file is broken
        named = []
    first = next((ex for ex in named if ex["name"] == FIRST_EXAMPLE), None)
    template = _environment().get_template("query.html")
    return template.render(
        endpoint=endpoint,
        query=query,
        first_query_json=json.dumps(first["query"] if first else None, ensure_ascii=False).replace(
            "</", "<\\/"
        ),
        first_name=FIRST_EXAMPLE if first else None,
        default_query=query
        or (first["query"] if first else "SELECT * WHERE { ?s ?p ?o } LIMIT 10"),
        examples=named,
        examples_json=json.dumps(named, ensure_ascii=False).replace("</", "<\\/"),
        initial_query_json=json.dumps(query, ensure_ascii=False).replace("</", "<\\/"),
        endpoint_json=json.dumps(endpoint),
        yasgui=yasgui_available(),
        read_only=state.settings.admin_token is None,
    )
