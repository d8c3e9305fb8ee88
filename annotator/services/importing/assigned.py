"""Assignments read with a project's JSONL: added to what the project holds, never taking any away."""

from __future__ import annotations

from annotator.core.model import REVIEWING
from annotator.store import Session
from annotator.store import assignments as rows
from annotator.store.access import actor_id
from annotator.store.locks import lock_assignments
from annotator.store.queries import list_annotators


def may_assign(session: Session) -> bool:
    """Whether the session's actor (a team login) is a reviewer or a manager."""
    me = actor_id(session)
    return any(p.id == me and p.role in REVIEWING for p in list_annotators(session))


def give(session: Session, document_id: int, people: list[int]) -> int:
    """Assign the document to those of ``people`` who do not have it yet; how many were added."""
    lock_assignments(session)
    have = rows.assignees_of(session, document_id)  # not every document's: one line per document
    return rows.add(session, [(document_id, p) for p in dict.fromkeys(people) if p not in have])
