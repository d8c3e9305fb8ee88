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


def give(session: Session, wanted: dict[int, list[int]]) -> int:
    """Assign each document (id → people ids) to those of its people who do not have it yet, in
    one statement; how many were added.

    An import calls it once, after its last document: the assignments' lock is then the last lock
    it takes (after every document name), as it is the only one a window serving the pool takes,
    so two imports never wait for each other in a circle, and windows wait only for the commit.
    """
    if not wanted:
        return 0
    lock_assignments(session)
    have = rows.assignees_by_document(session)
    pairs = [(d, p) for d, people in wanted.items() for p in people if p not in have.get(d, frozenset())]
    return rows.add(session, pairs)
