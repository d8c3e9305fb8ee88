"""Where to look for more occurrences of a labelled string: a document's or the corpus's sentences,
with their tokens and the spans one person's layer already covers there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.store.offsets import pairs
from annotator.store.tables import Document, EntityRow, EventRow, Sentence, SentenceStance, SentenceStatus


@dataclass(frozen=True)
class Candidate:
    """A sentence to search: its text, token offsets, token texts and the person's entity spans."""

    id: int
    text: str
    offsets: tuple[tuple[int, int], ...]
    covered: tuple[tuple[int, int], ...]  # the person's entities there (end exclusive)

    @property
    def tokens(self) -> tuple[str, ...]:
        """The tokens as strings."""
        return tuple(self.text[a:b] for a, b in self.offsets)


def candidates(session: Session, annotator_id: int, document_id: int | None) -> Iterator[Candidate]:
    """Every sentence of a document (or, with None, of the corpus) in corpus order, streamed, but
    those the person marked done: they are finished, and the dialog checks every row it offers."""
    done = select(SentenceStatus.sentence_id).where(
        SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done"
    )
    spans = select(EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last).where(
        EntityRow.annotator_id == annotator_id
    )
    query = (
        select(Sentence.id, Sentence.text, Sentence.token_offsets)
        .where(Sentence.id.not_in(done))
        .order_by(Sentence.document_id, Sentence.position)
    )
    if document_id is not None:
        query = query.where(Sentence.document_id == document_id)
        spans = spans.join(Sentence, Sentence.id == EntityRow.sentence_id).where(
            Sentence.document_id == document_id
        )
    covered: dict[int, list[tuple[int, int]]] = {}
    for sid, start, last in session.execute(spans):
        covered.setdefault(sid, []).append((start, last + 1))
    for sid, text, packed in session.execute(query.execution_options(yield_per=1000)):
        yield Candidate(sid, text, pairs(packed), tuple(sorted(covered.get(sid, ()))))


def document_of_sentence(session: Session, sentence_id: int) -> int | None:
    """The document a sentence belongs to."""
    return session.scalar(select(Sentence.document_id).where(Sentence.id == sentence_id))


@dataclass
class Pending:
    """A sentence a person has not marked done, with what their layer already holds there."""

    id: int
    document: str
    position: int
    text: str
    offsets: tuple[tuple[int, int], ...]
    entities: list[tuple[int, int]] = field(default_factory=list)  # end exclusive
    events: list[tuple[int, int]] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)  # stance targets given

    @property
    def tokens(self) -> tuple[str, ...]:
        """The tokens as strings."""
        return tuple(self.text[a:b] for a, b in self.offsets)


def pending(session: Session, annotator_id: int) -> list[Pending]:
    """Every sentence this person has not marked done, in corpus order, with their annotations there."""
    done = select(SentenceStatus.sentence_id).where(
        SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done"
    )
    query = (
        select(Sentence.id, Document.name, Sentence.position, Sentence.text, Sentence.token_offsets)
        .join(Document, Document.id == Sentence.document_id)
        .where(Sentence.id.not_in(done))
        .order_by(Sentence.document_id, Sentence.position)
    )
    out = {
        sid: Pending(sid, name, pos, text, pairs(packed))
        for sid, name, pos, text, packed in session.execute(query)
    }
    for model, into in ((EntityRow, "entities"), (EventRow, "events")):
        spans = select(model.sentence_id, model.token_start, model.token_last).where(
            model.annotator_id == annotator_id
        )
        for sid, start, last in session.execute(spans):
            if sid in out:
                getattr(out[sid], into).append((start, last + 1))
    stance = select(SentenceStance.sentence_id, SentenceStance.target).where(
        SentenceStance.annotator_id == annotator_id
    )
    for sid, target in session.execute(stance):
        if sid in out:
            out[sid].targets.add(target)
    return list(out.values())


def token_texts_of(session: Session, sentence_id: int) -> tuple[str, ...]:
    """A sentence's tokens as strings (none when there is no such sentence)."""
    row = session.execute(
        select(Sentence.text, Sentence.token_offsets).where(Sentence.id == sentence_id)
    ).first()
    return tuple(row[0][a:b] for a, b in pairs(row[1])) if row is not None else ()
