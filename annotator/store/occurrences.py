"""Where to look for more occurrences of a labelled string: a document's or the corpus's sentences,
with their tokens and the spans one person's layer already covers there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.store.offsets import pairs
from annotator.store.tables import EntityRow, Sentence


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
    """Every sentence of a document (or, with None, of the corpus) in corpus order, streamed."""
    spans = select(EntityRow.sentence_id, EntityRow.token_start, EntityRow.token_last).where(
        EntityRow.annotator_id == annotator_id
    )
    query = select(Sentence.id, Sentence.text, Sentence.token_offsets).order_by(
        Sentence.document_id, Sentence.position
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
