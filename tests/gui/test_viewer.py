"""The window opens on the default project and shows the seed documents and their sentences."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from annotator.services import project as projects
from annotator.store import queries


def test_window_lists_seed_documents_with_progress_and_sentences(qtbot: QtBot) -> None:
    project = projects.open_or_create(None)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "Айгерім")
    window = MainWindow(project, me)
    qtbot.addWidget(window)
    window.show()
    assert "Айгерім" in window.windowTitle()
    items = [window.documents.item(i).text() for i in range(window.documents.count())]
    assert items == ["000_5a91e5e761b01553  (0/14)", "002_de800ccdcc165eec  (0/21)"]
    assert window.sentences.count() == 14
    assert window.sentences.item(0).text().startswith("1. Бүгін Нұр-Сұлтан қаласында")
    window.documents.setCurrentRow(1)
    assert window.sentences.count() == 21
    project.close()
