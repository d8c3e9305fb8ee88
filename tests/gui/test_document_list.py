"""The document list at corpus scale: rows are read a page at a time as they are shown, the filter
matches names in SQL in any case and script, the document shown is marked and scrolled to without
reading the rows before it, a click opens a row, and a row's counts follow a status set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.services.importing import import_paths
from annotator.store import Project, queries
from tests.conftest import write
from tests.gui.conftest import press, type_text
from tests.traffic import watching

pytestmark = pytest.mark.timeout(120)
DOCUMENTS = 250  # more than two pages of the list (document_model.PAGE rows each)


@pytest.fixture
def many(project: Project, tmp_path: Path) -> Project:
    """A project of 250 one-sentence documents named ``Алматы-0001`` … (CoNLL ``-DOCSTART-``)."""
    text = "".join(f"-DOCSTART- -X- O O\n\nСөйлем O\n{i} O\n\n" for i in range(DOCUMENTS))
    import_paths(project, [write(tmp_path / "Алматы.conll", text)])
    return project


@pytest.fixture
def opened(many: Project, qtbot: QtBot, tmp_path: Path) -> Callable[[int | None], AnnotationWindow]:
    def make(at: int | None = None) -> AnnotationWindow:
        with many.transaction() as s:
            me = queries.ensure_annotator(s, "a")
            if at is not None:  # where the person left off: the first sentence of that document
                doc = [d.id for d in queries.documents_overview(s)][at]
                first = queries.document_sentences(s, doc)[0].id
                queries.set_meta(s, f"position:{me.id}", str(first))
        w = AnnotationWindow(many, me, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        assert QTest.qWaitForWindowActive(w, 5000)
        return w

    return make


def test_the_list_reads_only_the_pages_it_shows(opened: Callable[[int | None], AnnotationWindow]) -> None:
    w = opened(None)
    model = w.document_pane.model
    assert model.rowCount() == DOCUMENTS
    assert 0 in model._pages and 1 not in model._pages, "the rows shown, not the ones scrolled past"
    assert len(model._pages) <= 2  # the view may look at the last row for its scroll bar
    assert model.data(model.index(0)) == "Алматы-0001  (0/1)"


def test_the_document_shown_is_marked_and_scrolled_to_with_a_count(
    opened: Callable[[int | None], AnnotationWindow],
) -> None:
    w = opened(DOCUMENTS - 3)  # left off near the end: on the third page
    model = w.document_pane.model
    assert w.current is not None and w.current.document_name == "Алматы-0248"
    assert w.documents.currentIndex().row() == DOCUMENTS - 3
    assert 0 not in model._pages, "the rows before it were not read"
    rect = w.documents.visualRect(w.documents.currentIndex())
    assert w.documents.viewport().rect().intersects(rect), "scrolled to it"


def test_the_filter_matches_in_sql_in_any_case(opened: Callable[[int | None], AnnotationWindow]) -> None:
    w = opened(None)
    with watching(w.project) as traffic:
        type_text(w.filter, "алматы-01")  # lower case: the names are Алматы-…
    assert w.document_pane.rows() == [f"Алматы-01{n:02d}  (0/1)" for n in range(100)]
    assert any("LIKE" in s for s in traffic.statements), "matched by the database"
    w.filter.clear()
    assert w.document_pane.model.rowCount() == DOCUMENTS


def test_a_click_opens_the_row_and_its_counts_follow_a_status(
    opened: Callable[[int | None], AnnotationWindow],
) -> None:
    w = opened(None)
    view = w.documents
    index = w.document_pane.model.index(4)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert w.current is not None and w.current.document_name == "Алматы-0005"
    assert view.currentIndex().row() == 4
    press(w.tokens, Qt.Key.Key_Return)  # done
    assert w.document_pane.model.data(index) == "Алматы-0005  (1/1)"
