"""A :class:`View` → vis-network data (through pyvis) → HTML (through our own Jinja templates).

pyvis turns the networkx graph into vis-network node and edge items; we do not use its HTML
template, because it loads vis-network, bootstrap and tom-select from CDNs even in its
``local``/``in_line`` modes. Our templates load every script and stylesheet either from the
project (``/viz/static/…``, served by :mod:`visualizations.pages`) or inline them into the page,
so an exported file opens with no server and no network.

Labels and tooltips are data, never markup: the graph travels as JSON inside a
``<script type="application/json">`` element (Jinja's ``tojson`` escapes ``<``, ``>``, ``&``
and quotes), and ``viz.js`` builds tooltips with ``textContent``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from pyvis.network import Network

from visualizations import style
from visualizations.model import View

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
# vis-network comes from the pinned pyvis wheel, which ships a standalone build (vis-data
# included) under pyvis/lib: no npm, no fetch step, and a pip-installed policykg serves every
# view. Measured against the 10.1.5 npm build the views used before: the same browser tests
# pass, and the file is 469 kB instead of 654 kB.
VIS_NETWORK_VERSION = "9.1.2"
VENDOR = Path(pyvis.__file__).resolve().parent / "lib" / f"vis-{VIS_NETWORK_VERSION}"
# the names the pages ask for (under /viz/static/vis-network/) → the files pyvis ships
VIS_FILES = {
    "vis-network.min.js": VENDOR / "vis-network.min.js",
    "vis-network.min.css": VENDOR / "vis-network.css",
}
FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'
# Past this many nodes the force layout gets fewer iterations and drops the costly extras
# (improvedLayout, smooth edges): measured vis-network becomes sluggish past ~1,500 nodes.
LARGE = 800


class AssetsMissing(RuntimeError):
    """vis-network is not where the pinned pyvis puts it (pyvis missing or of another version)."""


@dataclass(frozen=True)
class Assets:
    """How the page gets its scripts and styles: served from ``static_url`` or inlined."""

    inline: bool = False
    static_url: str = "/viz/static"


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment for views and pages (autoescaping on for every template)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    # readable Chinese in the page source; tojson still escapes < > & ' for the script element
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


def _swatch_color(data: dict[str, Any]) -> str:
    if data["kind"] in ("document", "target") and data.get("level") in style.LEVELS:
        return style.LEVELS[data["level"]].color
    return style.KINDS[data["kind"]].color


def _edge_swatch(name: str) -> style.Swatch:
    if name.startswith("predicate:"):
        return style.LINKS["predicate"]
    for table in (style.RELATIONS, style.ROLES, style.LINKS):
        if name in table:
            return table[name]
    return style.LINKS["predicate"]


def network_data(view: View) -> dict[str, Any]:
    """The JSON the page script reads: vis-network items (made by pyvis), options, legend,
    facets with their values and counts, and notes."""
    net = Network(directed=True)
    styled = view.graph.copy()
    for _node, data in styled.nodes(data=True):
        swatch = style.KINDS[data["kind"]]
        color = _swatch_color(data)
        data["shape"] = data.get("shape") or swatch.shape
        data["color"] = {
            "background": color if data["shape"] != "box" else "#ffffff",
            "border": "#e74c3c" if data.get("weak") else color,
            "highlight": {"background": "#fdebd0", "border": "#e67e22"},
        }
        data["borderWidth"] = 3 if data.get("weak") or data["shape"] == "box" else 1.5
        size = data.pop("font_size", view.font_size)
        data["font"] = {"face": FONT_FACE, "size": size, "color": "#1b2631"}
        if size > view.font_size:  # an emphasised label stays legible over edges
            data["font"].update(strokeWidth=max(3, size // 6), strokeColor="#ffffff")
        if swatch.dashes:
            data["shapeProperties"] = {"borderDashes": [6, 4]}
        if view.hierarchical:
            data["level"] = data.get("rank", style.level_rank(None))
        else:
            data.pop("level", None)
        data.pop("rank", None)
        data.setdefault("size", 14)
        data["fullLabel"] = next(
            (v for k, v in data.get("detail", []) if k in ("标题", "部门", "措施", "指标")), None
        )
    for u, v, data in styled.edges(data=True):
        swatch = _edge_swatch(data["style"])
        ranks = (styled.nodes[u].get("level"), styled.nodes[v].get("level"))  # rank by now
        if view.hierarchical and None not in ranks and abs(ranks[0] - ranks[1]) > 1:
            # an edge that skips a level curves around the row between, so 省→镇 is not
            # mistaken for 省→市→镇 when the town sits straight below the city
            data["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.35}
        data["color"] = {"color": swatch.color, "highlight": "#e67e22", "opacity": 0.9}
        data["dashes"] = swatch.dashes
        data["weight"] = swatch.width  # pyvis turns weight into the edge's width
        data["kind"] = data.pop("style")
        if "label" in data:
            data["font"] = {"face": FONT_FACE, "size": 11, "align": "middle", "color": "#566573"}
    net.from_nx(styled, show_edge_weights=False)
    nodes, edges, *_rest = net.get_network_data()
    return {
        "title": view.title,
        "kind": view.kind,
        "nodes": nodes,
        "edges": edges,
        "options": options(view),
        "legend": _legend(view),
        "facets": _facets(view, nodes, edges),
        "notes": view.notes,
        "rows": _rows(view),
    }


def _rows(view: View) -> dict[str, Any] | None:
    """How the page script lays out a row view (None: vis-network lays it out)."""
    if not view.rows:
        return None
    return {
        "levelSeparation": view.level_separation,
        "nodeSpacing": view.node_spacing,
        "perRow": view.per_row,
        "labels": {
            str(rank): label for rank, label in (view.row_labels or style.RANK_LABELS).items()
        },
    }


def options(view: View) -> dict[str, Any]:
    """vis-network options: hierarchical top-down for layered views; otherwise a force layout
    stabilised with an iteration budget that shrinks as the graph grows, after which the
    page script turns physics off for good."""
    count = view.node_count
    common: dict[str, Any] = {
        "autoResize": True,
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": count > LARGE,
            "hideEdgesOnZoom": count > LARGE,
        },
        "nodes": {"font": {"face": FONT_FACE}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": count <= LARGE and {"type": "continuous", "roundness": 0.3},
        },
    }
    if view.rows:
        # positions come from the page script (fixed rows, national on top)
        common["layout"] = {"hierarchical": {"enabled": False}}
        common["physics"] = {"enabled": False}
        common["edges"]["smooth"] = count <= LARGE and {
            "type": "cubicBezier",
            "forceDirection": "vertical",
            "roundness": 0.4,
        }
        return common
    if view.hierarchical:
        common["layout"] = {
            "hierarchical": {
                "enabled": True,
                "direction": "UD",
                "sortMethod": "directed",
                "levelSeparation": view.level_separation,
                "nodeSpacing": view.node_spacing,
                "treeSpacing": 200,
                "shakeTowards": "roots",
            }
        }
        common["physics"] = {"enabled": False}
        return common
    iterations = max(60, min(400, 120_000 // max(count, 1)))
    common["layout"] = {"improvedLayout": count <= 150, "randomSeed": 7}
    common["physics"] = {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {
            "gravitationalConstant": -6000,
            "springLength": view.spring_length,
            "springConstant": 0.04,
            "damping": 0.3,
            "avoidOverlap": 0.2,
        },
        "stabilization": {
            "enabled": True,
            "iterations": iterations,
            "updateInterval": 20,
            "fit": True,
        },
    }
    return common


def _legend(view: View) -> list[dict[str, Any]]:
    used_kinds = {data["kind"] for _n, data in view.graph.nodes(data=True)}
    used_edges = {data["style"] for _u, _v, data in view.graph.edges(data=True)}
    used_levels = {data.get("level") for _n, data in view.graph.nodes(data=True)}
    sections = []
    for heading, table in view.legend:
        if table is style.KINDS:
            keys = [k for k in table if k in used_kinds]
        elif table is style.LEVELS:
            keys = [k for k in table if k in used_levels]
        else:
            keys = [k for k in table if k in used_edges] or (
                ["predicate"] if "predicate" in table else []
            )
        if not keys:
            continue
        entries = [
            {
                "key": key,
                "label": table[key].label,
                "color": table[key].color,
                "shape": table[key].shape,
                "dashes": table[key].dashes,
                "edge": table is not style.KINDS and table is not style.LEVELS,
            }
            for key in keys
        ]
        sections.append({"heading": heading, "entries": entries})
    return sections


def _facets(
    view: View, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    facets: list[dict[str, Any]] = []
    for facet in view.facets:
        items = nodes if facet.on == "node" else edges
        counts: dict[str, int] = {}
        for item in items:
            value = (item.get("facets") or {}).get(facet.key)
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        off = [value for value in facet.off if value in counts]
        # a facet hiding values at first is always listed, or they could not be shown again
        if len(counts) > 1 or (counts and facet.on == "edge") or off:
            facets.append(
                {
                    "key": facet.key,
                    "label": facet.label,
                    "on": facet.on,
                    "values": sorted(counts.items(), key=_facet_order),
                    "off": off,
                }
            )
    return facets


# filter values in the order of the style tables (国家级 before 省级 …), others alphabetically
_ORDER = {
    swatch.label: index
    for index, swatch in enumerate(
        [
            *style.LEVELS.values(),
            *style.RELATIONS.values(),
            *style.ROLES.values(),
            *style.KINDS.values(),
            *style.SCOPES.values(),
        ]
    )
}


def _facet_order(item: tuple[str, int]) -> tuple[int, str]:
    return (_ORDER.get(item[0], len(_ORDER)), item[0])


def _read_asset(path: Path) -> str:
    if not path.exists():
        raise AssetsMissing(f"{path} is missing: reinstall policykg (pyvis==0.3.2 ships it)")
    # a literal "</script" or "</style" inside an inlined file would end the element early
    return (
        path.read_text(encoding="utf-8")
        .replace("</script", "<\\/script")
        .replace("</style", "<\\/style")
    )


def asset_context(assets: Assets) -> dict[str, Any]:
    """Template variables for the scripts and styles (file contents when inlining)."""
    if not assets.inline:
        if not VIS_FILES["vis-network.min.js"].exists():
            raise AssetsMissing("vis-network is missing: reinstall policykg (pyvis==0.3.2)")
        return {"inline": False, "static_url": assets.static_url}
    return {
        "inline": True,
        "static_url": assets.static_url,
        "vis_js": _read_asset(VIS_FILES["vis-network.min.js"]),
        "vis_css": _read_asset(VIS_FILES["vis-network.min.css"]),
        "viz_js": _read_asset(STATIC / "viz.js"),
        "viz_css": _read_asset(STATIC / "viz.css"),
    }


def render_view(view: View, assets: Assets = Assets(), *, link_base: str = "") -> str:
    """A whole HTML page with the view: served assets by default, everything inlined with
    ``Assets(inline=True)``. ``link_base`` prefixes click-through links (an exported file
    points them at the server, e.g. ``http://127.0.0.1:8000``)."""
    template = environment().get_template("view.html")
    return template.render(
        view=view, data=network_data(view), link_base=link_base, **asset_context(assets)
    )
