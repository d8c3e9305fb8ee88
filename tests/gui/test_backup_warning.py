"""A rolling backup that fails is a warning in the window, though the edit itself is stored."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.errors import AnnotatorError
from annotator.gui.main_window import AnnotationWindow
from tests import stored
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(60)


def test_a_failed_backup_is_said_as_a_warning_and_the_edit_stays_saved(
    open_window: Callable[[str], AnnotationWindow], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    w = open_window("a")

    def full(_project: object, _stop: object = None, _pause: float = 0.0) -> None:
        raise AnnotatorError("the disk is full")

    monkeypatch.setattr("annotator.services.backups.projects.rolling_backup", full)
    w.session.backup_every = 1
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    press(w.tokens, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: "⚠ backup failed: the disk is full" in said, timeout=10_000)  # in the background
    assert w.status_saved.text().startswith("saved ")
    assert [e[-1] for e in stored.entities(w.project, "a")] == ["DATE"]
