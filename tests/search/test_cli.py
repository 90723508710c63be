"""``policykg search`` and ``policykg index`` on an on-disk store of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from api.cli import app
from graph import fulltext


@pytest.fixture(scope="module")
def spec(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('cli') / 'store'}"
    result = CliRunner().invoke(app, ["load", str(seed_dir), "--store", spec])
    assert result.exit_code == 0, result.output
    return spec


def test_search_prints_ranked_hits_and_facets_in_80_columns(spec: str) -> None:
    result = CliRunner().invoke(app, ["search", "名牌", "--store", spec, "--per-page", "5"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("17 hits for 名牌")
    assert all(cell_len(line) <= 80 for line in lines), [x for x in lines if cell_len(x) > 80]
    assert sum("名牌" in line for line in lines) >= 5  # every snippet shows its match
    assert any(line.startswith("level: province 8") for line in lines)


def test_search_json_is_the_api_answer_and_filters_apply(spec: str) -> None:
    args = ["search", "名牌", "--store", spec, "--json", "--region", "320000", "--level", "city"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["total"] == 2 and {i["regionLabel"] for i in body["items"]} == {"镇江市"}


def test_a_bad_question_is_a_usage_error(spec: str) -> None:
    result = CliRunner().invoke(app, ["search", "名\x00牌", "--store", spec])
    assert result.exit_code == 2 and "control characters" in result.output


def test_index_rebuilds_a_lost_index_from_the_store(spec: str) -> None:
    path = fulltext.index_path(spec)
    assert path is not None and path.exists()
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    result = CliRunner().invoke(app, ["index", "--store", spec])
    assert result.exit_code == 0, result.output
    assert "indexed 5 documents" in result.output
    again = CliRunner().invoke(app, ["search", "首席质量官", "--store", spec, "--json"])
    assert json.loads(again.output)["total"] == 2
