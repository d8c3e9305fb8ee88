"""Label shortcuts are checked at init and at every open; a stored schema can be shown and replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import default_schema_path
from tests.conftest import FIXTURES, write


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


DEFAULT = default_schema_path().read_text(encoding="utf-8")


def test_init_refuses_a_shortcut_that_takes_a_window_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = write(tmp_path / "bad.toml", DEFAULT.replace('shortcut = "2"', 'shortcut = "Ctrl+Z"', 1))
    db = tmp_path / "p.sqlite"
    code, _, err = run(capsys, "init", "--db", str(db), "--schema", str(bad))
    line = 23  # ORGANISATION's shortcut in resources/schema.toml
    assert DEFAULT.splitlines()[line - 1] == 'shortcut = "2"'
    assert code == 1
    said = "entity label 'ORGANISATION': shortcut 'Ctrl+Z' is already the key of 'undo' (undo)"
    assert err.strip() == f"annotator: {bad}:{line}: {said}"
    assert not db.exists()


def test_a_stored_schema_that_fails_the_check_is_refused_then_fixed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    assert run(capsys, "init", "--db", str(db))[0] == 0
    assert run(capsys, "import", "--db", str(db), "--annotator", "a", str(FIXTURES / "example.conll"))[0] == 0
    old = DEFAULT.replace('shortcut = "1"', 'shortcut = "T"', 1)  # as an earlier version accepted
    con = sqlite3.connect(db)
    con.execute("UPDATE project_meta SET value = ? WHERE key = 'schema'", (old,))
    con.commit()
    con.close()
    code, _, err = run(capsys, "stats", "--db", str(db))
    line = 17  # PERSON's shortcut
    assert old.splitlines()[line - 1] == 'shortcut = "T"'
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert (
        f"{db} (stored schema):{line}: entity label 'PERSON': shortcut 'T' is already the key of 'trigger'"
        in err
    )
    fix = f"annotator schema --db {db} --out FILE, fix FILE, then annotator schema --db {db} --replace FILE"
    assert f"(to fix it: {fix})" in err
    fixed = tmp_path / "fixed.toml"
    assert run(capsys, "schema", "--db", str(db), "--out", str(fixed))[0] == 0
    assert fixed.read_text(encoding="utf-8") == old
    fixed.write_text(old.replace('shortcut = "T"', 'shortcut = "1"', 1), encoding="utf-8")
    assert run(capsys, "schema", "--db", str(db), "--replace", str(fixed))[0] == 0
    code, out, _ = run(capsys, "stats", "--db", str(db), "--json")
    assert code == 0 and '"documents": 2' in out


def test_a_schema_that_drops_a_label_in_use_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    run(capsys, "init", "--db", str(db))
    run(capsys, "import", "--db", str(db), "--annotator", "a", str(FIXTURES / "example.conll"))
    start = DEFAULT.index('[[entities.label]]\nname = "PERSON"')
    end = DEFAULT.index("[[entities.label]]", start + 1)
    smaller = write(tmp_path / "smaller.toml", DEFAULT[:start] + DEFAULT[end:])
    code, _, err = run(capsys, "schema", "--db", str(db), "--replace", str(smaller))
    assert code == 1
    assert (
        err.strip()
        == f"annotator: {smaller}: the project's annotations use entity label PERSON, which this schema lacks"
    )
    code, out, _ = run(capsys, "schema", "--db", str(db))
    assert code == 0 and out == DEFAULT


def _project_with(tmp_path: Path, schema_text: str) -> tuple[Path, int, int]:
    """A project with the given schema and the example file; its path, annotator a and a sentence."""
    from annotator.store import open_project, queries

    db = tmp_path / "p.sqlite"
    schema = write(tmp_path / "schema.toml", schema_text)
    main(["init", "--db", str(db), "--schema", str(schema)])
    main(["import", "--db", str(db), "--annotator", "a", str(FIXTURES / "example.conll")])
    project, _ = open_project(db)
    with project.reading() as s:
        me = queries.find_annotator(s, "a")
        assert me is not None
        sentence = queries.document_sentences(s, queries.documents_overview(s)[0].id)[0].id
    project.close()
    return db, me.id, sentence


def test_a_schema_without_a_stance_level_in_use_or_with_overlaps_in_use_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from annotator.services import commands as c
    from annotator.store import open_project

    overlapping = DEFAULT.replace("allow_overlap = false", "allow_overlap = true")
    assert overlapping != DEFAULT
    db, me, sentence = _project_with(tmp_path, overlapping)
    project, _ = open_project(db)
    project.act_as(me)
    c.SetSentenceStance(sentence, me, "eu", "against").apply(project)
    c.AddEntity(sentence, me, 0, 3, "EVENT").apply(project)  # overlaps the example's own entities
    project.close()
    capsys.readouterr()
    documents_only = write(
        tmp_path / "doc.toml",
        overlapping.replace('levels = ["sentence", "document"]', 'levels = ["document"]'),
    )
    code, _, err = run(capsys, "schema", "--db", str(db), "--replace", str(documents_only))
    assert code == 1 and "use stance level sentence, which this schema lacks" in err
    code, _, err = run(capsys, "schema", "--db", str(db), "--replace", str(default_schema_path()))
    assert code == 1 and "pair(s) of entities overlap, which allow_overlap = false forbids" in err
    assert run(capsys, "schema", "--db", str(db))[1] == overlapping


def test_writing_the_schema_where_nothing_can_be_written_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    run(capsys, "init", "--db", str(db))
    code, _, err = run(capsys, "schema", "--db", str(db), "--out", str(tmp_path / "no" / "such" / "dir.toml"))
    assert code == 1
    where = tmp_path / "no" / "such" / "dir.toml"
    assert err == f"annotator: {where}: cannot write the schema there (No such file or directory)\n"
