"""Opening a project: a SQLite file looked at read-only first, then created or upgraded, its schema read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from annotator import __version__
from annotator.core.errors import ProjectError, SchemaError
from annotator.core.model import GOLD
from annotator.core.schema import Schema, parse_schema
from annotator.core.text import TOKENIZER_VERSION
from annotator.store.engine import database_url, display_url, make_engine, sqlite_file
from annotator.store.failures import discard, opening
from annotator.store.outages import unavailable
from annotator.store.project import Project
from annotator.store.revisions import head_revision, is_known_revision, stored_revision
from annotator.store.safety import backup_file, foreign_object, inspect_file
from annotator.store.schema_template import copy_template
from annotator.store.tables import Annotator, ProjectMeta
from annotator.store.tokenizing import TOKENIZER_KEY


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
    url = database_url(target)
    shown = display_url(url) if "://" in str(target) else str(target)
    path = sqlite_file(url)
    fresh = path if path is not None and not path.exists() else None  # removed again if creating fails
    seeded = False  # a new SQLite project copied from the schema template (no migration to run)
    if path is not None:
        if not path.exists():
            if not create:
                raise ProjectError(f"{path}: no project here (create one with: annotator init --db {path})")
            if schema is None:
                raise ProjectError(f"{shown}: a new project needs a schema")
            path.parent.mkdir(parents=True, exist_ok=True)
            seeded = _seed(path, fresh)
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
            current = stored_revision(conn) if "alembic_version" in tables else None
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        discard(fresh)
        reason = str(getattr(exc, "orig", exc)) or type(exc).__name__
        raise ProjectError(f"{shown}: cannot open the project: {reason}") from None
    created = seeded or "project_meta" not in tables
    if created and not seeded and tables - {"alembic_version"}:
        engine.dispose()
        raise ProjectError(f"{shown}: this database holds other tables and is not an annotator project")
    if created and not create:
        engine.dispose()
        raise ProjectError(f"{shown}: not an annotator project (create one with: annotator init)")
    if created and schema is None:
        engine.dispose()
        raise ProjectError(f"{shown}: a new project needs a schema")
    if current != head_revision():  # the usual open has nothing to migrate and never loads Alembic
        from annotator.store.migrate import upgrade

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
                    ProjectMeta(key=TOKENIZER_KEY, value=str(TOKENIZER_VERSION)),
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


def _seed(path: Path, fresh: Path | None) -> bool:
    """Make the new file ``path`` an empty project at the newest revision from the kept template;
    False when there is none (the migrations then run as for a server)."""
    try:
        return copy_template(path)
    except (OSError, sqlite3.Error) as exc:
        discard(fresh)
        raise ProjectError(f"{path}: cannot create the project: {exc}") from None
