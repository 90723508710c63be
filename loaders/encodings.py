"""Decode the bytes of a text or HTML file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK.

Chinese government sites still serve GBK; Windows tools write UTF-16 with a BOM. Every
decoding is strict: a file that fits no encoding is rejected rather than read with
replacement characters, because a wrong character breaks the offsets and the matching
of titles and agency names downstream.
"""

from __future__ import annotations

import codecs

from loaders.errors import RejectedDocument

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the zero bytes sit (ASCII-heavy text only)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = len(data) // 2
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


#: bytes that are not control characters (tab, newline, form feed, return and escape included)
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """True when ``data`` holds NUL or many control bytes and no UTF-16/32 BOM explains them.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    >>> looks_binary("质量".encode("utf-8"))
    False
    """
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _, _ in _BOMS) or _utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 50)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` and name the encoding found: ``(text, encoding)``.

    Raises :class:`RejectedDocument` for binary content or bytes no supported
    encoding can read.

    >>> decode_text("质量".encode("gbk"), "a.txt")
    ('质量', 'gbk')
    >>> decode_text(codecs.BOM_UTF8 + "质量".encode(), "a.txt")
    ('质量', 'utf-8-sig')
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise RejectedDocument(path, f"undecodable text (bad {name})") from exc
    guessed = _utf16_without_bom(data)
    if guessed:
        try:
            return data.decode(guessed), guessed
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise RejectedDocument(path, "binary file, not text")
    for codec in ("utf-8", "gbk", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise RejectedDocument(path, "undecodable text (not UTF-8, UTF-16 or GB18030)")


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset=gbk>``), if any.

    >>> declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    import re

    m = re.search(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    # GB2312 pages routinely contain GBK-only characters; read them with the superset.
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
