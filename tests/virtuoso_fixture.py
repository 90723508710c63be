"""A private Virtuoso SPARQL server on loopback, for the remote-store contract tests and the bench.

Registered by ``tests/conftest.py`` (``pytest_plugins = ["tests.virtuoso_fixture"]``); tests ask
for the session fixture ``virtuoso_url``. The server is Debian's ``virtuoso-opensource-7``
started from a private copy of its ini file: its database lives in a temporary folder, both
ports (ISQL and HTTP) are free ports on 127.0.0.1, the DBA password is changed at once, and the
anonymous ``SPARQL`` user is granted ``SPARQL_UPDATE`` so ``/sparql`` takes updates — acceptable
only because nothing outside this machine can reach it, which :func:`_assert_loopback_only`
checks with ``ss``.

When ``virtuoso-t`` is absent the fixture skips with a reason, except under ``CI=true`` where a
skip would hide a missing store, so it fails. :func:`running_virtuoso` is the same server as a
plain context manager, used by ``bench/run.py``.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
# Virtuoso's page cache: 8 KiB pages. The Debian default (10,000 = 80 MB) is fine for the
# tests; the bench passes more so a 10,000-document load is not I/O bound on a tiny cache.
DEFAULT_BUFFERS = 10_000


class VirtuosoUnavailable(RuntimeError):
    """Virtuoso is not installed on this machine (the tests skip, CI fails)."""


@dataclass(frozen=True)
class VirtuosoEndpoint:
    """Where a running private Virtuoso answers.

    ``spec`` is the store spec string for ``graph.stores.open_store`` / ``POLICYKG_STORE``.
    """

    query_url: str
    update_url: str
    http_port: int
    isql_port: int
    password: str
    workdir: Path

    @property
    def spec(self) -> str:
        """``sparql:QUERY_URL;update=UPDATE_URL``."""
        return f"sparql:{self.query_url};update={self.update_url}"

    def __str__(self) -> str:
        return self.spec

    def isql(self, sql: str, timeout: float = 120.0) -> str:
        """Run one SQL statement through ``isql-vt`` as DBA and return its output."""
        return _isql(self.isql_port, self.password, f"exec={sql}", timeout=timeout)


def _free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _binaries() -> tuple[str, str]:
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt")
    if not server or not isql or not SYSTEM_INI.exists():
        raise VirtuosoUnavailable(
            "Virtuoso is not installed (virtuoso-t/isql-vt missing): "
            "run scripts/install-system-deps.sh as root or "
            "`apt-get install --no-install-recommends virtuoso-opensource-7`"
        )
    return server, isql


def _set_key(text: str, section: str, key: str, value: str) -> str:
    """Set ``key = value`` inside ``[section]`` of an ini text, keeping every other line.

    The Debian file aligns with tabs and spaces, so keys are matched with ``\\s*=``; a key
    missing from the section is appended right after its header.
    """
    out: list[str] = []
    current = ""
    done = False
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.IGNORECASE)
    for line in text.splitlines():
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            out.append(line)
            if current == section and not done and not _section_has(text, section, pattern):
                out.append(f"{key} = {value}")
                done = True
            continue
        if current == section and pattern.match(line):
            if not done:
                out.append(f"{key} = {value}")
                done = True
            continue  # drop duplicates of the key
        out.append(line)
    if not done:
        out += [f"[{section}]", f"{key} = {value}"]
    return "\n".join(out) + "\n"


def _section_has(text: str, section: str, pattern: re.Pattern[str]) -> bool:
    current = ""
    for line in text.splitlines():
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
        elif current == section and pattern.match(line):
            return True
    return False


def _private_ini(workdir: Path, isql_port: int, http_port: int, buffers: int) -> Path:
    """Write a copy of the system ini that keeps everything under ``workdir`` and on loopback."""
    text = SYSTEM_INI.read_text(encoding="utf-8", errors="replace")
    db = workdir / "db"
    db.mkdir(parents=True, exist_ok=True)
    settings: dict[str, dict[str, object]] = {
        "Database": {
            "DatabaseFile": db / "virtuoso.db",
            "ErrorLogFile": db / "virtuoso.log",
            "LockFile": db / "virtuoso.lck",
            "TransactionFile": db / "virtuoso.trx",
            "xa_persistent_file": db / "virtuoso.pxa",
        },
        "TempDatabase": {
            "DatabaseFile": db / "virtuoso-temp.db",
            "TransactionFile": db / "virtuoso-temp.trx",
        },
        "Parameters": {
            "ServerPort": f"127.0.0.1:{isql_port}",
            "DirsAllowed": f"., {workdir}, /usr/share/virtuoso-opensource-7/vad",
            "NumberOfBuffers": str(buffers),
            "MaxDirtyBuffers": str(buffers * 3 // 4),
        },
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}"},
        # the packaged default cuts every answer at 10,000 rows without saying so; a whole-graph
        # CONSTRUCT (export, validation) needs more
        "SPARQL": {"ResultSetMaxRows": "5000000"},
        "URIQA": {"DefaultHost": f"127.0.0.1:{http_port}"},
    }
    for section, keys in settings.items():
        for key, value in keys.items():
            text = _set_key(text, section, key, str(value))
    # Zero Config announces the server on the local network; a test server must stay private.
    text = re.sub(r"(?m)^(\s*ServerName\s*=\s*virtuoso\s*)$", r";\1", text)
    ini = workdir / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


def _isql(port: int, password: str, *args: str, timeout: float = 60.0) -> str:
    _, isql = _binaries()
    proc = subprocess.run(
        [isql, f"127.0.0.1:{port}", "dba", password, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 or "*** Error" in output:
        raise RuntimeError(f"isql-vt {' '.join(args)} failed ({proc.returncode}): {output}")
    return output


def _listeners() -> list[str]:
    """Local addresses of every listening TCP socket, as ``ss -ltn`` prints them."""
    proc = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True, check=True)
    return [line.split()[3] for line in proc.stdout.splitlines() if len(line.split()) >= 4]


def _assert_loopback_only(*ports: int) -> None:
    """Fail when one of ``ports`` is bound anywhere but 127.0.0.1 (e.g. 0.0.0.0 or [::])."""
    if shutil.which("ss") is None:
        return  # iproute2 absent: the ini binds 127.0.0.1 explicitly, nothing more to check
    exposed = [
        addr
        for addr in _listeners()
        for port in ports
        if addr.endswith(f":{port}") and not addr.startswith("127.0.0.1:")
    ]
    if exposed:
        raise RuntimeError(f"Virtuoso listens beyond loopback: {exposed}")


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"virtuoso-t exited with {proc.returncode}: {log.read_text(errors='replace')[-2000:]}"
            )
        try:
            r = httpx.get(
                url,
                params={"query": "ASK {}"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=2.0,
            )
            if r.status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"Virtuoso did not answer {url} within {START_TIMEOUT_S:.0f} s")


def _stop(proc: subprocess.Popen[bytes], isql_port: int, password: str) -> None:
    """Shut down cleanly with ``isql -K`` (checkpoint), falling back to signals."""
    if proc.poll() is None:
        try:
            _isql(isql_port, password, "-K", timeout=STOP_TIMEOUT_S)
        except (RuntimeError, subprocess.TimeoutExpired):
            proc.terminate()
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=STOP_TIMEOUT_S)


@contextmanager
def running_virtuoso(
    workdir: Path | None = None, *, buffers: int = DEFAULT_BUFFERS
) -> Iterator[VirtuosoEndpoint]:
    """Start a private Virtuoso on loopback, yield its endpoint, stop it on exit.

    Raises :class:`VirtuosoUnavailable` when Virtuoso is not installed.
    """
    server, _ = _binaries()
    owned = workdir is None
    base = Path(tempfile.mkdtemp(prefix="policykg-virtuoso-")) if workdir is None else workdir
    base.mkdir(parents=True, exist_ok=True)
    isql_port, http_port = _free_port(), _free_port()
    while http_port == isql_port:
        http_port = _free_port()
    ini = _private_ini(base, isql_port, http_port, buffers)
    log = base / "virtuoso-stdout.log"
    password = "dba"  # the Debian package's initial password, replaced right after start
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [server, "+configfile", str(ini), "+foreground"],
            cwd=base,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{http_port}/sparql"
        _wait_ready(url, proc, log)
        _assert_loopback_only(isql_port, http_port)
        new_password = secrets.token_hex(12)
        _isql(isql_port, password, f"exec=USER_SET_PASSWORD('dba', '{new_password}');")
        password = new_password
        # Anonymous updates through /sparql: only tolerable on a loopback test instance.
        _isql(isql_port, password, 'exec=GRANT SPARQL_UPDATE TO "SPARQL";')
        yield VirtuosoEndpoint(
            query_url=url,
            update_url=url,
            http_port=http_port,
            isql_port=isql_port,
            password=password,
            workdir=base,
        )
    finally:
        _stop(proc, isql_port, password)
        if owned:
            shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoEndpoint]:
    """A private Virtuoso on loopback for the whole test session.

    Yields a :class:`VirtuosoEndpoint`; ``str(endpoint)`` / ``endpoint.spec`` is the store spec
    ``sparql:http://127.0.0.1:PORT/sparql;update=http://127.0.0.1:PORT/sparql``. Skips when
    Virtuoso is not installed, except under ``CI=true`` where that is a failure.
    """
    try:
        _binaries()
    except VirtuosoUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true: the Virtuoso tests never skip in CI)")
        pytest.skip(str(exc))
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as endpoint:
        yield endpoint
