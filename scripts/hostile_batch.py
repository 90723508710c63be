#!/usr/bin/env python3
"""The hostile batch of issue 17: build the files that broke ``policykg load``, load them, and
print the wall time, the peak memory and every reject line.

In a temporary folder it writes a docx zip bomb (a real docx whose ``document.xml`` inflates
to ``--bomb-mb`` MB, about a thousandth of that on disk), a ``--pages``-page PDF of real text,
a link to a file outside the folder, a link to ``/dev/zero``, a FIFO, 10,000 nested ``<div>``s,
a 15 MB single line, a UTF-8 ``<title>`` over a GBK body and a file whose name holds a
newline, beside the bundled corpus. Then it runs ``policykg load`` on the folder as its own
process (a fresh on-disk store) and reports, from ``wait4``, the wall time and the peak RSS of
the process tree's largest member. The bar: under 2 minutes, under 2 GB, one line per reject.
Figures, not assertions: the machine is shared.

    .venv/bin/python scripts/hostile_batch.py
    .venv/bin/python scripts/hostile_batch.py --pages 2000 --bomb-mb 1024 --output hostile.json
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.hardening.hostile import zip_bomb_docx  # noqa: E402
from tests.loaders.formats import as_docx  # noqa: E402

CORPUS = REPO / "data" / "corpus"
SEED = CORPUS / "jiaze_town_2016_opinion.txt"


def seed_lines() -> list[str]:
    """The lines of a real town opinion (title first)."""
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def long_pdf(lines: list[str], pages: int) -> bytes:
    """A ``pages``-page PDF of real sentences with targets in them (reportlab, CJK font)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    body = [line[:38] for line in lines] or ["质量"]
    for number in range(pages):
        page.setFont("STSong-Light", 11)
        y = 800
        if number == 0:
            page.drawString(60, y, lines[0])
            y -= 20
        for index in range(36):
            page.drawString(60, y, body[(number * 36 + index) % len(body)])
            y -= 20
        page.showPage()
    page.save()
    return out.getvalue()


def build(folder: Path, outside: Path, pages: int, bomb_mb: int) -> dict[str, str]:
    """Write the hostile files into ``folder``; what each one is."""
    lines = seed_lines()
    title, body = lines[0], lines[1:]
    made: dict[str, str] = {}

    def write(name: str, data: bytes, what: str) -> None:
        (folder / name).write_bytes(data)
        made[name] = what

    for seed in sorted(CORPUS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    write("bomb.docx", zip_bomb_docx(as_docx(lines), bomb_mb), f"docx inflating to {bomb_mb} MB")
    write("long.pdf", long_pdf(lines, pages), f"{pages}-page PDF")
    html = "<html><body>" + "<div>" * 10_000
    html += "".join(f"<p>{line}</p>" for line in lines) + "</div>" * 10_000 + "</body></html>"
    write("nested.html", html.encode(), "10,000 nested <div>s")
    one_line = title + "".join(body)
    write(
        "one_line.txt", (one_line * (15_000_000 // len(one_line.encode()))).encode(), "15 MB line"
    )
    page = (
        b"<html><head><meta charset=gbk><title>"
        + title.encode()
        + b"</title></head><body>"
        + "".join(f"<p>{line}</p>" for line in body).encode("gb18030")
        + b"</body></html>"
    )
    write("gbk_body.html", page, "UTF-8 <title> over a GBK body")
    write("empty\nrejected forged.txt", b"", "newline in the file name (and empty)")
    secret = outside / "passwd.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "x.txt").symlink_to(secret)
    made["x.txt"] = f"link to {secret} (outside the folder)"
    (folder / "zero.txt").symlink_to("/dev/zero")
    made["zero.txt"] = "link to /dev/zero"
    os.mkfifo(folder / "pipe.txt")
    made["pipe.txt"] = "FIFO"
    return made


def run_load(folder: Path, store: Path, code: Path) -> dict[str, Any]:
    """``policykg load`` on ``folder`` as a child process: wall time, peak RSS, output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env["PYTHONPATH"] = str(code)
    command = [sys.executable, "-m", "api.cli", "load", str(folder), "--store", f"oxigraph:{store}"]
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=code, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        output, _ = process.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    seconds = time.monotonic() - started
    # ru_maxrss of the children: the largest of the process tree (the CLI or one of its
    # extraction workers), in KiB on Linux
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    text = output.decode("utf-8", "replace")
    return {
        "exit_code": process.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_kib / 1024),
        "reject_lines": [line for line in text.splitlines() if line.startswith("rejected")],
        "output": text,
    }


def main() -> None:
    """Build the batch, load it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the long PDF")
    parser.add_argument("--bomb-mb", type=int, default=1024, help="MB the docx inflates to")
    parser.add_argument("--code", type=Path, default=REPO, help="source tree to run")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg-hostile-") as work:
        root = Path(work)
        folder, outside = root / "batch", root / "outside"
        folder.mkdir()
        outside.mkdir()
        made = build(folder, outside, args.pages, args.bomb_mb)
        sizes = {name: (folder / name).lstat().st_size for name in made}
        figures = run_load(folder, root / "store", args.code.resolve())
    figures["files"] = {name: {"what": made[name], "bytes": sizes[name]} for name in made}
    print(figures.pop("output"))
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.output:
        args.output.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
