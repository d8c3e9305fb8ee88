"""Import and export from the window: in the background, with a progress dialog and Cancel.

An import is all or nothing; files dropped on the window are imported the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core.views import SentenceView
from annotator.formats.registry import READERS
from annotator.gui.dialogs import ExportDialog
from annotator.gui.workers import Worker, run_with_progress
from annotator.services import annotate, people
from annotator.services.exporting import ExportOptions, default_destination, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, queries


def import_filter() -> str:
    """The import dialog's file filter: every ending a reader claims, then each format's, then all files."""

    def entry(title: str, suffixes: Iterable[str]) -> str:
        return f"{title} ({' '.join('*' + suffix for suffix in suffixes)})"

    every = [suffix for spec in READERS.values() for suffix in spec.suffixes]
    kinds = [entry("All supported", every)]
    kinds += [entry(spec.title, spec.suffixes) for spec in READERS.values()]
    return ";;".join([*kinds, "All (*)"])


class TransferMixin:
    """File → Import and File → Export of :class:`annotator.gui.main_window.AnnotationWindow`."""

    project: Project
    annotator: queries.AnnotatorInfo
    current: SentenceView | None
    navigator: annotate.Navigator
    workers: list[Worker]

    def say(self, message: str, error: bool = False) -> None:
        """Show a message (the window implements it)."""
        raise NotImplementedError

    def go_to(self, sentence_id: int, keep_cursor: bool = False) -> None:
        """Show a sentence (the window implements it)."""
        raise NotImplementedError

    def reload_documents(self) -> None:
        """Refill the document list (the window implements it)."""
        raise NotImplementedError

    def import_files(self, paths: list[str] | None = None) -> None:
        """Import files in the background with a progress dialog; all or nothing."""
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(cast(QWidget, self), "Import", "", import_filter())
        if not paths:
            return
        options = ImportOptions(annotator=self.annotator.name)
        worker = run_with_progress(
            cast(QWidget, self),
            "Importing…",
            lambda progress: import_paths(self.project, paths, options, progress),
            self._imported,
            lambda m: self._failed("Import", m),
        )
        self.workers.append(worker)

    def _imported(self, summary: object) -> None:
        self.navigator = annotate.Navigator(self.project)
        self.reload_documents()
        if self.current is None:
            first = self.navigator.first()
            if first is not None:
                self.go_to(first)
        self.say(summary.describe())  # type: ignore[attr-defined]

    def _failed(self, what: str, message: str) -> None:
        self.say(f"{what}: {message}", error=True)
        QMessageBox.warning(cast(QWidget, self), what, message)

    def export_files(self) -> None:
        """Export a layer in the background with a progress dialog."""
        layers = people.layer_names(self.project)
        dialog = ExportDialog(
            cast(QWidget, self),
            layers,
            self.annotator.name,
            lambda layer, fmt: default_destination(self.project, layer, fmt),
        )
        try:
            if not dialog.exec():
                return
            layer = dialog.layer.currentText()
            options = ExportOptions(
                fmt=dialog.format.currentText(),
                annotator=None if layer == "gold" else layer,
                gold=layer == "gold",
                status=dialog.status.currentText(),
                scheme=dialog.scheme.currentText(),
                out=dialog.path.text(),
            )
        finally:
            dialog.deleteLater()  # a child of the window: deleted, or every export leaves one behind
        worker = run_with_progress(
            cast(QWidget, self),
            "Exporting…",
            lambda progress: export_layer(self.project, options, progress),
            lambda summary: self.say(summary.describe()),
            lambda m: self._failed("Export", m),
        )
        self.workers.append(worker)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dropped on the window."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_files(paths)
