"""Keeping a SQLite project safe: checks before opening, online backups, restore.

``inspect_file`` looks at a project file read-only before any engine touches it, so a file that is
not SQLite, is damaged, belongs to another program or is read-only is refused with a clear message
and left byte for byte as it was. ``foreign_object`` then compares what the file's schema holds
with what the migrations create at its revision: a trigger, view, table or index added or changed
by someone else (a trigger would run inside annotator's own writes) is refused the same way.
Backups use SQLite's online backup API, which copies a consistent snapshot while others keep
working; the app keeps a few generations next to the project (``NAME.backups/``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import ProjectError

KEEP = 5
# SQLite's own objects: the indexes behind UNIQUE and PRIMARY KEY constraints, the AUTOINCREMENT
# counters and ANALYZE's statistics.
OWN_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
# What the bounded check at every open reads whole: tables whose size does not grow with the corpus.
SMALL_TABLES = frozenset({"project_meta", "annotators", "alembic_version"})
_FIRST = {"trigger": 1, "view": 2, "table": 3, "index": 4}  # what runs code is named first
_SPACE = re.compile(r"\s+")
_PUNCTUATION = re.compile(r" ?([(),]) ?")

SchemaObject = tuple[str, str, str, str | None]  # a row of sqlite_master: type, name, tbl_name, sql


@dataclass(frozen=True)
class FileFacts:
    """What a read-only look at a SQLite project file found: its tables, revision and schema objects."""

    tables: frozenset[str]
    revision: str | None
    objects: tuple[SchemaObject, ...] = ()


def inspect_file(path: Path, *, check: bool = True) -> FileFacts:
    """Refuse (ProjectError) a file that is not a sound, writable SQLite database; else say what it holds.

    Opens it read-only with the standard library, runs the :func:`bounded_check` when ``check``
    (a time that does not grow with the corpus), and never writes to it.
    """
    if not path.is_file():
        raise ProjectError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise ProjectError(f"{path}: the file is empty (0 bytes), not a project; {_restore_hint(path)}")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open the project: {exc}") from None
    try:
        # SQLite reads the header, not this code: closing a descriptor of the file would drop every
        # lock this process holds on it (POSIX), its open connections' too, and another program
        # could then take the project's write-ahead log from under them.
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            if exc.sqlite_errorname == "SQLITE_NOTADB":
                what = "not an annotator project (the file is not a SQLite database)"
                raise ProjectError(f"{path}: {what}") from None
            if exc.sqlite_errorname.startswith("SQLITE_CANTOPEN"):
                raise ProjectError(f"{path}: cannot read the file: {exc}") from None
            raise
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            where = "the file" if not os.access(path, os.W_OK) else f"its folder {path.parent}"
            raise ProjectError(
                f"{path}: {where} is read-only; annotator saves every edit at once and needs to write there "
                "(copy the project somewhere writable, or change the permissions)"
            )
        objects = tuple(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        if check:
            problem = bounded_check(connection, path, {n for k, n, _, _ in objects if k == "table"})
            if problem is not None:
                raise ProjectError(f"{path}: the project file is damaged ({problem}); {_restore_hint(path)}")
        tables = frozenset(name for kind, name, _, _ in objects if kind == "table")
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: the project file is damaged ({exc}); {_restore_hint(path)}") from None
    finally:
        connection.close()
    return FileFacts(tables, revision, objects)


def bounded_check(connection: sqlite3.Connection, path: Path, tables: set[str]) -> str | None:
    """The first problem a check that does not grow with the corpus finds, or None.

    The schema has been read (``sqlite_master``); the file must be as long as its pages say (a
    truncated copy is the usual wreck: checked when no write-ahead log holds newer pages); and
    ``PRAGMA quick_check`` runs on the tables that stay small whatever the corpus (the project's
    settings, people, revision). The whole file's ``quick_check`` grows with the corpus (8 s at a
    million sentences): it is not run when a project opens.
    """
    page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    wal = Path(f"{path}-wal")
    if not (wal.exists() and wal.stat().st_size > 0) and path.stat().st_size < pages * page_size:
        return f"the file is shorter than its {pages} pages: it was cut off"
    for table in sorted(SMALL_TABLES & tables):
        verdict = [row[0] for row in connection.execute(f'PRAGMA quick_check("{table}")')]
        if verdict != ["ok"]:
            return str(verdict[0])
    return None


def _own(kind: str, name: str, sql: str | None) -> bool:
    """True for an object SQLite makes itself."""
    return (kind == "table" and name in OWN_TABLES) or (
        kind == "index" and name.startswith("sqlite_autoindex_") and sql is None
    )


def _top_level(body: str) -> list[str]:
    """The comma-separated items of a table body, commas inside parentheses or quotes left alone."""
    items, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(body):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        elif not quoted and depth == 0 and ch == ",":
            items.append(body[start:i])
            start = i + 1
    items.append(body[start:])
    return items


def canonical_sql(kind: str, sql: str | None) -> str:
    """``sql`` in a form that differs only where the definition does.

    White space and double quotes do not count. A table's columns and constraints count in any
    order: Alembic's batch mode rebuilds a table with its constraints in an order that changes from
    one run to the next.
    """
    if sql is None:
        return ""
    text = _PUNCTUATION.sub(r"\1", _SPACE.sub(" ", sql.replace('"', "")).strip())
    start, end = text.find("("), text.rfind(")")
    if kind != "table" or start < 0 or end < start:
        return text
    return f"{text[:start]}({','.join(sorted(_top_level(text[start + 1 : end])))}){text[end + 1 :]}"


def foreign_object(facts: FileFacts) -> str | None:
    """The first schema object in the file that annotator's migrations do not make at its revision.

    Described for a message (``a trigger "x" that annotator did not create``), or None when every
    trigger, view, table and index is annotator's own. ``facts.revision`` must be one this version
    knows (or None: then the file must hold nothing).
    """
    from annotator.store.migrate import created_objects

    expected = {
        (kind, name): (table, canonical_sql(kind, sql))
        for kind, name, table, sql in created_objects(facts.revision)
        if not _own(kind, name, sql)
    }
    for kind, name, table, sql in sorted(facts.objects, key=lambda o: (_FIRST.get(o[0], 0), o[1])):
        if _own(kind, name, sql):
            continue
        article = "an" if kind[:1] in "aeiou" else "a"
        shown = f"{article} {kind} {json.dumps(name, ensure_ascii=False)}"
        want = expected.get((kind, name))
        if want is None:
            return f"{shown} that annotator did not create"
        if want != (table, canonical_sql(kind, sql)):
            return f"{shown} that differs from the one annotator created"
    return None


def _restore_hint(path: Path) -> str:
    found = list_backups(path)
    if found:
        return f"restore the newest backup with: annotator restore --db {path} {found[-1]}"
    return "no backup of it was found"


def backup_dir(path: Path) -> Path:
    """The folder holding a project's rolling backups: ``NAME.backups`` beside ``NAME.sqlite``."""
    return path.parent / f"{path.stem}.backups"


def list_backups(path: Path) -> list[Path]:
    """A project's rolling backups, oldest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.sqlite"))


STEP_PAGES = 1024  # pages copied per backup step (4 MB of 4 KiB pages); the GIL is free during a step


def copy_database(
    source: sqlite3.Connection, destination: Path, stop: threading.Event | None = None, pause: float = 0.0
) -> None:
    """Write a consistent copy of an open database to ``destination`` (atomically: temp file, rename).

    The copy is made in steps of :data:`STEP_PAGES` pages inside one read transaction on
    ``source``: that snapshot is what is copied, so edits committed meanwhile by other
    connections neither restart the copy nor appear in it. ``stop`` set: the copy ends at the
    next step (ProjectError) and leaves no file behind. ``pause``: seconds to rest after each step
    (a copy made beside someone's work leaves them most of the machine).
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Made here, new and unpredictable (O_EXCL), so that no link planted beside the destination can
    # redirect the copy; SQLite then writes into this empty file as into a new database.
    handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent)
    partial = Path(name)

    def step(_status: int, _remaining: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise ProjectError(f"{destination}: the backup was stopped")
        if pause:
            time.sleep(pause)

    try:
        try:
            os.fchmod(handle, 0o666 & ~_umask())  # as a file made the usual way, not mkstemp's 0600
        finally:
            os.close(handle)
        target = sqlite3.connect(partial)
        held = source.in_transaction
        # The copy holds what was committed before this moment; its mtime says so, a second early,
        # as file times lag the clock by up to a tick (backup_is_current must never be wrong).
        taken = time.time() - 1.0
        try:
            if not held:  # a read snapshot held for the whole copy (autocommit connections)
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            try:
                source.backup(target, pages=STEP_PAGES, progress=step)
            finally:
                if not held and source.in_transaction:
                    source.execute("ROLLBACK")
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
        os.utime(partial, (taken, taken))
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def backup_file(
    path: Path,
    destination: Path | None = None,
    keep: int = KEEP,
    stop: threading.Event | None = None,
    pause: float = 0.0,
) -> Path:
    """Back up the project at ``path`` (to ``destination``, or a new rolling generation) and return where.

    Rolling backups beyond the ``keep`` newest are removed. ``stop``, ``pause``: see :func:`copy_database`.
    """
    rolling = destination is None
    if destination is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        destination = backup_dir(path) / f"{path.stem}-{stamp}.sqlite"
    source = sqlite3.connect(path, isolation_level=None)
    try:
        source.execute("PRAGMA busy_timeout = 30000")
        copy_database(source, destination, stop, pause)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: backup failed: {exc}") from None
    finally:
        source.close()
    if rolling:
        for old in list_backups(path)[:-keep]:
            old.unlink(missing_ok=True)
    return destination


def last_change(path: Path) -> float:
    """When the project at ``path`` last changed on disk: the newer of its file and its write-ahead
    log (an empty log is only a connection's, made when it opened: no change)."""
    times = [path.stat().st_mtime] if path.exists() else []
    wal = Path(f"{path}-wal")
    if wal.exists() and (facts := wal.stat()).st_size > 0:
        times.append(facts.st_mtime)
    return max(times, default=0.0)


def backup_is_current(path: Path) -> bool:
    """True when the newest rolling backup was made after the project's last change on disk
    (a new one would hold the same data)."""
    found = list_backups(path)
    return bool(found) and found[-1].stat().st_mtime >= last_change(path)


def restore_file(path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of the project at ``path``; returns the safety backup of what was there.

    The backup is checked first (a sound SQLite annotator project of a revision this version knows,
    holding no trigger, view, table or index that annotator did not create); the current project,
    when it is readable, is itself backed up before being replaced, so a restore can be undone.
    """
    from annotator.store.migrate import is_known_revision

    facts = inspect_file(backup)
    if "project_meta" not in facts.tables:
        raise ProjectError(f"{backup}: not an annotator project backup")
    if facts.revision is not None and not is_known_revision(facts.revision):
        raise ProjectError(
            f"{backup}: the backup was written by a newer version of annotator "
            f"(schema revision {facts.revision}); update annotator to restore it"
        )
    foreign = foreign_object(facts)
    if foreign is not None:
        raise ProjectError(f"{backup}: the backup holds {foreign}; nothing was restored")
    safety = None
    if path.exists() and path.stat().st_size > 0:
        try:
            inspect_file(path)
            safety = backup_file(path)
        except ProjectError:
            safety = backup_dir(path) / f"{path.stem}-damaged-{datetime.now(UTC):%Y%m%d-%H%M%S}.sqlite"
            safety.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, safety)
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(path)
    try:
        target.execute("PRAGMA busy_timeout = 30000")
        source.backup(target)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: restore failed: {exc}") from None
    finally:
        source.close()
        target.close()
    return safety
