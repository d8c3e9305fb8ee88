"""Beginning a transaction on a busy project: waited for, retried, and said when it stays busy."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from annotator.core.errors import StoreUnavailable
from annotator.store.outages import is_busy, reason, rollback, unavailable

BUSY_RETRIES = 3
WAIT_SLICE_MS = 100  # with someone watching (``Project.waiting``), a busy write is told about this often

Waiting = Callable[[float], None]


def begin(session: Session, mode: str, waiting: Waiting | None, *, sqlite: bool, timeout_s: int) -> None:
    """Begin ``session``'s transaction (``mode``: IMMEDIATE for a writer, DEFERRED for a reader).

    SQLite waits up to ``timeout_s`` for another writer; a busy project is then tried again a few
    times. With ``waiting`` (someone shows that this write waits), SQLite waits in short slices
    and ``waiting`` is told after each how many seconds have passed, up to ``BUSY_RETRIES + 1``
    timeouts in all. A project that stays busy, or cannot be used at all, is StoreUnavailable.
    """
    options: dict[str, Any] = {"annotator_begin": mode}
    if waiting is not None:
        options["annotator_busy_ms"] = WAIT_SLICE_MS
    started = time.monotonic()
    limit = timeout_s * (BUSY_RETRIES + 1)
    attempt = 0
    while True:
        try:
            session.connection(execution_options=options)
            return
        except OperationalError as exc:
            rollback(session)
            if not is_busy(exc):  # no connection, or no transaction: nothing was tried
                problem = unavailable(exc, sqlite=sqlite)
                said = f"the project cannot be used just now ({reason(exc)})"
                raise problem or StoreUnavailable(said) from None
            waited = time.monotonic() - started
            if (attempt >= BUSY_RETRIES and waiting is None) or waited >= limit:
                raise StoreUnavailable(
                    "the project stayed busy: another program has held it for more than "
                    f"{round(waited)} s; try again later"
                ) from None
            attempt += 1
            if waiting is not None:
                waiting(waited)
            else:
                time.sleep(0.05 * attempt)
