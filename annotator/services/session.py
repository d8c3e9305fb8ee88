"""What every editing window holds except its widgets, Qt-free: the undo history, the three ways to
change the data (execute, undo, redo), what became of each, and the rolling backup policy.

An edit enters the history only once its transaction committed. Each of the three ways returns an
:class:`Outcome`, and a stored one tells ``changed`` listeners what changed, so views refresh
only that. The window shows outcomes (its saved indicator, the status bar); it decides nothing.

- stored: committed, on the history;
- landed: the connection broke while committing, but reading the sentence back shows the edit
  (so it is stored and on the history);
- refused: the store said no (an overlap, a duplicate, rows changed meanwhile); nothing was
  meant to be stored, and a refused undo or redo is taken off the history;
- not saved: the database could not take it (a full disk, a broken connection); the sentence is
  read again so that what is shown is what is stored;
- nothing: there was nothing to undo or redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from annotator.core.changes import NOTHING, Changes
from annotator.core.errors import AnnotatorError, StoreUnavailable
from annotator.core.messages import message, text_of
from annotator.core.signals import Signal
from annotator.services.backups import BACKUP_EVERY, Backups
from annotator.services.commands import Command
from annotator.services.history import History
from annotator.store import Project

__all__ = ["BACKUP_EVERY", "EditingSession", "Outcome", "Result"]


class Result(Enum):
    """What became of an edit, an undo or a redo."""

    STORED = "stored"
    LANDED = "landed"
    REFUSED = "refused"
    NOT_SAVED = "not saved"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Outcome:
    """The result of one edit, undo or redo, with what to say about it.

    ``what`` names it ("tag PER", "undo “tag PER”"); ``message`` is the line for the status bar
    (empty when a stored edit needs none); ``reason`` is why it was not saved; ``defect`` is an
    unexpected exception (to be logged with its traceback).
    """

    result: Result
    what: str
    command: Command | None = None
    changes: Changes = NOTHING
    message: str = ""
    reason: str = ""
    defect: BaseException | None = None
    alert: bool = False  # the message warns, though the edit is stored

    @property
    def stored(self) -> bool:
        """The edit is in the database (and on the history)."""
        return self.result in (Result.STORED, Result.LANDED)


class EditingSession:
    """The undo history of one window, the edits it runs, and its backup policy (``backups``:
    every ``backup_every`` stored edits a rolling backup starts in the background, see
    :mod:`annotator.services.backups`; the edit never waits for it).

    Subclasses say what they show of a sentence (``shown``), how to read it again (``reload``)
    and how to refresh after a stored edit (``after_edit``).
    """

    def __init__(self, project: Project, backup_every: int = BACKUP_EVERY):
        self.project = project
        self.history = History(project)
        self.backups = Backups(project, backup_every)
        self.committed: Signal[str] = Signal()  # an edit is stored (its name), before views refresh
        self.changed: Signal[Changes] = Signal()  # after every stored edit, undo or redo
        self.said: Signal[str] = Signal()  # a line a view should show (a backup made, a refresh failed)

    # -- the three ways to change the data -----------------------------------------------------
    def execute(self, command: Command) -> Outcome:
        """Apply and commit an edit; stored edits enter the undo history."""
        return self._run("do", command, lambda: self.history.execute(command))

    def undo(self) -> Outcome:
        """Undo the last edit in a new transaction."""
        command = self.history.next_undo
        if command is None:
            return Outcome(Result.NOTHING, message("undo"), message=message("nothing to undo"))
        return self._run("undo", command, lambda: self.history.undo() or NOTHING)

    def redo(self) -> Outcome:
        """Redo the last undone edit."""
        command = self.history.next_redo
        if command is None:
            return Outcome(Result.NOTHING, message("redo"), message=message("nothing to redo"))
        return self._run("redo", command, lambda: self.history.redo() or NOTHING)

    def _run(self, kind: str, command: Command, step: Callable[[], Changes]) -> Outcome:
        what = command.text
        if kind != "do":
            what = (
                message("undo “{what}”", what=what) if kind == "undo" else message("redo “{what}”", what=what)
            )
        before = self.shown(command.sentence_id)
        try:
            changes = step()
        except StoreUnavailable as exc:
            if exc.uncertain and self._landed(command.sentence_id, before):
                if kind == "do":
                    self.history.record(command)
                else:
                    self.history.settle(undone=kind == "undo")
                said = message(
                    "the connection broke while saving “{what}”, but the project holds it: saved", what=what
                )
                return self._stored(Result.LANDED, what, command, command.changes(), said)
            return self._not_saved(what, text_of(exc) or str(exc), command.sentence_id)
        except AnnotatorError as exc:  # refused by the store: the database holds what is shown
            if kind == "do":
                return Outcome(Result.REFUSED, what, command, message=text_of(exc) or str(exc))
            self.history.drop(undone=kind == "redo")
            problem = text_of(exc) or str(exc)
            said = message(
                "could not {what}: {problem}; it is taken off the history", what=what, problem=problem
            )
            return Outcome(Result.REFUSED, what, command, message=said)
        except Exception as exc:  # a defect: the window logs it with its traceback, never silent
            return self._not_saved(what, f"{type(exc).__name__}: {exc}", command.sentence_id, exc)
        return self._stored(Result.STORED, what, command, changes, "")

    def _stored(self, result: Result, what: str, command: Command, changes: Changes, message: str) -> Outcome:
        self.committed.emit(what)
        self.after_edit(command, changes)
        self.changed.emit(changes)
        self.backups.after_edit()  # started in the background, said when it ends
        return Outcome(result, what, command, changes, message=message)

    def _not_saved(
        self, what: str, reason: str, sentence_id: int, defect: BaseException | None = None
    ) -> Outcome:
        try:
            self.reload(sentence_id)
            said = message(
                "not saved: {what}: {reason}; the sentence shows what the project holds",
                what=what,
                reason=reason,
            )
        except AnnotatorError as exc:
            said = message(
                "not saved: {what}: {reason}; the project cannot be read either ({problem}), "
                "so the sentence may be out of date",
                what=what,
                reason=reason,
                problem=text_of(exc) or str(exc),
            )
        return Outcome(Result.NOT_SAVED, what, message=said, reason=reason, defect=defect)

    def _landed(self, sentence_id: int, before: object) -> bool:
        """After a lost COMMIT answer: read the sentence back; did the edit change it?"""
        if before is None:
            return False  # not shown before the edit: nothing to compare with
        try:
            self.reload(sentence_id)
        except AnnotatorError:
            return False  # the project cannot be read: not known to be stored
        after = self.shown(sentence_id)
        return after is not None and after != before

    # -- backups -------------------------------------------------------------------------------
    @property
    def backup_every(self) -> int:
        """Stored edits between two rolling backups."""
        return self.backups.every

    @backup_every.setter
    def backup_every(self, every: int) -> None:
        self.backups.every = every

    # -- what subclasses provide ---------------------------------------------------------------
    def shown(self, sentence_id: int) -> object:
        """What the window shows of a sentence's annotations now, or None when it does not show it."""
        return None

    def reload(self, sentence_id: int) -> None:
        """Read a sentence again from the database and show it; raises AnnotatorError if it cannot."""

    def after_edit(self, command: Command, changes: Changes) -> None:
        """After a stored edit, undo or redo: read again what the views show of ``changes``."""
