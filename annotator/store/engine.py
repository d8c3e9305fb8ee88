"""One engine factory for every project: URLs, SQLite pragmas and the BEGIN each transaction asks for.

The rest of opening and using a project lives beside it: :mod:`.opener` (``open_project``),
:mod:`.project` (the ``Project``, its transactions and readings), :mod:`.waiting` (a busy
project waited for), :mod:`.outages` (the database's own failures told in words).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

# Read where it is used, at the time of use (``engine.SQLITE_BUSY_TIMEOUT_S``), so that setting it
# here (tests make a busy project fail fast) holds for every connection and transaction.
SQLITE_BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 10  # an unreachable server is reported, not waited for minutes


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for ``target``: a URL is kept as it is, anything else is a SQLite file path."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(target: str | Path) -> Path | None:
    """The file of a SQLite project (a path or a ``sqlite:///`` URL), or None for a server."""
    parsed = make_url(database_url(target))
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return Path(parsed.database)
    return None


def display_url(url: str) -> str:
    """A database URL fit for messages and titles: the password is masked."""
    return make_url(url).render_as_string(hide_password=True)


def _casefold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else None


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (the pysqlite driver would defer it).
    dbapi_connection.isolation_level = None
    # SQLite's lower() and LIKE fold ASCII only: a filter over Kazakh names folds with Python's.
    dbapi_connection.create_function("annotator_casefold", 1, _casefold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()
    if mode and str(mode[0]).lower() != "wal":
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # Writers ask for the write lock at BEGIN (``annotator_begin="IMMEDIATE"``: Project.transaction,
    # a migration, creating a project), waiting up to the busy timeout for another writer to
    # finish; a deferred transaction that reads and then writes could otherwise fail at once with
    # "database is locked" when someone else committed in between. Everything else (Project.reading,
    # a connection that does not say) begins DEFERRED and never waits for writers (WAL). A writer
    # someone watches waits in short slices (``annotator_busy_ms``), so the window can say it waits.
    options = connection.get_execution_options()
    mode = options.get("annotator_begin", "DEFERRED")
    busy_ms = int(options.get("annotator_busy_ms", SQLITE_BUSY_TIMEOUT_S * 1000))
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {busy_ms}")  # every BEGIN: pooled connections
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``; SQLite gets foreign keys, WAL, a busy timeout and real BEGINs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # Pooled connections may serve a worker thread (import/export from the window) after the
        # main one; the pool never shares one connection between threads at once.
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # pre_ping: a connection the server dropped while idle is replaced at checkout, not reported.
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S})
