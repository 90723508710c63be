"""The query page: YASGUI served from ``api/static/vendor`` with the named queries as examples.

YASGUI is fetched from the npm registry by ``scripts/fetch-assets.sh``; the page loads
nothing from outside this server (the editor's Linked Open Vocabularies and prefix.cc
look-ups are switched off in ``api/static/query.js``).
"""

from __future__ import annotations

import json
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


def examples() -> list[dict[str, Any]]:
    """One runnable example per named query: name, description, parameters and SPARQL text.

    The text is the ``.rq`` file with the project's prefixes declared and each required
    parameter bound to a value from the bundled corpus (:data:`SAMPLE_VALUES`), so the tab
    answers something when run; optional parameters are left unset.
    """
    from graph import queries
    from graph.sparql import PREFIXES

    found = []
    for entry in queries.catalog():
        required = {
            p.name: SAMPLE_VALUES.get(p.name, "") for p in entry.parameters if not p.optional
        }
        try:
            text = queries.bind(entry.sparql, entry, required)
        except Exception:  # a parameter we have no sample for: show the placeholders
            text = entry.sparql
        params = [
            {"name": p.name, "description": p.description, "optional": p.optional}
            for p in entry.parameters
        ]
        found.append(
            {
                "name": entry.name,
                "summary": entry.description,
                "params": params,
                "query": PREFIXES + text,
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
    template = _environment().get_template("query.html")
    return template.render(
        endpoint=endpoint,
        query=query,
        examples=named,
        examples_json=json.dumps(named, ensure_ascii=False).replace("</", "<\\/"),
        initial_query_json=json.dumps(query, ensure_ascii=False).replace("</", "<\\/"),
        endpoint_json=json.dumps(endpoint),
        yasgui=yasgui_available(),
        read_only=state.settings.admin_token is None,
    )
