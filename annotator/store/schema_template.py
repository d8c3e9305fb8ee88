"""The empty project at the newest revision, made once by the migrations and kept in the user's cache.

Creating a SQLite project copies it (a page-for-page SQLite backup) instead of running every
migration again, and opening one compares the file's schema with the template's ``sqlite_master``
instead of migrating an in-memory database at each open (issue 19: the fixed cost of a command).
Its name carries a digest of all that decides what the migrations make: their files, the versions
of SQLAlchemy, Alembic and SQLite. A template of other code is never used, one that cannot be read
is made again, and with no writable cache folder the migrations simply run as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import sqlite3
import tempfile
from pathlib import Path

import platformdirs
import sqlalchemy

from annotator.store.revisions import MIGRATIONS, VERSIONS, head_revision

SchemaObject = tuple[str, str, str, str | None]  # a row of sqlite_master: type, name, tbl_name, sql


@functools.cache
def digest() -> str:
    """What the migrations' output depends on, hashed: their files and the libraries that run them."""
    h = hashlib.sha256()
    for path in [*sorted(VERSIONS.glob("*.py")), MIGRATIONS / "env.py"]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for part in (sqlalchemy.__version__, importlib.metadata.version("alembic"), sqlite3.sqlite_version):
        h.update(part.encode())
    return h.hexdigest()[:20]


def cache_folder() -> Path:
    """The user's cache folder for annotator (``$XDG_CACHE_HOME/annotator`` on Linux)."""
    return Path(platformdirs.user_cache_dir("annotator", appauthor=False))


def template() -> Path | None:
    """The template of this code's schema, made now if it is missing; None when it cannot be kept."""
    path = cache_folder() / f"schema-{head_revision()}-{digest()}.sqlite"
    if path.is_file() and _objects_of(path) is not None:
        return path
    try:
        _make(path)
    except (OSError, sqlite3.Error):
        return None
    return path


def template_objects() -> tuple[SchemaObject, ...] | None:
    """The template's ``sqlite_master`` rows (what the migrations make at the head revision), or None."""
    path = template()
    return None if path is None else _objects_of(path)


def copy_template(destination: Path) -> bool:
    """Make ``destination`` (a new file) an empty project at the head revision; False when there is
    no template to copy (the caller then runs the migrations)."""
    path = template()
    if path is None:
        return False
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return True


@functools.lru_cache(maxsize=4)
def _read(path: Path, size: int, mtime: int) -> tuple[SchemaObject, ...] | None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if revision is None or revision[0] != head_revision():
        return None
    return tuple((str(kind), str(name), str(table), sql) for kind, name, table, sql in rows)


def _objects_of(path: Path) -> tuple[SchemaObject, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return _read(path, st.st_size, st.st_mtime_ns)


def _make(path: Path) -> None:
    """Run the migrations into a new file beside ``path`` and rename it there (atomically)."""
    from annotator.store.migrate import upgrade

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)  # an empty file: SQLite takes it for a new database
    partial = Path(name)
    try:
        engine = sqlalchemy.create_engine(f"sqlite:///{partial}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        con = sqlite3.connect(partial)
        try:
            con.execute("PRAGMA journal_mode = DELETE")
        finally:
            con.close()
        os.replace(partial, path)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
