"""``stats`` counts each person's rows as ranges of indexes, never by reading whole layer tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

import pytest

from annotator.store import Project, queries
from tests.conftest import DISAGREEING, import_layers

LAYER_TABLES = ("entities", "events", "sentence_stance", "document_stance", "sentence_status")


def _plans(project: Project) -> list[str]:
    """The query plan of every statement ``stats`` runs (SQLite's EXPLAIN QUERY PLAN lines)."""
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(project.engine, "before_cursor_execute", seen)
    try:
        with project.reading() as s:
            counted = queries.stats(s)
    finally:
        event.remove(project.engine, "before_cursor_execute", seen)
    assert counted["annotators"]["a"]["entities"] > 0
    lines = []
    with project.engine.connect() as conn:
        for sql, params in statements:
            lines += [str(row[3]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    return lines


def test_no_layer_table_is_read_whole(project: Project, tmp_path: Path) -> None:
    if project.engine.dialect.name != "sqlite":
        pytest.skip("the plans read are SQLite's (PostgreSQL has the same indexes)")
    import_layers(project, tmp_path, DISAGREEING)
    plans = _plans(project)
    scans = [line for line in plans if line.startswith("SCAN") and line.split()[1] in LAYER_TABLES]
    assert scans == [], plans
    assert any("ix_entities_annotator" in line for line in plans), plans
