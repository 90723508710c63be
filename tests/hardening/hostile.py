"""Hostile files of issue 17 built from real documents, shared by the tests and
``scripts/hostile_batch.py``."""

from __future__ import annotations

import io
import zipfile


def zip_bomb_docx(base: bytes, padding_mb: int) -> bytes:
    """``base`` (a real docx) with ``padding_mb`` MB of one-character paragraphs at the end of
    ``word/document.xml``: about a thousandth of that on disk, written in 1 MB chunks so the
    test never holds it inflated. Read in full, every paragraph becomes an XML element."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            content = source.read(info)
            if info.filename != "word/document.xml":
                bomb.writestr(info, content)
                continue
            head, tail = content.split(b"</w:body>")
            packed = zipfile.ZipInfo(info.filename)
            packed.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(packed, "w", force_zip64=True) as member:
                member.write(head)
                paragraph = "<w:p><w:r><w:t>质</w:t></w:r></w:p>".encode()
                chunk = paragraph * (1024 * 1024 // len(paragraph))
                for _ in range(padding_mb):
                    member.write(chunk)
                member.write(b"</w:body>" + tail)
    return out.getvalue()
