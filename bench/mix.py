"""The named-query mix the latency figures are taken over, with parameters drawn from the store.

Five kinds of question a researcher asks, each a named query in ``graph/queries``:
document detail, the chain above a document, an agency's measures, the cascade of an indicator,
and keyword search. Parameters are sampled (seeded) from what is loaded, and each item keeps its
fully bound SPARQL text so the very same query can be sent over HTTP to our ``/sparql`` and to
rdflib-endpoint.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

MIX = (
    ("document detail", "document_detail", "doc"),
    ("chain up", "chain_up", "doc"),
    ("agency measures", "agency_measures", "agency"),
    ("cascade", "cascade", "concept"),
    ("search", "search", "q"),
)
#: plain formulations of the named queries rewritten for Oxigraph's planner: the peer gets
#: these too, so its figures are not only those of SPARQL tuned for another engine
PLAIN = Path(__file__).resolve().parent.parent / "tests" / "graph" / "reference_queries"
KEYWORDS = ("名牌", "质量奖", "特种设备", "标准化", "首席质量官", "计量", "诚信", "农产品")


def _sample(store: Any, sparql: str, k: int, rng: random.Random) -> list[str]:
    from graph.sparql import PREFIXES

    rows = [str(r[0].value) for r in store.query(PREFIXES + sparql)]
    rows.sort()
    return rng.sample(rows, k=min(k, len(rows)))


def build_mix(spec: str, out: Path, per_query: int, seed: int = 1) -> dict[str, Any]:
    """Write the mix (label, name, params, bound SPARQL) to ``out``; return a summary."""
    from graph import queries
    from graph.sparql import PREFIXES
    from graph.stores import open_store

    rng = random.Random(seed)
    store = open_store(spec)
    pools = {
        "doc": _sample(
            store,
            "SELECT DISTINCT ?d WHERE { ?d a pkg:PolicyDocument ; eli:title ?t }",
            per_query,
            rng,
        ),
        "agency": _sample(
            store, "SELECT DISTINCT ?a WHERE { ?r pkg:roleAgency ?a }", per_query, rng
        ),
        "concept": _sample(
            store,
            "SELECT DISTINCT ?c WHERE { ?t a pkg:Target ; pkg:indicator ?c }",
            per_query,
            rng,
        ),
        "q": list(KEYWORDS[:per_query]),
    }
    store.close()
    items = []
    for label, name, param in MIX:
        entry = queries.catalog_entry(name)
        plain = PLAIN / f"{name}.rq"
        for value in pools[param]:
            params = {param: value}
            item = {
                "label": label,
                "name": name,
                "params": params,
                "sparql": PREFIXES + queries.bind(entry.sparql, entry, params),
            }
            if plain.exists():
                # the first, straightforward formulation (same rows; tests/graph checks it)
                text = plain.read_text(encoding="utf-8")
                item["plain_sparql"] = PREFIXES + queries.bind(text, entry, params)
            items.append(item)
    out.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"stage": "mix", "items": len(items), "pools": {k: len(v) for k, v in pools.items()}}
