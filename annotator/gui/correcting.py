"""The window's corrections of tokens and sentences, and the small dialog that splits a token.

Each action builds a Qt-free correction command (``services.commands.corrections``) and hands it
to the runner, like every edit: it is one transaction, on the undo history, and a refusal (a span
across the cut, a document others annotated) is one line in the status bar with nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.corrections import split_point
from annotator.core.views import SentenceView
from annotator.gui import dialogs
from annotator.gui.language import translate
from annotator.gui.saving import EditRunner
from annotator.gui.token_view import TokenView
from annotator.services.annotation_session import AnnotationSession
from annotator.services.commands.corrections import MergeSentences, MergeTokens, SplitSentence, SplitToken

_MOVES = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End}


class _CaretField(QLineEdit):
    """The token's text with a caret that only moves: Left/Right/Home/End, Return splits, Esc cancels."""

    wanted = 1  # where the caret starts (a focused field would otherwise select everything)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Take the focus with the caret where it was put, nothing selected."""
        super().focusInEvent(event)
        self.deselect()
        self.setCursorPosition(self.wanted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Only moving keys reach the field; typing never changes the token."""
        if event.key() in _MOVES and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().keyPressEvent(event)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)  # returnPressed: split here
        elif event.key() == Qt.Key.Key_Escape:
            event.ignore()  # the dialog's own key: cancel
        else:
            event.accept()


class SplitTokenDialog(QDialog):
    """Where to split a token: the caret starts at the likeliest place (before glued punctuation)."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(translate("Correcting", "Split token"))
        self.field = _CaretField()
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(translate("Correcting", "Left/Right: where to split · Return: split · Esc: cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.preview)
        layout.addWidget(hint)
        self.field.cursorPositionChanged.connect(self._show)
        self.field.returnPressed.connect(self._take)
        self.value: int | None = None

    def ask(self, word: str) -> None:
        """Show ``word`` with the caret at its likeliest split point."""
        self.value = None
        self.field.setText(word)
        self.field.wanted = split_point(word)
        self.field.setCursorPosition(self.field.wanted)
        self._show()
        self.field.setFocus()

    def _show(self) -> None:
        word, at = self.field.text(), self.field.cursorPosition()
        self.preview.setText(
            f"{word[:at]} | {word[at:]}"
            if 0 < at < len(word)
            else translate("Correcting", "(move inside the token)")
        )

    def _take(self) -> None:
        at = self.field.cursorPosition()
        if 0 < at < len(self.field.text()):
            self.value = at
            self.accept()


def ask_split(parent: QWidget, word: str) -> int | None:
    """Where to split ``word`` (characters before the cut), or None when cancelled."""
    dialog = dialogs.reused(parent, SplitTokenDialog, lambda: SplitTokenDialog(parent))
    dialog.ask(word)
    value: int | None = dialogs.run_modal(dialog)
    return value


class CorrectionActions:
    """Split and merge tokens and sentences at the cursor, composed into the annotation window."""

    def __init__(self, window: QWidget, session: AnnotationSession, runner: EditRunner, tokens: TokenView):
        self.window = window
        self.session = session
        self.runner = runner
        self.tokens = tokens

    def _view(self) -> SentenceView | None:
        view = self.session.view
        if view is None:
            self.runner.say(translate("Correcting", "no sentence to correct"))
        return view

    def split_token(self) -> None:
        """Ask where, then split the token under the cursor there."""
        view = self._view()
        if view is None:
            return
        token = self.tokens.caret
        word = view.token_text(token, token + 1)
        if len(word) < 2:
            self.runner.say(
                translate("Correcting", "'{word}' has one character: nothing to split").format(word=word),
                error=True,
            )
            return
        try:
            at = ask_split(self.window, word)
        finally:
            self.window.activateWindow()
            self.tokens.setFocus()
        if at is not None:
            self.runner.execute(SplitToken(view.id, token=token, at=at))

    def merge_tokens(self) -> None:
        """Merge the token under the cursor with the next one."""
        view = self._view()
        if view is not None:
            self.runner.execute(MergeTokens(view.id, token=self.tokens.caret))

    def split_sentence(self) -> None:
        """Split the sentence before the token under the cursor."""
        view = self._view()
        if view is not None:
            self.runner.execute(SplitSentence(view.id, token=self.tokens.caret))

    def merge_sentences(self) -> None:
        """Join the sentence with the next one of its document."""
        view = self._view()
        if view is not None:
            self.runner.execute(MergeSentences(view.id))
