"""Three windows take documents from the pool at once, on both backends: every document ends with
exactly its N assignees, never more (counting a document's assignees and adding one is serialised
by the assignments' lock), and the pool is emptied. (Who takes how many depends on scheduling:
a window that starts late may find nothing left, so that is not asserted.)"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.schema import default_schema_path, load_schema
from annotator.services import assignment
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import assignments as rows
from annotator.store import edits, open_project, queries
from tests.safety.conftest import opened
from tests.safety.test_races import _race

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]
DOCUMENTS, PER_DOCUMENT = 30, 2
PEOPLE = ("a", "b", "c")


def _pool(backend: str, tmp_path: Path) -> None:
    project, _ = open_project(backend, create=True, schema=load_schema(default_schema_path()))
    source = tmp_path / "pool.jsonl"
    lines = [
        json.dumps({"document": f"p{d:02}", "text": f"Бұл {d} құжаттың {s} сөйлемі."})
        for d in range(DOCUMENTS)
        for s in range(2)
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_paths(project, [source], ImportOptions())
    with project.transaction() as s:
        for name in PEOPLE:
            queries.ensure_annotator(s, name)
    assignment.set_dynamic(project, True, PER_DOCUMENT, 60)
    project.close()


def _window(url: str, who: str) -> Callable[[int], dict[str, int]]:
    def work(gate: int) -> dict[str, int]:
        project, me, _ = opened(url, who)
        tally = {"taken": 0}
        os.read(gate, 1)
        finished = None
        while (doc := assignment.serve_next(project, me, finished=finished)) is not None:
            tally["taken"] += 1
            with project.transaction() as s:  # the person marks the document done
                for sentence in queries.document_sentences(s, doc):
                    edits.set_status(s, sentence.id, me, "done")
            finished = doc
        project.close()
        return tally

    return work


def test_three_windows_at_once_never_give_a_document_more_than_n_people(backend: str, tmp_path: Path) -> None:
    _pool(backend, tmp_path)
    tallies = _race([_window(backend, who) for who in PEOPLE], tmp_path)
    project, _ = open_project(backend, check=False)
    with project.reading() as s:
        by_doc = rows.assignees_by_document(s)
        ready = rows.ready_documents(s)
    project.close()
    assert sorted(len(who) for who in by_doc.values()) == [PER_DOCUMENT] * DOCUMENTS
    assert sum(t["taken"] for t in tallies) == DOCUMENTS * PER_DOCUMENT
    assert len(ready) == DOCUMENTS
