"""Damaged, foreign, newer or read-only project files are refused untouched; backups restore."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import ProjectError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services import project as projects
from annotator.services.importing import import_paths
from annotator.store import open_project
from annotator.store.safety import list_backups
from tests.conftest import SEEDS, dump


def _made(path: Path) -> Path:
    project, _ = open_project(path, create=True, schema=load_schema(default_schema_path()))
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    project.close()
    return path


@pytest.fixture
def made(tmp_path: Path) -> Iterator[Path]:
    yield _made(tmp_path / "p.sqlite")


def _refused(path: Path, fragment: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=fragment):
        open_project(path)
    assert path.read_bytes() == before, "a refused file must be left exactly as it was"
    wal = Path(f"{path}-wal")  # a read-only look at a WAL file may leave an empty log, never content
    assert not wal.exists() or wal.stat().st_size == 0


def test_junk_empty_and_truncated_files_are_refused_untouched(tmp_path: Path, made: Path) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    _refused(junk, "not a SQLite database")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    _refused(empty, "empty")
    data = made.read_bytes()
    made.write_bytes(data[: len(data) // 2])
    _refused(made, "damaged")
    with pytest.raises(ProjectError, match="no project here"):
        open_project(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()


def test_a_foreign_sqlite_file_is_not_switched_to_wal(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('бауырсақ')")
    con.commit()
    con.close()
    _refused(other, "other tables")
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_project_from_a_newer_version_is_refused(made: Path) -> None:
    con = sqlite3.connect(made)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    _refused(made, "newer version of annotator")


def test_a_read_only_project_is_refused_with_a_reason(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made.chmod(0o444)
    if os.access(made, os.W_OK):  # root ignores permissions: stand in for the check
        monkeypatch.setattr("annotator.store.safety.os.access", lambda p, mode: Path(p) != made)
    _refused(made, "read-only")
    made.chmod(0o644)


def test_backup_and_restore_bring_back_exactly_what_was_backed_up(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = open_project(made)
    saved = dump(project)
    assert main(["backup", "--db", str(made)]) == 0
    (generation,) = list_backups(made)
    assert str(generation) in capsys.readouterr().out
    project.close()
    # The project is then damaged beyond opening; restore puts the backup back and keeps the wreck.
    data = made.read_bytes()
    made.write_bytes(data[:4096])
    assert main(["restore", "--db", str(made), str(generation)]) == 0
    assert "kept in" in capsys.readouterr().out
    project, _ = open_project(made)
    assert dump(project) == saved
    project.close()
    assert main(["restore", "--db", str(made), str(made.parent / "nothing.sqlite")]) == 1
    assert "no such backup file" in capsys.readouterr().err


def test_rolling_backups_keep_a_few_generations(made: Path) -> None:
    project, _ = open_project(made)
    for _ in range(7):
        projects.rolling_backup(project)
    project.close()
    kept = list_backups(made)
    assert len(kept) == 5
    for path in kept:
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_link_planted_while_a_backup_starts_redirects_nothing(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", encoding="utf-8")
    out = tmp_path / "copy.sqlite"
    unlink = Path.unlink

    def racing_unlink(self: Path, missing_ok: bool = False) -> None:
        # Another user, in a shared folder, plants a link at the name just freed.
        unlink(self, missing_ok=missing_ok)
        if self.name.endswith(".partial") and not self.is_symlink():
            self.symlink_to(victim)

    monkeypatch.setattr(Path, "unlink", racing_unlink)
    assert main(["backup", "--db", str(made), "--out", str(out)]) == 0
    monkeypatch.undo()
    assert victim.read_text(encoding="utf-8") == "not yours"
    project, _ = open_project(out)  # and the backup is a whole project
    assert dump(project)["documents"]
    project.close()
