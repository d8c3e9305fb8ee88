"""Pre-annotation in bulk: suggestions written into a person's layer, and taken out again as one batch.

``annotator suggest --apply`` adds entities, events (with the schema's default attributes) and
sentence stance to a person's not-done sentences in one transaction, with multi-row inserts, and
records what it added (:func:`annotator.store.suggestions.record_applied`). A new apply merges its
rows into the pending record (an apply that adds nothing records nothing), so one undo takes out
everything applied since the person last undid it.

Taking the batch out leaves alone every sentence that has become the person's: one whose status is
no longer todo (marked done, skipped, flagged), or one where any row the batch put there changed
(tokens, label or type, an event attribute other than the schema's default, an argument, a stance
holder) or is gone. Their rows leave the record. Putting the rows back (a redo) re-inserts only
those that still fit the layer: the sentence still todo, no duplicate or forbidden overlap with
what is there now; a row whose id was taken meanwhile gets a new one, which the record learns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.core.schema import Schema
from annotator.store.access import authorize
from annotator.store.locks import lock_sentence_layers
from annotator.store.snapshots import AttributeColumns, EntityColumns, EventColumns
from annotator.store.suggestions import AppliedBatch, applied_batch, drop_applied, record_applied
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
from annotator.store.training_rows import chunks

NewSpan = tuple[int, int, int, str]  # sentence_id, token_start, token_end (exclusive), label or type
NewStance = tuple[int, str, str]  # sentence_id, target, label
Row = tuple[Any, ...]


def _insert_spans(
    session: Session,
    table: type[EntityRow] | type[EventRow],
    name: str,
    annotator_id: int,
    spans: Sequence[tuple[int, int, int, str]],
    counts: dict[int, int],
) -> list[tuple[int, int, int, int, str]]:
    """Insert entity or event rows ``(sentence, start, end exclusive, label or type)`` in one
    statement; the rows as recorded: ``(id, sentence, start, last, label or type)``."""
    values = [
        {
            "sentence_id": sid,
            "annotator_id": annotator_id,
            "token_start": a,
            "token_last": b - 1,
            "sentence_tokens": counts[sid],
            name: label,
        }
        for sid, a, b, label in spans
    ]
    ids = session.scalars(insert(table).returning(table.id, sort_by_parameter_order=True), values).all()
    return [(i, sid, a, b - 1, label) for i, (sid, a, b, label) in zip(ids, spans, strict=True)]


def apply_rows(
    session: Session,
    schema: Schema,
    annotator_id: int,
    entities: Sequence[NewSpan],
    events: Sequence[NewSpan],
    stance: Sequence[NewStance],
) -> AppliedBatch:
    """Insert the rows into the person's layer and merge them into the pending batch; what was added.

    The caller has filtered them (scores, overlaps, what the layer holds) after holding the
    sentences' layer (:func:`annotator.store.locks.lock_sentence_layers`); the database's unique
    keys still refuse a duplicate. Nothing to add records nothing: the pending batch stays as it was.
    """
    authorize(session, annotator_id)
    counts: dict[int, int] = {}
    for part in chunks(sorted({row[0] for rows in (entities, events, stance) for row in rows})):
        found = session.execute(select(Sentence.id, Sentence.n_tokens).where(Sentence.id.in_(part)))
        counts.update({sid: n for sid, n in found})
    added_entities: list[tuple[int, int, int, int, str]] = []
    added_events: list[tuple[int, int, int, int, str]] = []
    added_stance: list[tuple[int, int, str, str]] = []
    if entities:
        added_entities = _insert_spans(session, EntityRow, "label", annotator_id, entities, counts)
    if events:
        added_events = _insert_spans(session, EventRow, "type", annotator_id, events, counts)
        defaults = schema.default_attributes()
        if defaults:
            pairs = defaults.items()
            rows = [{"event_id": e[0], "name": k, "value": v} for e in added_events for k, v in pairs]
            session.execute(insert(EventAttribute), rows)
    if stance:
        values = [
            {
                "sentence_id": sid,
                "annotator_id": annotator_id,
                "target": target,
                "label": label,
                "holder_id": None,
            }
            for sid, target, label in stance
        ]
        ids = session.scalars(
            insert(SentenceStance).returning(SentenceStance.id, sort_by_parameter_order=True), values
        ).all()
        added_stance = [(i, sid, t, label) for i, (sid, t, label) in zip(ids, stance, strict=True)]
    batch = AppliedBatch(
        annotator_id, utcnow(), tuple(added_entities), tuple(added_events), tuple(added_stance)
    )
    merge_into_record(session, batch)
    return batch


def merge_into_record(session: Session, batch: AppliedBatch) -> None:
    """Add the batch's rows to the person's pending record (a row with the same id is replaced)."""
    if not batch.sentences:
        return
    old = applied_batch(session, batch.annotator_id)
    if old is None:
        record_applied(session, batch)
        return

    def merged(a: Sequence[Row], b: Sequence[Row]) -> tuple[Any, ...]:
        return tuple({row[0]: row for row in (*a, *b)}.values())

    record_applied(
        session,
        AppliedBatch(
            batch.annotator_id,
            batch.created_at,
            merged(old.entities, batch.entities),
            merged(old.events, batch.events),
            merged(old.stance, batch.stance),
        ),
    )


@dataclass(frozen=True)
class TakenOut:
    """What taking a batch out removed, to put it back on a redo; ``batch`` records only these rows."""

    batch: AppliedBatch
    entities: tuple[EntityColumns, ...]
    events: tuple[EventColumns, ...]
    attributes: tuple[AttributeColumns, ...]
    stance: tuple[tuple[int, int, str, str], ...]

    @property
    def sentences(self) -> frozenset[int]:
        """The sentences whose rows were removed."""
        return frozenset(
            [e.sentence_id for e in self.entities]
            + [e.sentence_id for e in self.events]
            + [s[1] for s in self.stance]
        )


def not_todo(session: Session, annotator_id: int, sentence_ids: set[int]) -> set[int]:
    """The sentences among ``sentence_ids`` whose status for the person is not todo."""
    found: set[int] = set()
    for part in chunks(sorted(sentence_ids)):
        found |= set(
            session.scalars(
                select(SentenceStatus.sentence_id).where(
                    SentenceStatus.annotator_id == annotator_id,
                    SentenceStatus.status != "todo",
                    SentenceStatus.sentence_id.in_(part),
                )
            )
        )
    return found


def _current(session: Session, query: Any, ids: list[int], id_column: Any) -> dict[int, Row]:
    now: dict[int, Row] = {}
    for part in chunks(ids):
        now.update({row[0]: tuple(row) for row in session.execute(query.where(id_column.in_(part)))})
    return now


def _current_spans(
    session: Session, table: type[EntityRow] | type[EventRow], name: Any, annotator_id: int, rows: Any
) -> dict[int, Row]:
    """The entity or event rows of the batch as they are now: ``(id, sentence, start, last, name)``."""
    columns = select(table.id, table.sentence_id, table.token_start, table.token_last, name)
    query = columns.where(table.annotator_id == annotator_id)
    return _current(session, query, [row[0] for row in rows], table.id)


def _attributes_of(session: Session, event_ids: list[int]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for part in chunks(event_ids):
        rows = session.execute(select(EventAttribute).where(EventAttribute.event_id.in_(part))).scalars()
        for a in rows:
            found.setdefault(a.event_id, {})[a.name] = a.value
    return found


def take_out(session: Session, schema: Schema, annotator_id: int) -> TakenOut | None:
    """Remove what the person's pending batch added in the sentences that are not theirs yet; drop
    the record.

    A sentence is the person's (left alone whole) once its status is not todo, or once any row the
    batch put there is gone or changed: other tokens, label, type or stance label, attributes other
    than the schema's defaults the apply wrote, an argument on the event or of the entity, a stance
    holder. Bulk statements: an undo of thousands of rows is one short transaction. None when there
    is no pending batch. A redo is :func:`annotator.store.putback.put_back`.
    """
    batch = applied_batch(session, annotator_id)
    if batch is None:
        return None
    authorize(session, annotator_id)
    lock_sentence_layers(session, annotator_id, sorted(batch.sentences))
    kept = not_todo(session, annotator_id, set(batch.sentences))
    now_e = _current_spans(session, EntityRow, EntityRow.label, annotator_id, batch.entities)
    now_v = _current_spans(session, EventRow, EventRow.type, annotator_id, batch.events)
    now_s = _current(
        session,
        select(
            SentenceStance.id, SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label
        ).where(SentenceStance.annotator_id == annotator_id, SentenceStance.holder_id.is_(None)),
        [row[0] for row in batch.stance],
        SentenceStance.id,
    )
    mine = (EventArgument.annotator_id == annotator_id,)
    used = set(session.scalars(select(EventArgument.entity_id).where(*mine)))
    for model in (SentenceStance, DocumentStance):
        used |= set(session.scalars(select(model.holder_id).where(model.annotator_id == annotator_id)))
    with_arguments = set(session.scalars(select(EventArgument.event_id).where(*mine)))
    defaults = schema.default_attributes()
    attributes_now = _attributes_of(session, [row[0] for row in batch.events])
    for row in batch.entities:
        if now_e.get(row[0]) != tuple(row) or row[0] in used:
            kept.add(row[1])
    for row in batch.events:
        changed = attributes_now.get(row[0], {}) != defaults or row[0] in with_arguments
        if now_v.get(row[0]) != tuple(row) or changed:
            kept.add(row[1])
    for given in batch.stance:
        if now_s.get(given[0]) != tuple(given):
            kept.add(given[1])
    entities = [row for row in batch.entities if row[1] not in kept]
    events = [row for row in batch.events if row[1] not in kept]
    stance = [row for row in batch.stance if row[1] not in kept]
    counts = _token_counts(session, {row[1] for row in (*entities, *events)})
    attributes = [
        AttributeColumns(row[0], name, value)
        for row in events
        for name, value in attributes_now.get(row[0], {}).items()
    ]
    targets: list[tuple[Any, Any, Sequence[Row]]] = [
        (EventAttribute, EventAttribute.event_id, events),
        (EventRow, EventRow.id, events),
        (EntityRow, EntityRow.id, entities),
        (SentenceStance, SentenceStance.id, stance),
    ]
    for model, column, rows in targets:
        for part in chunks([row[0] for row in rows]):
            session.execute(delete(model).where(column.in_(part)))
    drop_applied(session, annotator_id)
    session.flush()
    return TakenOut(
        AppliedBatch(annotator_id, batch.created_at, tuple(entities), tuple(events), tuple(stance)),
        tuple(
            EntityColumns(i, sid, annotator_id, a, b, counts[sid], label) for i, sid, a, b, label in entities
        ),
        tuple(EventColumns(i, sid, annotator_id, a, b, counts[sid], kind) for i, sid, a, b, kind in events),
        tuple(attributes),
        tuple((i, sid, t, label) for i, sid, t, label in stance),
    )


def _token_counts(session: Session, sentence_ids: set[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for part in chunks(sorted(sentence_ids)):
        found = session.execute(select(Sentence.id, Sentence.n_tokens).where(Sentence.id.in_(part)))
        counts.update({sid: n for sid, n in found})
    return counts
