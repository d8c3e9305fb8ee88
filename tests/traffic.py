"""What reaches the database while a test watches: transactions begun and statements run.

Counted on the engine itself (SQLAlchemy events), so a figure is the database's, not the code's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event

from annotator.store import Project


@dataclass
class Traffic:
    """Transactions begun and statements run on an engine while it is watched."""

    begins: int = 0
    statements: list[str] = field(default_factory=list)

    @property
    def writes(self) -> list[str]:
        """The statements that change data."""
        verbs = ("INSERT", "UPDATE", "DELETE")
        return [s for s in self.statements if s.lstrip().upper().startswith(verbs)]


@contextmanager
def watching(project: Project) -> Iterator[Traffic]:
    """Count what reaches the database inside."""
    traffic = Traffic()

    def begun(_conn: Any) -> None:
        traffic.begins += 1

    def executed(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "SET", "SELECT PG_ADVISORY", "COMMIT")):
            traffic.statements.append(statement)

    event.listen(project.engine, "begin", begun)
    event.listen(project.engine, "before_cursor_execute", executed)
    try:
        yield traffic
    finally:
        event.remove(project.engine, "begin", begun)
        event.remove(project.engine, "before_cursor_execute", executed)
