"""A keystroke in the window reads one snapshot: one read transaction per move, none written.

Counted on the engine while real keys reach the window. An edit is its own write transaction
plus one read of the sentence it changed; where the annotator is gets written only once the
keys rest (one small write, not one per move).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.store import queries
from tests.gui.conftest import press
from tests.traffic import watching

pytestmark = pytest.mark.timeout(60)

MOVES = [
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),  # next not done
]


def test_each_move_key_is_one_read_transaction(
    qtbot: QtBot, open_window: Callable[[str], AnnotationWindow]
) -> None:
    w = open_window("Айгерім")
    w.position_timer.setInterval(60_000)  # the rest timer stays out of the count
    first = w.current
    assert first is not None
    for key, modifiers in MOVES * 3:
        with watching(w.project) as traffic:
            press(w.tokens, key, modifiers)
        assert traffic.begins == 1, traffic.statements
        assert traffic.writes == [], traffic.writes
    press(w.tokens, Qt.Key.Key_PageDown)
    assert w.current is not None and w.current.id != first.id


def test_an_edit_is_one_write_and_one_read(
    qtbot: QtBot, open_window: Callable[[str], AnnotationWindow]
) -> None:
    w = open_window("Айгерім")
    w.position_timer.setInterval(60_000)
    with watching(w.project) as traffic:
        press(w.tokens, Qt.Key.Key_5)  # tag the first token
    assert traffic.begins == 2, traffic.statements
    assert traffic.writes and not any("project_meta" in s for s in traffic.writes)
    assert w.current is not None and [(e.token_start, e.token_end) for e in w.current.entities] == [(0, 1)]


def test_the_position_is_written_once_the_keys_rest(
    qtbot: QtBot, open_window: Callable[[str], AnnotationWindow]
) -> None:
    w = open_window("Айгерім")
    w.position_timer.setInterval(60_000)  # however slow the keys come, the rest does not start yet
    with watching(w.project) as moving:
        press(w.tokens, Qt.Key.Key_PageDown, times=4)
    here = w.current
    assert here is not None
    assert [s for s in moving.writes if "project_meta" in s] == []  # no move writes the position
    assert w.position_timer.isActive()  # the moves started the rest timer
    with watching(w.project) as resting:
        w.position_timer.setInterval(50)  # restarts the running timer: the keys rest now
        qtbot.waitUntil(lambda: w.session.pending_position is None, timeout=10_000)
    assert len([s for s in resting.writes if "project_meta" in s]) == 1  # one write for four moves
    with w.project.reading() as s:
        assert queries.get_meta(s, f"position:{w.annotator.id}") == str(here.id)
