"""Who may change which layer, enforced in the store whatever the caller.

Every edit runs in a transaction opened by someone (``Project.act_as``): an annotator may change
only their own layer; a reviewer (and a manager) may change their own layer and the gold layer; nobody changes
another person's annotations, and a transaction that names nobody changes nothing. The role is
read from the database at each check, so a demotion takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.core.model import GOLD, REVIEWING
from annotator.store.locks import lock_document_layer, lock_sentence_layer
from annotator.store.tables import Activity, Annotator, utcnow

ACTOR = "annotator.actor_id"

# Built once: every edit runs them (see reading.py on what building a statement costs).
_PEOPLE = select(Annotator.id, Annotator.name, Annotator.role).where(
    Annotator.id.in_(bindparam("people", expanding=True))
)


def _counting(insert: Callable[[type[Activity]], Any]) -> Any:
    """The statement that adds one edit to a person's activity, in a dialect's upsert."""
    now = bindparam("now", type_=Activity.__table__.c.last_edit_at.type)
    statement = insert(Activity).values(annotator_id=bindparam("who"), edits=1, last_edit_at=now)
    return statement.on_conflict_do_update(
        index_elements=[Activity.annotator_id], set_={"edits": Activity.edits + 1, "last_edit_at": now}
    )


_COUNT_EDIT = {"postgresql": _counting(pg_insert), "sqlite": _counting(sqlite_insert)}


def actor_id(session: Session) -> int | None:
    """The id of the person this session's transaction acts for, or None."""
    value = session.info.get(ACTOR)
    return int(value) if value is not None else None


def refusal(session: Session, layer_id: int) -> str | None:
    """Why the session's actor may not write ``layer_id`` (a sentence for people), or None if they may."""
    me = actor_id(session)
    if me is None:
        return message("the change names nobody: open the project as an annotator or reviewer to edit it")
    people = {row.id: row for row in session.execute(_PEOPLE, {"people": sorted({me, layer_id})})}
    actor, owner = people.get(me), people.get(layer_id)
    if actor is None or owner is None:
        return message("the annotator of this change is not in the project")
    if actor.role == GOLD:
        return message("nobody edits as the gold layer itself: reviewers write gold under their own names")
    if me == layer_id:
        return None
    if owner.role == GOLD:
        if actor.role in REVIEWING:
            return None
        return message("only reviewers write the gold layer, and {name} is an annotator", name=actor.name)
    return message(
        "{name} cannot change {owner}'s annotations: everyone edits only their own layer",
        name=actor.name,
        owner=owner.name,
    )


def authorize(
    session: Session, layer_id: int, *, sentence_id: int | None = None, document_id: int | None = None
) -> None:
    """Raise StoreError unless the session's actor may write ``layer_id``; count the edit as theirs.

    With ``sentence_id`` (or ``document_id``) the layer's sentence (or document) is held until the
    transaction ends, so the checks that follow read what every earlier writer committed.
    """
    reason = refusal(session, layer_id)
    if reason is not None:
        raise StoreError(reason)
    me = actor_id(session)
    assert me is not None
    if sentence_id is not None:
        lock_sentence_layer(session, layer_id, sentence_id)
    if document_id is not None:
        lock_document_layer(session, layer_id, document_id)
    count_edit(session, me)


def count_edit(session: Session, annotator_id: int) -> None:
    """Add one edit to a person's activity, in one statement (two first edits at once both count)."""
    statement = _COUNT_EDIT[session.get_bind().dialect.name]
    session.execute(statement, {"who": annotator_id, "now": utcnow()})
