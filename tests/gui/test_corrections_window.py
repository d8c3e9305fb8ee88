"""Corrections in the real window, by real keys: split and merge tokens and sentences with another
person's spans in the sentence, undo and redo by keys, the blocked split's message, and refusal
for an annotator who is not alone on the document. Each test reads what the database holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.schema import default_schema_path, load_schema
from annotator.gui.correcting import SplitTokenDialog
from annotator.gui.main_window import AnnotationWindow
from annotator.services import commands as c
from annotator.services.annotate import Navigator, load_sentence
from annotator.services.importing import import_paths
from annotator.store import Project, open_project, queries
from tests.conftest import dump
from tests.gui.conftest import press

pytestmark = pytest.mark.timeout(120)

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "Қазақстан Республикасы Астанада, жиналыс өтті. Президент сөз сөйледі.\nЖиналысқа адам келді.\n"
# tokens: 0 Қазақстан 1 Республикасы 2 Астанада 3 , 4 жиналыс 5 өтті 6 . 7 Президент 8 сөз 9 сөйледі 10 .


@pytest.fixture
def news(tmp_path: Path) -> Iterator[Project]:
    """Two sentences: aida tagged 'Қазақстан Республикасы' (GPE) and 'Президент' (PERSON), bob
    'Астанада' (GPE); boss is a reviewer."""
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    project, _ = open_project(
        str(tmp_path / "p.sqlite"), create=True, schema=load_schema(default_schema_path())
    )
    import_paths(project, [path])
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
        bob = queries.ensure_annotator(s, "bob").id
        queries.add_annotator(s, "boss", "reviewer")
    first = Navigator(project).first()
    assert first is not None
    project.act_as(aida)
    c.AddEntity(first, aida, 0, 2, "GPE").apply(project)
    c.AddEntity(first, aida, 7, 8, "PERSON").apply(project)
    project.act_as(bob)
    c.AddEntity(first, bob, 2, 3, "GPE").apply(project)
    yield project
    project.close()


def entities(project: Project, name: str, ordinal: int = 0) -> list[tuple[str, str]]:
    """``(text, label)`` of a person's entities in the document's ``ordinal``-th sentence, as stored."""
    nav = Navigator(project)
    sid = nav.sentences(nav.documents[0])[ordinal]
    with project.reading() as s:
        person = queries.find_annotator(s, name)
    assert person is not None
    view = load_sentence(project, sid, person.id)
    return [(view.token_text(e.token_start, e.token_end), e.label) for e in view.entities]


def sentence_texts(project: Project) -> list[str]:
    nav = Navigator(project)
    with project.reading() as s:
        return [queries.sentence_text(s, sid) for sid in nav.sentences(nav.documents[0])]


def answer_split(keys: list[Qt.Key]) -> list[str]:
    """When the split dialog opens: press ``keys`` in it, then Return; returns what it previewed."""
    seen: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        active = QApplication.activeWindow() is dialog and QApplication.focusWidget() is not None
        if not isinstance(dialog, SplitTokenDialog) or not dialog.isVisible() or not active:
            QTimer.singleShot(10, step)
            return
        seen.append(dialog.preview.text())
        for key in keys:
            QTest.keyClick(dialog.field, key)
        seen.append(dialog.preview.text())
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)

    QTimer.singleShot(0, step)
    return seen


def test_reviewer_splits_a_token_by_keys_and_undoes_and_redoes_it(
    news: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    w = window_on(news, "boss")
    before = dump(news)
    press(w.tokens, Qt.Key.Key_Right, times=2)  # Астанада
    seen = answer_split([Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Left])
    press(w.tokens, Qt.Key.Key_T, CTRL_ALT)
    assert seen == ["А | станада", "Астана | да"]
    assert entities(news, "bob") == [("Астанада", "GPE")]  # the span covers both parts
    assert entities(news, "aida") == [("Қазақстан Республикасы", "GPE"), ("Президент", "PERSON")]
    assert w.current is not None and w.current.token_text(2, 3) == "Астана"
    assert w.undo_action.text() == "&Undo split token"
    after = dump(news)
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert dump(news) == before
    press(w.tokens, Qt.Key.Key_Z, CTRL | SHIFT)
    assert dump(news) == after


def test_reviewer_merges_tokens_and_splits_and_joins_sentences_by_keys(
    news: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    w = window_on(news, "boss")
    original = dump(news)
    press(w.tokens, Qt.Key.Key_Right, times=2)
    press(w.tokens, Qt.Key.Key_M, CTRL_ALT)  # Астанада + ,
    assert entities(news, "bob") == [("Астанада,", "GPE")]
    press(w.tokens, Qt.Key.Key_Right, times=4)  # Президент, now token 6
    press(w.tokens, Qt.Key.Key_S, CTRL_ALT)
    assert sentence_texts(news) == [
        "Қазақстан Республикасы Астанада, жиналыс өтті.",
        "Президент сөз сөйледі.",
        "Жиналысқа адам келді.",
    ]
    assert entities(news, "aida", 1) == [("Президент", "PERSON")]
    assert w.current is not None and w.current.count == 3
    assert w.next.text() == "Президент сөз сөйледі."  # the new sentence is the next one shown
    press(w.tokens, Qt.Key.Key_PageDown)
    press(w.tokens, Qt.Key.Key_J, CTRL_ALT)  # join "Президент …" with the last sentence
    assert len(sentence_texts(news)) == 2
    assert entities(news, "aida", 1) == [("Президент", "PERSON")]
    for _ in range(3):
        press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert dump(news) == original


def test_a_span_across_the_cut_blocks_the_split_with_whose_it_is(
    news: Project, window_on: Callable[[Project, str], AnnotationWindow]
) -> None:
    w = window_on(news, "boss")
    before = dump(news)
    press(w.tokens, Qt.Key.Key_Right)  # Республикасы: aida's GPE begins before it
    press(w.tokens, Qt.Key.Key_S, CTRL_ALT)
    message = w.statusBar().currentMessage()
    assert "cannot split: aida's entity 'Қазақстан Республикасы' (GPE) crosses the cut" in message
    assert dump(news) == before


def test_an_annotator_not_alone_on_the_document_is_refused(
    news: Project, window_on: Callable[[Project, str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = window_on(news, "aida")
    before = dump(news)
    press(w.tokens, Qt.Key.Key_M, CTRL_ALT)
    message = w.statusBar().currentMessage()
    assert "only a reviewer may correct this document: bob annotated it too" in message
    assert dump(news) == before
