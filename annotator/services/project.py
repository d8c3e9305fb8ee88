"""Opening projects: which database to use, creating it, and loading the seeds on first start."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.errors import ProjectError, SchemaError
from annotator.core.messages import message
from annotator.core.model import ImportSummary
from annotator.core.paths import seeds_dir
from annotator.core.schema import Schema, default_schema_path, load_schema, parse_schema
from annotator.services.user_dirs import default_db_path
from annotator.store import Project, integrity, open_project, queries, tokenizing
from annotator.store.engine import display_url, sqlite_file
from annotator.store.safety import backup_file, inspect_file, list_backups, restore_file
from annotator.store.safety import backup_is_current as backup_is_up_to_date

ENV_DB = "ANNOTATOR_DB"


def resolve_target(db: str | None) -> tuple[str, bool]:
    """The database to use: ``--db``, else ``$ANNOTATOR_DB``, else the default project.

    Returns the target and whether it is the default project.
    """
    if db:
        return db, False
    env = os.environ.get(ENV_DB)
    if env:
        return env, False
    return str(default_db_path()), True


def seed_files() -> list[Path]:
    """The seed articles shipped with the application, by name."""
    return sorted(seeds_dir().glob("*.txt"))


def load_seeds(project: Project, progress: Callable[[int, int], None] | None = None) -> ImportSummary | None:
    """Import the seed articles once into an empty project (line mode); None if nothing was done."""
    with project.reading() as session:  # the usual case, seeds long loaded: a read that never waits
        if queries.get_meta(session, "seeds_loaded") or queries.count_documents(session):
            return None
    files = seed_files()
    if not files:
        raise ProjectError(f"{seeds_dir()}: no seed articles found")
    from annotator.services.importing import ImportOptions, import_paths  # only when seeding

    summary = import_paths(project, files, ImportOptions(fmt="txt", segment="lines"), progress)
    with project.transaction() as session:
        queries.set_meta(session, "seeds_loaded", "yes")
    return summary


def open_or_create(db: str | None, schema_path: str | Path | None = None) -> Project:
    """Open the project ``db`` resolves to, creating it if needed; a new default project gets the seeds."""
    target, is_default = resolve_target(db)
    schema = load_schema(schema_path or default_schema_path())
    project, _ = open_project(target, create=True, schema=schema)
    if is_default:
        load_seeds(project)
    return project


def require_existing(db: str | None) -> str:
    """The target ``db`` resolves to; ProjectError, and nothing made, if it is a SQLite file not there.

    Read-only commands call this (through :func:`open_existing`): only ``init``, the window and
    the commands that add to a project (``import``, ``annotators add``, ``team add``) make one.
    """
    target, is_default = resolve_target(db)
    path = sqlite_file(target)
    if path is None or path.exists():
        return target
    if is_default:
        raise ProjectError(
            f"{path}: no project here yet; make the default project with: annotator init --seeds "
            "(or open the window: annotator, or make run in a checkout)"
        )
    raise ProjectError(f"{path}: no project here (make one with: annotator init --db {path})")


def open_existing(db: str | None) -> Project:
    """Open an existing project; a missing one is ProjectError (never created, the default neither)."""
    project, _ = open_project(require_existing(db), create=False)
    return project


def create(db: str | None, schema_path: str | Path | None = None, seeds: bool = False) -> Project:
    """Make a new project at ``db`` with the schema at ``schema_path``; refuse an existing one."""
    target, is_default = resolve_target(db)
    schema: Schema = load_schema(schema_path or default_schema_path())
    project, created = open_project(target, create=True, schema=schema)
    if not created:
        project.close()
        raise ProjectError(f"{target}: a project already exists here")
    if seeds or is_default:
        load_seeds(project)
    return project


def shown_url(project: Project) -> str:
    """The project's database URL fit for messages and titles (any password masked)."""
    return display_url(project.url)


def count_documents(project: Project) -> int:
    """How many documents the project holds."""
    with project.reading() as session:
        return queries.count_documents(session)


def corpus_stats(project: Project) -> dict[str, Any]:
    """Corpus counts, per annotator entities, events, stance and sentences done, and the tokenizer
    version new text is cut with (``tokenizer_version``)."""
    with project.reading() as session:
        return {**queries.stats(session), "tokenizer_version": tokenizing.tokenizer_version(session)}


def tokenizer_version(project: Project) -> int:
    """The tokenizer version the project cuts imported text with (1 for a project made before
    versions were stored)."""
    with project.reading() as session:
        return tokenizing.tokenizer_version(session)


def set_tokenizer_version(project: Project, version: int) -> None:
    """Store ``version`` as the project's tokenizer version, for what is imported from now on.

    It does not re-cut what the project holds: the ``retokenize`` command does that and then calls
    this. ValueError for an unknown version; StoreError when this login may not change it.
    """
    with project.transaction() as session:
        tokenizing.set_tokenizer_version(session, version)


def _file_of(db: str | None, must_exist: bool = True) -> Path:
    target = require_existing(db) if must_exist else resolve_target(db)[0]
    path = sqlite_file(target)
    if path is None:
        raise ProjectError(
            f"{display_url(target)}: a PostgreSQL project is backed up by its server (pg_dump), "
            "not by annotator"
        )
    return path


def backup(db: str | None, out: str | Path | None = None) -> Path:
    """Back up the project ``db`` resolves to (to ``out``, or as a new rolling generation); return where."""
    path = _file_of(db)
    inspect_file(path)
    return backup_file(path, Path(out) if out else None)


def rolling_backup(project: Project, stop: threading.Event | None = None, pause: float = 0.0) -> Path | None:
    """A new rolling backup of an open SQLite project (the window makes one at start and every so
    many edits, in the background); None for a PostgreSQL project. ``stop`` set: it ends at its
    next step (ProjectError) and leaves no file; ``pause``: seconds to rest between two steps."""
    path = sqlite_file(project.url)
    return backup_file(path, stop=stop, pause=pause) if path is not None else None


def backup_is_current(project: Project) -> bool:
    """True when a new rolling backup would hold nothing the newest one lacks (or the project is
    on PostgreSQL, which annotator does not back up)."""
    path = sqlite_file(project.url)
    return path is None or backup_is_up_to_date(path)


def integrity_problem(project: Project, stop: threading.Event | None = None) -> str | None:
    """The full check of an open SQLite project's file (``PRAGMA quick_check``, seconds at a
    million sentences: the window runs it in the background): None when the file is sound, the
    check was stopped, or the project is on PostgreSQL (its server keeps its files); else the
    warning to show, naming the file and how to restore its newest backup."""
    path = sqlite_file(project.url)
    if path is None:
        return None
    problem = integrity.first_problem(path, stop)
    if problem is None:
        return None
    newest = integrity.newest_backup(path)
    if newest is None:
        return message(
            "{path}: the project file is damaged ({problem}); no backup of it was found",
            path=str(path),
            problem=problem,
        )
    return message(
        "{path}: the project file is damaged ({problem}); close the window and restore the newest "
        "backup with: {command}",
        path=str(path),
        problem=problem,
        command=f"annotator restore --db {path} {newest}",
    )


def has_file(project: Project) -> bool:
    """True for a SQLite project (a file this machine checks and backs up), False on a server."""
    return sqlite_file(project.url) is not None


def whole_file_problem(project: Project) -> str | None:
    """``annotator check``: the full check of a SQLite project's file, None when it is sound (or on
    a server), else one line naming the file, the problem and the backup to restore."""
    path = sqlite_file(project.url)
    problem = None if path is None else integrity.first_problem(path)
    if path is None or problem is None:
        return None
    newest = integrity.newest_backup(path)
    fix = (
        f"restore the newest backup with: annotator restore --db {path} {newest}"
        if newest
        else "no backup of it was found"
    )
    return f"{path}: the project file is damaged ({problem}); {fix}"


def backups(db: str | None) -> list[Path]:
    """The rolling backups of the project ``db`` resolves to, oldest first.

    Those of a lost project are listed too (to restore one); with neither project nor backups
    it is the missing project's ProjectError.
    """
    path = _file_of(db, must_exist=False)
    found = list_backups(path)
    if not found:
        require_existing(db)
    return found


def restore(db: str | None, source: str | Path) -> Path | None:
    """Replace the project ``db`` resolves to by the backup ``source``; returns the safety copy made first."""
    path = _file_of(db, must_exist=False)  # a lost project can be restored
    backup_path = Path(source)
    if not backup_path.is_file():
        raise ProjectError(f"{backup_path}: no such backup file")
    return restore_file(path, backup_path)


def _used_but_missing(schema: Schema, used: dict[str, set[str]]) -> list[str]:
    """What the data uses that ``schema`` does not define, as ``kind name`` phrases."""
    defined = {
        "entity label": set(schema.label_names),
        "event type": {t.name for t in schema.event_types},
        "role": {f"{t.name}.{r}" for t in schema.event_types for r in t.roles},
        "attribute": {f"{a.name}={v}" for a in schema.attributes for v in a.values},
        "stance target": {t.name for t in schema.targets},
        "stance label": set(schema.stance_labels),
        "stance level": set(schema.stance_levels),
    }
    return [f"{kind} {name}" for kind, names in used.items() for name in sorted(names - defined[kind])]


def stored_schema(db: str | None) -> str:
    """The schema TOML stored in the project ``db`` resolves to (even one that fails the checks now)."""
    target = require_existing(db)
    project, _ = open_project(target, schema=load_schema(default_schema_path()), stored_schema=False)
    try:
        with project.reading() as session:
            return queries.get_meta(session, "schema") or ""
    finally:
        project.close()


def labelstudio_config(db: str | None) -> str:
    """Label Studio's labelling config (``<View>`` XML) for the entity labels of the stored schema."""
    schema = parse_schema(stored_schema(db), "the project's schema")
    from annotator.formats.labelstudio_write import labelling_config

    return labelling_config(label.name for label in schema.labels)


def replace_schema(db: str | None, path: str | Path) -> Schema:
    """Store the schema file at ``path`` in the project, in one transaction.

    The new schema must pass every check and still define everything the data uses (labels,
    event types, roles, attribute values, stance targets and labels); otherwise nothing changes.
    """
    schema = load_schema(path)
    target = require_existing(db)
    project, _ = open_project(target, schema=schema, stored_schema=False)
    try:
        with project.transaction() as session:
            missing = _used_but_missing(schema, queries.vocabulary_in_use(session))
            if missing:
                shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
                message = f"the project's annotations use {shown}, which this schema lacks"
                raise SchemaError(path, None, message)
            overlaps = 0 if schema.allow_overlap else queries.overlapping_entities(session)
            if overlaps:
                message = f"{overlaps} pair(s) of entities overlap, which allow_overlap = false forbids"
                raise SchemaError(path, None, message)
            queries.set_meta(session, "schema", schema.source)
    finally:
        project.close()
    return schema
