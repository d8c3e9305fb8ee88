"""Rolling backups in steps inside one read snapshot, in the background: sound copies holding the
edits, skipped while the newest holds everything, never waited for by an edit, stopped cleanly."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services.annotation_session import AnnotationSession
from annotator.services.backups import BackupNews, Backups, Job
from annotator.services.session import Result
from annotator.store import Project, queries, safety

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def made(tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "p.sqlite"
    project = projects.create(str(path), seeds=True)
    yield project
    project.close()


def _file(project: Project) -> Path:
    return Path(project.url.removeprefix("sqlite:///"))


def _session(project: Project) -> AnnotationSession:
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
    session = AnnotationSession(project, me)
    assert session.start() is not None
    return session


def _labels(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return sorted(label for (label,) in con.execute("SELECT label FROM entities"))
    finally:
        con.close()


def _age(path: Path) -> None:
    """Make the project's file look older than anything made now (file times are coarse)."""
    past = time.time() - 60
    for p in (path, Path(f"{path}-wal")):
        if p.exists():
            os.utime(p, (past, past))


def test_the_start_backup_is_a_sound_copy_holding_the_edits(made: Project) -> None:
    session = _session(made)
    view = session.view
    assert view is not None
    assert session.execute(c.AddEntity(view.id, session.person.id, 0, 1, "PERSON")).stored
    news: list[BackupNews] = []
    session.backups.said.connect(news.append)
    assert session.backups.at_start()
    (backup,) = projects.backups(str(_file(made)))
    assert _labels(backup) == ["PERSON"]
    assert news == [BackupNews(f"backed up to {backup}", False)]


def test_the_start_backup_is_skipped_while_the_newest_holds_every_change(made: Project) -> None:
    path = _file(made)
    _age(path)
    backups = Backups(made)
    assert backups.at_start()
    assert not backups.at_start(), "nothing changed since the newest backup"
    session = _session(made)
    view = session.view
    assert view is not None
    session.execute(c.AddEntity(view.id, session.person.id, 0, 1, "PERSON"))
    assert backups.at_start(), "an edit since the newest backup"
    assert len(projects.backups(str(path))) == 2


class _CommitsOnce(threading.Event):
    """A stop flag that, the first time the copy looks at it, commits an edit from another
    connection: the edit lands between two steps of the copy."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.looked = 0

    def is_set(self) -> bool:
        self.looked += 1
        if self.looked == 1:
            con = sqlite3.connect(self.path)
            con.execute("UPDATE project_meta SET value = value || ' changed' WHERE key = 'name'")
            con.execute("INSERT INTO project_meta (key, value) VALUES ('during', 'the copy')")
            con.commit()
            con.close()
        return super().is_set()


def test_an_edit_between_two_steps_neither_restarts_the_copy_nor_enters_it(
    made: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(made)
    monkeypatch.setattr(safety, "STEP_PAGES", 1)  # many steps, even for the seeds
    stop = _CommitsOnce(path)
    backup = safety.backup_file(path, stop=stop)
    pages = sqlite3.connect(backup).execute("PRAGMA page_count").fetchone()[0]
    assert stop.looked >= pages - 1, "one step per page, none of them again"
    con = sqlite3.connect(backup)
    assert con.execute("SELECT value FROM project_meta WHERE key = 'during'").fetchone() is None
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with made.reading() as s:
        assert queries.get_meta(s, "during") == "the copy"


class _StopsAfter(threading.Event):
    def __init__(self, steps: int):
        super().__init__()
        self.steps = steps

    def is_set(self) -> bool:
        self.steps -= 1
        return self.steps < 0


def test_a_stopped_backup_leaves_no_file(made: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(made)
    monkeypatch.setattr(safety, "STEP_PAGES", 1)
    with pytest.raises(ProjectError, match="stopped"):
        projects.rolling_backup(made, _StopsAfter(3))
    folder = safety.backup_dir(path)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_an_edit_returns_before_its_backup_finishes(made: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    release, began = threading.Event(), threading.Event()

    def slow(project: Project, stop: threading.Event | None = None, _pause: float = 0.0) -> Path | None:
        began.set()
        assert release.wait(30), "the test never released the backup"
        return safety.backup_file(_file(project), stop=stop)

    monkeypatch.setattr("annotator.services.backups.projects.rolling_backup", slow)
    threads: list[threading.Thread] = []
    news: list[BackupNews] = []

    def in_a_thread(job: Job, done: Callable[[Path | None], None], failed: Callable[[str], None]) -> None:
        thread = threading.Thread(target=lambda: done(job()))
        threads.append(thread)
        thread.start()

    session = _session(made)
    session.backups.background = in_a_thread
    session.backups.said.connect(news.append)
    session.backup_every = 1
    view = session.view
    assert view is not None
    outcome = session.execute(c.AddEntity(view.id, session.person.id, 0, 1, "PERSON"))
    assert outcome.result is Result.STORED
    assert began.wait(10) and threads[0].is_alive() and news == []  # the edit did not wait for it
    assert session.execute(c.AddEntity(view.id, session.person.id, 2, 3, "GPE")).stored
    assert len(threads) == 1, "one backup at a time"
    release.set()
    threads[0].join(30)
    (backup,) = projects.backups(str(_file(made)))
    assert "PERSON" in _labels(backup)
    assert [n.failed for n in news] == [False]
