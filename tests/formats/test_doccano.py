"""doccano's current export read as it is: integer ids, ``labels``, relations, Comments, whole texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.model import NotImported, SentenceRecord
from annotator.formats.jsonl import read_jsonl
from annotator.formats.registry import detect_format
from tests.conftest import write

TEXT = "Бүгін Астанада жиын өтті. Оған Н. Назарбаев келді."


def _line(**obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _read(path: Path) -> tuple[list[SentenceRecord], list[NotImported]]:
    records = list(read_jsonl(path, annotator="d"))
    return [r for r in records if isinstance(r, SentenceRecord)], [
        r for r in records if isinstance(r, NotImported)
    ]


def test_current_export_with_integer_ids_is_cut_into_sentences_each_entity_in_its_own(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.jsonl",
        _line(
            id=1,
            text=TEXT,
            entities=[
                {"id": 11, "label": "GPE", "start_offset": 6, "end_offset": 14},
                {"id": 12, "label": "PERSON", "start_offset": 31, "end_offset": 43},
            ],
            relations=[{"id": 1, "from_id": 12, "to_id": 11, "type": "visits"}],
            Comments=["тексеру керек", {"id": 3, "text": "екінші пікір"}],
        ),
    )
    sentences, left_out = _read(path)
    assert [s.text for s in sentences] == ["Бүгін Астанада жиын өтті.", "Оған Н. Назарбаев келді."]
    first, second = (s.layers[0] for s in sentences)
    assert [(e.label, e.token_start, e.token_end, e.ref) for e in first.entities] == [("GPE", 1, 2, "11")]
    # "Н." is one token (tokenizer version 2 keeps an initial's full stop): "Н.", "Назарбаев"
    assert [(e.label, e.token_start, e.token_end, e.ref) for e in second.entities] == [("PERSON", 1, 3, "12")]
    assert first.comment == "тексеру керек\nекінші пікір" and second.comment == ""
    assert left_out == [NotImported("relations", 1, "the project has no relations", 1)]


def test_labels_key_imports_its_entities(tmp_path: Path) -> None:
    path = write(tmp_path / "seq.jsonl", _line(id=2, text="Алматы қаласы.", labels=[[0, 6, "GPE"]]))
    (sentence,), left_out = _read(path)
    assert [(e.label, e.token_start, e.token_end) for e in sentence.layers[0].entities] == [("GPE", 0, 1)]
    assert left_out == []


def test_an_entity_across_a_sentence_break_keeps_the_sentences_whole(tmp_path: Path) -> None:
    # the segmenter takes "Ф.М." for a sentence's end; the annotator's span says it is not
    text = "Біз Ф.М. Достоевский кітабын оқыдық. Ол жақсы."
    start, end = text.index("Ф.М."), text.index(" кітабын")
    path = write(tmp_path / "cross.jsonl", _line(id=3, text=text, label=[[start, end, "PERSON"]]))
    sentences, _ = _read(path)
    assert [s.text for s in sentences] == ["Біз Ф.М. Достоевский кітабын оқыдық.", "Ол жақсы."]
    (entity,) = sentences[0].layers[0].entities
    tokens = sentences[0].tokens
    assert sentences[0].text[
        tokens[entity.token_start].char_start : tokens[entity.token_end - 1].char_end
    ] == ("Ф.М. Достоевский")


def test_a_span_inside_a_token_cuts_the_token_as_label_studio_does(tmp_path: Path) -> None:
    text = "Алматыда жиналыс өтті. Ертең Астанаға барады."
    path = write(
        tmp_path / "suffix.jsonl",
        _line(
            id=5,
            text=text,
            entities=[{"id": 1, "label": "LOCATION", "start_offset": 0, "end_offset": 6}],
        )
        + "\n"
        + _line(id=6, text="Астанаға барады.", labels=[[0, 6, "GPE"]]),
    )
    sentences, _ = _read(path)
    found = [
        (s.text[s.tokens[e.token_start].char_start : s.tokens[e.token_end - 1].char_end], e.label)
        for s in sentences
        for layer in s.layers
        for e in layer.entities
    ]
    assert found == [("Алматы", "LOCATION"), ("Астана", "GPE")]
    assert [t.text for t in sentences[0].tokens][:2] == ["Алматы", "да"]


def test_plain_text_lines_stay_one_sentence_each(tmp_path: Path) -> None:
    path = write(tmp_path / "plain.jsonl", _line(text=TEXT))
    sentences = [r for r in read_jsonl(path) if isinstance(r, SentenceRecord)]
    assert [s.text for s in sentences] == [TEXT]


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        (
            {
                "id": 1,
                "text": "Алматы.",
                "entities": [{"id": 1.5, "label": "GPE", "start_offset": 0, "end_offset": 6}],
            },
            "entities[0].'id' must be a string or an integer",
        ),
        ({"id": 1, "text": "Алматы.", "labels": [[0, 6]]}, 'labels[0] must be [start, end, "LABEL"]'),
        (
            {"id": 1, "text": "Алматы.", "Comments": [5]},
            'Comments[0] must be a string or an object with "text"',
        ),
        ({"id": 1, "text": "Алматы.", "relations": {"a": 1}}, "'relations' must be a list"),
        (
            {"id": 1, "text": "Алматы қаласы", "label": [[0, 6, "GPE"]], "labels": [[7, 13, "LOCATION"]]},
            "has both 'label' and 'labels': give the spans under one of them",
        ),
        (
            {"id": 1, "text": "Алматы қаласы", "entities": [], "label": [[0, 6, "GPE"]]},
            "has both 'entities' and 'label': give the spans under one of them",
        ),
        (
            {"id": 1, "text": "Алматы", "entities": [{"label": "GPE", "start_offset": "0", "end_offset": 6}]},
            'entities[0].start_offset must be an integer, not "0"',
        ),
        ({"id": 1, "text": "Алматы", "label": [[0, 6.0, "GPE"]]}, "label[0][1] must be an integer, not 6.0"),
    ],
)
def test_bad_doccano_lines_name_file_and_line(tmp_path: Path, obj: dict[str, Any], message: str) -> None:
    path = write(tmp_path / "bad.jsonl", _line(text="Жақсы.") + "\n" + _line(**obj))
    with pytest.raises(InputError) as err:
        list(read_jsonl(path, annotator="d"))
    assert str(err.value) == f"{path}:2: {message}"


def test_a_json_file_of_lines_is_still_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "export.json", _line(id=1, text="Алматы.", labels=[]))
    assert detect_format(path) == "jsonl"
