"""The annotation session of an assigned project, without a window, on both backends.

An annotator sees only their documents (list, navigation, progress, search); reviewers and a
project without assignments see every document. In dynamic mode the session takes documents
from the pool at start and when one is finished, and a document left too long goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from annotator.core.records import AnnotatorInfo, DocumentInfo
from annotator.services import assignment, dashboard, team
from annotator.services import commands as c
from annotator.services.annotation_session import AnnotationSession
from annotator.services.serving import NOTHING_ASSIGNED, TOUCH_EVERY, nothing_left
from annotator.store import Project, open_project
from tests.assigned import SIZES, assignments, four_documents, give, known_team, left_alone, person
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def docs(project: Project, tmp_path: Path) -> dict[str, int]:
    """The four documents d1 … d4."""
    return four_documents(project, tmp_path)


def _session(
    project: Project, who: AnnotatorInfo, clock: Callable[[], float] | None = None
) -> tuple[AnnotationSession, list[str]]:
    """A started session (its pool on ``clock`` when given) and the lines it said."""
    session = AnnotationSession(project, who)
    if clock is not None:
        session.serving.clock = clock
    said: list[str] = []
    session.said.connect(said.append)
    session.start()
    return session, said


def _walk(session: AnnotationSession) -> list[str]:
    """The documents of every sentence Next reaches from the start, to the end."""
    seen = [session.view.document_name] if session.view else []
    while session.step(1) is not None:
        assert session.view is not None
        seen.append(session.view.document_name)
    return seen


def _finish(session: AnnotationSession) -> None:
    """Mark the shown document's sentences done, one after the other, as Return does."""
    assert session.view is not None
    document = session.view.document_id
    while session.view is not None and session.view.document_id == document and session.view.status != "done":
        session.mark_and_move(c.SetStatus(session.view.id, session.person.id, "done"))


def test_an_annotator_sees_only_their_documents(project: Project, docs: dict[str, int]) -> None:
    me, other = person(project, "Айгерім"), person(project, "Болат")
    give(project, [(docs["d1"], me.id), (docs["d3"], me.id), (docs["d2"], other.id)])
    session, _ = _session(project, me)
    listed: list[list[DocumentInfo]] = []
    session.documents_changed.connect(listed.append)
    session.announce_documents()
    assert [(d.name, d.sentences) for d in listed[-1]] == [("d1", 2), ("d3", 2)]
    assert _walk(session) == ["d1", "d1", "d3", "d3"]  # Next never leaves them
    assert session.screen is not None and session.screen.progress.corpus_total == SIZES["d1"] + SIZES["d3"]
    assert session.step(-1) is not None and session.view is not None
    assert session.next_todo() is not None and session.view.document_name in ("d1", "d3")
    assert [hit[1] for hit in session.search("құжатында")] == ["d1", "d1", "d3", "d3"]
    assert session.search("d2") == []


def test_a_position_left_in_a_document_no_longer_assigned_starts_at_the_first_of_the_work(
    project: Project, docs: dict[str, int]
) -> None:
    me = person(project, "Айгерім")
    session, _ = _session(project, me)  # nothing assigned yet: every document, as today
    session.open_document(docs["d2"])
    assert session.save_position()
    give(project, [(docs["d3"], me.id)])
    again, _ = _session(project, me)
    assert again.view is not None and again.view.document_name == "d3"


def test_reviewers_and_a_project_without_assignments_see_every_document(
    project: Project, docs: dict[str, int]
) -> None:
    me = person(project, "Айгерім")
    session, _ = _session(project, me)
    assert [d.name for d in session.documents()] == ["d1", "d2", "d3", "d4"]  # nothing assigned: as today
    assert session.screen is not None and session.screen.progress.corpus_total == sum(SIZES.values())
    give(project, [(docs["d1"], me.id)])
    boss = person(project, "boss", "reviewer")
    review, _ = _session(project, boss)
    assert [d.name for d in review.documents()] == ["d1", "d2", "d3", "d4"]
    assert _walk(review) == ["d1", "d1", "d2", "d2", "d2", "d3", "d3", "d4", "d4", "d4"]


def test_an_annotator_with_nothing_assigned_is_told_so(project: Project, docs: dict[str, int]) -> None:
    me, other = person(project, "Айгерім"), person(project, "Болат")
    give(project, [(docs["d1"], other.id)])
    session, said = _session(project, me)
    assert session.screen is None and list(session.documents()) == []
    assert said == [NOTHING_ASSIGNED]
    assert session.serving.empty_line == NOTHING_ASSIGNED
    assert session.next_todo() is None and session.step(1) is None  # nothing to move to, no error


def test_dynamic_mode_takes_a_document_at_start_and_the_next_when_one_is_finished(
    project: Project, docs: dict[str, int]
) -> None:
    assignment.set_dynamic(project, True, per_document=1)
    me = person(project, "Айгерім")
    session, said = _session(project, me)
    assert session.view is not None and session.view.document_name == "d1"
    assert said == ["next document: d1 (taken from the pool)"]
    assert assignments(project) == [("d1", "Айгерім", True)]
    listed: list[list[DocumentInfo]] = []
    session.documents_changed.connect(listed.append)
    _finish(session)
    assert said[-1] == "next document: d2 (taken from the pool)"
    assert session.view.document_name == "d2" and session.view.ordinal == 0
    assert [d.name for d in listed[-1]] == ["d1", "d2"]
    assert assignments(project) == [("d1", "Айгерім", True), ("d2", "Айгерім", True)]
    assert session.screen is not None and session.screen.progress.corpus_total == SIZES["d1"] + SIZES["d2"]


def test_when_every_document_has_its_annotators_nothing_more_is_taken(
    project: Project, docs: dict[str, int]
) -> None:
    assignment.set_dynamic(project, True, per_document=1)
    me, other = person(project, "Айгерім"), person(project, "Болат")
    give(project, [(docs[n], other.id) for n in ("d2", "d3", "d4")], dynamic=True)
    session, said = _session(project, me)
    assert session.view is not None and session.view.document_name == "d1"
    _finish(session)
    assert said[-1] == nothing_left(1) == "every document has its 1 annotators; nothing more to take"
    assert session.view.document_name == "d1"  # stays on what was done
    assert assignments(project)[0] == ("d1", "Айгерім", True)
    assert len(assignments(project)) == 4


def test_a_document_left_too_long_goes_back_to_the_pool(
    project: Project, backend: str, docs: dict[str, int]
) -> None:
    assignment.set_dynamic(project, True, per_document=1, abandon_minutes=30)
    first, second = person(project, "Айгерім"), person(project, "Болат")
    _session(project, first)
    assert assignments(project) == [("d1", "Айгерім", True)]
    left_alone(project, first.id, docs["d1"], minutes=31)
    other, _ = open_project(backend)  # another window: a project of its own
    try:
        taken, _ = _session(other, second)
        assert taken.view is not None and taken.view.document_name == "d1"
        assert assignments(project) == [("d1", "Болат", True)]
    finally:
        other.close()


def test_working_in_a_taken_document_keeps_it(project: Project, backend: str, docs: dict[str, int]) -> None:
    assignment.set_dynamic(project, True, per_document=1, abandon_minutes=30)
    first, second = person(project, "Айгерім"), person(project, "Болат")
    now = [0.0]
    session, _ = _session(project, first, lambda: now[0])
    left_alone(project, first.id, docs["d1"], minutes=31)
    now[0] += TOUCH_EVERY + 1  # a while after taking it, the window says it is still at work there
    assert session.view is not None
    session.mark_and_move(c.SetStatus(session.view.id, first.id, "done"))  # not the last: touched
    other, _ = open_project(backend)
    try:
        taken, _ = _session(other, second)
        assert taken.view is not None and taken.view.document_name == "d2"
        assert assignments(project) == [("d1", "Айгерім", True), ("d2", "Болат", True)]
    finally:
        other.close()


def test_the_dashboard_shows_a_known_teams_figures(project: Project, tmp_path: Path) -> None:
    known_team(project, tmp_path)
    board = dashboard.read_dashboard(project)
    today = datetime.now().date().isoformat()  # the last edit's day on this computer's clock
    assert [p.cells("x") for p in board.people] == [
        ("Айгерім", "4 of 5 · 2 docs", "100", today, "x"),
        ("Болат", "3 of 5 · 2 docs", "—", today, "x"),
        ("Дәурен", "0 (nothing assigned)", "—", "—", "x"),
    ]
    assert board.people[0].last_edit is not None and board.people[2].last_edit is None
    assert [d.cells() for d in board.documents] == [  # ready first
        ("d2", "3", "Айгерім, Болат", "ready"),
        ("d1", "2", "Айгерім", "not yet"),
        ("d3", "2", "Болат", "not yet"),
        ("d4", "3", "—", "not assigned"),
    ]
    assert board.summary() == "4 documents: 3 assigned (1 to several people), 1 ready for curation"
    agreement = dashboard.agreement_by_person(project)
    two_thirds = pytest.approx(2 / 3, abs=1e-6)
    assert agreement == {"Айгерім": two_thirds, "Болат": two_thirds, "Дәурен": None}
    assert [dashboard.agreement_cell(agreement, n) for n in agreement] == ["0.67", "0.67", "—"]
    assert dashboard.agreement_cell(None, "Болат") == "…"


def test_team_logins_take_from_the_pool_and_release_only_what_was_left(team_project: Team) -> None:
    """Each person with their own PostgreSQL login: row-level security lets an annotator take a
    document, keep it, and take another's only once it is abandoned."""
    owner, _ = open_project(team_project.owner_url)
    mine, _ = open_project(team_project.url("ann"))
    theirs, _ = open_project(team_project.url("other"))
    try:
        assignment.set_dynamic(owner, True, per_document=1, abandon_minutes=30)
        session, _ = _session(mine, team.sign_in(mine, None))
        assert session.view is not None and session.view.document_name == "d1"
        assert assignments(owner) == [("d1", team_project.names["ann"], True)]
        other_person = team.sign_in(theirs, None)
        other, other_said = _session(theirs, other_person)
        assert other.view is None and other_said == [nothing_left(1)]  # d1 has its one annotator
        left_alone(owner, session.person.id, session.view.document_id, minutes=31)
        again, _ = _session(theirs, other_person)
        assert again.view is not None and again.view.document_name == "d1"
        assert assignments(owner) == [("d1", team_project.names["other"], True)]
    finally:
        for p in (mine, theirs, owner):
            p.close()
