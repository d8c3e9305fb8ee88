"""The undo history of one window: committed edits only, Qt-free.

An edit enters the history only after its transaction committed. An undo or a redo that fails
(the disk is full, the connection broke) leaves the history exactly where it was, so the history
never claims a state the database does not hold; one the store refuses for good (its rows were
changed meanwhile) is dropped, so that it does not block the edits before it.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.changes import Changes
from annotator.services.commands import Command
from annotator.store import Project

HISTORY_LIMIT = 10_000  # edits kept for undo: more than a working day of annotation


class History:
    """Done and undone edits of one window, with listeners told after every change."""

    def __init__(self, project: Project, limit: int = HISTORY_LIMIT):
        self.project = project
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._listeners: list[Callable[[], None]] = []

    def execute(self, command: Command) -> Changes:
        """Apply and commit ``command``, then record it; an error leaves the history unchanged."""
        changes = command.apply(self.project)
        self.record(command)
        return changes

    def undo(self) -> Changes | None:
        """Revert the last edit in a new transaction; what changed, or None when there is nothing to undo."""
        command = self.next_undo
        if command is None:
            return None
        changes = command.revert(self.project)
        self.settle(undone=True)
        return changes

    def redo(self) -> Changes | None:
        """Apply the last undone edit again; what changed, or None when there is nothing to redo."""
        command = self.next_redo
        if command is None:
            return None
        changes = command.apply(self.project)
        self.settle(undone=False)
        return changes

    def record(self, command: Command) -> None:
        """Enter a committed edit (also one found stored after its COMMIT's answer was lost)."""
        self._done.append(command)
        if len(self._done) > self.limit:
            del self._done[: len(self._done) - self.limit]
        self._undone.clear()
        self._announce()

    def settle(self, undone: bool) -> None:
        """An undo (``undone``) or a redo that took effect: move its edit across."""
        source, target = (self._done, self._undone) if undone else (self._undone, self._done)
        if source:
            target.append(source.pop())
            self._announce()

    def drop(self, undone: bool) -> Command | None:
        """Take the next edit to undo (or, with ``undone``, to redo) off the history: the store
        refuses it now (someone changed those rows), and it must not block the edits before it."""
        source = self._undone if undone else self._done
        if not source:
            return None
        command = source.pop()
        self._announce()
        return command

    @property
    def next_undo(self) -> Command | None:
        """The edit an undo would revert, or None."""
        return self._done[-1] if self._done else None

    @property
    def next_redo(self) -> Command | None:
        """The edit a redo would apply again, or None."""
        return self._undone[-1] if self._undone else None

    def __len__(self) -> int:
        return len(self._done)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change of the history."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _announce(self) -> None:
        for listener in list(self._listeners):
            listener()
