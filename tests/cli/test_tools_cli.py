"""doccano and Label Studio files through the command line: detected, summarised, refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from tests.conftest import write

TASKS = [
    {
        "id": 3,
        "data": {"text": "Бүгін Астанада жиын өтті. Оған Н. Назарбаев келді."},
        "annotations": [
            {
                "completed_by": 1,
                "result": [
                    {"type": "labels", "value": {"start": 6, "end": 14, "labels": ["GPE"]}},
                    {"type": "labels", "value": {"start": 31, "end": 43, "labels": ["PERSON"]}},
                ],
            },
            {"completed_by": 2, "was_cancelled": True, "result": []},
        ],
        "predictions": [{"result": []}],
    }
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_label_studio_json_is_detected_imported_and_exported_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    path = write(tmp_path / "project-1-at-2026.json", json.dumps(TASKS, ensure_ascii=False))
    code, out, err = run(capsys, "import", "--db", db, str(path))
    assert code == 0, err
    # 10 tokens: "Н." keeps its full stop (tokenizer version 2; version 1 made 11)
    assert "1 new document, 2 sentences, 10 tokens, 2 entities" in out
    assert f"note: {path}: 1 cancelled annotation not imported" in out
    assert f"note: {path}: 1 prediction not imported" in out
    code, out, err = run(
        capsys,
        "export",
        "--db",
        db,
        "--format",
        "labelstudio",
        "--annotator",
        "labelstudio-1",
        "--status",
        "all",
        "--out",
        "-",
    )
    assert code == 0, err
    (task,) = json.loads(out)
    assert [r["value"]["text"] for r in task["annotations"][0]["result"]] == ["Астанада", "Н. Назарбаев"]
    again = str(tmp_path / "again.sqlite")
    exported = write(tmp_path / "exported.json", out)
    code, out, err = run(capsys, "import", "--db", again, "--annotator", "bob", str(exported))
    assert code == 0, err
    assert "2 entities" in out and "note:" not in out


def test_doccano_export_with_relations_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    line = {
        "id": 1,
        "text": "Алматы қаласы. Ертең жаңбыр.",
        "entities": [{"id": 1, "label": "GPE", "start_offset": 0, "end_offset": 6}],
        "relations": [
            {"id": 1, "from_id": 1, "to_id": 1, "type": "x"},
            {"id": 2, "from_id": 1, "to_id": 1, "type": "y"},
        ],
        "Comments": [],
    }
    path = write(tmp_path / "all.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    code, out, err = run(capsys, "import", "--db", str(tmp_path / "p.sqlite"), "--annotator", "d", str(path))
    assert code == 0, err
    assert "2 sentences" in out and "1 entity" in out
    assert out.rstrip().endswith(f"note: {path}: 2 relations not imported (the project has no relations)")


def test_a_broken_label_studio_file_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = [
        {"id": 1, "data": {"text": "Алматы."}},
        {
            "id": 5,
            "data": {"text": "Алматы."},
            "annotations": [
                {
                    "completed_by": 1,
                    "result": [{"type": "labels", "value": {"start": 0, "end": 60, "labels": ["GPE"]}}],
                }
            ],
        },
    ]
    path = write(
        tmp_path / "bad.json", "[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in bad) + "\n]\n"
    )
    code, _, err = run(capsys, "import", "--db", str(tmp_path / "p.sqlite"), str(path))
    assert code == 1
    assert err.strip().splitlines() == [
        f"annotator: {path}:3: task 1 (id 5): "
        "annotations[0].result[0].value.start/end 0..60 lie outside the text (7 characters)"
    ]


def test_schema_gives_label_studios_config_for_the_projects_labels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    code, out, err = run(capsys, "schema", "--db", db, "--labelstudio")
    assert code == 0, err
    assert out.startswith('<View>\n  <Labels name="label" toName="text">\n    <Label value="PERSON"/>')
    assert out.count("<Label value=") == 25 and '<Text name="text" value="$text"/>' in out
    config = tmp_path / "config.xml"
    code, _, err = run(capsys, "schema", "--db", db, "--labelstudio", "--out", str(config))
    assert code == 0, err
    assert config.read_text(encoding="utf-8") == out
    code, _, err = run(capsys, "schema", "--db", db, "--labelstudio", "--replace", str(config))
    assert code == 1 and "does not go with --replace" in err
