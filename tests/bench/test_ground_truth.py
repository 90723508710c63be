"""Generated documents go through the real extractor and give back what the generator wrote."""

from __future__ import annotations

import pytest

from bench.generate import generate
from bench.truth import Score, compare, load_truth
from loaders.errors import LoaderError
from loaders.extract import extract_file


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Score]:
    out = tmp_path_factory.mktemp("truth") / "corpus"
    generate(60, 11, out)
    scores: dict[str, Score] = {}
    # a handful across every level and house style (files are in generation order)
    for path in sorted(out.glob("*.txt"))[::4]:
        try:
            record = extract_file(path).to_json_dict()
        except LoaderError as exc:
            # a rejected file loses all its facts: it counts as missed, not as an error here
            record = {"rejected": str(exc)}
        compare(record, load_truth(path), scores)
    return scores


@pytest.mark.parametrize("kind", ["targets", "measures", "agencies_lead", "agencies_responsible"])
def test_extractor_recovers_the_generated_facts(scored: dict[str, Score], kind: str) -> None:
    score = scored[kind]
    assert score.expected > 0
    assert score.recall >= 0.8, f"{kind}: {score.as_dict()}\n" + "\n".join(score.misses)


def test_every_generated_file_is_accepted(scored: dict[str, Score]) -> None:
    assert not scored["rejected"].misses, scored["rejected"].misses


def test_document_numbers_come_back(scored: dict[str, Score]) -> None:
    assert scored["doc_number"].recall >= 0.9, scored["doc_number"].misses
