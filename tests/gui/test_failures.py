"""Every failure is visible and nothing false is shown: a full disk, a dropped or unreachable
server, a commit whose answer is lost, a busy project, a defect in a slot or a thread."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.core.errors import StoreUnavailable
from annotator.gui.failures import FailureReporter, log_file
from annotator.gui.main_window import AnnotationWindow
from annotator.services import commands as c
from annotator.services import project as projects
from annotator.store import Project
from annotator.store.engine import sqlite_file
from tests import stored
from tests.conftest import fill, postgres_database, small_disk
from tests.gui.conftest import press

DOC_A = "000_5a91e5e761b01553"
Opener = Callable[[Project, str], AnnotationWindow]


def test_a_full_disk_says_not_saved_and_the_view_matches_the_database(
    window_on: Opener, tmp_path: Path, qtbot: QtBot
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        project = projects.create(str(disk / "p.sqlite"), seeds=True)
        try:
            w = window_on(project, "a")
            filler = fill(disk)
            press(w.tokens, Qt.Key.Key_2)
            assert w.status_saved.text() == "not saved"
            assert "not saved: tag ORGANISATION: the disk is full" in w.statusBar().currentMessage()
            assert stored.entities(project, "a") == []
            assert w.current is not None and w.current.entities == ()
            assert w.panels.entities.rowCount() == 0
            assert len(w.history) == 0  # the undo history holds only committed edits
            assert w.runner.box is None  # one failure: a status line
            press(w.tokens, Qt.Key.Key_2)
            assert w.runner.box is not None and w.runner.box.isVisible()  # it persists: a dialog too
            assert "the disk is full" in w.runner.box.text()
            w.filter.setFocus()  # somewhere else, as a click may leave it
            w.runner.box.close()
            qtbot.waitUntil(
                lambda: QApplication.focusWidget() is w.tokens
            )  # the keys are back on the sentence
            filler.unlink()
            press(w.tokens, Qt.Key.Key_2)
            assert stored.entities(project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
            assert w.status_saved.text().startswith("saved")
            assert w.statusBar().currentMessage() == "saved: the project takes edits again"
            assert "not saved: tag ORGANISATION" in log_file().read_text(encoding="utf-8")
        finally:
            project.close()


def _pg_project() -> Iterator[tuple[Project, str]]:
    with postgres_database() as url:
        project = projects.create(url, seeds=True)
        try:
            yield project, url
        finally:
            project.close()


@pytest.fixture
def pg_project() -> Iterator[tuple[Project, str]]:
    """The seed articles in a new PostgreSQL database, and its URL."""
    yield from _pg_project()


def _admin(url: str, *statements: str) -> None:
    """Run statements on the server as the test role, outside the project's own connections."""
    database = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for sql in statements:
                conn.execute(text(sql.format(db=database)))
    finally:
        admin.dispose()


KILL = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
    "WHERE datname = '{db}' AND pid <> pg_backend_pid()"
)


def test_a_connection_the_server_dropped_is_replaced_without_losing_the_edit(
    window_on: Opener, pg_project: tuple[Project, str]
) -> None:
    project, url = pg_project
    w = window_on(project, "a")
    _admin(url, KILL)
    press(w.tokens, Qt.Key.Key_2)
    assert stored.entities(project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    assert w.status_saved.text().startswith("saved")


def test_an_unreachable_server_says_not_saved_and_the_next_edit_goes_in(
    window_on: Opener, pg_project: tuple[Project, str]
) -> None:
    project, url = pg_project
    w = window_on(project, "a")
    _admin(url, "ALTER DATABASE {db} ALLOW_CONNECTIONS false", KILL)
    try:
        press(w.tokens, Qt.Key.Key_2)
        message = w.statusBar().currentMessage()
        assert w.status_saved.text() == "not saved"
        assert message.startswith("⚠ not saved: tag ORGANISATION: the project cannot be used just now")
        assert "cannot be read either" in message and "may be out of date" in message
        assert len(w.history) == 0
    finally:
        _admin(url, "ALTER DATABASE {db} ALLOW_CONNECTIONS true")
    press(w.tokens, Qt.Key.Key_2)
    assert stored.entities(project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    assert w.status_saved.text().startswith("saved")


def _lose_commit_answers(dialect: object, monkeypatch: pytest.MonkeyPatch, *, committed: bool) -> None:
    """The next COMMIT breaks the connection: after the server committed, or before it did."""
    import psycopg

    real_commit = dialect.do_commit  # type: ignore[attr-defined]

    def commit_then_lose_the_answer(dbapi_connection: object) -> None:
        if committed:
            real_commit(dbapi_connection)  # the server has committed ...
        monkeypatch.setattr(dialect, "do_commit", real_commit)
        # ... and the client never hears of it
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(dialect, "do_commit", commit_then_lose_the_answer)


def test_a_commit_whose_answer_is_lost_is_read_back_and_known_saved(
    window_on: Opener, pg_project: tuple[Project, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = pg_project
    w = window_on(project, "a")
    _lose_commit_answers(project.engine.dialect, monkeypatch, committed=True)
    press(w.tokens, Qt.Key.Key_2)
    held = stored.entities(project, "a")
    assert held == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    assert w.current is not None and [(e.token_start, e.token_end, e.label) for e in w.current.entities] == [
        (0, 1, "ORGANISATION")
    ]
    assert w.status_saved.text().startswith("saved")  # read back: the project holds it
    assert "the connection broke while saving “tag ORGANISATION”, but the project holds it" in (
        w.statusBar().currentMessage()
    )
    assert len(w.history) == 1  # so it can be undone like any edit
    _lose_commit_answers(project.engine.dialect, monkeypatch, committed=True)
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the undo's answer is lost too
    assert stored.entities(project, "a") == [] and w.current.entities == ()
    assert len(w.history) == 0 and w.history.next_redo is not None
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored.entities(project, "a") == held


def test_a_commit_that_broke_before_the_server_committed_says_not_saved(
    window_on: Opener, pg_project: tuple[Project, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = pg_project
    w = window_on(project, "a")
    _lose_commit_answers(project.engine.dialect, monkeypatch, committed=False)
    press(w.tokens, Qt.Key.Key_2)
    assert stored.entities(project, "a") == [] and w.current is not None and w.current.entities == ()
    assert w.status_saved.text() == "not saved"
    assert (
        "may or may not be stored; the sentence shows what the project holds"
        in w.statusBar().currentMessage()
    )
    assert len(w.history) == 0
    press(w.tokens, Qt.Key.Key_2)  # the connection is back: the same key stores it
    assert stored.entities(project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]


def test_a_busy_project_waits_with_a_message_and_a_wait_cursor_then_saves(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    path = sqlite_file(w.project.url)
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    seen: list[tuple[str, bool]] = []
    tries = [0]

    def observe_then_release() -> None:
        tries[0] += 1
        if not w.runner._waiting and tries[0] < 400:
            QTimer.singleShot(50, observe_then_release)  # the window is not waiting yet: look again
            return
        cursor = QApplication.overrideCursor()
        waiting = cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
        seen.append((w.statusBar().currentMessage(), waiting))
        other.execute("COMMIT")

    QTimer.singleShot(50, observe_then_release)
    press(w.tokens, Qt.Key.Key_2)
    other.close()
    assert seen and seen[0][0].startswith("waiting for the project: another program has been writing to it")
    assert seen[0][1], "a wait cursor while waiting"
    assert QApplication.overrideCursor() is None
    assert stored.entities(w.project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    assert w.status_saved.text().startswith("saved")


def test_an_undo_that_fails_leaves_the_history_where_it_was(
    open_window: Callable[[str], AnnotationWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window("a")
    press(w.tokens, Qt.Key.Key_2)
    assert len(w.history) == 1

    def broken(self: c.Command, project: Project) -> None:
        raise StoreUnavailable("the database cannot be reached (simulated)")

    monkeypatch.setattr(c.AddEntity, "revert", broken)
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.status_saved.text() == "not saved"
    message = w.statusBar().currentMessage()
    assert "not saved: undo “tag ORGANISATION”: the database cannot be reached" in message
    assert len(w.history) == 1 and stored.entities(w.project, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    monkeypatch.undo()
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored.entities(w.project, "a") == [] and len(w.history) == 0
    assert w.undo_action.isEnabled() is False and w.redo_action.text() == "&Redo tag ORGANISATION"


def test_an_undo_the_store_refuses_is_taken_off_the_history(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    press(w.tokens, Qt.Key.Key_2)
    press(w.tokens, Qt.Key.Key_Right)
    press(w.tokens, Qt.Key.Key_3)
    assert w.current is not None
    gpe = next(e.id for e in w.current.entities if e.label == "GPE")
    c.DeleteEntity(w.current.id, gpe).apply(w.project)  # another window of the same person deletes it
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "could not undo “tag GPE”: there is no entity" in w.statusBar().currentMessage()
    assert "it is taken off the history" in w.statusBar().currentMessage()
    press(w.tokens, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the edit before it is not blocked
    assert stored.entities(w.project, "a") == []
    assert len(w.history) == 0


@pytest.mark.qt_no_exception_capture
def test_a_defect_in_a_slot_or_a_thread_is_shown_and_logged(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    reporter = FailureReporter()
    reporter.install()
    try:

        def boom() -> None:
            raise RuntimeError("boom in a slot")

        QTimer.singleShot(0, boom)
        said = "something went wrong: RuntimeError: boom in a slot"
        qtbot.waitUntil(lambda: said in w.statusBar().currentMessage())
        assert w.runner.box is None

        def boom_in_a_thread() -> None:
            raise ValueError("boom in a thread")

        thread = threading.Thread(target=boom_in_a_thread)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: "ValueError: boom in a thread" in w.statusBar().currentMessage())
        assert w.runner.box is not None and w.runner.box.isVisible()  # the second one brings a dialog
        logged = log_file().read_text(encoding="utf-8")
        assert "Traceback" in logged and "RuntimeError: boom in a slot" in logged
        assert "ValueError: boom in a thread" in logged
    finally:
        reporter.uninstall()


def test_a_defect_in_a_background_import_is_shown_and_logged(
    open_window: Callable[[str], AnnotationWindow],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from annotator.gui import transfer

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom in an import")

    shown: list[str] = []
    monkeypatch.setattr(transfer, "import_paths", broken)
    monkeypatch.setattr(transfer.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    w = open_window("a")
    source = tmp_path / "a.txt"
    source.write_text("Бір сөйлем.\n", encoding="utf-8")
    w.import_files([str(source)])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith("RuntimeError: boom in an import (details in ")
    assert "Import: RuntimeError: boom in an import" in w.statusBar().currentMessage()
    logged = log_file().read_text(encoding="utf-8")
    assert "unexpected failure in a background job" in logged and "Traceback" in logged
