"""Corrections of tokens and sentences in the database: read a document's sentences with every
layer in them, write a corrected state back in the same transaction, and who may do it.

A span's ``sentence_tokens`` copies its sentence's token count through a composite foreign key
that is not deferrable (on SQLite or PostgreSQL), so changing a sentence's tokens cannot update
the spans in place: :func:`put` deletes every row of the sentences, rewrites the sentences, and
inserts the rows again with the same ids (the ids other commands and document stance holders
refer to). Sentence order is unique per document, so positions that change go through a
temporary negative value first, which works on SQLite and PostgreSQL alike.

Who may correct is ``correction_rights``; the commands check it in the transaction that corrects.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import asdict
from itertools import pairwise
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Executable, case, delete, func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from annotator.core.corrections import (
    NEW,
    ArgumentRow,
    AttributeRow,
    SentenceRow,
    Sentences,
    SpanRow,
    StanceRow,
    StatusRow,
    TimeRow,
    VerdictRow,
    resolved,
)
from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.store.offsets import pack, unpack
from annotator.store.tables import (
    ActiveTime,
    Annotator,
    Base,
    Document,
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
    SuggestionFeedback,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def document_of(session: Session, sentence_id: int) -> int:
    """The document a sentence belongs to; StoreError when the sentence is gone."""
    doc = session.scalar(select(Sentence.document_id).where(Sentence.id == sentence_id))
    if doc is None:
        raise StoreError(
            message(
                "there is no sentence {number}: it was corrected or removed meanwhile", number=sentence_id
            )
        )
    return int(doc)


def next_sentence(session: Session, sentence_id: int) -> int | None:
    """The sentence after this one in its document, or None at the document's end."""
    row = session.execute(
        select(Sentence.document_id, Sentence.position).where(Sentence.id == sentence_id)
    ).one()
    return session.scalar(
        select(Sentence.id)
        .where(Sentence.document_id == row.document_id, Sentence.position > row.position)
        .order_by(Sentence.position)
        .limit(1)
    )


def take(session: Session, document_id: int, sentence_ids: Collection[int]) -> Sentences:
    """The sentences with every row of every layer in them, the document's order, and the gaps."""
    ids = sorted(sentence_ids)
    rows = session.scalars(select(Sentence).where(Sentence.id.in_(ids)).order_by(Sentence.position)).all()
    if len(rows) != len(ids) or any(r.document_id != document_id for r in rows):
        raise StoreError(
            message("the sentences were corrected or removed meanwhile: read the document again")
        )
    sentences = tuple(
        SentenceRow(
            r.id,
            r.document_id,
            r.position,
            r.paragraph,
            r.start_offset,
            r.end_offset,
            r.text,
            *map(tuple, unpack(r.token_offsets)),
        )
        for r in rows
    )
    entities = _spans(session, EntityRow, EntityRow.label, ids)
    events = _spans(session, EventRow, EventRow.type, ids)
    attributes = tuple(
        AttributeRow(r.event_id, r.name, r.value)
        for r in session.scalars(
            select(EventAttribute)
            .where(EventAttribute.event_id.in_([e.id for e in events]))
            .order_by(EventAttribute.event_id, EventAttribute.name)
        )
    )
    arguments = tuple(
        ArgumentRow(r.id, r.event_id, r.sentence_id, r.annotator_id, r.role, r.entity_id)
        for r in session.scalars(
            select(EventArgument).where(EventArgument.sentence_id.in_(ids)).order_by(EventArgument.id)
        )
    )
    stance = tuple(
        StanceRow(r.id, r.sentence_id, r.annotator_id, r.target, r.label, r.holder_id)
        for r in session.scalars(
            select(SentenceStance).where(SentenceStance.sentence_id.in_(ids)).order_by(SentenceStance.id)
        )
    )
    statuses = tuple(
        StatusRow(r.sentence_id, r.annotator_id, r.status, r.comment, r.updated_at)
        for r in session.scalars(
            select(SentenceStatus)
            .where(SentenceStatus.sentence_id.in_(ids))
            .order_by(SentenceStatus.sentence_id, SentenceStatus.annotator_id)
        )
    )
    f = SuggestionFeedback
    verdicts = tuple(
        VerdictRow(
            r.annotator_id,
            r.sentence_id,
            r.kind,
            r.token_start,
            r.token_last,
            r.label,
            r.target,
            r.verdict,
            r.created_at,
        )
        for r in session.scalars(
            select(f)
            .where(f.sentence_id.in_(ids))
            .order_by(f.sentence_id, f.annotator_id, f.kind, f.token_start, f.token_last, f.label, f.target)
        )
    )
    times = tuple(
        TimeRow(r.annotator_id, r.sentence_id, r.seconds, r.updated_at)
        for r in session.scalars(
            select(ActiveTime)
            .where(ActiveTime.sentence_id.in_(ids))
            .order_by(ActiveTime.sentence_id, ActiveTime.annotator_id)
        )
    )
    order = session.execute(
        select(Sentence.id, Sentence.position, Sentence.start_offset)
        .where(Sentence.document_id == document_id)
        .order_by(Sentence.position)
    ).all()
    positions = tuple((int(i), int(p)) for i, p, _ in order)
    gaps = _gaps(session, document_id, sentences, order) if len(ids) > 1 else ()
    people = {r.annotator_id for group in (entities, events, stance, statuses) for r in group}
    who = select(Annotator.id, Annotator.name).where(Annotator.id.in_(people))
    names = tuple((int(i), str(n)) for i, n in session.execute(who))
    return Sentences(
        sentences,
        entities,
        events,
        attributes,
        arguments,
        stance,
        statuses,
        verdicts,
        times,
        positions,
        gaps,
        tuple(sorted(names)),
    )


def _spans(
    session: Session,
    model: type[EntityRow] | type[EventRow],
    label: InstrumentedAttribute[str],
    ids: list[int],
) -> tuple[SpanRow, ...]:
    query = (
        select(model.id, model.sentence_id, model.annotator_id, model.token_start, model.token_last, label)
        .where(model.sentence_id.in_(ids))
        .order_by(model.id)
    )
    return tuple(SpanRow(*row) for row in session.execute(query))


def _gaps(
    session: Session,
    document_id: int,
    sentences: tuple[SentenceRow, ...],
    order: Iterable[tuple[int, int, int]],
) -> tuple[tuple[int, str], ...]:
    """The document text between each held sentence and the next one, when the next is held too."""
    text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
    held = {s.id: s for s in sentences}
    listed = list(order)
    out = []
    for (sid, _, _), (nid, _, _) in pairwise(listed):
        if sid in held and nid in held:
            a, b = held[sid], held[nid]
            if (
                text[a.start_offset : a.end_offset] == a.text
                and text[b.start_offset : b.end_offset] == b.text
            ):
                out.append((sid, text[a.end_offset : b.start_offset]))
    return tuple(out)


def _clear(session: Session, ids: list[int]) -> list[tuple[int, int]]:
    """Delete every layer's rows of the sentences; return the document stances their entities held."""
    entity_ids = select(EntityRow.id).where(EntityRow.sentence_id.in_(ids)).scalar_subquery()
    holders = [
        (int(a), int(b))
        for a, b in session.execute(
            select(DocumentStance.id, DocumentStance.holder_id).where(
                DocumentStance.holder_id.in_(entity_ids)
            )
        )
        if b is not None
    ]
    if holders:
        session.execute(
            update(DocumentStance)
            .where(DocumentStance.id.in_([h[0] for h in holders]))
            .values(holder_id=None)
        )
    event_ids = select(EventRow.id).where(EventRow.sentence_id.in_(ids)).scalar_subquery()
    _all(session, EventAttribute, EventAttribute.event_id.in_(event_ids))
    for model in (
        SentenceStance,
        EventArgument,
        EventRow,
        EntityRow,
        SentenceStatus,
        SuggestionFeedback,
        ActiveTime,
    ):
        _all(session, model, model.sentence_id.in_(ids))
    return holders


ROW_SECURITY = message(
    "the database's row-level security does not let you rewrite these sentences: "
    "correcting a document needs a login that may change its sentences and everyone's rows in it"
)


def _all(session: Session, model: type[Base], where: ColumnElement[bool]) -> None:
    """Delete every row of ``model`` that ``where`` finds, or refuse: on PostgreSQL row-level
    security would otherwise delete only the rows this login may write, and say nothing."""
    found = session.scalar(select(func.count()).select_from(model).where(where)) or 0
    if found and _changed(session.execute(delete(model).where(where))) != found:
        raise StoreError(ROW_SECURITY)


def _changed(result: object) -> int:
    return int(getattr(result, "rowcount", 0))


def _move(session: Session, positions: dict[int, int]) -> None:
    """Give sentences new positions in one statement (a split moves every later sentence)."""
    if not positions:
        return
    statement = (
        update(Sentence)
        .where(Sentence.id.in_(list(positions)))
        .values(position=case(positions, value=Sentence.id))
    )
    if _changed(session.execute(statement)) != len(positions):
        raise StoreError(ROW_SECURITY)


def _one(session: Session, statement: Executable) -> None:
    """Run an update or delete that must change exactly one row (see :func:`_all`)."""
    if _changed(session.execute(statement)) != 1:
        raise StoreError(ROW_SECURITY)


def put(session: Session, current: Collection[int], state: Sentences) -> Sentences:
    """Replace what sentences ``current`` hold by ``state`` (the same ids; :data:`NEW` gets one).

    Returns the state as stored, with the new sentence's id in place of :data:`NEW`.
    """
    ids = sorted(set(current))
    holders = _clear(session, ids)
    keep = state.ids - {NEW}
    gone = [i for i in ids if i not in keep]
    for sid in gone:
        _one(session, delete(Sentence).where(Sentence.id == sid))
    document_id = state.sentences[0].document_id
    query = select(Sentence.id, Sentence.position).where(Sentence.document_id == document_id)
    stored = {int(i): int(p) for i, p in session.execute(query)}
    wanted = dict(state.positions)
    moving = [sid for sid, pos in wanted.items() if sid in stored and stored[sid] != pos]
    _move(session, {sid: -1 - wanted[sid] for sid in moving})  # out of the way first: unique positions
    new_id = None
    for s in state.sentences:
        values = {
            "document_id": s.document_id,
            "paragraph": s.paragraph,
            "start_offset": s.start_offset,
            "end_offset": s.end_offset,
            "text": s.text,
            "n_tokens": len(s.starts),
            "token_offsets": pack(s.starts, s.ends),
        }
        if s.id == NEW:
            new_id = session.execute(
                insert(Sentence).values(position=wanted[NEW], **values).returning(Sentence.id)
            ).scalar_one()
        elif s.id in stored:
            _one(session, update(Sentence).where(Sentence.id == s.id).values(**values))
        else:  # a sentence an undo or a redo brings back
            session.execute(insert(Sentence).values(id=s.id, position=wanted[s.id], **values))
    _move(session, {sid: wanted[sid] for sid in moving})
    if new_id is not None:
        state = resolved(state, new_id)
    _insert_layers(session, state)
    present = {e.id for e in state.entities}
    for stance_id, holder in holders:
        if holder in present:
            session.execute(
                update(DocumentStance).where(DocumentStance.id == stance_id).values(holder_id=holder)
            )
    session.flush()
    return state


def _insert_layers(session: Session, state: Sentences) -> None:
    counts = {s.id: len(s.starts) for s in state.sentences}
    spans: tuple[tuple[type[Base], tuple[SpanRow, ...], str], ...] = (
        (EntityRow, state.entities, "label"),
        (EventRow, state.events, "type"),
    )
    for table, rows, label in spans:
        if rows:
            session.execute(
                insert(table),
                [
                    {
                        "id": x.id,
                        "sentence_id": x.sentence_id,
                        "annotator_id": x.annotator_id,
                        "token_start": x.token_start,
                        "token_last": x.token_last,
                        "sentence_tokens": counts[x.sentence_id],
                        label: x.label,
                    }
                    for x in rows
                ],
            )
    groups: tuple[tuple[type[Base], tuple[DataclassInstance, ...]], ...] = (
        (EventAttribute, state.attributes),
        (EventArgument, state.arguments),
        (SentenceStance, state.stance),
        (SentenceStatus, state.statuses),
        (SuggestionFeedback, state.verdicts),
        (ActiveTime, state.times),
    )
    for model, items in groups:
        if items:
            session.execute(insert(model), [asdict(x) for x in items])


def every_sentence(session: Session) -> list[tuple[int, int, str, str, tuple[int, ...], tuple[int, ...]]]:
    """Every sentence in corpus order: id, document id, document name, text, token starts and ends."""
    query = (
        select(Sentence.id, Sentence.document_id, Document.name, Sentence.text, Sentence.token_offsets)
        .join(Document, Document.id == Sentence.document_id)
        .order_by(Document.name, Sentence.position)
    )
    out = []
    for sid, doc, name, words, packed in session.execute(query):
        starts, ends = unpack(packed)
        out.append((int(sid), int(doc), str(name), str(words), tuple(starts), tuple(ends)))
    return out
