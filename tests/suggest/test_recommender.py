"""The recommender: models by kind, merged entity suggestions, margins, uncertainty sampling."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.suggestions import ENTITY_MODEL, MATCHER_MODEL, Suggestion
from annotator.suggest.data import Example
from annotator.suggest.matcher import StringMatcher
from annotator.suggest.recommender import Recommender
from annotator.suggest.tagger import SpanTagger
from annotator.suggest.uncertainty import most_uncertain
from tests.suggest.corpus import toy_examples


@pytest.fixture(scope="module")
def recommender() -> Recommender:
    examples = toy_examples()
    tagger = SpanTagger.train(examples, "entity", iterations=15)
    extra = Example(100, ("Абай", "Құнанбайұлы", "ақын"), ((0, 2, "PERSON"), (0, 1, "GPE")))
    matcher = StringMatcher.learn([*examples, extra])
    return Recommender.load({ENTITY_MODEL: tagger.to_bytes(), MATCHER_MODEL: matcher.to_json()})


def test_an_empty_mapping_suggests_nothing() -> None:
    empty = Recommender.load({})
    assert empty.suggest(["Алматы"], "Алматы") == []
    assert empty.margin(["Алматы"]) is None
    assert not empty.has_tagger and empty.empty
    assert most_uncertain([(1, ["Алматы"])], empty) == []


def test_same_span_and_label_keeps_the_higher_score(recommender: Recommender) -> None:
    tokens = "Дина бүгін Алматыда сөйледі .".split()
    found = recommender.suggest(tokens, " ".join(tokens))
    assert [(s.span, s.label) for s in found] == [((0, 1), "PERSON"), ((2, 3), "GPE")]
    assert all(s.score == 1.0 for s in found)  # the matcher's 1.0 beats the tagger's marginal


def test_overlapping_different_spans_are_both_kept(recommender: Recommender) -> None:
    tokens = "Абай Құнанбайұлы бүгін Таразға келді .".split()
    found = recommender.suggest(tokens, " ".join(tokens))
    spans = {(s.span, s.label, s.source) for s in found}
    assert ((0, 2), "PERSON", "matcher") in spans
    assert any(s.span != (0, 2) and s.token_start < 2 and s.source == "tagger" for s in found)


def test_a_bad_model_is_one_line_naming_its_kind() -> None:
    for kind, data in [(MATCHER_MODEL, b"garbage"), (MATCHER_MODEL, b'{"entries": 5}'), (ENTITY_MODEL, b"x")]:
        with pytest.raises(AnnotatorError, match=f"the stored {kind} model cannot be loaded.*: retrain"):
            Recommender.load({kind: data})
    with pytest.raises(AnnotatorError, match="unknown model kind"):
        Recommender.load({"spacy": b""})


def test_margin_comes_from_the_entity_tagger(recommender: Recommender) -> None:
    margin = recommender.margin("Дина бүгін Алматыда".split())
    assert recommender.has_tagger and margin is not None and 0.0 <= margin[0] <= 1.0


def test_most_uncertain_first_one_sentence_per_string(recommender: Recommender) -> None:
    candidates = [
        (1, "Дина бүгін Алматыда сөйледі .".split()),
        (2, "бүгін Зейнепке бүгін .".split()),
        (3, "бүгін Зейнепке бүгін бүгін келді".split()),
        (4, "Зейнептің бүгін бүгін".split()),
    ]
    ranked = most_uncertain(candidates, recommender)
    margins = [m for _, m, _ in ranked]
    assert margins == sorted(margins)
    strings = [s.lower() for _, _, s in ranked]
    assert len(strings) == len(set(strings))
    assert sum("зейнеп" in s for s in strings) <= 1  # Зейнепке and Зейнептің are one string
    by_margin = sorted(candidates, key=lambda c: recommender.margin(c[1])[0])  # type: ignore[index]
    assert ranked[0][0] == by_margin[0][0]


def test_asked_strings_are_skipped_and_limit_holds(recommender: Recommender) -> None:
    names = "Бақыт Гүлнар Марат Жанар Серік Әсел Тимур Қанат Лаура Мейір".split()
    candidates = [(k, [name]) for k, name in enumerate(names)]  # each sentence its own string
    everything = most_uncertain(candidates, recommender)
    first = everything[0][2]
    again = most_uncertain(candidates, recommender, asked=[first])
    assert first not in [s for _, _, s in again]
    assert len(everything) == 10 and len(again) == 9
    assert len(most_uncertain(candidates, recommender, limit=3)) == 3


def test_suggestion_records_are_the_core_ones(recommender: Recommender) -> None:
    tokens = ["Асқар"]
    assert all(isinstance(s, Suggestion) for s in recommender.suggest(tokens, "Асқар"))
