"""Readers: bytes of one file → raw text, chosen by suffix and sniffed content.

The registry :data:`READERS` maps a format name to a reader; :func:`sniff_format` picks
the format from the first bytes where they are unmistakable (``%PDF``, a ZIP holding
``word/document.xml``, an ``<html>`` tag) and from the suffix otherwise. A file whose
content says one thing and whose suffix another is read as what it is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from loaders.encodings import declared_html_charset, decode_text, looks_binary, utf8_title_apart
from loaders.errors import RejectedDocument


@dataclass(frozen=True)
class RawText:
    """What a reader returns: the text before cleaning, the format and the encoding used."""

    text: str
    format: str
    encoding: str | None
    #: the page's own title where the format has one apart from the text (HTML ``<title>``)
    title: str | None = None
    #: what the reader cut or read in an unusual way (a page limit reached, a title in
    #: another encoding than the body); the record carries these as warnings
    warnings: tuple[str, ...] = ()


Reader = Callable[[bytes, str], RawText]


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what one file may expand to.

    A docx past a ZIP bound is rejected, naming the bound (a zip bomb is no document). Past
    the page, character or target bound the document is cut there and loaded, with a warning
    in ``PolicyDocument.warnings`` saying what was cut: never silently.

    The defaults sit far above any real policy document (the longest seen: a 300-page PDF of
    about 400,000 characters and a few hundred targets; a docx of a few MB with pictures) and
    far below what hangs a batch: a 4.5 MB docx whose ``document.xml`` inflates to 1 GB, a
    2,000-page PDF that became 60,000 targets and a million triples.
    """

    zip_members: int = 2_000
    """Most members a docx (a ZIP archive) may hold."""
    zip_uncompressed_bytes: int = 256 * 1024 * 1024
    """Most bytes all members of a docx may inflate to together."""
    zip_ratio: int = 200
    """Most a member above 1 MB may inflate, as a multiple of its compressed size."""
    pdf_pages: int = 600
    """Most pages read from a PDF (the rest is cut, with a warning)."""
    characters: int = 1_000_000
    """Most characters of text kept from one document, whatever its format."""
    targets: int = 3_000
    """Most targets kept from one document (the rest is cut, with a warning)."""


LIMITS = ReadLimits()
_RATIO_FLOOR = 1024 * 1024  # small members (styles, rels) may compress very well

SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def read_txt(data: bytes, path: str) -> RawText:
    """Plain text in any supported encoding."""
    text, encoding = decode_text(data, path)
    return RawText(text, "txt", encoding)


# Elements whose text is never document content.
# Ruby annotations (<rt>, <rp>) are the pinyin a mirror prints over characters.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "template",
    "iframe",
    "svg",
    "form",
    "button",
    "rt",
    "rp",
)
# Elements after which the text starts a new line.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer aside "
    "blockquote pre dd dt dl center title hr".split()
)


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    declared = declared_html_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies more often than the bytes do
    return decode_text(data, path)


def _decode_page(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """The page's text and encoding; a ``<title>`` in UTF-8 over a GBK body (templates
    saved in UTF-8, articles pasted in GBK) is read apart from the body, with a warning."""
    apart = utf8_title_apart(data)
    if apart is not None:
        head, title, tail = apart
        text, encoding = _decode_html(head + tail, path)
        try:
            start = len(head.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            start = -1
        if start >= 0 and text[:start] == head.decode(encoding):
            warning = f"page title read as UTF-8 over a {encoding} body"
            return text[:start] + title + text[start:], encoding, (warning,)
    return (*_decode_html(data, path), ())


def read_html(data: bytes, path: str) -> RawText:
    """An HTML page: visible text with one line per block element, navigation dropped."""
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    markup, encoding, warnings = _decode_page(data, path)
    soup = BeautifulSoup(markup, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True, attrs={"role": "navigation"}):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    parts: list[str] = []
    # A stack, not recursion: a page of 10,000 nested <div>s is read like any other.
    # Items are nodes still to visit, or a _Close marker: the newline after a block.
    todo: list[object] = list(reversed(list((soup.body or soup).children)))
    while todo:
        node = todo.pop()
        if isinstance(node, _Close):
            parts.append("\n")
        elif isinstance(node, NavigableString):
            # Source line breaks inside a paragraph are layout, not content.
            parts.append(re.sub(r"\s*\n\s*", "", str(node)))
        elif isinstance(node, Tag):
            block = node.name in _BLOCK_TAGS
            if block:
                parts.append("\n")
                todo.append(_CLOSE)
            if node.name in ("td", "th"):
                parts.append("\t")
            todo.extend(reversed(list(node.children)))
    text = "".join(parts)
    return RawText(text, "html", encoding, page_title or None, warnings)


class _Close:
    """Marks the end of a block element in :func:`read_html`'s walk."""


_CLOSE = _Close()


def check_zip(data: bytes, path: str, limits: ReadLimits = LIMITS) -> None:
    """Refuse a ZIP archive that would inflate past ``limits`` (a zip bomb), before any member
    is read. The sizes come from the central directory; :mod:`zipfile` never inflates a member
    past its declared size (a member that lies fails its CRC), so they bound the real work."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise RejectedDocument(path, "truncated or corrupt docx") from exc
    if len(members) > limits.zip_members:
        raise RejectedDocument(
            path, f"docx has {len(members)} parts (more than {limits.zip_members})"
        )
    total = sum(member.file_size for member in members)
    if total > limits.zip_uncompressed_bytes:
        raise RejectedDocument(
            path,
            f"docx inflates to {total} bytes (more than {limits.zip_uncompressed_bytes}; "
            "a zip bomb?)",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > limits.zip_ratio:
            raise RejectedDocument(
                path,
                f"docx part {member.filename!r} inflates {ratio:.0f} times "
                f"(more than {limits.zip_ratio}; a zip bomb?)",
            )


def read_docx(data: bytes, path: str, limits: ReadLimits = LIMITS) -> RawText:
    """A Word document: paragraphs and table rows in document order (cells tab-separated)."""
    check_zip(data, path, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RejectedDocument(path, "truncated or corrupt docx") from exc
    except Exception as exc:  # python-docx raises its own and lxml errors for broken parts
        raise RejectedDocument(path, f"truncated or corrupt docx ({type(exc).__name__})") from exc
    lines: list[str] = []
    characters = counted = 0
    warnings: tuple[str, ...] = ()
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    # Merged cells repeat their text in every grid position they cover.
                    if not cells or cells[-1] != value:
                        cells.append(value)
                lines.append("\t".join(cells))
        characters += sum(map(len, lines[counted:]))
        counted = len(lines)
        if characters > limits.characters:
            warnings = (_cut_characters(limits),)
            break
    return RawText("\n".join(lines), "docx", None, warnings=warnings)


def _cut_characters(limits: ReadLimits) -> str:
    return f"text cut after {limits.characters} characters (limit: characters)"


def _glue(left: str, right: str) -> str:
    """Join a wrapped line to its continuation: no space between CJK, one between words."""
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and right[0].isalnum()
    ):
        return left + " " + right
    return left + right


def _opens_more(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）") or text.count(
        "《"
    ) > text.count("》")


def read_pdf(data: bytes, path: str, limits: ReadLimits = LIMITS) -> RawText:
    """A PDF with a text layer: one line per paragraph.

    A line that runs to the right edge of the text column was wrapped by the layout and
    is joined to the next one (also across a page break); a shorter line ends a paragraph.
    Reading stops after ``limits.pdf_pages`` pages or ``limits.characters`` characters,
    with a warning saying so.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    lines: list[tuple[str, bool]] = []  # (text, wrapped)
    characters = 0
    warnings: tuple[str, ...] = ()
    pages = extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=limits.pdf_pages + 1)
    try:
        for number, page in enumerate(pages, start=1):
            if number > limits.pdf_pages:
                warnings = (f"pdf cut after page {limits.pdf_pages} (limit: pdf_pages)",)
                break
            page_lines: list[LTTextLine] = []
            for element in page:
                if isinstance(element, LTTextContainer):
                    page_lines.extend(line for line in element if isinstance(line, LTTextLine))
            if not page_lines:
                continue
            right_edge = max(line.x1 for line in page_lines)
            left_edge = min(line.x0 for line in page_lines)
            for line in page_lines:
                text = line.get_text().strip()
                if text:
                    # CJK wrapping leaves up to a few character widths free at the edge;
                    # a line closing a sentence ends its paragraph more often than not.
                    # Lines holding spaces wrap at a space, further from the edge.
                    limit = 3 * max(line.height, 1.0)
                    if " " in text:
                        limit = max(limit, 0.3 * (right_edge - left_edge))
                    near_edge = line.x1 >= right_edge - limit
                    wrapped = near_edge and not text.endswith(("。", "！", "？", "：", ":", "；"))
                    # A line that leaves a bracket or title mark open cannot end a paragraph.
                    wrapped = wrapped or _opens_more(text)
                    lines.append((text, wrapped))
                    characters += len(text)
            if characters > limits.characters:
                warnings = (_cut_characters(limits),)
                break
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise RejectedDocument(path, f"truncated or corrupt pdf ({type(exc).__name__})") from exc
    paragraphs: list[str] = []
    joining = False
    for text, wrapped in lines:
        if joining and paragraphs:
            paragraphs[-1] = _glue(paragraphs[-1], text)
        else:
            paragraphs.append(text)
        joining = wrapped
    body = "\n".join(paragraphs)
    if not body.strip():
        raise RejectedDocument(path, "pdf has no text layer (scanned image?)")
    return RawText(body, "pdf", None, warnings=warnings)


READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
}
"""Format name → reader. Add a format by adding a reader and a suffix in :data:`SUFFIXES`."""


def _is_docx_zip(data: bytes) -> bool:
    # Only the central directory is read here; nothing is inflated.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def sniff_format(data: bytes, filename: str) -> str:
    """The format to read ``data`` as: content first where it is unmistakable, then suffix.

    >>> sniff_format(b"%PDF-1.4 ...", "a.txt")
    'pdf'
    >>> sniff_format(b"<!DOCTYPE html><html>", "page.txt")
    'html'
    >>> sniff_format("质量".encode(), "a.txt")
    'txt'
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        known = " ".join(sorted(SUFFIXES))
        shown = suffix or "(none)"
        raise RejectedDocument(filename, f"unknown suffix {shown} (expected one of {known})")
    expected = SUFFIXES[suffix]
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if _is_docx_zip(data) or expected == "docx":
            return "docx"
        raise RejectedDocument(filename, "a ZIP archive that is not a Word document")
    if expected == "docx":
        raise RejectedDocument(filename, "truncated or corrupt docx (not a ZIP archive)")
    if expected == "pdf":
        raise RejectedDocument(filename, "truncated or corrupt pdf (no %PDF header)")
    if expected == "txt" and re.match(rb"\s*<(!doctype html|html|head|body)\b", head, re.I):
        return "html"
    if looks_binary(data):
        raise RejectedDocument(filename, "binary file, not text")
    return expected


def read_bytes(data: bytes, filename: str, limits: ReadLimits = LIMITS) -> RawText:
    """Read ``data`` (the contents of ``filename``) with the reader its format calls for."""
    fmt = sniff_format(data, filename)
    if fmt == "docx":
        return read_docx(data, filename, limits)
    if fmt == "pdf":
        return read_pdf(data, filename, limits)
    return READERS[fmt](data, filename)
