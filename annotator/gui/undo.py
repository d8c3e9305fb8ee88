"""QUndoCommand adapter over the Qt-free commands of :mod:`annotator.services.commands`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.services.commands import Command
from annotator.store import Project


class UndoEntry(QUndoCommand):
    """One edit on the undo stack. It was applied before being pushed, so the first redo is skipped."""

    def __init__(
        self,
        project: Project,
        command: Command,
        changed: Callable[[int], None],
        failed: Callable[[str], None],
    ):
        super().__init__(command.text)
        self.project = project
        self.command = command
        self.changed = changed
        self.failed = failed
        self.pushed = False

    def redo(self) -> None:
        """Apply again (not on the push itself: the edit is already committed)."""
        if not self.pushed:
            self.pushed = True
            return
        self._run(self.command.apply)

    def undo(self) -> None:
        """Apply the inverse in a new transaction."""
        self._run(self.command.revert)

    def _run(self, step: Callable[[Project], None]) -> None:
        try:
            step(self.project)
        except AnnotatorError as exc:
            self.failed(
                f"could not {('undo' if step == self.command.revert else 'redo')} “{self.text()}”: {exc}"
            )
            return
        self.changed(self.command.sentence_id)
