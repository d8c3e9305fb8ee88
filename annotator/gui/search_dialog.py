"""The corpus search dialog: the first page of hits at once, the next ones on demand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.language import translate

Hit = tuple[int, str, int, str]  # sentence id, document name, ordinal, text
# find(query, after, limit): ``limit`` hits after the sentence ``after`` (None: the first page).
Find = Callable[[str, int | None, int], list[Hit]]
PAGE = 200  # hits asked for at a time


class SearchDialog(QDialog):
    """Search the corpus: type, Enter to search, Enter again (or a double-click) to jump to the hit.

    A full page means there may be more: "More" (or Down on the last hit) asks for the next page.
    """

    def __init__(self, parent: QWidget | None, search: Find):
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Search the corpus"))
        self.search = search
        self.query = QLineEdit()
        self.query.setPlaceholderText(translate("Dialogs", "text to find (any case)"))
        self.hits = QListWidget()
        self.info = QLabel("")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.more = QPushButton(translate("Dialogs", "More"))
        self.more.setAutoDefault(False)
        self.more.setEnabled(False)
        self.more.clicked.connect(self._more)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(row)
        layout.addWidget(self.hits)
        self.query.returnPressed.connect(self._enter)
        self.hits.itemActivated.connect(lambda _i: self._take())
        self.searched = ""
        self.found: list[int] = []
        self.value: int | None = None
        self.resize(720, 460)

    def start(self, search: Find) -> None:
        """Ready for a new question: the last query stays, selected, so typing replaces it."""
        self.search, self.value, self.searched = search, None, ""
        self.query.selectAll()
        self.query.setFocus()

    def _enter(self) -> None:
        if self.query.text() == self.searched and self.hits.count():
            self._take()
            return
        self.searched = self.query.text()
        self.hits.clear()
        self.found = []
        self._add(self.search(self.searched, None, PAGE))
        if self.hits.count():
            self.hits.setCurrentRow(0)

    def _more(self) -> None:
        """The next page after the last hit shown; the selection moves to its first hit."""
        if not self.more.isEnabled() or not self.found:
            return
        shown = len(self.found)
        self._add(self.search(self.searched, self.found[-1], PAGE))
        if len(self.found) > shown:
            self.hits.setCurrentRow(shown)

    def _add(self, results: list[Hit]) -> None:
        self.found += [sid for sid, _, _, _ in results]
        self.hits.addItems([f"{doc} · {position + 1}: {text}" for _, doc, position, text in results])
        full = len(results) >= PAGE
        self.more.setEnabled(full)
        if full:
            shown = translate(
                "Dialogs", "first {count} sentences shown; More (or Down on the last) shows more"
            )
        else:
            shown = translate("Dialogs", "{count} sentence(s); Enter jumps to the selected one")
        self.info.setText(shown.format(count=len(self.found)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down in the query field move through the hits; Down on the last asks for more."""
        if event.key() == Qt.Key.Key_Down and self.hits.currentRow() == self.hits.count() - 1:
            self._more()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.hits.keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def _take(self) -> None:
        row = self.hits.currentRow()
        if 0 <= row < len(self.found):
            self.value = self.found[row]
            self.accept()
