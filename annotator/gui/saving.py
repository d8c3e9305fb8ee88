"""A window's edits: committed through the history, shown as saved only when they are, and every
failure said in words.

- An edit that commits turns the indicator green ("saved 14:02:11") and enters the undo history.
- An edit the store refuses (an overlap, a duplicate) is explained; nothing was meant to be stored.
- An edit the database could not take (a full disk, a broken connection) turns the indicator to
  "not saved", says what was lost and why, and reads the sentence again from the database, so
  what is shown is what is stored. When such failures keep coming, a dialog says so too.
- A write that waits for another writer shows a wait cursor and a line in the status bar, and the
  window keeps painting meanwhile (keys are held back until the wait ends).
- Active annotation time (:class:`TimeKeeper`): the person's keys, clicks and wheel turns in the
  active window and the window's activation feed the session's timer; what it gathered is stored
  once the keys rest and when the window closes, never at a keystroke.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from annotator.core.errors import AnnotatorError, StoreUnavailable
from annotator.gui.failures import log_file, logger
from annotator.gui.language import shown, translate
from annotator.gui.upkeep import Upkeep
from annotator.services.annotation_session import AnnotationSession
from annotator.services.commands import Command
from annotator.services.session import EditingSession, Outcome, Result

PERSISTS = 2  # this many failures in a row bring up a dialog, not only a status line
MAX_DEPTH = 3  # writes started while another waits (a timer, a finished import) that still paint
GREEN, RED = "color: #2e7d32;", "color: #c62828; font-weight: bold;"
TIME_SAVE_MS = 3_000  # active time is stored this long after the last input (or activation change)
# A key that is a shortcut (a label, done, undo) reaches no widget as a KeyPress: only its
# ShortcutOverride, which every key press sends first, shows that the person pressed it.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)
ACTIVATION = {QEvent.Type.WindowActivate: True, QEvent.Type.WindowDeactivate: False}


class EditRunner:
    """Runs a window's edits, undos and redos through its session, and keeps its saved indicator true."""

    def __init__(self, window: QMainWindow, session: EditingSession):
        self.window = window
        self.session = session
        self.project = session.project
        self.indicator = QLabel(translate("Saving", "all saved"))
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.streak = 0
        self.box: QMessageBox | None = None
        self._waiting = False
        self._depth = 0
        session.committed.connect(lambda _what: self.saved())  # green before the views refresh
        self.upkeep = Upkeep(window, session, lambda line, error: self.say(line, error))  # backups

    # -- the three ways to change the data -----------------------------------------------------
    def execute(self, command: Command) -> bool:
        """Apply and commit an edit; True when it is stored (and on the undo history)."""
        return self.show(lambda: self.session.execute(command)).stored

    def undo(self) -> Command | None:
        """Undo the last edit; the command undone, or None (nothing to undo, or it failed)."""
        outcome = self.show(self.session.undo)
        return outcome.command if outcome.stored else None

    def redo(self) -> Command | None:
        """Redo the last undone edit; the command redone, or None."""
        outcome = self.show(self.session.redo)
        return outcome.command if outcome.stored else None

    def show(self, run: Callable[[], Outcome]) -> Outcome:
        """Run an edit, undo or redo (waiting patiently for a busy project) and show its outcome."""
        with self.patience():
            outcome = run()
        if outcome.stored:  # the indicator turned green at the commit (session.committed)
            if outcome.message:
                self.say(outcome.message, error=outcome.alert)
        elif outcome.result is Result.NOT_SAVED:
            if outcome.defect is not None:
                logger().error("not saved: %s", outcome.what, exc_info=outcome.defect)
            self.not_saved(outcome)
        elif outcome.message:
            self.say(outcome.message, error=outcome.result is Result.REFUSED)
        return outcome

    def guard(self, slot: Callable[[], object]) -> Callable[[], None]:
        """``slot`` for a key or menu action: a project that cannot be read is said, not raised."""

        def guarded() -> None:
            try:
                slot()
            except AnnotatorError as exc:
                self.say(shown(exc), error=True)

        return guarded

    # -- what the window shows -----------------------------------------------------------------
    def saved(self) -> None:
        """The last edit is stored (a warning of an earlier failure no longer stands in the status bar)."""
        if self.streak:
            self.say(translate("Saving", "saved: the project takes edits again"))
        self.streak = 0
        self.indicator.setText(translate("Saving", "saved {time}").format(time=time.strftime("%H:%M:%S")))
        self.indicator.setStyleSheet(GREEN)
        self.indicator.setToolTip(translate("Saving", "every edit shown is stored in the project"))

    def not_saved(self, outcome: Outcome) -> None:
        """An edit the database did not take: say so everywhere (the session showed what is stored)."""
        self.streak += 1
        logger().warning("not saved: %s: %s", outcome.what, outcome.reason)
        self.indicator.setText(translate("Saving", "not saved"))
        self.indicator.setStyleSheet(RED)
        tip = translate("Saving", "not saved: {what}: {reason}")
        self.indicator.setToolTip(tip.format(what=shown(outcome.what), reason=shown(outcome.reason)))
        self.say(outcome.message, error=True)
        if self.streak >= PERSISTS:
            details = translate("Saving", "{message}.\n\nDetails are in {log}.")
            self.dialog(
                translate("Saving", "Not saved"),
                details.format(message=shown(outcome.message), log=log_file()),
            )

    def report_failure(self, summary: str) -> None:
        """An unexpected failure somewhere in the window (from the failure reporter)."""
        self.streak += 1
        wrong = translate("Saving", "something went wrong: {summary} (details in {log})")
        self.say(wrong.format(summary=summary, log=log_file()), error=True)
        if self.streak >= PERSISTS:
            details = translate("Saving", "{message}\n\nDetails are in {log}.")
            self.dialog(
                translate("Saving", "Something went wrong"), details.format(message=summary, log=log_file())
            )

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
        """A one-line message in the status bar (a message from below the gui in the interface language)."""
        self.window.statusBar().showMessage(("⚠ " if error else "") + shown(message), 8000)

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
            translate(
                "Saving", "waiting for the project: another program has been writing to it for {n} s …"
            ).format(n=f"{seconds:.0f}")
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


class TimeKeeper(QObject):
    """Feeds the session's active timer from the window, and stores what it gathered (see the module).

    An application-level event filter sees the person's input wherever in the window it lands;
    the window's activation and deactivation start and stop the counting, so input while
    another window is active counts nothing.
    """

    def __init__(self, window: QMainWindow, session: AnnotationSession, runner: EditRunner):
        super().__init__(window)
        self.window, self.session, self.runner = window, session, runner
        self.rest = QTimer(self)  # the keys rest: store the time
        self.rest.setSingleShot(True)
        self.rest.setInterval(TIME_SAVE_MS)
        self.rest.timeout.connect(self.save)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        session.timer.window_active(window.isActiveWindow())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Pass every event on; an input in the active window, or its (de)activation, is timed."""
        kind = event.type()
        if kind in INPUT_EVENTS:  # input elsewhere (another window) counts nothing: this one is inactive
            self.session.timer.input()
            self.rest.start()
        elif kind in ACTIVATION and watched is self.window:
            self.session.timer.window_active(ACTIVATION[kind])
            self.rest.start()
        return False

    def save(self) -> None:
        """Store the time gathered; a busy project is not waited for (it stays pending for next time)."""
        try:
            with self.runner.without_waiting():
                self.session.save_time()
        except AnnotatorError as exc:
            logger().info("active time not stored yet: %s", exc)

    def close(self) -> None:
        """The window closes: stop counting and store everything, waiting for a busy project."""
        self.rest.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.session.timer.window_active(False)
        try:  # closing never fails: time that cannot be stored is logged
            with self.runner.patience():
                self.session.save_time()
        except Exception as exc:
            logger().warning("active time not stored at close: %s", exc)
