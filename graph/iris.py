"""Stable, readable IRIs for documents, agencies, regions, concepts and the facts inside a document.

The same record always gets the same IRIs, so re-loading a file never duplicates anything.

>>> document_slug("苏政办发〔2012〕123号")
'su-zhengbanfa-2012-123'
>>> document_slug("武质强发[2016]2号")
'wu-zhiqiangfa-2016-2'
>>> document_iri("镇政办发（2014）85号", title=None)
'https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from ontology import terms

# Pinyin of the characters that occur in 发文字号 prefixes: region abbreviations, organ and
# document-kind characters. Table-driven so the slug never depends on an installed package.
_PINYIN_ROWS = """
an 安皖 ao 澳 ban 办 bao 保报 bei 北 bian 编 biao 标 bin 滨 bo 博
cai 财 chang 常长 cheng 城承 chu 储 chuan 川 chun 春
dang 党 dao 导岛 de 德 di 地 dian 滇电 dong 东 du 督 fa 发法 fang 防房 fei 非 fu 府福抚阜
gai 改 gan 甘赣 gang 港 gao 告 gong 工公 gu 固 guan 管关 gui 贵桂规 guo 国 hai 海 han 函邯汉
hang 杭 he 河合鹤 hei 黑 hu 沪湖 hua 华 huai 淮 huan 环 huang 黄 hui 徽会 ji 冀吉计纪济集基
jia 嘉价 jian 建监检 jiang 江 jiao 交教 jie 街 jin 津晋金 jing 京经荆 jiu 九 ju 局 kai 开 ke 科
lao 劳 li 丽 lian 连 liao 辽 lin 林临 ling 令 long 陇龙 lu 鲁 lv 旅 min 闽民 mu 牧
nan 南 neng 能 ning 宁 nong 农 pin 品 pu 浦 qi 企 qian 黔 qiang 强 qin 秦 qing 青庆 qu 区
ren 人 rong 荣 shan 陕山 shang 商上 she 社 shen 深审 sheng 省 shi 市室 shou 首 shu 蜀署 shui 水税
si 司 su 苏宿 sui 随 tai 台泰 tian 天 tong 通统 wai 外 wan 万 wei 委卫 wen 文 wu 武无吴
xi 锡西 xian 县 xiang 湘 xin 新信 xing 行 xu 徐 xuan 宣 yan 盐 yang 扬阳 yao 药 yi 意 yin 银
yu 渝豫 yuan 园院 yue 粤 yun 云 zang 藏 zhang 章 zheng 政 zhen 镇 zhi 质知 zhong 中 zhou 州 zhu 住
zi 资字 zong 综 zu 组
"""


def _pinyin_table() -> dict[str, str]:
    table: dict[str, str] = {}
    words = _PINYIN_ROWS.split()
    for syllable, chars in zip(words[::2], words[1::2], strict=True):
        for char in chars:
            table.setdefault(char, syllable)
    return table


PINYIN: dict[str, str] = _pinyin_table()

_OPEN = "〔[［(（【"
_CLOSE = "〕]］)）】"
_DOC_NUMBER = re.compile(
    rf"^\s*(?P<prefix>[^\s{re.escape(_OPEN)}]+?)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*第?\s*(?P<number>\d+)\s*号?\s*$"
)


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 split into prefix (苏政办发), year and serial number."""

    prefix: str
    year: int
    number: int

    def key(self) -> str:
        """A variant-free key: ``苏政办发|2012|123``."""
        return f"{self.prefix}|{self.year}|{self.number}"

    def canonical(self) -> str:
        """The number written the standard way: ``苏政办发〔2012〕123号``."""
        return f"{self.prefix}〔{self.year}〕{self.number}号"


def parse_doc_number(text: str | None) -> DocNumber | None:
    """Split a document number written with any bracket style; ``None`` if it is not one.

    >>> parse_doc_number("武质强发[2016]2号").canonical()
    '武质强发〔2016〕2号'
    >>> parse_doc_number("苏政发［2016］第142号").key()
    '苏政发|2016|142'
    >>> parse_doc_number("质量发展纲要") is None
    True
    """
    if not text:
        return None
    match = _DOC_NUMBER.match(
        unicodedata.normalize("NFKC", text).replace("〔", "[").replace("〕", "]")
    )
    if match is None:
        return None
    prefix = match.group("prefix")
    if not re.search(r"[\u4e00-\u9fff]", prefix):
        return None
    return DocNumber(prefix, int(match.group("year")), int(match.group("number")))


def transliterate(chars: str) -> str | None:
    """Pinyin of each character from the table, or ``None`` if one is not in it.

    >>> transliterate("政办发")
    'zhengbanfa'
    """
    syllables = [PINYIN.get(c) for c in chars]
    if any(s is None for s in syllables):
        return None
    return "".join(s for s in syllables if s)


def slug(text: str) -> str:
    """A percent-safe slug of any text: ASCII words kept, everything else percent-encoded.

    >>> slug("Quality Plan 2012")
    'quality-plan-2012'
    >>> slug("质监局")
    '%E8%B4%A8%E7%9B%91%E5%B1%80'
    """
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"[\s/\\#?&%<>\"'`{}|^]+", "-", text).strip("-")
    return quote(text, safe="-_.~") or "x"


def document_slug(doc_number: str | None) -> str | None:
    """The readable slug a document number gives (``su-zhengbanfa-2012-123``), or ``None``."""
    parsed = parse_doc_number(doc_number)
    if parsed is None:
        return None
    head, rest = parsed.prefix[0], parsed.prefix[1:]
    head_py, rest_py = transliterate(head), transliterate(rest)
    if head_py is None or (rest and rest_py is None):
        name = slug(parsed.prefix)
    else:
        name = f"{head_py}-{rest_py}" if rest else head_py
    return f"{name}-{parsed.year}-{parsed.number}"


def _short_hash(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:12]


def document_iri(
    doc_number: str | None,
    *,
    title: str | None,
    region: str | None = None,
    content_sha256: str | None = None,
) -> str:
    """IRI of a document: from its number; else from its title (and region); else its content.

    A document without a number keeps its IRI when its text changes but its title does not, so
    a corrected file replaces the old graph instead of adding a second document.

    >>> document_iri(None, title="嘉泽镇2016年质量强镇工作的实施意见")
    'https://w3id.org/policykg/doc/t-c3eca533631d'
    """
    by_number = document_slug(doc_number)
    if by_number:
        return terms.DOC_BASE + by_number
    if title:
        return terms.DOC_BASE + "t-" + _short_hash(normalise_title(title), region)
    return terms.DOC_BASE + "h-" + (content_sha256 or _short_hash(""))[:12]


class EmptyKeyError(ValueError):
    """An external-document IRI was asked for with nothing to name the document by.

    Minting one anyway would give every such reference the same node (the hash of an empty
    string), merging unrelated documents; the caller leaves the reference unlinked instead.
    """


def external_document_iri(
    doc_number: str | None, title: str | None, *, scope: str | None = None
) -> str:
    """IRI of a referenced document whose text is not loaded (same rule as loaded ones).

    ``scope`` (the citing document's IRI) keeps a bare abbreviation such as 《决定》, which
    names different documents in different texts, apart per citing document.

    >>> external_document_iri(None, "《质量发展纲要（2011—2020年）》") == document_iri(
    ...     None, title="质量发展纲要(2011-2020年)")
    True
    >>> external_document_iri(None, "《》")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    graph.iris.EmptyKeyError: nothing to name an external document by
    """
    by_number = document_slug(doc_number)
    if by_number:
        return terms.DOC_BASE + by_number
    key = normalise_title(title or "")
    if not key:
        raise EmptyKeyError(
            "no document number and an empty title: nothing to name an external document by"
        )
    return terms.DOC_BASE + "t-" + _short_hash(key, scope)


_STANDARD_CODE = re.compile(
    r"^\s*(?P<body>GB/T|GB/Z|GB|DB\d{0,6}/T|JJF|JJG|ISO|IS0|IEC)\s*(?P<number>\d{3,6}(?:\.\d+)?)"
    r"(?:\s*[-:：]\s*(?P<year>(?:19|20)\d{2}))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StandardCode:
    """A standard's code split into body (GB/T, ISO …), number and, when written, edition year."""

    body: str
    number: str
    year: int | None = None

    def code(self) -> str:
        """The code without its edition: ``GB/T 19580``, ``ISO 9000`` (all editions meet here)."""
        return f"{self.body} {self.number}"

    def slug(self) -> str:
        """``gb-t-19580``, ``iso-9000``."""
        return re.sub(r"[^a-z0-9.]+", "-", self.code().lower()).strip("-")


def parse_standard_code(text: str | None) -> StandardCode | None:
    """Parse a standard code written any way (``ISO9000``, ``GB/T19580-2012``); else ``None``.

    >>> parse_standard_code("GB/T19580-2012")
    StandardCode(body='GB/T', number='19580', year=2012)
    >>> parse_standard_code("is0 9000").code()
    'ISO 9000'
    >>> parse_standard_code("苏政发〔2016〕142号") is None
    True
    """
    if not text:
        return None
    match = _STANDARD_CODE.match(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    body = match.group("body").upper().replace("IS0", "ISO")
    year = match.group("year")
    return StandardCode(body, match.group("number"), int(year) if year else None)


def standard_iri(code: StandardCode) -> str:
    """IRI of a standard, shared by every document that mentions it: ``…/doc/std-iso-9000``."""
    return terms.DOC_BASE + "std-" + code.slug()


#: 办法 / 做法 / 执法 … end in 法 but are not laws (the loaders use the same list).
_NOT_A_LAW = re.compile(r"(?:办|方|做|违|执|立|司|依|合|守|用|想|手|说)法$")
_LAW_STATE = "中华人民共和国"


def law_key(title: str | None) -> str | None:
    """The key a law is cited under, or ``None`` if the title is not a law's.

    A law's short title (《产品质量法》) is its name, not an abbreviation: 中华人民共和国 is
    the only part the texts leave out.

    >>> law_key("《中华人民共和国产品质量法》") == law_key("产品质量法") == "产品质量法"
    True
    >>> law_key("江苏省质量奖管理办法") is None
    True
    """
    folded = normalise_title(title or "")
    if not folded.endswith("法") or _NOT_A_LAW.search(folded):
        return None
    key = folded.removeprefix(_LAW_STATE)
    return key if len(key) > 1 else None


def law_iri(key: str) -> str:
    """IRI of a law by its key: ``…/doc/law-<slug of 产品质量法>`` (reads as law-产品质量法)."""
    if not key:
        raise EmptyKeyError("an empty law title: nothing to name the law by")
    return terms.DOC_BASE + "law-" + slug(key)


def document_graph(doc_iri: str) -> str:
    """The named graph holding one document's facts: ``…/graph/doc/<slug>``."""
    return terms.GRAPH_BASE + "doc/" + doc_iri.removeprefix(terms.DOC_BASE)


#: graph of shared nodes (agencies, regions, external documents, resolved links), rebuilt by
#: the linking pass; and graph of target cascades, rebuilt by the cascade pass.
GRAPH_SHARED = terms.GRAPH_BASE + "shared"
GRAPH_CASCADE = terms.GRAPH_BASE + "cascade"


def normalise_title(title: str) -> str:
    """A title with every dash, bracket and space variant folded and 《》 removed.

    >>> normalise_title("《质量发展纲要（2011—2020年）》") == normalise_title("质量发展纲要(2011-2020年)")
    True
    """
    text = unicodedata.normalize("NFKC", title)
    text = re.sub(r"[—–―‐‑‒−－~～至]", "-", text)
    text = text.translate(
        str.maketrans(
            "〔［【〈",
            "[[[<",
        )
    )
    text = text.translate(str.maketrans("〕］】〉", "]]]>"))
    text = re.sub(r"[《》\"“”'‘’<>\s]", "", text)
    return text


#: agency types that stand for a set of bodies, not one body of a region
NON_IDENTIFYING_TYPES = frozenset({"generic"})


def agency_iri(
    *, region_key: str | None, type_id: str | None, name: str | None, doc_iri: str | None
) -> str:
    """IRI of an agency: ``…/agency/<region code or slug>/<agency-type id or name slug>``.

    An agency of an unknown region is scoped to the document that names it, so two unnamed
    districts' 质监分局 are never merged; without a document (an external document's issuer,
    known only by its full name) the scope is ``named``.

    A generic owner (各有关部门, 各乡镇人民政府, 省有关部门) names a different set of bodies in
    each wording, so it is identified by its words within its type, never by the type alone:

    >>> agency_iri(region_key="320000", type_id="quality-supervision", name=None, doc_iri=None)
    'https://w3id.org/policykg/agency/320000/quality-supervision'
    >>> agency_iri(region_key="320000", type_id="generic", name="各有关部门", doc_iri=None)
    'https://w3id.org/policykg/agency/320000/generic/%E5%90%84%E6%9C%89%E5%85%B3%E9%83%A8%E9%97%A8'
    """
    if region_key:
        scope = region_key
    elif doc_iri:
        scope = "in-" + doc_iri.removeprefix(terms.DOC_BASE)
    else:
        scope = "named"
    local = quote(type_id, safe="-_.~") if type_id else slug(name or "unknown")
    if type_id in NON_IDENTIFYING_TYPES:
        local += "/" + slug(name or "unknown")
    return f"{terms.AGENCY_BASE}{scope}/{local}"


def region_iri(code: str | None, name: str | None) -> str | None:
    """IRI of a region by GB/T 2260 code, else by the slug of its name; ``None`` if neither."""
    if code:
        return terms.region_iri(code)
    if name:
        return terms.region_iri(slug(name))
    return None


def fact_iri(doc_iri: str, kind: str, index: int) -> str:
    """IRI of the ``index``-th fact of a kind (measure, target, ref, section, group) of a document."""
    return f"{doc_iri}/{kind}/{index}"
