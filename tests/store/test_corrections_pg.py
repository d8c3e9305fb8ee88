"""Corrections on PostgreSQL under row-level security (migration 0007), with the team's own logins:
a reviewer corrects a document others annotated, and undo brings it back; an annotator who is not
alone on it is refused by the application and by the database itself."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from annotator.core.errors import StoreError
from annotator.services import team
from annotator.services.annotate import Navigator
from annotator.services.commands.corrections import SplitSentence, SplitToken
from annotator.store import Project, open_project
from tests.conftest import dump
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name

pytestmark = pytest.mark.timeout(180)


def signed_in(t: Team, who: str) -> Project:
    project, _ = open_project(t.url(who))
    team.sign_in(project, None)
    return project


def owner_dump(t: Team) -> dict:
    project, _ = open_project(t.owner_url)
    try:
        return dump(project)
    finally:
        project.close()


def spans(t: Team) -> list[tuple[int, int, int]]:
    project, _ = open_project(t.owner_url)
    try:
        with project.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT annotator_id, token_start, token_last FROM entities ORDER BY id")
            )
            return [tuple(r) for r in rows]
    finally:
        project.close()


def test_a_reviewer_corrects_a_document_others_annotated_and_undoes_it(team_project: Team) -> None:
    before, spans_before = owner_dump(team_project), spans(team_project)
    boss = signed_in(team_project, "boss")
    try:
        (sid,) = Navigator(boss).sentences(Navigator(boss).documents[0])
        split = SplitToken(sid, token=1, at=3)  # қаласы → қал | асы
        split.apply(boss)
        assert [(s, last) for _, s, last in spans(team_project)] == [(0, 0), (0, 2)]  # other's, gold's grown
        split.revert(boss)
        assert spans(team_project) == spans_before
        cut = SplitSentence(sid, token=3)  # before the full stop: no span crosses
        cut.apply(boss)
        assert len(Navigator(boss).sentences(Navigator(boss).documents[0])) == 2
        cut.revert(boss)
    finally:
        boss.close()
    after = owner_dump(team_project)
    assert {k: v for k, v in after.items() if k != "activity"} == before


def test_an_annotator_not_alone_is_refused_and_the_database_refuses_too(team_project: Team) -> None:
    before = owner_dump(team_project)
    ann = signed_in(team_project, "ann")
    try:
        (sid,) = Navigator(ann).sentences(Navigator(ann).documents[0])
        with pytest.raises(StoreError, match="only a reviewer may correct this document"):
            SplitToken(sid, token=1, at=3).apply(ann)
        with ann.engine.begin() as conn:  # the database itself: no sentence changes for this login
            changed = conn.execute(text("UPDATE sentences SET paragraph = 5 WHERE id = :s"), {"s": sid})
            assert changed.rowcount == 0
            doc = conn.execute(text("SELECT document_id FROM sentences WHERE id = :s"), {"s": sid}).scalar()
            begun = conn.execute(text("SELECT annotator_begin_correction(CAST(:d AS integer))"), {"d": doc})
            assert begun.scalar() is False
        # nor can a login open a correction by writing the server's record of them itself
        for statement in (
            "INSERT INTO annotator_private.corrections VALUES (txid_current(), 1)",
            "SELECT count(*) FROM annotator_private.corrections",
        ):
            with pytest.raises(DBAPIError, match="permission denied"), ann.engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        ann.close()
    assert owner_dump(team_project) == before
