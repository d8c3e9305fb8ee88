"""SQL that annotator did not write is refused: a project or backup holding a foreign trigger, view,
table or index (or one of annotator's own, changed) is neither opened nor restored, and stays
byte for byte as it was.

A trigger would run inside annotator's own writes: an import by one person could relabel another
person's entities, promote a user to reviewer or copy every document into a table of its own.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import ProjectError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import open_project
from annotator.store.migrate import current_revision, head_revision
from annotator.store.safety import backup_dir, backup_file, list_backups
from tests.conftest import FIXTURES, dump

LEGACY = FIXTURES / "legacy"
FOREIGN = {
    "trigger": (
        "x",  # named before the table it fills: what runs code is named first
        "CREATE TABLE loot (text TEXT); "
        "CREATE TRIGGER x AFTER INSERT ON entities BEGIN "
        "UPDATE entities SET label = 'PERSON' WHERE annotator_id <> NEW.annotator_id; "
        "UPDATE annotators SET role = 'reviewer' WHERE id = NEW.annotator_id; "
        "INSERT INTO loot SELECT text FROM documents; END",
    ),
    "view": ("everything", "CREATE VIEW everything AS SELECT name, text FROM documents"),
    "table": ("loot", "CREATE TABLE loot (text TEXT)"),
    "index": ("ix_loot", "CREATE INDEX ix_loot ON documents (text)"),
}
# Annotator's own objects, changed under their own names.
CHANGED = {
    "index": (
        "ix_sentence_status_annotator",
        "DROP INDEX ix_sentence_status_annotator; "
        "CREATE INDEX ix_sentence_status_annotator ON sentence_status (comment)",
    ),
    "table": ("documents", "ALTER TABLE documents ADD COLUMN stolen TEXT"),
}


def _hashes(path: Path) -> dict[str, str]:
    """The project file and its write-ahead log (when there is one with content), by name."""
    files = [path, Path(f"{path}-wal")]
    return {
        f.name: hashlib.sha256(f.read_bytes()).hexdigest()
        for f in files
        if f.exists() and (f == path or f.stat().st_size > 0)
    }


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A real project: the CoNLL example, annotated by a."""
    path = tmp_path / "p.sqlite"
    project, _ = open_project(path, create=True, schema=load_schema(default_schema_path()))
    import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="a"))
    project.close()
    return path


def _tamper(path: Path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.close()


def _refused(path: Path, kind: str, name: str) -> None:
    before = _hashes(path)
    with pytest.raises(ProjectError) as caught:
        open_project(path)
    message = str(caught.value)
    assert f'{kind} "{name}"' in message and "it was not opened" in message and "\n" not in message
    assert _hashes(path) == before, "a refused file is left byte for byte as it was"
    assert not backup_dir(path).exists(), "nothing was even backed up"


@pytest.mark.parametrize("kind", list(FOREIGN))
def test_a_project_with_foreign_sql_is_refused_untouched(made: Path, kind: str) -> None:
    name, sql = FOREIGN[kind]
    _tamper(made, sql)
    _refused(made, kind, name)


@pytest.mark.parametrize("kind", list(CHANGED))
def test_a_project_whose_own_objects_were_changed_is_refused(made: Path, kind: str) -> None:
    name, sql = CHANGED[kind]
    _tamper(made, sql)
    before = _hashes(made)
    with pytest.raises(ProjectError, match=f'{kind} "{name}" that differs from the one annotator created'):
        open_project(made)
    assert _hashes(made) == before


def test_foreign_sql_still_in_the_write_ahead_log_is_refused_and_the_log_kept(made: Path) -> None:
    """The trigger was written by a program that is still open: it is only in the -wal file yet."""
    con = sqlite3.connect(made)
    con.executescript(FOREIGN["trigger"][1])
    try:
        assert Path(f"{made}-wal").stat().st_size > 0
        _refused(made, "trigger", "x")
    finally:
        con.close()


def test_the_command_line_says_it_in_one_line(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(made, FOREIGN["trigger"][1])
    assert main(["stats", "--db", str(made)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f'annotator: {made}: the project holds a trigger "x" that annotator did not create; '
        "it was not opened\n"
    )


@pytest.mark.parametrize("kind", ["trigger", "view"])
def test_restoring_a_backup_with_foreign_sql_is_refused_and_the_project_kept(
    made: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    shutil.copyfile(made, bad)
    _tamper(bad, FOREIGN[kind][1])
    backup = backup_file(bad, tmp_path / "backup.sqlite")
    project, _ = open_project(made)
    rows = dump(project, activity=True)
    project.close()
    before = _hashes(made)
    assert main(["restore", "--db", str(made), str(backup)]) == 1
    err = capsys.readouterr().err
    assert f'the backup holds a {kind} "{FOREIGN[kind][0]}" that annotator did not create' in err
    assert len(err.splitlines()) == 1
    assert _hashes(made) == before and list_backups(made) == []
    project, _ = open_project(made)
    assert dump(project, activity=True) == rows
    project.close()


def test_a_clean_backup_still_restores(made: Path, tmp_path: Path) -> None:
    backup = backup_file(made, tmp_path / "backup.sqlite")
    assert main(["restore", "--db", str(made), str(backup)]) == 0
    project, _ = open_project(made)
    project.close()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_an_old_project_opens_and_one_with_foreign_sql_does_not(revision: str, tmp_path: Path) -> None:
    """The expected objects are those of the file's own revision: an old project is not foreign."""
    clean, bad = tmp_path / "clean.sqlite", tmp_path / "bad.sqlite"
    for path in (clean, bad):
        shutil.copyfile(LEGACY / f"r{revision}.sqlite", path)
    _tamper(bad, FOREIGN["trigger"][1])
    _refused(bad, "trigger", "x")
    project, _ = open_project(clean)
    assert current_revision(project.engine) == head_revision()
    project.close()
    project, _ = open_project(clean)  # and again, upgraded
    project.close()


def test_sqlites_own_statistics_are_not_foreign(made: Path) -> None:
    _tamper(made, "ANALYZE")
    project, _ = open_project(made)
    project.close()
