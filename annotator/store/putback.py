"""Putting back what :func:`annotator.store.preannotate.take_out` removed (a redo of the window's undo
of a pre-annotation), as far as it still fits the layer as it is now."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from annotator.core.schema import Schema
from annotator.core.validate import LayerError, check_no_overlap
from annotator.store.access import authorize
from annotator.store.locks import lock_sentence_layers
from annotator.store.preannotate import Row, TakenOut, merge_into_record, not_todo
from annotator.store.snapshots import EntityColumns
from annotator.store.suggestions import AppliedBatch
from annotator.store.tables import EntityRow, EventAttribute, EventRow, SentenceStance
from annotator.store.training_rows import chunks


def _ids_taken(session: Session, column: Any, ids: list[int]) -> set[int]:
    taken: set[int] = set()
    for part in chunks(ids):
        taken |= set(session.scalars(select(column).where(column.in_(part))))
    return taken


def _layer(session: Session, query: Any, sentence_ids: set[int], column: Any) -> dict[int, list[Row]]:
    found: dict[int, list[Row]] = {}
    for part in chunks(sorted(sentence_ids)):
        for row in session.execute(query.where(column.in_(part))):
            found.setdefault(row[0], []).append(tuple(row[1:]))
    return found


def _insert(session: Session, model: Any, rows: list[dict[str, Any]], free: set[int]) -> list[int]:
    """Insert the rows, keeping each id unless it is not in ``free``; the ids they got, in order."""
    ids = [row["id"] for row in rows]
    same = [row for row in rows if row["id"] in free]
    if same:
        session.execute(insert(model), same)
    fresh = [{k: v for k, v in row.items() if k != "id"} for row in rows if row["id"] not in free]
    new_ids = iter(
        session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), fresh).all()
        if fresh
        else []
    )
    return [i if i in free else next(new_ids) for i in ids]


def put_back(session: Session, schema: Schema, taken: TakenOut) -> int:
    """Undo :func:`take_out` with the rows that still fit; how many did not (left out, and out of
    the record).

    A row fits when its sentence is still todo and the layer there now has no duplicate of it (nor
    an entity it would overlap where the schema forbids it, nor a stance on its target). It keeps
    its id when that id is free, else gets a new one. The rows put back merge into the record.
    """
    annotator_id = taken.batch.annotator_id
    authorize(session, annotator_id)
    sentences = set(taken.sentences)
    lock_sentence_layers(session, annotator_id, sorted(sentences))
    closed = not_todo(session, annotator_id, sentences)
    mine_e, mine_v = EntityRow.annotator_id == annotator_id, EventRow.annotator_id == annotator_id
    spans = _layer(
        session,
        select(EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last + 1, EntityRow.label).where(
            mine_e
        ),
        sentences,
        EntityRow.sentence_id,
    )
    triggers = _layer(
        session,
        select(EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type).where(mine_v),
        sentences,
        EventRow.sentence_id,
    )
    given = _layer(
        session,
        select(SentenceStance.sentence_id, SentenceStance.target).where(
            SentenceStance.annotator_id == annotator_id
        ),
        sentences,
        SentenceStance.sentence_id,
    )
    entities: list[EntityColumns] = []
    for e in taken.entities:
        there = spans.setdefault(e.sentence_id, [])
        new = (e.token_start, e.token_last + 1, e.label)
        if e.sentence_id in closed or new in there:
            continue
        try:
            check_no_overlap(schema, [*there, new])
        except LayerError:
            continue
        there.append(new)
        entities.append(e)
    events = [
        v
        for v in taken.events
        if v.sentence_id not in closed
        and (v.token_start, v.token_last, v.type) not in triggers.get(v.sentence_id, [])
    ]
    stance = [s for s in taken.stance if s[1] not in closed and (s[2],) not in given.get(s[1], [])]
    free_e = {e.id for e in entities} - _ids_taken(session, EntityRow.id, [e.id for e in entities])
    free_v = {v.id for v in events} - _ids_taken(session, EventRow.id, [v.id for v in events])
    free_s = {s[0] for s in stance} - _ids_taken(session, SentenceStance.id, [s[0] for s in stance])
    entity_ids = _insert(session, EntityRow, [asdict(e) for e in entities], free_e)
    event_ids = _insert(session, EventRow, [asdict(v) for v in events], free_v)
    renamed = dict(zip([v.id for v in events], event_ids, strict=True))
    attributes = [
        {"event_id": renamed[a.event_id], "name": a.name, "value": a.value}
        for a in taken.attributes
        if a.event_id in renamed
    ]
    if attributes:
        session.execute(insert(EventAttribute), attributes)
    stance_rows = [
        {
            "id": i,
            "sentence_id": sid,
            "annotator_id": annotator_id,
            "target": t,
            "label": label,
            "holder_id": None,
        }
        for i, sid, t, label in stance
    ]
    stance_ids = _insert(session, SentenceStance, stance_rows, free_s)
    merge_into_record(
        session,
        AppliedBatch(
            annotator_id,
            taken.batch.created_at,
            tuple(
                (i, e.sentence_id, e.token_start, e.token_last, e.label)
                for i, e in zip(entity_ids, entities, strict=True)
            ),
            tuple(
                (i, v.sentence_id, v.token_start, v.token_last, v.type)
                for i, v in zip(event_ids, events, strict=True)
            ),
            tuple((i, s[1], s[2], s[3]) for i, s in zip(stance_ids, stance, strict=True)),
        ),
    )
    session.flush()
    left_out = len(taken.entities) + len(taken.events) + len(taken.stance)
    return left_out - len(entities) - len(events) - len(stance)
