"""Commands on entities, events, their arguments and attributes."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.services.commands.base import Command, CreateCommand, DeleteCommand, ReplaceCommand, Rows
from annotator.store import Session, edits, snapshots
from annotator.store.snapshots import ArgumentSnapshot, EntityColumns, EntitySnapshot, EventSnapshot

ENTITIES = Rows(snapshots.entity_snapshot, snapshots.restore_entity, edits.delete_entity)
EVENTS = Rows(snapshots.event_snapshot, snapshots.restore_event, edits.delete_event)
ARGUMENTS = Rows(snapshots.argument_snapshot, snapshots.restore_argument, edits.delete_argument)

# -- creating -------------------------------------------------------------------------------------


@dataclass
class AddEntity(CreateCommand[EntitySnapshot]):
    """Tag tokens ``token_start..token_end`` (end exclusive) with ``label``."""

    annotator_id: int
    token_start: int
    token_end: int
    label: str
    entity_id: int | None = None
    written: EntityColumns | None = field(default=None, repr=False, compare=False)
    snapshot: EntitySnapshot | None = None
    rows = ENTITIES

    @property
    def text(self) -> str:
        return message("tag {label}", label=self.label)

    def create(self, s: Session, schema: Schema) -> int:
        self.written = edits.new_entity(
            s, schema, self.sentence_id, self.annotator_id, self.token_start, self.token_end, self.label
        )
        self.entity_id = self.written.id
        return self.entity_id

    def made(self, s: Session, row_id: int) -> EntitySnapshot:
        """The row as written, with nothing hanging on it: no argument or stance can name an
        entity before the transaction that makes it commits (three reads fewer per label)."""
        assert self.written is not None and self.written.id == row_id
        return EntitySnapshot(self.written, arguments=(), sentence_holders=(), document_holders=())


@dataclass
class AddEvent(CreateCommand[EventSnapshot]):
    """Make tokens ``token_start..token_end`` the trigger of an event of ``event_type``."""

    annotator_id: int
    token_start: int
    token_end: int
    event_type: str
    event_id: int | None = None
    snapshot: EventSnapshot | None = None
    rows = EVENTS

    @property
    def text(self) -> str:
        return message("add event {event_type}", event_type=self.event_type)

    def create(self, s: Session, schema: Schema) -> int:
        self.event_id = edits.add_event(
            s, schema, self.sentence_id, self.annotator_id, self.token_start, self.token_end, self.event_type
        )
        return self.event_id


@dataclass
class AddArgument(CreateCommand[ArgumentSnapshot]):
    """Link an entity to an event in a role."""

    event_id: int
    role: str
    entity_id: int
    argument_id: int | None = None
    snapshot: ArgumentSnapshot | None = None
    rows = ARGUMENTS

    @property
    def text(self) -> str:
        return message("add argument {role}", role=self.role)

    def create(self, s: Session, schema: Schema) -> int:
        self.argument_id = edits.add_argument(s, schema, self.event_id, self.role, self.entity_id)
        return self.argument_id


# -- deleting -------------------------------------------------------------------------------------


@dataclass
class DeleteEntity(DeleteCommand[EntitySnapshot]):
    """Remove an entity with its arguments and holder roles."""

    entity_id: int
    snapshot: EntitySnapshot | None = None
    rows = ENTITIES

    @property
    def text(self) -> str:
        return message("delete entity")

    def target(self) -> int:
        return self.entity_id


@dataclass
class DeleteEvent(DeleteCommand[EventSnapshot]):
    """Remove an event with its attributes and arguments."""

    event_id: int
    snapshot: EventSnapshot | None = None
    rows = EVENTS

    @property
    def text(self) -> str:
        return message("delete event")

    def target(self) -> int:
        return self.event_id


@dataclass
class DeleteArgument(DeleteCommand[ArgumentSnapshot]):
    """Remove one argument of an event."""

    argument_id: int
    snapshot: ArgumentSnapshot | None = None
    rows = ARGUMENTS

    @property
    def text(self) -> str:
        return message("delete argument")

    def target(self) -> int:
        return self.argument_id


# -- replacing ------------------------------------------------------------------------------------


@dataclass
class RelabelEntity(ReplaceCommand[str]):
    """Give an entity another label."""

    entity_id: int
    label: str
    old: str = ""

    @property
    def text(self) -> str:
        return message("relabel as {label}", label=self.label)

    def replace(self, s: Session, schema: Schema) -> str:
        return edits.relabel_entity(s, schema, self.entity_id, self.label)

    def put_back(self, s: Session, schema: Schema, old: str) -> None:
        edits.relabel_entity(s, schema, self.entity_id, old)


@dataclass
class SetAttribute(ReplaceCommand[str | None]):
    """Set one attribute of an event; undo removes the attribute again if the event had none."""

    event_id: int
    name: str
    value: str
    old: str | None = None

    @property
    def text(self) -> str:
        return message("set {name} = {value}", name=self.name, value=self.value)

    def replace(self, s: Session, schema: Schema) -> str | None:
        return edits.set_event_attribute(s, schema, self.event_id, self.name, self.value)

    def put_back(self, s: Session, schema: Schema, old: str | None) -> None:
        if old is None:
            edits.clear_event_attribute(s, self.event_id, self.name)
        else:
            edits.set_event_attribute(s, schema, self.event_id, self.name, old)


# -- composites -----------------------------------------------------------------------------------


@dataclass
class OfNewEvent(Command):
    """An edit of an event added earlier in the same batch (whose id exists only once it ran).

    The inner command is built at the first ``do``; a redo runs that same command again, so it
    brings back the same rows.
    """

    event: AddEvent
    inner: Command | None = field(default=None, init=False)

    def build(self, event_id: int) -> Command:
        """The edit itself, now that the event has its id."""
        raise NotImplementedError

    def do(self, s: Session, schema: Schema) -> None:
        """Build the inner edit the first time, then do it."""
        if self.inner is None:
            assert self.event.event_id is not None, "the event is added earlier in the batch"
            self.inner = self.build(self.event.event_id)
        self.inner.do(s, schema)

    def undo(self, s: Session, schema: Schema) -> None:
        """Undo the inner edit."""
        if self.inner is not None:
            self.inner.undo(s, schema)


@dataclass
class SetNewEventAttribute(OfNewEvent):
    """Set an attribute of an event added earlier in the same batch."""

    name: str
    value: str

    @property
    def text(self) -> str:
        return message("set {name} = {value}", name=self.name, value=self.value)

    def build(self, event_id: int) -> Command:
        return SetAttribute(self.sentence_id, event_id, self.name, self.value)


@dataclass
class AddNewEventArgument(OfNewEvent):
    """Link an entity (an id, or one added earlier in the same batch) to an event added earlier."""

    role: str
    entity: AddEntity | int

    @property
    def text(self) -> str:
        return message("add argument {role}", role=self.role)

    def build(self, event_id: int) -> Command:
        entity_id = self.entity.entity_id if isinstance(self.entity, AddEntity) else self.entity
        assert entity_id is not None, "the entity is added earlier in the batch"
        return AddArgument(self.sentence_id, event_id, self.role, entity_id)
