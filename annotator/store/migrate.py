"""Alembic migrations run from code: an open upgrades a project that is behind to the newest revision.

Alembic is imported only here and only when a migration runs (or a test asks): which revisions exist
is read from the files' names (:mod:`.revisions`), and what they make at the newest one from the
kept template (:mod:`.schema_template`).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

from annotator.core.errors import ProjectError, StoreUnavailable
from annotator.store.revisions import MIGRATIONS, head_revision, is_known_revision
from annotator.store.schema_template import SchemaObject, template_objects

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = [
    "MIGRATIONS",
    "alembic_config",
    "created_objects",
    "current_revision",
    "head_revision",
    "is_known_revision",
    "upgrade",
]


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped in this package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several resolution errors for an unknown id
        return False


def _owns_tables(conn: Connection) -> bool:
    """True when this PostgreSQL login may change the project's tables (owns them, or is a superuser)."""
    query = text(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'alembic_version'"
    )
    return bool(conn.execute(query).scalar())


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision``; a database newer than the code is refused."""
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    current = current_revision(engine)
    script = ScriptDirectory.from_config(cfg)
    if current is not None and not _known(script, current):
        raise ProjectError(
            f"the project was written by a newer version of annotator (schema revision {current}); "
            "update annotator to open it"
        )
    if current == (script.get_current_head() if revision == "head" else revision):
        return  # nothing to do: the usual open
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            if current is not None and not _owns_tables(conn):
                raise ProjectError(
                    f"the project needs an upgrade to schema revision {revision} that only its owner "
                    "can make: ask them to open it once with this version of annotator"
                )
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return
    # SQLite changes a table by copying it into a new one and dropping the old (Alembic's batch
    # mode); with foreign keys on, that drop would cascade into every referring table. They are
    # off for the migration, which must then leave no reference dangling.
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        conn.execution_options(annotator_begin="IMMEDIATE")  # a migration writes: take the lock first
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise ProjectError(
                        f"the upgrade to schema revision {revision} would leave a row of {broken[0]} "
                        f"pointing at a missing row of {broken[2]}; the project was left as it was"
                    )
        except OperationalError as exc:
            if "database is locked" not in str(exc.orig).lower():
                raise
            raise StoreUnavailable(
                "the project stayed busy: another program kept writing to it while annotator waited "
                "to upgrade it; try again later"
            ) from None
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        if current is not None:
            # An upgrade that rebuilt or dropped tables leaves their old pages free inside the file
            # (a 100,000-sentence project: 78 MB before revision 0003, 130 MB after it, 65 MB once
            # compacted); one VACUUM gives them back, once per upgrade. Best effort: with another
            # connection open it cannot run, and the file is only bigger than it need be.
            with contextlib.suppress(sqlite3.OperationalError):
                raw.execute("VACUUM")


@functools.cache
def created_objects(revision: str | None) -> tuple[SchemaObject, ...]:
    """What the migrations up to ``revision`` create in SQLite: the rows of ``sqlite_master``.

    Worked out by running the migrations on an empty in-memory database, once per revision and
    process, so a new migration counts without a list kept by hand. None: the empty database. The newest
    revision's are read from the kept template when there is one (made by the same migrations).
    """
    if revision is not None and revision == head_revision():
        kept = template_objects()
        if kept is not None:
            return kept
    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        if revision is not None:
            upgrade(engine, revision)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    finally:
        engine.dispose()
    return tuple((str(kind), str(name), str(table), sql) for kind, name, table, sql in rows)
