"""The endpoint's security cases: read-only to the public, no outbound requests, and limits
that really stop work (time, rows, size)."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.api.conftest import EX
from tests.api.helpers import assert_error, sparql_bindings

TOKEN = "s3cret-admin-token"
INSERT = f'INSERT DATA {{ GRAPH <https://w3id.org/policykg/graph/test-c> {{ <{EX}doc9> <{EX}p> "新" }} }}'
COUNT_DOC9 = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX}doc9> ?p ?o }}"
# 10^9 solutions to count: minutes of one core if nothing stops it.
ENDLESS = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"VALUES ?{v} {{ 1 2 3 4 5 6 7 8 9 10 }}" for v in "abcdefghi")
    + " }"
)


def doc9_count(client) -> int:
    return int(sparql_bindings(client.get("/sparql", params={"query": COUNT_DOC9}))[0]["n"])


# --- updates -----------------------------------------------------------------------------


def test_update_refused_without_configured_token(protocol_store, make_client):
    client = make_client(protocol_store)
    response = client.post(
        "/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}
    )
    assert_error(response, 403)
    assert_error(client.post("/sparql", data={"update": INSERT}), 403)
    assert doc9_count(client) == 0


def test_update_refused_with_missing_or_wrong_token(memory_store, make_client):
    client = make_client(memory_store, admin_token=TOKEN)
    headers = {"Content-Type": "application/sparql-update"}
    # RFC 6750 §3: 401 with a Bearer challenge; invalid_token only when a token was sent
    response = client.post("/sparql", content=INSERT, headers=headers)
    assert_error(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer realm="policykg"'
    wrong = {**headers, "Authorization": "Bearer not-the-token"}
    response = client.post("/sparql", content=INSERT, headers=wrong)
    assert_error(response, 401)
    assert response.headers["www-authenticate"].startswith('Bearer realm="policykg"')
    assert 'error="invalid_token"' in response.headers["www-authenticate"]
    basic = {**headers, "Authorization": f"Basic {TOKEN}"}
    response = client.post("/sparql", content=INSERT, headers=basic)
    assert_error(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer realm="policykg"'
    assert doc9_count(client) == 0


@pytest.mark.parametrize("store_fixture", ["memory_store", "disk_store"])
def test_update_with_token_is_visible_to_the_next_query(store_fixture, request, make_client):
    client = make_client(request.getfixturevalue(store_fixture), admin_token=TOKEN)
    assert doc9_count(client) == 0  # the query workers have opened the store
    response = client.post(
        "/sparql",
        content=INSERT,
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    assert doc9_count(client) == 1
    response = client.post(
        "/sparql",
        data={"update": f"DELETE WHERE {{ GRAPH ?g {{ <{EX}doc9> ?p ?o }} }}"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200
    assert doc9_count(client) == 0


# --- SERVICE and LOAD --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SeRvIcE ?svc { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    ],
)
def test_service_refused(client, query):
    body = assert_error(client.get("/sparql", params={"query": query}), 403)
    assert "SERVICE" in body["error"]


def test_load_refused_even_with_token(memory_store, make_client):
    client = make_client(memory_store, admin_token=TOKEN)
    response = client.post(
        "/sparql",
        data={"update": "LOAD <http://127.0.0.1:9/data.ttl>"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert_error(response, 403)


def test_service_word_in_strings_comments_and_names_is_fine(client):
    query = (
        "# SERVICE <http://x/> and LOAD <http://y/>\n"
        f"PREFIX ex: <{EX}>\n"
        'SELECT ?service WHERE { BIND("SERVICE <http://x/> { }" AS ?service) '
        "OPTIONAL { ?service ex:load ?x } }"
    )
    response = client.get("/sparql", params={"query": query})
    assert sparql_bindings(response) == [{"service": "SERVICE <http://x/> { }"}]


# --- size and rows -----------------------------------------------------------------------


def test_oversize_query_is_413(memory_store, make_client):
    client = make_client(memory_store, max_query_bytes=1000)
    big = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 2000
    assert_error(client.get("/sparql", params={"query": big}), 413)
    assert_error(client.post("/sparql", data={"query": big}), 413)
    assert_error(
        client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"}),
        413,
    )
    # Chinese text counts in UTF-8 bytes, also when form-encoded.
    cjk = "SELECT * WHERE { ?s ?p ?o } # " + "质" * 400
    assert_error(client.post("/sparql", data={"query": cjk}), 413)


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("json", b"urn:policykg:truncated"),
        ("xml", b"urn:policykg:truncated"),
        ("csv", None),
        ("tsv", None),
    ],
)
def test_row_cap_is_marked(memory_store, make_client, fmt, marker):
    client = make_client(memory_store, max_rows=2)
    query = f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{EX}")) }}'
    response = client.get("/sparql", params={"query": query, "format": fmt})
    assert response.status_code == 200
    assert response.headers["x-policykg-truncated"] == "true"
    assert response.headers["x-policykg-rows"] == "2"
    if marker:
        assert marker in response.content
    if fmt == "json":
        assert len(response.json()["results"]["bindings"]) == 2
        assert set(response.json()) == {"head", "results"}  # nothing a strict parser rejects
        assert response.json()["head"]["link"] == ["urn:policykg:truncated"]
    elif fmt == "xml":
        parsed = ox.parse_query_results(response.content, ox.QueryResultsFormat.XML)
        assert len(list(parsed)) == 2
    else:
        assert len(response.text.strip().splitlines()) == 3  # header + 2 rows


def test_row_cap_on_graphs_and_no_marker_when_complete(memory_store, make_client):
    client = make_client(memory_store, max_rows=2)
    response = client.get(
        "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"}
    )
    assert response.headers["x-policykg-truncated"] == "true"
    assert len(list(ox.parse(response.content, ox.RdfFormat.N_TRIPLES))) == 2
    response = client.get("/sparql", params={"query": f"ASK {{ <{EX}doc1> ?p ?o }}"})
    assert "x-policykg-truncated" not in response.headers


# --- time limit --------------------------------------------------------------------------


def _children_cpu_seconds() -> dict[str, float]:
    """CPU time (user+system) used so far by each live child process of this process."""
    me = str(os.getpid())
    used = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == me and fields[0] != "Z":
            used[stat.parent.name] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.slow
@pytest.mark.parametrize("store_fixture", ["memory_store", "disk_store"])
def test_time_limit_stops_the_query_and_frees_the_cpu(store_fixture, request, make_client):
    client = make_client(request.getfixturevalue(store_fixture), query_timeout=1.5)
    started = time.monotonic()
    response = client.get("/sparql", params={"query": ENDLESS})
    elapsed = time.monotonic() - started
    body = assert_error(response, 503)
    assert "time limit" in body["error"]
    assert elapsed < 6, elapsed
    # After the answer nothing keeps computing, neither a child process nor a thread of ours:
    # CPU time stays flat for a second.
    # (A replacement worker may still be importing its modules: give it a second first; a
    # runaway query would burn a full core in every second, before and after.)
    time.sleep(1.0)
    children_before, own_before = _children_cpu_seconds(), _own_cpu_seconds()
    time.sleep(1.0)
    children_after = _children_cpu_seconds()
    # the busiest child: a runaway query keeps one near a full second
    children = max(
        (children_after[p] - children_before.get(p, 0.0) for p in children_after), default=0.0
    )
    own = _own_cpu_seconds() - own_before
    assert children < 0.3 and own < 0.3, (children, own)
    # The service goes on answering.
    response = client.get("/sparql", params={"query": f"ASK {{ <{EX}doc1> ?p ?o }}"})
    assert response.json()["boolean"] is True
