"""Held-out evaluation: a stable split; strict span P/R/F1 checked by hand and by conlleval."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import NO_LABEL
from annotator.suggest.data import Example
from annotator.suggest.evaluate import span_quality, split
from annotator.suggest.tagger import decode


def test_split_is_deterministic_and_about_a_fifth() -> None:
    examples = [Example(k, ("x",)) for k in range(1000)]
    train, held = split(examples)
    assert split(list(reversed(examples)))[1] == list(reversed(held))  # by key, not by order
    assert 150 < len(held) < 250
    assert len(train) + len(held) == 1000
    assert {e.key for e in train}.isdisjoint(e.key for e in held)


def test_split_values_are_fixed_across_runs_and_machines() -> None:
    # sha256 of the key, not Python's salted hash(): these keys are held out on every machine.
    held = [e.key for e in split([Example(k, ()) for k in range(30)])[1]]
    assert held == [e.key for e in split([Example(k, ()) for k in range(30)])[1]]
    assert held == _EXPECTED_HELD


_EXPECTED_HELD = [1, 14, 24]


@pytest.mark.parametrize("n", [2, 3, 5])
def test_each_part_has_one_example_when_there_are_two(n: int) -> None:
    for offset in range(0, 200, 7):
        train, held = split([Example(offset + k, ()) for k in range(n)])
        assert train and held


def test_one_example_trains() -> None:
    train, held = split([Example(5, ())], held_out=0.2)
    assert len(train) + len(held) == 1


def test_span_quality_by_hand() -> None:
    gold = [
        Example(1, tuple("abcde"), ((0, 2, "ORG"), (3, 4, "PER"))),
        Example(2, tuple("abc"), ((0, 1, "PER"), (2, 3, "LOC"))),
    ]
    predicted = [
        [(0, 2, "ORG"), (3, 5, "PER")],  # one right, one too long
        [(0, 1, "PER"), (2, 3, "ORG")],  # one right, one wrong label
    ]
    q = span_quality(gold, predicted, trained_on=8)
    # 2 correct of 4 predicted and 4 gold.
    assert (q.precision, q.recall, q.f1) == (0.5, 0.5, 0.5)
    assert (q.trained_on, q.held_out) == (8, 2)
    scores = {s.label: (s.precision, s.recall, s.f1, s.support) for s in q.per_label}
    assert list(scores) == ["LOC", "ORG", "PER"]
    assert scores["LOC"] == (0.0, 0.0, 0.0, 1)
    assert scores["ORG"] == (0.5, 1.0, pytest.approx(2 / 3), 1)
    assert scores["PER"] == (0.5, 0.5, 0.5, 2)
    assert q.confusion == {
        "LOC": {"ORG": 1},
        "ORG": {"ORG": 2},
        "PER": {"PER": 2},
        NO_LABEL: {NO_LABEL: 2, "PER": 1},
    }


def test_span_quality_matches_seqeval_readme() -> None:
    # seqeval's README example: MISC predicted one token too early (wrong), PER right; its
    # classification_report gives MISC 0/0/0, PER 1/1/1 and a micro average of 0.50 each.
    gold_tags = [["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"], ["B-PER", "I-PER", "O"]]
    pred_tags = [["O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"], ["B-PER", "I-PER", "O"]]
    gold = [Example(k, tuple("x" * len(t)), tuple(decode(t))) for k, t in enumerate(gold_tags)]
    q = span_quality(gold, [decode(t) for t in pred_tags], trained_on=0)
    assert (q.precision, q.recall, q.f1) == (0.5, 0.5, 0.5)
    assert [(s.label, s.f1, s.support) for s in q.per_label] == [("MISC", 0.0, 1), ("PER", 1.0, 1)]


def test_conlleval_reads_a_leading_inside_tag_as_a_span() -> None:
    gold = [Example(1, ("a", "b", "c"), ((0, 2, "PER"),))]
    q = span_quality(gold, [decode(["I-PER", "I-PER", "O"])], trained_on=0)
    assert q.f1 == 1.0


def test_no_predictions_no_gold() -> None:
    q = span_quality([Example(1, ("a",))], [[]], trained_on=1)
    assert (q.precision, q.recall, q.f1, q.per_label) == (0.0, 0.0, 0.0, ())
    with pytest.raises(ValueError, match="1 gold sentences but 0 predictions"):
        span_quality([Example(1, ("a",))], [], trained_on=1)
