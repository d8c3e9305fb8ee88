"""Pre-annotation in bulk: suggestions written into a person's layer, and taken out again as one batch.

``annotator suggest --apply`` adds entities, events (with the schema's default attributes) and
sentence stance to a person's not-done sentences in one transaction, with multi-row inserts, and
records what it added (:func:`annotator.store.suggestions.record_applied`). Taking the batch out
removes only the rows still there as they were added: what the person changed since is theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.core.schema import Schema
from annotator.store import edits, snapshots
from annotator.store.access import authorize
from annotator.store.snapshots import EntitySnapshot, EventSnapshot
from annotator.store.suggestions import AppliedBatch, applied_batch, drop_applied, record_applied
from annotator.store.tables import EntityRow, EventAttribute, EventRow, Sentence, SentenceStance, utcnow
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
    entities: tuple[EntitySnapshot, ...]
    events: tuple[EventSnapshot, ...]
    stance: tuple[tuple[int, int, str, str], ...]

    @property
    def sentences(self) -> frozenset[int]:
        """The sentences whose rows were removed."""
        return frozenset(
            [e.entity.sentence_id for e in self.entities]
            + [e.event.sentence_id for e in self.events]
            + [s[1] for s in self.stance]
        )


def take_out(session: Session, annotator_id: int) -> TakenOut | None:
    """Remove what the person's pending batch added and is still there unchanged, and the record.

    None when there is no pending batch.
    """
    batch = applied_batch(session, annotator_id)
    if batch is None:
        return None
    authorize(session, annotator_id)
    now_entities = {
        r[0]: tuple(r)
        for r in session.execute(
            select(
                EntityRow.id,
                EntityRow.sentence_id,
                EntityRow.token_start,
                EntityRow.token_last,
                EntityRow.label,
            ).where(EntityRow.annotator_id == annotator_id)
        )
    }
    now_events = {
        r[0]: tuple(r)
        for r in session.execute(
            select(
                EventRow.id, EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type
            ).where(EventRow.annotator_id == annotator_id)
        )
    }
    now_stance = {
        r[0]: tuple(r)
        for r in session.execute(
            select(
                SentenceStance.id, SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label
            ).where(SentenceStance.annotator_id == annotator_id)
        )
    }
    taken_entities, taken_events = [], []
    for row in batch.events:
        if now_events.get(row[0]) == tuple(row):
            taken_events.append(snapshots.event_snapshot(session, row[0]))
            edits.delete_event(session, row[0])
    for row in batch.entities:
        if now_entities.get(row[0]) == tuple(row):
            taken_entities.append(snapshots.entity_snapshot(session, row[0]))
            edits.delete_entity(session, row[0])
    taken_stance = [one for one in batch.stance if now_stance.get(one[0]) == tuple(one)]
    if taken_stance:
        session.execute(delete(SentenceStance).where(SentenceStance.id.in_([one[0] for one in taken_stance])))
    drop_applied(session, annotator_id)
    session.flush()
    return TakenOut(batch, tuple(taken_entities), tuple(taken_events), tuple(taken_stance))


def put_back(session: Session, taken: TakenOut) -> None:
    """Undo :func:`take_out`: the same rows with the same ids, and the batch's record again."""
    authorize(session, taken.batch.annotator_id)
    for entity in taken.entities:
        snapshots.restore_entity(session, entity)
    for event in taken.events:
        snapshots.restore_event(session, event)
    if taken.stance:
        session.execute(
            insert(SentenceStance),
            [
                {
                    "id": i,
                    "sentence_id": sid,
                    "annotator_id": taken.batch.annotator_id,
                    "target": t,
                    "label": label,
                    "holder_id": None,
                }
                for i, sid, t, label in taken.stance
            ],
        )
    record_applied(session, taken.batch)
    session.flush()
