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
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.clean import clean_text
from loaders.errors import RejectedDocument
from loaders.header import header_end
from loaders.issuers import expand_issuer, is_level_only
from loaders.metadata import extract_metadata
from loaders.readers import LIMITS, SUFFIXES, ReadLimits, read_bytes
from loaders.record import PolicyDocument, Source
from loaders.references import find_references
from loaders.regions import infer_context
from loaders.sections import find_sections

#: Default size limit of one input file (bytes).
MAX_BYTES = 20_000_000


def extract_bytes(
    data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, limits: ReadLimits = LIMITS
) -> PolicyDocument:
    """The record of a document given as bytes; ``filename`` names it and gives its suffix.

    Raises :class:`RejectedDocument` (file and reason) for empty, binary, oversized,
    undecodable or corrupt input, a zip bomb, or an unknown suffix. A text whose title cannot
    be found is still loaded, with ``title`` ``None`` and a warning in ``warnings``; so is a
    document cut at one of ``limits`` (pages, characters, targets), with a warning naming it.
    """
    if len(data) > max_bytes:
        raise RejectedDocument(filename, f"too large ({len(data)} bytes, max_bytes={max_bytes})")
    if not data.strip():
        raise RejectedDocument(filename, "empty file")
    raw = read_bytes(data, filename, limits)
    warnings = list(raw.warnings)
    raw_text = raw.text
    if len(raw_text) > limits.characters:
        raw_text = raw_text[: limits.characters]
        warnings.append(f"text cut after {limits.characters} characters (limit: characters)")
    text = clean_text(raw_text)
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
        warnings=warnings + list(meta.warnings),
    )
    doc.sections = find_sections(text, header_end(text))
    doc.references = find_references(
        text, title=meta.title, plan_title=meta.plan_title, doc_number=meta.doc_number
    )
    _extract_facts(doc)
    if len(doc.targets) > limits.targets:
        found = len(doc.targets)
        doc.targets = doc.targets[: limits.targets]
        doc.warnings.append(
            f"{found} targets found, the first {limits.targets} kept (limit: targets)"
        )
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


def extract_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    limits: ReadLimits = LIMITS,
    root: str | os.PathLike[str] | None = None,
    follow_symlinks: bool = False,
) -> PolicyDocument:
    """The record of the document at ``path`` (see :func:`extract_bytes` for the rejections).

    A symbolic link that leads out of ``root`` (by default the file's own folder) is refused
    unless ``follow_symlinks``: loading a folder must not read ``x.txt → /etc/passwd``. A FIFO,
    device or socket is refused without being opened (opening a FIFO waits for a writer).
    """
    name = str(path)
    data = _read_regular(Path(path), root, follow_symlinks, max_bytes)
    return extract_bytes(data, name, max_bytes=max_bytes, limits=limits)


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is, when it is not a regular file."""
    for test, kind in _SPECIAL:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def _read_regular(
    file: Path, root: str | os.PathLike[str] | None, follow: bool, limit: int
) -> bytes:
    """The bytes of ``file`` if it is a regular file inside ``root`` (links followed only
    with ``follow``), at most ``limit`` of them; :class:`RejectedDocument` otherwise."""
    name = str(file)
    try:
        os.lstat(file)
        real = file.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, dangling link, link loop
        raise RejectedDocument(name, "not a readable file") from None
    folder = Path(root if root is not None else file.absolute().parent).resolve()
    if not follow and not real.is_relative_to(folder):
        raise RejectedDocument(
            name,
            f"symbolic link out of the loaded folder (to {real}); refused unless "
            "symlinks are allowed (policykg load --follow-symlinks)",
        )
    kind = _not_regular(os.stat(real).st_mode)
    if kind is not None:
        raise RejectedDocument(name, f"{kind}, not a document file; not opened")
    try:
        # O_NONBLOCK: should the file have become a FIFO since the check, opening it must
        # not wait for a writer; fstat then refuses it.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise RejectedDocument(name, f"cannot read ({exc.strerror})") from exc
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(handle.fileno())
        kind = _not_regular(info.st_mode)
        if kind is not None:
            raise RejectedDocument(name, f"{kind}, not a document file; not opened")
        if info.st_size > limit:
            raise RejectedDocument(name, f"too large ({info.st_size} bytes, max_bytes={limit})")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise RejectedDocument(name, f"cannot read ({exc.strerror})") from exc
    if len(data) > limit:
        raise RejectedDocument(name, f"too large (more than {limit} bytes, max_bytes={limit})")
    return data


@dataclass(frozen=True)
class Found:
    """A file to extract and the folder it was found in (a named file: its own folder)."""

    path: Path
    root: Path


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False
) -> list[Path]:
    """Files named by ``paths``, directories expanded recursively (sorted, hidden files skipped).

    Inside a directory only files with a known suffix are taken; a file named explicitly
    is always taken, so that a wrong suffix is reported rather than ignored. Links out of the
    folder and special files are taken too, so that their rejection is reported.
    """
    return [found.path for found in find_files(paths, follow_symlinks=follow_symlinks)]


def find_files(
    paths: Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False
) -> list[Found]:
    """:func:`expand_paths` with the folder each file was found in.

    Without ``follow_symlinks`` a linked folder is not entered: one inside the loaded folder
    is loaded by its real path anyway, one leading out is listed so that it is reported. With
    it, linked folders are entered, each real folder once (a link to a parent ends there).
    """
    found: list[Found] = []
    for path in paths:
        top = Path(path)
        if not top.is_dir():
            found.append(Found(top, top.absolute().parent))
            continue
        inside: list[Path] = []
        seen: set[Path] = set()
        for folder, dirs, files in os.walk(top, followlinks=follow_symlinks):
            here = Path(folder)
            real = here.resolve()
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            if not follow_symlinks:
                for name in dirs:
                    if (here / name).is_symlink() and not _leads_inside(here / name, top):
                        inside.append(here / name)
            inside.extend(
                here / name
                for name in files
                if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
            )
        found.extend(Found(file, top) for file in sorted(inside))
    return found


def _leads_inside(link: Path, top: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(top.resolve())
    except (OSError, RuntimeError):
        return False


def iter_extract(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = MAX_BYTES,
    limits: ReadLimits = LIMITS,
    follow_symlinks: bool = False,
    workers: int = 1,
    then: Callable[[PolicyDocument], Any] | None = None,
) -> Iterator[tuple[Path, Any]]:
    """Extract a batch: yields ``(path, record)`` or ``(path, RejectedDocument)`` and goes on.

    With ``workers`` > 1 the files are read by that many processes; the results still come
    in the order of the files. ``then`` (a module-level function, so it can be sent to a
    worker) is applied to each record where it was extracted and its result yielded instead:
    the graph layer maps records there. A file that makes the extractor (or ``then``) fail is
    rejected with the error's name, so one odd document never stops the batch. Links out of
    a loaded folder are refused unless ``follow_symlinks`` (see :func:`extract_file`).
    """
    files = find_files(paths, follow_symlinks=follow_symlinks)
    jobs = [_Job(found, max_bytes, limits, follow_symlinks, then) for found in files]
    if workers <= 1 or len(files) < 2 * workers:
        yield from map(_extract_job, jobs)
        return
    # spawn, not fork: the caller may hold an open store whose threads must not be copied
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(_extract_job, jobs, chunksize=8)


@dataclass(frozen=True)
class _Job:
    found: Found
    max_bytes: int
    limits: ReadLimits
    follow_symlinks: bool
    then: Callable[[PolicyDocument], Any] | None


def _extract_job(job: _Job) -> tuple[Path, Any]:
    file = job.found.path
    try:
        record = extract_file(
            file,
            max_bytes=job.max_bytes,
            limits=job.limits,
            root=job.found.root,
            follow_symlinks=job.follow_symlinks,
        )
        return file, record if job.then is None else job.then(record)
    except RejectedDocument as rejected:
        return file, rejected
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not end the batch
        return file, RejectedDocument(str(file), f"extractor failed: {type(exc).__name__}: {exc}")
