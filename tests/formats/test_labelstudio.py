"""Label Studio's JSON and JSON-MIN exports read task by task; its JSON written back."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, NotImported, Record, SentenceRecord
from annotator.formats.labelstudio import read_labelstudio
from annotator.formats.labelstudio_write import LabelStudioWriter, labelling_config
from annotator.formats.registry import detect_format
from tests.conftest import write

TEXT = "Бүгін Астанада жиын өтті. Оған Н. Назарбаев келді."


def _value(start: int, end: int, label: str, **more: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "labels": [label], **more}


def _result(start: int, end: int, label: str) -> dict[str, Any]:
    return {"type": "labels", "from_name": "label", "to_name": "text", "value": _value(start, end, label)}


TASK = {
    "id": 7,
    "data": {"text": TEXT},
    "annotations": [
        {
            "id": 1,
            "completed_by": 3,
            "lead_time": 12.5,
            "result": [
                _result(6, 12, "GPE"),  # "Астана" inside the token "Астанада": the token is cut
                _result(31, 44, "PERSON"),  # ends with a space: left out
                {"type": "choices", "value": {"choices": ["news"]}},
            ],
        },
        {
            "id": 2,
            "completed_by": {"id": 4, "email": "aigerim@example.kz"},
            "result": [_result(6, 14, "LOC")],
        },
        {"id": 3, "completed_by": 5, "was_cancelled": True, "result": [_result(0, 5, "DATE")]},
    ],
    "predictions": [{"model_version": "m1", "result": [_result(0, 5, "DATE")]}],
}


def _write_json(path: Path, tasks: Any) -> Path:
    return write(path, json.dumps(tasks, ensure_ascii=False, indent=2))


def _spans(records: list[Record]) -> dict[str, list[tuple[int, str, str]]]:
    """Per owner: (sentence number, entity text, label)."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    sentences = [r for r in records if isinstance(r, SentenceRecord)]
    for i, s in enumerate(sentences):
        for layer in s.layers:
            for e in layer.entities:
                words = s.text[s.tokens[e.token_start].char_start : s.tokens[e.token_end - 1].char_end]
                out.setdefault(layer.annotator, []).append((i, words, e.label))
    return out


def test_json_export_gives_a_document_per_task_and_a_layer_per_annotation(tmp_path: Path) -> None:
    path = _write_json(tmp_path / "project-1.json", [TASK])
    assert detect_format(path) == "labelstudio"
    records = list(read_labelstudio(path))
    start = records[0]
    assert isinstance(start, DocumentStart) and (start.name, start.text, start.line) == (
        "project-1-7",
        TEXT,
        2,
    )
    assert [r.text for r in records if isinstance(r, SentenceRecord)] == [
        "Бүгін Астанада жиын өтті.",
        "Оған Н. Назарбаев келді.",
    ]
    assert _spans(records) == {
        "labelstudio-3": [(0, "Астана", "GPE"), (1, "Н. Назарбаев", "PERSON")],
        "aigerim@example.kz": [(0, "Астанада", "LOC")],
    }
    first = next(r for r in records if isinstance(r, SentenceRecord))
    assert first.layers[0].seconds == 12.5
    assert [(n.what, n.count) for n in records if isinstance(n, NotImported)] == [
        ("choices results", 1),
        ("cancelled annotations", 1),
        ("predictions", 1),
    ]


def test_json_min_export_is_read_as_one_annotation_per_row(tmp_path: Path) -> None:
    rows = [
        {
            "id": 7,
            "text": TEXT,
            "annotator": "aigerim@example.kz",
            "annotation_id": 1,
            "lead_time": 3,
            "label": [_value(6, 14, "GPE", text="Астанада")],
        },
        {"id": 8, "text": "Алматы қаласы.", "annotator": 2, "label": [_value(0, 6, "GPE", text="Алматы")]},
    ]
    records = list(read_labelstudio(_write_json(tmp_path / "min.json", rows)))
    assert [r.name for r in records if isinstance(r, DocumentStart)] == ["min-7", "min-8"]
    assert _spans(records) == {
        "aigerim@example.kz": [(0, "Астанада", "GPE")],
        "labelstudio-2": [(2, "Алматы", "GPE")],
    }


def test_annotator_option_owns_every_annotation_but_not_two_in_a_task(tmp_path: Path) -> None:
    one = {**TASK, "annotations": TASK["annotations"][:1]}
    records = list(read_labelstudio(_write_json(tmp_path / "one.json", [one]), annotator="k"))
    assert set(_spans(records)) == {"k"}
    path = _write_json(tmp_path / "two.json", [one, TASK])
    with pytest.raises(InputError) as err:
        list(read_labelstudio(path, annotator="k"))
    assert str(err.value).startswith(f"{path}:") and "task 1 (id 7): two annotations are 'k''s" in str(
        err.value
    )


BAD = [
    (
        {"id": 9, "data": {"text": TEXT}, "annotations": [{"result": [_result(6, 99, "GPE")]}]},
        "task 1 (id 9): annotations[0].result[0].value.start/end 6..99 lie outside the text (50 characters)",
    ),
    (
        {
            "id": 9,
            "data": {"text": TEXT},
            "annotations": [
                {
                    "result": [
                        {
                            "type": "labels",
                            "value": {"start": 0, "end": 5, "text": "Ертең", "labels": ["DATE"]},
                        }
                    ]
                }
            ],
        },
        "task 1 (id 9): annotations[0].result[0].value.text 'Ертең' differs from the text at 0..5 ('Бүгін')",
    ),
    (
        {
            "id": 9,
            "data": {"text": TEXT},
            "annotations": [
                {"result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["DATE", "GPE"]}}]}
            ],
        },
        "task 1 (id 9): annotations[0].result[0].value.labels must hold one label (an entity has one), not",
    ),
    ({"id": 9, "data": {"image": 5}}, "task 1 (id 9): data.'text' is missing or not a string"),
    (
        {"data": {"text": TEXT}, "annotations": [{"result": [_result(0, 5, "DATE")]}]},
        "task 1: an annotation names nobody: give --annotator",
    ),
    ("text", "task 1: must be an object"),
]


@pytest.mark.parametrize(("task", "message"), BAD)
def test_bad_tasks_name_file_line_task_and_id(tmp_path: Path, task: Any, message: str) -> None:
    good = {"id": 1, "data": {"text": "Жақсы."}}
    path = write(
        tmp_path / "bad.json", "[\n" + json.dumps(good) + ",\n" + json.dumps(task, ensure_ascii=False) + "\n]"
    )
    with pytest.raises(InputError) as err:
        list(read_labelstudio(path))
    assert str(err.value).startswith(f"{path}:3: {message}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"id": 1, "data": {"text": "a"}}', "2: the list ends before its closing ] (after task 0)"),
        ('[{"id": 1, "data": {"text": "a"}},\n{"id": 2', "2: task 1: invalid JSON: Expecting ',' delimiter"),
        ('[{"id": 1, "data": {"text": "a"}} {"id": 2}]', "1: expected , or ] after task 0"),
        ('[{"id": 1, "data": {"text": "a"}}] [', "1: text after the end of the JSON list"),
    ],
)
def test_broken_json_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "broken.json", content + "\n")
    with pytest.raises(InputError) as err:
        list(read_labelstudio(path))
    assert str(err.value).startswith(f"{path}:{message}")


def test_a_big_task_list_is_read_across_blocks(tmp_path: Path) -> None:
    tasks = [
        {
            "id": i,
            "data": {"text": f"Алматы {i} қаласы."},
            "annotations": [{"completed_by": 1, "result": [_result(0, 6, "GPE")]}],
        }
        for i in range(6000)
    ]  # about 1.5 MB: more than one block
    path = _write_json(tmp_path / "big.json", tasks)
    records = list(read_labelstudio(path))
    assert sum(isinstance(r, DocumentStart) for r in records) == 6000
    assert (
        sum(len(layer.entities) for r in records if isinstance(r, SentenceRecord) for layer in r.layers)
        == 6000
    )


def test_writer_gives_tasks_its_reader_reads_back_the_same(tmp_path: Path) -> None:
    records = list(
        read_labelstudio(
            _write_json(tmp_path / "in.json", [{**TASK, "annotations": TASK["annotations"][:1]}])
        )
    )
    out = io.StringIO()
    writer = LabelStudioWriter(out)
    for r in records:
        writer.write(r)
    writer.close()
    (task,) = json.loads(out.getvalue())
    assert task["data"] == {"text": TEXT, "document": "in-7", "annotator": "labelstudio-3"}
    (annotation,) = task["annotations"]
    assert [(r["from_name"], r["to_name"], r["type"], r["value"]["text"]) for r in annotation["result"]] == [
        ("label", "text", "labels", "Астана"),
        ("label", "text", "labels", "Н. Назарбаев"),
    ]
    assert len({r["id"] for r in annotation["result"]}) == 2
    again = list(read_labelstudio(write(tmp_path / "out.json", out.getvalue())))
    assert _spans(again) == _spans(records)
    assert next(r for r in again if isinstance(r, DocumentStart)).name == "in-7"


def test_empty_export_is_an_empty_list_and_the_config_lists_the_labels() -> None:
    out = io.StringIO()
    LabelStudioWriter(out).close()
    assert json.loads(out.getvalue()) == []
    config = labelling_config(["PERSON", 'A"B'])
    assert '<Label value="PERSON"/>' in config and "<Label value='A\"B'/>" in config
    assert '<Labels name="label" toName="text">' in config and '<Text name="text" value="$text"/>' in config


def test_json_min_rows_of_one_task_are_one_document_with_a_layer_each(tmp_path: Path) -> None:
    rows = [
        {"id": 7, "text": "Астанада жиын.", "annotator": "a@x.kz", "label": [_value(0, 8, "GPE")]},
        {"id": 7, "text": "Астанада жиын.", "annotator": "b@x.kz", "label": [_value(0, 6, "GPE")]},
    ]
    records = list(read_labelstudio(_write_json(tmp_path / "rows.json", rows)))
    assert sum(isinstance(r, DocumentStart) for r in records) == 1
    assert _spans(records) == {"a@x.kz": [(0, "Астанада", "GPE")], "b@x.kz": [(0, "Астана", "GPE")]}


def test_offsets_in_utf16_units_as_older_label_studio_wrote_them_are_mapped(tmp_path: Path) -> None:
    text = "😀 Астана қаласы."  # the emoji is two UTF-16 units: older Label Studio versions said 3..9
    task = {
        "id": 1,
        "data": {"text": text},
        "annotations": [
            {"completed_by": 1, "result": [{"type": "labels", "value": _value(3, 9, "GPE", text="Астана")}]}
        ],
    }
    records = list(read_labelstudio(_write_json(tmp_path / "old.json", [task])))
    assert _spans(records) == {"labelstudio-1": [(0, "Астана", "GPE")]}


def test_a_json_list_of_doccano_examples_is_read_as_doccano(tmp_path: Path) -> None:
    examples = [
        {
            "id": 1,
            "text": "Алматы қаласында жиналыс өтті. Оны Асқар Тоқаев ашты.",
            "entities": [
                {"id": 1, "label": "LOCATION", "start_offset": 0, "end_offset": 6},
                {"id": 2, "label": "PERSON", "start_offset": 35, "end_offset": 47},
            ],
            "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "in"}],
            "Comments": [{"id": 3, "text": "check this"}],
        },
        {
            "id": 2,
            "text": "Астана 2024 жылы.",
            "labels": [[0, 6, "LOCATION"], [7, 11, "DATE"]],
            "Comments": [],
        },
    ]
    path = _write_json(tmp_path / "dc_list.json", examples)
    assert detect_format(path) == "labelstudio"
    records = list(read_labelstudio(path, annotator="d"))
    assert _spans(records) == {
        "d": [
            (0, "Алматы", "LOCATION"),
            (1, "Асқар Тоқаев", "PERSON"),
            (2, "Астана", "LOCATION"),
            (2, "2024", "DATE"),
        ]
    }
    assert [(n.what, n.count) for n in records if isinstance(n, NotImported)] == [("relations", 1)]
    assert [r.name for r in records if isinstance(r, DocumentStart)] == ["dc_list"]


def test_a_bad_doccano_example_in_a_json_list_names_its_line(tmp_path: Path) -> None:
    path = _write_json(tmp_path / "dc.json", [{"text": "Астана.", "labels": [[0, 60, "LOC"]]}])
    with pytest.raises(InputError, match=r"dc\.json:2: doccano example 0: span 0\.\.60"):
        list(read_labelstudio(path, annotator="d"))


def test_json_min_keys_that_are_not_spans_are_counted_not_dropped(tmp_path: Path) -> None:
    rows = [
        {"id": 9, "text": "Бір сөйлем.", "annotator": "b@x.kz", "sentiment": "pos", "created_at": "2024"},
        {
            "id": 10,
            "text": "Екі сөйлем.",
            "annotator": "b@x.kz",
            "sentiment": "neg",
            "label": [_value(0, 3, "X")],
        },
    ]
    records = list(read_labelstudio(_write_json(tmp_path / "min.json", rows)))
    assert _spans(records) == {"b@x.kz": [(1, "Екі", "X")]}
    left = [(n.what, n.count) for n in records if isinstance(n, NotImported)]
    assert left == [("JSON-MIN 'sentiment' values", 1), ("JSON-MIN 'sentiment' values", 1)]
