"""The private Virtuoso the remote-store tests use really stores and answers over HTTP."""

from __future__ import annotations

import subprocess

import httpx
import pytest

from tests.virtuoso_fixture import VirtuosoEndpoint

pytestmark = pytest.mark.virtuoso

JSON = {"Accept": "application/sparql-results+json"}


def test_insert_then_select_round_trip(virtuoso_url: VirtuosoEndpoint) -> None:
    graph = "https://w3id.org/policykg/graph/fixture-test"
    update = f"""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        INSERT DATA {{ GRAPH <{graph}> {{
            <https://w3id.org/policykg/doc/test-1> dcterms:title "关于加快质量发展的实施意见"@zh .
        }} }}"""
    r = httpx.post(virtuoso_url.update_url, data={"update": update}, timeout=30)
    assert r.status_code == 200, r.text

    query = f"""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?title WHERE {{ GRAPH <{graph}> {{ ?doc dcterms:title ?title }} }}"""
    r = httpx.get(virtuoso_url.query_url, params={"query": query}, headers=JSON, timeout=30)
    assert r.status_code == 200, r.text
    rows = r.json()["results"]["bindings"]
    assert [row["title"]["value"] for row in rows] == ["关于加快质量发展的实施意见"]
    assert rows[0]["title"].get("xml:lang") == "zh"

    r = httpx.post(virtuoso_url.update_url, data={"update": f"DROP SILENT GRAPH <{graph}>"})
    assert r.status_code == 200, r.text


def test_spec_string_names_both_endpoints(virtuoso_url: VirtuosoEndpoint) -> None:
    assert virtuoso_url.spec == (
        f"sparql:http://127.0.0.1:{virtuoso_url.http_port}/sparql"
        f";update=http://127.0.0.1:{virtuoso_url.http_port}/sparql"
    )


def test_listens_on_loopback_only(virtuoso_url: VirtuosoEndpoint) -> None:
    listeners = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True, check=True)
    ours = [
        line.split()[3]
        for line in listeners.stdout.splitlines()
        if line.split()[3].rsplit(":", 1)[-1]
        in {str(virtuoso_url.http_port), str(virtuoso_url.isql_port)}
    ]
    assert sorted(ours) == sorted(
        [f"127.0.0.1:{virtuoso_url.http_port}", f"127.0.0.1:{virtuoso_url.isql_port}"]
    )


def test_default_password_is_gone(virtuoso_url: VirtuosoEndpoint) -> None:
    proc = subprocess.run(
        ["isql-vt", f"127.0.0.1:{virtuoso_url.isql_port}", "dba", "dba", "exec=SELECT 1;"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proc.returncode != 0 or "Bad login" in proc.stdout + proc.stderr
