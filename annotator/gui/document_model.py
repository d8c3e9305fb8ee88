"""The document list's model: every row exists, only the pages shown are read.

A million sentences make ten thousand documents; the list shows a screenful. The model says how
many rows there are (one count), and reads a row's page (:data:`PAGE` documents with the person's
done counts) when the view first asks for one of its rows; it keeps the :data:`KEPT` pages read
last. The filter is a part of the name matched in SQL, so filtering reads no more than showing.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.errors import AnnotatorError
from annotator.core.records import DocumentInfo
from annotator.gui.failures import logger
from annotator.services.document_list import DocumentList

PAGE = 100  # rows read at a time
KEPT = 20  # pages kept; the rest are read again when scrolled back to

Index = QModelIndex | QPersistentModelIndex


def row_text(doc: DocumentInfo) -> str:
    """What a row shows: ``name  (done/total)``."""
    return f"{doc.name}  ({doc.done}/{doc.sentences})"


class DocumentModel(QAbstractListModel):
    """The rows of a :class:`DocumentList` filtered by a part of the name, read a page at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.source: DocumentList | None = None
        self.needle = ""
        self.total = 0
        self._pages: OrderedDict[int, list[DocumentInfo]] = OrderedDict()

    def show(self, source: DocumentList | None, needle: str = "") -> None:
        """Show ``source`` filtered by ``needle`` (read again from the start)."""
        self.beginResetModel()
        self.source, self.needle = source, needle.strip()
        self._pages.clear()
        try:
            self.total = source.count(self.needle) if source is not None else 0
        except AnnotatorError as exc:  # said by the window when it reads the list again
            logger().warning("the document list could not be counted: %s", exc)
            self.total = 0
        self.endResetModel()

    def rowCount(self, parent: Index | None = None) -> int:
        """How many documents match (every row exists; its page is read when shown)."""
        return 0 if parent is not None and parent.isValid() else self.total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A row's text for the display role."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        doc = self.document(index.row())
        return row_text(doc) if doc is not None else None

    def document(self, row: int) -> DocumentInfo | None:
        """The document on ``row`` (its page read when not kept), or None past the end."""
        if not 0 <= row < self.total or self.source is None:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            try:
                page = self.source.page(number * PAGE, PAGE, self.needle)
            except AnnotatorError as exc:
                logger().warning("a page of the document list could not be read: %s", exc)
                return None
            self._pages[number] = page
            while len(self._pages) > KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, document_id: int) -> int | None:
        """The row of a document: found among the pages kept, else with one count."""
        for number, page in self._pages.items():
            for offset, doc in enumerate(page):
                if doc.id == document_id:
                    return number * PAGE + offset
        if self.source is None:
            return None
        try:
            return self.source.row_of(document_id, self.needle)
        except AnnotatorError:
            return None

    def update(self, document_id: int, done: int, sentences: int) -> None:
        """A document's counts changed (a status set): its row shows them, if its page is kept."""
        for number, page in self._pages.items():
            for offset, doc in enumerate(page):
                if doc.id == document_id and (doc.done, doc.sentences) != (done, sentences):
                    page[offset] = DocumentInfo(doc.id, doc.name, sentences, done)
                    index = self.index(number * PAGE + offset)
                    self.dataChanged.emit(index, index)
                    return
