"""The loaders' entry points: a file (or its bytes) → one :class:`PolicyDocument`.

read (by format) → clean → metadata → sections → references → facts (measures, targets,
groups, region and level, from :mod:`loaders.facts` when it is installed).

>>> doc = extract_bytes("2011年产品质量管理实施方案\\n一、指导思想\\n认真贯彻落实《质量发展纲要》。".encode(), "plan.txt")
>>> doc.title, doc.doc_type, [s.path for s in doc.sections], doc.references[0].relation
('2011年产品质量管理实施方案', '实施方案', ['一'], 'implements')
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from loaders.clean import clean_text
from loaders.errors import RejectedDocument
from loaders.header import header_end
from loaders.issuers import expand_issuer, is_level_only
from loaders.metadata import extract_metadata
from loaders.readers import SUFFIXES, read_bytes
from loaders.record import PolicyDocument, Source
from loaders.references import find_references
from loaders.regions import infer_context
from loaders.sections import find_sections

#: Default size limit of one input file (bytes).
MAX_BYTES = 20_000_000


def extract_bytes(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> PolicyDocument:
    """The record of a document given as bytes; ``filename`` names it and gives its suffix.

    Raises :class:`RejectedDocument` (file and reason) for empty, binary, oversized,
    undecodable or corrupt input, or an unknown suffix. A text whose title cannot be found is
    still loaded, with ``title`` ``None`` and a warning in ``warnings``.
    """
    if len(data) > max_bytes:
        raise RejectedDocument(filename, f"too large ({len(data)} bytes, max_bytes={max_bytes})")
    if not data.strip():
        raise RejectedDocument(filename, "empty file")
    raw = read_bytes(data, filename)
    text = clean_text(raw.text)
    if not text.strip():
        raise RejectedDocument(filename, "empty file (no text after cleaning)")
    meta = extract_metadata(text, page_title=raw.title)
    meta.issuers = _full_issuers(meta.issuers, meta.title, meta.plan_title, meta.doc_number, text)
    doc = PolicyDocument(
        source=Source(filename, hashlib.sha256(data).hexdigest(), raw.format, raw.encoding),
        text=text,
        title=meta.title,
        plan_title=meta.plan_title,
        doc_number=meta.doc_number,
        issuers=meta.issuers,
        issued=meta.issued,
        published=meta.published,
        doc_type=meta.doc_type,
        in_force=meta.in_force,
        repealed_by=meta.repealed_by,
        draft=meta.draft,
        warnings=list(meta.warnings),
    )
    doc.sections = find_sections(text, header_end(text))
    doc.references = find_references(
        text, title=meta.title, plan_title=meta.plan_title, doc_number=meta.doc_number
    )
    _extract_facts(doc)
    return doc


def _full_issuers(
    issuers: list[str],
    title: str | None,
    plan_title: str | None,
    doc_number: str | None,
    text: str,
) -> list[str]:
    """Issuers written by level alone (省政府办公厅) named in full where the place is known."""
    if not any(is_level_only(name) for name in issuers):
        return issuers
    ctx = infer_context(
        issuers=issuers, title=title, plan_title=plan_title, doc_number=doc_number, text=text
    )
    town = ctx.region if ctx.level == "town" else None
    # A county-level city (昆山市) calls its own government 市政府.
    county_city = ctx.level == "county" and (ctx.region or "").endswith("市")
    city = ctx.region if county_city else ctx.city
    places = {"省": ctx.province, "市": city, "县": ctx.county, "区": ctx.county, "镇": town}
    return [expand_issuer(name, places) for name in issuers]


def _extract_facts(doc: PolicyDocument) -> None:
    """Run the facts extractor when it is part of this installation."""
    try:
        from loaders.facts import extract_facts
    except ImportError:
        return
    extract_facts(doc)


def extract_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> PolicyDocument:
    """The record of the document at ``path`` (see :func:`extract_bytes` for the rejections)."""
    name = str(path)
    file = Path(path)
    if not file.is_file():
        raise RejectedDocument(name, "not a readable file")
    size = file.stat().st_size
    if size > max_bytes:
        raise RejectedDocument(name, f"too large ({size} bytes, max_bytes={max_bytes})")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise RejectedDocument(name, f"cannot read ({exc.strerror})") from exc
    return extract_bytes(data, name, max_bytes=max_bytes)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named by ``paths``, directories expanded recursively (sorted, hidden files skipped).

    Inside a directory only files with a known suffix are taken; a file named explicitly
    is always taken, so that a wrong suffix is reported rather than ignored.
    """
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = (
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            files.extend(sorted(found))
        else:
            files.append(p)
    return files


def iter_extract(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = MAX_BYTES,
    workers: int = 1,
    then: Callable[[PolicyDocument], Any] | None = None,
) -> Iterator[tuple[Path, Any]]:
    """Extract a batch: yields ``(path, record)`` or ``(path, RejectedDocument)`` and goes on.

    With ``workers`` > 1 the files are read by that many processes; the results still come
    in the order of the files. ``then`` (a module-level function, so it can be sent to a
    worker) is applied to each record where it was extracted and its result yielded instead:
    the graph layer maps records there. A file that makes the extractor (or ``then``) fail is
    rejected with the error's name, so one odd document never stops the batch.
    """
    files = expand_paths(paths)
    jobs = [(file, max_bytes, then) for file in files]
    if workers <= 1 or len(files) < 2 * workers:
        yield from map(_extract_job, jobs)
        return
    # spawn, not fork: the caller may hold an open store whose threads must not be copied
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(_extract_job, jobs, chunksize=8)


def _extract_job(job: tuple[Path, int, Callable[[PolicyDocument], Any] | None]) -> tuple[Path, Any]:
    file, max_bytes, then = job
    try:
        record = extract_file(file, max_bytes=max_bytes)
        return file, record if then is None else then(record)
    except RejectedDocument as rejected:
        return file, rejected
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not end the batch
        return file, RejectedDocument(str(file), f"extractor failed: {type(exc).__name__}: {exc}")
