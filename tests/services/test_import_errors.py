"""A refused import is one line naming the file and line, and the data stays exactly as it was:
a full disk, names too long for their columns, NUL and control characters, a killed connection.

PostgreSQL enforces the columns' lengths and refuses NUL; SQLite stores both. Both are refused on
both backends, before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import annotator.cli as cli
from annotator.core.errors import InputError, StoreError
from annotator.core.schema import default_schema_path, load_schema, parse_schema
from annotator.services.importing import import_paths
from annotator.store import Project, bulk, open_project
from tests.conftest import FIXTURES, PG_URL, dump, fill, postgres_database, small_disk, write

SENTENCE = "Алматы қаласында жиналыс өтті."
EXAMPLE = (FIXTURES / "example.conll").read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    """Run an import that must be refused with one line; return that line."""
    code, out, err = run(capsys, "import", "--db", db, *args)
    assert code == 1, out
    assert err.startswith("annotator: ") and err.count("\n") == 1, err
    return err


def jsonl(path: Path, *lines: dict[str, Any]) -> Path:
    return write(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


def count(project: Project, table: str) -> int:
    with project.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# -- a full disk (SQLite: a PostgreSQL data directory cannot be shrunk for a test) -----------------


@pytest.mark.timeout(120)
def test_a_full_disk_during_an_import_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = jsonl(
        tmp_path / "big.jsonl",
        *({"document": f"d{i // 50}", "text": SENTENCE * 40, "annotator": "b"} for i in range(3000)),
    )
    with small_disk(tmp_path / "disk", megabytes=8) as disk:
        db = str(disk / "p.sqlite")
        assert run(capsys, "import", "--db", db, "--annotator", "a", str(FIXTURES / "example.conll"))[0] == 0
        project, _ = open_project(db)
        before = dump(project)
        project.close()
        filler = fill(disk, leave=512 * 1024)  # room to open the project, not for the import
        assert "the disk is full" in refused(capsys, db, str(big))
        filler.unlink()
        project, _ = open_project(db)
        assert dump(project) == before
        project.close()


@pytest.mark.timeout(300)
def test_an_import_that_creates_its_project_on_a_full_disk_is_one_line_and_leaves_no_wreck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever the free space, the import is done or refused with one line, and once there is room
    the same import succeeds: no half-made project file is left that could not be opened."""
    source = write(tmp_path / "in" / "ex.conll", EXAMPLE * 20)  # 40 documents, 60 sentences
    refusals = set()
    with small_disk(tmp_path / "disk", megabytes=4) as disk:
        db = str(disk / "new.sqlite")
        for free in range(0, 300 * 1024, 12 * 1024):
            for leftover in disk.iterdir():
                leftover.unlink()
            filler = fill(disk, leave=free)
            code, _, err = run(capsys, "import", "--db", db, "--annotator", "a", str(source))
            filler.unlink()
            if code:
                assert err.startswith("annotator: ") and err.count("\n") == 1, (free, err)
                refusals.add(err.split(":")[-1].strip()[:30])
            code, _, err = run(capsys, "import", "--db", db, "--annotator", "a", str(source))
            assert code == 0, (free, err)
            project, _ = open_project(db)
            assert (count(project, "documents"), count(project, "sentences")) == (40, 60), free
            project.close()
    assert refusals  # the disk was too full at least once


# -- names the columns cannot hold -------------------------------------------------------------


def test_names_too_long_for_their_columns_are_refused_at_their_line(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = project.url
    assert run(capsys, "import", "--db", db, str(jsonl(tmp_path / "first.jsonl", {"text": SENTENCE})))[0] == 0
    before = dump(project)
    line = {"document": "ok", "text": SENTENCE}
    doc = jsonl(tmp_path / "doc.jsonl", line, {"document": "д" * 256, "text": SENTENCE})
    assert f"{doc}:2: the document name 'дддд" in refused(capsys, db, str(doc))
    assert "is 256 characters long; the project holds at most 255" in refused(capsys, db, str(doc))
    who = jsonl(tmp_path / "who.jsonl", {**line, "annotator": "а" * 129, "status": "done"})
    assert f"{who}:1: the annotator name 'аааа" in refused(capsys, db, str(who))
    conll = write(tmp_path / "ex.conll", EXAMPLE)
    err = refused(capsys, db, "--annotator", "b" * 129, str(conll))
    assert err.startswith(f"annotator: {conll}:3: the annotator name 'bbbb")
    assert "is 129 characters long; the project holds at most 128" in err
    stem = write(tmp_path / ("s" * 251 + ".iob"), EXAMPLE)  # a 255-byte file name: documents s…s-0001
    err = refused(capsys, db, "--annotator", "b", str(stem))
    assert err.startswith(f"annotator: {stem}:3: the document name 'ssss") and "256 characters" in err
    assert dump(project) == before
    fits = jsonl(tmp_path / "fits.jsonl", {**line, "document": "д" * 255, "annotator": "а" * 128})
    assert run(capsys, "import", "--db", db, str(fits))[0] == 0  # the longest names that fit go in
    before = dump(project)
    other = jsonl(tmp_path / "other.jsonl", {"document": "д" * 255, "text": "Басқа мәтін."})
    err = refused(capsys, db, "--rename", str(other))
    assert f"{other}:1: the document name" in err and "257 characters" in err and "--rename" in err
    assert dump(project) == before


def test_a_schema_label_too_long_for_its_column_is_refused_where_a_file_uses_it(
    backend: str, tmp_path: Path
) -> None:
    long = "POSITION_" + "X" * 60
    source = default_schema_path().read_text(encoding="utf-8").replace('"POSITION"', f'"{long}"')
    project, _ = open_project(backend, create=True, schema=parse_schema(source))
    try:
        before = dump(project)
        path = jsonl(
            tmp_path / "long.jsonl",
            {"text": SENTENCE, "annotator": "a", "entities": [{"start": 0, "end": 6, "label": "GPE"}]},
            {"text": SENTENCE, "annotator": "a", "entities": [{"start": 0, "end": 6, "label": long}]},
        )
        with pytest.raises(InputError) as caught:
            import_paths(project, [path])
        message = str(caught.value)
        assert message.startswith(f"{path}:2: the entity label 'POSITION_XXX")
        assert message.endswith(
            "is 69 characters long; the project holds at most 64 (shorten it in the schema)"
        )
        assert dump(project) == before
    finally:
        project.close()


# -- NUL and control characters ----------------------------------------------------------------


def test_nul_and_control_characters_are_refused_with_file_and_line(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = project.url
    assert run(capsys, "import", "--db", db, "--annotator", "a", str(FIXTURES / "example.conll"))[0] == 0
    before = dump(project)
    ok = {"document": "fine", "text": SENTENCE}
    span = {"start": 0, "end": 6, "label": "GPE"}
    cases: list[tuple[dict[str, Any], str]] = [
        ({"document": "a\u0000b", "text": SENTENCE}, "'document' contains a NUL character (\\u0000)"),
        ({**ok, "annotator": "a\u0000", "status": "done"}, "'annotator' contains a NUL character"),
        ({"document": "d", "text": "Алматы\u0000 қаласы."}, "'text' contains a NUL character"),
        ({**ok, "annotator": "a", "comment": "x\u0000"}, "'comment' contains a NUL character"),
        ({**ok, "annotator": "a", "entities": [{**span, "label": "GPE\u0000"}]}, "'entities[0].label'"),
        ({"document": "a\tb", "text": SENTENCE}, "'document' 'a\\tb' contains a control character (U+0009)"),
        ({**ok, "annotator": "x\ny", "status": "done"}, "'annotator' 'x\\ny' contains a control character"),
        (
            {
                "document": "w",
                "text": SENTENCE,
                "annotator": "a\u0001",
                "sentences": [{"start": 0, "end": 6}],
            },
            "'annotator' 'a\\x01' contains a control character (U+0001) at position 2",
        ),
    ]
    for i, (line, message) in enumerate(cases):
        path = jsonl(tmp_path / f"case{i}.jsonl", ok, line)
        err = refused(capsys, db, str(path))
        assert err.startswith(f"annotator: {path}:2: ") and message in err, err
    conll = write(tmp_path / "bad\x01name.conll", EXAMPLE)
    err = refused(capsys, db, "--annotator", "b", str(conll))
    assert err.startswith(f"annotator: {conll}:3: the document name (from the file's name) ")
    assert "'bad\\x01name-0001'" in err
    assert "contains a control character (U+0001) at position 4" in err
    err = refused(capsys, db, "--annotator", "b\x03", str(write(tmp_path / "ex.conll", EXAMPLE)))
    assert "ex.conll:3: the annotator name 'b\\x03' contains a control character (U+0003)" in err
    err = refused(capsys, db, str(write(tmp_path / "t\x02.txt", SENTENCE + "\n")))
    assert "t\x02.txt:1: the document name 't\\x02' contains a control character (U+0002)" in err
    assert dump(project) == before


# -- what still reaches the database, and a killed connection ---------------------------------


def test_the_store_tells_a_value_it_cannot_hold_in_one_line(project: Project) -> None:
    before = dump(project)
    if not project.is_sqlite:  # SQLite stores both
        for name, message in (("x" * 300, "too long for the database"), ("a\x00b", "cannot store a NUL")):
            with pytest.raises(StoreError, match=message) as caught, project.transaction() as s:
                bulk.insert_document(s, name, "", "text", "0" * 64)
            assert "\n" not in str(caught.value)
    # psycopg2 refuses a NUL with a plain ValueError: told the same way; any other error passes as it is
    with pytest.raises(StoreError, match="cannot store a NUL"), project.transaction():
        raise ValueError("A string literal cannot contain NUL (0x00) characters.")
    with pytest.raises(ValueError, match=r"^unrelated$"), project.transaction():
        raise ValueError("unrelated")
    assert dump(project) == before


@pytest.mark.timeout(60)
def test_a_connection_killed_during_an_import_is_one_line_and_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = jsonl(
        tmp_path / "big.jsonl",
        *({"document": f"d{i // 50}", "text": SENTENCE, "annotator": "b"} for i in range(20000)),
    )
    assert big.stat().st_size > 1 << 21  # read in several blocks: the kill comes between two
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=load_schema(default_schema_path()))
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        killed: list[int] = []

        class Killer:
            """A progress bar that, when first told of progress, ends the importing connection."""

            def __init__(self, label: str, **options: object) -> None:
                pass

            def __call__(self, done: int, total: int) -> None:
                if not killed:
                    with admin.connect() as conn:
                        killed.append(
                            conn.execute(
                                text(
                                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    "WHERE datname = :db AND state LIKE 'idle in transaction%'"
                                ),
                                {"db": make_url(url).database},
                            ).scalar_one()
                        )

            def close(self) -> None:
                pass

        try:
            example = str(FIXTURES / "example.conll")
            assert run(capsys, "import", "--db", url, "--annotator", "a", example)[0] == 0
            before = dump(project)
            monkeypatch.setattr("annotator.terminal.ProgressBar", Killer)  # the import command's bar
            err = refused(capsys, url, str(big))
            assert killed == [1]
            assert "the database cannot be reached" in err
            assert dump(project) == before  # not a sentence of the half-read file
        finally:
            project.close()
            admin.dispose()
