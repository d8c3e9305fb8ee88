"""Who annotates which document: reading and writing ``assignments`` (see migration 0006).

Every function takes the caller's session; writes go through SQLAlchemy Core in one statement
per batch. Checks that read the assignments and then write them take :func:`lock_assignments`
first (the services do), so that two windows taking from the pool never both take the last place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, delete, func, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from annotator.store.tables import Annotator, Assignment, Document, Sentence, SentenceStatus, utcnow


def server_now(session: Session) -> datetime:
    """The time assignments are stamped with: on PostgreSQL the server's (its release policy
    compares with the server's ``now()``, and a window's clock may be behind), else this machine's."""
    if session.get_bind().dialect.name == "postgresql":
        found = session.scalar(select(func.now()))
        if isinstance(found, datetime):
            return found
    return utcnow()


def has_assignments(session: Session) -> bool:
    """True when any document is assigned to anyone (else every annotator sees every document)."""
    return session.scalar(select(Assignment.document_id).limit(1)) is not None


def assignees_by_document(session: Session) -> dict[int, frozenset[int]]:
    """Document id → the ids of the people it is assigned to (only assigned documents appear)."""
    out: dict[int, set[int]] = {}
    for doc, person in session.execute(select(Assignment.document_id, Assignment.annotator_id)):
        out.setdefault(int(doc), set()).add(int(person))
    return {doc: frozenset(people) for doc, people in out.items()}


def assigned_document_ids(session: Session, annotator_id: int) -> set[int]:
    """The documents assigned to one person."""
    query = select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)
    return {int(d) for d in session.scalars(query)}


def document_sizes(session: Session) -> list[tuple[int, str, int]]:
    """Every document with its sentence count: ``(id, name, sentences)`` by name."""
    counts = select(Sentence.document_id, func.count().label("n")).group_by(Sentence.document_id).subquery()
    rows = session.execute(
        select(Document.id, Document.name, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.document_id == Document.id)
        .order_by(Document.name)
    )
    return [(int(i), str(n), int(c)) for i, n, c in rows]


def add(session: Session, pairs: Iterable[tuple[int, int]], dynamic: bool = False) -> int:
    """Assign documents: ``(document_id, annotator_id)`` pairs, in one statement; how many."""
    now = server_now(session)
    rows = [
        {
            "document_id": d,
            "annotator_id": a,
            "dynamic": dynamic,
            "assigned_at": now,
            "touched_at": now,
            "finished_at": None,
        }
        for d, a in pairs
    ]
    if rows:
        session.execute(insert(Assignment), rows)
    return len(rows)


def remove(session: Session, annotator_id: int, document_ids: Sequence[int]) -> int:
    """Take documents away from a person (their annotations stay in their layer); how many."""
    if not document_ids:
        return 0
    result = session.execute(
        delete(Assignment).where(
            Assignment.annotator_id == annotator_id, Assignment.document_id.in_(list(document_ids))
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def done_counts(session: Session, annotator_id: int | None = None) -> dict[tuple[int, int], int]:
    """``(document_id, annotator_id)`` → sentences that person marked done there (one person, or all)."""
    query = (
        select(Sentence.document_id, SentenceStatus.annotator_id, func.count())
        .join(SentenceStatus, SentenceStatus.sentence_id == Sentence.id)
        .where(SentenceStatus.status == "done")
        .group_by(Sentence.document_id, SentenceStatus.annotator_id)
    )
    if annotator_id is not None:
        query = query.where(SentenceStatus.annotator_id == annotator_id)
    return {(int(d), int(a)): int(n) for d, a, n in session.execute(query)}


def unfinished(
    session: Session, annotator_id: int, first: bool = False, among: int | None = None
) -> list[int]:
    """The documents assigned to a person that they have not marked done in every sentence,
    by name (``first``: only the first of them; ``among``: that document, if it is one).

    Each assigned document is looked into until one of its sentences is not done: nothing
    counts the sentences of every document in the corpus (serve_next runs it on every move)."""
    done = select(SentenceStatus.sentence_id).where(
        SentenceStatus.sentence_id == Sentence.id,
        SentenceStatus.annotator_id == annotator_id,
        SentenceStatus.status == "done",
    )
    left = select(Sentence.id).where(Sentence.document_id == Assignment.document_id, ~done.exists())
    query = (
        select(Assignment.document_id)
        .join(Document, Document.id == Assignment.document_id)
        .where(Assignment.annotator_id == annotator_id, left.exists())
        .order_by(Document.name)
    )
    if among is not None:
        query = query.where(Assignment.document_id == among)
    if first:
        query = query.limit(1)
    return [int(d) for d in session.scalars(query)]


def touch(session: Session, annotator_id: int, document_id: int) -> None:
    """Say the person worked in the document now (it is not abandoned)."""
    session.execute(
        update(Assignment)
        .where(Assignment.annotator_id == annotator_id, Assignment.document_id == document_id)
        .values(touched_at=server_now(session))
    )


def finish(session: Session, annotator_id: int, document_id: int) -> None:
    """Say the person finished the document (a finished row is never abandoned)."""
    now = server_now(session)
    session.execute(
        update(Assignment)
        .where(Assignment.annotator_id == annotator_id, Assignment.document_id == document_id)
        .values(finished_at=now, touched_at=now)
    )


def finish_if_done(session: Session, annotator_id: int, sentence_id: int) -> None:
    """Record the person's assignment of the sentence's document finished once they have marked
    every one of its sentences done (one statement; nothing when it is not theirs or not done).

    The window's next document would record it too, but the last one of a day has no next: left
    unfinished in the table it would look abandoned and go back to the pool."""
    document = select(Sentence.document_id).where(Sentence.id == sentence_id).scalar_subquery()
    done = select(SentenceStatus.sentence_id).where(
        SentenceStatus.sentence_id == Sentence.id,
        SentenceStatus.annotator_id == annotator_id,
        SentenceStatus.status == "done",
    )
    left = select(Sentence.id).where(Sentence.document_id == Assignment.document_id, ~done.exists())
    now = server_now(session)
    session.execute(
        update(Assignment)
        .where(
            Assignment.annotator_id == annotator_id,
            Assignment.document_id == document,
            Assignment.finished_at.is_(None),
            ~left.exists(),
        )
        .values(finished_at=now, touched_at=now)
    )


def release_abandoned(session: Session, minutes: int, now: datetime | None = None) -> list[tuple[int, int]]:
    """Return to the pool the dynamic rows neither finished nor touched for ``minutes``; which ones."""
    cutoff = (now or server_now(session)) - timedelta(minutes=minutes)
    stale = and_(
        Assignment.dynamic.is_(True), Assignment.finished_at.is_(None), Assignment.touched_at < cutoff
    )
    found = [
        (int(d), int(a))
        for d, a in session.execute(select(Assignment.document_id, Assignment.annotator_id).where(stale))
    ]
    if found:
        session.execute(delete(Assignment).where(stale))
    return found


def pool_next(session: Session, annotator_id: int, per_document: int, after: str = "") -> int | None:
    """The first document by name (after ``after``, then from the start) with fewer than
    ``per_document`` assignees and not assigned to this person; None when there is none."""
    taken = (
        select(Assignment.document_id, func.count().label("n")).group_by(Assignment.document_id).subquery()
    )
    mine = select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)
    base = (
        select(Document.id)
        .outerjoin(taken, taken.c.document_id == Document.id)
        .where(func.coalesce(taken.c.n, 0) < per_document, Document.id.not_in(mine))
        .where(select(Sentence.id).where(Sentence.document_id == Document.id).exists())
        .order_by(Document.name)
        .limit(1)
    )
    found = session.scalar(base.where(Document.name > after)) if after else None
    if found is None:
        found = session.scalar(base)
    return int(found) if found is not None else None


def assignment_rows(session: Session) -> list[tuple[str, str, bool]]:
    """Every assignment as ``(document name, person name, dynamic)``, by document and person."""
    rows = session.execute(
        select(Document.name, Annotator.name, Assignment.dynamic)
        .join(Document, Document.id == Assignment.document_id)
        .join(Annotator, Annotator.id == Assignment.annotator_id)
        .order_by(Document.name, Annotator.name)
    )
    return [(str(d), str(a), bool(x)) for d, a, x in rows]


def ready_documents(session: Session) -> set[int]:
    """The assigned documents every assignee marked done in every sentence: ready for curation."""
    sizes = {d: n for d, _name, n in document_sizes(session)}
    return ready_among(sizes, assignees_by_document(session), done_counts(session))


def ready_among(
    sizes: dict[int, int], assigned: dict[int, frozenset[int]], done: dict[tuple[int, int], int]
) -> set[int]:
    """:func:`ready_documents` from what was read already: sentences per document, its assignees,
    and ``(document, person)`` → sentences done."""
    return {
        doc
        for doc, people in assigned.items()
        if sizes.get(doc, 0) > 0 and all(done.get((doc, p), 0) >= sizes[doc] for p in people)
    }


def assigned_to_query(annotator_id: int) -> Select[int]:
    """The ids of the documents assigned to a person, as a subquery for ``IN`` (no list in Python)."""
    return select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)


def assigned_clause(annotator_id: int, document_id: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """True for the rows whose ``document_id`` is assigned to a person: a correlated EXISTS, so a
    query walking the corpus in order stops at its first hit (``IN`` would read every assignment)."""
    mine = select(Assignment.document_id).where(
        Assignment.document_id == document_id, Assignment.annotator_id == annotator_id
    )
    return mine.exists()
