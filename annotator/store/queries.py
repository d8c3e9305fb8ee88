"""Read queries and small writes; every function takes the caller's session.

Results are plain tuples and dataclasses, never live ORM objects, so views can cache them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, exists, func, select, true, update
from sqlalchemy.orm import Session, aliased

from annotator.core.errors import StoreError
from annotator.core.model import GOLD, ROLES, TokenList
from annotator.core.names import name_problem
from annotator.core.records import AnnotatorInfo as AnnotatorInfo  # re-exported: callers name them queries.X
from annotator.core.records import DocumentInfo as DocumentInfo
from annotator.core.records import SentenceInfo as SentenceInfo
from annotator.core.records import TeamMember as TeamMember
from annotator.core.text import whitespace_after
from annotator.store.assignments import assigned_to_query
from annotator.store.locks import lock_person_name
from annotator.store.offsets import pairs, unpack
from annotator.store.tables import (
    Activity,
    Annotator,
    Document,
    DocumentStance,
    EntityRow,
    EventArgument,
    EventAttribute,
    EventRow,
    ProjectMeta,
    Sentence,
    SentenceStance,
    SentenceStatus,
)


def find_annotator(session: Session, name: str) -> AnnotatorInfo | None:
    """The annotator called ``name``, or None."""
    row = session.execute(
        select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.name == name)
    ).first()
    return AnnotatorInfo(*row) if row else None


def add_annotator(session: Session, name: str, role: str = "annotator") -> AnnotatorInfo:
    """Create an annotator; the name must be new, non-empty and not the reserved ``gold``."""
    clean = name.strip()
    if not clean:
        raise StoreError("an annotator needs a name")
    if (problem := name_problem(clean)) is not None:
        raise StoreError(f"a person's name must be printable text on one line: {problem}")
    if clean == GOLD:
        raise StoreError(f"'{GOLD}' is reserved for the adjudicated layer")
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if find_annotator(session, clean) is not None:
        raise StoreError(f"annotator {clean!r} already exists")
    row = Annotator(name=clean, role=role)
    session.add(row)
    session.flush()
    return AnnotatorInfo(row.id, row.name, row.role)


def set_role(session: Session, name: str, role: str) -> AnnotatorInfo:
    """Give the person ``name`` another role (not gold's, and nobody becomes gold)."""
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    row = session.scalar(select(Annotator).where(Annotator.name == name))
    if row is None or row.role == GOLD:
        raise StoreError(f"there is no person named {name!r} in the project")
    row.role = role
    session.flush()
    return AnnotatorInfo(row.id, row.name, row.role)


def ensure_annotator(session: Session, name: str) -> AnnotatorInfo:
    """The annotator called ``name`` (``gold`` is the gold layer), created as an annotator if new."""
    lock_person_name(session, name.strip())  # two imports naming a new person add them once
    found = find_annotator(session, name.strip())
    return found if found is not None else add_annotator(session, name)


def list_annotators(session: Session) -> list[AnnotatorInfo]:
    """Every annotator and reviewer, and the gold layer, by name."""
    rows = session.execute(select(Annotator.id, Annotator.name, Annotator.role).order_by(Annotator.name))
    return [AnnotatorInfo(*r) for r in rows]


def find_document(session: Session, name: str) -> tuple[int, str] | None:
    """``(id, content_hash)`` of the document called ``name``, or None (asked once per imported
    document: a statement built once, on the session's Core connection)."""
    row = session.connection().execute(_FIND_DOCUMENT, {"name": name}).first()
    return (int(row[0]), str(row[1])) if row else None


_FIND_DOCUMENT = select(Document.id, Document.content_hash).where(Document.name == bindparam("name"))


def free_document_name(session: Session, base: str) -> str:
    """``base`` if unused, else ``base-2``, ``base-3``, ... the first free one."""
    n = 1
    name = base
    while find_document(session, name) is not None:
        n += 1
        name = f"{base}-{n}"
    return name


def document_sentences(session: Session, document_id: int) -> list[SentenceInfo]:
    """A document's sentences in order."""
    rows = session.execute(
        select(Sentence.id, Sentence.document_id, Sentence.position, Sentence.text, Sentence.n_tokens)
        .where(Sentence.document_id == document_id)
        .order_by(Sentence.position)
    )
    return [SentenceInfo(*r) for r in rows]


_TOKEN_OFFSETS = select(Sentence.token_offsets).where(Sentence.id == bindparam("sentence"))  # every edit


def token_pairs(session: Session, sentence_id: int) -> tuple[tuple[int, int], ...] | None:
    """A sentence's tokens as ``(start, end)`` pairs, read from its packed offsets alone (an edit's
    check that the window showed the tokens stored now); None when there is no such sentence."""
    packed = session.scalar(_TOKEN_OFFSETS, {"sentence": sentence_id})
    return None if packed is None else pairs(packed)


def sentence_tokens(session: Session, sentence_id: int) -> list[tuple[int, int, str]]:
    """``(start, end, space_after)`` of a sentence's tokens in order; the space is the text up to
    the next token (or the end of the sentence)."""
    row = session.execute(
        select(Sentence.text, Sentence.token_offsets).where(Sentence.id == sentence_id)
    ).first()
    if row is None:
        raise StoreError(f"there is no sentence {sentence_id}")
    text, packed = row
    starts, ends = unpack(packed)
    spaces = whitespace_after(text, TokenList(text, starts, ends))
    return list(zip(starts, ends, spaces, strict=True))


def layer_in_document(session: Session, document_id: int, annotator_id: int) -> bool:
    """True when the annotator has any annotation, status or stance in the document."""
    in_doc = select(Sentence.id).where(Sentence.document_id == document_id)
    probes = [
        exists().where(and_(EntityRow.annotator_id == annotator_id, EntityRow.sentence_id.in_(in_doc))),
        exists().where(and_(EventRow.annotator_id == annotator_id, EventRow.sentence_id.in_(in_doc))),
        exists().where(
            and_(SentenceStance.annotator_id == annotator_id, SentenceStance.sentence_id.in_(in_doc))
        ),
        exists().where(
            and_(SentenceStatus.annotator_id == annotator_id, SentenceStatus.sentence_id.in_(in_doc))
        ),
        exists().where(
            and_(DocumentStance.annotator_id == annotator_id, DocumentStance.document_id == document_id)
        ),
    ]
    return any(session.scalar(select(p)) for p in probes)


def documents_overview(
    session: Session, annotator_id: int | None = None, assigned_only: bool = False
) -> list[DocumentInfo]:
    """Every document by name with its sentence count and the sentences ``annotator_id`` marked done
    (``assigned_only``: only the documents assigned to ``annotator_id``)."""
    counts = select(Sentence.document_id, func.count().label("n")).group_by(Sentence.document_id).subquery()
    done_q = (
        select(Sentence.document_id, func.count().label("done"))
        .join(SentenceStatus, SentenceStatus.sentence_id == Sentence.id)
        .where(SentenceStatus.annotator_id == (annotator_id if annotator_id is not None else -1))
        .where(SentenceStatus.status == "done")
        .group_by(Sentence.document_id)
        .subquery()
    )
    rows = session.execute(
        select(Document.id, Document.name, func.coalesce(counts.c.n, 0), func.coalesce(done_q.c.done, 0))
        .outerjoin(counts, counts.c.document_id == Document.id)
        .outerjoin(done_q, done_q.c.document_id == Document.id)
        .where(
            Document.id.in_(assigned_to_query(annotator_id))
            if assigned_only and annotator_id is not None
            else true()
        )
        .order_by(Document.name)
    )
    return [DocumentInfo(int(a), str(b), int(c), int(d)) for a, b, c, d in rows]


def stats(session: Session) -> dict[str, Any]:
    """Corpus counts and, per annotator, entities, events, stance (sentence and document) and done.

    Each count is a range of an index that starts with the annotator (``ix_entities_annotator``,
    ``ix_events_annotator``, ...), read in one statement: a grouped count over whole tables read
    every row (1.4 s at a million sentences with three annotators); the token total comes from
    the narrow ``(id, n_tokens)`` key, not the sentence rows.
    """
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    sentences = session.scalar(select(func.count()).select_from(Sentence)) or 0
    tokens = session.scalar(select(func.coalesce(func.sum(Sentence.n_tokens), 0))) or 0
    names = {a.id: a.name for a in list_annotators(session)}
    per: dict[str, dict[str, int]] = {}
    for annotator_id, *counts in session.execute(_PER_ANNOTATOR):
        if annotator_id in names:
            per[names[annotator_id]] = dict(zip(_KINDS, (int(n or 0) for n in counts), strict=True))
    return {
        "documents": int(documents),
        "sentences": int(sentences),
        "tokens": int(tokens),
        "annotators": {name: per.get(name, dict.fromkeys(_KINDS, 0)) for name in names.values()},
    }


_KINDS = ("entities", "events", "stance", "done")


def _count_of(model: Any, *where: Any) -> Any:
    """The number of ``model`` rows of the annotator of the enclosing query."""
    return (
        select(func.count())
        .select_from(model)
        .where(model.annotator_id == Annotator.id, *where)
        .scalar_subquery()
    )


_PER_ANNOTATOR = select(
    Annotator.id,
    _count_of(EntityRow),
    _count_of(EventRow),
    _count_of(SentenceStance) + _count_of(DocumentStance),
    _count_of(SentenceStatus, SentenceStatus.status == "done"),
)


def get_meta(session: Session, key: str) -> str | None:
    """A project fact stored under ``key``, or None."""
    return session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == key))


def vocabulary_in_use(session: Session) -> dict[str, set[str]]:
    """Every schema name the data uses: labels, event types, ``type.role``, ``attribute=value``,
    stance targets, labels and levels (a new schema must keep them all)."""

    def names(query: Any) -> set[str]:
        return {str(v) for v in session.scalars(query)}

    on = EventArgument.event_id == EventRow.id
    roles = session.execute(select(EventRow.type, EventArgument.role).join(EventArgument, on).distinct())
    values = session.execute(select(EventAttribute.name, EventAttribute.value).distinct())
    return {
        "entity label": names(select(EntityRow.label).distinct()),
        "event type": names(select(EventRow.type).distinct()),
        "role": {f"{t}.{r}" for t, r in roles},
        "attribute": {f"{n}={v}" for n, v in values},
        "stance target": names(select(SentenceStance.target).distinct())
        | names(select(DocumentStance.target).distinct()),
        "stance label": names(select(SentenceStance.label).distinct())
        | names(select(DocumentStance.label).distinct()),
        "stance level": {
            level
            for level, table in (("sentence", SentenceStance), ("document", DocumentStance))
            if session.scalar(select(exists().where(table.id.isnot(None))))
        },
    }


def overlapping_entities(session: Session) -> int:
    """How many pairs of one layer's entities in one sentence share a token."""
    a, b = aliased(EntityRow), aliased(EntityRow)
    same = and_(
        a.sentence_id == b.sentence_id,
        a.annotator_id == b.annotator_id,
        a.id < b.id,
        a.token_start <= b.token_last,
        b.token_start <= a.token_last,
    )
    return int(session.scalar(select(func.count()).select_from(a).join(b, same)) or 0)


def set_meta(session: Session, key: str, value: str) -> None:
    """Store a project fact under ``key``.

    On PostgreSQL, row-level security lets a team member read the project's facts but change only
    their own (where they left off): an update it filters out matches no row, which is said here
    instead of surfacing as the ORM's StaleDataError.
    """
    stored = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == key))
    if stored is None:
        session.add(ProjectMeta(key=key, value=value))
        session.flush()
        return
    if stored == value:
        return
    changed = session.execute(
        update(ProjectMeta).where(ProjectMeta.key == key).values(value=value),
        execution_options={"synchronize_session": False},
    )
    if getattr(changed, "rowcount", 1) == 0:
        raise StoreError(f"only the project's owner or a manager changes its {key!r}; this login may not")


def count_documents(session: Session) -> int:
    """How many documents the project holds."""
    return int(session.scalar(select(func.count()).select_from(Document)) or 0)


def sentence_text(session: Session, sentence_id: int) -> str:
    """The text of one sentence."""
    return session.scalar(select(Sentence.text).where(Sentence.id == sentence_id)) or ""


def sentence_offsets(session: Session, sentence_id: int) -> tuple[int, int]:
    """Where a sentence starts and ends in its document's text."""
    row = session.execute(
        select(Sentence.start_offset, Sentence.end_offset).where(Sentence.id == sentence_id)
    ).one()
    return int(row[0]), int(row[1])


def document_text(session: Session, document_id: int) -> str:
    """The full text of a document."""
    return session.scalar(select(Document.text).where(Document.id == document_id)) or ""


def team_progress(session: Session) -> list[TeamMember]:
    """Everyone but the gold layer: sentences done, edits made, time of the last edit (busiest first)."""
    done = (
        select(SentenceStatus.annotator_id, func.count().label("n"))
        .where(SentenceStatus.status == "done")
        .group_by(SentenceStatus.annotator_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Annotator.name, Annotator.role, func.coalesce(done.c.n, 0), Activity.edits, Activity.last_edit_at
        )
        .outerjoin(done, done.c.annotator_id == Annotator.id)
        .outerjoin(Activity, Activity.annotator_id == Annotator.id)
        .where(Annotator.role != GOLD)
        .order_by(Activity.last_edit_at.desc().nulls_last(), Annotator.name)
    ).all()
    return [TeamMember(n, r, int(d), int(e or 0), t) for n, r, d, e, t in rows]
