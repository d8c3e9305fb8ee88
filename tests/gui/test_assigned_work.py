"""The annotation window of an assigned project, driven by real key events, then the database read.

An annotator with two of four documents sees two in the list and PgDown never leaves them; one
with nothing assigned is told so in the list and the status bar; in dynamic mode, Return on the
last sentence of the taken document takes the next one from the pool (a new dynamic row), and a
document someone left goes back to the pool when another window asks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from annotator.core.schema import default_schema_path, load_schema
from annotator.gui.main_window import AnnotationWindow
from annotator.services import assignment
from annotator.services.serving import NOTHING_ASSIGNED
from annotator.store import Project, open_project
from tests import stored
from tests.assigned import assignments, four_documents, give, left_alone, person
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(120)
Opener = Callable[[Project, str], AnnotationWindow]


@pytest.fixture
def four(tmp_path: Path) -> Iterator[tuple[Project, dict[str, int]]]:
    """A SQLite project with the documents d1 … d4."""
    schema = load_schema(default_schema_path())
    project, _ = open_project(str(tmp_path / "p.sqlite"), create=True, schema=schema)
    yield project, four_documents(project, tmp_path / "in")
    project.close()


def _rows(window: AnnotationWindow) -> list[str]:
    return window.document_pane.rows()


def test_an_annotator_sees_two_of_four_documents_and_next_never_leaves_them(
    four: tuple[Project, dict[str, int]], window_on: Opener
) -> None:
    project, docs = four
    me, other = person(project, "Айгерім"), person(project, "Болат")
    give(project, [(docs["d2"], me.id), (docs["d4"], me.id), (docs["d1"], other.id)])
    w = window_on(project, "Айгерім")
    assert _rows(w) == ["d2  (0/3)", "d4  (0/3)"]
    assert w.current is not None and w.current.document_name == "d2"
    seen = []
    for _ in range(8):  # six sentences in all: the last presses find no more
        seen.append(w.current.document_name)
        press(w.tokens, Qt.Key.Key_PageDown)
    assert set(seen) == {"d2", "d4"} and seen.count("d4") >= 3
    assert w.statusBar().currentMessage() == "no more sentences in that direction"
    press(w.tokens, Qt.Key.Key_Return)  # the last sentence of d4, done
    assert "corpus 1/6 done" in w.status_progress.text()
    assert stored.statuses(project, "Айгерім") == [("d4", 2, "done", "")]


def test_nothing_assigned_is_said_in_the_list_and_the_status_bar(
    four: tuple[Project, dict[str, int]], window_on: Opener
) -> None:
    project, docs = four
    other = person(project, "Болат")
    give(project, [(docs["d1"], other.id)])
    w = window_on(project, "Айгерім")
    assert _rows(w) == [] and w.current is None
    assert w.document_pane.empty.isVisible() and w.document_pane.empty.text() == NOTHING_ASSIGNED
    assert w.status_progress.text() == NOTHING_ASSIGNED
    press(w.tokens, Qt.Key.Key_Return)  # keys do nothing, and nothing breaks
    press(w.tokens, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert stored.statuses(project, "Айгерім") == []
    give(project, [(docs["d3"], w.annotator.id)])  # a reviewer assigns meanwhile; F5 shows the work
    press(w.tokens, Qt.Key.Key_F5)
    assert _rows(w) == ["d3  (0/2)"] and not w.document_pane.empty.isVisible()
    assert w.current is not None and w.current.document_name == "d3"


def test_return_on_the_last_sentence_takes_the_next_document_from_the_pool(
    four: tuple[Project, dict[str, int]], window_on: Opener
) -> None:
    project, _docs = four
    assignment.set_dynamic(project, True, per_document=2)
    w = window_on(project, "Айгерім")
    assert _rows(w) == ["d1  (0/2)"]  # taken at start
    assert assignments(project) == [("d1", "Айгерім", True)]
    press(w.tokens, Qt.Key.Key_Return, times=2)
    assert w.statusBar().currentMessage() == "next document: d2 (taken from the pool)"
    assert _rows(w) == ["d1  (2/2)", "d2  (0/3)"]
    assert w.current is not None and (w.current.document_name, w.current.ordinal) == ("d2", 0)
    assert w.documents.currentIndex().row() == 1
    assert assignments(project) == [("d1", "Айгерім", True), ("d2", "Айгерім", True)]
    with project.reading() as s:  # d1 is finished: never abandoned
        finished = s.execute(text("SELECT finished_at FROM assignments ORDER BY document_id")).scalars()
        assert [f is not None for f in finished] == [True, False]


def test_a_document_left_goes_back_to_the_pool_when_another_window_asks(
    four: tuple[Project, dict[str, int]], window_on: Opener, tmp_path: Path
) -> None:
    project, docs = four
    assignment.set_dynamic(project, True, per_document=1, abandon_minutes=60)
    first = window_on(project, "Айгерім")
    assert first.current is not None and first.current.document_name == "d1"
    left_alone(project, first.annotator.id, docs["d1"], minutes=61)
    other, _ = open_project(str(tmp_path / "p.sqlite"))
    second = window_on(other, "Болат")
    try:
        assert second.current is not None and second.current.document_name == "d1"
        assert _rows(second) == ["d1  (0/2)"]
        assert assignments(project) == [("d1", "Болат", True)]
    finally:
        second.close()
        other.close()
