"""A JSONL document object whose sentences give no tokens: they are tokenised, as sentence lines are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import SentenceRecord
from annotator.formats.jsonl import read_jsonl

pytestmark = pytest.mark.timeout(60)

TEXT = "Астана қаласы үлкен. Алматы да үлкен."


def test_sentences_without_tokens_are_tokenised_and_keep_their_entities(tmp_path: Path) -> None:
    doc = {
        "document": "d",
        "text": TEXT,
        "annotator": "a",
        "sentences": [
            {"start": 0, "end": 20, "entities": [{"label": "GPE", "start": 0, "end": 6}]},
            {"start": 21, "end": len(TEXT)},
        ],
    }
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    sentences = [r for r in read_jsonl(path) if isinstance(r, SentenceRecord)]
    assert [[t.text for t in r.tokens] for r in sentences] == [
        ["Астана", "қаласы", "үлкен", "."],
        ["Алматы", "да", "үлкен", "."],
    ]
    [entity] = sentences[0].layers[0].entities
    assert (entity.label, entity.token_start, entity.token_end) == ("GPE", 0, 1)
    assert [r.start for r in sentences] == [0, 21]


def test_tokens_that_are_not_a_list_are_refused_in_one_line(tmp_path: Path) -> None:
    doc = {"document": "d", "text": TEXT, "sentences": [{"start": 0, "end": 20, "tokens": "Астана"}]}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_jsonl(path))
    assert "sentences[0]" in str(caught.value) and "tokens" in str(caught.value)
    assert "\n" not in str(caught.value)
