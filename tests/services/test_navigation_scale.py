"""Navigation that does not grow with the corpus: no move reads every document id or counts every
sentence, and the progress counts kept between moves stay what a fresh count says."""

from __future__ import annotations

import re

import pytest

from annotator.services import annotate
from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services.annotation_session import AnnotationSession, Screen
from annotator.store import Project, queries
from tests.traffic import watching

pytestmark = pytest.mark.timeout(120)
WHOLE_CORPUS = (
    re.compile(r"FROM sentences\s*$"),  # a count of every sentence
    re.compile(r"FROM documents ORDER BY documents.name\s*$"),  # every document id
    re.compile(r"GROUP BY sentences.document_id\s*$"),  # every document's counts
)


@pytest.fixture
def session(project: Project) -> AnnotationSession:
    projects.load_seeds(project)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
    session = AnnotationSession(project, me)
    assert session.start() is not None
    return session


def _fresh(session: AnnotationSession, screen: Screen) -> annotate.Progress:
    return annotate.progress(session.project, session.person.id, screen.view.document_id)


def test_no_move_reads_the_whole_corpus(session: AnnotationSession) -> None:
    assert isinstance(session.navigator.documents, annotate.CorpusOrder)
    with watching(session.project) as traffic:
        for _ in range(20):  # across the first document into the second, and back
            assert session.step(1) is not None
        for _ in range(8):
            assert session.step(-1) is not None
        assert session.next_todo() is not None
    whole = [s for s in traffic.statements for r in WHOLE_CORPUS if r.search(" ".join(s.split()))]
    assert whole == []


def test_the_progress_kept_between_moves_is_what_a_fresh_count_says(session: AnnotationSession) -> None:
    me = session.person.id
    seen = []
    for _ in range(18):  # marks done across two documents, with undos and moves between
        screen = session.screen
        assert screen is not None
        seen.append(screen.progress)
        assert screen.progress == _fresh(session, screen)
        session.mark_and_move(c.SetStatus(screen.view.id, me, "done"))
        if len(seen) % 5 == 0:
            assert session.undo().stored
            screen = session.screen
            assert screen is not None and screen.progress == _fresh(session, screen)
            session.step(1)
    last = session.screen
    assert last is not None and last.progress == _fresh(session, last)
    assert last.progress.corpus_done > 10 and seen[0].corpus_done == 0
