"""Active seconds in JSONL: every exported sentence of a person's layer carries them, an import adds them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.model import GOLD, Layer, SentenceRecord
from annotator.formats.jsonl import read_jsonl
from annotator.formats.jsonl.annotations import seconds as line_seconds
from annotator.formats.jsonl.fields import Bad
from annotator.services import project as projects
from annotator.services.active_time import seconds_of
from annotator.services.importing import import_paths
from annotator.store import Project, active_time, assignments, queries
from tests.conftest import FIXTURES, dump, write
from tests.services.test_export import export, new_project

pytestmark = pytest.mark.timeout(120)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _sentence_ids(project: Project) -> list[int]:
    """Every sentence id in export order (documents by name, sentences by position)."""
    with project.reading() as s:
        docs = [d for d, _name, _n in assignments.document_sizes(s)]  # by name
        return [
            x.id for d in docs for x in sorted(queries.document_sentences(s, d), key=lambda x: x.position)
        ]


def _person(project: Project, name: str) -> int:
    with project.transaction() as s:
        return queries.ensure_annotator(s, name).id


def _add(project: Project, person: int, seconds: dict[int, float]) -> None:
    project.act_as(person)
    with project.transaction() as s:
        active_time.add_seconds(s, person, seconds)


def test_every_sentence_line_of_a_persons_export_carries_their_seconds(
    project: Project, tmp_path: Path
) -> None:
    projects.load_seeds(project)
    ids = _sentence_ids(project)
    a, b = _person(project, "a"), _person(project, "b")
    _add(project, a, {ids[0]: 12.34, ids[2]: 0.04})
    _add(project, a, {ids[0]: 3.0})  # added to what is there
    _add(project, b, {ids[1]: 99.0})  # another person's time is theirs only
    lines = [
        x for x in _lines(export(project, tmp_path / "a.jsonl", annotator="a", status="all")) if "text" in x
    ]
    assert len(lines) == len(ids)
    assert [x["seconds"] for x in lines[:4]] == [15.3, 0, 0, 0]
    assert all(x["seconds"] == 0 for x in lines[4:])
    assert list(lines[0])[4:7] == ["status", "comment", "seconds"]
    per_document = _lines(
        export(project, tmp_path / "d.jsonl", annotator="a", status="all", per_document=True)
    )
    assert [s["seconds"] for s in per_document[0]["sentences"][:2]] == [15.3, 0]


def test_the_gold_layer_exports_zero_seconds_and_an_import_passes_over_its_seconds(
    project: Project, tmp_path: Path
) -> None:
    with project.transaction() as s:
        project.act_as(queries.add_annotator(s, "boss", "reviewer").id)
    text = (FIXTURES / "example.jsonl").read_text(encoding="utf-8").replace('"aigerim"', '"gold"')
    import_paths(project, [write(tmp_path / "g.jsonl", text)])
    with project.reading() as s:
        gold = queries.find_annotator(s, GOLD)
    assert gold is not None and seconds_of(project, gold.id) == {}
    lines = [
        x for x in _lines(export(project, tmp_path / "gold.jsonl", gold=True, status="all")) if "text" in x
    ]
    assert [x["seconds"] for x in lines] == [0, 0]


def test_an_import_adds_the_seconds_to_what_the_person_has(project: Project, tmp_path: Path) -> None:
    projects.load_seeds(project)
    ids = _sentence_ids(project)
    a = _person(project, "a")
    _add(project, a, {ids[0]: 5.0})  # the window timed the sentence; nothing annotated in it yet
    exported = export(project, tmp_path / "a.jsonl", annotator="a", status="all")
    lines = _lines(exported)
    lines[0]["seconds"], lines[1]["seconds"] = 7.25, 2
    lines[2]["annotator"], lines[2]["seconds"] = "c", 4  # another annotator's line: theirs
    changed = write(
        tmp_path / "changed.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    )
    target = new_project(tmp_path / "other.sqlite")
    try:
        import_paths(target, [exported])
        assert seconds_of(target, _person(target, "a")) == {_sentence_ids(target)[0]: 5.0}
    finally:
        target.close()
    import_paths(project, [changed])
    assert seconds_of(project, a) == {ids[0]: 12.25, ids[1]: 2.0}
    assert seconds_of(project, _person(project, "c")) == {ids[2]: 4.0}


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("-1", "'seconds' must not be negative, not -1"),
        ('"12"', "'seconds' must be a number of seconds, not \"12\""),
        ("true", "'seconds' must be a number of seconds, not true"),
        ("null", "'seconds' must be a number of seconds, not null"),
        ("NaN", "'seconds' must be a number of seconds, not NaN"),
    ],
)
def test_a_bad_seconds_value_names_the_file_and_line_and_nothing_is_imported(
    project: Project, tmp_path: Path, value: str, problem: str
) -> None:
    good = '{"text": "Бірінші сөйлем.", "annotator": "a", "seconds": 3}'
    bad = f'{{"text": "Екінші сөйлем.", "annotator": "a", "seconds": {value}}}'
    path = write(tmp_path / "bad.jsonl", f"{good}\n{bad}\n")
    before = dump(project)
    with pytest.raises(InputError) as caught:
        import_paths(project, [path])
    message = str(caught.value)
    assert "\n" not in message and "bad.jsonl" in message and ":2" in message and problem in message
    assert dump(project) == before


def test_seconds_are_a_number_and_zero_when_absent() -> None:
    assert line_seconds({}) == 0.0 and line_seconds({"seconds": 2}) == 2.0
    with pytest.raises(Bad, match="number of seconds"):
        line_seconds({"seconds": [1]})


def test_the_reader_gives_the_layer_its_seconds(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.jsonl",
        '{"text": "Сөйлем.", "annotator": "a", "seconds": 8.5}\n{"text": "Тағы.", "seconds": 0}\n',
    )
    layers = [r.layers for r in read_jsonl(path) if isinstance(r, SentenceRecord)]
    assert layers == [(Layer("a", seconds=8.5),), ()]  # time alone makes a layer; none, no layer
    nobody = write(tmp_path / "n.jsonl", '{"text": "Үшінші.", "seconds": 4}\n')
    with pytest.raises(InputError, match=r"n\.jsonl.*1.*names no annotator"):
        list(read_jsonl(nobody))


def test_conll_and_brat_outputs_do_not_change_with_seconds(project: Project, tmp_path: Path) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    with project.reading() as s:
        a = queries.find_annotator(s, "aigerim")
    assert a is not None
    before = {
        fmt: export(project, tmp_path / f"1.{fmt}", fmt=fmt, annotator="aigerim", status="all")
        for fmt in ("conll", "brat")
    }
    _add(project, a.id, dict.fromkeys(_sentence_ids(project), 61.0))
    for fmt, first in before.items():
        again = export(project, tmp_path / f"2.{fmt}", fmt=fmt, annotator="aigerim", status="all")
        if fmt == "conll":
            assert again.read_bytes() == first.read_bytes()
        else:
            files = sorted(p.name for p in first.iterdir())
            assert files == sorted(p.name for p in again.iterdir())
            assert all((first / f).read_bytes() == (again / f).read_bytes() for f in files)
