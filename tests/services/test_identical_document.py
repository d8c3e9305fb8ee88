"""A document object the project already holds word for word may still bring a new layer.

Colleagues exchange whole documents (``export --per document``): importing someone else's file
of a document the project has must add their layer, as a CoNLL file of it would, and leave the
layers already there as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, queries
from tests import stored
from tests.conftest import SEEDS

pytestmark = pytest.mark.timeout(120)


def _seeded(project: Project) -> None:
    import_paths(project, sorted(SEEDS.glob("*.txt")))


def test_someone_elses_layer_of_a_stored_document_is_added(project: Project, tmp_path: Path) -> None:
    theirs = projects.open_or_create(str(tmp_path / "theirs.sqlite"))
    _seeded(theirs)
    with theirs.transaction() as s:
        b = queries.ensure_annotator(s, "b")
        first = queries.document_sentences(s, queries.documents_overview(s)[0].id)[0]
    theirs.act_as(b.id)
    c.AddEntity(first.id, b.id, 1, 2, "GPE").apply(theirs)
    c.SetStatus(first.id, b.id, "done").apply(theirs)
    out = tmp_path / "b.jsonl"
    export_layer(
        theirs, ExportOptions(fmt="jsonl", annotator="b", status="all", per_document=True, out=str(out))
    )
    theirs.close()

    _seeded(project)  # the same two documents, word for word
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a")
    project.act_as(a.id)
    with project.reading() as s:
        mine = queries.document_sentences(s, queries.documents_overview(s)[0].id)[0]
    c.AddEntity(mine.id, a.id, 0, 1, "DATE").apply(project)
    summary = import_paths(project, [out], ImportOptions(fmt="jsonl"))
    assert summary.documents_added == 0 and summary.documents_reused == 2
    assert [e[1:] for e in stored.entities(project, "b")] == [(0, 1, 2, "GPE")]
    assert [e[1:] for e in stored.entities(project, "a")] == [(0, 0, 1, "DATE")]
    again = import_paths(project, [out], ImportOptions(fmt="jsonl"))  # b's layer is there now
    assert again.skipped_layers == 1 and [e[1:] for e in stored.entities(project, "b")] == [(0, 1, 2, "GPE")]
