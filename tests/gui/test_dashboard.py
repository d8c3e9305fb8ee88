"""The review window's team dashboard, opened with its key, on a small team with known figures.

Per person: done of assigned, sentences per active hour, the last edit's day and agreement
(computed off the window's thread: "…" first, then the figure); per document: assignees and
readiness, ready ones first. It refreshes with the review window and hides with its key again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from annotator.core.keymap import review_keys_of
from annotator.core.schema import default_schema_path, load_schema
from annotator.gui.review_window import ReviewWindow
from annotator.services import commands as c
from annotator.store import Project, open_project, queries
from tests.assigned import known_team, person
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Project]:
    """A SQLite project with the known team of tests.assigned."""
    schema = load_schema(default_schema_path())
    project, _ = open_project(str(tmp_path / "p.sqlite"), create=True, schema=schema)
    known_team(project, tmp_path / "in")
    yield project
    project.close()


def _cells(table: QTableWidget) -> list[list[str]]:
    columns = range(table.columnCount())
    return [[table.item(r, col).text() for col in columns] for r in range(table.rowCount())]


def _review(project: Project, qtbot: QtBot, tmp_path: Path) -> ReviewWindow:
    boss = person(project, "Сәуле", "reviewer")
    window = ReviewWindow(project, boss, QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    qtbot.waitUntil(lambda: not any(w.isRunning() for w in window.workers), timeout=30_000)
    return window


def test_the_key_opens_the_dashboard_with_the_teams_figures(
    team: Project, qtbot: QtBot, tmp_path: Path
) -> None:
    assert review_keys_of("dashboard") == ["Ctrl+D"]
    w = _review(team, qtbot, tmp_path)
    assert not w.dashboard.isVisible()
    press(w.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert w.dashboard.isVisible()
    pane = w.dashboard.pane
    today = datetime.now().date().isoformat()
    qtbot.waitUntil(lambda: pane.people.item(0, 4).text() != "…", timeout=30_000)
    assert _cells(pane.people) == [
        ["Айгерім", "4 of 5 · 2 docs", "100", today, "0.67"],
        ["Болат", "3 of 5 · 2 docs", "—", today, "0.67"],
        ["Дәурен", "0 (nothing assigned)", "—", "—", "—"],
        ["Сәуле", "0 (nothing assigned)", "—", "—", "—"],
    ]
    assert _cells(pane.documents) == [  # ready for curation first
        ["d2", "3", "Айгерім, Болат", "ready"],
        ["d1", "2", "Айгерім", "not yet"],
        ["d3", "2", "Болат", "not yet"],
        ["d4", "3", "—", "not assigned"],
    ]
    assert pane.summary.text() == "4 documents: 3 assigned (1 to several people), 1 ready for curation"
    press(w.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not w.dashboard.isVisible()


def test_the_dashboard_refreshes_with_the_review_window(team: Project, qtbot: QtBot, tmp_path: Path) -> None:
    w = _review(team, qtbot, tmp_path)
    press(w.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    pane = w.dashboard.pane
    qtbot.waitUntil(lambda: pane.people.item(1, 4).text() == "0.67", timeout=30_000)
    with team.transaction() as s:  # Болат finishes d3 meanwhile
        bolat = queries.find_annotator(s, "Болат")
        assert bolat is not None
        d3 = next(d.id for d in queries.documents_overview(s) if d.name == "d3")
        sentences = [x.id for x in queries.document_sentences(s, d3)]
    team.act_as(bolat.id)
    for sid in sentences:
        c.SetStatus(sid, bolat.id, "done").apply(team)
    team.act_as(w.reviewer.id)
    w.refresh()
    assert pane.people.item(1, 1).text() == "5 of 5 · 2 docs"
    assert [row[0] for row in _cells(pane.documents)] == ["d2", "d3", "d1", "d4"]  # d3 is ready now
    assert _cells(pane.documents)[1][3] == "ready"
    qtbot.waitUntil(lambda: pane.people.item(1, 4).text() != "…", timeout=30_000)
    assert pane.people.item(1, 4).text() == "0.67"  # d3 is Болат's alone: no new pair
