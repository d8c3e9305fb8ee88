"""Round trips through doccano and Label Studio files, with exact entity counts.

Small named examples run always; the KazNERD validation split (13,483 entities), converted in
the test to each tool's shape, runs when the shared data is here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import SentenceRecord
from annotator.core.schema import default_schema_path, load_schema
from annotator.formats.conll import read_conll
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, open_project
from tests.conftest import write
from tests.suggest.corpus import KAZNERD

DOCCANO = [
    {
        "id": 1,
        "text": "Бүгін Астанада жиын өтті. Оған Н. Назарбаев келді.",
        "entities": [
            {"id": 1, "label": "DATE", "start_offset": 0, "end_offset": 5},
            {"id": 2, "label": "GPE", "start_offset": 6, "end_offset": 14},
            {"id": 3, "label": "PERSON", "start_offset": 31, "end_offset": 43},
        ],
        "relations": [{"id": 1, "from_id": 3, "to_id": 2, "type": "visits"}],
        "Comments": [],
    },
    {"id": 2, "text": "Алматы қаласы. Ертең жаңбыр.", "labels": [[0, 6, "GPE"], [15, 20, "DATE"]]},
]


def _spans_of_jsonl(path: Path) -> Counter[tuple[str, str]]:
    """The project's JSONL export seen as doccano sees it: (span text, label) of every entity."""
    found: Counter[tuple[str, str]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        for e in obj.get("entities", []):
            found[(obj["text"][e["start"] : e["end"]], e["label"])] += 1
    return found


def _spans_of_labelstudio(path: Path) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for task in json.loads(path.read_text(encoding="utf-8")):
        for ann in task["annotations"]:
            for r in ann["result"]:
                v = r["value"]
                assert task["data"]["text"][v["start"] : v["end"]] == v["text"]
                found[(v["text"], v["labels"][0])] += 1
    return found


def _fresh(tmp_path: Path, name: str) -> Project:
    project, _ = open_project(
        tmp_path / f"{name}.sqlite", create=True, schema=load_schema(default_schema_path())
    )
    return project


def test_doccano_import_then_export_gives_its_spans_back(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "doccano.jsonl", "\n".join(json.dumps(o, ensure_ascii=False) for o in DOCCANO))
    summary = import_paths(project, [path], ImportOptions(annotator="d"))
    assert (summary.sentences, summary.entities) == (4, 5)
    assert (
        "note: " + str(path) + ": 1 relation not imported (the project has no relations)"
        in summary.describe()
    )
    out = tmp_path / "out.jsonl"
    export_layer(project, ExportOptions(fmt="jsonl", annotator="d", status="all", out=str(out)))
    expected = Counter(
        [
            (o["text"][e["start_offset"] : e["end_offset"]], e["label"])
            for o in DOCCANO[:1]
            for e in o["entities"]
        ]
        + [(DOCCANO[1]["text"][s:e], lab) for s, e, lab in DOCCANO[1]["labels"]]
    )
    assert _spans_of_jsonl(out) == expected


LS_TASKS = [
    {
        "id": 10,
        "data": {"text": "Бүгін Астанада жиын өтті.\n\nОған Н. Назарбаев келді."},
        "annotations": [
            {
                "completed_by": 1,
                "result": [
                    {"type": "labels", "value": {"start": 0, "end": 5, "labels": ["DATE"]}},
                    {"type": "labels", "value": {"start": 6, "end": 12, "labels": ["GPE"]}},
                ],
            },
            {
                "completed_by": 2,
                "result": [
                    {"type": "labels", "value": {"start": 32, "end": 44, "labels": ["PERSON"]}},
                ],
            },
        ],
    },
    {
        "id": 11,
        "data": {"text": "Алматы қаласы."},
        "annotations": [
            {
                "completed_by": 1,
                "result": [{"type": "labels", "value": {"start": 0, "end": 6, "labels": ["GPE"]}}],
            }
        ],
    },
]


def test_label_studio_json_import_export_import_keeps_every_entity(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "ls.json", json.dumps(LS_TASKS, ensure_ascii=False))
    summary = import_paths(project, [path])
    assert (summary.documents_added, summary.entities) == (2, 4)
    again = _fresh(tmp_path, "again")
    try:
        for person, count in (("labelstudio-1", 3), ("labelstudio-2", 1)):
            out = tmp_path / f"{person}.json"
            export_layer(
                project, ExportOptions(fmt="labelstudio", annotator=person, status="all", out=str(out))
            )
            assert sum(_spans_of_labelstudio(out).values()) == count
            assert import_paths(again, [out]).entities == count
        assert "Астана" in {t for t, _ in _spans_of_labelstudio(tmp_path / "labelstudio-1.json")}
    finally:
        again.close()


def test_label_studio_json_min_import_export_import(project: Project, tmp_path: Path) -> None:
    rows = [
        {
            "id": 10,
            "text": "Бүгін Астанада жиын өтті.",
            "annotator": "aigerim@example.kz",
            "label": [
                {"start": 0, "end": 5, "text": "Бүгін", "labels": ["DATE"]},
                {"start": 6, "end": 14, "text": "Астанада", "labels": ["GPE"]},
            ],
        },
    ]
    path = write(tmp_path / "min.json", json.dumps(rows, ensure_ascii=False))
    assert import_paths(project, [path]).entities == 2
    out = tmp_path / "out.json"
    export_layer(
        project, ExportOptions(fmt="labelstudio", annotator="aigerim@example.kz", status="all", out=str(out))
    )
    assert _spans_of_labelstudio(out) == Counter({("Бүгін", "DATE"): 1, ("Астанада", "GPE"): 1})
    again = _fresh(tmp_path, "again")
    try:
        assert import_paths(again, [out]).entities == 2
    finally:
        again.close()


# -- KazNERD validation, converted to each tool's shape -------------------------------------------

KAZNERD_ENTITIES = 13_483


def _kaznerd() -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Each KazNERD validation sentence: its text and character spans."""
    if not KAZNERD.exists():
        pytest.skip(f"{KAZNERD} is not here (the shared development data)")
    for record in read_conll(KAZNERD, annotator="k"):
        if isinstance(record, SentenceRecord):
            spans = [
                (record.tokens[e.token_start].char_start, record.tokens[e.token_end - 1].char_end, e.label)
                for layer in record.layers
                for e in layer.entities
            ]
            yield record.text, spans


def _grouped(size: int) -> Iterator[tuple[int, str, list[tuple[int, int, str]]]]:
    """KazNERD's sentences in texts of ``size`` sentences (paragraphs), with their spans."""
    batch: list[tuple[str, list[tuple[int, int, str]]]] = []
    number = 0

    def joined() -> tuple[int, str, list[tuple[int, int, str]]]:
        parts, spans, pos = [], [], 0
        for text, own in batch:
            parts.append(text)
            spans += [(s + pos, e + pos, lab) for s, e, lab in own]
            pos += len(text) + 2
        return number, "\n\n".join(parts), spans

    for item in _kaznerd():
        batch.append(item)
        if len(batch) == size:
            number += 1
            yield joined()
            batch = []
    if batch:
        number += 1
        yield joined()


def _shape(kind: str, number: int, text: str, spans: list[tuple[int, int, str]]) -> Any:
    if kind == "doccano":
        return {
            "id": number,
            "text": text,
            "label": [list(s) for s in spans],
            "relations": [],
            "Comments": [],
        }
    if kind == "labelstudio":
        result = [
            {
                "type": "labels",
                "from_name": "label",
                "to_name": "text",
                "value": {"start": s, "end": e, "text": text[s:e], "labels": [lab]},
            }
            for s, e, lab in spans
        ]
        return {"id": number, "data": {"text": text}, "annotations": [{"completed_by": 1, "result": result}]}
    return {
        "id": number,
        "text": text,
        "annotator": 1,
        "label": [{"start": s, "end": e, "text": text[s:e], "labels": [lab]} for s, e, lab in spans],
    }


@pytest.mark.slow  # about 25 s for the three: part of make test, not of make quick
@pytest.mark.parametrize("kind", ["doccano", "labelstudio", "json-min"])
def test_kaznerd_validation_through_each_tool_keeps_its_13483_entities(tmp_path: Path, kind: str) -> None:
    items = [_shape(kind, n, text, spans) for n, text, spans in _grouped(50)]
    assert sum(len(s) for *_, s in _grouped(50)) == KAZNERD_ENTITIES
    if kind == "doccano":
        path = write(tmp_path / "kaznerd.jsonl", "\n".join(json.dumps(i, ensure_ascii=False) for i in items))
    else:
        path = write(tmp_path / "kaznerd.json", json.dumps(items, ensure_ascii=False))
    first, again = _fresh(tmp_path, "first"), _fresh(tmp_path, "again")
    try:
        owner = "k" if kind == "doccano" else "labelstudio-1"
        assert import_paths(
            first, [path], ImportOptions(annotator="k" if kind == "doccano" else None)
        ).entities == (KAZNERD_ENTITIES)
        out = tmp_path / "out.json"
        export_layer(first, ExportOptions(fmt="labelstudio", annotator=owner, status="all", out=str(out)))
        assert sum(_spans_of_labelstudio(out).values()) == KAZNERD_ENTITIES
        assert import_paths(again, [out]).entities == KAZNERD_ENTITIES
    finally:
        first.close()
        again.close()


def _spans_of_doccano(path: Path) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        found.update((obj["text"][s:e], lab) for s, e, lab in obj["label"])
    return found


def test_doccano_export_reads_back_with_every_entity_and_again_byte_identical(
    project: Project, tmp_path: Path
) -> None:
    path = write(tmp_path / "doccano.jsonl", "\n".join(json.dumps(o, ensure_ascii=False) for o in DOCCANO))
    import_paths(project, [path], ImportOptions(annotator="d"))
    out = tmp_path / "out.jsonl"
    stale = write(tmp_path / "out.documents.jsonl", '{"document": "doccano", "assignees": ["x"]}\n')
    summary = export_layer(project, ExportOptions(fmt="doccano", annotator="d", status="all", out=str(out)))
    assert summary.notes() == [
        "removed out.documents.jsonl, the document lines of an earlier export to this name"
    ]
    assert not stale.exists()
    first_line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first_line == {
        "text": "Бүгін Астанада жиын өтті.",
        "label": [[0, 5, "DATE"], [6, 14, "GPE"]],
        "Comments": [],
        "document": "doccano",
        "annotator": "d",
    }
    assert _spans_of_doccano(out) == Counter(
        [
            ("Бүгін", "DATE"),
            ("Астанада", "GPE"),
            ("Н. Назарбаев", "PERSON"),
            ("Алматы", "GPE"),
            ("Ертең", "DATE"),
        ]
    )
    again = _fresh(tmp_path, "again")
    try:
        back = import_paths(again, [out])  # the owner and the document come from the lines
        assert (back.documents_added, back.sentences, back.entities) == (1, 4, 5)
        out2 = tmp_path / "out2.jsonl"
        export_layer(again, ExportOptions(fmt="doccano", annotator="d", status="all", out=str(out2)))
        assert out2.read_bytes() == out.read_bytes()
    finally:
        again.close()


@pytest.mark.slow  # about 20 s: part of make test, not of make quick
def test_kaznerd_validation_through_the_doccano_export_keeps_its_13483_entities(tmp_path: Path) -> None:
    if not KAZNERD.exists():
        pytest.skip(f"{KAZNERD} is not here (the shared development data)")
    first, again = _fresh(tmp_path, "first"), _fresh(tmp_path, "again")
    try:
        assert import_paths(first, [KAZNERD], ImportOptions(annotator="k")).entities == KAZNERD_ENTITIES
        out = tmp_path / "kaznerd.jsonl"
        export_layer(first, ExportOptions(fmt="doccano", annotator="k", status="all", out=str(out)))
        assert sum(_spans_of_doccano(out).values()) == KAZNERD_ENTITIES
        assert import_paths(again, [out]).entities == KAZNERD_ENTITIES
    finally:
        first.close()
        again.close()
