"""Fixtures for driving the real annotation window with real key events."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from annotator.gui import dialogs
from annotator.gui.main_window import AnnotationWindow
from annotator.gui.review_window import ReviewWindow
from annotator.services import project as projects
from annotator.store import Project, queries
from tests.conftest import import_layers


@pytest.fixture(autouse=True)
def isolated_qt_settings(isolated_user_dirs: Path) -> None:
    """Point the user's Qt settings at this test's home: Qt reads XDG_CONFIG_HOME only once per
    process, so without this a test that remembers a name or a language leaks it into later tests."""
    config = str(isolated_user_dirs / "config")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, config)


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


ReviewOpener = Callable[[Project, dict[str, str]], ReviewWindow]


@pytest.fixture
def review_of(qtbot: QtBot, tmp_path: Path) -> ReviewOpener:
    """Import each annotator's CoNLL text (every sentence done), then open the review window as boss."""

    def make(project: Project, layers: dict[str, str]) -> ReviewWindow:
        import_layers(project, tmp_path, layers)
        with project.transaction() as s:
            boss = queries.add_annotator(s, "boss", "reviewer")
        window = ReviewWindow(project, boss, QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window, 5000)
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


class Answers:
    """Answers for the window's dialogs, through the seams the window asks them by.

    A chooser (``dialogs.choose``) takes the first option whose text contains the answer, as
    typing it into the filter would; ``None`` cancels. A text dialog (``QInputDialog.getText``)
    returns the answer. The search dialog (``dialogs.search``) searches for the answer and takes
    the first hit. Every dialog asked for is recorded in ``asked`` (its title).
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.queue: list[str | None] = []
        self.asked: list[str] = []
        monkeypatch.setattr(dialogs, "choose", self._choose)
        monkeypatch.setattr(dialogs, "search", self._search)
        monkeypatch.setattr(QInputDialog, "getText", self._text)

    def give(self, *answers: str | None) -> None:
        """Queue answers for the next dialogs, in order."""
        self.queue.extend(answers)

    def _next(self, title: str) -> str | None:
        self.asked.append(title)
        assert self.queue, f"the window asked “{title}” and the test gave no answer"
        return self.queue.pop(0)

    def _choose(self, parent: object, title: str, options: list[tuple[str, Any]], tips: object = None) -> Any:
        answer = self._next(title)
        if answer is None:
            return None
        return next((value for text, value in options if answer.casefold() in text.casefold()), None)

    def _search(self, parent: object, find: Callable[[str], list[tuple[int, str, int, str]]]) -> int | None:
        answer = self._next("Search the corpus")
        hits = find(answer) if answer is not None else []
        return hits[0][0] if hits else None

    def _text(self, parent: object, title: str, label: str, *args: Any, **kwargs: Any) -> tuple[str, bool]:
        answer = self._next(title)
        return (answer, True) if answer is not None else ("", False)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Answer the window's dialogs without showing them (see Answers)."""
    return Answers(monkeypatch)


DIALOG_WAIT_S = 20  # a real dialog that does not open by then fails the test instead of hanging it


def answer_dialogs(*answers: str) -> None:
    """Type each answer into the next real modal dialog that opens and press Enter there.

    A line break in an answer means Enter in the same dialog (search: query, Enter, Enter). It
    looks for the dialog every 10 ms; if none opens within DIALOG_WAIT_S, the dialog that is
    open (if any) is rejected and the test's assertions then fail, rather than waiting forever.
    """
    handled: list[QWidget] = []
    deadline = time.monotonic() + DIALOG_WAIT_S

    def step(remaining: list[str]) -> None:
        dialog = QApplication.activeModalWidget()
        ready = dialog is not None and dialog.isVisible() and QApplication.activeWindow() is dialog
        if not ready or dialog in handled or dialog.focusWidget() is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(10, lambda: step(remaining))
            elif isinstance(dialog, QDialog):
                dialog.reject()
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
