"""A window's edits: committed through the history, shown as saved only when they are, and every
failure said in words.

- An edit that commits turns the indicator green ("saved 14:02:11") and enters the undo history.
- An edit the store refuses (an overlap, a duplicate) is explained; nothing was meant to be stored.
- An edit the database could not take (a full disk, a broken connection) turns the indicator to
  "not saved", says what was lost and why, and reads the sentence again from the database, so
  what is shown is what is stored. When such failures keep coming, a dialog says so too.
- A write that waits for another writer shows a wait cursor and a line in the status bar, and the
  window keeps painting meanwhile (keys are held back until the wait ends).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from annotator.core.errors import AnnotatorError, StoreUnavailable
from annotator.gui.failures import log_file, logger
from annotator.services.commands import Command
from annotator.services.history import History
from annotator.store import Project

PERSISTS = 2  # this many failures in a row bring up a dialog, not only a status line
MAX_DEPTH = 3  # writes started while another waits (a timer, a finished import) that still paint
GREEN, RED = "color: #2e7d32;", "color: #c62828; font-weight: bold;"


class EditRunner:
    """Runs a window's edits, undos and redos, and keeps its saved indicator true."""

    def __init__(
        self,
        window: QMainWindow,
        project: Project,
        reread: Callable[[int], None],
        shown: Callable[[int], object],
        changed: Callable[[int], None],
    ):
        self.window = window
        self.project = project
        self.history = History(project)
        self.reread = reread  # shows a sentence again from the database; raises AnnotatorError if it cannot
        self.shown = shown  # what the window shows of a sentence now (None when it does not show it)
        self.changed = changed  # after every stored edit, undo or redo: the window shows that sentence
        self.indicator = QLabel("all saved")
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.streak = 0
        self.box: QMessageBox | None = None
        self._waiting = False
        self._depth = 0

    # -- the three ways to change the data -----------------------------------------------------
    def execute(self, command: Command) -> bool:
        """Apply and commit an edit; True when it is stored (and on the undo history)."""
        return self._run("do", command, lambda: self.history.execute(command)) is not None

    def undo(self) -> Command | None:
        """Undo the last edit; the command undone, or None (nothing to undo, or it failed)."""
        return self._again("undo", self.history.next_undo, self.history.undo)

    def redo(self) -> Command | None:
        """Redo the last undone edit; the command redone, or None."""
        return self._again("redo", self.history.next_redo, self.history.redo)

    def _again(self, kind: str, command: Command | None, step: Callable[[], object]) -> Command | None:
        if command is None:
            self.say(f"nothing to {kind}")
            return None
        return self._run(kind, command, step)

    def guard(self, slot: Callable[[], object]) -> Callable[[], None]:
        """``slot`` for a key or menu action: a project that cannot be read is said, not raised."""

        def guarded() -> None:
            try:
                slot()
            except AnnotatorError as exc:
                self.say(str(exc), error=True)

        return guarded

    def _run(self, kind: str, command: Command, step: Callable[[], object]) -> Command | None:
        what = command.text if kind == "do" else f"{kind} “{command.text}”"
        sentence_id = command.sentence_id
        before = self.shown(sentence_id)
        try:
            with self.patience():
                step()
        except StoreUnavailable as exc:
            if exc.uncertain and self._landed(sentence_id, before):
                if kind == "do":
                    self.history.record(command)
                else:
                    self.history.settle(undone=kind == "undo")
                self.saved()
                self.say(f"the connection broke while saving “{what}”, but the project holds it: saved")
                self.changed(sentence_id)
                return command
            self.not_saved(what, str(exc), sentence_id)
            return None
        except AnnotatorError as exc:  # refused by the store: the database holds what is shown
            if kind == "do":
                self.say(str(exc), error=True)
            else:
                self.history.drop(undone=kind == "redo")
                self.say(f"could not {what}: {exc}; it is taken off the history", error=True)
            return None
        except Exception as exc:  # a defect: logged with its traceback, never silent
            logger().exception("not saved: %s", what)
            self.not_saved(what, f"{type(exc).__name__}: {exc}", sentence_id)
            return None
        self.saved()
        self.changed(sentence_id)
        return command

    def _landed(self, sentence_id: int, before: object) -> bool:
        """After a lost COMMIT answer: read the sentence back; did the edit change it?"""
        if before is None:
            return False  # not shown before the edit: nothing to compare with
        try:
            self.reread(sentence_id)
        except AnnotatorError:
            return False  # the project cannot be read: not known to be stored
        after = self.shown(sentence_id)
        return after is not None and after != before

    # -- what the window shows -----------------------------------------------------------------
    def saved(self) -> None:
        """The last edit is stored (a warning of an earlier failure no longer stands in the status bar)."""
        if self.streak:
            self.say("saved: the project takes edits again")
        self.streak = 0
        self.indicator.setText(f"saved {time.strftime('%H:%M:%S')}")
        self.indicator.setStyleSheet(GREEN)
        self.indicator.setToolTip("every edit shown is stored in the project")

    def not_saved(self, what: str, reason: str, sentence_id: int | None) -> None:
        """An edit the database did not take: say so everywhere, and show what is really stored."""
        self.streak += 1
        logger().warning("not saved: %s: %s", what, reason)
        self.indicator.setText("not saved")
        self.indicator.setStyleSheet(RED)
        self.indicator.setToolTip(f"not saved: {what}: {reason}")
        after = ""
        if sentence_id is not None:
            try:
                self.reread(sentence_id)
                after = "; the sentence shows what the project holds"
            except AnnotatorError as exc:
                after = f"; the project cannot be read either ({exc}), so the sentence may be out of date"
        message = f"not saved: {what}: {reason}{after}"
        self.say(message, error=True)
        if self.streak >= PERSISTS:
            self.dialog("Not saved", f"{message}.\n\nDetails are in {log_file()}.")

    def report_failure(self, summary: str) -> None:
        """An unexpected failure somewhere in the window (from the failure reporter)."""
        self.streak += 1
        self.say(f"something went wrong: {summary} (details in {log_file()})", error=True)
        if self.streak >= PERSISTS:
            self.dialog("Something went wrong", f"{summary}\n\nDetails are in {log_file()}.")

    def dialog(self, title: str, text: str) -> None:
        """A warning the annotator must dismiss; it does not stop the window (one at a time)."""
        if self.box is None:  # one box per window, shown again (not one more child per warning)
            ok = QMessageBox.StandardButton.Ok
            self.box = QMessageBox(QMessageBox.Icon.Warning, title, text, ok, self.window)
            self.box.setWindowModality(Qt.WindowModality.WindowModal)
            self.box.finished.connect(self._after_dialog)
        self.box.setWindowTitle(title)
        self.box.setText(text)
        if not self.box.isVisible():
            self.box.open()

    def _after_dialog(self, _result: int = 0) -> None:
        """The keyboard goes back to the window (and its sentence) once the warning is dismissed."""
        self.window.activateWindow()
        back = getattr(self.window, "back_to_sentence", None)
        if callable(back):
            back()

    def say(self, message: str, error: bool = False) -> None:
        """A one-line message in the status bar."""
        self.window.statusBar().showMessage(("⚠ " if error else "") + message, 8000)

    # -- waiting for another writer ------------------------------------------------------------
    @contextmanager
    def patience(self) -> Iterator[None]:
        """Writes inside show that they wait for the database instead of freezing the window."""
        previous = self.project.waiting
        self.project.waiting = self._wait
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self.project.waiting = previous
            if self._waiting and self._depth == 0:  # the outermost write is done waiting
                self._waiting = False
                QApplication.restoreOverrideCursor()
                self.window.statusBar().clearMessage()

    @contextmanager
    def without_waiting(self) -> Iterator[None]:
        """A write inside that finds another writer at work gives up (StoreUnavailable) after 0.1 s.

        For what reading does on the side (remembering the position): moving to a sentence is a
        read and never waits for a writer; what was not stored is stored the next time.
        """
        previous = self.project.waiting
        self.project.waiting = _give_up
        try:
            yield
        finally:
            self.project.waiting = previous

    def _wait(self, seconds: float) -> None:
        app = QApplication.instance()
        if app is None or QThread.currentThread() != app.thread():
            time.sleep(0.05)  # another thread: just wait
            return
        if not self._waiting:
            self._waiting = True
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.window.statusBar().showMessage(
            f"waiting for the project: another program has been writing to it for {seconds:.0f} s …"
        )
        # The window repaints and timers run; keys and clicks wait. A timer or a finished worker
        # may start another write meanwhile: it waits the same way, a level deeper, with the
        # window still painting (MAX_DEPTH levels at most, then it just waits).
        if self._depth <= MAX_DEPTH:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 50)
        else:
            time.sleep(0.05)


def _give_up(seconds: float) -> None:
    """Told that a write waits for another writer: end the wait (``EditRunner.without_waiting``)."""
    raise StoreUnavailable("another program is writing to the project; it is stored at the next move")
