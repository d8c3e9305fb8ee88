"""The full integrity check run after the window opens: a sound file passes, damage is named with
the file and the command that restores the newest backup, a stopped check says nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from annotator.services import project as projects
from annotator.store import Project, integrity, open_project

pytestmark = pytest.mark.timeout(60)


def damage(path: Path) -> None:
    """Overwrite the cells of one index page of a closed or checkpointed SQLite project: the header
    and the schema stay readable (the project opens), ``quick_check`` finds the damage."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_sentences_1'")
    (page,) = root.fetchone()
    (size,) = con.execute("PRAGMA page_size").fetchone()
    con.close()
    with path.open("r+b") as f:
        f.seek(page * size - 600)
        f.write(b"\xff" * 600)


def test_a_sound_file_has_no_problem(seeded_file: Path) -> None:
    assert integrity.first_problem(seeded_file) is None


def test_a_damaged_page_is_the_first_problem(seeded_file: Path) -> None:
    damage(seeded_file)
    problem = integrity.first_problem(seeded_file)
    assert problem is not None and "page" in problem and "\n" not in problem


def test_the_warning_names_the_file_and_the_restore_command(seeded_file: Path) -> None:
    project, _ = open_project(seeded_file)
    try:
        (backup,) = [projects.rolling_backup(project)]
        assert projects.integrity_problem(project) is None
        damage(seeded_file)
        warning = projects.integrity_problem(project)
    finally:
        project.close()
    assert warning is not None
    assert str(seeded_file) in warning and "damaged" in warning
    assert f"annotator restore --db {seeded_file} {backup}" in warning


def test_a_stopped_check_says_nothing(seeded_file: Path) -> None:
    damage(seeded_file)
    stop = threading.Event()
    stop.set()
    assert integrity.first_problem(seeded_file, stop) is None


def test_a_postgresql_project_has_no_file_to_check() -> None:
    class Server:
        url = "postgresql://someone@localhost/corpus"

    assert projects.integrity_problem(Server()) is None  # type: ignore[arg-type]


@pytest.fixture
def seeded_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.sqlite"
    project: Project = projects.create(str(path), seeds=True)
    project.close()
    return path
