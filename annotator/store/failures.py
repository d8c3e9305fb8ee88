"""Failures told as one line instead of a driver's traceback: values the database refuses, and a
project that cannot be set up.

PostgreSQL enforces ``String(n)`` lengths (SQLite does not) and cannot hold a NUL character in
text (SQLite can). The importers check both before writing; ``classify`` is the net for whatever
still reaches the database, so that a user sees ``annotator: ...`` and never the SQL and its data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from annotator.core.errors import AnnotatorError, ProjectError, StoreError, StoreUnavailable

TOO_LONG = "22001"  # SQLSTATE string_data_right_truncation
CHARACTER_NOT_IN_REPERTOIRE = "22021"  # SQLSTATE of a NUL byte the server itself meets
INSUFFICIENT_PRIVILEGE = "42501"
DEADLOCK, SERIALIZATION = "40P01", "40001"


def classify(exc: BaseException) -> StoreError | None:
    """The StoreError for a value the database cannot store, or a refusal of the server (the login may
    not do this; two changes waited for each other) behind ``exc``, or None for anything else.

    ``exc`` is a DBAPIError from SQLAlchemy or an exception the driver raised unwrapped (psycopg2
    refuses a NUL with a plain ValueError; psycopg 3 with a DataError).
    """
    orig: object = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, Exception) or isinstance(orig, AnnotatorError):
        return None
    reason = _first_line(orig)
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    if sqlstate == INSUFFICIENT_PRIVILEGE:  # a row-level security policy or a missing grant
        return StoreError(f"your database login may not do this ({reason})")
    if sqlstate in (DEADLOCK, SERIALIZATION):  # nothing was stored; trying again works
        return StoreError(
            f"another change was working on the same rows; nothing was changed, try again ({reason})"
        )
    if sqlstate == TOO_LONG:
        return StoreError(f"a name or label is too long for the database ({reason}); nothing was changed")
    low = reason.lower()
    if "0x00" in low and ("nul" in low or sqlstate == CHARACTER_NOT_IN_REPERTOIRE):
        return StoreError(f"the database cannot store a NUL character ({reason}); nothing was changed")
    return None


def _first_line(orig: object) -> str:
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


@contextmanager
def opening(
    engine: Engine,
    shown: str,
    fresh: Path | None,
    unavailable: Callable[[DBAPIError], StoreUnavailable | None],
) -> Iterator[None]:
    """Setting a project up (migrations, the first rows): a database failure such as a full disk
    becomes one line (``unavailable`` tells which are the database's own), and a project file that
    this very open created (``fresh``) is removed again, so the next try starts afresh."""
    try:
        yield
    except DBAPIError as exc:
        engine.dispose()
        discard(fresh)
        problem = unavailable(exc)
        doing = "create" if fresh is not None else "open"
        message = f"{shown}: cannot {doing} the project: {problem or _first_line(exc.orig)}"
        raise (ProjectError(message) if problem is None else StoreUnavailable(message)) from None
    except BaseException:
        engine.dispose()
        discard(fresh)
        raise


def discard(fresh: Path | None) -> None:
    """Remove a project file, and SQLite's files beside it, that a failed open had just created."""
    for suffix in ("", "-wal", "-shm", "-journal") if fresh is not None else ():
        with suppress(OSError):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
