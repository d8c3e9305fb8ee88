"""A tiny synthetic Kazakh corpus for training in tests (a few dozen sentences), and a reader of
the shared KazNERD validation split (tests that use it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.suggest.data import Example
from annotator.suggest.tagger import decode

KAZNERD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"

_PEOPLE = ["Асқар", "Дина", "Ерлан", "Айгүл", "Нұрлан", "Сәуле"]
_PLACES = ["Алматы", "Астана", "Шымкент", "Қарағанды", "Тараз", "Атырау"]
_VERBS = ["келді", "барды", "жұмыс істеді", "сөйледі"]


def toy_examples() -> list[Example]:
    """36 sentences 'PERSON PLACE-да VERB .' and 'PERSON PLACE-ға VERB .' with PERSON and GPE."""
    examples: list[Example] = []
    key = 0
    for person in _PEOPLE:
        for place in _PLACES:
            suffix = "да" if key % 2 else "ға"
            verb = _VERBS[key % len(_VERBS)].split()
            tokens = (person, "бүгін", place + suffix, *verb, ".")
            examples.append(Example(key, tokens, ((0, 1, "PERSON"), (2, 3, "GPE"))))
            key += 1
    return examples


def read_kaznerd(path: Path = KAZNERD) -> list[Example]:
    """The KazNERD sentences of ``path`` (``token TAG`` lines, blank lines between sentences)."""
    if not path.exists():
        pytest.skip(f"KazNERD validation split not found at {path}")
    examples: list[Example] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, tag = line.rsplit(" ", 1)
            tokens.append(word)
            tags.append(tag)
        elif tokens:
            examples.append(Example(len(examples), tuple(tokens), tuple(decode(tags))))
            tokens, tags = [], []
    return examples
