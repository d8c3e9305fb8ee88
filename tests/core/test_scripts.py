"""Mixed-script words: which words mix Latin and Cyrillic letters, and how they are fixed."""

from __future__ import annotations

import pytest

from annotator.core.scripts import (
    TO_CYRILLIC,
    TO_LATIN,
    fix_text,
    fixed_word,
    is_mixed,
    mixed_words,
    script_of,
)

pytestmark = pytest.mark.timeout(30)


def found(text: str) -> list[tuple[int, int, str, str | None]]:
    return [(w.start, w.end, w.word, w.fixed) for w in mixed_words(text)]


@pytest.mark.parametrize(
    ("text", "word", "fixed"),
    [
        ("Қaзақстан", "Қaзақстан", "Қазақстан"),  # Latin a (U+0061) in a Cyrillic word
        ("Aлматы", "Aлматы", "Алматы"),  # Latin capital A
        ("Eуропа", "Eуропа", "Еуропа"),  # Latin capital E
        ("‘Kазақ’", "Kазақ", "Казақ"),  # quotes are not part of the word
        ("COVІD", "COVІD", "COVID"),  # a Cyrillic І in a Latin word: to Latin
        ("Кazakh", "Кazakh", "Kazakh"),  # mostly Latin: the Cyrillic К becomes Latin
        ("əлем", "əлем", "әлем"),  # Latin schwa (U+0259) in a Cyrillic word becomes U+04D9
        ("Pеспублика", "Pеспублика", "Республика"),
        ("Hұр-Сұлтан", "Hұр", "Нұр"),  # each part of a hyphenated word is its own word
    ],
)
def test_a_mixed_word_is_found_and_fixed_to_the_majority_script(text: str, word: str, fixed: str) -> None:
    [(start, end, got, to)] = found(text)
    assert text[start:end] == got == word
    assert to == fixed
    assert len(to) == len(word)
    assert fix_text(text) == text.replace(word, fixed)
    assert len(fix_text(text)) == len(text)  # offsets never move


def test_the_kazakh_text_fixes_only_the_words_that_mix() -> None:
    text = "Бүгін Қaзақстан мен Aлматы туралы COVID-19-дың iPhone"
    assert [w[2] for w in found(text)] == ["Қaзақстан", "Aлматы"]
    assert fix_text(text) == "Бүгін Қазақстан мен Алматы туралы COVID-19-дың iPhone"
    assert found(text)[0][:2] == (6, 15)


@pytest.mark.parametrize(
    "text",
    ["COVID", "iPhone", "COVID-19-дың", "Қазақстан", "Нұр-Сұлтан", "әлем", "ə", "2008-2009", "", "B2B-ға"],
)
def test_pure_latin_pure_cyrillic_and_hyphen_digit_words_are_not_mixed(text: str) -> None:
    assert found(text) == []
    assert not is_mixed(text)
    assert fix_text(text) == text


def test_a_latin_letter_without_a_cyrillic_look_alike_is_reported_but_not_fixed() -> None:
    [(_, _, word, fixed)] = found("Қzақ елі")
    assert (word, fixed) == ("Қzақ", None)
    assert fixed_word("Қzақ") is None
    assert fix_text("Қzақ елі Қaзақ") == "Қzақ елі Қазақ"  # the fixable one is still fixed


def test_a_tie_goes_to_cyrillic() -> None:
    assert fixed_word("Сa") == "Са"  # one letter of each: Cyrillic wins
    assert fixed_word("Хz") is None  # Cyrillic wins, and z has no Cyrillic look-alike


def test_schwa_letters_look_alike_but_belong_to_their_scripts() -> None:
    assert script_of("ə") == "Latin" and script_of("Ə") == "Latin"  # U+0259, U+018F
    assert script_of("ә") == "Cyrillic" and script_of("Ә") == "Cyrillic"  # U+04D9, U+04D8
    assert TO_CYRILLIC["ə"] == "ә" and TO_LATIN["Ә"] == "Ə"
    for letter in "әғқңөұүһі":
        assert script_of(letter) == "Cyrillic"
    assert script_of("1") is None and script_of("-") is None


def test_every_look_alike_is_one_code_point_for_one() -> None:
    for table in (TO_CYRILLIC, TO_LATIN):
        for a, b in table.items():
            assert len(a) == len(b) == 1 and script_of(a) != script_of(b)
    assert set("aeopcxyihəABEKMHOPCTXYIƏ") <= set(TO_CYRILLIC)
