"""The annotation window's two reading panes: the document list and the sentence with its neighbours."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.keymap import key_of
from annotator.core.records import DocumentInfo
from annotator.core.schema import Schema
from annotator.core.suggestions import STANCE, Suggestion
from annotator.gui.language import translate, word
from annotator.gui.status import plain_label
from annotator.gui.token_view import TokenView
from annotator.services.annotation_session import Screen


class DocumentPane(QWidget):
    """Every document with the annotator's progress (an annotator's: those assigned to them),
    filtered by typing; a click opens one. With no document, a line says why (``empty``)."""

    opened = Signal(int)  # a document id

    def __init__(self) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("Panes", "filter documents"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = plain_label()  # why the list is empty (nothing assigned yet)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #607d8b; font-style: italic;")
        self.empty.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.empty)
        lay.addWidget(self.list)
        self.ids: list[int] = []
        self.filter.textChanged.connect(self._filter)
        self.list.itemClicked.connect(self._clicked)

    def show_documents(self, docs: list[DocumentInfo], current: int | None, empty: str = "") -> None:
        """Fill the list (row by row: items are made by Qt, see dialogs.Chooser) and mark ``current``;
        ``empty``: the line shown instead when there is no document."""
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty) and not docs)
        self.list.clear()
        self.ids = [doc.id for doc in docs]
        self.list.addItems([f"{doc.name}  ({doc.done}/{doc.sentences})" for doc in docs])
        self._filter(self.filter.text())
        self.mark(current)

    def mark(self, document_id: int | None) -> None:
        """Select the row of a document (the one shown)."""
        if document_id is not None and document_id in self.ids:
            self.list.setCurrentRow(self.ids.index(document_id))

    def show_progress(self, screen: Screen) -> None:
        """The shown document's row gets its new done count."""
        item = self.list.currentItem()
        if item is not None:
            p = screen.progress
            item.setText(f"{screen.view.document_name}  ({p.document_done}/{p.document_total})")

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(needle not in item.text().casefold())

    def _clicked(self, item: QListWidgetItem) -> None:
        self.opened.emit(self.ids[self.list.row(item)])


def suggested_line(suggestions: tuple[Suggestion, ...]) -> str:
    """``3 suggestions (Tab, Y, N) · stance toward Үкімет: favor 0.71``; empty when there is none."""
    if not suggestions:
        return ""
    toward = translate("Panes", "stance toward {target}: {label} {score}")
    stances = [
        toward.format(target=x.target, label=word(x.label), score=f"{x.score:.2f}")
        for x in suggestions
        if x.kind == STANCE
    ]
    n = len(suggestions)
    keys = ", ".join(
        f"{key_of(action)} {what}"
        for action, what in (
            ("next_suggestion", translate("Panes", "goes through them")),
            ("accept_suggestion", translate("Panes", "accepts")),
            ("reject_suggestion", translate("Panes", "rejects")),
            ("accept_all", translate("Panes", "takes all")),
        )
    )
    head = (
        translate("Panes", "1 suggestion ({keys})")
        if n == 1
        else translate("Panes", "{n} suggestions ({keys})")
    )
    head = head.format(n=n, keys=keys)
    return " · ".join([head, *stances])


class SentencePane(QScrollArea):
    """The heading, the previous sentence, the sentence's tokens, its comment and the next sentence.

    A long sentence scrolls instead of overlapping its neighbours.
    """

    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self.previous = plain_label()
        self.next = plain_label()
        for label in (self.previous, self.next):
            label.setWordWrap(True)
            label.setStyleSheet("color: #9e9e9e; font-size: 13pt;")
        self.heading = plain_label()
        self.heading.setStyleSheet("color: #37474f; font-weight: bold;")
        self.tokens = TokenView(schema)
        self.comment = plain_label()
        self.comment.setStyleSheet("color: #e65100;")
        self.suggested = plain_label()  # what is suggested, in words (stance has no tokens to draw on)
        self.suggested.setWordWrap(True)
        self.suggested.setStyleSheet("color: #607d8b; font-style: italic;")
        content = QWidget()
        mid = QVBoxLayout(content)
        for w in (self.heading, self.previous, self.tokens, self.suggested, self.comment, self.next):
            mid.addWidget(w)
        mid.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(content)

    def show_screen(self, screen: Screen) -> None:
        """Show the screen's sentence and its neighbours (unchanged text is not laid out again)."""
        view = screen.view
        self.tokens.show_sentence(view, screen.keep_cursor)
        if not screen.keep_cursor:
            self.verticalScrollBar().setValue(0)
        where = translate("Panes", "{document} · sentence {number} of {count} · {status}")
        self.heading.setText(
            where.format(
                document=view.document_name,
                number=view.ordinal + 1,
                count=view.count,
                status=word(view.status),
            )
        )
        comment = translate("Panes", "comment: {comment}")
        self.comment.setText(comment.format(comment=view.comment) if view.comment else "")
        self.suggested.setText(suggested_line(screen.suggestions))
        self.previous.setText(screen.previous)  # after a move, or a correction that split or merged
        self.next.setText(screen.next)
