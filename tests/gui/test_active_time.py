"""Active annotation time through the real window: real key events, a fake clock, exact seconds stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.services.active_time import seconds_of
from annotator.store import Project, queries
from tests.gui.conftest import press
from tests.services.test_active_time import Clock
from tests.traffic import watching

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def timed(project: Project, qtbot: QtBot, tmp_path: Path) -> tuple[AnnotationWindow, Clock]:
    """A window on the seeded project (both backends) whose active time runs on a fake clock."""
    projects.load_seeds(project)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "Айгерім")
    clock = Clock()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = AnnotationWindow(project, me, settings, clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    window.tokens.setFocus()
    return window, clock


def _sentence(window: AnnotationWindow) -> int:
    assert window.current is not None
    return window.current.id


def test_active_time_is_recorded_through_real_key_events(
    timed: tuple[AnnotationWindow, Clock], qtbot: QtBot
) -> None:
    w, clock = timed
    person = w.annotator.id
    first = _sentence(w)
    press(w.tokens, Qt.Key.Key_Right)  # a key on sentence 1: counting is on
    clock.advance(30)
    with watching(w.project) as traffic:
        press(w.tokens, Qt.Key.Key_Right)
    assert traffic.writes == []  # no write at a keystroke
    clock.advance(10)
    press(w.tokens, Qt.Key.Key_PageDown)  # the key's 10 s are sentence 1's, then it moves
    second = _sentence(w)
    assert second != first
    clock.advance(20)
    press(w.tokens, Qt.Key.Key_Right)
    clock.advance(100)
    press(w.tokens, Qt.Key.Key_F6)  # a shortcut that reads no screen: the key itself is the input
    clock.advance(100)
    press(w.tokens, Qt.Key.Key_F6)
    clock.advance(180)  # three minutes idle: not counted at all
    press(w.tokens, Qt.Key.Key_Right)
    clock.advance(5)
    press(w.tokens, Qt.Key.Key_Left)
    clock.advance(3)
    w.close()  # the 3 s up to closing count, and closing stores what is pending
    assert seconds_of(w.project, person) == {first: 40, second: 228}


def test_the_time_is_stored_once_the_keys_rest(timed: tuple[AnnotationWindow, Clock], qtbot: QtBot) -> None:
    w, clock = timed
    w.time_keeper.rest.setInterval(20)
    first = _sentence(w)
    press(w.tokens, Qt.Key.Key_Right)
    clock.advance(12)
    QTest.mouseClick(w.tokens, Qt.MouseButton.LeftButton)  # a click is input too
    qtbot.waitUntil(lambda: seconds_of(w.project, w.annotator.id) == {first: 12}, timeout=5000)
    assert w.session.timer.pending() == {}


def test_nothing_counts_while_another_window_is_active(
    timed: tuple[AnnotationWindow, Clock], qtbot: QtBot
) -> None:
    w, clock = timed
    first = _sentence(w)
    press(w.tokens, Qt.Key.Key_Right)
    clock.advance(15)
    other = QLineEdit()  # another window takes the focus: the 15 s up to then count
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    assert QTest.qWaitForWindowActive(other, 5000)
    qtbot.waitUntil(lambda: not w.isActiveWindow())
    clock.advance(60)
    QTest.keyClicks(other, "abc")  # typing elsewhere is not annotation
    clock.advance(30)
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w, 5000)
    clock.advance(7)  # counting starts again at the activation
    press(w.tokens, Qt.Key.Key_Right)
    w.close()
    assert seconds_of(w.project, w.annotator.id) == {first: 22}
