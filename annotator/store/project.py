"""An open project: its engine and sessions, and the transactions and readings everything runs in."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.errors import StoreError
from annotator.core.schema import Schema
from annotator.store import engine as engines
from annotator.store.access import ACTOR
from annotator.store.failures import classify
from annotator.store.outages import rollback, unavailable
from annotator.store.waiting import begin


@dataclass
class Project:
    """An open project: its engine, session factories, the schema stored in it, and who acts on it.

    ``actor_id`` is the person every transaction of this object acts for (``act_as``); the store
    refuses edits of layers that person may not write (see ``access.py``).
    """

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    schema: Schema
    actor_id: int | None = None
    # The PostgreSQL login that is also ``actor_id`` when row-level security governs it (set by
    # signing in): the store then holds every write to what that person may do.
    login: str | None = None
    # Told, in the thread that asked to write, how many seconds a write has waited for another
    # writer to finish (SQLite); the window shows that it is waiting instead of freezing.
    waiting: Callable[[float], None] | None = None

    @property
    def is_sqlite(self) -> bool:
        """True for a project in a SQLite file."""
        return self.engine.dialect.name == "sqlite"

    def act_as(self, annotator_id: int | None) -> None:
        """Make every later transaction act for this annotator or reviewer (None: nobody)."""
        self.actor_id = annotator_id

    @property
    def name(self) -> str:
        """A short name for window titles and messages: the file stem, or the database name."""
        path = engines.sqlite_file(self.url)
        return path.stem if path is not None else make_url(self.url).database or self.url

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session and one transaction: committed on success, rolled back on any error.

        On SQLite the write lock is taken at the start, waiting up to the busy timeout and then
        retrying a few times, so a busy project never reaches the user as "database is locked".
        A constraint the database enforces becomes a StoreError with the database's reason; a
        full disk or a broken connection becomes StoreUnavailable (``uncertain`` when it broke
        during COMMIT on a server).
        """
        with self._session("IMMEDIATE") as session:
            committing = False
            try:
                yield session
                committing = True
                session.commit()
            except IntegrityError as exc:
                rollback(session)
                raise StoreError(f"the database refused the change: {exc.orig}") from None
            except DBAPIError as exc:
                rollback(session)
                problem = unavailable(exc, committing=committing, sqlite=self.is_sqlite) or classify(exc)
                if problem is None:
                    raise
                raise problem from None
            except BaseException as exc:
                rollback(session)
                if (refused := classify(exc)) is not None:  # a driver's ValueError: a NUL
                    raise refused from None
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction that never waits for writers (one consistent snapshot on SQLite)."""
        with self._session("DEFERRED") as session:
            try:
                yield session
            except DBAPIError as exc:
                problem = unavailable(exc, sqlite=self.is_sqlite)
                if problem is None:
                    raise
                raise problem from None
            finally:
                rollback(session)

    @contextmanager
    def _session(self, mode: str) -> Iterator[Session]:
        session = self.sessions()
        session.info[ACTOR] = self.actor_id
        waiting = self.waiting if mode == "IMMEDIATE" else None  # someone shows that this write waits
        try:
            begin(session, mode, waiting, sqlite=self.is_sqlite, timeout_s=engines.SQLITE_BUSY_TIMEOUT_S)
            yield session
        finally:
            session.close()

    def fold_log(self) -> None:
        """After a bulk write on SQLite: fold the write-ahead log into the database file and empty it.

        A 100,000-sentence import leaves tens of megabytes of log behind, which every later read
        consults page by page (measured: agreement right after such an import, 4.4 s; after this,
        3.8 s). Best effort and never waiting: with someone else reading or writing, the log
        stays as it is and SQLite folds it later.
        """
        if not self.is_sqlite:
            return
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA busy_timeout = 0")
            try:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.OperationalError:
                pass  # busy: another connection is at work; the log is folded another time
            finally:
                raw.execute(f"PRAGMA busy_timeout = {engines.SQLITE_BUSY_TIMEOUT_S * 1000}")

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
