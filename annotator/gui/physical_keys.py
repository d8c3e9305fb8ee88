"""Shortcuts by the key's position, for keyboard layouts that type other letters there.

Qt matches a shortcut against what a key types in the layout in use, and falls back to a Latin
layout only when one is configured beside it. With the Kazakh layout alone, the digit keys type
ә і ң ғ ү ұ қ ө һ and the letter keys Cyrillic letters, so no digit labels anything and T makes
no trigger. A key press that reaches a widget has matched no shortcut; this filter then reads
the key's position (the native scan code, or the native virtual key on macOS) as a US keyboard
would, and triggers the action whose shortcut that is. Keys are shown as printed on a US
keyboard, so the palette and Help → Keyboard name the same keys on every layout.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# The main block of a PC keyboard by scan code (set 1; Linux's evdev codes are the same numbers),
# with what a US keyboard prints on each key.
_BY_SCAN_CODE = {
    **{2 + i: d for i, d in enumerate("1234567890")},
    12: "-",
    13: "=",
    **{16 + i: c for i, c in enumerate("QWERTYUIOP")},
    26: "[",
    27: "]",
    **{30 + i: c for i, c in enumerate("ASDFGHJKL")},
    39: ";",
    40: "'",
    41: "`",
    43: "\\",
    **{44 + i: c for i, c in enumerate("ZXCVBNM")},
    51: ",",
    52: ".",
    53: "/",
}
# macOS reports the key's position as a virtual key code (kVK_ANSI_* in Carbon's Events.h).
_BY_MAC_VIRTUAL_KEY = {
    0x00: "A", 0x01: "S", 0x02: "D", 0x03: "F", 0x04: "H", 0x05: "G", 0x06: "Z", 0x07: "X",
    0x08: "C", 0x09: "V", 0x0B: "B", 0x0C: "Q", 0x0D: "W", 0x0E: "E", 0x0F: "R", 0x10: "Y",
    0x11: "T", 0x12: "1", 0x13: "2", 0x14: "3", 0x15: "4", 0x16: "6", 0x17: "5", 0x18: "=",
    0x19: "9", 0x1A: "7", 0x1B: "-", 0x1C: "8", 0x1D: "0", 0x1E: "]", 0x1F: "O", 0x20: "U",
    0x21: "[", 0x22: "I", 0x23: "P", 0x25: "L", 0x26: "J", 0x27: "'", 0x28: "K", 0x29: ";",
    0x2A: "\\", 0x2B: ",", 0x2C: "/", 0x2D: "N", 0x2E: "M", 0x2F: ".", 0x32: "`",
}  # fmt: skip
X11_KEYCODE_OFFSET = 8  # X11 and Wayland (xkb) key codes are the evdev code plus 8
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def us_key(event: QKeyEvent, platform: str = sys.platform) -> Qt.Key | None:
    """The key a US keyboard has where ``event``'s key is, or None when the position is unknown."""
    if platform == "darwin":
        printed = _BY_MAC_VIRTUAL_KEY.get(event.nativeVirtualKey())
    elif platform == "win32":
        printed = _BY_SCAN_CODE.get(event.nativeScanCode())
    else:
        printed = _BY_SCAN_CODE.get(event.nativeScanCode() - X11_KEYCODE_OFFSET)
    return Qt.Key(ord(printed)) if printed else None


def _applies(action: QAction, owner: QWidget, focus: QWidget) -> bool:
    context = action.shortcutContext()
    if context == Qt.ShortcutContext.WidgetShortcut:
        return owner is focus
    return True  # window, widget-with-children (owner is an ancestor of focus) and application


class PhysicalKeys(QObject):
    """Finds a window's shortcuts by key position.

    It watches the window's native window (``windowHandle``), which receives only the key
    presses that Qt's shortcut map let through, and none of the events of other windows.
    """

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.watched: QObject | None = None
        window.installEventFilter(self)  # to hear when the native window exists (first show)
        self._watch()

    def _watch(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and handle is not self.watched:
            handle.installEventFilter(self)
            self.watched = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Trigger the action a key press means by position when its text matched no shortcut."""
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._watch()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if QApplication.activeWindow() is not self.window:
            return False
        focus = QApplication.focusWidget() or self.window
        if focus.window() is not self.window:
            return False
        translated = self.translate(event, focus)
        if translated is None:
            return False
        key, modifiers = translated
        if isinstance(focus, _TEXT_INPUTS):  # the field's own keys first: Ctrl+Z undoes typing
            override = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
            override.ignore()
            QApplication.sendEvent(focus, override)
            if override.isAccepted():
                QApplication.sendEvent(focus, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
                return True
        action = self.action_for(key, modifiers, focus, event.isAutoRepeat())
        if action is None:
            return False
        action.trigger()
        return True

    def translate(self, event: QKeyEvent, focus: QWidget) -> tuple[Qt.Key, Qt.KeyboardModifier] | None:
        """``event``'s key and modifiers as a US keyboard reads its position, or None to leave it be."""
        key = us_key(event)
        if key is None or key == event.key():
            return None  # the layout already types what the key shows, and no shortcut wanted it
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if isinstance(focus, _TEXT_INPUTS) and not modifiers & _COMMAND_MODIFIERS:
            return None  # typing: a Kazakh letter in a text field is text
        return key, modifiers

    def action_for(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier, focus: QWidget, repeat: bool = False
    ) -> QAction | None:
        """The enabled action of this window, reachable from ``focus``, whose shortcut is this key."""
        wanted = QKeySequence(QKeyCombination(modifiers, key))
        widget: QWidget | None = focus
        while widget is not None:
            for action in widget.actions():
                if not action.isEnabled() or (repeat and not action.autoRepeat()):
                    continue
                if wanted in action.shortcuts() and _applies(action, widget, focus):
                    return action
            if widget is self.window:
                break
            widget = widget.parentWidget()
        return None
