"""The window's upkeep in the background: an edit never waits for a backup, closing stops a backup
without leaving a half file, and damage found by the full check is a warning naming the file and
the command that restores the newest backup."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.services import search_index
from annotator.store import Project, safety, sentence_search
from tests import stored
from tests.gui.conftest import press
from tests.store.test_integrity import damage

pytestmark = pytest.mark.timeout(60)


def _file(project: Project) -> Path:
    return Path(project.url.removeprefix("sqlite:///"))


def test_a_key_is_stored_and_shown_while_its_backup_is_still_blocked(
    open_window: Callable[[str], AnnotationWindow], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    w = open_window("a")
    release, began = threading.Event(), threading.Event()

    def blocked(project: Project, stop: threading.Event | None = None, _pause: float = 0.0) -> Path | None:
        began.set()
        assert release.wait(30), "the test never released the backup"
        return safety.backup_file(_file(project), stop=stop)

    monkeypatch.setattr("annotator.services.backups.projects.rolling_backup", blocked)
    w.session.backup_every = 1
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    press(w.tokens, Qt.Key.Key_5)
    assert began.wait(10)
    assert [e[-1] for e in stored.entities(w.project, "a")] == ["DATE"]  # stored, the backup still waits
    assert w.current is not None and [e.label for e in w.current.entities] == ["DATE"]
    assert w.status_saved.text().startswith("saved ")
    assert not any("backed up" in line for line in said)
    release.set()
    qtbot.waitUntil(lambda: any(line.startswith("backed up to ") for line in said), timeout=20_000)
    (backup,) = projects.backups(str(_file(w.project)))
    assert backup.is_file()


class _Slow(threading.Event):
    """The stop flag of a copy, wrapped so that each step takes a while (a big project's copy)."""

    def __init__(self, inner: threading.Event | None, began: threading.Event):
        super().__init__()
        self.inner, self.began = inner, began

    def is_set(self) -> bool:
        self.began.set()
        threading.Event().wait(0.02)
        return self.inner is not None and self.inner.is_set()


def test_closing_the_window_stops_a_running_backup_and_leaves_no_file(
    open_window: Callable[[str], AnnotationWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window("a")
    began = threading.Event()
    real = projects.rolling_backup
    monkeypatch.setattr(safety, "STEP_PAGES", 1)
    monkeypatch.setattr(
        "annotator.services.backups.projects.rolling_backup",
        lambda project, stop=None, pause=0.0: real(project, _Slow(stop, began), pause),
    )
    folder = safety.backup_dir(_file(w.project))
    assert w.session.backups.at_start()
    assert began.wait(10) and w.runner.upkeep.workers, "the copy runs"
    w.close()  # returns once the copy stopped at its next step
    assert not w.runner.upkeep.workers or all(x.isFinished() for x in w.runner.upkeep.workers)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_damage_found_after_the_start_is_a_warning_with_the_restore_command(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    path = _file(w.project)
    backup = projects.rolling_backup(w.project)
    damage(path)
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    w.runner.upkeep.start()
    qtbot.waitUntil(lambda: w.runner.upkeep.warning is not None, timeout=20_000)
    box = w.runner.upkeep.warning
    assert box is not None and box.isVisible()
    assert str(path) in box.text() and f"annotator restore --db {path} {backup}" in box.text()
    assert any(line.startswith("⚠ ") and "damaged" in line for line in said)
    assert projects.backups(str(path)) == [backup], "no copy of the damage made at start"
    press(w.tokens, Qt.Key.Key_PageDown)  # the window still works: the warning is not modal to it


def test_a_sound_project_is_checked_then_backed_up_at_start(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    w.runner.upkeep.start()
    qtbot.waitUntil(lambda: any(line.startswith("backed up to ") for line in said), timeout=20_000)
    assert w.runner.upkeep.warning is None
    (backup,) = projects.backups(str(_file(w.project)))
    assert backup.is_file()


def test_the_sentences_an_import_left_waiting_are_indexed_after_the_start(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    assert search_index.waiting(w.project)  # the project's import left its sentences to the window
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    w.runner.upkeep.start()
    qtbot.waitUntil(lambda: not search_index.waiting(w.project), timeout=20_000)
    qtbot.waitUntil(lambda: "the search index holds every sentence now" in said, timeout=10_000)
    with w.project.reading() as s:
        assert sentence_search.has_index(s)
