"""Tokenizer and splitter version 2: named examples of every kind the treebank cuts differently
from version 1, version 1 unchanged, and both figures on the treebank's training sentences."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import (
    TOKENIZER_VERSION,
    segment,
    segment_running_text,
    tokenize,
    tokenizer,
)
from tests.benchmarks.tokenizer_bench import KTB, measure
from tests.conftest import FIXTURES, examples

pytestmark = pytest.mark.timeout(60)


def v2(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 2)]


def v1(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 1)]


def sentences(text: str, version: int = 2) -> list[str]:
    return [text[s.start : s.end] for s in segment_running_text(text, version)]


def test_new_text_is_cut_by_version_2_and_tokenizer_gives_each_version() -> None:
    assert TOKENIZER_VERSION == 2
    assert tokenize("2008-2009") == tokenizer(2)("2008-2009") == tokenize("2008-2009", 2)
    assert [t.text for t in tokenizer(1)("2008-2009")] == ["2008-2009"]


@pytest.mark.parametrize(
    "call", [lambda: tokenize("а", 3), lambda: tokenizer(0), lambda: segment("а", "auto", 9)]
)
def test_an_unknown_version_is_a_clear_error(call: object) -> None:
    with pytest.raises(ValueError, match=r"unknown tokenizer version .*knows 1, 2"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2008 ж. қыркүйекте", ["2008", "ж.", "қыркүйекте"]),
        ("5 млн. теңге", ["5", "млн.", "теңге"]),
        ("2 млрд. доллар", ["2", "млрд.", "доллар"]),
        ("3 трлн. теңге", ["3", "трлн.", "теңге"]),
        ("б.з.б. 209 жылы", ["б.з.б.", "209", "жылы"]),
        ("Б.з.б. III ғасырда", ["Б.з.б.", "III", "ғасырда"]),
        ("1998-2000 жж. аралығы", ["1998", "-", "2000", "жж.", "аралығы"]),
        ("т.б. және т.с.с.", ["т.б.", "және", "т.с.с."]),
    ],
)
def test_abbreviations_keep_their_full_stop(text: str, expected: list[str]) -> None:
    assert v2(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("М. Әуезов", ["М.", "Әуезов"]),
        ("Р. Бердібай", ["Р.", "Бердібай"]),
        ("А. Байтұрсынұлы", ["А.", "Байтұрсынұлы"]),
        ("Қ. Сәтбаев", ["Қ.", "Сәтбаев"]),
        ("Н.Ә. Назарбаев", ["Н.", "Ә.", "Назарбаев"]),
        ("М.Әуезов", ["М.", "Әуезов"]),
    ],
)
def test_initials_keep_their_full_stop(text: str, expected: list[str]) -> None:
    assert v2(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2008-2009", ["2008", "-", "2009"]),  # a range
        ("27-28 ақпанда", ["27", "-", "28", "ақпанда"]),
        ("парсы-ағылшын сөздігі", ["парсы", "-", "ағылшын", "сөздігі"]),  # a compound of the occasion
        ("әлеуметтік-экономикалық даму", ["әлеуметтік", "-", "экономикалық", "даму"]),
        ("ғылыми-зерттеу институты", ["ғылыми", "-", "зерттеу", "институты"]),
        ("1-кезеңінің", ["1", "-", "кезеңінің"]),  # a word after the number
        ("№ 17-үйде", ["№", "17", "-", "үйде"]),
        ("ағасы-Эдуард", ["ағасы", "-", "Эдуард"]),
        ("XX-ғасырдың", ["XX", "-", "ғасырдың"]),
    ],
)
def test_hyphens_between_words_or_numbers_are_tokens(text: str, expected: list[str]) -> None:
    assert v2(text) == expected


@pytest.mark.parametrize(
    "word",
    [
        "55-ші",  # ordinal
        "1990-шы",
        "100-ге",  # dative
        "22-сіндегі",  # possessive + locative + -гі
        "300-ден",  # ablative
        "2-еуі",  # collective numeral
        "24-тік",
        "1-ақ",  # a particle after a number
        "COVID-19-дың",
        "Жасаған-ау",  # a particle the treebank keeps on the word
        "сондай-ақ",
        "Нұр-Сұлтан",  # names
        "Брютон-стриттегі",
        "ас-Саудтың",
        "әл-Фараби",
        "ата-ана",  # paired words the dictionary knows whole
        "азық-түлік",
        "іс-шаралар",
        "жан-жақты",
    ],
)
def test_numbers_with_suffixes_particles_names_and_paired_words_stay_whole(word: str) -> None:
    assert v2(word) == [word]


def test_version_1_is_unchanged() -> None:
    assert v1("2008 ж. қыркүйекте М. Әуезов") == ["2008", "ж", ".", "қыркүйекте", "М", ".", "Әуезов"]
    whole = ["2008-2009", "парсы-ағылшын", "1-кезеңінің", "55-ші"]
    assert v1(" ".join(whole)) == whole
    assert v1("б.з.б. 5 млн. теңге") == ["б", ".", "з", ".", "б", ".", "5", "млн", ".", "теңге"]
    text = "«Бала бере гөр!» – деді. Ол 2008 ж. Келесі жылы кетті."
    assert sentences(text, 1) == ["«Бала бере гөр!»", "– деді.", "Ол 2008 ж. Келесі жылы кетті."]


def test_version_1_gives_back_the_tokens_an_old_version_stored() -> None:
    """The legacy export (written at commit 3ced6bb) holds the seed sentences as that version cut them."""
    lines = (FIXTURES / "legacy" / "r0002.gold.jsonl").read_text(encoding="utf-8").splitlines()
    seeds = [json.loads(line) for line in lines if '"document": "00' in line]
    assert len(seeds) == 35
    for obj in seeds:
        stored = [(t["text"], t["start"], t["end"]) for t in obj["tokens"]]
        assert [(t.text, t.char_start, t.char_end) for t in tokenize(obj["text"], 1)] == stored


def test_abbreviations_and_initials_do_not_end_sentences_that_go_on() -> None:
    text = "Ол 2008 ж. қыркүйекте келді. М. Әуезов 1897 ж. 28 қыркүйекте туған. Проф. Р. Бердібай сөйледі."
    assert sentences(text) == [
        "Ол 2008 ж. қыркүйекте келді.",
        "М. Әуезов 1897 ж. 28 қыркүйекте туған.",
        "Проф. Р. Бердібай сөйледі.",
    ]


def test_a_closing_abbreviation_ends_a_sentence_before_a_capitalised_word_but_not_a_month() -> None:
    text = "Зауыт салынған жыл 1991 ж. Ол 1995 ж. Қыркүйекте жабылды. Бағасы 5 млн. Ал шығыны 2 млрд."
    assert sentences(text) == [
        "Зауыт салынған жыл 1991 ж.",
        "Ол 1995 ж. Қыркүйекте жабылды.",
        "Бағасы 5 млн.",
        "Ал шығыны 2 млрд.",
    ]
    assert sentences("Кітап, дәптер т.б. Олар сатылды.") == ["Кітап, дәптер т.б.", "Олар сатылды."]
    # an initial after the abbreviation goes on the sentence: a name follows
    assert sentences("1925-1928 жж. М. Әуезов оқыды.") == ["1925-1928 жж. М. Әуезов оқыды."]


def test_a_date_or_an_amount_goes_on_before_a_name_and_ends_before_a_sentence_opener() -> None:
    assert sentences("1991 ж. Қазақстан тәуелсіздік алды. 1997 ж. Астана елорда болды.") == [
        "1991 ж. Қазақстан тәуелсіздік алды.",
        "1997 ж. Астана елорда болды.",
    ]
    assert sentences("Шығын 5 млн. Астана қаласына тиесілі. Жыл 2020 ж. Бұл жаңа жыл.") == [
        "Шығын 5 млн. Астана қаласына тиесілі.",
        "Жыл 2020 ж.",
        "Бұл жаңа жыл.",
    ]


def test_quoted_speech_the_author_goes_on_from_is_one_sentence() -> None:
    text = (
        "Ол: «Жасаған-ау, бала бере көрме?!» – деп тілейтін еді. «Бала бере гөр!» – деді. – Жоқ, – деді ол."
    )
    assert sentences(text) == [
        "Ол: «Жасаған-ау, бала бере көрме?!» – деп тілейтін еді.",
        "«Бала бере гөр!» – деді.",
        "– Жоқ, – деді ол.",
    ]


PIECES = st.sampled_from(
    [
        *"аәғқМНXIV059-‐.,!?«»–— '’\n",
        "ж.",
        "млн.",
        "-ші",
        "-ау",
        "М. ",
        "2008-2009",
        "б.з.б.",
        "ас-",
        "XX-",
        "--",
    ]
)


@settings(max_examples=examples(3000))
@given(st.lists(PIECES, max_size=16).map("".join))
def test_version_2_tokens_are_the_text_in_order_and_only_space_is_left_between(text: str) -> None:
    pos = 0
    for t in tokenize(text, 2):
        assert t.text == text[t.char_start : t.char_end] != ""
        assert not any(c.isspace() for c in t.text)
        assert not text[pos : t.char_start].strip()
        pos = t.char_end
    assert not text[pos:].strip()
    for seg in segment_running_text(text, 2):
        assert text[seg.start : seg.end].strip() == text[seg.start : seg.end] != ""


@pytest.mark.skipif(not KTB.exists(), reason=f"{KTB} is not here (the shared development data)")
def test_version_2_meets_both_figures_on_the_treebank_training_sentences() -> None:
    result = measure(KTB)
    tokens, sents = result["v2"]["tokens"], result["v2"]["sentences"]
    assert isinstance(tokens, dict) and isinstance(sents, dict)
    assert tokens["f1"] >= 0.985, result["v2"]["token_misses"]
    assert sents["f1"] >= 0.98, result["v2"]["sentence_misses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қ.-Ж. Тоқаев келді", ["Қ.", "-", "Ж.", "Тоқаев", "келді"]),  # a hyphenated pair of initials
        ("баға 5%-ға өсті, 7%-дан", ["баға", "5", "%-ға", "өсті", ",", "7", "%-дан"]),  # as KazNERD
        ("сағат 10:30-да", ["сағат", "10:30-да"]),  # a time with its ending
        ("info@gov.kz жазыңыз", ["info@gov.kz", "жазыңыз"]),
        ("@user_name айтты #Қазақстан", ["@user_name", "айтты", "#Қазақстан"]),
    ],
)
def test_news_and_web_forms_stay_whole(text: str, expected: list[str]) -> None:
    assert v2(text) == expected


def test_two_letter_and_hyphenated_initials_do_not_end_a_sentence() -> None:
    text = "Жобаны Н.Ә. Назарбаев қолдады. Ол келді. Қ.-Ж. Тоқаев сөйледі."
    assert sentences(text) == ["Жобаны Н.Ә. Назарбаев қолдады.", "Ол келді.", "Қ.-Ж. Тоқаев сөйледі."]
