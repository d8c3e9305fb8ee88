"""Hugging Face-style JSONL read as it is: string tokens without text, integer tags with a label list,
and the export's side file of document lines read back with its sentence file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DocumentAssignment, DocumentStanceRecord, Record, SentenceRecord
from annotator.formats.jsonl import read_jsonl
from tests.conftest import write

NAMES = ["O", "B-LOCATION", "I-LOCATION", "B-PERSON", "I-PERSON"]


def lines(*objs: dict[str, Any]) -> str:
    """JSON lines of ``objs``."""
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def entities(records: list[Record]) -> list[tuple[str, str]]:
    """(label, covered text) of every entity of the records, in order."""
    out = []
    for r in records:
        if isinstance(r, SentenceRecord):
            for layer in r.layers:
                for e in layer.entities:
                    out.append((e.label, " ".join(t.text for t in r.tokens[e.token_start : e.token_end])))
    return out


def sentences(records: list[Record]) -> list[SentenceRecord]:
    """The sentence records only."""
    return [r for r in records if isinstance(r, SentenceRecord)]


def test_string_tags_without_text_make_the_text_of_the_tokens_joined_by_spaces(tmp_path: Path) -> None:
    path = write(
        tmp_path / "hf.jsonl",
        lines({"tokens": ["Алматы", "қаласы", "."], "ner_tags": ["B-LOCATION", "I-LOCATION", "O"]}),
    )
    records = list(read_jsonl(path, annotator="k"))
    [sent] = sentences(records)
    assert sent.text == "Алматы қаласы ."
    assert [(t.text, t.char_start, t.char_end) for t in sent.tokens] == [
        ("Алматы", 0, 6),
        ("қаласы", 7, 13),
        (".", 14, 15),
    ]
    assert entities(records) == [("LOCATION", "Алматы қаласы")]


def test_integer_tags_are_named_from_the_labels_json_beside_the_file(tmp_path: Path) -> None:
    write(tmp_path / "labels.json", json.dumps(NAMES))
    path = write(
        tmp_path / "valid.jsonl",  # as KazNERD rows look on the Hub
        lines(
            {"id": "0", "tokens": ["Асқар", "Алматыда"], "ner_tags": [3, 1]},
            {"id": "1", "tokens": ["Асқар", "Тоқаев"], "ner_tags": [3, 4]},
        ),
    )
    records = list(read_jsonl(path, annotator="k"))
    assert entities(records) == [("PERSON", "Асқар"), ("LOCATION", "Алматыда"), ("PERSON", "Асқар Тоқаев")]


def test_the_exports_own_label_list_comes_before_labels_json(tmp_path: Path) -> None:
    write(tmp_path / "labels.json", json.dumps(["O", "B-PERSON", "I-PERSON"]))
    write(tmp_path / "x.labels.json", json.dumps(NAMES))
    path = write(tmp_path / "x.jsonl", lines({"tokens": ["Алматы"], "ner_tags": [1]}))
    assert entities(list(read_jsonl(path, annotator="k"))) == [("LOCATION", "Алматы")]


def test_labels_given_win_over_the_file_beside(tmp_path: Path) -> None:
    write(tmp_path / "labels.json", json.dumps(NAMES))
    path = write(tmp_path / "x.jsonl", lines({"tokens": ["Алматы"], "ner_tags": [1]}))
    records = list(read_jsonl(path, annotator="k", labels=["O", "B-PERSON", "I-PERSON"]))
    assert entities(records) == [("PERSON", "Алматы")]


def test_an_integer_tag_without_a_label_list_says_file_line_and_what_to_give(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        lines({"tokens": ["a"], "ner_tags": ["O"]}, {"tokens": ["Алматы"], "ner_tags": [1]}),
    )
    with pytest.raises(InputError) as caught:
        list(read_jsonl(path, annotator="k"))
    message = str(caught.value)
    assert message.startswith(f"{path}:2:"), message
    assert "x.labels.json" in message and "--labels FILE" in message


def test_an_integer_tag_outside_the_list_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", lines({"tokens": ["Алматы"], "ner_tags": [9]}))
    with pytest.raises(InputError, match=r"x.jsonl:1: ner_tags\[0\] is 9, not the number of one of the 5"):
        list(read_jsonl(path, annotator="k", labels=NAMES))


def test_a_label_list_that_is_no_list_of_names_is_refused_naming_it(tmp_path: Path) -> None:
    write(tmp_path / "labels.json", json.dumps({"O": 0}))
    path = write(tmp_path / "x.jsonl", lines({"tokens": ["Алматы"], "ner_tags": [1]}))
    with pytest.raises(InputError, match=r"labels\.json: a label list is a JSON list of tag names"):
        list(read_jsonl(path, annotator="k"))


def test_string_tokens_with_a_text_are_found_in_it_and_with_offsets_placed_there(tmp_path: Path) -> None:
    text = "Алматы  қаласы."
    path = write(
        tmp_path / "x.jsonl",
        lines(
            {
                "text": text,
                "tokens": ["Алматы", "қаласы", "."],
                "ner_tags": ["B-LOCATION", "I-LOCATION", "O"],
            },
            {
                "text": text,
                "tokens": ["Алматы", "қаласы", "."],
                "token_offsets": [[0, 6], [8, 14], [14, 15]],
                "ner_tags": ["B-LOCATION", "O", "O"],
            },
        ),
    )
    first, second = sentences(list(read_jsonl(path, annotator="k")))
    assert [(t.char_start, t.char_end) for t in first.tokens] == [(0, 6), (8, 14), (14, 15)]
    assert first.tokens == second.tokens


def test_a_string_token_that_is_not_next_in_the_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", lines({"text": "Алматы қаласы", "tokens": ["қаласы", "Алматы"]}))
    with pytest.raises(InputError, match=r"x.jsonl:1: tokens\[0\] 'қаласы' is not the next word of the text"):
        list(read_jsonl(path, annotator="k"))


def test_the_side_file_of_document_lines_is_read_after_each_documents_sentences(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        lines(
            {"document": "a", "text": "Алматы", "annotator": "k"},
            {"document": "b", "text": "Астана", "annotator": "k"},
        ),
    )
    write(
        tmp_path / "x.documents.jsonl",
        lines(
            {"document": "b", "assignees": ["k"]},
            {
                "document": "a",
                "annotator": "k",
                "document_stance": [{"target": "t", "label": "pro", "holder": ""}],
            },
        ),
    )
    records = list(read_jsonl(path))
    kinds = [type(r).__name__ for r in records]
    assert kinds == [
        "DocumentStart",
        "SentenceRecord",
        "DocumentStanceRecord",
        "DocumentStart",
        "SentenceRecord",
        "DocumentAssignment",
    ]
    stance = next(r for r in records if isinstance(r, DocumentStanceRecord))
    assert stance.document == "a" and stance.stance[0].holder is None  # "" is how the export spells none
    assert next(r for r in records if isinstance(r, DocumentAssignment)).assignees == ("k",)


def test_a_side_file_line_for_a_document_with_no_sentences_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", lines({"document": "a", "text": "Алматы"}))
    side = write(
        tmp_path / "x.documents.jsonl", lines({"document": "a"}, {"document": "zz", "assignees": ["k"]})
    )
    with pytest.raises(
        InputError, match=r"x\.documents\.jsonl:1: expected a document stance or assignment line"
    ):
        list(read_jsonl(path))
    write(side, lines({"document": "zz", "assignees": ["k"]}))
    with pytest.raises(
        InputError, match=r"x\.documents\.jsonl:1: document 'zz' has no sentences in x\.jsonl"
    ):
        list(read_jsonl(path))


def test_the_side_file_alone_is_refused_with_what_to_import(tmp_path: Path) -> None:
    write(tmp_path / "x.jsonl", lines({"document": "a", "text": "Алматы"}))
    side = write(tmp_path / "x.documents.jsonl", lines({"document": "a", "assignees": ["k"]}))
    with pytest.raises(
        InputError, match=r"holds the document lines of x\.jsonl and is read with it: import x\.jsonl"
    ):
        list(read_jsonl(side))
