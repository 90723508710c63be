"""Decode the bytes of a text or HTML file: UTF-8 (with or without BOM), UTF-16, GB18030/GBK.

Chinese government sites still serve GBK; Windows tools write UTF-16 with a BOM. Every
decoding is strict: a file that fits no encoding is rejected rather than read with
replacement characters, because a wrong character breaks the offsets and the matching
of titles and agency names downstream.
"""

from __future__ import annotations

import codecs
import re

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


# Characters frequent in policy documents, in both scripts: a correct decoding is full of them.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果"
    "员位入常文总次品式活设及管特件长求基资级组见计区强放决做必先则任取据处府省市县镇局厅委办"
    "這個們來時會為發於國動對說產種後過學實現點從業開還與關條兩體機當應氣進經質問題黨設總長區強決處縣鎮廳辦"
)


def _commonness(text: str) -> float:
    """Share of the CJK characters of ``text`` that are common ones (0 without CJK)."""
    cjk = [ch for ch in text[:5000] if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON for ch in cjk) / len(cjk) if cjk else 0.0


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` and name the encoding found: ``(text, encoding)``.

    Raises :class:`RejectedDocument` for binary content or bytes no supported
    encoding can read.

    >>> decode_text("质量".encode("gbk"), "a.txt")
    ('质量', 'gbk')
    >>> decode_text(codecs.BOM_UTF8 + "质量".encode(), "a.txt")
    ('质量', 'utf-8-sig')
    >>> decode_text("國務院關於加強質量工作的通知".encode("big5"), "a.txt")
    ('國務院關於加強質量工作的通知', 'big5')
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
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in ("gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # Big5 (traditional mirrors) bytes mostly decode as GBK too, into rare characters:
        # keep whichever reading is made of the characters documents are written with.
        try:
            big5 = data.decode("big5")
        except UnicodeDecodeError:
            return text, codec
        return (big5, "big5") if _commonness(big5) > _commonness(text) else (text, codec)
    raise RejectedDocument(path, "undecodable text (not UTF-8, UTF-16 or GB18030)")


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset=gbk>``), if any.

    >>> declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
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


_TITLE = re.compile(rb"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def utf8_title_apart(data: bytes) -> tuple[bytes, str, bytes] | None:
    """``(before, title, after)`` when an HTML page's ``<title>`` is UTF-8 (with Chinese in
    it) and the page as a whole is not: a site template saved in UTF-8 around an article
    pasted in GBK. Read in one encoding, either the title or the body comes out garbled (or
    the page is undecodable), so the title is decoded on its own. None otherwise.

    >>> page = b"<title>" + "质量强省".encode() + b"</title><p>" + "质量".encode("gbk")
    >>> utf8_title_apart(page)[1]
    '质量强省'
    >>> utf8_title_apart("<title>质量</title>".encode()) is None
    True
    """
    if any(data.startswith(bom) for bom, _, _ in _BOMS):
        return None
    match = _TITLE.search(data, 0, 65536)
    if match is None or match.group(1).isascii():
        return None
    try:
        data.decode("utf-8")
        return None  # all UTF-8: nothing to take apart
    except UnicodeDecodeError:
        pass
    try:
        title = match.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return data[: match.start(1)], title, data[match.end(1) :]
