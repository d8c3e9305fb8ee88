"""kill -9 in the middle of annotating: what the window showed as saved survives, and so does the position."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.store import open_project, queries
from tests import stored
from tests.conftest import REPO
from tests.safety.conftest import integrity

pytestmark = pytest.mark.slow  # make quick leaves these out; make test runs them

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from annotator.gui.main_window import AnnotationWindow
    from annotator.services import project as projects
    from annotator.store import queries

    app = QApplication([])
    project = projects.open_or_create(sys.argv[1])
    projects.load_seeds(project)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
    w = AnnotationWindow(project, me, QSettings(sys.argv[2], QSettings.Format.IniFormat))
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w, 5000)
    w.tokens.setFocus()
    QTest.keyClick(w.tokens, Qt.Key.Key_5)
    QTest.keyClick(w.tokens, Qt.Key.Key_Return)
    QTest.keyClick(w.tokens, Qt.Key.Key_Right)
    QTest.keyClick(w.tokens, Qt.Key.Key_3)
    QTest.keyClick(w.tokens, Qt.Key.Key_PageDown)
    for _ in range(200):  # the keys rest: where the annotator is gets stored
        if w.session.pending_position is None:
            break
        QTest.qWait(50)
    print("SAVED", w.status_saved.text(), w.current.ordinal, flush=True)
    time.sleep(60)
    """
)


def test_kill_9_loses_nothing_shown_as_saved(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(tmp_path / "child.ini")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("SAVED saved"), line
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    project, _ = open_project(db)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
    w = AnnotationWindow(project, me, QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert stored.entities(w.project, "a") == [
        ("000_5a91e5e761b01553", 0, 0, 1, "DATE"),
        ("000_5a91e5e761b01553", 1, 1, 2, "GPE"),
    ]
    assert stored.statuses(w.project) == [("000_5a91e5e761b01553", 0, "done", "")]
    assert w.current is not None and w.current.ordinal == 2
    assert integrity(db) == "ok"
    project.close()
