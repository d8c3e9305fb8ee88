"""What is kept of the recommenders: the trained models, each person's verdicts on suggestions, and
the last batch ``suggest --apply`` added (what they learn from is in :mod:`training_rows`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.suggestions import STANCE, Suggestion
from annotator.store.access import actor_id, authorize
from annotator.store.tables import (
    AppliedSuggestions,
    ModelRow,
    SuggestionFeedback,
    utcnow,
)

ACCEPTED = "accepted"
REJECTED = "rejected"
VERDICTS = (ACCEPTED, REJECTED)

Span = tuple[int, int, str]  # token_start, token_end (exclusive), label
FeedbackKey = tuple[str, int, int, str, str]  # kind, token_start, token_end (exclusive), label, target


@dataclass(frozen=True)
class StoredModel:
    """A models row without its bytes: kind, layers, fingerprint, when, how many sentences, quality
    JSON, and whether it is the shared model (else the person's own)."""

    kind: str
    layers: tuple[str, ...]
    fingerprint: str
    trained_at: datetime
    sentences: int
    quality: str | None
    shared: bool = False


# -- models ---------------------------------------------------------------------------------------
#
# A person's models are, per kind, their own row when there is one, else the shared row (NULL
# annotator_id, made by ``annotator train``). The readers below take the person, by default the one
# the session acts for (``Project.act_as``); with nobody, only the shared rows.


def digest_of(data: bytes) -> str:
    """The SHA-256 digest (hex) kept with a model's bytes."""
    return hashlib.sha256(data).hexdigest()


def _owner(annotator_id: int | None) -> ColumnElement[bool]:
    if annotator_id is None:
        return ModelRow.annotator_id.is_(None)
    return ModelRow.annotator_id == annotator_id


def _theirs(session: Session, annotator_id: int | None) -> ColumnElement[bool]:
    if annotator_id is None:
        annotator_id = actor_id(session)
    if annotator_id is None:
        return ModelRow.annotator_id.is_(None)
    return or_(ModelRow.annotator_id.is_(None), ModelRow.annotator_id == annotator_id)


def store_model(
    session: Session,
    kind: str,
    layers: Sequence[str],
    fingerprint: str,
    sentences: int,
    quality: str | None,
    data: bytes,
    annotator_id: int | None = None,
) -> None:
    """Keep a trained model of ``kind`` for ``annotator_id`` (None: the shared one), replacing the
    one there was, with the digest and length of its bytes."""
    session.execute(delete(ModelRow).where(ModelRow.kind == kind, _owner(annotator_id)))
    session.add(
        ModelRow(
            kind=kind,
            annotator_id=annotator_id,
            layers=json.dumps(list(layers), ensure_ascii=False),
            fingerprint=fingerprint,
            trained_at=utcnow(),
            sentences=sentences,
            quality=quality,
            data=data,
            digest=digest_of(data),
            size=len(data),
        )
    )
    session.flush()


def _chosen(rows: Iterable[Sequence[Any]]) -> list[Sequence[Any]]:
    """Of rows starting (kind, annotator_id, ...): per kind, the person's own when there is one,
    else the shared one; by kind."""
    best: dict[str, Sequence[Any]] = {}
    for row in rows:
        if row[0] not in best or best[row[0]][1] is None:
            best[row[0]] = row
    return [best[k] for k in sorted(best)]


def stored_models(session: Session, annotator_id: int | None = None) -> dict[str, bytes]:
    """The bytes of the person's models (see above), by kind, each checked against its digest and
    length: StoreError "the stored <kind> model is damaged" when they do not match."""
    query = select(ModelRow.kind, ModelRow.annotator_id, ModelRow.data, ModelRow.digest, ModelRow.size).where(
        _theirs(session, annotator_id)
    )
    out: dict[str, bytes] = {}
    for kind, _owner_id, data, digest, size in _chosen(session.execute(query)):
        data = bytes(data)
        if len(data) != size or digest_of(data) != digest:
            raise StoreError(f"the stored {kind} model is damaged: retrain (Ctrl+T or annotator train)")
        out[kind] = data
    return out


def model_rows(session: Session, annotator_id: int | None = None) -> list[StoredModel]:
    """What is known of the person's models (without their bytes), by kind."""
    query = select(
        ModelRow.kind,
        ModelRow.annotator_id,
        ModelRow.layers,
        ModelRow.fingerprint,
        ModelRow.trained_at,
        ModelRow.sentences,
        ModelRow.quality,
    ).where(_theirs(session, annotator_id))
    return [
        StoredModel(kind, tuple(json.loads(layers)), fingerprint, at, n, quality, owner is None)
        for kind, owner, layers, fingerprint, at, n, quality in _chosen(session.execute(query))
    ]


def fingerprints(session: Session, annotator_id: int | None = None) -> dict[str, str]:
    """The fingerprint of each of the person's models, by kind."""
    query = select(ModelRow.kind, ModelRow.annotator_id, ModelRow.fingerprint).where(
        _theirs(session, annotator_id)
    )
    return {kind: f for kind, _o, f in _chosen(session.execute(query))}


# -- verdicts -------------------------------------------------------------------------------------


def feedback_key(suggestion: Suggestion) -> FeedbackKey:
    """What identifies a verdict on ``suggestion``: kind, span (end exclusive), label, target."""
    if suggestion.kind == STANCE:
        return (STANCE, 0, 1, suggestion.label, suggestion.target)
    return (suggestion.kind, suggestion.token_start, suggestion.token_end, suggestion.label, "")


def _where(annotator_id: int, sentence_id: int, key: FeedbackKey) -> list[object]:
    kind, start, end, label, target = key
    return [
        SuggestionFeedback.annotator_id == annotator_id,
        SuggestionFeedback.sentence_id == sentence_id,
        SuggestionFeedback.kind == kind,
        SuggestionFeedback.token_start == start,
        SuggestionFeedback.token_last == end - 1,
        SuggestionFeedback.label == label,
        SuggestionFeedback.target == target,
    ]


def set_feedback(
    session: Session,
    sentence_id: int,
    annotator_id: int,
    key: FeedbackKey,
    verdict: str | None,
    created_at: datetime | None = None,
) -> str | None:
    """Record a verdict (or, with None, forget it) on one suggestion; returns the verdict there was.

    ``created_at`` defaults to now (a redo gives the time of the first do).
    """
    authorize(session, annotator_id, sentence_id=sentence_id)
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"a verdict is accepted or rejected, not {verdict!r}")
    where = _where(annotator_id, sentence_id, key)
    old = session.scalar(select(SuggestionFeedback.verdict).where(*where))  # type: ignore[arg-type]
    if verdict is None:
        session.execute(delete(SuggestionFeedback).where(*where))  # type: ignore[arg-type]
        return old
    kind, start, end, label, target = key
    row = {
        "annotator_id": annotator_id,
        "sentence_id": sentence_id,
        "kind": kind,
        "token_start": start,
        "token_last": end - 1,
        "label": label,
        "target": target,
        "verdict": verdict,
        "created_at": created_at or utcnow(),
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    keys = ["annotator_id", "sentence_id", "kind", "token_start", "token_last", "label", "target"]
    statement = insert(SuggestionFeedback).values(**row)
    session.execute(statement.on_conflict_do_update(index_elements=keys, set_={"verdict": verdict}))
    return old


def add_feedback(
    session: Session,
    sentence_id: int,
    annotator_id: int,
    suggestion: Suggestion,
    verdict: str,
    created_at: datetime | None = None,
) -> str | None:
    """Record a person's verdict on a suggestion; returns the verdict there was (None: none)."""
    return set_feedback(session, sentence_id, annotator_id, feedback_key(suggestion), verdict, created_at)


def remove_feedback(
    session: Session, sentence_id: int, annotator_id: int, suggestion: Suggestion
) -> str | None:
    """Forget a person's verdict on a suggestion; returns the verdict there was."""
    return set_feedback(session, sentence_id, annotator_id, feedback_key(suggestion), None)


def rejected(session: Session, sentence_id: int, annotator_id: int) -> set[FeedbackKey]:
    """The suggestions of a sentence this person rejected, as feedback keys (end exclusive)."""
    query = select(
        SuggestionFeedback.kind,
        SuggestionFeedback.token_start,
        SuggestionFeedback.token_last,
        SuggestionFeedback.label,
        SuggestionFeedback.target,
    ).where(
        SuggestionFeedback.annotator_id == annotator_id,
        SuggestionFeedback.sentence_id == sentence_id,
        SuggestionFeedback.verdict == REJECTED,
    )
    return {
        (kind, start, last + 1, label, target) for kind, start, last, label, target in session.execute(query)
    }


def rejected_by(session: Session, annotator_id: int) -> dict[int, set[FeedbackKey]]:
    """Every suggestion this person rejected, by sentence."""
    query = select(
        SuggestionFeedback.sentence_id,
        SuggestionFeedback.kind,
        SuggestionFeedback.token_start,
        SuggestionFeedback.token_last,
        SuggestionFeedback.label,
        SuggestionFeedback.target,
    ).where(SuggestionFeedback.annotator_id == annotator_id, SuggestionFeedback.verdict == REJECTED)
    out: dict[int, set[FeedbackKey]] = {}
    for sid, kind, start, last, label, target in session.execute(query):
        out.setdefault(sid, set()).add((kind, start, last + 1, label, target))
    return out


def feedback_counts(session: Session, annotator_id: int) -> tuple[int, int]:
    """How many suggestions this person accepted and rejected."""
    query = (
        select(SuggestionFeedback.verdict, func.count())
        .where(SuggestionFeedback.annotator_id == annotator_id)
        .group_by(SuggestionFeedback.verdict)
    )
    counts = {k: v for k, v in session.execute(query)}
    return counts.get(ACCEPTED, 0), counts.get(REJECTED, 0)


# -- the last applied batch -----------------------------------------------------------------------


@dataclass(frozen=True)
class AppliedBatch:
    """What an apply added to a person's layer: rows as JSON-ready lists, each starting with its id.

    ``entities`` and ``events``: ``[id, sentence_id, token_start, token_last, label_or_type]``;
    ``stance``: ``[id, sentence_id, target, label]``.
    """

    annotator_id: int
    created_at: datetime
    entities: tuple[tuple[int, int, int, int, str], ...] = ()
    events: tuple[tuple[int, int, int, int, str], ...] = ()
    stance: tuple[tuple[int, int, str, str], ...] = ()

    @property
    def sentences(self) -> frozenset[int]:
        """The sentences the batch touched."""
        return frozenset(row[1] for rows in (self.entities, self.events, self.stance) for row in rows)


def record_applied(session: Session, batch: AppliedBatch) -> None:
    """Keep ``batch`` as the person's pending applied batch, replacing the one there was."""
    session.execute(delete(AppliedSuggestions).where(AppliedSuggestions.annotator_id == batch.annotator_id))
    session.add(
        AppliedSuggestions(
            annotator_id=batch.annotator_id,
            created_at=batch.created_at,
            entities=json.dumps([list(r) for r in batch.entities], ensure_ascii=False),
            events=json.dumps([list(r) for r in batch.events], ensure_ascii=False),
            stance=json.dumps([list(r) for r in batch.stance], ensure_ascii=False),
        )
    )
    session.flush()


def applied_batch(session: Session, annotator_id: int) -> AppliedBatch | None:
    """The person's pending applied batch, if any."""
    row = session.execute(
        select(AppliedSuggestions).where(AppliedSuggestions.annotator_id == annotator_id)
    ).scalar_one_or_none()
    if row is None:
        return None
    return AppliedBatch(
        annotator_id,
        row.created_at,
        tuple(tuple(r) for r in json.loads(row.entities)),
        tuple(tuple(r) for r in json.loads(row.events)),
        tuple(tuple(r) for r in json.loads(row.stance)),
    )


def drop_applied(session: Session, annotator_id: int) -> None:
    """Forget the person's pending applied batch."""
    session.execute(delete(AppliedSuggestions).where(AppliedSuggestions.annotator_id == annotator_id))
    session.flush()
