"""Which schema revisions this version of annotator has, read from the migration files' names.

Every migration is ``versions/NNNN_what.py`` with ``revision = "NNNN"`` (a test holds the files to
that, against Alembic's own reading of them), so the newest revision and whether a file's revision
is known are a directory listing away: opening a project asks both and needs Alembic only when it
has something to migrate (importing Alembic and loading its scripts cost a third of a second).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from sqlalchemy import Connection, text

MIGRATIONS = Path(__file__).parent / "migrations"
VERSIONS = MIGRATIONS / "versions"
_NAME = re.compile(r"^(\d{4})_\w+\.py$")


@functools.cache
def revisions() -> tuple[str, ...]:
    """Every revision the migrations make, oldest first."""
    found = sorted(m.group(1) for p in VERSIONS.iterdir() if (m := _NAME.match(p.name)))
    if not found:
        raise RuntimeError(f"{VERSIONS}: no migration files")  # a broken installation, not user input
    return tuple(found)


def head_revision() -> str:
    """The newest revision the code knows."""
    return revisions()[-1]


def is_known_revision(revision: str) -> bool:
    """True when this version of annotator has the migration ``revision``."""
    return revision in revisions()


def stored_revision(conn: Connection) -> str | None:
    """The revision a database with an ``alembic_version`` table is at (None when the row is missing)."""
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)
