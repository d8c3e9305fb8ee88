"""Every keyboard path of the annotation window, checked against what the database holds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.keymap import keymap_rows
from annotator.gui.dialogs import KeymapDialog
from annotator.gui.main_window import AnnotationWindow
from tests import stored
from tests.gui.conftest import Answers, answer_dialogs, press

DOC_A = "000_5a91e5e761b01553"
DOC_B = "002_de800ccdcc165eec"
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_new_annotator_starts_on_the_first_sentence_and_first_token(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("new")
    assert w.current is not None
    assert (w.current.document_name, w.current.ordinal) == (DOC_A, 0)
    assert w.tokens.caret == 0 and not w.tokens.has_explicit_selection
    assert "new" in w.windowTitle()


def test_cursor_selection_and_digits_tag_entities(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    t, p = w.tokens, w.project
    press(t, Qt.Key.Key_5)  # Бүгін → DATE (no explicit selection: the token under the cursor)
    press(t, Qt.Key.Key_Right)
    press(t, Qt.Key.Key_3)  # Нұр-Сұлтан → GPE
    press(t, Qt.Key.Key_Right, times=8)
    press(t, Qt.Key.Key_Right, SHIFT)
    press(t, Qt.Key.Key_2)  # Еуродақ өкілдігі → ORGANISATION
    assert stored.entities(p, "a") == [
        (DOC_A, 0, 0, 1, "DATE"),
        (DOC_A, 0, 1, 2, "GPE"),
        (DOC_A, 0, 9, 11, "ORGANISATION"),
    ]
    press(t, Qt.Key.Key_Home)
    press(t, Qt.Key.Key_4)  # on an entity, a digit changes its label
    assert stored.entities(p, "a")[0][-1] == "LOCATION"
    press(t, Qt.Key.Key_End)
    press(t, Qt.Key.Key_Left, SHIFT, times=2)
    assert t.selection() == (24, 27)
    press(t, Qt.Key.Key_Escape)
    assert t.selection() == (24, 25)
    press(t, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # Alt+1 → MONEY (label eleven)
    assert stored.entities(p, "a")[-1] == (DOC_A, 0, 24, 25, "MONEY")
    press(t, Qt.Key.Key_Delete)
    assert len(stored.entities(p, "a")) == 3
    assert w.panels.entities.rowCount() == 3
    assert w.status_saved.text().startswith("saved")


def test_overlap_is_refused_with_a_message_and_nothing_stored(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    press(w.tokens, Qt.Key.Key_Right, SHIFT)
    press(w.tokens, Qt.Key.Key_2)
    press(w.tokens, Qt.Key.Key_Escape)
    press(w.tokens, Qt.Key.Key_Right, SHIFT)  # tokens 1..2 overlap the entity on 0..1
    press(w.tokens, Qt.Key.Key_3)
    assert stored.entities(w.project, "a") == [(DOC_A, 0, 0, 2, "ORGANISATION")]
    assert "overlap" in w.statusBar().currentMessage()


def test_enter_pages_and_next_not_done(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    t = w.tokens
    press(t, Qt.Key.Key_Return)
    assert w.current is not None and w.current.ordinal == 1 and t.caret == 0
    press(t, Qt.Key.Key_PageDown)
    press(t, Qt.Key.Key_PageDown)
    assert w.current.ordinal == 3
    press(t, Qt.Key.Key_PageUp)
    assert w.current.ordinal == 2
    press(t, Qt.Key.Key_Return)  # sentence 2 done → 3
    press(t, Qt.Key.Key_PageUp, times=3)
    assert w.current.ordinal == 0
    press(t, Qt.Key.Key_PageDown, CTRL)  # 0 and 2 are done: the next not done is 1
    assert w.current.ordinal == 1
    press(t, Qt.Key.Key_PageDown, CTRL)
    assert w.current.ordinal == 3
    assert stored.statuses(w.project) == [(DOC_A, 0, "done", ""), (DOC_A, 2, "done", "")]
    assert "corpus 2/35 done" in w.status_progress.text()
    for _ in range(11):
        press(t, Qt.Key.Key_PageDown)
    assert (w.current.document_name, w.current.ordinal) == (DOC_B, 0)


def test_undo_and_redo_every_kind_of_edit(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    t, p = w.tokens, w.project
    press(t, Qt.Key.Key_3)
    press(t, Qt.Key.Key_4)
    press(t, Qt.Key.Key_Delete)
    assert stored.entities(p, "a") == []
    press(t, Qt.Key.Key_Z, CTRL)
    assert stored.entities(p, "a") == [(DOC_A, 0, 0, 1, "LOCATION")]
    press(t, Qt.Key.Key_Z, CTRL)
    assert stored.entities(p, "a") == [(DOC_A, 0, 0, 1, "GPE")]
    press(t, Qt.Key.Key_Z, CTRL)
    assert stored.entities(p, "a") == []
    press(t, Qt.Key.Key_Z, CTRL | SHIFT)
    press(t, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored.entities(p, "a") == [(DOC_A, 0, 0, 1, "LOCATION")]
    press(t, Qt.Key.Key_Return)
    assert w.current is not None and w.current.ordinal == 1
    press(t, Qt.Key.Key_Z, CTRL)  # undoing "done" shows the sentence it changed
    assert w.current.ordinal == 0
    assert stored.statuses(p) == []
    press(t, Qt.Key.Key_Y, CTRL)
    assert stored.statuses(p) == [(DOC_A, 0, "done", "")]


def test_events_arguments_attributes_stance_holder_skip_and_flag(
    open_window: Callable[[str], AnnotationWindow], answers: Answers
) -> None:
    w = open_window("a")
    t, p = w.tokens, w.project
    press(t, Qt.Key.Key_Right)
    press(t, Qt.Key.Key_3)  # Нұр-Сұлтан GPE
    press(t, Qt.Key.Key_Right, times=13)  # жиналып
    answers.give("demonst")
    press(t, Qt.Key.Key_T)
    assert stored.events(p) == [(DOC_A, 0, 14, 15, "Conflict.Demonstrate")]
    answers.give("Нұр", "place")
    press(t, Qt.Key.Key_A)
    assert stored.arguments(p) == [(DOC_A, 0, "Conflict.Demonstrate", "Place", "GPE")]
    answers.give("tense = future")
    press(t, Qt.Key.Key_E)
    assert (DOC_A, 0, "Conflict.Demonstrate", "tense", "future") in stored.attributes(p)
    answers.give("european parliament / eu → against")
    press(t, Qt.Key.Key_S)
    answers.give("authorities of kazakhstan → neutral")
    press(t, Qt.Key.Key_D)
    answers.give("sentence: eu", "Нұр")
    press(t, Qt.Key.Key_H)
    assert stored.stances(p) == [(DOC_A, 0, "eu", "against", "GPE")]
    assert stored.document_stances(p) == [(DOC_A, "kz-authorities", "neutral", None)]
    assert w.panels.stance.item(1, 1).text() == "against"
    assert "Place: Нұр-Сұлтан (GPE)" in w.panels.events.item(0, 3).text()
    press(t, Qt.Key.Key_K)
    answers.give("тексеру керек")
    press(t, Qt.Key.Key_F)
    assert stored.statuses(p) == [(DOC_A, 0, "skipped", ""), (DOC_A, 1, "flagged", "тексеру керек")]
    assert answers.asked == [
        "Event type for “жиналып”",
        "Argument of Conflict.Demonstrate",
        "Role",
        "Attribute of Conflict.Demonstrate",
        "Stance of this sentence",
        f"Stance of document {DOC_A}",
        "Holder of which stance?",
        "Holder (an entity of this sentence)",
        "Flag",
    ]
    # Undo walks back through the flag, the skip, the holder and the stances.
    for _ in range(5):
        press(t, Qt.Key.Key_Z, CTRL)
    assert stored.stances(p) == []
    assert stored.statuses(p) == []
    assert stored.document_stances(p) == []


def test_label_chooser_search_and_keymap(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    """The one test that drives the real dialogs end to end: typed filter, Enter, Esc."""
    w = open_window("a")
    answer_dialogs("diseas")
    press(w.tokens, Qt.Key.Key_L)
    assert stored.entities(w.project, "a") == [(DOC_A, 0, 0, 1, "DISEASE")]
    answer_dialogs("informburo\n")
    press(w.tokens, Qt.Key.Key_F, CTRL)
    assert w.current is not None and (w.current.document_name, w.current.ordinal) == (DOC_B, 1)
    assert w.current.token_text(3, 4) == "informburo.kz"

    seen: list[int] = []

    def read_keymap() -> None:  # looks for the dialog until it opens (never longer than 20 s)
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeymapDialog):
            if len(seen) < 2000:
                seen.append(-1)
                QTimer.singleShot(10, read_keymap)
            return
        seen.append(dialog.table.rowCount())
        assert "printed on a US keyboard" in dialog.note.text()
        dialog.reject()

    QTimer.singleShot(0, read_keymap)
    press(w.tokens, Qt.Key.Key_F1)
    assert seen and seen[-1] == len(keymap_rows()) + len(w.project.schema.labels)  # every key, every label
