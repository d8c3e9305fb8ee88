"""The annotation session without any window: moves, screens, edits, undo, position and backups.

Each move is one read transaction that writes nothing; the transactions and statements are
counted on the engine itself, so the figure is the database's, not the session's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from annotator.core.changes import Changes
from annotator.core.errors import StoreUnavailable
from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services.annotation_session import AnnotationSession, Screen
from annotator.services.session import Result
from annotator.store import Project, Session, queries
from tests.traffic import watching

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def seeded(project: Project) -> Project:
    """The project with the two seed articles."""
    projects.load_seeds(project)
    return project


def _session(project: Project, name: str = "a") -> AnnotationSession:
    with project.transaction() as s:
        me = queries.ensure_annotator(s, name)
    return AnnotationSession(project, me)


def test_every_move_is_one_read_transaction_that_writes_nothing(seeded: Project) -> None:
    session = _session(seeded)
    first = session.start()
    assert first is not None
    docs = session.navigator.documents[:2]  # read here: the corpus order is read when asked
    ids = session.navigator.sentences(docs[0])
    moves = [lambda: session.step(1)] * (len(ids) + 1) + [lambda: session.step(-1)] * 2
    moves += [session.next_todo, lambda: session.go_to(ids[3]), lambda: session.open_document(docs[1])]
    for move in moves:
        with watching(seeded) as traffic:
            screen = move()
        assert screen is not None
        assert traffic.begins == 1, traffic.statements
        assert traffic.writes == []
    assert session.pending_position == session.navigator.sentences(docs[1])[0]


def test_a_screen_comes_from_one_snapshot_with_neighbours_and_progress(seeded: Project) -> None:
    session = _session(seeded)
    shown: list[Screen] = []
    session.screen_changed.connect(shown.append)
    session.start()
    ids = session.navigator.sentences(session.navigator.documents[0])
    second = session.step(1)
    assert second is not None and second.view.id == ids[1] and second.moved and not second.new_document
    with seeded.reading() as s:
        assert second.previous == queries.sentence_text(s, ids[0])
        assert second.next == queries.sentence_text(s, ids[2])
    assert second.progress.document_total == len(ids)
    assert second.progress.document_done == 0
    assert [screen.view.id for screen in shown] == [ids[0], ids[1]]


def test_crossing_documents_both_ways(seeded: Project) -> None:
    session = _session(seeded)
    session.start()
    first_doc, second_doc = (session.navigator.sentences(d) for d in session.navigator.documents[:2])
    for _ in range(len(first_doc)):
        screen = session.step(1)
    assert screen is not None and screen.view.id == second_doc[0] and screen.new_document
    back = session.step(-1)
    assert back is not None and back.view.id == first_doc[-1] and back.new_document
    assert session.go_to(first_doc[0]).view.id == first_doc[0]
    assert session.step(-1) is None  # the first sentence of the corpus


def test_edits_say_what_changed_and_the_screen_shows_what_is_stored(seeded: Project) -> None:
    session = _session(seeded)
    start = session.start()
    assert start is not None
    changed: list[Changes] = []
    session.changed.connect(changed.append)
    view = start.view
    outcome = session.execute(c.AddEntity(view.id, session.person.id, 0, 2, "PERSON"))
    assert outcome.result is Result.STORED and outcome.changes == Changes.of_sentence(view.id)
    assert session.screen is not None and session.screen.keep_cursor
    assert [(e.token_start, e.token_end, e.label) for e in session.screen.view.entities] == [(0, 2, "PERSON")]
    done = session.mark_and_move(c.SetStatus(view.id, session.person.id, "done"))
    assert done.stored and done.changes.progress
    assert session.view is not None and session.view.ordinal == 1
    assert session.screen is not None and session.screen.progress.document_done == 1
    assert session.undo().stored  # the status: the session goes back to that sentence
    assert session.view.id == view.id and session.view.status == "todo"
    assert session.undo().stored
    assert session.view.entities == ()
    assert session.undo().result is Result.NOTHING
    assert session.redo().stored and session.view.entities != ()
    assert changed == [
        Changes.of_sentence(view.id),
        Changes.of_sentence(view.id, progress=True),
        Changes.of_sentence(view.id, progress=True),
        Changes.of_sentence(view.id),
        Changes.of_sentence(view.id),
    ]


def test_a_refused_edit_leaves_history_and_database_alone(seeded: Project) -> None:
    session = _session(seeded)
    start = session.start()
    assert start is not None
    sid = start.view.id
    assert session.execute(c.AddEntity(sid, session.person.id, 0, 2, "PERSON")).stored
    refused = session.execute(c.AddEntity(sid, session.person.id, 1, 3, "GPE"))  # overlaps
    assert refused.result is Result.REFUSED and "overlap" in refused.message
    assert len(session.history) == 1
    assert [(e.token_start, e.token_end) for e in session.view.entities] == [(0, 2)]  # type: ignore[union-attr]


@dataclass
class _Broken(c.Command):
    """An edit the database cannot take (a full disk, a dropped connection)."""

    def do(self, s: Session, schema: Any) -> None:
        raise StoreUnavailable("disk I/O error")


def test_an_edit_not_saved_reads_the_sentence_again_and_stays_off_the_history(seeded: Project) -> None:
    session = _session(seeded)
    start = session.start()
    assert start is not None
    shown: list[Screen] = []
    session.screen_changed.connect(shown.append)
    outcome = session.execute(_Broken(start.view.id))
    assert outcome.result is Result.NOT_SAVED and outcome.reason == "disk I/O error"
    assert outcome.message.endswith("the sentence shows what the project holds")
    assert len(session.history) == 0
    assert [screen.view.id for screen in shown] == [start.view.id]  # read again from the database


def test_the_position_is_stored_when_asked_and_found_again(seeded: Project) -> None:
    session = _session(seeded)
    session.start()
    session.step(1)
    here = session.step(1)
    assert here is not None
    assert session.save_position() is True
    assert session.save_position() is False  # nothing pending any more
    again = _session(seeded).start()
    assert again is not None and again.view.id == here.view.id
    other = _session(seeded, "b").start()  # every person has their own
    assert other is not None and other.view.ordinal == 0


def test_a_rolling_backup_every_so_many_edits(tmp_path: Any) -> None:
    project = projects.open_or_create(str(tmp_path / "p.sqlite"))
    projects.load_seeds(project)
    session = _session(project)
    session.backup_every = 2
    news: list[str] = []
    session.backups.said.connect(lambda said: news.append(said.line))
    start = session.start()
    assert start is not None
    sid, me = start.view.id, session.person.id
    session.execute(c.AddEntity(sid, me, 0, 1, "PERSON"))
    assert news == []
    second = session.execute(c.AddEntity(sid, me, 2, 3, "GPE"))
    assert second.message == ""  # the edit says nothing of the backup: the backup says it itself
    assert len(news) == 1 and news[0].startswith("backed up to ")
    assert len(projects.backups(str(tmp_path / "p.sqlite"))) == 1
    project.close()
