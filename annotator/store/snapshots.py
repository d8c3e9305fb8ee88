"""Undo support: typed snapshots of rows, and restores that bring back exactly those rows.

A snapshot is taken before a delete (or right after a create) and holds every column of the rows
the delete removes, ids included, so that an undo or a redo puts back the same rows and later
commands that refer to those ids stay valid. The ``*Columns`` classes name every column of their
table (a test checks that they stay in step with :mod:`annotator.store.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.store.access import authorize
from annotator.store.tables import (
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    SentenceStance,
    SentenceStatus,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass(frozen=True, slots=True)
class EntityColumns:
    """One row of ``entities``."""

    id: int
    sentence_id: int
    annotator_id: int
    token_start: int
    token_last: int
    sentence_tokens: int
    label: str


@dataclass(frozen=True, slots=True)
class EventColumns:
    """One row of ``events``."""

    id: int
    sentence_id: int
    annotator_id: int
    token_start: int
    token_last: int
    sentence_tokens: int
    type: str


@dataclass(frozen=True, slots=True)
class AttributeColumns:
    """One row of ``event_attributes``."""

    event_id: int
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class ArgumentSnapshot:
    """One row of ``event_arguments``: all that deleting an argument removes."""

    id: int
    event_id: int
    sentence_id: int
    annotator_id: int
    role: str
    entity_id: int


@dataclass(frozen=True, slots=True)
class EntitySnapshot:
    """Everything deleting an entity removes: its row, its arguments and the stances it holds."""

    entity: EntityColumns
    arguments: tuple[ArgumentSnapshot, ...]
    sentence_holders: tuple[int, ...]  # ids of sentence stance rows the entity holds
    document_holders: tuple[int, ...]  # ids of document stance rows the entity holds

    @property
    def id(self) -> int:
        """The entity's id."""
        return self.entity.id


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """Everything deleting an event removes: its row, attributes and arguments."""

    event: EventColumns
    attributes: tuple[AttributeColumns, ...]
    arguments: tuple[ArgumentSnapshot, ...]

    @property
    def id(self) -> int:
        """The event's id."""
        return self.event.id


@dataclass(frozen=True, slots=True)
class StanceState:
    """A stance row as undo needs it: label, holder and the row's id (a redo brings back that id)."""

    label: str
    holder_id: int | None
    row_id: int


@dataclass(frozen=True, slots=True)
class StatusState:
    """A status row as undo needs it."""

    status: str
    comment: str
    updated_at: datetime


_Columns = TypeVar("_Columns", bound="DataclassInstance")


def _read(cls: type[_Columns], row: object) -> _Columns:
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def _values(*snapshots: DataclassInstance) -> list[dict[str, Any]]:
    return [{f.name: getattr(one, f.name) for f in fields(one)} for one in snapshots]


def entity_snapshot(session: Session, entity_id: int) -> EntitySnapshot:
    """Everything deleting entity ``entity_id`` would remove."""
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise StoreError(f"there is no entity {entity_id}")
    arguments = session.scalars(select(EventArgument).where(EventArgument.entity_id == entity_id))
    return EntitySnapshot(
        entity=_read(EntityColumns, row),
        arguments=tuple(_read(ArgumentSnapshot, a) for a in arguments),
        sentence_holders=tuple(
            session.scalars(select(SentenceStance.id).where(SentenceStance.holder_id == entity_id))
        ),
        document_holders=tuple(
            session.scalars(select(DocumentStance.id).where(DocumentStance.holder_id == entity_id))
        ),
    )


def restore_entity(session: Session, snapshot: EntitySnapshot) -> None:
    """Put back an entity exactly as :func:`entity_snapshot` saw it."""
    entity = snapshot.entity
    authorize(session, entity.annotator_id, sentence_id=entity.sentence_id)
    session.execute(insert(EntityRow), _values(entity))
    if snapshot.arguments:
        session.execute(insert(EventArgument), _values(*snapshot.arguments))
    for model, ids in (
        (SentenceStance, snapshot.sentence_holders),
        (DocumentStance, snapshot.document_holders),
    ):
        if ids:
            session.execute(update(model).where(model.id.in_(ids)).values(holder_id=entity.id))
    session.flush()


def event_snapshot(session: Session, event_id: int) -> EventSnapshot:
    """Everything deleting event ``event_id`` would remove."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise StoreError(f"there is no event {event_id}")
    attributes = session.scalars(select(EventAttribute).where(EventAttribute.event_id == event_id))
    arguments = session.scalars(select(EventArgument).where(EventArgument.event_id == event_id))
    return EventSnapshot(
        event=_read(EventColumns, row),
        attributes=tuple(_read(AttributeColumns, a) for a in attributes),
        arguments=tuple(_read(ArgumentSnapshot, a) for a in arguments),
    )


def restore_event(session: Session, snapshot: EventSnapshot) -> None:
    """Put back an event exactly as :func:`event_snapshot` saw it."""
    event = snapshot.event
    authorize(session, event.annotator_id, sentence_id=event.sentence_id)
    session.execute(insert(EventRow), _values(event))
    if snapshot.attributes:
        session.execute(insert(EventAttribute), _values(*snapshot.attributes))
    if snapshot.arguments:
        session.execute(insert(EventArgument), _values(*snapshot.arguments))
    session.flush()


def argument_snapshot(session: Session, argument_id: int) -> ArgumentSnapshot:
    """The row of argument ``argument_id``."""
    row = session.get(EventArgument, argument_id)
    if row is None:
        raise StoreError(f"there is no argument {argument_id}")
    return _read(ArgumentSnapshot, row)


def restore_argument(session: Session, snapshot: ArgumentSnapshot) -> None:
    """Put back an argument with its id."""
    authorize(session, snapshot.annotator_id, sentence_id=snapshot.sentence_id)
    session.execute(insert(EventArgument), _values(snapshot))
    session.flush()


def status_state(session: Session, sentence_id: int, annotator_id: int) -> StatusState | None:
    """An annotator's status row of a sentence, or None when there is none (todo, no comment)."""
    row = session.get(SentenceStatus, (sentence_id, annotator_id))
    return StatusState(row.status, row.comment, row.updated_at) if row else None
