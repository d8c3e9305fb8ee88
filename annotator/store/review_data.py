"""What agreement needs from the store: annotators' layers over the sentences they all finished.

Returns plain tuples keyed by sentence id; the coefficients never see the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

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
        session.scalars(
            select(SentenceStatus.sentence_id).where(
                SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done"
            )
        )
    )


def token_counts(session: Session, sentence_ids: set[int]) -> dict[int, int]:
    """Token count of each of these sentences."""
    return {
        sid: n for sid, n in session.execute(select(Sentence.id, Sentence.n_tokens)) if sid in sentence_ids
    }


def layer_data(session: Session, annotator_id: int, sentence_ids: Sequence[int] | set[int]) -> LayerData:
    """Entities, events (with argument spans) and sentence stance of one annotator in these sentences."""
    wanted = set(sentence_ids)
    data = LayerData(done=sentences_done(session, annotator_id))
    spans: dict[int, tuple[int, int]] = {}
    for eid, sid, ts, tl, label in session.execute(
        select(
            EntityRow.id, EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last, EntityRow.label
        ).where(EntityRow.annotator_id == annotator_id)
    ):
        spans[eid] = (ts, tl + 1)
        if sid in wanted:
            data.entities[sid].append((ts, tl + 1, label))
    args: dict[int, set[tuple[str, int, int]]] = defaultdict(set)
    for ev, role, ent in session.execute(
        select(EventArgument.event_id, EventArgument.role, EventArgument.entity_id).where(
            EventArgument.annotator_id == annotator_id
        )
    ):
        args[ev].add((role, *spans[ent]))
    for ev, sid, ts, tl, etype in session.execute(
        select(
            EventRow.id, EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type
        ).where(EventRow.annotator_id == annotator_id)
    ):
        if sid in wanted:
            data.events[sid].append((ts, tl + 1, etype, frozenset(args[ev])))
    for sid, target, label in session.execute(
        select(SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label).where(
            SentenceStance.annotator_id == annotator_id
        )
    ):
        if sid in wanted:
            data.stance[(sid, target)] = label
    return data


def all_sentence_ids(session: Session) -> list[int]:
    """Every sentence id in corpus order."""
    return list(session.scalars(select(Sentence.id).order_by(Sentence.document_id, Sentence.position)))
