"""Fixtures shared by the review and adjudication tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, queries
from tests.conftest import FIXTURES, write


@pytest.fixture
def three(project: Project, tmp_path: Path) -> Project:
    """Three annotators over the CoNLL example: b relabels one entity, c misses one."""
    src = (FIXTURES / "example.conll").read_text(encoding="utf-8")
    variants = {
        "a": src,
        "b": src.replace("53\tB-CARDINAL", "53\tB-QUANTITY"),
        "c": src.replace("Хайди\tB-PERSON\nХаутала\tI-PERSON", "Хайди\tO\nХаутала\tO"),
    }
    for name, text in variants.items():
        path = write(tmp_path / name / "ex.conll", text)
        import_paths(project, [path], ImportOptions(annotator=name, status="done"))
    return project


@pytest.fixture
def reviewing(three: Project) -> Project:
    """The three-annotator project opened by a reviewer, who may write gold."""
    with three.transaction() as s:
        three.act_as(queries.add_annotator(s, "boss", "reviewer").id)
    return three
