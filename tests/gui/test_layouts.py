"""Shortcuts by physical key: the Kazakh layout alone types ә і ң ғ on the digit keys and Cyrillic
letters on the letter keys; every key of the keymap and the palette still works.

Key presses go to the window's native window as the platform delivers them (X11 key codes, the
text the layout types), after Qt's shortcut map found nothing for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui import dialogs
from annotator.gui.main_window import AnnotationWindow
from annotator.gui.physical_keys import _BY_SCAN_CODE, X11_KEYCODE_OFFSET, us_key
from annotator.store import Project
from tests import stored
from tests.conftest import DISAGREEING
from tests.gui.conftest import ReviewOpener

DOC_A = "000_5a91e5e761b01553"
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier

# X11 key codes of some keys, and what the Kazakh (kz) and Russian (ru) layouts type there.
KZ = {
    "1": (10, '"'),
    "2": (11, "ә"),
    "3": (12, "і"),
    "T": (28, "е"),
    "Z": (52, "я"),
    "K": (45, "л"),
    "Right": (114, ""),
}
RU = {"2": (11, "2"), "T": (28, "е"), "K": (45, "л")}


def physical(window: QWidget, code: int, typed: str, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """Press and release the key with X11 key code ``code`` whose layout types ``typed``."""
    key = int(Qt.Key.Key_Right)  # the only key here that types nothing
    if typed:
        key = ord(typed.upper()) if typed.isalpha() else ord(typed)
    QTest.qWaitForWindowActive(window, 2000)
    handle = window.windowHandle()
    assert handle is not None
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(handle, QKeyEvent(kind, key, modifiers, code, 0, 0, typed))


def test_kazakh_digit_keys_tag_entities_and_letter_keys_run_commands(
    open_window: Callable[[str], AnnotationWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window("a")
    p = w.project
    physical(w, *KZ["2"])  # ә on the 2 key: ORGANISATION
    assert stored.entities(p, "a") == [(DOC_A, 0, 0, 1, "ORGANISATION")]
    physical(w, *KZ["Right"])
    physical(w, *KZ["1"])  # " on the 1 key: PERSON
    physical(w, *KZ["Right"])
    physical(w, *KZ["1"], ALT | SHIFT)  # Alt+Shift+1: the 21st label
    assert [e[-1] for e in stored.entities(p, "a")] == [
        "ORGANISATION",
        "PERSON",
        w.project.schema.labels[20].name,
    ]
    physical(w, *KZ["Z"], CTRL)  # Ctrl+я on the Z key: undo
    assert len(stored.entities(p, "a")) == 2
    asked: list[str] = []

    def choose(parent: Any, title: str, options: list[tuple[str, Any]], tips: Any = None) -> Any:
        asked.append(title)
        return "Conflict.Demonstrate"

    monkeypatch.setattr(dialogs, "choose", choose)
    physical(w, *KZ["T"])  # е on the T key: a trigger
    assert asked and asked[0].startswith("Event type for")
    assert stored.events(p) == [(DOC_A, 0, 2, 3, "Conflict.Demonstrate")]
    physical(w, *KZ["K"])  # л on the K key: skip
    assert stored.statuses(p) == [(DOC_A, 0, "skipped", "")]
    assert w.current is not None and w.current.ordinal == 1


def test_russian_layout_digits_match_as_they_are_and_letters_by_position(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    physical(w, *RU["K"])  # л on the K key: skip
    assert w.current is not None and w.current.ordinal == 1
    assert stored.statuses(w.project) == [(DOC_A, 0, "skipped", "")]


def test_kazakh_letters_typed_into_a_text_field_stay_text(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    w.filter.setFocus()
    physical(w, *KZ["2"])
    physical(w, *KZ["3"])
    assert w.filter.text() == "әі"
    assert stored.entities(w.project, "a") == []


def test_ctrl_z_by_position_in_a_text_field_undoes_the_typing_not_an_annotation(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    physical(w, *KZ["2"])
    assert len(stored.entities(w.project, "a")) == 1
    w.filter.setFocus()
    physical(w, *KZ["2"])
    assert w.filter.text() == "ә"
    physical(w, *KZ["Z"], CTRL)  # the field's own undo
    assert w.filter.text() == ""
    assert len(stored.entities(w.project, "a")) == 1


US_TO_X11 = {printed: code + X11_KEYCODE_OFFSET for code, printed in _BY_SCAN_CODE.items()}


def test_every_shortcut_of_the_window_is_found_by_position(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    """Every key of the keymap and the palette that a layout may type otherwise (letters, digits,
    punctuation, with any modifiers), pressed where a US keyboard has it, reaches its action."""
    w = open_window("a")
    physical(w, *KZ["2"])
    physical(w, *KZ["3"])  # a relabel
    physical(w, *KZ["Z"], CTRL)  # now both undo and redo can be done
    assert w.undo_action.isEnabled() and w.redo_action.isEnabled()
    checked = []
    for action in [*w.actions(), *w.tokens.actions()]:
        for sequence in action.shortcuts():
            combination = sequence[0]
            key, modifiers = combination.key(), combination.keyboardModifiers()
            printed = chr(key) if key < 0x80 else ""
            if printed not in US_TO_X11:
                continue  # arrows, PgDown, F5, Return ...: the same keys on every layout
            event = QKeyEvent(QEvent.Type.KeyPress, 0x4D8, modifiers, US_TO_X11[printed], 0, 0, "ә")
            focus = w.tokens
            translated = w.physical_keys.translate(event, focus)
            assert translated == (key, modifiers), sequence.toString()
            assert w.physical_keys.action_for(*translated, focus) is action, sequence.toString()
            checked.append(sequence.toString())
    labels = [lab.shortcut for lab in w.project.schema.labels]
    assert set(labels) <= set(checked)  # the palette: all 25 labels
    assert {"T", "A", "E", "S", "D", "H", "K", "F", "V", "L", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"} <= set(
        checked
    )
    assert {"Ctrl+F", "Ctrl+I", "Ctrl+E", "Ctrl+Q"} <= set(checked)


def test_the_review_window_takes_kazakh_digit_keys(project: Project, review_of: ReviewOpener) -> None:
    w = review_of(project, {name: DISAGREEING[name] for name in ("a", "b")})
    w.list.setFocus()
    for _ in range(3):
        physical(w, *KZ["Right"])
    physical(w, *KZ["2"])  # b's QUANTITY on "53"
    assert stored.entities(project, "gold") == [("ex-0001", 1, 3, 4, "QUANTITY")]


@pytest.mark.parametrize(
    ("platform", "scan", "virtual", "printed"),
    [
        ("linux", 11, 0, "2"),
        ("linux", 28, 0, "T"),
        ("linux", 47, 0, ";"),
        ("win32", 3, 0, "2"),
        ("win32", 20, 0, "T"),
        ("darwin", 0, 0x13, "2"),
        ("darwin", 0, 0x11, "T"),
    ],
)
def test_key_positions_read_as_a_us_keyboard(platform: str, scan: int, virtual: int, printed: str) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, 0x4D8, NONE, scan, virtual, 0, "ә")
    assert us_key(event, platform) == Qt.Key(ord(printed))


def test_unknown_positions_are_left_alone() -> None:
    assert us_key(QKeyEvent(QEvent.Type.KeyPress, 0x4D8, NONE, 0, 0, 0, "ә"), "linux") is None
