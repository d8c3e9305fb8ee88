"""The main window: documents with this annotator's progress, and the chosen document's sentences.

This is the corpus viewer of the store issue; the annotation window replaces its right-hand side.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.store import Project, queries


class MainWindow(QMainWindow):
    """Documents on the left (name, done / total), sentences of the selected one on the right."""

    def __init__(self, project: Project, annotator: queries.AnnotatorInfo):
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.setWindowTitle(f"{project.name} — {annotator.name} — annotator")
        self.documents = QListWidget()
        self.sentences = QListWidget()
        self.sentences.setWordWrap(True)
        self.sentences.setFont(QFont(self.font().family(), 13))
        self.heading = QLabel()
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(self.heading)
        layout.addWidget(self.sentences)
        splitter = QSplitter()
        splitter.addWidget(self.documents)
        splitter.addWidget(right)
        splitter.setSizes([260, 740])
        self.setCentralWidget(splitter)
        self.resize(1100, 700)
        self.documents.currentItemChanged.connect(self._show_document)
        self.reload()

    def reload(self) -> None:
        """Refill the document list from the store."""
        with self.project.transaction() as session:
            docs = queries.documents_overview(session, self.annotator.id)
        self.documents.clear()
        for doc in docs:
            item = QListWidgetItem(f"{doc.name}  ({doc.done}/{doc.sentences})")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.documents.addItem(item)
        if docs:
            self.documents.setCurrentRow(0)
        self.statusBar().showMessage(f"{self.annotator.name} · {len(docs)} documents")

    def _show_document(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.sentences.clear()
        if current is None:
            return
        with self.project.transaction() as session:
            rows = queries.document_sentences(session, int(current.data(Qt.ItemDataRole.UserRole)))
        self.heading.setText(f"{current.text()}: {len(rows)} sentences")
        for row in rows:
            item = QListWidgetItem(f"{row.position + 1}. {row.text}")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.sentences.addItem(item)
