"""A clean checkout, built as a wheel and installed into a fresh virtualenv with no npm on PATH,
serves every page: /docs included, nothing fetched off 127.0.0.1, no console error, no HTTP 500.

The checkout is ``git archive HEAD`` (so no fetched vendor files: YASGUI is absent and the query
page must fall back to its plain form). The fresh venv holds only the policykg wheel; its
dependencies come from this interpreter's site-packages through a path file, so the test needs
no network beyond the wheel's build backend (setuptools, from PyPI through pip).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.viz.conftest import Watched, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
PAGES = [
    "/",
    "/docs",
    "/sparql",
    "/ui/documents",
    "/ui/agencies",
    "/ui/cascades",
    "/ui/search?q=%E5%90%8D%E7%89%8C",
    "/ui/documents/su-zhengbanfa-2012-123",
    "/ui/cascades/jiangsu-famous-brand",
    "/viz/hierarchy",
    "/viz/agencies",
    "/viz/documents/su-zhengbanfa-2012-123",
    "/viz/cascades/jiangsu-famous-brand",
]


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command[:3]}: {result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def wheel_server(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Iterator[str]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to archive")
    work = tmp_path_factory.mktemp("wheel")
    checkout = work / "policykg-checkout"
    checkout.mkdir()
    tarball = work / "checkout.tar"
    _run(["git", "-C", str(REPO), "archive", "--format=tar", "-o", str(tarball), "HEAD"])
    _run(["tar", "xf", str(tarball), "-C", str(checkout)])
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(work / "dist"),
            str(checkout),
        ]
    )
    wheel = next((work / "dist").glob("policykg-*.whl"))
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ]
    )
    # the dependencies (not policykg itself: only a plain path, so no editable-install hook runs)
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # no npm: PATH holds only the venv's bin folder
    env = {
        "PATH": str(venv / "bin"),
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "CI": os.environ.get("CI", ""),
    }
    where = _run(
        [str(python), "-c", "import api, visualizations; print(api.__file__)"], env=env, cwd=work
    )
    assert where.stdout.startswith(str(site)), where.stdout  # the installed wheel, not the checkout
    store = f"oxigraph:{work / 'store'}"
    corpus = work / "corpus"
    shutil.copytree(seed_dir, corpus)
    cli = [str(python), "-m", "api.cli"]
    _run([*cli, "load", str(corpus), "--store", store, "--no-reason"], env=env, cwd=work)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = subprocess.Popen(
        [*cli, "serve", "--store", store, "--port", str(port)],
        env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/viz/static/viz.css", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the server from the wheel did not start")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_served_from_the_wheel_loads_offline(
    wheel_server: str, watched: Watched, path: str
) -> None:
    response = watched.page.goto(wheel_server + path)
    assert response is not None and response.status == 200, path
    if (
        path.startswith("/viz/")
        or path.startswith("/ui/documents/")
        or path.startswith("/ui/cascades/")
    ):
        watched.wait_until_drawn()
    if path == "/docs":
        watched.page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    outside = [u for u in watched.requests if not u.startswith((wheel_server, "data:", "blob:"))]
    assert outside == []
    assert watched.errors == []


def test_the_query_page_without_yasgui_runs_queries_in_its_plain_form(
    wheel_server: str, watched: Watched
) -> None:
    watched.page.goto(wheel_server + "/sparql")
    # opens on the loaded documents, run at once, drawn as a table with prefixed IRIs
    watched.page.wait_for_selector("#plain-results table.results tr:nth-child(2)", timeout=30_000)
    cells = watched.page.locator("#plain-results td").all_inner_texts()
    assert "doc:su-zhengbanfa-2012-123" in cells
    assert any("江苏省贯彻实施质量发展纲要2012年行动计划" in c for c in cells)
    watched.page.locator("button.example[data-name='counts_by_level']").click()
    wait_for(
        watched.page,
        "document.querySelector('#plain-results th') && "
        "document.querySelector('#plain-results th').textContent === 'level'",
    )
    assert watched.errors == []
    watched.screenshot("wheel-query-plain")
