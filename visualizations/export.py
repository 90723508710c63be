"""Standalone view files: one HTML file with every script, style and datum inlined.

The file opens from disk with no server and no network (``policykg viz KIND [KEY] -o
file.html``); its click-through links point at the server given as ``link_base``.
"""

from __future__ import annotations

from typing import Any

from graph.store import Store
from visualizations import data
from visualizations.model import View
from visualizations.render import Assets, render_view

KINDS = ("hierarchy", "document", "agencies", "cascade", "query")


def build_view(kind: str, store: Store, key: str | None = None, **params: Any) -> View:
    """The view ``kind`` (hierarchy, document, agencies, cascade, query) for ``key``: a
    document slug, an agency id (optional), a concept id or query text.

    Raises ValueError for an unknown kind or a missing key, KeyError when the key names
    nothing in the store."""
    if kind not in KINDS:
        raise ValueError(f"unknown view {kind!r}: choose one of {', '.join(KINDS)}")
    if kind == "hierarchy":
        return data.hierarchy(store)
    if kind == "agencies":
        if key:
            agency = data.agency_detail(store, key)
            if agency is None:
                raise KeyError(f"no agency {key!r} in the store")
            return agency.view
        return data.agencies(store, **params)
    if not key:
        raise ValueError(f"the {kind} view needs a key (document id, concept id or query)")
    if kind == "document":
        found = data.document(store, key)
        if found is None:
            raise KeyError(f"no document {key!r} in the store")
        return found.view
    if kind == "cascade":
        view = data.cascade(store, key)
        if view is None:
            raise KeyError(f"no indicator {key!r} with targets in the store")
        return view
    if kind == "query":
        return data.query_result(store, key)
    raise ValueError(f"unknown view {kind!r}: choose one of {', '.join(KINDS)}")


def export_view(
    kind: str,
    store: Store,
    key: str | None = None,
    *,
    link_base: str = "http://127.0.0.1:8000",
    **params: Any,
) -> str:
    """A self-contained HTML page of the view (see :func:`build_view` for ``kind`` and ``key``)."""
    return render_view(
        build_view(kind, store, key, **params), Assets(inline=True), link_base=link_base
    )
