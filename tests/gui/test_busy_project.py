"""The windows open and move through sentences while another program holds the write lock.

Reading never waits for a writer: the project opens, every move shows its sentence at once, and
the window never says it is waiting. A move writes nothing: where the annotator is gets stored
once the keys rest, and that write is not waited for either; it is stored after the next move
once the other program is done.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.gui.review_window import ReviewWindow
from annotator.services import project as projects
from annotator.store import open_project, queries
from annotator.store.engine import sqlite_file
from tests import stored
from tests.conftest import DISAGREEING, import_layers
from tests.gui.conftest import press
from tests.locks import write_lock_held


def _watch(window: AnnotationWindow | ReviewWindow) -> list[str]:
    """Every message the window's status bar shows from now on."""
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda message: said.append(message))
    return said


def _position(path: Path, annotator_id: int) -> str | None:
    project, _ = open_project(path)
    try:
        return stored.meta(project, f"position:{annotator_id}")
    finally:
        project.close()


@pytest.mark.timeout(60)
def test_the_annotation_window_opens_and_moves_while_another_program_writes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = projects.open_or_create(None)  # the default project with its two seed articles
    path = sqlite_file(seeded.url)
    assert path is not None
    with seeded.transaction() as s:
        queries.ensure_annotator(s, "a")
    seeded.close()
    monkeypatch.setattr("annotator.store.engine.SQLITE_BUSY_TIMEOUT_S", 1)  # a waiting read fails fast
    with write_lock_held(str(path)):
        project, _ = open_project(path)
        with project.reading() as s:
            me = queries.find_annotator(s, "a")
        assert me is not None
        w = AnnotationWindow(project, me, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        assert QTest.qWaitForWindowActive(w, 5000)
        said = _watch(w)
        first = w.navigator.sentences(w.navigator.documents[0])
        second = w.navigator.sentences(w.navigator.documents[1])
        assert w.current is not None and w.current.id == first[0]
        press(w.tokens, Qt.Key.Key_PageDown, times=len(first) + 1)  # into the second document
        assert w.current.id == second[1]
        assert w.heading.text().endswith(f"sentence 2 of {len(second)} · todo")
        press(w.tokens, Qt.Key.Key_PageUp, times=2)  # and back across the border
        assert w.current.id == first[-1]
        with project.reading() as s:
            assert w.current.text == queries.sentence_text(s, first[-1])
        assert not any("waiting" in m or "stayed busy" in m for m in said), said
        refused = "⚠ position not saved: another program is writing"
        # The keys rest: the position is not stored, and the window says so.
        qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith(refused), timeout=10_000)
        assert _position(path, me.id) != str(first[-1])
    press(w.tokens, Qt.Key.Key_PageDown)  # the other program is done: this move is remembered
    qtbot.waitUntil(lambda: _position(path, me.id) == str(second[0]), timeout=10_000)
    w.close()
    project.close()


@pytest.mark.timeout(60)
def test_the_review_window_opens_and_moves_while_another_program_writes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.sqlite"
    project = projects.open_or_create(str(db))
    import_layers(project, tmp_path, DISAGREEING)
    with project.transaction() as s:
        queries.add_annotator(s, "boss", "reviewer")
    project.close()
    monkeypatch.setattr("annotator.store.engine.SQLITE_BUSY_TIMEOUT_S", 1)
    with write_lock_held(str(db)):
        project, _ = open_project(db)
        with project.reading() as s:
            boss = queries.find_annotator(s, "boss")
        assert boss is not None
        w = ReviewWindow(project, boss, QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        assert QTest.qWaitForWindowActive(w, 5000)
        said = _watch(w)
        assert w.list.count() == 2
        qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)  # the agreement numbers
        shown = w.sentence_id
        press(w.list, Qt.Key.Key_Down)
        assert w.sentence_id is not None and w.sentence_id != shown
        press(w.list, Qt.Key.Key_Up)
        assert w.sentence_id == shown
        assert not any("waiting" in m or "stayed busy" in m for m in said), said
        w.close()
        project.close()
