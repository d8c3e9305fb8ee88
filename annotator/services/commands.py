"""Edits as commands: plain, Qt-free operations with ``apply`` and ``revert``.

Each call is one transaction, committed before it returns; a ``Batch`` runs all its parts in
one. ``revert`` is a new transaction that applies the inverse and brings back the same rows
(same ids), so a redo after an undo restores exactly what there was and later commands that refer
to those ids stay valid. Every command says which sentence it changed, so a view refreshes only
that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from annotator.core.changes import Changes
from annotator.core.schema import Schema
from annotator.store import Project, Session, edits


@dataclass
class Command:
    """Base of every edit: a description for the Edit menu and the sentence it touches."""

    sentence_id: int

    @property
    def text(self) -> str:
        """What the command does, for Undo/Redo menu entries."""
        return type(self).__name__

    def apply(self, project: Project) -> Changes:
        """Do (or redo) the edit in one transaction, committed before this returns; what changed."""
        with project.transaction() as s:
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


@dataclass
class AddEntity(Command):
    """Tag tokens ``start..end`` (end exclusive) with ``label``."""

    annotator_id: int
    start: int
    end: int
    label: str
    entity_id: int | None = None
    snapshot: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        return f"tag {self.label}"

    def do(self, s: Session, schema: Schema) -> None:
        if self.snapshot is None:
            self.entity_id = edits.add_entity(
                s, schema, self.sentence_id, self.annotator_id, self.start, self.end, self.label
            )
            self.snapshot = edits.entity_snapshot(s, self.entity_id)
        else:
            edits.restore_entity(s, self.snapshot)

    def undo(self, s: Session, schema: Schema) -> None:
        assert self.entity_id is not None
        edits.delete_entity(s, self.entity_id)


@dataclass
class DeleteEntity(Command):
    """Remove an entity with its arguments and holder roles."""

    entity_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete entity"

    def do(self, s: Session, schema: Schema) -> None:
        self.snapshot = edits.entity_snapshot(s, self.entity_id)
        edits.delete_entity(s, self.entity_id)

    def undo(self, s: Session, schema: Schema) -> None:
        edits.restore_entity(s, self.snapshot)


@dataclass
class RelabelEntity(Command):
    """Give an entity another label."""

    entity_id: int
    label: str
    old: str = ""

    @property
    def text(self) -> str:
        return f"relabel as {self.label}"

    def do(self, s: Session, schema: Schema) -> None:
        self.old = edits.relabel_entity(s, schema, self.entity_id, self.label)

    def undo(self, s: Session, schema: Schema) -> None:
        edits.relabel_entity(s, schema, self.entity_id, self.old)


@dataclass
class AddEvent(Command):
    """Make tokens ``start..end`` the trigger of an event of ``event_type``."""

    annotator_id: int
    start: int
    end: int
    event_type: str
    event_id: int | None = None
    snapshot: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        return f"add event {self.event_type}"

    def do(self, s: Session, schema: Schema) -> None:
        if self.snapshot is None:
            self.event_id = edits.add_event(
                s,
                schema,
                self.sentence_id,
                self.annotator_id,
                self.start,
                self.end,
                self.event_type,
            )
            self.snapshot = edits.event_snapshot(s, self.event_id)
        else:
            edits.restore_event(s, self.snapshot)

    def undo(self, s: Session, schema: Schema) -> None:
        assert self.event_id is not None
        edits.delete_event(s, self.event_id)


@dataclass
class DeleteEvent(Command):
    """Remove an event with its attributes and arguments."""

    event_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete event"

    def do(self, s: Session, schema: Schema) -> None:
        self.snapshot = edits.event_snapshot(s, self.event_id)
        edits.delete_event(s, self.event_id)

    def undo(self, s: Session, schema: Schema) -> None:
        edits.restore_event(s, self.snapshot)


@dataclass
class SetAttribute(Command):
    """Set one attribute of an event."""

    event_id: int
    name: str
    value: str
    old: str | None = None

    @property
    def text(self) -> str:
        return f"set {self.name} = {self.value}"

    def do(self, s: Session, schema: Schema) -> None:
        self.old = edits.set_event_attribute(s, schema, self.event_id, self.name, self.value)

    def undo(self, s: Session, schema: Schema) -> None:
        if self.old is not None:
            edits.set_event_attribute(s, schema, self.event_id, self.name, self.old)


@dataclass
class AddArgument(Command):
    """Link an entity to an event in a role."""

    event_id: int
    role: str
    entity_id: int
    argument_id: int | None = None
    snapshot: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        return f"add argument {self.role}"

    def do(self, s: Session, schema: Schema) -> None:
        if self.snapshot is None:
            self.argument_id = edits.add_argument(s, schema, self.event_id, self.role, self.entity_id)
            self.snapshot = edits.argument_snapshot(s, self.argument_id)
        else:
            edits.restore_argument(s, self.snapshot)

    def undo(self, s: Session, schema: Schema) -> None:
        assert self.argument_id is not None
        edits.delete_argument(s, self.argument_id)


@dataclass
class DeleteArgument(Command):
    """Remove one argument of an event."""

    argument_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete argument"

    def do(self, s: Session, schema: Schema) -> None:
        self.snapshot = edits.argument_snapshot(s, self.argument_id)
        edits.delete_argument(s, self.argument_id)

    def undo(self, s: Session, schema: Schema) -> None:
        edits.restore_argument(s, self.snapshot)


@dataclass
class SetSentenceStance(Command):
    """Set, change or (``label=None``) clear the stance of a sentence toward a target, with its holder."""

    annotator_id: int
    target: str
    label: str | None
    holder_id: int | None = None
    old: tuple[str, int | None, int] | None = None
    new_row: int | None = None  # the id the stance row got, so a redo brings back the same row

    @property
    def text(self) -> str:
        return f"stance {self.target}: {self.label or 'none'}"

    def do(self, s: Session, schema: Schema) -> None:
        self.old = edits.sentence_stance_state(s, self.sentence_id, self.annotator_id, self.target)
        edits.set_sentence_stance(
            s,
            schema,
            self.sentence_id,
            self.annotator_id,
            self.target,
            self.label,
            self.holder_id,
            self.new_row,
        )
        now = edits.sentence_stance_state(s, self.sentence_id, self.annotator_id, self.target)
        self.new_row = now[2] if now else None

    def undo(self, s: Session, schema: Schema) -> None:
        label, holder, row = self.old if self.old else (None, None, None)
        edits.set_sentence_stance(
            s, schema, self.sentence_id, self.annotator_id, self.target, label, holder, row
        )


@dataclass
class SetDocumentStance(Command):
    """Set, change or clear the stance of the whole document toward a target, with its holder."""

    document_id: int
    annotator_id: int
    target: str
    label: str | None
    holder_id: int | None = None
    old: tuple[str, int | None, int] | None = None
    new_row: int | None = None  # the id the stance row got, so a redo brings back the same row

    @property
    def text(self) -> str:
        return f"document stance {self.target}: {self.label or 'none'}"

    def changes(self) -> Changes:
        return Changes(sentences=frozenset({self.sentence_id}), documents=frozenset({self.document_id}))

    def do(self, s: Session, schema: Schema) -> None:
        self.old = edits.document_stance_state(s, self.document_id, self.annotator_id, self.target)
        edits.set_document_stance(
            s,
            schema,
            self.document_id,
            self.annotator_id,
            self.target,
            self.label,
            self.holder_id,
            self.new_row,
        )
        now = edits.document_stance_state(s, self.document_id, self.annotator_id, self.target)
        self.new_row = now[2] if now else None

    def undo(self, s: Session, schema: Schema) -> None:
        label, holder, row = self.old if self.old else (None, None, None)
        edits.set_document_stance(
            s, schema, self.document_id, self.annotator_id, self.target, label, holder, row
        )


@dataclass
class SetStatus(Command):
    """Mark a sentence todo, done, skipped or flagged (with a comment when given)."""

    annotator_id: int
    status: str
    comment: str | None = None
    old: tuple[str, str, datetime] | None = None

    @property
    def text(self) -> str:
        return f"mark {self.status}"

    def changes(self) -> Changes:
        return Changes.of_sentence(self.sentence_id, progress=True)

    def do(self, s: Session, schema: Schema) -> None:
        self.old = edits.status_state(s, self.sentence_id, self.annotator_id)
        edits.set_status(s, self.sentence_id, self.annotator_id, self.status, self.comment)

    def undo(self, s: Session, schema: Schema) -> None:
        if self.old is None:
            edits.clear_status(s, self.sentence_id, self.annotator_id)
        else:
            edits.set_status(s, self.sentence_id, self.annotator_id, *self.old)


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
