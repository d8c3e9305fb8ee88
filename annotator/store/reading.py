"""Queries behind the annotation window: one sentence's view, navigation and progress (search:
``sentence_search.py``)."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.views import ArgumentView, EntityView, EventView, SentenceView
from annotator.store.assignments import assigned_clause, assigned_to_query
from annotator.store.offsets import pairs, unpack
from annotator.store.tables import (
    Document,
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
)

# The statements of a sentence's view, built once: this runs at every keystroke that moves or
# edits. Profiled on a million sentences, building statements (SQLAlchemy's coercions and
# operators) took about a fifth of a label and its undo, SQLite's own work 2%.
_SENTENCE = (
    select(Sentence.document_id, Sentence.position, Sentence.text, Sentence.token_offsets, Document.name)
    .join(Document, Document.id == Sentence.document_id)
    .where(Sentence.id == bindparam("sentence"))
)
_ORDINAL = select(
    func.count().filter(Sentence.position < bindparam("position")),
    func.count(),
).where(Sentence.document_id == bindparam("document"))
_ENTITIES = (
    select(EntityRow.id, EntityRow.token_start, EntityRow.token_last, EntityRow.label)
    .where(EntityRow.sentence_id == bindparam("sentence"), EntityRow.annotator_id == bindparam("annotator"))
    .order_by(EntityRow.token_start, EntityRow.token_last, EntityRow.id)
)
_EVENTS = (
    select(EventRow.id, EventRow.token_start, EventRow.token_last, EventRow.type)
    .where(EventRow.sentence_id == bindparam("sentence"), EventRow.annotator_id == bindparam("annotator"))
    .order_by(EventRow.token_start, EventRow.id)
)
_ATTRIBUTES = select(EventAttribute.event_id, EventAttribute.name, EventAttribute.value).where(
    EventAttribute.event_id.in_(bindparam("events", expanding=True))
)
_ARGUMENTS = (
    select(EventArgument.id, EventArgument.event_id, EventArgument.role, EventArgument.entity_id)
    .where(EventArgument.event_id.in_(bindparam("events", expanding=True)))
    .order_by(EventArgument.id)
)
_STANCE = select(SentenceStance.target, SentenceStance.label, SentenceStance.holder_id).where(
    SentenceStance.sentence_id == bindparam("sentence"), SentenceStance.annotator_id == bindparam("annotator")
)
_DOCUMENT_STANCE = select(DocumentStance.target, DocumentStance.label, DocumentStance.holder_id).where(
    DocumentStance.document_id == bindparam("document"), DocumentStance.annotator_id == bindparam("annotator")
)
_STATUS = select(SentenceStatus.status, SentenceStatus.comment).where(
    SentenceStatus.sentence_id == bindparam("sentence"), SentenceStatus.annotator_id == bindparam("annotator")
)


def sentence_view(session: Session, sentence_id: int, annotator_id: int) -> SentenceView:
    """One sentence with the annotator's entities, events, stance, document stance and status.

    Core statements, built once, on the session's connection: this runs at every keystroke that
    moves or edits.
    """
    c = session.connection()
    row = c.execute(_SENTENCE, {"sentence": sentence_id}).first()
    if row is None:
        raise StoreError(f"there is no sentence {sentence_id}")
    doc_id, position, text, packed, doc_name = row
    index, count = c.execute(_ORDINAL, {"position": position, "document": doc_id}).one()
    tokens = pairs(packed)
    mine = {"sentence": sentence_id, "annotator": annotator_id}
    entities = tuple(EntityView(i, s, last + 1, label) for i, s, last, label in c.execute(_ENTITIES, mine))
    event_rows = c.execute(_EVENTS, mine).all()
    ids = [r[0] for r in event_rows]
    attrs: dict[int, dict[str, str]] = {i: {} for i in ids}
    args: dict[int, list[ArgumentView]] = {i: [] for i in ids}
    if ids:  # most sentences have no event: two queries fewer per keystroke
        for ev, name, value in c.execute(_ATTRIBUTES, {"events": ids}):
            attrs[ev][name] = value
        for arg_id, ev, role, ent in c.execute(_ARGUMENTS, {"events": ids}):
            args[ev].append(ArgumentView(arg_id, role, ent))
    events = tuple(EventView(i, s, last + 1, t, attrs[i], tuple(args[i])) for i, s, last, t in event_rows)
    stance = {t: (lab, h) for t, lab, h in c.execute(_STANCE, mine)}
    doc_stance = {
        t: (lab, h)
        for t, lab, h in c.execute(_DOCUMENT_STANCE, {"document": doc_id, "annotator": annotator_id})
    }
    holders = _holder_texts(session, [h for _, h in doc_stance.values() if h is not None])
    status = c.execute(_STATUS, mine).first()
    return SentenceView(
        sentence_id,
        doc_id,
        doc_name,
        position,
        int(index),
        int(count),
        text,
        tokens,
        entities,
        events,
        stance,
        doc_stance,
        holders,
        status.status if status else "todo",
        status.comment if status else "",
    )


def _holder_texts(session: Session, entity_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    if not entity_ids:
        return out
    for eid, sid, ts, tl, label in session.execute(
        select(
            EntityRow.id, EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last, EntityRow.label
        ).where(EntityRow.id.in_(entity_ids))
    ):
        text, packed = session.execute(
            select(Sentence.text, Sentence.token_offsets).where(Sentence.id == sid)
        ).one()
        starts, ends = unpack(packed)
        out[eid] = f"{text[starts[ts] : ends[tl]]} ({label})"
    return out


def document_ids(session: Session, assigned_to: int | None = None) -> list[int]:
    """Document ids ordered by name (only those assigned to ``assigned_to`` when given)."""
    query = select(Document.id).order_by(Document.name)
    if assigned_to is not None:
        query = query.where(Document.id.in_(assigned_to_query(assigned_to)))
    return list(session.scalars(query))


def sentence_ids(session: Session, document_id: int) -> list[int]:
    """A document's sentence ids ordered by position."""
    return list(
        session.scalars(
            select(Sentence.id).where(Sentence.document_id == document_id).order_by(Sentence.position)
        )
    )


def document_of(session: Session, sentence_id: int) -> int | None:
    """The document a sentence belongs to."""
    return session.scalar(select(Sentence.document_id).where(Sentence.id == sentence_id))


def next_not_done(
    session: Session, sentence_id: int, annotator_id: int, assigned_to: int | None = None
) -> int | None:
    """The next sentence in corpus order after ``sentence_id`` that the annotator has not marked done
    (among the documents assigned to ``assigned_to`` when given)."""
    here = session.execute(
        select(Document.name, Sentence.position).join(Document).where(Sentence.id == sentence_id)
    ).first()
    not_done = (
        select(Sentence.id)
        .join(Document, Document.id == Sentence.document_id)
        .outerjoin(
            SentenceStatus,
            and_(SentenceStatus.sentence_id == Sentence.id, SentenceStatus.annotator_id == annotator_id),
        )
        .where(func.coalesce(SentenceStatus.status, "todo") != "done")
        .order_by(Document.name, Sentence.position)
        .limit(1)
    )
    if assigned_to is not None:
        not_done = not_done.where(assigned_clause(assigned_to, Sentence.document_id))
    if here is not None:
        name, position = here
        after = session.scalar(
            not_done.where((Document.name > name) | and_(Document.name == name, Sentence.position > position))
        )
        if after is not None:
            return int(after)
    first = session.scalar(not_done)
    return int(first) if first is not None and first != sentence_id else None
