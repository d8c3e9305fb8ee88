"""One engine factory for every project: SQLite pragmas, PostgreSQL URLs, sessions, migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from annotator import __version__
from annotator.core.errors import ProjectError, SchemaError, StoreError, StoreUnavailable
from annotator.core.model import GOLD
from annotator.core.schema import Schema, parse_schema
from annotator.store.access import ACTOR
from annotator.store.failures import classify, discard, opening
from annotator.store.safety import backup_file, foreign_object, inspect_file
from annotator.store.tables import Annotator, ProjectMeta

SQLITE_BUSY_TIMEOUT_S = 30
WAIT_SLICE_MS = 100  # with someone watching (``Project.waiting``), a busy write is told about this often
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


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (the pysqlite driver would defer it).
    dbapi_connection.isolation_level = None
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


BUSY_RETRIES = 3
_FULL = ("database or disk is full", "no space left on device", "disk full", "could not extend file")
_BROKEN = (
    "disk i/o error",
    "unable to open database file",
    "readonly database",
    "server closed the connection",
    "connection refused",
    "terminating connection",
    "connection is closed",
    "consuming input failed",
    "could not receive data",
    "could not send data",
)


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def _reason(exc: DBAPIError) -> str:
    lines = str(exc.orig).strip().splitlines()
    return lines[0] if lines else type(exc.orig).__name__


def unavailable(exc: DBAPIError, *, committing: bool = False, sqlite: bool = True) -> StoreUnavailable | None:
    """The database's own failure behind ``exc`` (a full disk, a broken connection), or None for others.

    ``committing``: the failure came from COMMIT. On a server that leaves the outcome unknown (the
    server may have committed before the connection broke); SQLite's commit is all or nothing.
    """
    reason = _reason(exc)
    low = reason.lower()
    sqlstate = str(getattr(exc.orig, "sqlstate", "") or "")
    if sqlstate == "53100" or any(m in low for m in _FULL):
        return StoreUnavailable(f"the disk is full ({reason}); free some space, then go on")
    if "readonly database" in low:
        return StoreUnavailable(f"the project can no longer be written ({reason}); check its permissions")
    broken = (
        exc.connection_invalidated
        or sqlstate.startswith(("08", "57P"))  # connection exceptions; the server shutting down
        or any(m in low for m in _BROKEN)
    )
    if not broken:
        return None
    if committing and not sqlite:
        return StoreUnavailable(
            f"the connection to the database broke while saving ({reason}); "
            "the change may or may not be stored",
            uncertain=True,
        )
    return StoreUnavailable(f"the database cannot be reached ({reason})")


def _rollback(session: Session) -> None:
    """Roll back, even on a connection that is already gone (the pool then discards it)."""
    with suppress(DBAPIError):
        session.rollback()


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
        path = sqlite_file(self.url)
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
                _rollback(session)
                raise StoreError(f"the database refused the change: {exc.orig}") from None
            except DBAPIError as exc:
                _rollback(session)
                problem = unavailable(exc, committing=committing, sqlite=self.is_sqlite) or classify(exc)
                if problem is None:
                    raise
                raise problem from None
            except BaseException as exc:
                _rollback(session)
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
                _rollback(session)

    @contextmanager
    def _session(self, begin: str) -> Iterator[Session]:
        session = self.sessions()
        session.info[ACTOR] = self.actor_id
        options: dict[str, Any] = {"annotator_begin": begin}
        waiting = self.waiting if begin == "IMMEDIATE" else None  # someone shows that this write waits
        if waiting is not None:
            options["annotator_busy_ms"] = WAIT_SLICE_MS
        started = time.monotonic()
        limit = SQLITE_BUSY_TIMEOUT_S * (BUSY_RETRIES + 1)
        try:
            attempt = 0
            while True:
                try:
                    session.connection(execution_options=options)
                    break
                except OperationalError as exc:
                    _rollback(session)
                    if not _is_busy(exc):  # no connection, or no transaction: nothing was tried
                        problem = unavailable(exc, sqlite=self.is_sqlite)
                        reason = f"the project cannot be used just now ({_reason(exc)})"
                        raise problem or StoreUnavailable(reason) from None
                    waited = time.monotonic() - started
                    if (attempt >= BUSY_RETRIES and waiting is None) or waited >= limit:
                        raise StoreUnavailable(
                            "the project stayed busy: another program has held it for more than "
                            f"{round(waited)} s; try again later"
                        ) from None
                    attempt += 1
                    if waiting is not None:
                        waiting(waited)
                    else:
                        time.sleep(0.05 * attempt)
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
                raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_project(
    target: str | Path,
    *,
    create: bool = False,
    schema: Schema | None = None,
    check: bool = True,
    stored_schema: bool = True,
) -> tuple[Project, bool]:
    """Open the project at ``target`` (a path or URL); with ``create`` make it if it has no tables yet.

    Returns the project and whether it was created now. A new project gets ``schema`` (required
    then) and the reserved ``gold`` layer. An existing SQLite file is first looked at read-only
    (with ``PRAGMA quick_check`` unless ``check`` is False) and refused if it holds a trigger, view,
    table or index the migrations did not make; one from an older version is backed up, then
    upgraded. Only creating or upgrading takes the write lock: opening never waits for writers.
    The stored schema is checked like a schema file; with ``stored_schema`` False it is not read,
    and the project carries ``schema`` instead (to show or replace a stored schema that no longer
    passes the checks).
    """
    from annotator.store.migrate import head_revision, is_known_revision, upgrade

    url = database_url(target)
    shown = display_url(url) if "://" in str(target) else str(target)
    path = sqlite_file(url)
    fresh = path if path is not None and not path.exists() else None  # removed again if creating fails
    if path is not None:
        if not path.exists():
            if not create:
                raise ProjectError(f"{path}: no project here (create one with: annotator init --db {path})")
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            # A read-only look first: a foreign, damaged or newer file is refused untouched.
            facts = inspect_file(path, check=check)
            if facts.tables and "project_meta" not in facts.tables:
                raise ProjectError(
                    f"{shown}: this database holds other tables and is not an annotator project"
                )
            if facts.revision is not None and not is_known_revision(facts.revision):
                raise ProjectError(
                    f"{shown}: the project was written by a newer version of annotator "
                    f"(schema revision {facts.revision}); update annotator to open it"
                )
            foreign = foreign_object(facts)  # a trigger would run inside annotator's own writes
            if foreign is not None:
                raise ProjectError(f"{shown}: the project holds {foreign}; it was not opened")
            if facts.revision is not None and facts.revision != head_revision():
                backup_file(path)  # an older version's project: backed up before any migration
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        discard(fresh)
        reason = str(getattr(exc, "orig", exc)) or type(exc).__name__
        raise ProjectError(f"{shown}: cannot open the project: {reason}") from None
    created = "project_meta" not in tables
    if created and tables - {"alembic_version"}:
        engine.dispose()
        raise ProjectError(f"{shown}: this database holds other tables and is not an annotator project")
    if created and not create:
        engine.dispose()
        raise ProjectError(f"{shown}: not an annotator project (create one with: annotator init)")
    if created and schema is None:
        engine.dispose()
        raise ProjectError(f"{shown}: a new project needs a schema")
    with opening(engine, shown, fresh, unavailable):
        upgrade(engine)  # writes (under the write lock) only when there is something to migrate
    sessions = sessionmaker(engine, expire_on_commit=False)
    with opening(engine, shown, fresh, unavailable), sessions() as session, session.begin():
        if created:  # only then is this a write: reading the stored schema never waits
            session.connection(execution_options={"annotator_begin": "IMMEDIATE"})
            assert schema is not None
            session.add_all(
                [
                    ProjectMeta(key="schema", value=schema.source),
                    ProjectMeta(key="created_by", value=f"annotator {__version__}"),
                    Annotator(name=GOLD, role="gold"),
                ]
            )
        stored = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == "schema"))
    if stored is None:
        engine.dispose()
        raise ProjectError(f"{shown}: the project has no schema stored")
    if not stored_schema and schema is not None:
        return Project(url, engine, sessions, schema), created
    try:
        project_schema = parse_schema(stored, f"{shown} (stored schema)")
    except SchemaError as exc:
        engine.dispose()
        where = str(path) if path is not None else "URL"
        fix = (
            f"annotator schema --db {where} --out FILE, fix FILE, "
            f"then annotator schema --db {where} --replace FILE"
        )
        raise SchemaError(exc.path, exc.line, f"{exc.message} (to fix it: {fix})", exc.column) from None
    return Project(url, engine, sessions, project_schema), created
