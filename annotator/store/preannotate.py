"""Pre-annotation in bulk: suggestions written into a person's layer, and taken out again as one batch.

``annotator suggest --apply`` adds entities, events (with the schema's default attributes) and
sentence stance to a person's not-done sentences in one transaction, with multi-row inserts, and
records what it added (:func:`annotator.store.suggestions.record_applied`). Taking the batch out
removes only the rows still there as they were added: what the person changed since is theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.core.schema import Schema
from annotator.store.access import authorize
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
    utcnow,
)
from annotator.store.training_rows import chunks

NewSpan = tuple[int, int, int, str]  # sentence_id, token_start, token_end (exclusive), label or type
NewStance = tuple[int, str, str]  # sentence_id, target, label


def apply_rows(
    session: Session,
    schema: Schema,
    annotator_id: int,
    entities: Sequence[NewSpan],
    events: Sequence[NewSpan],
    stance: Sequence[NewStance],
) -> AppliedBatch:
    """Insert the rows into the person's layer and record them as the pending batch; the batch.

    The caller has filtered them (scores, overlaps, what the layer holds); the database's unique
    keys still refuse a duplicate.
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
        values = [
            {
                "sentence_id": sid,
                "annotator_id": annotator_id,
                "token_start": a,
                "token_last": b - 1,
                "sentence_tokens": counts[sid],
                "label": label,
            }
            for sid, a, b, label in entities
        ]
        ids = session.scalars(
            insert(EntityRow).returning(EntityRow.id, sort_by_parameter_order=True), values
        ).all()
        added_entities = [
            (i, sid, a, b - 1, label) for i, (sid, a, b, label) in zip(ids, entities, strict=True)
        ]
    if events:
        values = [
            {
                "sentence_id": sid,
                "annotator_id": annotator_id,
                "token_start": a,
                "token_last": b - 1,
                "sentence_tokens": counts[sid],
                "type": kind,
            }
            for sid, a, b, kind in events
        ]
        ids = session.scalars(
            insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True), values
        ).all()
        added_events = [(i, sid, a, b - 1, kind) for i, (sid, a, b, kind) in zip(ids, events, strict=True)]
        defaults = schema.default_attributes()
        if defaults:
            session.execute(
                insert(EventAttribute),
                [{"event_id": i, "name": k, "value": v} for i in ids for k, v in defaults.items()],
            )
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
    record_applied(session, batch)
    return batch


@dataclass(frozen=True)
class TakenOut:
    """What taking a batch out removed, to put it back on a redo (same ids)."""

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


Row = tuple[Any, ...]


def _unchanged(session: Session, query: Any, added: Sequence[Row]) -> list[Row]:
    """The rows of ``added`` the query (id first, then the same columns) still finds as they were."""
    now = {row[0]: tuple(row) for row in session.execute(query)}
    return [row for row in added if now.get(row[0]) == tuple(row)]


def take_out(session: Session, annotator_id: int) -> TakenOut | None:
    """Remove what the person's pending batch added and is still there unchanged, and the record.

    Unchanged: the same tokens and label (or type, or stance label), and nothing made since hangs
    on it (an argument, a stance holder). Bulk statements: an undo of thousands of rows is one
    short transaction. None when there is no pending batch.
    """
    batch = applied_batch(session, annotator_id)
    if batch is None:
        return None
    authorize(session, annotator_id)
    mine_e = EntityRow.annotator_id == annotator_id
    entities = _unchanged(
        session,
        select(
            EntityRow.id, EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last, EntityRow.label
        ).where(mine_e),
        batch.entities,
    )
    events = _unchanged(
        session,
        select(
            EventRow.id, EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type
        ).where(EventRow.annotator_id == annotator_id),
        batch.events,
    )
    stance = _unchanged(
        session,
        select(
            SentenceStance.id, SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label
        ).where(SentenceStance.annotator_id == annotator_id, SentenceStance.holder_id.is_(None)),
        batch.stance,
    )
    used = set(
        session.scalars(select(EventArgument.entity_id).where(EventArgument.annotator_id == annotator_id))
    )
    used |= set(
        session.scalars(select(SentenceStance.holder_id).where(SentenceStance.annotator_id == annotator_id))
    )
    used |= set(
        session.scalars(select(DocumentStance.holder_id).where(DocumentStance.annotator_id == annotator_id))
    )
    with_arguments = set(
        session.scalars(select(EventArgument.event_id).where(EventArgument.annotator_id == annotator_id))
    )
    entities = [row for row in entities if row[0] not in used]
    events = [row for row in events if row[0] not in with_arguments]
    counts = _token_counts(session, {row[1] for row in (*entities, *events)})
    attributes: list[AttributeColumns] = []
    for part in chunks([row[0] for row in events]):
        found = session.execute(select(EventAttribute).where(EventAttribute.event_id.in_(part))).scalars()
        attributes += [AttributeColumns(a.event_id, a.name, a.value) for a in found]
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
        batch,
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


def put_back(session: Session, taken: TakenOut) -> None:
    """Undo :func:`take_out`: the same rows with the same ids, and the batch's record again."""
    annotator_id = taken.batch.annotator_id
    authorize(session, annotator_id)
    for model, rows in (
        (EntityRow, taken.entities),
        (EventRow, taken.events),
        (EventAttribute, taken.attributes),
    ):
        if rows:
            session.execute(insert(model), [asdict(row) for row in rows])
    if taken.stance:
        session.execute(
            insert(SentenceStance),
            [
                {
                    "id": i,
                    "sentence_id": sid,
                    "annotator_id": annotator_id,
                    "target": t,
                    "label": label,
                    "holder_id": None,
                }
                for i, sid, t, label in taken.stance
            ],
        )
    record_applied(session, taken.batch)
    session.flush()
