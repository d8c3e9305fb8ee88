"""Streaming one annotator's layer out of the store as core records, document by document.

Sentences are read in batches with a handful of queries per batch (tokens, entities, events,
attributes, arguments, stance), never one query per sentence and never the whole corpus at once.
Entities and events get ids ``T1``, ``E1``, ... numbered through each document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from annotator.core.model import (
    ArgumentRecord,
    DocumentStanceRecord,
    DocumentStart,
    EntityRecord,
    EventRecord,
    Layer,
    Record,
    SentenceRecord,
    StanceRecord,
    Token,
)
from annotator.store.tables import (
    Annotator,
    Document,
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
    TokenRow,
)

BATCH = 2000


@dataclass(frozen=True)
class Selection:
    """Whose layer to export and which sentences: ``done`` only, or ``all``."""

    annotator_id: int
    status: str = "done"


def count_selected(session: Session, selection: Selection) -> int:
    """How many sentences the selection holds."""
    query = select(func.count()).select_from(Sentence)
    if selection.status == "done":
        query = query.join(
            SentenceStatus,
            and_(
                SentenceStatus.sentence_id == Sentence.id,
                SentenceStatus.annotator_id == selection.annotator_id,
            ),
        ).where(SentenceStatus.status == "done")
    return int(session.scalar(query) or 0)


def iter_layer(
    session: Session,
    selection: Selection,
    attribute_order: Sequence[str] = (),
    target_order: Sequence[str] = (),
) -> Iterator[Record]:
    """Yield DocumentStart, SentenceRecord and DocumentStanceRecord records for the selection."""
    name = session.scalar(select(Annotator.name).where(Annotator.id == selection.annotator_id)) or ""
    docs = session.execute(select(Document.id, Document.name, Document.source).order_by(Document.name)).all()
    for doc_id, doc_name, source in docs:
        yield from _document(
            session, selection, name, doc_id, doc_name, source, attribute_order, target_order
        )


def _document(
    session: Session,
    sel: Selection,
    annotator: str,
    doc_id: int,
    doc_name: str,
    source: str,
    attribute_order: Sequence[str],
    target_order: Sequence[str],
) -> Iterator[Record]:
    query = (
        select(
            Sentence.id,
            Sentence.position,
            Sentence.paragraph,
            Sentence.start_offset,
            Sentence.text,
            func.coalesce(SentenceStatus.status, "todo"),
            func.coalesce(SentenceStatus.comment, ""),
        )
        .outerjoin(
            SentenceStatus,
            and_(SentenceStatus.sentence_id == Sentence.id, SentenceStatus.annotator_id == sel.annotator_id),
        )
        .where(Sentence.document_id == doc_id)
        .order_by(Sentence.position)
    )
    if sel.status == "done":
        query = query.where(SentenceStatus.status == "done")
    refs = _Refs()
    started = False
    rows = session.execute(query).all()
    for i in range(0, len(rows), BATCH):
        batch = rows[i : i + BATCH]
        if not started:
            text = session.scalar(select(Document.text).where(Document.id == doc_id)) or ""
            yield DocumentStart(doc_name, source, text)
            started = True
        yield from _batch(session, sel.annotator_id, annotator, batch, refs, attribute_order, target_order)
    if started:
        stance = _document_stance(session, doc_id, sel.annotator_id, refs, target_order)
        if stance:
            yield DocumentStanceRecord(doc_name, annotator, stance)


class _Refs:
    """Numbers entities and events through a document and remembers entity ids for holders."""

    def __init__(self) -> None:
        self.entities: dict[int, str] = {}
        self.events = 0

    def entity(self, entity_id: int) -> str:
        ref = self.entities.get(entity_id)
        if ref is None:
            ref = self.entities[entity_id] = f"T{len(self.entities) + 1}"
        return ref

    def event(self) -> str:
        self.events += 1
        return f"E{self.events}"


def _grouped(session: Session, query: Any) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(query):
        out[row[0]].append(row)
    return out


def _batch(
    session: Session,
    annotator_id: int,
    annotator: str,
    rows: Sequence[Any],
    refs: _Refs,
    attribute_order: Sequence[str],
    target_order: Sequence[str],
) -> Iterator[SentenceRecord]:
    ids = [r[0] for r in rows]
    tokens = _grouped(
        session,
        select(TokenRow.sentence_id, TokenRow.start_offset, TokenRow.end_offset)
        .where(TokenRow.sentence_id.in_(ids))
        .order_by(TokenRow.sentence_id, TokenRow.position),
    )
    mine = (EntityRow.annotator_id == annotator_id, EntityRow.sentence_id.in_(ids))
    entities = _grouped(
        session,
        select(
            EntityRow.sentence_id, EntityRow.id, EntityRow.token_start, EntityRow.token_last, EntityRow.label
        )
        .where(*mine)
        .order_by(
            EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last, EntityRow.label, EntityRow.id
        ),
    )
    events = _grouped(
        session,
        select(EventRow.sentence_id, EventRow.id, EventRow.token_start, EventRow.token_last, EventRow.type)
        .where(EventRow.annotator_id == annotator_id, EventRow.sentence_id.in_(ids))
        .order_by(
            EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type, EventRow.id
        ),
    )
    event_ids = [e[1] for group in events.values() for e in group]
    attributes = _grouped(
        session,
        select(EventAttribute.event_id, EventAttribute.name, EventAttribute.value).where(
            EventAttribute.event_id.in_(event_ids)
        ),
    )
    arguments = _grouped(
        session,
        select(EventArgument.event_id, EventArgument.role, EventArgument.entity_id)
        .where(EventArgument.event_id.in_(event_ids))
        .order_by(EventArgument.event_id, EventArgument.id),
    )
    stance = _grouped(
        session,
        select(
            SentenceStance.sentence_id, SentenceStance.target, SentenceStance.label, SentenceStance.holder_id
        )
        .where(SentenceStance.annotator_id == annotator_id, SentenceStance.sentence_id.in_(ids))
        .order_by(SentenceStance.sentence_id, SentenceStance.target),
    )
    rank = {name: i for i, name in enumerate(attribute_order)}
    target_rank = {name: i for i, name in enumerate(target_order)}
    for sid, position, paragraph, start, text, status, comment in rows:
        ents = tuple(
            EntityRecord(label, ts, tl + 1, refs.entity(eid))
            for _, eid, ts, tl, label in entities.get(sid, [])
        )
        evs = []
        for _, ev_id, ts, tl, etype in events.get(sid, []):
            attrs = sorted(
                ((n, v) for _, n, v in attributes.get(ev_id, [])),
                key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]),
            )
            args = tuple(ArgumentRecord(role, refs.entity(ent)) for _, role, ent in arguments.get(ev_id, []))
            evs.append(EventRecord(etype, ts, tl + 1, tuple(attrs), args, refs.event()))
        st = sorted(
            (
                StanceRecord(t, lab, refs.entity(h) if h is not None else None)
                for _, t, lab, h in stance.get(sid, [])
            ),
            key=lambda s: (target_rank.get(s.target, len(target_rank)), s.target),
        )
        layer = Layer(annotator, status, comment, ents, tuple(evs), tuple(st))
        toks = tuple(Token(text[a:b], a, b) for _, a, b in tokens.get(sid, []))
        yield SentenceRecord(text, toks, paragraph, position, start, None, (layer,))


def _document_stance(
    session: Session, doc_id: int, annotator_id: int, refs: _Refs, target_order: Sequence[str]
) -> tuple[StanceRecord, ...]:
    rows = session.execute(
        select(DocumentStance.target, DocumentStance.label, DocumentStance.holder_id).where(
            DocumentStance.document_id == doc_id, DocumentStance.annotator_id == annotator_id
        )
    ).all()
    rank = {name: i for i, name in enumerate(target_order)}
    out = [
        StanceRecord(t, lab, refs.entities.get(h) if h is not None else None)
        for t, lab, h in sorted(rows, key=lambda r: (rank.get(r[0], len(rank)), r[0]))
    ]
    return tuple(out)
