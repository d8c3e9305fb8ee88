"""Every window numbers a sentence the same way: its ordinal in its document, plus one.

A JSONL file may number its sentences with gaps (its ``"sentence"`` is the stored position);
the annotation window, the search dialog and the review list must still agree on the number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services import adjudicate
from annotator.services import commands as c
from annotator.services.annotation_session import AnnotationSession
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, queries

pytestmark = pytest.mark.timeout(120)

GAPPED = [(0, "Бір сөз."), (4, "Астана қаласы."), (9, "Үш сөз бар.")]


def test_a_gapped_file_gets_the_same_number_in_every_window(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "gapped.jsonl"
    lines = [json.dumps({"document": "g", "sentence": n, "text": t}, ensure_ascii=False) for n, t in GAPPED]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_paths(project, [path], ImportOptions(annotator="a"))
    with project.transaction() as s:
        a, b = queries.ensure_annotator(s, "a"), queries.ensure_annotator(s, "b")
    session = AnnotationSession(project, a)
    session.start()
    second = session.step(1)
    assert second is not None and second.view.position == 4  # stored as the file numbered it
    assert second.view.ordinal == 1  # shown as "sentence 2 of 3"
    [(sid, _doc, shown, _text)] = session.search("астана")
    assert (sid, shown) == (second.view.id, 1)
    assert session.execute(c.AddEntity(sid, a.id, 0, 1, "GPE")).stored
    for who in (a, b):
        project.act_as(who.id)  # everyone marks their own layer
        for view_id in session.navigator.sentences(second.view.document_id):
            assert c.SetStatus(view_id, who.id, "done").apply(project)
    [found] = adjudicate.disagreements(project, ["a", "b"])
    assert (found.sentence_id, found.position, found.ordinal) == (sid, 4, 1)
