"""Revision 0004 on both backends: duplicates an unserialised race left behind are merged, not lost.

Before 0004 nothing in the database stopped two identical spans in one layer (PostgreSQL let two
writers store them at once). The upgrade keeps the lowest id of each group, points arguments and
stance holders at it, and then the unique index refuses any new duplicate.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from annotator.store.engine import database_url, make_engine
from annotator.store.migrate import upgrade

NOW = datetime(2026, 11, 30, tzinfo=UTC)
ROWS = [
    (
        "documents",
        {"id": 1, "name": "d", "source": "", "text": "a b c", "content_hash": "x", "created_at": NOW},
    ),
    (
        "sentences",
        {
            "id": 1,
            "document_id": 1,
            "position": 0,
            "paragraph": 0,
            "start_offset": 0,
            "end_offset": 5,
            "text": "a b c",
            "n_tokens": 3,
            "token_offsets": bytes(24),
        },
    ),
    ("annotators", {"id": 1, "name": "gold", "role": "gold", "created_at": NOW}),
    ("annotators", {"id": 2, "name": "a", "role": "annotator", "created_at": NOW}),
]
SPAN = {"sentence_id": 1, "annotator_id": 2, "token_start": 0, "token_last": 1, "sentence_tokens": 3}


def _insert(conn: object, table: str, row: dict[str, object]) -> None:
    columns = ", ".join(row)
    values = ", ".join(f":{k}" for k in row)
    conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)  # type: ignore[attr-defined]


@pytest.mark.timeout(120)
def test_upgrade_merges_duplicate_spans_and_keeps_what_pointed_at_them(backend: str) -> None:
    engine = make_engine(database_url(backend))
    upgrade(engine, "0003")
    with engine.begin() as conn:
        for table, row in ROWS:
            _insert(conn, table, row)
        for entity_id in (10, 11, 12):  # three identical PERSON entities
            _insert(conn, "entities", {"id": entity_id, **SPAN, "label": "PERSON"})
        _insert(conn, "entities", {"id": 13, **SPAN, "label": "GPE"})  # same tokens, other label: kept
        for event_id in (20, 21):  # two identical events, each with the attribute and an argument
            _insert(
                conn, "events", {"id": event_id, **SPAN, "token_start": 2, "token_last": 2, "type": "Meet"}
            )
            _insert(conn, "event_attributes", {"event_id": event_id, "name": "polarity", "value": "positive"})
        arguments = [(30, 20, 11), (31, 21, 10), (32, 21, 12)]  # all three end up as (20, agent, 10)
        for arg_id, event_id, entity_id in arguments:
            row = {"id": arg_id, "event_id": event_id, "sentence_id": 1, "annotator_id": 2}
            _insert(conn, "event_arguments", {**row, "role": "agent", "entity_id": entity_id})
        _insert(
            conn,
            "sentence_stance",
            {"id": 40, "sentence_id": 1, "annotator_id": 2, "target": "t", "label": "favor", "holder_id": 12},
        )
    upgrade(engine)
    with engine.connect() as conn:
        entities = conn.execute(text("SELECT id, label FROM entities ORDER BY id")).all()
        events = conn.execute(text("SELECT id FROM events ORDER BY id")).scalars().all()
        args = conn.execute(text("SELECT event_id, role, entity_id FROM event_arguments")).all()
        holder = conn.execute(text("SELECT holder_id FROM sentence_stance")).scalar_one()
        attributes = conn.execute(text("SELECT event_id FROM event_attributes")).scalars().all()
    assert [tuple(e) for e in entities] == [(10, "PERSON"), (13, "GPE")]
    assert events == [20] and attributes == [20]
    assert [tuple(a) for a in args] == [(20, "agent", 10)]
    assert holder == 10
    with pytest.raises(IntegrityError), engine.begin() as conn:  # and the database refuses a new one
        _insert(conn, "entities", {"id": 14, **SPAN, "label": "PERSON"})
    engine.dispose()
