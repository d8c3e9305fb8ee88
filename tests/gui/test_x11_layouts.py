"""The real application on a real X server (Xvfb), with the keyboard layouts Kazakh annotators use:
keys pressed by position through XTEST must label, make triggers, undo and skip, alone and combined."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from annotator.services import project as projects
from annotator.store import open_project
from tests import stored
from tests.gui.x11 import Keyboard, focused_name, missing_tools, until, virtual_screen, xdotool

pytestmark = pytest.mark.slow


@pytest.mark.timeout(180)
@pytest.mark.parametrize("layout", ["us", "kz", "ru", "kz,us", "ru,kz,us"])
def test_keys_work_by_position_on_every_layout(layout: str, tmp_path: Path) -> None:
    if missing_tools():
        pytest.skip(f"needs {', '.join(missing_tools())} (scripts/setup.sh installs them as root)")
    db = tmp_path / "p.sqlite"
    projects.create(str(db), seeds=True).close()
    project, _ = open_project(db)  # read alongside the application, as a second window would
    with closing(project), virtual_screen(layout) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator", "gui", "--db", str(db), "--annotator", "a"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        keys = Keyboard(display)
        try:
            window = xdotool(
                display, "search", "--sync", "--onlyvisible", "--name", "— a — annotator", timeout=60
            )
            assert window, "the window did not appear"
            xdotool(display, "windowfocus", "--sync", window.split()[0])
            until(
                lambda: focused_name(display).endswith("— a — annotator"), "the window to have the keyboard"
            )
            keys.tap("2")  # ORGANISATION, whatever the layout types on that key
            until(lambda: len(stored.entities(project)) == 1, "the 2 key to tag an entity")
            keys.tap("Right")
            keys.tap("1", "Alt", "Shift")  # the 21st label
            until(lambda: len(stored.entities(project)) == 2, "Alt+Shift+1 to tag an entity")
            keys.tap("T")
            until(lambda: focused_name(display).startswith("Event type for"), "T to ask for an event type")
            keys.tap("Return")
            until(lambda: len(stored.events(project)) == 1, "the trigger to be stored")
            until(
                lambda: focused_name(display).endswith("— a — annotator"), "the keyboard back on the sentence"
            )
            keys.tap("Z", "Control")  # undo the trigger
            until(lambda: stored.events(project) == [], "Ctrl+Z to undo the trigger")
            keys.tap("K")  # skip
            until(lambda: len(stored.statuses(project)) == 1, "K to skip the sentence")
            assert [e[-1] for e in stored.entities(project)] == ["ORGANISATION", "DISEASE"]
        finally:
            keys.close()
            app.send_signal(signal.SIGTERM)
            _, errors = app.communicate(timeout=30)
        assert b"Traceback" not in errors, errors.decode(errors="replace")
