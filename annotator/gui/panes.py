"""The annotation window's two reading panes: the document list and the sentence with its neighbours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.keymap import key_of
from annotator.core.schema import Schema
from annotator.core.suggestions import STANCE, Suggestion
from annotator.gui.document_model import DocumentModel
from annotator.gui.language import number, translate, word
from annotator.gui.status import plain_label
from annotator.gui.token_view import TokenView
from annotator.services.annotation_session import Screen
from annotator.services.document_list import DocumentList


class DocumentPane(QWidget):
    """Every document with the annotator's progress (an annotator's: those assigned to them),
    filtered by typing; a click opens one. With no document, a line says why (``empty``).

    The list is a view over :class:`DocumentModel`: rows are read a page at a time as they are
    shown, and the filter is a part of the name matched in SQL (at a million sentences, ten
    thousand documents: none is read before it scrolls into sight).
    """

    opened = Signal(int)  # a document id

    def __init__(self) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("Panes", "filter documents"))
        self.filter.setClearButtonEnabled(True)
        self.model = DocumentModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # the view asks only for the rows it shows
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
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
        self.current: int | None = None  # the document shown
        self.filter.textChanged.connect(self._filter)
        self.list.clicked.connect(self._clicked)

    def show_documents(self, docs: DocumentList, current: int | None, empty: str = "") -> None:
        """Show the list (its rows are read as they are shown) and mark ``current``; ``empty``: the
        line shown instead when there is no document."""
        self.model.show(docs, self.filter.text())
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty))  # said only when the person has no document at all
        self.mark(current)

    def rows(self) -> list[str]:
        """Every row's text (reads every page: for tests and small lists)."""
        return [str(self.model.data(self.model.index(row))) for row in range(self.model.rowCount())]

    def mark(self, document_id: int | None) -> None:
        """Select the row of a document (the one shown) and scroll to it."""
        self.current = document_id
        row = self.model.row_of(document_id) if document_id is not None else None
        if row is None:
            self.list.clearSelection()
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def show_progress(self, screen: Screen) -> None:
        """The shown document's row gets its new done count."""
        p = screen.progress
        self.model.update(screen.view.document_id, p.document_done, p.document_total)

    def _filter(self, text: str) -> None:
        self.model.show(self.model.source, text)
        self.mark(self.current)

    def _clicked(self, index: QModelIndex) -> None:
        doc = self.model.document(index.row())
        if doc is not None:
            self.opened.emit(doc.id)


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
                number=number(view.ordinal + 1),
                count=number(view.count),
                status=word(view.status),
            )
        )
        comment = translate("Panes", "comment: {comment}")
        self.comment.setText(comment.format(comment=view.comment) if view.comment else "")
        self.suggested.setText(suggested_line(screen.suggestions))
        self.previous.setText(screen.previous)  # after a move, or a correction that split or merged
        self.next.setText(screen.next)
