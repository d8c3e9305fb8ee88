"""Another program holding a project's write lock, in its own process, for as long as a test needs.

On SQLite it holds ``BEGIN IMMEDIATE`` with an uncommitted insert; on PostgreSQL, the closest
thing: a transaction holding ``LOCK TABLE entities, sentence_status IN EXCLUSIVE MODE`` (which
lets plain reads through and stops every write) with an uncommitted insert.
"""

from __future__ import annotations

import select
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from annotator.store.engine import sqlite_file

START_S = 60  # the holder says "locked" by then, or the test fails

HOLDER = r"""
import sys

target = sys.argv[1]
held = "INSERT INTO project_meta (key, value) VALUES ('held', 'by another program')"
if "://" not in target:
    import sqlite3

    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(held)
else:
    from sqlalchemy import create_engine, text

    conn = create_engine(target).connect()
    conn.execute(text("LOCK TABLE entities, sentence_status IN EXCLUSIVE MODE"))
    conn.execute(text(held))
print("locked", flush=True)
sys.stdin.readline()  # the test is done: end without committing
"""


def _still_locked(target: str) -> bool:
    """True when a write to ``target`` cannot start now (the lock is still held)."""
    path = sqlite_file(target)
    if path is not None:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        finally:
            conn.close()
        return False
    engine = create_engine(target)
    try:
        with engine.connect() as conn:
            conn.execute(text("SET lock_timeout = '100ms'"))
            conn.execute(text("LOCK TABLE entities IN ROW EXCLUSIVE MODE"))
    except OperationalError as exc:
        return "lock timeout" in str(exc)
    finally:
        engine.dispose()
    return False


@contextmanager
def write_lock_held(target: str) -> Iterator[None]:
    """Hold the write lock of the project at ``target`` (a path or URL) in another process meanwhile.

    On leaving, checks that the lock was still held, so what ran inside really ran against it.
    """
    path = sqlite_file(target)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path) if path is not None else target],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        ready, _, _ = select.select([proc.stdout], [], [], START_S)
        if not ready or proc.stdout.readline().strip() != "locked":
            proc.kill()
            pytest.fail(f"the lock holder did not start: {proc.communicate()[1]}")
        yield
        assert _still_locked(target), "the other program held the write lock all along"
    finally:
        if proc.poll() is None:
            proc.communicate("\n", timeout=START_S)
