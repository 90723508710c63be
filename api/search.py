"""Chinese keyword search: jieba splits the question into words, the ``search`` named query
finds each word, and hits are ranked by how many of the words (and whether the whole
phrase) they contain.

Chinese has no spaces, so "质量奖励制度" must become 质量 / 奖励 / 制度 / 奖励制度 before a
substring search can find a measure written "建立健全质量奖励制度" or "质量奖惩制度".
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

# Words too common in these documents to tell hits apart.
STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 是 对 为 要 将 把 被 各 有关 工作 进一步 加强 推进 开展 实施 质量".split()
)
MAX_TERMS = 6


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def terms(question: str) -> list[str]:
    """The words to look for: the whole phrase first, then jieba's search-mode words
    (no stopwords, no single characters unless that is all there is), at most :data:`MAX_TERMS`.

    >>> terms("建立质量奖励制度")
    ['建立质量奖励制度', '奖励制度', '建立', '奖励', '制度']
    """
    phrase = re.sub(r"\s+", " ", question).strip()
    if not phrase:
        return []
    words: list[str] = []
    for part in phrase.split(" "):
        words += [w.strip() for w in _jieba().cut_for_search(part)]
    kept = [w for w in dict.fromkeys(words) if len(w) > 1 and w not in STOPWORDS and w != phrase]
    kept.sort(key=len, reverse=True)  # longer words are the more telling
    return [phrase, *kept][:MAX_TERMS]


def rank(hits_by_term: dict[str, list[dict[str, Any]]], phrase: str) -> list[dict[str, Any]]:
    """Merge the hits of each word: one entry per (kind, item, sentence), with ``matched``
    words and a ``score`` (words matched, +len(words) when the whole phrase matched)."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for term, hits in hits_by_term.items():
        for hit in hits:
            key = (hit.get("kind"), hit.get("item"), hit.get("start"))
            entry = merged.setdefault(key, {**hit, "matched": []})
            if term not in entry["matched"]:
                entry["matched"].append(term)
    words = len(hits_by_term)
    for entry in merged.values():
        entry["score"] = len(entry["matched"]) + (words if phrase in entry["matched"] else 0)
    return sorted(
        merged.values(),
        key=lambda e: (-e["score"], e.get("kind") or "", e.get("doc") or "", e.get("start") or ""),
    )
