"""An export reads each batch of sentences through indexes: never a whole layer table per batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.conftest import FIXTURES
from tests.plans import full_scans, plans_of

LAYER_TABLES = (
    "entities",
    "events",
    "event_arguments",
    "event_attributes",
    "sentence_stance",
    "document_stance",
    "sentence_status",
    "active_time",
)


def test_a_layer_with_events_and_stance_is_exported_without_reading_whole_tables(
    project: Project, tmp_path: Path
) -> None:
    if project.engine.dialect.name != "sqlite":
        pytest.skip("the plans read are SQLite's")
    import_paths(project, [FIXTURES / "example.jsonl"])
    out = tmp_path / "out.jsonl"
    options = ExportOptions(fmt="jsonl", annotator="aigerim", status="all", out=str(out))
    plans = plans_of(project, lambda: export_layer(project, options))
    assert '"role": "Place"' in out.read_text(encoding="utf-8")  # the arguments were read
    assert full_scans(plans, LAYER_TABLES) == [], plans
