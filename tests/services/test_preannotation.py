"""``suggest --apply`` and ``--out`` through the service, with a stub recommender (no training): the
apply holds the sentences' layer before re-reading them, applies merge, the window's undo leaves
done sentences alone, and suggestions the schema lacks are not written."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.records import AnnotatorInfo
from annotator.core.suggestions import ENTITY, Suggestion
from annotator.services import preannotation, session
from annotator.services.commands import SetStatus
from annotator.services.people import list_annotators
from annotator.store import Project, edits, occurrences, open_project
from annotator.store import suggestions as stored
from tests.stored import entities
from tests.suggest_corpus import load


class _Stub:
    """Proposes the first token as a GPE and the second as a label no schema has."""

    def suggest(self, tokens: tuple[str, ...], text: str) -> tuple[Suggestion, ...]:
        return (
            Suggestion(ENTITY, 0, 1, "GPE", 0.9, "stub"),
            Suggestion(ENTITY, 1, 2, "NOT_A_LABEL", 0.9, "stub"),
        )


@pytest.fixture
def person(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AnnotatorInfo:
    """a, with 1 done and 3 todo sentences, acting; the recommender is the stub."""
    load(project, tmp_path, done=1, todo=3)
    monkeypatch.setattr(preannotation, "_recommender", lambda _s: _Stub())
    a = next(p for p in list_annotators(project) if p.name == "a")
    project.act_as(a.id)
    return a


def test_suggest_out_leaves_out_labels_the_schema_lacks(project: Project, person: AnnotatorInfo) -> None:
    out = io.StringIO()
    assert preannotation.write_suggestions(project, person, out, 0.5) == 3
    labels = {e["label"] for line in out.getvalue().splitlines() for e in json.loads(line)["entities"]}
    assert labels == {"GPE"}


def test_apply_holds_the_sentences_layer_before_it_reads_them_again(
    project: Project, person: AnnotatorInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    lock, pending = preannotation.locks.lock_sentence_layers, preannotation.occurrences.pending
    monkeypatch.setattr(
        preannotation.locks,
        "lock_sentence_layers",
        lambda s, aid, ids: (calls.append(("lock", aid, sorted(ids))), lock(s, aid, ids))[1],
    )
    monkeypatch.setattr(
        preannotation.occurrences, "pending", lambda s, aid: (calls.append("read"), pending(s, aid))[1]
    )
    report = preannotation.apply_suggestions(project, person, 0.5)
    assert report.entities == 3
    with project.reading() as s:
        batch = stored.applied_batch(s, person.id)
    assert batch is not None
    assert calls == ["read", ("lock", person.id, sorted(batch.sentences)), "read"]


def test_a_second_apply_that_adds_nothing_leaves_the_first_undoable(
    project: Project, person: AnnotatorInfo
) -> None:
    before = entities(project, "a")
    assert preannotation.apply_suggestions(project, person, 0.5).entities == 3
    assert preannotation.apply_suggestions(project, person, 0.5).entities == 0
    command = preannotation.pending_preannotation(project, person)
    assert command is not None
    command.revert(project)
    assert entities(project, "a") == before


def test_the_window_undo_leaves_a_sentence_marked_done_and_the_redo_says_what_no_longer_fits(
    project: Project, person: AnnotatorInfo
) -> None:
    preannotation.apply_suggestions(project, person, 0.5)
    applied = entities(project, "a")
    with project.reading() as s:
        batch = stored.applied_batch(s, person.id)
    assert batch is not None and len(batch.sentences) == 3
    SetStatus(min(batch.sentences), person.id, "done").apply(project)
    editing = session.EditingSession(project)
    command = preannotation.pending_preannotation(project, person)
    assert command is not None
    editing.history.record(command)
    assert editing.undo().result is session.Result.STORED
    left = [e for e in entities(project, "a") if e[0].startswith("rest")]
    assert len(left) == 1  # the done sentence keeps its entity
    SetStatus(max(batch.sentences), person.id, "done").apply(project)  # done before the redo
    assert editing.redo().result is session.Result.STORED
    assert len(entities(project, "a")) == len(applied) - 1
    assert "1 no longer fit" in command.text


def test_on_postgresql_an_apply_waits_for_a_window_edit_on_a_sentence_and_then_leaves_it(
    project: Project, person: AnnotatorInfo
) -> None:
    if project.is_sqlite:
        pytest.skip("SQLite's write lock holds the whole database: nothing can slip in")
    window, _ = open_project(project.url, check=False)
    window.act_as(person.id)
    with project.reading() as s:
        first = occurrences.pending(s, person.id)[0].id
    done: list[preannotation.ApplyReport] = []
    worker = threading.Thread(
        target=lambda: done.append(preannotation.apply_suggestions(project, person, 0.5))
    )
    with window.transaction() as s:  # the window's edit, not yet committed, overlapping the stub's GPE
        edits.add_entity(s, window.schema, first, person.id, 0, 2, "PERSON")
        worker.start()
        deadline = time.monotonic() + 30  # until the apply waits for the window's lock
        with window.engine.connect() as conn:
            while time.monotonic() < deadline and worker.is_alive():
                waiting = conn.execute(
                    text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                ).scalar_one()
                if waiting:
                    break
                conn.rollback()
                time.sleep(0.02)
    worker.join(60)
    window.close()
    assert done and done[0].entities == 2  # the window's sentence changed meanwhile: left alone
    there = [e for e in entities(project, "a") if e[0].startswith("rest") and e[1] == 0]
    assert [e[4] for e in there] == ["PERSON"]
