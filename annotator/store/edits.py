"""Single annotation edits, checked against the project's schema before the database sees them.

These are what the window's undoable commands and the tests call; each takes the caller's session
(one transaction per user action). Refusals raise StoreError with a sentence for people.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.schema import Schema
from annotator.core.validate import (
    LayerError,
    check_event,
    check_label,
    check_no_overlap,
    check_span,
    check_stance,
    check_status,
)
from annotator.store.access import authorize
from annotator.store.tables import (
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
    utcnow,
)


def _refuse(exc: LayerError) -> StoreError:
    return StoreError(str(exc))


def _sentence(session: Session, sentence_id: int) -> Sentence:
    row = session.get(Sentence, sentence_id)
    if row is None:
        raise StoreError(f"there is no sentence {sentence_id}")
    return row


_Span = TypeVar("_Span", EntityRow, EventRow)


def _held(session: Session, model: type[_Span], row_id: int, what: str) -> _Span:
    """The row ``row_id``, once its layer's sentence is held and the actor may change it.

    It is read again after the lock: on PostgreSQL another window of the same person may have
    removed it in between, and changing a row that is gone must be a refusal, not a crash.
    """
    row = session.get(model, row_id)
    if row is None:
        raise StoreError(f"there is no {what} {row_id}")
    authorize(session, row.annotator_id, sentence_id=row.sentence_id)
    row = session.get(model, row_id, populate_existing=True)
    if row is None:
        raise StoreError(f"the {what} was removed meanwhile (in another window?)")
    return row


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
    authorize(session, annotator_id, sentence_id=sentence_id)
    sentence = _sentence(session, sentence_id)
    try:
        check_label(schema, label)
        check_span(token_start, token_end, sentence.n_tokens, f"entity {label}")
        spans = session.execute(
            select(EntityRow.token_start, EntityRow.token_last, EntityRow.label).where(
                EntityRow.sentence_id == sentence_id, EntityRow.annotator_id == annotator_id
            )
        ).all()
        existing = [(s, last + 1, lab) for s, last, lab in spans]
        if (token_start, token_end, label) in existing:
            raise LayerError(f"the same {label} entity is already there")
        check_no_overlap(schema, [*existing, (token_start, token_end, label)])
    except LayerError as exc:
        raise _refuse(exc) from None
    row = EntityRow(
        sentence_id=sentence_id,
        annotator_id=annotator_id,
        token_start=token_start,
        token_last=token_end - 1,
        sentence_tokens=sentence.n_tokens,
        label=label,
    )
    session.add(row)
    session.flush()
    return row.id


def relabel_entity(session: Session, schema: Schema, entity_id: int, label: str) -> str:
    """Give an entity another label; returns the label it had."""
    row = _held(session, EntityRow, entity_id, "entity")
    try:
        check_label(schema, label)
    except LayerError as exc:
        raise _refuse(exc) from None
    old, row.label = row.label, label
    session.flush()
    return old


def delete_entity(session: Session, entity_id: int) -> None:
    """Delete an entity, its arguments, and its role as holder of any stance."""
    row = _held(session, EntityRow, entity_id, "entity")
    for model in (SentenceStance, DocumentStance):
        session.execute(update(model).where(model.holder_id == entity_id).values(holder_id=None))
    session.execute(delete(EventArgument).where(EventArgument.entity_id == entity_id))
    session.delete(row)
    session.flush()


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
    sentence = _sentence(session, sentence_id)
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
            raise LayerError(f"the same {event_type} event is already there")
    except LayerError as exc:
        raise _refuse(exc) from None
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
    event = _held(session, EventRow, event_id, "event")
    try:
        check_event(schema, event.type, {name: value}, ())
    except LayerError as exc:
        raise _refuse(exc) from None
    row = session.get(EventAttribute, (event_id, name))
    old = row.value if row else None
    if row is None:
        session.add(EventAttribute(event_id=event_id, name=name, value=value))
    else:
        row.value = value
    session.flush()
    return old


def add_argument(session: Session, schema: Schema, event_id: int, role: str, entity_id: int) -> int:
    """Link an entity of the event's sentence and annotator to the event in ``role``."""
    event = session.get(EventRow, event_id)
    if event is None:
        raise StoreError("the event or the entity no longer exists")
    event = _held(session, EventRow, event_id, "event")
    entity = session.get(EntityRow, entity_id, populate_existing=True)
    if entity is None:
        raise StoreError("the event or the entity no longer exists")
    try:
        check_event(schema, event.type, {}, (role,))
    except LayerError as exc:
        raise _refuse(exc) from None
    if (entity.sentence_id, entity.annotator_id) != (event.sentence_id, event.annotator_id):
        raise StoreError("an argument must be an entity of the same sentence and annotator as its event")
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
    row = _held(session, EventRow, event_id, "event")
    session.execute(delete(EventArgument).where(EventArgument.event_id == event_id))
    session.execute(delete(EventAttribute).where(EventAttribute.event_id == event_id))
    session.delete(row)
    session.flush()


def set_sentence_stance(
    session: Session,
    schema: Schema,
    sentence_id: int,
    annotator_id: int,
    target: str,
    label: str | None,
    holder_id: int | None = None,
    row_id: int | None = None,
) -> None:
    """Set (or with ``label=None`` clear) an annotator's stance in a sentence toward ``target``.

    ``row_id`` is the id a new row gets (undo and redo bring back the same row); else a fresh one.
    """
    authorize(session, annotator_id, sentence_id=sentence_id)
    _sentence(session, sentence_id)

    def holder_fits(holder: EntityRow) -> bool:
        return (holder.sentence_id, holder.annotator_id) == (sentence_id, annotator_id)

    keys = {"sentence_id": sentence_id, "annotator_id": annotator_id, "target": target}
    _set_stance(session, schema, SentenceStance, keys, label, holder_id, "sentence", holder_fits, row_id)


def set_document_stance(
    session: Session,
    schema: Schema,
    document_id: int,
    annotator_id: int,
    target: str,
    label: str | None,
    holder_id: int | None = None,
    row_id: int | None = None,
) -> None:
    """Set (or with ``label=None`` clear) an annotator's stance in a whole document toward ``target``."""
    authorize(session, annotator_id, document_id=document_id)

    def holder_fits(holder: EntityRow) -> bool:
        sentence = session.get(Sentence, holder.sentence_id)
        return (
            holder.annotator_id == annotator_id
            and sentence is not None
            and sentence.document_id == document_id
        )

    keys = {"document_id": document_id, "annotator_id": annotator_id, "target": target}
    _set_stance(session, schema, DocumentStance, keys, label, holder_id, "document", holder_fits, row_id)


def _set_stance(
    session: Session,
    schema: Schema,
    model: type[SentenceStance] | type[DocumentStance],
    keys: dict[str, Any],
    label: str | None,
    holder_id: int | None,
    level: str,
    holder_fits: Callable[[EntityRow], bool],
    row_id: int | None = None,
) -> None:
    """Insert, update or delete the stance row that ``keys`` name, after checking label and holder."""
    row = cast(SentenceStance | DocumentStance | None, session.scalar(select(model).filter_by(**keys)))
    if label is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    try:
        check_stance(schema, keys["target"], label, level)
    except LayerError as exc:
        raise _refuse(exc) from None
    if holder_id is not None:
        holder = session.get(EntityRow, holder_id)
        if holder is None or not holder_fits(holder):
            raise StoreError(f"a stance holder must be an entity of the same {level} and annotator")
    if row is None:
        session.add(model(**keys, label=label, holder_id=holder_id, **({"id": row_id} if row_id else {})))
    else:
        row.label, row.holder_id = label, holder_id
    session.flush()


def set_status(
    session: Session,
    sentence_id: int,
    annotator_id: int,
    status: str,
    comment: str | None = None,
    updated_at: datetime | None = None,
) -> None:
    """Set an annotator's status of a sentence (and comment, when given); ``updated_at`` defaults to now."""
    authorize(session, annotator_id, sentence_id=sentence_id)
    try:
        check_status(status)
    except LayerError as exc:
        raise _refuse(exc) from None
    _sentence(session, sentence_id)
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


# -- exact snapshots and restores, so that undo and redo bring back the same rows --------------------


def entity_snapshot(session: Session, entity_id: int) -> dict[str, Any]:
    """Everything deleting an entity removes: its row, its arguments and the stances it holds."""
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise StoreError(f"there is no entity {entity_id}")
    return {
        "row": _columns(row),
        "arguments": [
            _columns(a)
            for a in session.scalars(select(EventArgument).where(EventArgument.entity_id == entity_id))
        ],
        "sentence_holders": list(
            session.scalars(select(SentenceStance.id).where(SentenceStance.holder_id == entity_id))
        ),
        "document_holders": list(
            session.scalars(select(DocumentStance.id).where(DocumentStance.holder_id == entity_id))
        ),
    }


def restore_entity(session: Session, snapshot: dict[str, Any]) -> None:
    """Put back an entity exactly as :func:`entity_snapshot` saw it."""
    authorize(session, snapshot["row"]["annotator_id"], sentence_id=snapshot["row"]["sentence_id"])
    session.execute(insert(EntityRow), [snapshot["row"]])
    if snapshot["arguments"]:
        session.execute(insert(EventArgument), snapshot["arguments"])
    entity_id = snapshot["row"]["id"]
    for model, key in ((SentenceStance, "sentence_holders"), (DocumentStance, "document_holders")):
        if snapshot[key]:
            session.execute(update(model).where(model.id.in_(snapshot[key])).values(holder_id=entity_id))
    session.flush()


def event_snapshot(session: Session, event_id: int) -> dict[str, Any]:
    """An event's row, attributes and arguments."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise StoreError(f"there is no event {event_id}")
    return {
        "row": _columns(row),
        "attributes": [
            _columns(a)
            for a in session.scalars(select(EventAttribute).where(EventAttribute.event_id == event_id))
        ],
        "arguments": [
            _columns(a)
            for a in session.scalars(select(EventArgument).where(EventArgument.event_id == event_id))
        ],
    }


def restore_event(session: Session, snapshot: dict[str, Any]) -> None:
    """Put back an event exactly as :func:`event_snapshot` saw it."""
    authorize(session, snapshot["row"]["annotator_id"], sentence_id=snapshot["row"]["sentence_id"])
    session.execute(insert(EventRow), [snapshot["row"]])
    for model, key in ((EventAttribute, "attributes"), (EventArgument, "arguments")):
        if snapshot[key]:
            session.execute(insert(model), snapshot[key])
    session.flush()


def argument_snapshot(session: Session, argument_id: int) -> dict[str, Any]:
    """An argument's row."""
    row = session.get(EventArgument, argument_id)
    if row is None:
        raise StoreError(f"there is no argument {argument_id}")
    return _columns(row)


def restore_argument(session: Session, snapshot: dict[str, Any]) -> None:
    """Put back an argument with its id."""
    authorize(session, snapshot["annotator_id"], sentence_id=snapshot["sentence_id"])
    session.execute(insert(EventArgument), [snapshot])
    session.flush()


def delete_argument(session: Session, argument_id: int) -> None:
    """Remove one argument of an event."""
    found = session.execute(
        select(EventArgument.annotator_id, EventArgument.sentence_id).where(EventArgument.id == argument_id)
    ).first()
    if found is None:
        return
    authorize(session, found.annotator_id, sentence_id=found.sentence_id)
    session.execute(delete(EventArgument).where(EventArgument.id == argument_id))
    session.flush()


def sentence_stance_state(
    session: Session, sentence_id: int, annotator_id: int, target: str
) -> tuple[str, int | None, int] | None:
    """``(label, holder_id, row id)`` of a sentence stance, or None."""
    row = session.execute(
        select(SentenceStance.label, SentenceStance.holder_id, SentenceStance.id).where(
            SentenceStance.sentence_id == sentence_id,
            SentenceStance.annotator_id == annotator_id,
            SentenceStance.target == target,
        )
    ).first()
    return (row[0], row[1], row[2]) if row else None


def document_stance_state(
    session: Session, document_id: int, annotator_id: int, target: str
) -> tuple[str, int | None, int] | None:
    """``(label, holder_id, row id)`` of a document stance, or None."""
    row = session.execute(
        select(DocumentStance.label, DocumentStance.holder_id, DocumentStance.id).where(
            DocumentStance.document_id == document_id,
            DocumentStance.annotator_id == annotator_id,
            DocumentStance.target == target,
        )
    ).first()
    return (row[0], row[1], row[2]) if row else None


def status_state(session: Session, sentence_id: int, annotator_id: int) -> tuple[str, str, datetime] | None:
    """``(status, comment, updated_at)`` of a sentence for an annotator, or None when it has no row (todo)."""
    row = session.get(SentenceStatus, (sentence_id, annotator_id))
    return (row.status, row.comment, row.updated_at) if row else None


def clear_status(session: Session, sentence_id: int, annotator_id: int) -> None:
    """Forget the status row, so the sentence is todo with no comment again."""
    authorize(session, annotator_id, sentence_id=sentence_id)
    session.execute(
        delete(SentenceStatus).where(
            SentenceStatus.sentence_id == sentence_id, SentenceStatus.annotator_id == annotator_id
        )
    )
    session.flush()


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}
