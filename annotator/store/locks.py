"""Serialising checks that read, then write, on PostgreSQL.

The store checks an edit against what a layer already holds (the same entity twice, overlapping
entities the schema forbids, a layer an import finds already there) and then writes. On SQLite a
writer holds the whole database from ``BEGIN IMMEDIATE`` on, so nobody can change the layer in
between. On PostgreSQL two transactions could both read "not there yet" and both write, so each
check first takes a transaction-level advisory lock named after what it is about to read: one
layer's sentence, one layer's document, one document name. The second writer waits at the lock
until the first commits, then reads what the first wrote (READ COMMITTED) and is refused by the
check. Locks are released by COMMIT or ROLLBACK; nothing else waits for them (readers never take
them). Unique indexes (migration 0004) back the checks where the database can say it alone.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.orm import Session

_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


def _key(kind: str, *parts: object) -> int:
    """A signed 64-bit lock key for ``kind`` and ``parts``; a collision only makes someone wait."""
    digest = hashlib.blake2b(repr((kind, *parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _take(session: Session, key: int) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK, {"key": key})


def lock_sentence_layer(session: Session, annotator_id: int, sentence_id: int) -> None:
    """Hold one layer's sentence for this transaction before checking and changing it."""
    _take(session, _key("sentence", annotator_id, sentence_id))


def lock_document_layer(session: Session, annotator_id: int, document_id: int) -> None:
    """Hold one layer's document-level annotations (document stance) for this transaction."""
    _take(session, _key("document", annotator_id, document_id))


def lock_document_name(session: Session, name: str) -> None:
    """Hold a document name for this transaction: an import finding it free or taken, or its layers
    absent, stays right until this transaction ends."""
    _take(session, _key("document-name", name))


def lock_person_name(session: Session, name: str) -> None:
    """Hold a person's name for this transaction, so that finding them absent and adding them stays right."""
    _take(session, _key("person-name", name))


def lock_team(session: Session) -> None:
    """Hold the project's team for this transaction: adding people and logins, granting roles.

    PostgreSQL's catalogs refuse two transactions granting the same role at once ("tuple
    concurrently updated"), and finding a person absent must stay right until they are added.
    """
    _take(session, _key("team"))


def lock_sentence_layers(session: Session, annotator_id: int, sentence_ids: list[int]) -> None:
    """Hold one layer's sentences (in id order, as one statement), as each edit holds its own."""
    if session.get_bind().dialect.name != "postgresql" or not sentence_ids:
        return
    keys = [_key("sentence", annotator_id, sid) for sid in sorted(sentence_ids)]
    session.execute(
        text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k"), {"keys": keys}
    )


def lock_assignments(session: Session) -> None:
    """Hold the project's assignments for this transaction: counting a document's assignees and
    adding one (the pool's N, a balanced plan) stays right until this transaction ends."""
    _take(session, _key("assignments"))
