"""Fixtures shared by the review and adjudication tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Project, queries
from tests.conftest import DISAGREEING, import_layers


@pytest.fixture
def three(project: Project, tmp_path: Path) -> Project:
    """Three annotators over the CoNLL example: b relabels one entity, c misses one (DISAGREEING)."""
    import_layers(project, tmp_path, DISAGREEING)
    return project


@pytest.fixture
def reviewing(three: Project) -> Project:
    """The three-annotator project opened by a reviewer, who may write gold."""
    with three.transaction() as s:
        three.act_as(queries.add_annotator(s, "boss", "reviewer").id)
    return three
