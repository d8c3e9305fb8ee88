"""Who may change which layer, enforced in the store whatever the caller.

Every edit runs in a transaction opened by someone (``Project.act_as``): an annotator may change
only their own layer; a reviewer may change their own layer and the gold layer; nobody changes
another person's annotations, and a transaction that names nobody changes nothing. The role is
read from the database at each check, so a demotion takes effect at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.model import GOLD
from annotator.store.tables import Activity, Annotator, utcnow

ACTOR = "annotator.actor_id"


def actor_id(session: Session) -> int | None:
    """The id of the person this session's transaction acts for, or None."""
    value = session.info.get(ACTOR)
    return int(value) if value is not None else None


def refusal(session: Session, layer_id: int) -> str | None:
    """Why the session's actor may not write ``layer_id`` (a sentence for people), or None if they may."""
    me = actor_id(session)
    if me is None:
        return "the change names nobody: open the project as an annotator or reviewer to edit it"
    query = select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.id.in_({me, layer_id}))
    people = {row.id: row for row in session.execute(query)}
    actor, owner = people.get(me), people.get(layer_id)
    if actor is None or owner is None:
        return "the annotator of this change is not in the project"
    if actor.role == GOLD:
        return "nobody edits as the gold layer itself: reviewers write gold under their own names"
    if me == layer_id:
        return None
    if owner.role == GOLD:
        if actor.role == "reviewer":
            return None
        return f"only reviewers write the gold layer, and {actor.name} is an annotator"
    return f"{actor.name} cannot change {owner.name}'s annotations: everyone edits only their own layer"


def authorize(session: Session, layer_id: int) -> None:
    """Raise StoreError unless the session's actor may write ``layer_id``; count the edit as theirs."""
    reason = refusal(session, layer_id)
    if reason is not None:
        raise StoreError(reason)
    me = actor_id(session)
    assert me is not None
    row = session.get(Activity, me)
    if row is None:
        session.add(Activity(annotator_id=me, edits=1, last_edit_at=utcnow()))
    else:
        row.edits += 1
        row.last_edit_at = utcnow()
