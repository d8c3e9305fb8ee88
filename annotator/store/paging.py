"""Corpus order a page at a time: the documents by name, their neighbours, and progress counts.

At a million sentences nothing here reads the whole corpus into memory: each function is one
indexed query (documents by their unique name, sentences by ``(document_id, position)``, statuses
by ``(annotator_id, status)``) that returns at most ``limit`` rows. The annotation window's
navigator and its document list use them (through ``services``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from annotator.core.records import DocumentInfo
from annotator.store.assignments import assigned_to_query
from annotator.store.folding import contains
from annotator.store.tables import Document, Sentence, SentenceStatus


def _where(session: Session, needle: str, assigned_to: int | None) -> ColumnElement[bool]:
    """Documents whose name holds ``needle`` in any case and script (folded as ``folding`` says),
    among those assigned to ``assigned_to``."""
    clause: ColumnElement[bool] = true()
    if needle:
        clause = clause & contains(session, Document.name, needle)
    if assigned_to is not None:
        clause = clause & Document.id.in_(assigned_to_query(assigned_to))
    return clause


def document_name(session: Session, document_id: int) -> str | None:
    """A document's name, or None when there is no such document."""
    return session.scalar(select(Document.name).where(Document.id == document_id))


def documents_from(session: Session, after: int | None, delta: int, limit: int) -> list[int]:
    """Up to ``limit`` document ids in corpus order (by name) after (``delta`` +1) or before (-1)
    the document ``after``, nearest first; from the first (or last) document when ``after`` is
    None. Empty when ``after`` is not a document."""
    query = select(Document.id).limit(limit)
    order = Document.name.asc() if delta > 0 else Document.name.desc()
    if after is not None:
        name = document_name(session, after)
        if name is None:
            return []
        query = query.where(Document.name > name if delta > 0 else Document.name < name)
    return [int(i) for i in session.scalars(query.order_by(order))]


def document_at(session: Session, index: int) -> int | None:
    """The id of the ``index``-th document by name (from 0), or None past the end."""
    found = session.scalar(select(Document.id).order_by(Document.name).offset(index).limit(1))
    return int(found) if found is not None else None


def count_matching(session: Session, needle: str = "", assigned_to: int | None = None) -> int:
    """How many documents have ``needle`` in their name (any case; every one when empty), among
    those assigned to ``assigned_to`` when given."""
    return int(
        session.scalar(select(func.count()).select_from(Document).where(_where(session, needle, assigned_to)))
        or 0
    )


def row_of(
    session: Session, document_id: int, needle: str = "", assigned_to: int | None = None
) -> int | None:
    """The row of a document in the list :func:`documents_page` pages through (by name), or None
    when the list does not hold it."""
    name = session.scalar(
        select(Document.name).where(Document.id == document_id, _where(session, needle, assigned_to))
    )
    if name is None:
        return None
    before = (
        select(func.count())
        .select_from(Document)
        .where(_where(session, needle, assigned_to), Document.name < name)
    )
    return int(session.scalar(before) or 0)


def documents_page(
    session: Session,
    offset: int,
    limit: int,
    annotator_id: int,
    needle: str = "",
    assigned_to: int | None = None,
) -> list[DocumentInfo]:
    """One page of the document list by name: each document with its sentence count and the
    sentences ``annotator_id`` marked done, counted for this page's documents only."""
    docs = session.execute(
        select(Document.id, Document.name)
        .where(_where(session, needle, assigned_to))
        .order_by(Document.name)
        .offset(offset)
        .limit(limit)
    ).all()
    if not docs:
        return []
    ids = [int(i) for i, _ in docs]
    totals = dict(
        session.execute(
            select(Sentence.document_id, func.count())
            .where(Sentence.document_id.in_(ids))
            .group_by(Sentence.document_id)
        ).all()
    )
    done = dict(
        session.execute(
            select(Sentence.document_id, func.count())
            .join(SentenceStatus, SentenceStatus.sentence_id == Sentence.id)
            .where(
                Sentence.document_id.in_(ids),
                SentenceStatus.annotator_id == annotator_id,
                SentenceStatus.status == "done",
            )
            .group_by(Sentence.document_id)
        ).all()
    )
    return [
        DocumentInfo(i, str(name), int(totals.get(i, 0)), int(done.get(i, 0)))
        for i, (_, name) in zip(ids, docs, strict=True)
    ]


def document_progress(session: Session, annotator_id: int, document_id: int) -> tuple[int, int]:
    """Done and total sentences of one document for the annotator."""
    done = session.scalar(
        select(func.count())
        .select_from(SentenceStatus)
        .join(Sentence, Sentence.id == SentenceStatus.sentence_id)
        .where(
            Sentence.document_id == document_id,
            SentenceStatus.annotator_id == annotator_id,
            SentenceStatus.status == "done",
        )
    )
    total = session.scalar(
        select(func.count()).select_from(Sentence).where(Sentence.document_id == document_id)
    )
    return int(done or 0), int(total or 0)


def corpus_progress(session: Session, annotator_id: int, assigned_to: int | None = None) -> tuple[int, int]:
    """Done and total sentences of the corpus for the annotator (of the documents assigned to
    ``assigned_to`` when given). Each is one count over an index: the window counts them once and
    then follows its own edits."""
    done = (
        select(func.count())
        .select_from(SentenceStatus)
        .where(SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done")
    )
    total = select(func.count()).select_from(Sentence)
    if assigned_to is not None:
        mine = assigned_to_query(assigned_to)
        done = done.join(Sentence, Sentence.id == SentenceStatus.sentence_id).where(
            Sentence.document_id.in_(mine)
        )
        total = total.where(Sentence.document_id.in_(mine))
    return int(session.scalar(done) or 0), int(session.scalar(total) or 0)
