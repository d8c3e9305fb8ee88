"""Kazakh stems: one word with its case, possessive and plural endings is the same stem."""

from __future__ import annotations

import pytest

from annotator.suggest.kazakh import MIN_STEM, same_stem, stem, stems


@pytest.mark.parametrize("form", ["Қазақстанның", "Қазақстанда", "Қазақстанға", "Қазақстандағы", "ҚАЗАҚСТАН"])
def test_kazakhstan_with_its_endings_is_kazakhstan(form: str) -> None:
    assert same_stem("Қазақстан", form)


@pytest.mark.parametrize("form", ["Алматыда", "Алматының", "алматыдан"])
def test_almaty_with_its_endings_is_almaty(form: str) -> None:
    assert same_stem("Алматы", form)


def test_inflected_forms_match_each_other() -> None:
    assert same_stem("Қазақстанның", "Қазақстандағы")
    assert same_stem("Астаналардағы", "Астанада")


def test_short_words_are_not_stemmed_into_each_other() -> None:
    assert not same_stem("ол", "мен")
    assert stems("мен") == {"мен"}
    assert stem("ол") == "ол"


def test_different_words_do_not_match() -> None:
    assert not same_stem("Қазақстан", "Қырғызстан")
    assert not same_stem("Алматы", "Астана")


def test_no_stem_is_shorter_than_the_minimum() -> None:
    for word in ["Әлидің", "Анаға", "Қазақстандағыларымыздан", "Ұлдарымызға"]:
        assert all(len(s) >= MIN_STEM for s in stems(word))


def test_stem_strips_plural_possessive_and_case() -> None:
    assert "кітап" in stems("кітаптарымыздан")
    assert "үй" not in stems("Үйлерде")  # two letters: shorter than a stem may be
    assert "қала" in stems("қалалардың")
