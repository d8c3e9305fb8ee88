"""A window's rolling backups, made in the background: one at start, then every so many edits.

A backup of a big project copies the whole file (610 MB at a million sentences), so it never runs
in the edit that makes it due, nor before the window shows: :class:`Backups` hands the copy to a
runner (``background``) and says what became of it when it ends (``said``). The window's runner
is a worker thread; without one (tests, tools) the copy runs in the caller. The copy is made in
steps inside one read snapshot (``store.safety.copy_database``), so edits go on meanwhile, and
:meth:`Backups.stop` ends it at its next step, leaving no half file. Qt-free.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.messages import message, text_of
from annotator.core.signals import Signal
from annotator.services import project as projects
from annotator.store import Project

BACKUP_EVERY = 300  # stored edits between two rolling backups (the window also makes one at start)
PAUSE_S = 0.02  # rest between two steps of a copy (4 MB each): the person's keys keep the machine

Job = Callable[[], Path | None]
# A runner: runs the job (in a worker thread, say) and then calls one of the two back, in the
# thread the window lives in: done with what the job returned, failed with the problem.
Runner = Callable[[Job, Callable[[Path | None], None], Callable[[str], None]], None]


def run_here(job: Job, done: Callable[[Path | None], None], failed: Callable[[str], None]) -> None:
    """The runner without threads: the job runs now, in the caller."""
    try:
        result = job()
    except AnnotatorError as exc:
        failed(text_of(exc) or str(exc))
        return
    done(result)


@dataclass(frozen=True)
class BackupNews:
    """What became of a backup: the line to say, and whether it is a warning (it failed)."""

    line: str
    failed: bool


class Backups:
    """The rolling backup policy of one window, and the backup it runs (at most one at a time)."""

    def __init__(self, project: Project, every: int = BACKUP_EVERY, background: Runner = run_here):
        self.project = project
        self.every = every
        self.background = background
        self.edits_since = 0
        self.running = False
        self.said: Signal[BackupNews] = Signal()
        self._stop = threading.Event()

    def at_start(self) -> bool:
        """Start the start's backup unless the newest one holds everything already; True if started."""
        try:
            current = projects.backup_is_current(self.project)
        except OSError:  # the backups folder cannot be looked at: the copy will say why
            current = False
        return False if current else self._start()

    def after_edit(self) -> bool:
        """Count a stored edit; every ``every`` of them start a backup. True if one started."""
        self.edits_since += 1
        if self.edits_since < self.every or self.running:
            return False  # one already running holds nearly as much: the next edit tries again
        return self._start()

    def stop(self) -> None:
        """The window closes: a running backup ends at its next step (and leaves no file)."""
        self._stop.set()

    def _start(self) -> bool:
        if self._stop.is_set():
            return False
        self.edits_since = 0
        self.running = True
        self.background(self._job, self._done, self._failed)
        return True

    def _job(self) -> Path | None:
        return projects.rolling_backup(self.project, self._stop, PAUSE_S)

    def _done(self, where: Path | None) -> None:
        self.running = False
        if where is not None and not self._stop.is_set():
            self.said.emit(BackupNews(message("backed up to {where}", where=str(where)), False))

    def _failed(self, problem: str) -> None:
        self.running = False
        if not self._stop.is_set():  # stopped at close: nothing to say, and nothing was left
            self.said.emit(BackupNews(message("backup failed: {problem}", problem=problem), True))
