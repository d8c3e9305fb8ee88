"""The search dialog shows the first page of hits at once and the next page on demand (Down at
the end of the list, or More), then jumps to a hit of the second page."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui import search_dialog
from annotator.gui.main_window import AnnotationWindow
from annotator.gui.search_dialog import SearchDialog
from tests.gui.conftest import press, type_text

pytestmark = pytest.mark.timeout(120)
NEEDLE = "қазақстан"


def test_more_hits_come_a_page_at_a_time(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window("a")
    every = w.session.search(NEEDLE, 50)
    assert len(every) >= 3
    monkeypatch.setattr(search_dialog, "PAGE", 2)
    seen: list[tuple[int, bool, str]] = []
    deadline = time.monotonic() + 20

    def drive() -> None:  # looks for the dialog every 10 ms, for 20 s at most
        dialog = QApplication.activeModalWidget()
        ready = (
            isinstance(dialog, SearchDialog) and dialog.isVisible() and QApplication.activeWindow() is dialog
        )
        if not ready or dialog.focusWidget() is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(10, drive)
            elif dialog is not None:
                dialog.close()
            return
        assert isinstance(dialog, SearchDialog)
        field = dialog.query
        type_text(field, NEEDLE.upper())
        QTest.keyClick(field, Qt.Key.Key_Return)
        seen.append((dialog.hits.count(), dialog.more.isEnabled(), dialog.info.text()))
        QTest.keyClick(field, Qt.Key.Key_Down)  # to the second hit, the last shown
        QTest.keyClick(field, Qt.Key.Key_Down)  # at the end: the next page, its first hit selected
        seen.append((dialog.hits.count(), dialog.more.isEnabled(), dialog.info.text()))
        QTest.keyClick(field, Qt.Key.Key_Return)  # the same query again: jump to the selection
        if dialog.isVisible():
            dialog.reject()  # the assertions below say what went wrong

    QTimer.singleShot(0, drive)
    press(w.tokens, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert seen[0][:2] == (2, True) and seen[0][2].startswith("first 2 sentences shown")
    assert seen[1][0] == min(4, len(every)) and seen[1][1] == (len(every) >= 4)
    assert w.current is not None and w.current.id == every[2][0]  # the third hit, from page two
