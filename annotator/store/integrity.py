"""The full integrity check of a SQLite project file, run in the background after the window opens.

Opening a project checks only what it must (the header and the schema, ``safety.inspect_file``);
``PRAGMA quick_check`` reads every page, seconds at a million sentences, so the window runs it
later in a worker thread (:func:`first_problem`). It opens the file read-only with the standard
library on its own connection: in write-ahead-log mode it reads one snapshot while edits go on.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from annotator.store.safety import list_backups

POLL_STEPS = 1_000  # virtual machine steps between two looks at ``stop``


def first_problem(path: Path, stop: threading.Event | None = None) -> str | None:
    """Run ``PRAGMA quick_check`` over the SQLite file at ``path``: None when it is sound (or the
    check was stopped), else the first problem it names (a file that cannot be read is one).

    ``stop`` set: the check ends at once (SQLite is interrupted) and None is returned.
    """
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        if stop is not None:
            connection.set_progress_handler(lambda: 1 if stop.is_set() else 0, POLL_STEPS)
        verdict = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if stop is not None and stop.is_set():
            return None
        return str(exc)
    finally:
        connection.close()
    if verdict == ["ok"] or (stop is not None and stop.is_set()):
        return None
    lines = [line for row in verdict for line in row.splitlines() if line and not line.startswith("***")]
    return lines[0] if lines else verdict[0]


def newest_backup(path: Path) -> Path | None:
    """The newest rolling backup of the project at ``path`` (what to restore), or None."""
    found = list_backups(path)
    return found[-1] if found else None
