"""The ``policykg`` command line as a user runs it: outputs, messages and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from api.cli import app

PROVINCE = "jiangsu_province_2012_action_plan.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('cli') / 'store'}"
    result = CliRunner().invoke(app, ["load", str(seed_dir), "--store", spec])
    assert result.exit_code == 0, result.output
    return spec


def test_extract_prints_the_record_as_readable_utf8_json(runner: CliRunner, seed_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_dir / PROVINCE)])
    assert result.exit_code == 0, result.output
    assert "江苏省" in result.stdout  # not \\u-escaped
    record = json.loads(result.stdout)
    assert record["doc_number"] == "苏政办发〔2012〕123号"
    assert record["in_force"] is False
    assert "text" not in record


def test_extract_rejects_an_empty_file_naming_it(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert result.stdout == ""


def test_load_goes_on_past_a_bad_file_and_exits_1(
    runner: CliRunner, tmp_path: Path, seed_dir: Path
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(seed_dir / PROVINCE, batch / PROVINCE)
    (batch / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    spec = f"oxigraph:{tmp_path / 'store'}"
    result = runner.invoke(app, ["load", str(batch), "--store", spec])
    assert result.exit_code == 1, result.output
    assert "broken.docx" in result.stdout
    listed = runner.invoke(
        app,
        ["query", "SELECT ?n WHERE { ?d eli:id_local ?n }", "--format", "json", "--store", spec],
    )
    numbers = {row["n"] for row in json.loads(listed.stdout)}
    assert "苏政办发〔2012〕123号" in numbers


def test_load_of_a_missing_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path / "nowhere"), "--store", "memory:"])
    assert result.exit_code == 2
    assert "nowhere" in result.stderr


def test_a_named_query_answers_the_famous_brand_cascade(
    runner: CliRunner, loaded_store: str
) -> None:
    result = runner.invoke(
        app,
        [
            "query",
            "cascade",
            "-p",
            "concept=jiangsu-famous-brand",
            "--format",
            "json",
            "--store",
            loaded_store,
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    regions = {row["regionLabel"] for row in rows}
    assert {"江苏省", "镇江市", "嘉泽镇"} <= regions


def test_sparql_text_runs_and_a_bad_query_fails_clearly(
    runner: CliRunner, loaded_store: str
) -> None:
    ok = runner.invoke(
        app,
        [
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a eli:LegalResource }",
            "--format",
            "csv",
            "--store",
            loaded_store,
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert int(ok.stdout.splitlines()[1]) >= 5
    bad = runner.invoke(app, ["query", "SELECT WHERE {", "--store", loaded_store])
    assert bad.exit_code == 1
    assert "query failed" in bad.stderr


def test_export_turtle_parses_back(runner: CliRunner, loaded_store: str, tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    result = runner.invoke(
        app, ["export", "--format", "ttl", "-o", str(target), "--store", loaded_store]
    )
    assert result.exit_code == 0, result.output
    triples = list(ox.parse(target.read_bytes(), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 1000


def test_validate_reports_a_conforming_corpus(runner: CliRunner, loaded_store: str) -> None:
    result = runner.invoke(app, ["validate", "--store", loaded_store])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms")


def test_load_json_summary_counts_what_was_loaded_and_rejected(
    runner: CliRunner, seed_dir: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_dir, corpus)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    spec = f"oxigraph:{tmp_path / 'store'}"
    result = runner.invoke(app, ["load", str(corpus), "--store", spec, "--json", "--workers", "2"])
    assert result.exit_code == 1  # a file was rejected; the rest is loaded
    summary = json.loads(result.stdout)
    assert summary["documents"] == 5 and summary["measures"] > 0
    assert [Path(r["path"]).name for r in summary["rejected"]] == ["broken.pdf"]
    seconds = summary["seconds"]
    assert seconds["total"] >= seconds["linking"] + seconds["reasoning"] > 0
