"""The database's own failures (a full disk, a broken connection, a busy file) told in words."""

from __future__ import annotations

from contextlib import suppress

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from annotator.core.errors import StoreUnavailable

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


def is_busy(exc: OperationalError) -> bool:
    """True when SQLite says another connection holds the lock this one waited for."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def reason(exc: DBAPIError) -> str:
    """The first line of the driver's message (its class name when it says nothing)."""
    lines = str(exc.orig).strip().splitlines()
    return lines[0] if lines else type(exc.orig).__name__


def unavailable(exc: DBAPIError, *, committing: bool = False, sqlite: bool = True) -> StoreUnavailable | None:
    """The database's own failure behind ``exc`` (a full disk, a broken connection), or None for others.

    ``committing``: the failure came from COMMIT. On a server that leaves the outcome unknown (the
    server may have committed before the connection broke); SQLite's commit is all or nothing.
    """
    said = reason(exc)
    low = said.lower()
    sqlstate = str(getattr(exc.orig, "sqlstate", "") or "")
    if sqlstate == "53100" or any(m in low for m in _FULL):
        return StoreUnavailable(f"the disk is full ({said}); free some space, then go on")
    if "readonly database" in low:
        return StoreUnavailable(f"the project can no longer be written ({said}); check its permissions")
    broken = (
        exc.connection_invalidated
        or sqlstate.startswith(("08", "57P"))  # connection exceptions; the server shutting down
        or any(m in low for m in _BROKEN)
    )
    if not broken:
        return None
    if committing and not sqlite:
        return StoreUnavailable(
            f"the connection to the database broke while saving ({said}); "
            "the change may or may not be stored",
            uncertain=True,
        )
    return StoreUnavailable(f"the database cannot be reached ({said})")


def rollback(session: Session) -> None:
    """Roll back, even on a connection that is already gone (the pool then discards it)."""
    with suppress(DBAPIError):
        session.rollback()
