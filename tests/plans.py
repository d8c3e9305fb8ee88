"""The SQLite query plans of what an operation asks: to show it reads what it needs, not whole tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from annotator.store import Project


def plans_of(
    project: Project, operation: Callable[[], object], kinds: tuple[str, ...] = ("SELECT",)
) -> list[str]:
    """Run ``operation`` and return the EXPLAIN QUERY PLAN lines of every statement of ``kinds``
    it ran (SQLite; the SELECTs unless told)."""
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, many: bool) -> None:
        if sql.lstrip().upper().startswith(kinds) and not many:
            statements.append((sql, params))

    event.listen(project.engine, "before_cursor_execute", seen)
    try:
        operation()
    finally:
        event.remove(project.engine, "before_cursor_execute", seen)
    lines = []
    with project.engine.connect() as conn:
        for sql, params in dict.fromkeys(statements):
            lines += [str(row[3]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    return lines


def full_scans(plans: list[str], tables: tuple[str, ...]) -> list[str]:
    """The plan lines that read one of ``tables`` whole."""
    return [line for line in plans if line.startswith("SCAN") and line.split()[1] in tables]
