"""Streaming one annotator's layer out of the store as core records, document by document.

Each sentence's layer carries the annotator's active seconds on it (0 when none).

Sentences, with their packed tokens, are read in batches with a handful of queries per batch
(entities, events, attributes, arguments, stance), never one query per sentence and never the
whole corpus at once.
Entities and events get ids ``T1``, ``E1``, ... numbered through each document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, select
from sqlalchemy.orm import Session

from annotator.core.model import (
    ArgumentRecord,
    DocumentAssignment,
    DocumentStanceRecord,
    DocumentStart,
    EntityRecord,
    EventRecord,
    Layer,
    Record,
    SentenceRecord,
    StanceRecord,
    TokenList,
)
from annotator.store.offsets import unpack
from annotator.store.tables import (
    ActiveTime,
    Annotator,
    Assignment,
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

BATCH = 2000


@dataclass(frozen=True)
class Selection:
    """Whose layer to export and which sentences: ``done`` only, or ``all``; of the documents
    ``documents`` (ids), or of every document when it is empty."""

    annotator_id: int
    status: str = "done"
    documents: tuple[int, ...] = ()


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
    if selection.documents:
        query = query.where(Sentence.document_id.in_(selection.documents))
    return int(session.scalar(query) or 0)


def iter_layer(
    session: Session,
    selection: Selection,
    attribute_order: Sequence[str] = (),
    target_order: Sequence[str] = (),
) -> Iterator[Record]:
    """Yield DocumentStart, SentenceRecord and DocumentStanceRecord records for the selection."""
    name = session.scalar(select(Annotator.name).where(Annotator.id == selection.annotator_id)) or ""
    query = select(Document.id, Document.name, Document.source).order_by(Document.name)
    if selection.documents:
        query = query.where(Document.id.in_(selection.documents))
    docs = session.execute(query).all()
    reader = _LayerReader(session, selection, name, attribute_order, target_order)
    for doc_id, doc_name, source in docs:
        yield from reader.document(doc_id, doc_name, source)


def _assignees(conn: Any, documents: tuple[int, ...]) -> dict[int, tuple[str, ...]]:
    """Document id → the names of the people it is assigned to, by name (of ``documents``, or of
    every document when it is empty)."""
    out: dict[int, list[str]] = {}
    query = (
        select(Assignment.document_id, Annotator.name)
        .join(Annotator, Annotator.id == Assignment.annotator_id)
        .order_by(Assignment.document_id, Annotator.name)
    )
    if documents:
        query = query.where(Assignment.document_id.in_(documents))
    for doc, name in conn.execute(query):
        out.setdefault(int(doc), []).append(str(name))
    return {doc: tuple(names) for doc, names in out.items()}


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


def _in_range(*columns: Any) -> Any:
    """Rows of one document whose sentence position lies in ``lo..hi`` (bound per batch)."""
    return and_(
        Sentence.document_id == bindparam("doc"),
        Sentence.position.between(bindparam("lo"), bindparam("hi")),
        *columns,
    )


class _LayerReader:
    """Reads a document in batches of sentence positions, a fixed handful of statements per batch.

    The statements are built once and bound per batch (document id, first and last position), so
    SQLAlchemy compiles each once; tokens come packed with their sentence. A kind of annotation the
    layer has nowhere (events, stance, active time) is not asked for at every batch: most layers lack some.
    """

    def __init__(
        self,
        session: Session,
        sel: Selection,
        annotator: str,
        attribute_order: Sequence[str],
        target_order: Sequence[str],
    ) -> None:
        self.session, self.sel, self.annotator = session, sel, annotator
        # Core execution on the session's connection: the ORM's row loading costs a microsecond a row.
        self.conn = session.connection()
        self.rank = {name: i for i, name in enumerate(attribute_order)}
        self.target_rank = {name: i for i, name in enumerate(target_order)}
        me = sel.annotator_id
        # Whether the layer has each kind anywhere; a few documents are simply asked (asking
        # whether a layer has any event at all may read much of a large corpus's events).
        self.has = {
            model: bool(sel.documents)
            or self.conn.execute(select(exists().where(model.annotator_id == me))).scalar_one()
            for model in (EventRow, SentenceStance, DocumentStance, ActiveTime)
        }
        self.text = select(Document.text).where(Document.id == bindparam("doc"))
        self.assignees = _assignees(self.conn, sel.documents)
        self.document_stance = select(
            DocumentStance.target, DocumentStance.label, DocumentStance.holder_id
        ).where(DocumentStance.document_id == bindparam("doc"), DocumentStance.annotator_id == me)
        status = and_(SentenceStatus.sentence_id == Sentence.id, SentenceStatus.annotator_id == me)
        self.sentences = (
            select(
                Sentence.id,
                Sentence.position,
                Sentence.paragraph,
                Sentence.start_offset,
                Sentence.text,
                Sentence.token_offsets,
                func.coalesce(SentenceStatus.status, "todo"),
                func.coalesce(SentenceStatus.comment, ""),
            )
            .outerjoin(SentenceStatus, status)
            .where(Sentence.document_id == bindparam("doc"))
            .order_by(Sentence.position)
        )
        if sel.status == "done":
            self.sentences = self.sentences.where(SentenceStatus.status == "done")
        self.entities = (
            select(
                EntityRow.sentence_id,
                EntityRow.id,
                EntityRow.token_start,
                EntityRow.token_last,
                EntityRow.label,
            )
            .join(Sentence, Sentence.id == EntityRow.sentence_id)
            .where(_in_range(EntityRow.annotator_id == me))
            .order_by(
                EntityRow.sentence_id,
                EntityRow.token_start,
                EntityRow.token_last,
                EntityRow.label,
                EntityRow.id,
            )
        )
        self.events = (
            select(
                EventRow.sentence_id, EventRow.id, EventRow.token_start, EventRow.token_last, EventRow.type
            )
            .join(Sentence, Sentence.id == EventRow.sentence_id)
            .where(_in_range(EventRow.annotator_id == me))
            .order_by(
                EventRow.sentence_id, EventRow.token_start, EventRow.token_last, EventRow.type, EventRow.id
            )
        )
        self.attributes = (
            select(EventAttribute.event_id, EventAttribute.name, EventAttribute.value)
            .join(EventRow, EventRow.id == EventAttribute.event_id)
            .join(Sentence, Sentence.id == EventRow.sentence_id)
            .where(_in_range(EventRow.annotator_id == me))
        )
        # Through the batch's events (an argument has its event's sentence and annotator): the
        # arguments have no index by sentence, and a join from them read every argument per batch.
        self.arguments = (
            select(EventArgument.event_id, EventArgument.role, EventArgument.entity_id)
            .select_from(Sentence)
            .join(EventRow, EventRow.sentence_id == Sentence.id)
            .join(EventArgument, EventArgument.event_id == EventRow.id)
            .where(_in_range(EventRow.annotator_id == me))
            .order_by(EventArgument.event_id, EventArgument.id)
        )
        self.stance = (
            select(
                SentenceStance.sentence_id,
                SentenceStance.target,
                SentenceStance.label,
                SentenceStance.holder_id,
            )
            .join(Sentence, Sentence.id == SentenceStance.sentence_id)
            .where(_in_range(SentenceStance.annotator_id == me))
            .order_by(SentenceStance.sentence_id, SentenceStance.target)
        )

        self.seconds = (
            select(ActiveTime.sentence_id, ActiveTime.seconds)
            .join(Sentence, Sentence.id == ActiveTime.sentence_id)
            .where(_in_range(ActiveTime.annotator_id == me))
        )

    def document(self, doc_id: int, doc_name: str, source: str) -> Iterator[Record]:
        """The records of one document: its start, its selected sentences, its document stance."""
        rows = self.conn.execute(self.sentences, {"doc": doc_id}).all()
        if not rows:
            return
        text = self.conn.execute(self.text, {"doc": doc_id}).scalar_one()
        yield DocumentStart(doc_name, source, text)
        refs = _Refs()
        for i in range(0, len(rows), BATCH):
            yield from self._batch(doc_id, rows[i : i + BATCH], refs)
        if self.has[DocumentStance]:
            stance = self._document_stance(doc_id, refs)
            if stance:
                yield DocumentStanceRecord(doc_name, self.annotator, stance)
        if doc_id in self.assignees:
            yield DocumentAssignment(doc_name, self.assignees[doc_id])

    def _document_stance(self, doc_id: int, refs: _Refs) -> tuple[StanceRecord, ...]:
        rank = self.target_rank
        rows = self.conn.execute(self.document_stance, {"doc": doc_id}).all()
        return tuple(
            StanceRecord(t, lab, refs.entities.get(h) if h is not None else None)
            for t, lab, h in sorted(rows, key=lambda r: (rank.get(r[0], len(rank)), r[0]))
        )

    def _grouped(self, query: Any, params: dict[str, int]) -> dict[int, list[Any]]:
        rows = self.conn.execute(query, params).all()
        return {key: list(group) for key, group in groupby(rows, key=itemgetter(0))}

    def _batch(self, doc_id: int, rows: Sequence[Any], refs: _Refs) -> Iterator[SentenceRecord]:
        params = {"doc": doc_id, "lo": rows[0][1], "hi": rows[-1][1]}
        entities = self._grouped(self.entities, params)
        events = self._grouped(self.events, params) if self.has[EventRow] else {}
        attributes = self._grouped(self.attributes, params) if events else {}
        arguments = self._grouped(self.arguments, params) if events else {}
        stance = self._grouped(self.stance, params) if self.has[SentenceStance] else {}
        timed = {sid: x for sid, x in self.conn.execute(self.seconds, params)} if self.has[ActiveTime] else {}
        rank, target_rank, annotator = self.rank, self.target_rank, self.annotator
        entity_ref = refs.entity
        for sid, position, paragraph, start, text, packed, status, comment in rows:
            found = entities.get(sid)
            ents = (
                tuple([EntityRecord(label, ts, tl + 1, entity_ref(eid)) for _, eid, ts, tl, label in found])
                if found
                else ()
            )
            evs = []
            for _, ev_id, ts, tl, etype in events.get(sid, ()):
                attrs = sorted(
                    ((n, v) for _, n, v in attributes.get(ev_id, ())),
                    key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]),
                )
                args = tuple(
                    ArgumentRecord(role, entity_ref(ent)) for _, role, ent in arguments.get(ev_id, ())
                )
                evs.append(EventRecord(etype, ts, tl + 1, tuple(attrs), args, refs.event()))
            held = stance.get(sid)
            st = (
                sorted(
                    (StanceRecord(t, lab, entity_ref(h) if h is not None else None) for _, t, lab, h in held),
                    key=lambda s: (target_rank.get(s.target, len(target_rank)), s.target),
                )
                if held
                else ()
            )
            seconds = float(timed.get(sid, 0.0))
            layer = Layer(annotator, status, comment, ents, tuple(evs), tuple(st), seconds)
            toks = TokenList(text, *unpack(packed))
            yield SentenceRecord(text, toks, paragraph, position, start, None, (layer,))
