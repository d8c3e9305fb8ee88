"""Edits as commands: plain, Qt-free operations with ``apply`` and ``revert``.

Each call is one transaction, committed before it returns. ``revert`` is a new transaction that
applies the inverse and brings back the same rows (same ids), so a redo after an undo restores
exactly what there was and later commands that refer to those ids stay valid. Every command says
which sentence it changed, so a view refreshes only that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from annotator.store import Project, edits


@dataclass
class Command:
    """Base of every edit: a description for the Edit menu and the sentence it touches."""

    sentence_id: int

    @property
    def text(self) -> str:
        """What the command does, for Undo/Redo menu entries."""
        return type(self).__name__

    def apply(self, project: Project) -> None:
        """Do (or redo) the edit in one transaction."""
        raise NotImplementedError

    def revert(self, project: Project) -> None:
        """Undo the edit in one transaction."""
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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            if self.snapshot is None:
                self.entity_id = edits.add_entity(
                    s, project.schema, self.sentence_id, self.annotator_id, self.start, self.end, self.label
                )
                self.snapshot = edits.entity_snapshot(s, self.entity_id)
            else:
                edits.restore_entity(s, self.snapshot)

    def revert(self, project: Project) -> None:
        assert self.entity_id is not None
        with project.transaction() as s:
            edits.delete_entity(s, self.entity_id)


@dataclass
class DeleteEntity(Command):
    """Remove an entity with its arguments and holder roles."""

    entity_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete entity"

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.snapshot = edits.entity_snapshot(s, self.entity_id)
            edits.delete_entity(s, self.entity_id)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.old = edits.relabel_entity(s, project.schema, self.entity_id, self.label)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
            edits.relabel_entity(s, project.schema, self.entity_id, self.old)


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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            if self.snapshot is None:
                self.event_id = edits.add_event(
                    s,
                    project.schema,
                    self.sentence_id,
                    self.annotator_id,
                    self.start,
                    self.end,
                    self.event_type,
                )
                self.snapshot = edits.event_snapshot(s, self.event_id)
            else:
                edits.restore_event(s, self.snapshot)

    def revert(self, project: Project) -> None:
        assert self.event_id is not None
        with project.transaction() as s:
            edits.delete_event(s, self.event_id)


@dataclass
class DeleteEvent(Command):
    """Remove an event with its attributes and arguments."""

    event_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete event"

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.snapshot = edits.event_snapshot(s, self.event_id)
            edits.delete_event(s, self.event_id)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.old = edits.set_event_attribute(s, project.schema, self.event_id, self.name, self.value)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
            if self.old is not None:
                edits.set_event_attribute(s, project.schema, self.event_id, self.name, self.old)


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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            if self.snapshot is None:
                self.argument_id = edits.add_argument(
                    s, project.schema, self.event_id, self.role, self.entity_id
                )
                self.snapshot = edits.argument_snapshot(s, self.argument_id)
            else:
                edits.restore_argument(s, self.snapshot)

    def revert(self, project: Project) -> None:
        assert self.argument_id is not None
        with project.transaction() as s:
            edits.delete_argument(s, self.argument_id)


@dataclass
class DeleteArgument(Command):
    """Remove one argument of an event."""

    argument_id: int
    snapshot: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "delete argument"

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.snapshot = edits.argument_snapshot(s, self.argument_id)
            edits.delete_argument(s, self.argument_id)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
            edits.restore_argument(s, self.snapshot)


@dataclass
class SetSentenceStance(Command):
    """Set, change or (``label=None``) clear the stance of a sentence toward a target, with its holder."""

    annotator_id: int
    target: str
    label: str | None
    holder_id: int | None = None
    old: tuple[str, int | None] | None = None

    @property
    def text(self) -> str:
        return f"stance {self.target}: {self.label or 'none'}"

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.old = edits.sentence_stance_state(s, self.sentence_id, self.annotator_id, self.target)
            edits.set_sentence_stance(
                s,
                project.schema,
                self.sentence_id,
                self.annotator_id,
                self.target,
                self.label,
                self.holder_id,
            )

    def revert(self, project: Project) -> None:
        label, holder = self.old if self.old else (None, None)
        with project.transaction() as s:
            edits.set_sentence_stance(
                s, project.schema, self.sentence_id, self.annotator_id, self.target, label, holder
            )


@dataclass
class SetDocumentStance(Command):
    """Set, change or clear the stance of the whole document toward a target, with its holder."""

    document_id: int
    annotator_id: int
    target: str
    label: str | None
    holder_id: int | None = None
    old: tuple[str, int | None] | None = None

    @property
    def text(self) -> str:
        return f"document stance {self.target}: {self.label or 'none'}"

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.old = edits.document_stance_state(s, self.document_id, self.annotator_id, self.target)
            edits.set_document_stance(
                s,
                project.schema,
                self.document_id,
                self.annotator_id,
                self.target,
                self.label,
                self.holder_id,
            )

    def revert(self, project: Project) -> None:
        label, holder = self.old if self.old else (None, None)
        with project.transaction() as s:
            edits.set_document_stance(
                s, project.schema, self.document_id, self.annotator_id, self.target, label, holder
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

    def apply(self, project: Project) -> None:
        with project.transaction() as s:
            self.old = edits.status_state(s, self.sentence_id, self.annotator_id)
            edits.set_status(s, self.sentence_id, self.annotator_id, self.status, self.comment)

    def revert(self, project: Project) -> None:
        with project.transaction() as s:
            if self.old is None:
                edits.clear_status(s, self.sentence_id, self.annotator_id)
            else:
                edits.set_status(s, self.sentence_id, self.annotator_id, *self.old)


@dataclass
class Batch(Command):
    """Several edits of one sentence as one undoable step, applied in order and reverted in reverse.

    Each part commits on its own; if one fails, the parts already applied are reverted before
    the error goes on, so a batch is all or nothing.
    """

    parts: list[Command] = field(default_factory=list)
    label: str = "edits"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, project: Project) -> None:
        done: list[Command] = []
        try:
            for part in self.parts:
                part.apply(project)
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert(project)
            raise

    def revert(self, project: Project) -> None:
        for part in reversed(self.parts):
            part.revert(project)
