"""The CRF tagger: trains on tiny data, round-trips its bytes, scores and margins in range."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pycrfsuite
import pytest

from annotator.core.suggestions import ENTITY, TRIGGER
from annotator.suggest.data import Example, TrainingError
from annotator.suggest.features import sentence_features
from annotator.suggest.tagger import SpanTagger, decode, encode
from tests.suggest.corpus import toy_examples


@pytest.fixture(scope="module")
def tagger() -> SpanTagger:
    return SpanTagger.train(toy_examples(), ENTITY, iterations=20)


def test_learns_the_toy_corpus(tagger: SpanTagger) -> None:
    found = tagger.suggest("Дина бүгін Тараздан келді .".split())
    assert [(s.span, s.label) for s in found] == [((0, 1), "PERSON"), ((2, 3), "GPE")]
    assert all(s.kind == ENTITY and s.source == "tagger" and 0.5 < s.score <= 1.0 for s in found)
    assert tagger.labels == ["GPE", "PERSON"]


def test_bytes_round_trip_gives_the_same_suggestions(tagger: SpanTagger) -> None:
    again = SpanTagger.from_bytes(tagger.to_bytes(), ENTITY)
    tokens = "Асқар бүгін Атырауға барды .".split()
    assert again.suggest(tokens) == tagger.suggest(tokens)
    assert again.margin(tokens) == tagger.margin(tokens)


def test_margin_is_smallest_where_the_tagger_is_unsure(tagger: SpanTagger) -> None:
    sure = tagger.margin("Дина бүгін Алматыда сөйледі .".split())
    unsure = tagger.margin("бүгін бүгін бүгін Зейнеп Бейнеуде".split())
    assert 0.0 <= unsure[0] < sure[0] <= 1.0
    assert 0 <= unsure[1] < unsure[2] <= 5


def test_margin_widens_to_the_predicted_span() -> None:
    examples = [Example(i, ("Ұлттық", "банк", "хабарлады", "."), ((0, 2, "ORG"),)) for i in range(10)] + [
        Example(10 + i, ("банк", "жабылды", "."), ()) for i in range(10)
    ]
    tagger = SpanTagger.train(examples, ENTITY, iterations=20)
    _, start, end = tagger.margin(("Ұлттық", "банк", "хабарлады"))
    assert (start, end) in {(0, 2), (2, 3)}  # the span when it is the unsure place, else the token


def test_sentences_without_spans_train_a_model_that_suggests_nothing() -> None:
    tagger = SpanTagger.train([Example(1, ("бір", "екі")), Example(2, ("үш",))], TRIGGER, iterations=5)
    assert tagger.suggest(["бір", "екі"]) == []
    assert tagger.labels == []
    assert tagger.margin(["бір"]) == (1.0, 0, 1)


def test_no_examples_is_a_clear_error() -> None:
    with pytest.raises(TrainingError, match="no sentences"):
        SpanTagger.train([], ENTITY)
    with pytest.raises(TrainingError):
        SpanTagger.train([Example(1, ())], ENTITY)


def test_bad_bytes_and_kind_are_refused(tagger: SpanTagger) -> None:
    with pytest.raises(ValueError, match="not a CRF model"):
        SpanTagger.from_bytes(b"not a model", ENTITY)
    with pytest.raises(ValueError, match="entities or triggers"):
        SpanTagger.from_bytes(tagger.to_bytes(), "stance")


def test_empty_sentence(tagger: SpanTagger) -> None:
    assert tagger.suggest([]) == []
    assert tagger.margin([]) == (1.0, 0, 0)


def test_bio_encode_and_lenient_decode() -> None:
    assert encode([(0, 2, "ORG"), (3, 4, "GPE")], 5) == ["B-ORG", "I-ORG", "O", "B-GPE", "O"]
    assert encode([(0, 2, "ORG"), (1, 3, "GPE")], 3) == ["B-ORG", "I-ORG", "O"]  # overlap left out
    assert decode(["B-ORG", "I-ORG", "B-ORG", "O", "I-GPE", "I-GPE", "I-ORG"]) == [
        (0, 2, "ORG"),
        (2, 3, "ORG"),
        (4, 6, "GPE"),
        (6, 7, "ORG"),
    ]


def test_margin_is_the_brute_force_minimum(tagger: SpanTagger) -> None:
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(tagger.to_bytes())
    tags = crf.labels()
    for text in ("Дина бүгін Алматыда сөйледі .", "бүгін Зейнеп Бейнеуде", "Ерлан Асқар Тараз Дина", "."):
        tokens = text.split()
        crf.set(sentence_features(tokens))
        gaps = []
        for i in range(len(tokens)):
            probs = sorted((crf.marginal(t, i) for t in tags), reverse=True)
            gaps.append(probs[0] - probs[1])
        margin, start, end = tagger.margin(tokens)
        assert margin == pytest.approx(min(gaps))
        assert start <= gaps.index(min(gaps)) < end


def test_training_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    SpanTagger.train(toy_examples()[:4], ENTITY, iterations=3)
    assert list(tmp_path.iterdir()) == []
