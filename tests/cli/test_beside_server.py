"""Read commands work while another process (``policykg serve``, a load) holds the store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

HOLD = (
    "import sys, pyoxigraph\n"
    "store = pyoxigraph.Store(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture
def held_store(tmp_path: Path, seed_dir: Path) -> Iterator[str]:
    """A loaded store whose read-write lock another process holds, as the server does."""
    path = tmp_path / "store"
    loaded = CliRunner().invoke(app, ["load", str(seed_dir), "--store", f"oxigraph:{path}"])
    assert loaded.exit_code == 0, loaded.output
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield f"oxigraph:{path}"
    finally:
        holder.communicate("", timeout=30)


def test_query_and_export_answer_while_the_store_is_held(held_store: str, tmp_path: Path) -> None:
    runner = CliRunner()
    counted = runner.invoke(
        app,
        [
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> }",
            "--format",
            "json",
            "--store",
            held_store,
        ],
    )
    assert counted.exit_code == 0, counted.output
    assert int(json.loads(counted.stdout)[0]["n"]) >= 5
    exported = runner.invoke(
        app, ["export", "--format", "csv", "-o", str(tmp_path / "tables"), "--store", held_store]
    )
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "tables" / "datapackage.json").is_file()


def test_loading_into_a_held_store_fails_with_a_clear_message(
    held_store: str, seed_dir: Path
) -> None:
    result = CliRunner().invoke(app, ["load", str(seed_dir), "--store", held_store])
    assert result.exit_code == 2
    assert "cannot open store" in result.output
