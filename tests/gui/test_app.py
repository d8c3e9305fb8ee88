"""Starting as a new user: the name dialog, the default project with the seeds, the window title."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.gui import app
from annotator.services import project as projects
from annotator.store import queries
from tests.gui.conftest import answer_dialogs


def test_name_dialog_offers_the_system_user_then_the_last_name(qtbot: QtBot) -> None:
    answer_dialogs("")
    assert app.ask_annotator() == getpass.getuser()
    app.settings().setValue("last_annotator", "Айгерім")
    answer_dialogs("")
    assert app.ask_annotator() == "Айгерім"


def test_run_asks_the_name_opens_the_seeds_and_closes_without_asking(qtbot: QtBot) -> None:
    titles: list[str] = []

    def close_window() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "tokens"))
        titles.append(window.windowTitle())
        window.close()

    def after_name() -> None:
        QTimer.singleShot(300, close_window)

    app.settings().setValue("last_annotator", "")
    answer_dialogs("\b" * 40 + "Daulet")
    QTimer.singleShot(200, after_name)
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
