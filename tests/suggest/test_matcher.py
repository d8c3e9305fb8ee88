"""The string matcher: labelled phrases found again longest first, with Kazakh endings."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import ENTITY, TRIGGER
from annotator.core.text import tokenize, tokenizer
from annotator.suggest.data import Example
from annotator.suggest.matcher import StringMatcher, occurrences


def _ex(key: int, text: str, *spans: tuple[int, int, str]) -> Example:
    return Example(key, tuple(text.split()), spans)


def test_a_label_on_kazakhstan_suggests_kazakhstanning() -> None:
    matcher = StringMatcher.learn([_ex(1, "Қазақстан дамып келеді", (0, 1, "GPE"))])
    found = matcher.suggest("Қазақстанның экономикасы және Қазақстанда".split())
    assert [(s.token_start, s.token_end, s.label, s.source) for s in found] == [
        (0, 1, "GPE", "matcher"),
        (3, 4, "GPE", "matcher"),
    ]
    assert all(s.kind == ENTITY and s.score == 1.0 for s in found)


def test_longest_phrase_first_and_no_overlaps() -> None:
    matcher = StringMatcher.learn(
        [
            _ex(1, "Қазақстан Республикасы құрылды", (0, 2, "GPE")),
            _ex(2, "Қазақстан елі", (0, 1, "LOCATION")),
        ]
    )
    found = matcher.suggest("Қазақстан Республикасының Үкіметі".split())
    assert [(s.token_start, s.token_end, s.label) for s in found] == [(0, 2, "GPE")]


def test_earlier_tokens_must_match_exactly() -> None:
    matcher = StringMatcher.learn([_ex(1, "Қазақстан Республикасы", (0, 2, "GPE"))])
    assert matcher.suggest("Қазақстанның Республикасы".split()) == []
    assert [s.span for s in matcher.suggest("қазақстан республикасына".split())] == [(0, 2)]


def test_score_is_the_labels_relative_frequency() -> None:
    matcher = StringMatcher.learn(
        [
            _ex(1, "Абай келді", (0, 1, "PERSON")),
            _ex(2, "Абай көшесі", (0, 1, "PERSON")),
            _ex(3, "Абай ауданы", (0, 1, "LOCATION")),
        ]
    )
    (only,) = matcher.suggest(["Абайдың"])
    assert only.label == "PERSON"
    assert abs(only.score - 2 / 3) < 1e-9


def test_an_occurrence_seen_unlabelled_lowers_the_score() -> None:
    matcher = StringMatcher.learn(
        [_ex(1, "Ақ Орда", (0, 2, "FACILITY")), _ex(2, "ақ орда емес"), _ex(3, "Ақ ордада")]
    )
    (only,) = matcher.suggest("Ақ Орданың".split())
    assert only.label == "FACILITY"
    assert abs(only.score - 1 / 3) < 1e-9
    assert matcher.suggest("Ақ Орда".split(), min_score=0.5) == []


def test_gazetteer_phrases_are_cut_by_the_project_tokenizer_as_its_sentences_were() -> None:
    gazetteer = [("М. Әуезов", "PERSON")]
    old = StringMatcher.learn([], gazetteer, tokenizer(1))  # a version 1 project: "М", ".", "Әуезов"
    new = StringMatcher.learn([], gazetteer, tokenizer(2))  # version 2: "М.", "Әуезов"
    v1_sentence = [t.text for t in tokenize("М. Әуезов келді", 1)]
    v2_sentence = [t.text for t in tokenize("М. Әуезов келді", 2)]
    assert [(s.span, s.label) for s in old.suggest(v1_sentence)] == [((0, 3), "PERSON")]
    assert [(s.span, s.label) for s in new.suggest(v2_sentence)] == [((0, 2), "PERSON")]
    assert new.suggest(v1_sentence) == []


def test_gazetteer_entries_count_once_and_say_so() -> None:
    matcher = StringMatcher.learn(
        [_ex(1, "Абай келді", (0, 1, "PERSON"))],
        gazetteer=[("Абай Құнанбайұлы", "PERSON"), ("Абай", "LOCATION")],
    )
    found = matcher.suggest("Абай Құнанбайұлының өлеңі".split())
    assert [(s.span, s.label, s.source, s.score) for s in found] == [((0, 2), "PERSON", "gazetteer", 1.0)]
    (single,) = matcher.suggest(["Абай"])
    assert (single.label, single.source, single.score) == ("PERSON", "matcher", 0.5)


def test_only_labelled_spans_are_learned() -> None:
    matcher = StringMatcher.learn([_ex(1, "Бүгін Астанада жиын өтті")])
    assert matcher.phrases == 0
    assert matcher.suggest("Бүгін Астанада".split()) == []


def test_kind_is_given_to_the_suggestions() -> None:
    matcher = StringMatcher.learn([_ex(1, "жарылыс болды", (0, 1, "ATTACK"))])
    assert [s.kind for s in matcher.suggest(["жарылыстың"], kind=TRIGGER)] == [TRIGGER]


def test_json_round_trip_gives_the_same_suggestions() -> None:
    matcher = StringMatcher.learn(
        [
            _ex(1, "Қазақстан Республикасы", (0, 2, "GPE")),
            _ex(2, "Алматы қаласы"),
            _ex(3, "Алматыда", (0, 1, "GPE")),
        ],
        gazetteer=[("Нұр-Сұлтан", "GPE")],
    )
    tokens = "Қазақстан Республикасында Алматы мен Нұр-Сұлтанда".split()
    again = StringMatcher.from_json(matcher.to_json())
    assert again.suggest(tokens) == matcher.suggest(tokens)
    assert len(matcher.suggest(tokens)) == 3


def test_occurrences_of_a_phrase_and_its_inflections() -> None:
    tokens = "Қазақстан Қазақстанның ол Қазақстандағы Қырғызстан".split()
    assert occurrences(tokens, ["Қазақстан"]) == [(0, 1), (1, 2), (3, 4)]
    two = "Ақ Орда мен Ақ Ордадағы ақ ордаға".split()
    assert occurrences(two, ["Ақ", "Орда"]) == [(0, 2), (3, 5), (5, 7)]
    assert occurrences(tokens, []) == []


def test_bad_json_is_refused() -> None:
    for data in (
        b"{}",
        b"[1]",
        b"\xff",
        b'{"format": "annotator-matcher-1", "phrases": [[1, 2]], "gazetteer": []}',
    ):
        with pytest.raises(ValueError, match="not a string matcher"):
            StringMatcher.from_json(data)
