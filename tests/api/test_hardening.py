"""Issue 17: no anonymous request may crash, starve or reach out from the server.

Every test here talks to a real server process over real HTTP (:mod:`tests.api.live`), so a
request that kills the server shows as a dead process, and a request that makes it connect
out shows on a loopback listener.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import httpx
import pytest

from tests.api.helpers import assert_error, sparql_bindings
from tests.api.live import LiveServer, make_store

TOKEN = "hardening-admin-token"
ASK_DOC1 = "ASK { <https://w3id.org/policykg/test/doc1> ?p ?o }"
# 10^9 solutions to count: minutes of one core if nothing stops it.
ENDLESS = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"VALUES ?{v} {{ 1 2 3 4 5 6 7 8 9 10 }}" for v in "abcdefghi")
    + " }"
)
# Shallow (depth 2) and 20 KB, so it passes every text check, yet Oxigraph's recursive
# evaluation of 10,000 chained additions overflows the stack of the process running it.
ENGINE_CRASH = "ASK { FILTER(" + "+".join(["1"] * 10_000) + " = 0) }"
DEEP_FILTER = "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server on an on-disk store: 3 s time limit, admin token, 512 MiB per query."""
    root = tmp_path_factory.mktemp("live")
    server = LiveServer(
        make_store(root / "store"),
        root / "server.log",
        admin_token=TOKEN,
        query_timeout=3.0,
        query_memory_mb=512,
    )
    yield server
    server.stop()


def still_answers(server: LiveServer) -> None:
    """The server process lives and answers /sparql and a REST route."""
    server.assert_alive()
    # a worker replaced a moment ago may still be starting under load: the client is told
    # 503 with Retry-After, and a retry is answered
    for _ in range(3):
        response = server.client.get("/sparql", params={"query": ASK_DOC1})
        if response.status_code != 503:
            break
        time.sleep(float(response.headers.get("retry-after", "1")))
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True
    assert server.client.get("/documents").status_code == 200


# --- hole 1: one anonymous GET kills the server ---------------------------------------------


@pytest.mark.parametrize("path", ["/viz/query", "/sparql"])
def test_deeply_nested_query_is_refused_and_the_server_lives(live, path):
    response = live.client.get(path, params={"query": DEEP_FILTER})
    assert response.status_code == 400, response.text[:300]
    if path == "/sparql":
        body = assert_error(response, 400)
        assert "nested too deeply" in body["error"]
        assert body["detail"]["depth"] > body["detail"]["max_depth"]
    still_answers(live)


# --- hole 2: worker deaths never take the query service down --------------------------------


def test_a_query_that_crashes_the_engine_only_stops_its_worker(live):
    body = assert_error(live.client.get("/sparql", params={"query": ENGINE_CRASH}), 503)
    assert "worker" in body["error"]
    # The view page runs the same way: it never evaluates in the server process.
    viz = "SELECT ?x WHERE { BIND(" + "+".join(["1"] * 10_000) + " AS ?x) }"
    assert live.client.get("/viz/query", params={"query": viz}).status_code == 503
    still_answers(live)


def test_many_worker_deaths_in_a_row_never_exhaust_the_pool(live):
    errors: list[str] = []
    answered = 0
    stop = threading.Event()

    def bystander() -> None:  # another client, asking while workers die
        nonlocal answered
        with httpx.Client(base_url=live.url, timeout=30) as client:
            while not stop.is_set():
                response = client.get("/sparql", params={"query": ASK_DOC1})
                if response.status_code == 200:
                    answered += 1
                else:
                    errors.append(response.text[:200])

    thread = threading.Thread(target=bystander)
    thread.start()
    try:
        for _ in range(12):  # the old pool gave up after five deaths in a row
            assert_error(live.client.get("/sparql", params={"query": ENGINE_CRASH}), 503)
    finally:
        stop.set()
        thread.join()
    assert not errors, errors[:3]
    assert answered > 0
    health = live.wait_healthy()
    assert health["deaths"] >= 12
    still_answers(live)


# --- hole 3: SERVICE / LOAD never reach out -------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A loopback TCP listener; the test asserts that nobody connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    sock.settimeout(1.0)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/", sock
    sock.close()


def assert_no_connection(sock: socket.socket) -> None:
    try:
        connection, _ = sock.accept()
    except TimeoutError:
        return
    connection.close()
    raise AssertionError("the server opened a connection to the loopback listener")


def bypass_spellings(url: str) -> list[str]:
    """SERVICE written so that a word search misses it, as the issue found and more."""
    inner = "{ ?a ?b ?c }"
    return [
        f"SELECT * {{ ?s ?p falseSERVICE <{url}x> {inner} }}",
        f"SELECT * {{ ?s ?p trueSERVICE <{url}x> {inner} }}",
        f"SELECT * {{ ?s ?p 0SERVICE <{url}x> {inner} }}",
        f"SELECT * {{ ?s ?p 1e1SERVICE <{url}x> {inner} }}",
        f"SELECT * {{ ?s ?p ?o.SERVICE<{url}x>{inner} }}",
        f"PREFIX : <{url}> SELECT * {{ SERVICE:x {inner} }}",
        f"PREFIX service: <http://e/> PREFIX : <{url}> SELECT * {{ service:x {inner} }}",
        f"PREFIX : <{url}> SELECT * {{ ?s ?p trueSERVICE:x {inner} }}",
        f"SELECT * {{ \\u0053ERVICE <{url}x> {inner} }}",
    ]


def test_no_spelling_of_service_makes_the_server_connect_out(live, listener):
    url, sock = listener
    for query in bypass_spellings(url):
        body = assert_error(live.client.get("/sparql", params={"query": query}), 403)
        assert "SERVICE" in body["error"], query
        response = live.client.get("/viz/query", params={"query": query})
        assert response.status_code in (400, 403), (query, response.status_code)
    admin = {"Authorization": f"Bearer {TOKEN}"}
    updates = [
        f"INSERT {{ <urn:x:a> <urn:x:b> ?o }} WHERE {{ ?s ?p falseSERVICE <{url}> {{ ?o ?q ?r }} }}",
        f"INSERT DATA {{ <urn:x:a> <urn:x:b> 1 }} ;LOAD<{url}d.ttl>",
        f"load <{url}d.ttl>",
    ]
    for update in updates:
        assert_error(live.client.post("/sparql", data={"update": update}, headers=admin), 403)
    assert_no_connection(sock)
    still_answers(live)


def test_query_workers_have_no_network_at_all(disk_store, listener):
    """The second line: even a SERVICE that reached a worker could not connect anywhere."""
    from api.executor import make_executor
    from api.jobs import SparqlJob
    from graph.errors import GraphError

    url, sock = listener
    executor = make_executor(disk_store, workers=1, timeout=10)
    job = SparqlJob(query=f"SELECT * {{ SERVICE <{url}> {{ ?a ?b ?c }} }}")
    try:
        with pytest.raises(GraphError):
            anyio.run(executor.run, job, 10.0)
        isolated = executor.health()["network_isolated"]
    finally:
        executor.close()
    if isolated is False:
        pytest.skip("this kernel forbids unprivileged network namespaces")
    assert isolated is True
    assert_no_connection(sock)


# --- hole 4: time limits everywhere, client gone, fairness ----------------------------------


def _children_cpu_seconds(pid: int) -> dict[str, float]:
    """CPU seconds used so far by ``pid`` itself and each of its live child processes."""
    used = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if str(pid) in (fields[1], stat.parent.name) and fields[0] != "Z":
            used[stat.parent.name] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def busiest_worker_cpu(pid: int) -> float:
    """The most CPU the server ``pid`` or one of its workers used over the next second: a
    runaway query keeps its process near 1.0; an idle worker, or a fresh one finishing its
    imports, stays low."""
    time.sleep(1.5)  # replacements of killed workers finish starting
    before = _children_cpu_seconds(pid)
    time.sleep(1.0)
    after = _children_cpu_seconds(pid)
    return max((after[p] - before.get(p, 0.0) for p in after), default=0.0)


def test_viz_query_has_the_time_limit(live):
    started = time.monotonic()
    response = live.client.get("/viz/query", params={"query": ENDLESS}, timeout=30)
    assert response.status_code == 503, response.text[:300]
    assert time.monotonic() - started < 10
    assert busiest_worker_cpu(live.process.pid) < 0.3
    still_answers(live)


@pytest.fixture(scope="module")
def patient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with a long time limit (60 s), to see whether work stops on its own."""
    root = tmp_path_factory.mktemp("patient")
    server = LiveServer(make_store(root / "store"), root / "server.log", query_timeout=60.0)
    yield server
    server.stop()


@pytest.mark.parametrize("path", ["/sparql", "/viz/query"])
def test_a_query_whose_client_has_gone_is_stopped(patient, path):
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(patient.url + path, params={"query": ENDLESS}, timeout=1.5)
    # Without cancellation the worker would burn a core for the full 60 s.
    assert busiest_worker_cpu(patient.process.pid) < 0.3
    still_answers(patient)


def test_a_trivial_query_is_answered_while_heavy_ones_fill_the_workers(patient):
    """Heavy queries hold every heavy worker (60 s each); a trivial ASK still answers."""
    clients = [httpx.Client(base_url=patient.url, timeout=8.0) for _ in range(6)]

    def heavy(client: httpx.Client) -> None:
        try:
            client.get("/sparql", params={"query": ENDLESS})
        except httpx.TimeoutException:
            pass  # hanging up stops the query (see the test above)

    threads = [threading.Thread(target=heavy, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        for _ in range(5):
            response = patient.client.get("/sparql", params={"query": "ASK {}"}, timeout=5)
            assert response.status_code == 200, response.text
            assert response.json()["boolean"] is True
            assert (
                sparql_bindings(
                    patient.client.get(
                        "/sparql", params={"query": "SELECT ?o { <urn:x:none> ?p ?o } LIMIT 1"}
                    )
                )
                == []
            )
    finally:
        for thread in threads:
            thread.join()
        for client in clients:
            client.close()


# --- admin work runs where it can be stopped, too ---------------------------------------------


def _update(server: LiveServer, text: str) -> httpx.Response:
    """POST ``text`` as a SPARQL Update with the admin token."""
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    return server.client.post("/sparql", content=text, headers=headers, timeout=60)


def test_an_update_that_crashes_the_engine_is_refused_and_the_server_lives(live):
    update = (
        "INSERT { <urn:x:crash> <urn:x:p> 1 } WHERE { FILTER("
        + "+".join(["1"] * 10_000)
        + " = 0) }"
    )
    response = _update(live, update)
    assert response.status_code == 503, response.text[:300]
    still_answers(live)
    ask = live.client.get("/sparql", params={"query": "ASK { <urn:x:crash> ?p ?o }"})
    assert ask.json()["boolean"] is False


def test_an_update_past_the_time_limit_is_stopped_and_not_applied(live):
    update = "INSERT { <urn:x:slow> <urn:x:count> ?n } WHERE { { " + ENDLESS + " } }"
    started = time.monotonic()
    response = _update(live, update)
    assert response.status_code == 503, response.text[:300]
    assert "time limit" in response.json()["error"]
    assert time.monotonic() - started < 15
    time.sleep(3)  # the stopped worker's replacement has started (its imports take CPU)
    assert busiest_worker_cpu(live.process.pid) < 0.3
    still_answers(live)
    ask = live.client.get("/sparql", params={"query": "ASK { <urn:x:slow> ?p ?o }"})
    assert ask.json()["boolean"] is False
    # a plain update still goes through, rehearsed and then applied
    done = _update(live, "INSERT DATA { <urn:x:ok> <urn:x:p> 1 }")
    assert done.status_code == 200, done.text
    assert live.client.get("/sparql", params={"query": "ASK { <urn:x:ok> ?p ?o }"}).json()[
        "boolean"
    ]


def test_an_upload_is_read_outside_the_server_process(live, tmp_path):
    """A file that takes seconds to read (here 2 MB of real text in one HTML page) is read in
    a worker: meanwhile the server answers others at once (read in the server's event loop,
    it held every request until it was done)."""
    seed = Path(__file__).resolve().parents[2] / "data" / "corpus" / "jiaze_town_2016_opinion.txt"
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>" for line in lines[1:])
    page = (
        f"<html><body><p>{lines[0]}</p>"
        + body * (2_000_000 // len(body.encode()))
        + "</body></html>"
    )
    uploaded: list[httpx.Response] = []

    def upload() -> None:
        with httpx.Client(base_url=live.url, timeout=120) as client:
            uploaded.append(
                client.post(
                    "/documents",
                    files={"file": ("long.html", page.encode(), "text/html")},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )
            )

    thread = threading.Thread(target=upload)
    thread.start()
    try:
        time.sleep(0.5)
        waits = []
        while thread.is_alive() and len(waits) < 20:
            started = time.monotonic()
            response = live.client.get("/sparql", params={"query": "ASK {}"}, timeout=60)
            waits.append(time.monotonic() - started)
            assert response.status_code == 200, response.text
            time.sleep(0.1)
    finally:
        thread.join()
    assert uploaded[0].status_code in (201, 409), uploaded[0].text[:300]
    assert len(waits) >= 3, "the upload was read too fast to tell"
    assert max(waits) < 1.0, waits
