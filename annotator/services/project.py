"""Opening projects: which database to use, creating it, and loading the seeds on first start."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.model import ImportSummary
from annotator.core.paths import default_db_path, seeds_dir
from annotator.core.schema import Schema, default_schema_path, load_schema
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, open_project, queries

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
    with project.transaction() as session:
        if queries.get_meta(session, "seeds_loaded") or queries.count_documents(session):
            return None
    files = seed_files()
    if not files:
        raise ProjectError(f"{seeds_dir()}: no seed articles found")
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


def open_existing(db: str | None) -> Project:
    """Open an existing project (the default one is created with its seeds if it is missing)."""
    target, is_default = resolve_target(db)
    if is_default:
        return open_or_create(None)
    project, _ = open_project(target, create=False)
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
