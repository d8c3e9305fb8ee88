"""A window's upkeep in the background: its rolling backups, the full integrity check, and the
search index of the sentences an import left waiting (:mod:`annotator.services.search_index`).

Neither runs in the window's thread, so neither delays the start or an edit at any corpus size.
The session's :class:`~annotator.services.backups.Backups` decides when a backup is due and
hands the copy to :meth:`Upkeep.run` (a worker thread); what became of it is a status line, a
warning when it failed. :meth:`Upkeep.start` (called once the window shows) runs ``quick_check``,
then, on a sound file only (a copy of damage must never become the newest backup), makes the
start's backup when the newest one is older than the project's last change. Damage is a warning
naming the file and the command that restores the newest backup. Closing
the window stops both at their next step and waits for them (never a half file left).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox

from annotator.gui.language import shown, translate
from annotator.gui.workers import Worker, run_in_background
from annotator.services import project as projects
from annotator.services import search_index
from annotator.services.backups import BackupNews, Job
from annotator.services.session import EditingSession

STOP_WAIT_MS = 10_000  # a step of either is a few milliseconds; this is the bound at close


class Upkeep:
    """Runs a window's backups and its integrity check in worker threads, and says their news."""

    def __init__(self, window: QMainWindow, session: EditingSession, say: Callable[[str, bool], None]):
        self.window = window
        self.session = session
        self.say = say
        self.workers: list[Worker] = []
        self.warning: QMessageBox | None = None  # the damage warning, once shown
        self._stop = threading.Event()
        self._indexing = False
        session.backups.background = self.run
        session.backups.said.connect(self._backup_news)

    def run(self, job: Job, done: Callable[[Path | None], None], failed: Callable[[str], None]) -> None:
        """Run a backup's copy in a worker thread; ``done`` or ``failed`` are called in this one."""
        self._started(run_in_background(self.window, job, done, failed))

    def start(self) -> None:
        """Once the window shows: the full check, then (a sound file only, so that a copy of
        damage never becomes the newest backup) the start's backup when one is due."""
        project = self.session.project

        def check() -> str | None:
            return projects.integrity_problem(project, self._stop)

        self._started(run_in_background(self.window, check, self._checked, self._unchecked))

    def stop(self) -> None:
        """The window closes: stop what runs at its next step and wait for it (bounded)."""
        self.session.backups.stop()
        self._stop.set()
        for worker in list(self.workers):
            worker.wait(STOP_WAIT_MS)

    def _started(self, worker: Worker) -> None:
        self.workers.append(worker)
        worker.finished.connect(lambda: self.workers.remove(worker) if worker in self.workers else None)

    def _backup_news(self, news: BackupNews) -> None:
        self.say(news.line, news.failed)

    def index_search(self) -> None:
        """Index the sentences waiting for the search (after the start's check, after an import),
        in a worker, unless that runs already."""
        if self._indexing or self._stop.is_set():
            return
        self._indexing = True
        project = self.session.project

        def index() -> int:
            return search_index.index_waiting(project, self._stop)

        self._started(run_in_background(self.window, index, self._indexed, self._not_indexed))

    def _indexed(self, blocks: int) -> None:
        self._indexing = False
        if blocks and not self._stop.is_set():
            self.say(translate("Upkeep", "the search index holds every sentence now"), False)

    def _not_indexed(self, problem: str) -> None:
        self._indexing = False
        if not self._stop.is_set():
            self.say(
                translate("Upkeep", "the search index could not be filled: {problem}").format(
                    problem=problem
                ),
                True,
            )

    def _checked(self, problem: str | None) -> None:
        if self._stop.is_set():
            return
        if problem is None:
            self.session.backups.at_start()
            self.index_search()
            return
        self.say(problem, True)
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("Upkeep", "The project file is damaged"), shown(problem)
        )
        box.setParent(self.window, box.windowFlags())
        box.open()  # not modal to the application: the warning waits while the person decides
        self.warning = box

    def _unchecked(self, problem: str) -> None:
        if not self._stop.is_set():
            self.say(
                translate("Upkeep", "the project file could not be checked: {problem}").format(
                    problem=problem
                ),
                True,
            )
