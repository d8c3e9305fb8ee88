"""The base of every command, the three bases most are built on, and ``Batch``.

:class:`CreateCommand`: the first ``do`` makes the row and snapshots it, a redo restores the
snapshot (same id), undo deletes. :class:`DeleteCommand`: snapshot, then delete; undo restores.
:class:`ReplaceCommand`: set the new state and remember the old; undo sets the old.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from annotator.core.changes import Changes
from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.store import Project, Session, queries


@dataclass
class Command:
    """Base of every edit: a description for the Edit menu and the sentence it touches."""

    sentence_id: int
    # The sentence's token offsets as the window that made the edit shows them (None: not checked).
    # A correction by someone else since then would put the edit's token indices on other words, so
    # the edit is refused in its own transaction and ``stale`` says why (the window reads again).
    seen_tokens: tuple[tuple[int, int], ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    stale: bool = field(default=False, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """What the command does, for Undo/Redo menu entries."""
        return type(self).__name__

    def apply(self, project: Project) -> Changes:
        """Do (or redo) the edit in one transaction, committed before this returns; what changed."""
        with project.transaction() as s:
            if self.seen_tokens is not None:
                now = queries.token_pairs(s, self.sentence_id)
                self.stale = now is not None and now != self.seen_tokens
                if self.stale:
                    raise StoreError(
                        message(
                            "the sentence's tokens were corrected meanwhile: it is shown again as it is"
                            " now; nothing changed"
                        )
                    )
            self.do(s, project.schema)
        return self.changes()

    def revert(self, project: Project) -> Changes:
        """Undo the edit in one transaction; what changed."""
        with project.transaction() as s:
            self.undo(s, project.schema)
        return self.changes()

    def changes(self) -> Changes:
        """What doing or undoing this edit changes: its sentence, by default."""
        return Changes.of_sentence(self.sentence_id)

    def do(self, s: Session, schema: Schema) -> None:
        """The edit itself, inside the caller's transaction."""
        raise NotImplementedError

    def undo(self, s: Session, schema: Schema) -> None:
        """The inverse edit, inside the caller's transaction."""
        raise NotImplementedError


# -- the three bases ----------------------------------------------------------------------------


class _Snapshot(Protocol):
    @property
    def id(self) -> int: ...


Snap = TypeVar("Snap", bound=_Snapshot)
State = TypeVar("State")


@dataclass(frozen=True)
class Rows(Generic[Snap]):
    """How one kind of row (with what hangs on it) is snapshotted, restored and deleted."""

    take: Callable[[Session, int], Snap]
    restore: Callable[[Session, Snap], None]
    remove: Callable[[Session, int], None]


class CreateCommand(Command, Generic[Snap]):
    """An edit that makes a row: the first ``do`` creates it and takes a snapshot, a redo restores
    that snapshot (same id), and undo deletes the row.

    A subclass sets ``rows`` and declares ``snapshot: ... | None = None`` as its last field.
    """

    rows: Rows[Snap]
    snapshot: Snap | None

    def create(self, s: Session, schema: Schema) -> int:
        """Make the row (recording its id on the command) and return its id."""
        raise NotImplementedError

    def made(self, s: Session, row_id: int) -> Snap:
        """The snapshot of the row :meth:`create` just made: read back, unless a subclass knows it."""
        return self.rows.take(s, row_id)

    def do(self, s: Session, schema: Schema) -> None:
        """Create the row the first time, restore the same row on a redo."""
        if self.snapshot is None:
            self.snapshot = self.made(s, self.create(s, schema))
        else:
            self.rows.restore(s, self.snapshot)

    def undo(self, s: Session, schema: Schema) -> None:
        """Delete the row made by :meth:`do`."""
        assert self.snapshot is not None, "undo of an edit never done"
        self.rows.remove(s, self.snapshot.id)


class DeleteCommand(Command, Generic[Snap]):
    """An edit that removes a row: snapshot it, delete it; undo restores the snapshot (same id).

    A subclass sets ``rows``, gives :meth:`target` and declares ``snapshot: ... | None = None``.
    """

    rows: Rows[Snap]
    snapshot: Snap | None

    def target(self) -> int:
        """The id of the row to delete."""
        raise NotImplementedError

    def do(self, s: Session, schema: Schema) -> None:
        """Snapshot the row with what hangs on it, then delete it."""
        self.snapshot = self.rows.take(s, self.target())
        self.rows.remove(s, self.target())

    def undo(self, s: Session, schema: Schema) -> None:
        """Put the row back as the snapshot saw it."""
        assert self.snapshot is not None, "undo of an edit never done"
        self.rows.restore(s, self.snapshot)


class ReplaceCommand(Command, Generic[State]):
    """An edit that replaces a value: set the new one and remember the old; undo sets the old.

    A subclass declares ``old: ...`` (with a default) as its last field.
    """

    old: State

    def replace(self, s: Session, schema: Schema) -> State:
        """Set the new state; return the state before."""
        raise NotImplementedError

    def put_back(self, s: Session, schema: Schema, old: State) -> None:
        """Set ``old`` again (``None`` where there was nothing: remove what :meth:`replace` made)."""
        raise NotImplementedError

    def do(self, s: Session, schema: Schema) -> None:
        """Set the new state, remembering the old."""
        self.old = self.replace(s, schema)

    def undo(self, s: Session, schema: Schema) -> None:
        """Set the old state again."""
        self.put_back(s, schema, self.old)


@dataclass
class Batch(Command):
    """Several edits of one sentence as one undoable step, applied in order and reverted in reverse.

    All parts run in one transaction: if one fails, or the process dies halfway, none of them is
    in the database, so a batch is all or nothing.
    """

    parts: list[Command] = field(default_factory=list)
    label: str = "edits"

    @property
    def text(self) -> str:
        return self.label

    def changes(self) -> Changes:
        merged = Changes.of_sentence(self.sentence_id)
        for part in self.parts:
            merged = merged | part.changes()
        return merged

    def do(self, s: Session, schema: Schema) -> None:
        for part in self.parts:
            part.do(s, schema)

    def undo(self, s: Session, schema: Schema) -> None:
        for part in reversed(self.parts):
            part.undo(s, schema)
