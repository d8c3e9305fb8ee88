"""``stats`` counts each person's rows as ranges of indexes, never by reading whole layer tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Project, queries
from tests.conftest import DISAGREEING, import_layers
from tests.plans import full_scans, plans_of

LAYER_TABLES = ("entities", "events", "sentence_stance", "document_stance", "sentence_status")


def test_no_layer_table_is_read_whole(project: Project, tmp_path: Path) -> None:
    if project.engine.dialect.name != "sqlite":
        pytest.skip("the plans read are SQLite's (PostgreSQL has the same indexes)")
    import_layers(project, tmp_path, DISAGREEING)

    def stats() -> None:
        with project.reading() as s:
            assert queries.stats(s)["annotators"]["a"]["entities"] > 0

    plans = plans_of(project, stats)
    assert full_scans(plans, LAYER_TABLES) == [], plans
    assert any("ix_entities_annotator" in line for line in plans), plans
