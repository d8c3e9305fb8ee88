"""Undo's snapshots name every column of their tables, so a restore brings back whole rows."""

from __future__ import annotations

from dataclasses import fields

import pytest

from annotator.store import snapshots
from annotator.store.tables import Base, EntityRow, EventArgument, EventAttribute, EventRow


@pytest.mark.parametrize(
    ("columns", "table"),
    [
        (snapshots.EntityColumns, EntityRow),
        (snapshots.EventColumns, EventRow),
        (snapshots.AttributeColumns, EventAttribute),
        (snapshots.ArgumentSnapshot, EventArgument),
    ],
)
def test_snapshot_columns_are_the_tables_columns(columns: type, table: type[Base]) -> None:
    assert [f.name for f in fields(columns)] == [c.key for c in table.__table__.columns]
