"""The whole article under the sentence (V): read-only, the shown sentence highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


class ArticlePane(QPlainTextEdit):
    """The document's text, hidden until asked for; it never takes the keyboard from the sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def show_article(self, text: str | None, sentence: tuple[int, int]) -> None:
        """Show ``text`` (None: keep the text shown) with the character range ``sentence`` marked."""
        if text is not None:
            self.setPlainText(text)
        start, end = sentence
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, self.document().characterCount() - 1))
        cursor.setPosition(min(end, self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(Qt.GlobalColor.yellow)
        self.setExtraSelections([selection])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
