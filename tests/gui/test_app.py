"""Starting as a new user: the name dialog, the default project with the seeds, the window title."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui import app
from annotator.services import project as projects
from annotator.store import queries


def test_name_dialog_offers_the_system_user_then_the_last_name(monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def enter_on_the_offered_name(parent: object, title: str, label: str, text: str = "") -> tuple[str, bool]:
        offered.append(text)
        return text, True

    monkeypatch.setattr(app.QInputDialog, "getText", enter_on_the_offered_name)
    assert app.ask_annotator() == getpass.getuser()
    app.settings().setValue("last_annotator", "Айгерім")
    assert app.ask_annotator() == "Айгерім"
    assert offered == [getpass.getuser(), "Айгерім"]


def test_run_asks_the_name_opens_the_seeds_and_closes_without_asking(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles: list[str] = []
    deadline = time.monotonic() + 30

    def close_window() -> None:  # looks for the window until it shows (the test fails after 30 s)
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "tokens")]
        if shown:
            titles.append(shown[0].windowTitle())
            shown[0].close()
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, close_window)
        else:
            QApplication.quit()

    app.settings().setValue("last_annotator", "")
    monkeypatch.setattr(app.QInputDialog, "getText", lambda *a, **k: ("Daulet", True))
    QTimer.singleShot(0, close_window)
    assert app.run(None, None) == 0
    assert titles == ["default — Daulet — annotator"]
    project = projects.open_or_create(None)
    with project.transaction() as s:
        assert queries.find_annotator(s, "Daulet") is not None
        assert queries.count_documents(s) == 2
    project.close()
    assert app.settings().value("last_annotator") == "Daulet"


def test_readme_documents_every_key_of_the_keymap() -> None:
    from annotator.core.keymap import KEYMAP
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key in KEYMAP:
        assert f"| `{key.shown}` | {key.description} |" in readme


def test_readme_documents_every_review_key() -> None:
    from annotator.core.keymap import REVIEW_KEYS
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for keys, text in REVIEW_KEYS:
        assert f"| `{keys}` | {text} |" in readme


def test_without_a_display_the_window_says_so_in_one_line_and_exits_one(tmp_path: Path) -> None:
    from annotator.gui.app import NO_DISPLAY, display_problem

    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"DISPLAY": ":0"}, "linux", lambda address: True) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda address: True) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    db = str(tmp_path / "p.sqlite")
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", db, "gui", "--annotator", "a"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, f"annotator: {NO_DISPLAY}\n")


def test_a_display_nobody_answers_at_is_one_line_and_exit_one_not_qts_abort(tmp_path: Path) -> None:
    from annotator.gui.display import display_problem

    tried: list[object] = []
    assert display_problem({"DISPLAY": "localhost:10.0"}, "linux", lambda a: tried.append(a) is None) is None
    assert tried == [(socket.AF_INET, ("localhost", 6010))]  # ssh -X's display, over TCP
    free = next(n for n in range(187, 300) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"HOME": str(tmp_path), "DISPLAY": f":{free}"}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.sqlite"), "gui", "--annotator", "a"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"annotator: no display answers at DISPLAY=:{free} (/tmp/.X11-unix/X{free}): start it in a desktop"
        " session or over ssh -X, or use the command line (annotator --help)\n"
    )
