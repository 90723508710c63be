"""The synthetic corpus is deterministic, realistic in shape, and its ground truth is honest."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from bench.generate import generate, truth_dir


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "corpus"
    generate(120, 7, out)
    return out


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "corpus"
    generate(120, 7, again)
    assert _digest(again) == _digest(corpus)
    assert _digest(truth_dir(again)) == _digest(truth_dir(corpus))


def test_other_seed_other_corpus(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "corpus"
    generate(120, 8, other)
    assert _digest(other) != _digest(corpus)


def test_every_level_and_chains_that_reach_the_nation(corpus: Path) -> None:
    truths = [json.loads(p.read_text()) for p in sorted(truth_dir(corpus).glob("0*.json"))]
    assert len(truths) == 120 == len(list(corpus.glob("*.txt")))
    by_number = {t["doc_number"]: t for t in truths}
    assert len(by_number) == len(truths), "document numbers are unique"
    levels = {t["level"] for t in truths}
    assert {"national", "province", "city", "town"} <= levels
    assert levels & {"county", "district"}
    depth = 0
    for t in truths:
        d, chain = 0, t
        while chain and chain["implements"]:
            parent = by_number[chain["implements"]]
            # a lower document implements one of its own region's ancestors, never later
            assert parent["region_code"] in {None, *(r["code"] for r in chain["region_chain"])}
            assert parent["issued"][:4] <= chain["issued"][:4]
            chain, d = parent, d + 1
        depth = max(depth, d)
    assert depth >= 3


def test_targets_cascade_and_sometimes_weaken(corpus: Path) -> None:
    truths = [json.loads(p.read_text()) for p in sorted(truth_dir(corpus).glob("0*.json"))]
    targets = [t for doc in truths for t in doc["targets"]]
    refining = [t for t in targets if t["refines"]]
    assert refining, "lower documents take up higher targets"
    assert any(t["weaker"] for t in refining), "some cascades weaken"
    for t in targets:
        if t["value"] is not None:
            # the stated value appears in the sentence as written (Arabic or Chinese numerals)
            assert t["sentence"] and t["indicator"] in t["sentence"]


def test_text_looks_like_a_capture(corpus: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    joined = "\n".join(texts)
    assert re.search(r"(牵头,.+参加\)|负责\))", joined), "agency parentheses"
    assert re.search(r"\n(\(\d+\)|\d+、)\S+?(局|科|所|分局)要", joined), "subject-led paragraphs"
    assert "贯彻落实" in joined and "ICP备" in joined and "由用户上传分享" in joined
    assert re.search(r"索\s+引\s+号|信息名称|政策文号|发文字号", joined), "header house styles"
    seeds = Path(__file__).resolve().parents[2] / "data" / "corpus"
    for seed in seeds.glob("*.txt"):
        # no seed sentence of any length is copied
        for sentence in re.split(r"[。\n]", seed.read_text(encoding="utf-8")):
            if len(sentence) > 30:
                assert sentence not in joined
