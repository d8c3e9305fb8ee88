"""Who may correct a document's tokens and sentences, checked in the transaction that corrects.

Reviewers and managers may, and so may the person alone on the document (nobody else, gold
included, has an annotation or a status in it). On PostgreSQL a team login also opens the
correction on the server (migration 0007), whose row-level security lets only such a
transaction rewrite the document's sentences and other people's rows.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.core.model import GOLD, REVIEWING
from annotator.store.access import actor_id, count_edit
from annotator.store.locks import lock_document_layer
from annotator.store.tables import (
    Annotator,
    DocumentStance,
    EntityRow,
    EventRow,
    Sentence,
    SentenceStance,
    SentenceStatus,
)

CORRECTING = 0  # the layer id the document's correction lock is taken under (no person has id 0)


def others_in_document(session: Session, document_id: int, me: int) -> list[str]:
    """Names of everyone but ``me`` (gold included) with an annotation or a status in the document."""
    in_doc = select(Sentence.id).where(Sentence.document_id == document_id).scalar_subquery()
    owners: set[int] = set()
    for model in (EntityRow, EventRow, SentenceStance, SentenceStatus):
        owners.update(
            session.scalars(select(model.annotator_id).where(model.sentence_id.in_(in_doc)).distinct())
        )
    owners.update(
        session.scalars(select(DocumentStance.annotator_id).where(DocumentStance.document_id == document_id))
    )
    owners.discard(me)
    if not owners:
        return []
    return sorted(session.scalars(select(Annotator.name).where(Annotator.id.in_(owners))))


def correction_refusal(session: Session, document_id: int) -> str | None:
    """Why the session's actor may not correct the document's tokens and sentences, or None."""
    me = actor_id(session)
    if me is None:
        return message("the correction names nobody: open the project as an annotator or reviewer")
    person = session.get(Annotator, me)
    if person is None:
        return message("the person correcting is not in the project")
    if person.role == GOLD:
        return message("nobody corrects as the gold layer itself: reviewers correct under their own names")
    if person.role in REVIEWING:
        return None
    others = others_in_document(session, document_id, me)
    if not others:
        return None
    who = ", ".join(others[:3])
    if len(others) > 3:
        return message(
            "only a reviewer may correct this document: {names} and others annotated it too "
            "(a person alone on a document may correct it)",
            names=who,
        )
    return message(
        "only a reviewer may correct this document: {names} annotated it too "
        "(a person alone on a document may correct it)",
        names=who,
    )


def _begin_on_server(session: Session, document_id: int) -> bool:
    """On PostgreSQL, for a team login: open a correction of the document in this transaction
    (migration 0007); False when the database says the login may not (it sees every row, also
    those others' that row-level security hides from the login). Elsewhere True."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    me = session.get(Annotator, actor_id(session))
    if me is None or session.scalar(text("SELECT session_user")) != me.name:
        return True  # the project's owner acting for someone: not subject to row-level security
    begun = session.scalar(
        text("SELECT annotator_begin_correction(CAST(:doc AS integer))"), {"doc": document_id}
    )
    return bool(begun)


def authorize_correction(session: Session, document_id: int) -> None:
    """Raise StoreError unless the actor may correct the document; hold it until the transaction ends."""
    lock_document_layer(session, CORRECTING, document_id)
    reason = correction_refusal(session, document_id)
    if reason is None and not _begin_on_server(session, document_id):
        reason = message(
            "only a reviewer may correct this document: others annotated it too "
            "(a person alone on a document may correct it)"
        )
    if reason is not None:
        raise StoreError(reason)
    me = actor_id(session)
    assert me is not None
    count_edit(session, me)
