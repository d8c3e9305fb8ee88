"""Active annotation time: seconds per person and sentence (see migration 0006), added to, never replaced."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from annotator.store.tables import ActiveTime, Sentence, utcnow


def existing(session: Session, sentence_ids: Iterable[int]) -> set[int]:
    """Which of ``sentence_ids`` are still sentences (a correction may have merged one away)."""
    wanted = list(sentence_ids)
    return set(session.scalars(select(Sentence.id).where(Sentence.id.in_(wanted)))) if wanted else set()


def add_seconds(session: Session, annotator_id: int, seconds: Mapping[int, float]) -> None:
    """Add seconds to a person's sentences (sentence id → seconds), one upsert for all of them."""
    rows = [
        {"annotator_id": annotator_id, "sentence_id": sid, "seconds": float(s), "updated_at": utcnow()}
        for sid, s in seconds.items()
        if s > 0
    ]
    if not rows:
        return
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(ActiveTime)
    statement = statement.on_conflict_do_update(
        index_elements=[ActiveTime.annotator_id, ActiveTime.sentence_id],
        set_={
            "seconds": ActiveTime.seconds + statement.excluded.seconds,
            "updated_at": statement.excluded.updated_at,
        },
    )
    session.execute(statement, rows)


def seconds_of(
    session: Session, annotator_id: int, sentence_ids: Iterable[int] | None = None
) -> dict[int, float]:
    """A person's active seconds by sentence (all their sentences, or those given)."""
    query = select(ActiveTime.sentence_id, ActiveTime.seconds).where(ActiveTime.annotator_id == annotator_id)
    if sentence_ids is not None:
        query = query.where(ActiveTime.sentence_id.in_(list(sentence_ids)))
    return {int(s): float(x) for s, x in session.execute(query)}


def totals(session: Session) -> dict[int, float]:
    """Each person's active seconds over the whole corpus (only people with some appear)."""
    query = select(ActiveTime.annotator_id, func.sum(ActiveTime.seconds)).group_by(ActiveTime.annotator_id)
    return {int(a): float(s or 0.0) for a, s in session.execute(query)}
