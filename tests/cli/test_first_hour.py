"""What a researcher sees in the first hour at the command line, run as the real command in an
80-column terminal: the README's queries read well, JSON keeps numbers as numbers, agencies are
named as people name them, and every bad key says so the same way (exit 1, one line)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
WIDTH = 80


def policykg(*args: str, cwd: Path, store: str | None = None) -> subprocess.CompletedProcess[str]:
    """``policykg ARGS`` as a user runs it (``python -m api.cli``), in ``cwd``, 80 columns."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "COLUMNS": str(WIDTH),
        "TMPDIR": str(cwd / "tmp"),
    }
    (cwd / "tmp").mkdir(exist_ok=True)
    command = [sys.executable, "-m", "api.cli", *args, *(["--store", store] if store else [])]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("first-hour")


@pytest.fixture(scope="module")
def store(workdir: Path, seed_dir: Path) -> str:
    spec = f"oxigraph:{workdir / 'store'}"
    loaded = policykg("load", str(seed_dir), "--no-reason", cwd=workdir, store=spec)
    assert loaded.returncode == 0, loaded.stderr
    return spec


def readme_examples() -> list[list[str]]:
    """The ``policykg query …`` and ``policykg viz …`` lines of the README's first-questions block."""
    text = README.read_text(encoding="utf-8")
    block = text.split("First questions", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip().startswith("policykg ")]
    import shlex

    return [shlex.split(line)[1:] for line in lines]


def test_the_readme_lists_first_questions() -> None:
    commands = readme_examples()
    assert len(commands) >= 5
    assert any(c[:2] == ["query", "cascade"] for c in commands)


@pytest.mark.parametrize("args", readme_examples(), ids=lambda a: " ".join(a[:3]))
def test_each_readme_example_answers_readably_in_80_columns(
    args: list[str], workdir: Path, store: str
) -> None:
    result = policykg(*args, cwd=workdir, store=store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the example printed nothing"
    if "--format" in args or args[0] == "viz":
        return
    too_wide = [line for line in result.stdout.splitlines() if cell_len(line) > WIDTH]
    assert too_wide == [], too_wide[:3]
    # IRIs are shortened: no whole project IRI on a line meant for reading
    assert "https://w3id.org/policykg/" not in result.stdout


def test_a_wide_result_prints_one_record_per_row_with_labels_first(
    workdir: Path, store: str
) -> None:
    result = policykg(
        "query", "cascade", "-p", "concept=jiangsu-famous-brand", cwd=workdir, store=store
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("-- 1/")
    record = lines[: next(i for i, line in enumerate(lines[1:], 1) if line.startswith("-- "))]
    keys = [line.split()[0] for line in record[1:] if not line.startswith(" ")]
    assert "docTitle" in keys and "doc" in keys
    assert keys.index("docTitle") < keys.index("doc")  # the label before the IRI
    assert any(
        "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知" in line
        for line in record
    )
    assert any(re.search(r"^doc\s+doc:su-zhengbanfa-2012-123$", line) for line in record)


def test_json_keeps_numbers_as_numbers(workdir: Path, store: str) -> None:
    result = policykg(
        "query", "cascade", "-p", "concept=jiangsu-famous-brand", "--format", "json",
        cwd=workdir, store=store,
    )  # fmt: skip
    rows = json.loads(result.stdout)
    province = next(row for row in rows if row["level"] == "province")
    assert province["value"] == 900 and isinstance(province["value"], int)
    assert isinstance(province["start"], int) and isinstance(province["rank"], int)
    assert (
        province["doc"] == "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"
    )  # whole for scripts


def test_an_agency_is_found_by_id_or_by_its_chinese_name(workdir: Path, store: str) -> None:
    def measures(agency: str) -> list[str]:
        result = policykg(
            "query", "agency_measures", "-p", f"agency={agency}", "--format", "json",
            cwd=workdir, store=store,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return sorted(row["measure"] for row in json.loads(result.stdout))

    by_iri = measures("https://w3id.org/policykg/agency/320000/quality-supervision")
    assert len(by_iri) > 10
    assert measures("320000/quality-supervision") == by_iri
    assert measures("江苏省质量技术监督局") == by_iri


def test_an_unknown_agency_name_exits_1_with_one_line(workdir: Path, store: str) -> None:
    result = policykg(
        "query", "agency_measures", "-p", "agency=江苏省无此局", cwd=workdir, store=store
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "no agency named '江苏省无此局' (parameter agency)"


def test_an_unknown_query_name_lists_the_close_ones(workdir: Path, store: str) -> None:
    result = policykg("query", "cascades", cwd=workdir, store=store)
    assert result.returncode == 2
    assert "no named query 'cascades'" in result.stderr
    assert "Did you mean cascade" in result.stderr
    assert "DESCRIBE" not in result.stderr  # not parsed as SPARQL


def test_the_query_list_holds_no_maintainers_notes(workdir: Path) -> None:
    result = policykg("query", "--list", cwd=workdir)
    assert result.returncode == 0
    assert "agency_network" in result.stdout
    for note in ("Oxigraph", " ms", "evaluation order", "helper"):
        assert note not in result.stdout, note


@pytest.mark.parametrize(
    ("kind", "key", "message"),
    [
        ("cascade", "no-such-thing", "no indicator 'no-such-thing'"),
        ("document", "nope", "no document 'nope'"),
        ("agencies", "320000/nope", "no agency '320000/nope'"),
    ],
)
def test_viz_of_a_missing_thing_exits_1_and_writes_nothing(
    kind: str, key: str, message: str, workdir: Path, store: str
) -> None:
    before = set(workdir.rglob("*.html"))
    result = policykg("viz", kind, key, cwd=workdir, store=store)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert set(workdir.rglob("*.html")) == before


def test_viz_without_o_writes_a_named_temporary_file_not_into_the_folder(
    workdir: Path, store: str
) -> None:
    result = policykg("viz", "cascade", "jiangsu-famous-brand", cwd=workdir, store=store)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == workdir / "tmp" and written.name.startswith("policykg-cascade-")
    assert "江苏名牌" in written.read_text(encoding="utf-8")
    assert not (workdir / "view.html").exists()


def test_viz_of_an_unknown_kind_is_a_usage_error(workdir: Path, store: str) -> None:
    result = policykg("viz", "bogus", cwd=workdir, store=store)
    assert result.returncode == 2
    assert "unknown view 'bogus'" in result.stderr


def test_a_region_is_found_by_code_or_by_its_chinese_name(workdir: Path, store: str) -> None:
    def targets(region: str) -> list[str]:
        result = policykg(
            "query", "targets", "-p", f"region={region}", "--format", "json",
            cwd=workdir, store=store,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return sorted(row["target"] for row in json.loads(result.stdout))

    by_code = targets("321100")
    assert by_code
    assert targets("镇江市") == by_code
