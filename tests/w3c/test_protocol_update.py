"""The update side of the W3C SPARQL 1.1 Protocol tests, with the admin token, over HTTP.

Written from the manifest's update cases: each positive case runs an update (``CLEAR ALL``,
then ``INSERT DATA`` of ``data1`` … ``data3`` in their own graphs, then an ``INSERT … WHERE``
whose dataset the request's ``using-graph-uri`` / ``using-named-graph-uri`` set), then asks
whether the right triples were written. Without the token every update is refused (401).
"""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import pytest

from tests.w3c.conftest import TOKEN, data_graph
from tests.w3c.test_protocol_query import QUERY, boolean, client_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPDATE = {"Content-Type": "application/sparql-update", **AUTH}
PROLOGUE = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
RESET = (
    PROLOGUE
    + "CLEAR ALL ;\nINSERT DATA {\n"
    + "".join(
        f"  GRAPH <{data_graph(n)}> {{ <{data_graph(n)}> a foaf:Document }}\n" for n in (1, 2, 3)
    )
    + "} ;\n"
)
OUT = "http://example.org/protocol-update-dataset-test/"


def update(http: httpx.Client, endpoint: str, text: str, params=None) -> httpx.Response:
    return http.post(endpoint, params=params, content=text.encode(), headers=UPDATE)


def ask(http: httpx.Client, endpoint: str, text: str) -> bool:
    headers = {**QUERY, "Accept": "application/sparql-results+xml"}
    response = http.post(endpoint, content=text.encode(), headers=headers)
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    return boolean(response)


def typed(*numbers: int) -> str:
    return " ".join(f"<{data_graph(n)}> a dc:BibliographicResource ." for n in numbers)


# --- negative cases ----------------------------------------------------------------------


def test_bad_multiple_updates(http: httpx.Client, update_endpoint: str) -> None:
    body = urlencode([("update", "CLEAR NAMED"), ("update", "CLEAR DEFAULT")])
    headers = {"Content-Type": "application/x-www-form-urlencoded", **AUTH}
    client_error(http.post(update_endpoint, content=body.encode(), headers=headers))


def test_bad_update_wrong_media_type(http: httpx.Client, update_endpoint: str) -> None:
    headers = {"Content-Type": "text/plain", **AUTH}
    client_error(http.post(update_endpoint, content=b"CLEAR NAMED", headers=headers))


def test_bad_update_missing_form_type(http: httpx.Client, update_endpoint: str) -> None:
    client_error(http.post(update_endpoint, content=b"update=CLEAR%20NAMED", headers=AUTH))


def test_bad_update_non_utf8(http: httpx.Client, update_endpoint: str) -> None:
    headers = {**UPDATE, "Content-Type": "application/sparql-update; charset=UTF-16"}
    response = http.post(update_endpoint, content="CLEAR NAMED".encode("utf-16"), headers=headers)
    client_error(response)


def test_bad_update_syntax(http: httpx.Client, update_endpoint: str) -> None:
    client_error(http.post(update_endpoint, data={"update": "CLEAR XYZ"}, headers=AUTH))


def test_bad_update_dataset_conflict(http: httpx.Client, update_endpoint: str) -> None:
    text = (
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
        "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
        "WHERE { ?person foaf:givenName 'Bill' }"
    )
    body = {"using-named-graph-uri": "http://example/people", "update": text}
    client_error(http.post(update_endpoint, data=body, headers=AUTH))


@pytest.mark.parametrize("auth", [{}, {"Authorization": "Bearer not-the-token"}])
def test_update_without_the_token_is_401(
    http: httpx.Client, update_endpoint: str, auth: dict[str, str]
) -> None:
    response = http.post(update_endpoint, data={"update": "CLEAR ALL"}, headers=auth)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer ")


# --- positive cases ----------------------------------------------------------------------


def test_update_dataset_default_graph(http: httpx.Client, update_endpoint: str) -> None:
    text = RESET + f"INSERT {{ GRAPH <{OUT}> {{ ?s a dc:BibliographicResource }} }}\n"
    text += "WHERE { ?s a foaf:Document }"
    response = update(http, update_endpoint, text, {"using-graph-uri": data_graph(1)})
    assert response.status_code == 200, response.text
    assert ask(http, update_endpoint, PROLOGUE + f"ASK {{ GRAPH <{OUT}> {{ {typed(1)} }} }}")
    assert not ask(http, update_endpoint, PROLOGUE + f"ASK {{ GRAPH <{OUT}> {{ {typed(2)} }} }}")


@pytest.mark.parametrize(
    ("case", "pattern", "parameter"),
    [
        ("default_graphs", "?s a foaf:Document", "using-graph-uri"),
        ("named_graphs", "GRAPH ?g { ?s a foaf:Document }", "using-named-graph-uri"),
    ],
)
def test_update_dataset_graphs(
    http: httpx.Client, update_endpoint: str, case: str, pattern: str, parameter: str
) -> None:
    # update_dataset_default_graphs / update_dataset_named_graphs: data1 and data2 are read,
    # data3 is not
    out = f"{OUT}{case}/"
    text = RESET + f"INSERT {{ GRAPH <{out}> {{ ?s a dc:BibliographicResource }} }}\n"
    text += f"WHERE {{ {pattern} }}"
    params = [(parameter, data_graph(1)), (parameter, data_graph(2))]
    assert update(http, update_endpoint, text, params).status_code == 200
    check = PROLOGUE + (
        f"ASK {{ GRAPH <{out}> {{ {typed(1, 2)} }} "
        f"FILTER NOT EXISTS {{ GRAPH <{out}> {{ {typed(3)} }} }} }}"
    )
    assert ask(http, update_endpoint, check)


def test_update_dataset_full(http: httpx.Client, update_endpoint: str) -> None:
    out = OUT + "full/"
    text = RESET + (
        f"INSERT {{ GRAPH <{out}> {{ ?s <http://example.org/in> ?in }} }}\n"
        "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n"
        '  UNION { ?s a foaf:Document . BIND("default" AS ?in) } }'
    )
    params = [("using-graph-uri", data_graph(1)), ("using-named-graph-uri", data_graph(2))]
    assert update(http, update_endpoint, text, params).status_code == 200
    check = (
        f'ASK {{ GRAPH <{out}> {{ <{data_graph(1)}> <http://example.org/in> "default" . '
        f"<{data_graph(2)}> <http://example.org/in> <{data_graph(2)}> . }} "
        f"FILTER NOT EXISTS {{ GRAPH <{out}> {{ <{data_graph(3)}> ?p ?o }} }} }}"
    )
    assert ask(http, update_endpoint, check)


def test_update_post_form(http: httpx.Client, update_endpoint: str) -> None:
    assert http.post(update_endpoint, data={"update": "CLEAR ALL"}, headers=AUTH).status_code == 200


def test_update_post_direct(http: httpx.Client, update_endpoint: str) -> None:
    assert update(http, update_endpoint, "CLEAR ALL").status_code == 200


def test_update_base_uri(http: httpx.Client, update_endpoint: str) -> None:
    graph = "http://example.org/protocol-base-test/"
    # Oxigraph records empty graphs, so CLEAR GRAPH of one it never saw fails (Update §3.2.2);
    # the case assumes the graph is there, as it is when the case runs a second time.
    seed = (
        f"INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/q> 1 }} }}"
    )
    assert update(http, update_endpoint, seed).status_code == 200
    text = (
        f"CLEAR GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> "
        "{ <http://example.org/s> <http://example.org/p> <test> } }"
    )
    assert update(http, update_endpoint, text).status_code == 200
    query = f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}"
    response = http.post(update_endpoint, content=query.encode(), headers=QUERY)
    values = [b["o"] for b in response.json()["results"]["bindings"]]
    base = update_endpoint.rsplit("/", 1)[0]
    assert values == [{"type": "uri", "value": f"{base}/test"}]  # resolved, not <test>
