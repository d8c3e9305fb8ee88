"""What agreement needs from the store: annotators' layers over the sentences they all finished.

Returns plain tuples keyed by sentence id; the coefficients never see the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, aliased

from annotator.store.tables import (
    EntityRow,
    EventArgument,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
)


@dataclass
class LayerData:
    """One annotator's annotations of the compared sentences."""

    done: set[int] = field(default_factory=set)
    entities: dict[int, list[tuple[int, int, str]]] = field(default_factory=lambda: defaultdict(list))
    events: dict[int, list[tuple[int, int, str, frozenset[tuple[str, int, int]]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    stance: dict[tuple[int, str], str] = field(default_factory=dict)


def sentences_done(session: Session, annotator_id: int) -> set[int]:
    """Ids of the sentences an annotator marked done."""
    return set(
        session.connection()
        .scalars(
            select(SentenceStatus.sentence_id).where(
                SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done"
            )
        )
        .all()
    )


def token_counts(session: Session, sentence_ids: set[int]) -> dict[int, int]:
    """Token count of each of these sentences."""
    rows = session.connection().execute(select(Sentence.id, Sentence.n_tokens)).all()
    return {sid: n for sid, n in rows if sid in sentence_ids}


def layer_data(session: Session, annotator_id: int, sentence_ids: Sequence[int] | set[int]) -> LayerData:
    """Entities, events (with argument spans) and sentence stance of one annotator in these sentences."""
    wanted = set(sentence_ids)
    data = LayerData(done=sentences_done(session, annotator_id))
    # Core rows fetched whole (``.all()``): iterating a result fetches row by row, and the ORM's row
    # loading would double the time again.
    conn = session.connection()
    entities = data.entities
    for sid, ts, te, label in conn.execute(
        select(EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last + 1, EntityRow.label).where(
            EntityRow.annotator_id == annotator_id
        )
    ).all():
        if sid in wanted:
            entities[sid].append((ts, te, label))
    # Arguments with their entity's span, joined in the database rather than looked up row by row.
    args: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
    for ev, role, ts, te in conn.execute(
        select(EventArgument.event_id, EventArgument.role, EntityRow.token_start, EntityRow.token_last + 1)
        .join(EntityRow, EntityRow.id == EventArgument.entity_id)
        .where(EventArgument.annotator_id == annotator_id)
    ).all():
        args[ev].add((role, ts, te))
    for ev, sid, ts, tl, etype in conn.execute(
        select(
            EventRow.id, EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type
        ).where(EventRow.annotator_id == annotator_id)
    ).all():
        if sid in wanted:
            data.events[sid].append((ts, tl + 1, etype, frozenset(args[ev])))
    for sid, target, label in conn.execute(
        select(SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label).where(
            SentenceStance.annotator_id == annotator_id
        )
    ).all():
        if sid in wanted:
            data.stance[(sid, target)] = label
    return data


def all_sentence_ids(session: Session) -> list[int]:
    """Every sentence id in corpus order."""
    query = select(Sentence.id).order_by(Sentence.document_id, Sentence.position)
    return list(session.connection().scalars(query).all())


def sentence_stance(session: Session, annotator_id: int) -> dict[tuple[int, str], str]:
    """One annotator's sentence stance: ``(sentence id, target)`` → label."""
    query = select(SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label).where(
        SentenceStance.annotator_id == annotator_id
    )
    return {(sid, target): label for sid, target, label in session.connection().execute(query).all()}


@dataclass
class LayerBlock:
    """One annotator's entities and events (with argument spans) in a block of documents."""

    entities: dict[int, list[tuple[int, int, str]]]
    events: dict[int, list[tuple[int, int, str, frozenset[tuple[str, int, int]]]]]


class BlockReader:
    """Reads annotators' layers a block of documents at a time (documents ``lo..hi`` by id), so
    that agreement never holds a whole corpus's spans: a few statements per block and person,
    built once. Within a sentence, spans come in the order they were stored."""

    def __init__(self, session: Session) -> None:
        self.conn = session.connection()
        in_block = Sentence.document_id.between(bindparam("lo"), bindparam("hi"))

        def mine(column: Any) -> Any:
            # ``+ 0``: the block's sentences are the way in, not the person's index (SQLite would
            # otherwise read every row of the person's for each block).
            return (column + 0) == bindparam("me")

        self.entities = (
            select(EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last + 1, EntityRow.label)
            .join(Sentence, Sentence.id == EntityRow.sentence_id)
            .where(in_block, mine(EntityRow.annotator_id))
            .order_by(EntityRow.sentence_id, EntityRow.id)
        )
        argument_entity = aliased(EntityRow)
        self.arguments = (
            select(
                EventArgument.event_id,
                EventArgument.role,
                argument_entity.token_start,
                argument_entity.token_last + 1,
            )
            .select_from(Sentence)
            .join(EventRow, EventRow.sentence_id == Sentence.id)
            .join(EventArgument, EventArgument.event_id == EventRow.id)
            .join(argument_entity, argument_entity.id == EventArgument.entity_id)
            .where(in_block, mine(EventRow.annotator_id))
        )
        self.events = (
            select(
                EventRow.id, EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type
            )
            .join(Sentence, Sentence.id == EventRow.sentence_id)
            .where(in_block, mine(EventRow.annotator_id))
            .order_by(EventRow.sentence_id, EventRow.id)
        )

    def block(self, annotator_id: int, lo: int, hi: int) -> LayerBlock:
        """The annotator's entities and events in documents ``lo..hi``."""
        params = {"me": annotator_id, "lo": lo, "hi": hi}
        entities: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for sid, ts, te, label in self.conn.execute(self.entities, params).all():
            entities[sid].append((ts, te, label))
        args: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
        for ev, role, ts, te in self.conn.execute(self.arguments, params).all():
            args[ev].add((role, ts, te))
        events: dict[int, list[tuple[int, int, str, frozenset[tuple[str, int, int]]]]] = defaultdict(list)
        for ev, sid, ts, tl, etype in self.conn.execute(self.events, params).all():
            events[sid].append((ts, tl + 1, etype, frozenset(args[ev])))
        return LayerBlock(entities, events)
