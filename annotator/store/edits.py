"""Checked writes of entities, events, their attributes and arguments, and sentence status.

Each is checked against the project's schema and the actor's rights before the database sees it,
and takes the caller's session (one transaction per user action). Refusals raise StoreError with
a sentence for people. Stance is in :mod:`annotator.store.stance`; the snapshots and restores that
undo uses are in :mod:`annotator.store.snapshots`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.core.validate import (
    LayerError,
    check_event,
    check_label,
    check_no_overlap,
    check_span,
    check_status,
)
from annotator.store import assignments
from annotator.store.access import authorize
from annotator.store.checks import held, refuse, sentence_row
from annotator.store.snapshots import EntityColumns, StatusState, status_state
from annotator.store.tables import (
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    SentenceStance,
    SentenceStatus,
    utcnow,
)

_LAYER_SPANS = select(EntityRow.token_start, EntityRow.token_last, EntityRow.label).where(
    EntityRow.sentence_id == bindparam("sentence"), EntityRow.annotator_id == bindparam("annotator")
)
_INSERT_ENTITY = insert(EntityRow)
_ENTITY_COLUMNS = ("sentence_id", "annotator_id", "token_start", "token_last", "sentence_tokens", "label")


def add_entity(
    session: Session,
    schema: Schema,
    sentence_id: int,
    annotator_id: int,
    token_start: int,
    token_end: int,
    label: str,
) -> int:
    """Add an entity over tokens ``token_start..token_end`` (end exclusive) and return its id."""
    return new_entity(session, schema, sentence_id, annotator_id, token_start, token_end, label).id


def new_entity(
    session: Session,
    schema: Schema,
    sentence_id: int,
    annotator_id: int,
    token_start: int,
    token_end: int,
    label: str,
) -> EntityColumns:
    """Add an entity as :func:`add_entity` does and return its row as written.

    Core statements built once: a label is the commonest edit, and nothing more is read back.
    """
    authorize(session, annotator_id, sentence_id=sentence_id)
    sentence = sentence_row(session, sentence_id)
    try:
        check_label(schema, label)
        check_span(token_start, token_end, sentence.n_tokens, f"entity {label}")
        spans = session.execute(_LAYER_SPANS, {"sentence": sentence_id, "annotator": annotator_id}).all()
        existing = [(s, last + 1, lab) for s, last, lab in spans]
        if (token_start, token_end, label) in existing:
            raise LayerError(message("the same {label} entity is already there", label=label))
        check_no_overlap(schema, [*existing, (token_start, token_end, label)])
    except LayerError as exc:
        raise refuse(exc) from None
    row = (sentence_id, annotator_id, token_start, token_end - 1, sentence.n_tokens, label)
    values = dict(zip(_ENTITY_COLUMNS, row, strict=True))
    key = session.connection().execute(_INSERT_ENTITY, values).inserted_primary_key
    assert key is not None, "an INSERT of one row has its key"
    (entity_id,) = key
    return EntityColumns(int(entity_id), *row)


def relabel_entity(session: Session, schema: Schema, entity_id: int, label: str) -> str:
    """Give an entity another label; returns the label it had."""
    row = held(session, EntityRow, entity_id, "entity")
    try:
        check_label(schema, label)
    except LayerError as exc:
        raise refuse(exc) from None
    old, row.label = row.label, label
    session.flush()
    return old


_UNHOLD = {
    model: update(model).where(model.holder_id == bindparam("entity")).values(holder_id=None)
    for model in (SentenceStance, DocumentStance)
}
_DELETE_ENTITY_ARGUMENTS = delete(EventArgument).where(EventArgument.entity_id == bindparam("entity"))
_DELETE_ENTITY = delete(EntityRow).where(EntityRow.id == bindparam("entity"))


def delete_entity(session: Session, entity_id: int) -> None:
    """Delete an entity, its arguments, and its role as holder of any stance."""
    held(session, EntityRow, entity_id, "entity")
    entity = {"entity": entity_id}
    for statement in (*_UNHOLD.values(), _DELETE_ENTITY_ARGUMENTS, _DELETE_ENTITY):
        session.execute(statement, entity)


def add_event(
    session: Session,
    schema: Schema,
    sentence_id: int,
    annotator_id: int,
    token_start: int,
    token_end: int,
    event_type: str,
    attributes: dict[str, str] | None = None,
) -> int:
    """Add an event with its trigger tokens; attributes not given take the schema's defaults."""
    authorize(session, annotator_id, sentence_id=sentence_id)
    sentence = sentence_row(session, sentence_id)
    values = {**schema.default_attributes(), **(attributes or {})}
    try:
        check_span(token_start, token_end, sentence.n_tokens, f"event {event_type} trigger")
        check_event(schema, event_type, values, ())
        same = select(EventRow.id).where(
            EventRow.sentence_id == sentence_id,
            EventRow.annotator_id == annotator_id,
            EventRow.token_start == token_start,
            EventRow.token_last == token_end - 1,
            EventRow.type == event_type,
        )
        if session.scalar(same) is not None:
            raise LayerError(message("the same {event_type} event is already there", event_type=event_type))
    except LayerError as exc:
        raise refuse(exc) from None
    row = EventRow(
        sentence_id=sentence_id,
        annotator_id=annotator_id,
        token_start=token_start,
        token_last=token_end - 1,
        sentence_tokens=sentence.n_tokens,
        type=event_type,
    )
    session.add(row)
    session.flush()
    session.add_all(EventAttribute(event_id=row.id, name=k, value=v) for k, v in values.items())
    session.flush()
    return row.id


def set_event_attribute(session: Session, schema: Schema, event_id: int, name: str, value: str) -> str | None:
    """Set one attribute of an event; returns the value it had (None if it had none)."""
    event = held(session, EventRow, event_id, "event")
    try:
        check_event(schema, event.type, {name: value}, ())
    except LayerError as exc:
        raise refuse(exc) from None
    row = session.get(EventAttribute, (event_id, name))
    old = row.value if row else None
    if row is None:
        session.add(EventAttribute(event_id=event_id, name=name, value=value))
    else:
        row.value = value
    session.flush()
    return old


def clear_event_attribute(session: Session, event_id: int, name: str) -> str | None:
    """Remove one attribute row of an event (undo of setting one it did not have); the value it had."""
    held(session, EventRow, event_id, "event")
    row = session.get(EventAttribute, (event_id, name))
    if row is None:
        return None
    old = row.value
    session.delete(row)
    session.flush()
    return old


def add_argument(session: Session, schema: Schema, event_id: int, role: str, entity_id: int) -> int:
    """Link an entity of the event's sentence and annotator to the event in ``role``."""
    event = session.get(EventRow, event_id)
    if event is None:
        raise StoreError(message("the event or the entity no longer exists"))
    event = held(session, EventRow, event_id, "event")
    entity = session.get(EntityRow, entity_id, populate_existing=True)
    if entity is None:
        raise StoreError(message("the event or the entity no longer exists"))
    try:
        check_event(schema, event.type, {}, (role,))
    except LayerError as exc:
        raise refuse(exc) from None
    if (entity.sentence_id, entity.annotator_id) != (event.sentence_id, event.annotator_id):
        raise StoreError(
            message("an argument must be an entity of the same sentence and annotator as its event")
        )
    row = EventArgument(
        event_id=event_id,
        sentence_id=event.sentence_id,
        annotator_id=event.annotator_id,
        role=role,
        entity_id=entity_id,
    )
    session.add(row)
    session.flush()
    return row.id


def delete_event(session: Session, event_id: int) -> None:
    """Delete an event with its attributes and arguments."""
    row = held(session, EventRow, event_id, "event")
    session.execute(delete(EventArgument).where(EventArgument.event_id == event_id))
    session.execute(delete(EventAttribute).where(EventAttribute.event_id == event_id))
    session.delete(row)
    session.flush()


def delete_argument(session: Session, argument_id: int) -> None:
    """Remove one argument of an event; a missing one is refused like every other delete."""
    row = held(session, EventArgument, argument_id, "argument")
    session.delete(row)
    session.flush()


def set_status(
    session: Session,
    sentence_id: int,
    annotator_id: int,
    status: str,
    comment: str | None = None,
    updated_at: datetime | None = None,
) -> StatusState | None:
    """Set an annotator's status of a sentence (and comment, when given); the state before.

    ``updated_at`` defaults to now; None is returned when there was no status row (todo).
    """
    authorize(session, annotator_id, sentence_id=sentence_id)
    try:
        check_status(status)
    except LayerError as exc:
        raise refuse(exc) from None
    sentence_row(session, sentence_id)
    old = status_state(session, sentence_id, annotator_id)
    row = session.get(SentenceStatus, (sentence_id, annotator_id))
    if row is None:
        row = SentenceStatus(
            sentence_id=sentence_id, annotator_id=annotator_id, status=status, comment=comment or ""
        )
        session.add(row)
    else:
        row.status = status
        if comment is not None:
            row.comment = comment
    row.updated_at = updated_at or utcnow()
    session.flush()
    if status == "done":
        assignments.finish_if_done(session, annotator_id, sentence_id)
    return old


def clear_status(session: Session, sentence_id: int, annotator_id: int) -> None:
    """Forget the status row, so the sentence is todo with no comment again."""
    authorize(session, annotator_id, sentence_id=sentence_id)
    session.execute(
        delete(SentenceStatus).where(
            SentenceStatus.sentence_id == sentence_id, SentenceStatus.annotator_id == annotator_id
        )
    )
    session.flush()
