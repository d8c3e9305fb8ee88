"""Import and export from the window: in the background, with a progress dialog and Cancel.

An import is all or nothing; files dropped on the window are imported the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.formats.registry import READERS
from annotator.gui import mixed_script
from annotator.gui.dialogs import ExportDialog
from annotator.gui.language import translate
from annotator.gui.workers import Worker, run_with_progress
from annotator.services import people
from annotator.services.annotation_session import AnnotationSession
from annotator.services.exporting import ExportOptions, ExportSummary, default_destination, export_layer
from annotator.services.importing import ImportOptions, import_paths

if TYPE_CHECKING:
    from annotator.gui.main_window import AnnotationWindow


def import_filter() -> str:
    """The import dialog's file filter: every ending a reader claims, then each format's, then all files."""

    def entry(title: str, suffixes: Iterable[str]) -> str:
        return f"{title} ({' '.join('*' + suffix for suffix in suffixes)})"

    every = [suffix for spec in READERS.values() for suffix in spec.suffixes]
    kinds = [entry(translate("Transfer", "All supported"), every)]
    kinds += [entry(spec.title, spec.suffixes) for spec in READERS.values()]
    return ";;".join([*kinds, translate("Transfer", "All (*)")])


class Transfer:
    """File → Import and File → Export of an annotation window, composed into it."""

    def __init__(self, window: AnnotationWindow, session: AnnotationSession):
        self.window = window
        self.session = session
        self.project = session.project
        self.workers: list[Worker] = []
        self.mixed_report: QMessageBox | None = None  # the last import's list of mixed-script words

    def say(self, message: str, error: bool = False) -> None:
        """A line in the window's status bar."""
        self.window.say(message, error)

    def import_files(self, paths: list[str] | None = None) -> None:
        """Import files in the background with a progress dialog; all or nothing."""
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                self.window, translate("Transfer", "Import"), "", import_filter()
            )
        if not paths:
            return
        options = ImportOptions(
            annotator=self.session.person.name, fix_homoglyphs=mixed_script.fix_on_import(self.window)
        )
        worker = run_with_progress(
            self.window,
            translate("Transfer", "Importing…"),
            lambda progress: import_paths(self.project, paths, options, progress),
            self._imported,
            lambda m: self._failed(translate("Transfer", "Import"), m),
        )
        self.workers.append(worker)

    def _imported(self, summary: object) -> None:
        self.window.reload_documents()
        self.window.runner.upkeep.index_search()  # the new sentences, for the search
        if self.session.view is None:
            first = self.session.navigator.first()
            if first is not None:
                self.window.go_to(first)
        self.say(summary.describe())  # type: ignore[attr-defined]
        self.mixed_report = mixed_script.report(self.window, summary)  # type: ignore[arg-type]

    def _failed(self, what: str, message: str) -> None:
        self.say(f"{what}: {message}", error=True)
        QMessageBox.warning(self.window, what, message)

    def export_files(self) -> None:
        """Export a layer in the background with a progress dialog."""
        layers = people.layer_names(self.project)
        dialog = ExportDialog(
            self.window,
            layers,
            self.session.person.name,
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
            self.window,
            translate("Transfer", "Exporting…"),
            lambda progress: export_layer(self.project, options, progress),
            lambda summary: self.say(exported(summary)),
            lambda m: self._failed(translate("Transfer", "Export"), m),
        )
        self.workers.append(worker)

    def accepts(self, event: QDragEnterEvent) -> None:
        """Accept files dragged over the window."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropped(self, event: QDropEvent) -> None:
        """Import files dropped on the window."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_files(paths)

    def stop(self) -> None:
        """Cancel what still runs in the background, and wait for it (the window closes)."""
        for worker in self.workers:
            worker.cancelled = True
            worker.wait(10_000)


def exported(summary: ExportSummary) -> str:
    """The line after an export, in the interface language: ``summary.describe()`` in English."""
    n, d = summary.sentences, summary.documents
    sentences = translate("Transfer", "{n} sentence") if n == 1 else translate("Transfer", "{n} sentences")
    documents = translate("Transfer", "{n} document") if d == 1 else translate("Transfer", "{n} documents")
    line = translate("Transfer", "wrote {sentences} of {documents} ({layer}) to {destination}").format(
        sentences=sentences.format(n=n),
        documents=documents.format(n=d),
        layer=summary.layer,
        destination=summary.destination,
    )
    if summary.events_file:
        line += translate("Transfer", ", event triggers to {path}").format(path=summary.events_file)
    return line
