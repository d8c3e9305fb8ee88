"""Fixtures for driving the real annotation window with real key events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.store import Project, queries


@pytest.fixture
def seeded_project() -> Iterator[Project]:
    """The default project as a new user gets it: the two seed articles."""
    project = projects.open_or_create(None)
    yield project
    project.close()


@pytest.fixture
def window_on(qtbot: QtBot, tmp_path: Path) -> Callable[[Project, str], AnnotationWindow]:
    """Open a window on a project for an annotator (created if new), shown and focused on the sentence."""

    def make(project: Project, name: str = "Айгерім") -> AnnotationWindow:
        with project.transaction() as s:
            me = queries.ensure_annotator(s, name)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = AnnotationWindow(project, me, settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window, 5000)  # shortcuts only reach an active window
        window.tokens.setFocus()
        return window

    return make


@pytest.fixture
def open_window(
    seeded_project: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> Callable[[str], AnnotationWindow]:
    """Open a window on the seeded default project for an annotator."""

    def make(name: str = "Айгерім") -> AnnotationWindow:
        return window_on(seeded_project, name)

    return make


def press(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    times: int = 1,
) -> None:
    """Real key presses on a widget, once its window is active again (after a dialog, say)."""
    QTest.qWaitForWindowActive(widget.window(), 2000)
    widget.setFocus()
    for _ in range(times):
        QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    """Type text as key events; letters outside ASCII (Kazakh) go as key events carrying their text."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def answer_dialogs(*answers: str) -> None:
    """Type each answer into the next modal dialog that opens and press Enter there.

    A line break in an answer means Enter in the same dialog (search: query, Enter, Enter).
    """
    handled: list[QWidget] = []

    def step(remaining: list[str]) -> None:
        dialog = QApplication.activeModalWidget()
        ready = dialog is not None and dialog.isVisible() and QApplication.activeWindow() is dialog
        if not ready or dialog in handled or dialog.focusWidget() is None:
            QTimer.singleShot(10, lambda: step(remaining))
            return
        handled.append(dialog)
        target = dialog.focusWidget()
        for part in remaining[0].split("\n"):  # "a\nb": type a, Enter, type b, Enter in one dialog
            if part:
                type_text(target, part)
            QTest.keyClick(target, Qt.Key.Key_Return)
        if remaining[1:]:
            QTimer.singleShot(10, lambda: step(remaining[1:]))

    QTimer.singleShot(0, lambda: step(list(answers)))


def rows(project: Project, sql: str, **params: object) -> list[tuple]:
    """Rows from the project database."""
    with project.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def entities_of(project: Project, name: str) -> list[tuple]:
    """``(document, sentence position, first token, last token, label)`` of an annotator's entities."""
    return rows(
        project,
        "SELECT d.name, s.position, e.token_start, e.token_last, e.label FROM entities e "
        "JOIN sentences s ON s.id = e.sentence_id JOIN documents d ON d.id = s.document_id "
        "JOIN annotators a ON a.id = e.annotator_id WHERE a.name = :n ORDER BY 1, 2, 3",
        n=name,
    )
