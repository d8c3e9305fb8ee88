"""Mixed-script words in the window: marked with a wavy red line under the token and a tooltip,
fixed by a key (one undoable command through the session), and fixed at import when the File
menu's option says so (remembered in the settings).

Every string the window shows about them is here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotator.core.keymap import keys_of
from annotator.core.model import ImportSummary
from annotator.core.scripts import MESSAGE, MixedWord, mixed_words, script_of
from annotator.core.views import SentenceView
from annotator.gui.language import QT_TRANSLATE_NOOP, shown, translate
from annotator.services.commands.text import token_fix

if TYPE_CHECKING:
    from annotator.gui.main_window import AnnotationWindow
    from annotator.gui.token_view import TokenView

TOOLTIP = QT_TRANSLATE_NOOP("MixedScript", "mixed Latin and Cyrillic letters: {word} → {fixed}")
TOOLTIP_UNFIXABLE = QT_TRANSLATE_NOOP(
    "MixedScript", "mixed Latin and Cyrillic letters: {word} (a letter with no look-alike: not fixable)"
)
NOT_MIXED = QT_TRANSLATE_NOOP(
    "MixedScript", "the token under the cursor does not mix Latin and Cyrillic letters"
)
NOT_FIXABLE = QT_TRANSLATE_NOOP(
    "MixedScript", "{word} cannot be fixed: a letter has no look-alike in the other script"
)
FIX_ACTION = QT_TRANSLATE_NOOP("MixedScript", "Fix &mixed Latin/Cyrillic letters of the token")
IMPORT_OPTION = QT_TRANSLATE_NOOP("MixedScript", "Fix mixed Latin/Cyrillic letters when importing")
IMPORT_TITLE = QT_TRANSLATE_NOOP("MixedScript", "Import: mixed Latin and Cyrillic letters")
SETTING = "import/fix_homoglyphs"
MARK_COLOR = QColor("#d50000")


def _t(text: str) -> str:
    """``text`` (one of the strings above) in the window's language."""
    return translate("MixedScript", text)


def marks(view: SentenceView) -> dict[int, list[MixedWord]]:
    """The tokens of ``view`` holding mixed-script words, by token index."""
    text = view.text
    if text.isascii():
        return {}
    out: dict[int, list[MixedWord]] = {}
    for i, (a, b) in enumerate(view.tokens):
        words = list(mixed_words(text[a:b]))
        if words:
            out[i] = words
    return out


def tooltip(words: list[MixedWord]) -> str:
    """The tooltip of a marked token: each word, what the key makes of it, and which letters
    change (they look the same, so their scripts and code points are named)."""
    lines = []
    for w in words:
        if w.fixed is None:
            lines.append(_t(TOOLTIP_UNFIXABLE).format(word=w.word))
            continue
        lines.append(_t(TOOLTIP).format(word=w.word, fixed=w.fixed))
        changed = dict.fromkeys((a, b) for a, b in zip(w.word, w.fixed, strict=True) if a != b)
        lines += [f"    {_letter(a)} → {_letter(b)}" for a, b in changed]
    return "\n".join(lines)


SCRIPT_NAMES = (QT_TRANSLATE_NOOP("MixedScript", "Latin"), QT_TRANSLATE_NOOP("MixedScript", "Cyrillic"))


def _letter(ch: str) -> str:
    """``Latin a (U+0061)``, the script's name in the window's language."""
    script = script_of(ch)
    return f"{_t(script) if script else ''} {ch} (U+{ord(ch):04X})".lstrip()


def paint_marks(view: TokenView, painter: QPainter) -> None:
    """A wavy red line under every token that mixes scripts (as spelling checkers mark words)."""
    painter.setPen(QPen(MARK_COLOR, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for i in view.mixed:
        if i >= len(view.boxes):
            continue
        rect = view.boxes[i].rect
        y, x, step = rect.bottom() - 4, rect.left() + 3, 3.0
        path = QPainterPath(QPointF(x, y))
        up = True
        while x < rect.right() - 3:
            x += step
            path.lineTo(QPointF(x, y - 2 if up else y))
            up = not up
        painter.drawPath(path)


def fix_current(window: AnnotationWindow) -> None:
    """Fix the mixed-script words of the token under the cursor, as one undoable edit."""
    view = window.session.view
    if view is None:
        return
    a, b = view.tokens[window.tokens.caret]
    command, words = token_fix(view.id, view.document_id, view.text, a, b)
    if command is None:
        window.say(_t(NOT_FIXABLE).format(word=words[0].word) if words else _t(NOT_MIXED), error=bool(words))
        return
    window.runner.execute(command)


def fix_on_import(window: AnnotationWindow) -> bool:
    """Whether the window's imports fix mixed-script words (the File menu's remembered option)."""
    return str(window.settings.value(SETTING, "false")) == "true"


def add_actions(
    window: AnnotationWindow, add: Callable[..., QAction], file_menu: QMenu, edit_menu: QMenu
) -> None:
    """The fixing key in the Edit menu, and the import option (a remembered check box) in File."""
    edit_menu.addAction(add("fix_script", _t(FIX_ACTION), lambda: fix_current(window), keys_of("fix_script")))
    option = QAction(_t(IMPORT_OPTION), window)
    option.setCheckable(True)
    option.setChecked(fix_on_import(window))
    option.toggled.connect(lambda on: window.settings.setValue(SETTING, "true" if on else "false"))
    window.named_actions["fix_on_import"] = option
    file_menu.insertAction(file_menu.actions()[2], option)  # after Import and Export


def report(parent: QWidget, summary: ImportSummary) -> QMessageBox | None:
    """After an import that met mixed-script words: a window listing them (not modal), or None."""
    if not summary.mixed_words:
        return None
    lines = summary.mixed_report()
    said = shown(summary.describe())
    box = QMessageBox(QMessageBox.Icon.Information, _t(IMPORT_TITLE), said, parent=parent)
    box.setDetailedText("\n".join(lines))
    box.setInformativeText(lines[0].replace(f": {MESSAGE}", f"\n{MESSAGE}", 1))
    box.setModal(False)
    box.show()
    return box
