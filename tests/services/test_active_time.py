"""Active annotation time: the timer's rules with a fake clock, and the session storing what it gathered."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from annotator.core.errors import StoreUnavailable
from annotator.core.model import GOLD
from annotator.services import project as projects
from annotator.services.active_time import ActiveTimer, seconds_of
from annotator.services.annotation_session import AnnotationSession
from annotator.services.exporting import ExportOptions, export_layer
from annotator.store import Project, assignments, open_project, queries
from annotator.store.tables import Assignment
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name

pytestmark = pytest.mark.timeout(120)
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds


def _timer() -> tuple[ActiveTimer, Clock]:
    clock = Clock()
    timer = ActiveTimer(clock)
    timer.window_active(True)
    return timer, clock


def test_the_time_between_events_counts_for_the_focused_sentence() -> None:
    timer, clock = _timer()
    timer.focus(1)
    clock.advance(30)
    timer.input()
    clock.advance(12.5)
    timer.input()
    assert timer.pending() == {1: 42.5}


def test_an_interval_of_exactly_the_idle_limit_counts_and_a_longer_one_counts_nothing() -> None:
    timer, clock = _timer()
    timer.focus(1)
    clock.advance(120)
    timer.input()
    assert timer.pending() == {1: 120}
    clock.advance(120.5)  # an idle spell: not even its first two minutes count
    timer.input()
    clock.advance(5)
    timer.input()  # counting goes on from the input that ended the spell
    assert timer.pending() == {1: 125}


def test_a_move_gives_the_time_so_far_to_the_sentence_left() -> None:
    timer, clock = _timer()
    timer.focus(1)
    clock.advance(10)
    timer.focus(2)
    clock.advance(7)
    timer.input()
    clock.advance(3)
    timer.focus(1)
    assert timer.pending() == {1: 10, 2: 10}


def test_nothing_counts_while_the_window_is_inactive_and_counting_restarts_at_the_activation() -> None:
    timer, clock = _timer()
    timer.focus(1)
    clock.advance(20)
    timer.window_active(False)  # the 20 s up to leaving count
    clock.advance(50)
    timer.input()  # (an input the window would not pass on) counts nothing
    clock.advance(40)
    timer.window_active(True)
    clock.advance(6)
    timer.input()
    assert timer.pending() == {1: 26}


def test_nothing_counts_before_the_window_is_active_nor_without_a_sentence() -> None:
    clock = Clock()
    timer = ActiveTimer(clock)
    timer.focus(1)
    clock.advance(30)
    timer.input()
    assert timer.pending() == {}
    timer.window_active(True)
    timer.focus(None)
    clock.advance(30)
    timer.input()
    assert timer.pending() == {}


def test_take_clears_and_put_back_adds_to_what_came_meanwhile() -> None:
    timer, clock = _timer()
    timer.focus(1)
    clock.advance(4)
    timer.input()
    taken = timer.take()
    assert taken == {1: 4} and timer.pending() == {}
    clock.advance(2)
    timer.input()
    timer.put_back(taken)
    assert timer.pending() == {1: 6}


def test_a_custom_idle_limit_is_honoured() -> None:
    clock = Clock()
    timer = ActiveTimer(clock, idle=10)
    timer.window_active(True)
    timer.focus(3)
    clock.advance(11)
    timer.input()
    clock.advance(10)
    timer.input()
    assert timer.pending() == {3: 10}


# -- the session -------------------------------------------------------------------------------
@pytest.fixture
def seeded(project: Project) -> Project:
    """The project with the two seed articles."""
    projects.load_seeds(project)
    return project


def _session(project: Project, clock: Clock, name: str = "a") -> AnnotationSession:
    with project.transaction() as s:
        me = queries.ensure_annotator(s, name)
    session = AnnotationSession(project, me, clock)
    session.timer.window_active(True)
    return session


def test_the_session_times_every_screen_and_stores_the_seconds_once(seeded: Project) -> None:
    clock = Clock()
    session = _session(seeded, clock)
    first = session.start()
    assert first is not None
    clock.advance(30)
    second = session.step(1)
    assert second is not None
    clock.advance(15)
    session.timer.input()
    assert session.save_time() is True
    assert session.timer.pending() == {}
    assert session.save_time() is False  # nothing more to store
    assert seconds_of(seeded, session.person.id) == {first.view.id: 30, second.view.id: 15}
    clock.advance(5)
    session.step(-1)  # back to the first: the 5 s are the second's, added to what is stored
    session.save_time()
    assert seconds_of(seeded, session.person.id) == {first.view.id: 30, second.view.id: 20}


def test_saving_the_time_touches_the_assigned_documents_worked_in(seeded: Project) -> None:
    clock = Clock()
    session = _session(seeded, clock)
    first = session.start()
    assert first is not None
    doc = first.view.document_id
    with seeded.transaction() as s:
        others = [d for d, _n, _c in assignments.document_sizes(s) if d != doc]
        assignments.add(s, [(doc, session.person.id), (others[0], session.person.id)])
        s.execute(update(Assignment).values(touched_at=LONG_AGO))
    clock.advance(8)
    session.timer.input()
    session.save_time()
    with seeded.reading() as s:
        after = {
            int(d): t.replace(tzinfo=None)
            for d, t in s.execute(select(Assignment.document_id, Assignment.touched_at))
        }
    assert after[doc] > LONG_AGO.replace(tzinfo=None)
    assert after[others[0]] == LONG_AGO.replace(tzinfo=None)  # not worked in: not touched


def test_seconds_the_store_could_not_take_stay_pending(
    seeded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    session = _session(seeded, clock)
    first = session.start()
    assert first is not None
    clock.advance(9)
    session.timer.input()

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreUnavailable("another program is writing to the project")

    monkeypatch.setattr("annotator.store.active_time.add_seconds", busy)
    with pytest.raises(StoreUnavailable):
        session.save_time()
    assert session.timer.pending() == {first.view.id: 9}
    monkeypatch.undo()
    assert session.save_time() is True
    assert seconds_of(seeded, session.person.id) == {first.view.id: 9}


def test_the_gold_editor_records_no_time(seeded: Project) -> None:
    with seeded.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer")
        gold = queries.ensure_annotator(s, GOLD)
    seeded.act_as(boss.id)
    clock = Clock()
    session = AnnotationSession(seeded, gold, clock)
    session.timer.window_active(True)
    session.start()
    clock.advance(10)
    session.timer.input()
    assert session.save_time() is False
    assert seconds_of(seeded, gold.id) == {}


def test_a_team_annotators_window_stores_their_time_under_row_level_security(
    team_project: Team, tmp_path: Path
) -> None:
    owner, _ = open_project(team_project.owner_url)
    with owner.transaction() as s:
        (doc,) = [d for d, _n, _c in assignments.document_sizes(s)]
        ann = queries.find_annotator(s, team_project.names["ann"])
        assert ann is not None
        assignments.add(s, [(doc, ann.id)])
        s.execute(update(Assignment).values(touched_at=LONG_AGO))
    project, _ = open_project(team_project.url("ann"))
    try:
        clock = Clock()
        session = AnnotationSession(project, ann, clock)
        session.timer.window_active(True)
        first = session.start()
        assert first is not None
        for spent in (6.0, 4.5):  # the second store adds to the first (an upsert)
            clock.advance(spent)
            session.timer.input()
            assert session.save_time() is True
        assert seconds_of(project, ann.id) == {first.view.id: 10.5}
        out = export_layer(
            project, ExportOptions(annotator=ann.name, status="all", out=str(tmp_path / "ann.jsonl"))
        )
        assert out.sentences == 1
        line = json.loads((tmp_path / "ann.jsonl").read_text(encoding="utf-8").splitlines()[0])
        assert line["seconds"] == 10.5
    finally:
        project.close()
    with owner.reading() as s:
        (touched,) = s.execute(select(Assignment.touched_at)).scalars().all()
    assert touched.replace(tzinfo=None) > LONG_AGO.replace(tzinfo=None)
    owner.close()


def test_seconds_of_a_sentence_a_merge_took_away_go_to_the_merged_one(seeded: Project) -> None:
    """The window's timer still holds seconds for the second sentence when the person joins it to
    the first (Ctrl+Alt+J): they are stored on the merged sentence, not refused by its foreign key
    at every save for the rest of the day."""
    from annotator.services.commands.corrections import MergeSentences

    clock = Clock()
    session = _session(seeded, clock)
    first = session.start()
    assert first is not None
    clock.advance(30)
    assert session.step(1) is not None
    clock.advance(15)
    session.step(-1)  # 15 s pending for the second sentence
    seeded.act_as(session.person.id)
    MergeSentences(first.view.id).apply(seeded)
    session.reload(first.view.id)
    clock.advance(5)
    session.timer.input()
    assert session.save_time() is True
    assert session.timer.pending() == {}
    assert seconds_of(seeded, session.person.id) == {first.view.id: 50}
