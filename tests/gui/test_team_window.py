"""The windows on a team server, each person with their own PostgreSQL login.

Real key events; what is stored is read by the project's owner, whom row-level security does not
limit. The annotator's window shows only their own layer and stores their keys there; when their
login loses its rights, the next key is refused in one line and nothing is stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.gui.main_window import AnnotationWindow
from annotator.gui.review_window import ReviewWindow
from annotator.services import adjudicate, team
from annotator.store import open_project
from tests import stored
from tests.gui.conftest import press
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name
pytestmark = pytest.mark.timeout(180)


def test_an_annotators_window_stores_their_keys_and_reports_a_refusal(
    team_project: Team, qtbot: QtBot, tmp_path: Path
) -> None:
    project, _ = open_project(team_project.url("ann"))
    owner, _ = open_project(team_project.owner_url)
    try:
        me = team.sign_in(project, None)
        w = AnnotationWindow(project, me, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        assert QTest.qWaitForWindowActive(w, 5000)
        assert w.current is not None and w.current.entities == ()  # not other's GPE, not gold
        press(w.tokens, Qt.Key.Key_1)
        assert stored.entities(owner, me.name) == [("d1", 0, 0, 1, "PERSON")]
        assert w.status_saved.text().startswith("saved")
        admin = create_engine(team_project.owner_url)
        with admin.begin() as conn:  # the login leaves the team's group: no more rights on the tables
            group = f"{make_url(team_project.owner_url).database}_team"
            conn.execute(text(f'REVOKE "{group}" FROM "{me.name}"'))
        admin.dispose()
        press(w.tokens, Qt.Key.Key_Right)
        press(w.tokens, Qt.Key.Key_3)
        message = w.statusBar().currentMessage()  # a refusal, as for any edit the store refuses
        assert message.startswith("⚠ your database login may not do this") and "\n" not in message
        assert stored.entities(owner, me.name) == [("d1", 0, 0, 1, "PERSON")]
        assert [e.label for e in w.current.entities] == ["PERSON"]  # the window shows what is stored
    finally:
        project.close()
        owner.close()


def test_a_reviewers_login_opens_review_with_every_layer(
    team_project: Team, qtbot: QtBot, tmp_path: Path
) -> None:
    project, _ = open_project(team_project.url("boss"))
    try:
        me = team.sign_in(project, None)
        assert me.role == "reviewer"
        w = ReviewWindow(project, me, QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        assert w.annotators == sorted([team_project.names["ann"], team_project.names["other"]])
        # The reviewer's login reads the other annotator's layer, which the annotators cannot.
        (found,) = adjudicate.disagreements(project, w.annotators, status="all")
        assert "GPE" in str(found)
    finally:
        project.close()
