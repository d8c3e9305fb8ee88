"""The text pipeline on the seed articles: exact sentences and tokens.

Version 1 of the tokenizer stays as it was (these are its examples, run with ``version=1``); what
version 2 changes is in ``tests/core/test_tokenizer_v2.py``. Tests that hold for both run both.
"""

from __future__ import annotations

import pytest

from annotator.core.text import (
    TOKENIZER_VERSIONS,
    normalize,
    segment,
    segment_lines,
    segment_running_text,
    tokenize,
    whitespace_after,
)
from tests.conftest import SEEDS

SEED_A = (SEEDS / "000_5a91e5e761b01553.txt").read_text(encoding="utf-8")
SEED_B = (SEEDS / "002_de800ccdcc165eec.txt").read_text(encoding="utf-8")


def words(text: str, version: int = 1) -> list[str]:
    return [t.text for t in tokenize(text, version)]


def test_line_mode_finds_each_line_of_the_seeds_and_paragraphs() -> None:
    a = segment_lines(SEED_A)
    assert len(a) == len([line for line in SEED_A.splitlines() if line.strip()]) == 14
    assert {s.paragraph for s in a} == {0}
    assert SEED_A[a[0].start : a[0].end].startswith("Бүгін Нұр-Сұлтан қаласында")
    b = segment_lines(SEED_B)
    assert len(b) == len([line for line in SEED_B.splitlines() if line.strip()]) == 21
    # Blank lines end paragraphs: the sixth line starts the second paragraph.
    assert [s.paragraph for s in b[:8]] == [0, 0, 0, 0, 0, 0, 1, 2]
    # Trailing white space stays outside the sentence.
    assert SEED_B[b[4].start : b[4].end] == "Оқи отырыңыз: Резолюцияда не айтылған?"


def test_tokens_of_seed_sentences_are_exact() -> None:
    lines = SEED_A.splitlines()
    assert words(lines[0]) == [
        "Бүгін",
        "Нұр-Сұлтан",
        "қаласында",
        "ондаған",
        "белсенді",
        "мен",
        "көп",
        "балалы",
        "әйелдер",
        "Еуродақ",
        "өкілдігі",
        "орналасқан",
        "ғимарат",
        "алдына",
        "жиналып",
        ",",
        "Еуропарламент",
        "депутаттарынан",
        "Қазақстанда",
        "адам",
        "құқығы",
        "бұзылып",
        "жатқанына",
        "назар",
        "аударуды",
        "сұрады",
        ".",
    ]
    assert words(lines[1])[:8] == [
        "Акцияға",
        "жиналғандардың",
        "кейбірі",
        "ақпанның",
        "22-сіндегі",
        "митингіні",
        "күштеп",
        "тарату",
    ]
    assert words(lines[8]) == [
        "Құқық",
        "қорғаушылар",
        "22",
        "ақпандағы",
        "бейбіт",
        "митинг",
        "кезінде",
        '"',
        "300-ден",
        "астам",
        "адам",
        "ұсталды",
        '"',
        "деп",
        "есептейді",
        ".",
    ]
    assert words(lines[4])[6:10] == ["Қазақстан", "–", "Еуродақ", "парламент"]
    b = SEED_B.splitlines()
    assert words(b[1]) == [
        "Бұл",
        "туралы",
        "министрлік",
        "informburo.kz",
        "агенттігіне",
        "берген",
        "ресми",
        "жауабында",
        "жазған",
        ".",
    ]
    assert words(b[3])[:6] == ["Әлгі", "құжатта", "Еуропарламент", "Қазақстан", "билігін", '"']


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COVID-19-дың таралуы", ["COVID-19-дың", "таралуы"]),
        ("27-28 ақпанда (Франция)", ["27-28", "ақпанда", "(", "Франция", ")"]),
        ("«Біз келдік» деді", ["«", "Біз", "келдік", "»", "деді"]),
        ("“Иә”, — деді.", ["“", "Иә", "”", ",", "—", "деді", "."]),
        ("3,5% өсті...", ["3,5", "%", "өсті", "..."]),
        ("т.б. және т.с.с.", ["т.б.", "және", "т.с.с."]),
        ("сайт www.informburo.kz/news/1 ашық", ["сайт", "www.informburo.kz/news/1", "ашық"]),
        ("👍🏽 жақсы 🇰🇿", ["👍🏽", "жақсы", "🇰🇿"]),
    ],
)
def test_tokenizer_keeps_words_numbers_domains_whole_and_splits_punctuation(
    text: str, expected: list[str]
) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("version", TOKENIZER_VERSIONS)
@pytest.mark.parametrize("text", [SEED_A, SEED_B, "  a\tb  «c»  d\u0301e 😀x  "])
def test_tokens_and_whitespace_rebuild_the_text_exactly(text: str, version: int) -> None:
    for seg in segment(text, "lines", version):
        sentence = text[seg.start : seg.end]
        tokens = tokenize(sentence, version)
        gaps = whitespace_after(sentence, tokens)
        assert all(g.isspace() or g == "" for g in gaps)
        assert (
            "".join(sentence[t.char_start : t.char_end] + g for t, g in zip(tokens, gaps, strict=True))
            == sentence
        )


def test_nfc_composes_kazakh_letters() -> None:
    decomposed = "\u0438\u0306"  # и + combining breve
    assert normalize(decomposed) == "й"
    assert words(normalize("ә" + decomposed + "н")) == ["әйн"]


@pytest.mark.parametrize("version", TOKENIZER_VERSIONS)
def test_running_text_knows_quotes_abbreviations_initials_numbers_and_domains(version: int) -> None:
    text = (
        "Н. Назарбаев келді. Ол «Біз келдік.» деді. Сайт informburo.kz хабарлады. "
        "Бағасы 3.5 млн. теңге. Проф. Ахметов т.б. келді! Иә?\n\nЖаңа абзац."
    )
    got = [(text[s.start : s.end], s.paragraph) for s in segment_running_text(text, version)]
    assert got == [
        ("Н. Назарбаев келді.", 0),
        ("Ол «Біз келдік.» деді.", 0),
        ("Сайт informburo.kz хабарлады.", 0),
        ("Бағасы 3.5 млн. теңге.", 0),
        ("Проф. Ахметов т.б. келді!", 0),
        ("Иә?", 0),
        ("Жаңа абзац.", 1),
    ]


@pytest.mark.parametrize("version", TOKENIZER_VERSIONS)
def test_running_text_treats_a_single_line_break_as_space(version: int) -> None:
    text = "Бірінші сөйлем\nжалғасады. Екінші."
    got = [text[s.start : s.end] for s in segment(text, "auto", version)]
    assert got == ["Бірінші сөйлем\nжалғасады.", "Екінші."]
