"""What the recommenders learn from and rank: done sentences of chosen layers, a person's not-done ones.

Core statements, streamed: no ORM object per token or span. The recommenders themselves
(``annotator.suggest``) are a sibling package the store does not import, so the reads here return
plain records the services turn into training data.

Several layers: a sentence done in more than one of them contributes once, from the first layer
in priority order in which it is done: gold first, then the others in the order given. Gold is
adjudicated, so where it exists it is the better teacher; one copy per sentence keeps the
held-out split honest (the same sentence never lands in both parts with two labelings).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.store.offsets import unpack
from annotator.store.tables import Annotator, EntityRow, EventRow, Sentence, SentenceStance, SentenceStatus

CHUNK = 500  # ids per IN (...) list
Span = tuple[int, int, str]  # token_start, token_end (exclusive), label


@dataclass
class DoneSentence:
    """A sentence done in a layer: its tokens' texts, that layer's entities, triggers and stance."""

    id: int
    text: str
    tokens: tuple[str, ...]
    layer_id: int
    entities: list[Span] = field(default_factory=list)
    triggers: list[Span] = field(default_factory=list)
    stance: dict[str, str] = field(default_factory=dict)


def token_texts(text: str, packed: bytes) -> tuple[str, ...]:
    """The tokens of a sentence as strings, from its text and packed offsets."""
    starts, ends = unpack(packed)
    return tuple(text[a:b] for a, b in zip(starts, ends, strict=True))


def chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """``ids`` in lists short enough for one ``IN (...)``."""
    for at in range(0, len(ids), CHUNK):
        yield list(ids[at : at + CHUNK])


def _chosen_layers(session: Session, layer_ids: Sequence[int]) -> dict[int, int]:
    """For each sentence done in one of the layers, the layer it is taken from (gold first)."""
    gold = session.scalar(select(Annotator.id).where(Annotator.role == "gold"))
    order = sorted(dict.fromkeys(layer_ids), key=lambda layer: (layer != gold, list(layer_ids).index(layer)))
    rank = {layer: i for i, layer in enumerate(order)}
    chosen: dict[int, int] = {}
    rows = session.execute(
        select(SentenceStatus.sentence_id, SentenceStatus.annotator_id).where(
            SentenceStatus.annotator_id.in_(order), SentenceStatus.status == "done"
        )
    )
    for sentence_id, layer in rows:
        if sentence_id not in chosen or rank[layer] < rank[chosen[sentence_id]]:
            chosen[sentence_id] = layer
    return chosen


def done_sentences(session: Session, layer_ids: Sequence[int]) -> list[DoneSentence]:
    """Every sentence done in one of ``layer_ids`` once (see the module's note), by sentence id."""
    chosen = _chosen_layers(session, layer_ids)
    ids = sorted(chosen)
    out: dict[int, DoneSentence] = {}
    for part in chunks(ids):
        query = select(Sentence.id, Sentence.text, Sentence.token_offsets).where(Sentence.id.in_(part))
        for sid, text, packed in session.execute(query):
            out[sid] = DoneSentence(sid, text, token_texts(text, packed), chosen[sid])
        for model, label, into in (
            (EntityRow, EntityRow.label, "entities"),
            (EventRow, EventRow.type, "triggers"),
        ):
            spans = select(model.sentence_id, model.annotator_id, model.token_start, model.token_last, label)
            for sid, layer, start, last, name in session.execute(spans.where(model.sentence_id.in_(part))):
                if chosen[sid] == layer:
                    getattr(out[sid], into).append((start, last + 1, name))
        stance = select(
            SentenceStance.sentence_id,
            SentenceStance.annotator_id,
            SentenceStance.target,
            SentenceStance.label,
        ).where(SentenceStance.sentence_id.in_(part))
        for sid, layer, target, name in session.execute(stance):
            if chosen[sid] == layer:
                out[sid].stance[target] = name
    for one in out.values():
        one.entities.sort()
        one.triggers.sort()
    return [out[i] for i in ids if i in out]


def not_done_tokens(session: Session, annotator_id: int, limit: int) -> list[tuple[int, tuple[str, ...]]]:
    """Up to ``limit`` sentences this person has not marked done, in corpus order, with their tokens."""
    return [(sid, tokens) for sid, _text, tokens in not_done_sentences(session, annotator_id, limit)]


def not_done_sentences(
    session: Session, annotator_id: int, limit: int | None = None
) -> list[tuple[int, str, tuple[str, ...]]]:
    """Sentences this person has not marked done, in corpus order: id, text and token texts."""
    done = select(SentenceStatus.sentence_id).where(
        SentenceStatus.annotator_id == annotator_id, SentenceStatus.status == "done"
    )
    query = (
        select(Sentence.id, Sentence.text, Sentence.token_offsets)
        .where(Sentence.id.not_in(done))
        .order_by(Sentence.document_id, Sentence.position)
    )
    if limit is not None:
        query = query.limit(limit)
    return [(sid, text, token_texts(text, packed)) for sid, text, packed in session.execute(query)]


def status_of(session: Session, sentence_id: int, annotator_id: int) -> str:
    """A person's status of a sentence (todo when there is no row)."""
    found = session.scalar(
        select(SentenceStatus.status).where(
            SentenceStatus.sentence_id == sentence_id, SentenceStatus.annotator_id == annotator_id
        )
    )
    return found or "todo"
