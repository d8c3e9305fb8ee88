"""Small dialogs: a type-to-filter chooser, search (``search_dialog.py``), the keymap, export options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.choices import SCOPES
from annotator.core.keymap import keymap_rows
from annotator.core.schema import EntityLabel
from annotator.core.tags import SCHEMES
from annotator.formats.registry import WRITERS
from annotator.gui.language import QT_TRANSLATE_NOOP, localized, translate
from annotator.gui.search_dialog import Find, SearchDialog
from annotator.services.exporting import ExportOptions

D = TypeVar("D", bound=QDialog)


class _FilterEdit(QLineEdit):
    """A filter field that passes Up/Down to its list, so the keys never leave the field."""

    def __init__(self, target: QListWidget):
        super().__init__()
        self.target = target

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down move through the list below."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.target.keyPressEvent(event)
        else:
            super().keyPressEvent(event)


class Chooser(QDialog):
    """Pick one of many: type to filter, Up/Down to move, Enter to take it, Esc to cancel."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        options: list[tuple[str, Any]],
        tooltips: dict[str, str] | None = None,
    ):
        super().__init__(parent)
        self.list = QListWidget()
        self.filter = _FilterEdit(self.list)
        self.filter.setPlaceholderText(translate("Dialogs", "type to filter"))
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._refill)
        self.filter.returnPressed.connect(self._take)
        self.list.itemActivated.connect(lambda _item: self._take())
        self.resize(380, 420)
        self.ask(title, options, tooltips)

    def ask(self, title: str, options: list[tuple[str, Any]], tooltips: dict[str, str] | None = None) -> None:
        """Set the question and the options (a window asks all its questions with one chooser)."""
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.options = options
        self.tooltips = tooltips or {}
        self.value: Any = None
        self.visible: list[tuple[str, Any]] = []
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self._refill("")
        self.filter.setFocus()

    def _refill(self, text: str) -> None:
        needle = text.casefold()
        self.visible = [(label, value) for label, value in self.options if needle in label.casefold()]
        self.list.clear()
        # Items made by Qt from strings: no Python wrapper per item (PySide 6.11 leaks a reference
        # to None for each item made in Python, about 130 per chooser opened).
        self.list.addItems([label for label, _ in self.visible])
        for row, (label, _) in enumerate(self.visible):
            if label in self.tooltips:
                self.list.item(row).setToolTip(self.tooltips[label])
        if self.visible:
            self.list.setCurrentRow(0)

    def _take(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.visible):
            self.value = self.visible[row][1]
            self.accept()


def run_modal(dialog: QDialog) -> Any:
    """Show a dialog until it is answered; its ``value`` if accepted, else None."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return getattr(dialog, "value", None) if accepted else None


def reused(parent: QWidget, kind: type[D], make: Callable[[], D]) -> D:
    """The window's dialog of this kind, made once and shown again for every question.

    A dialog made per question would be a new child of the window each time (on X11 a day of
    choosers took 143 -> 875 MB), and PySide 6.11 leaks about 50 references to None per new
    dialog; one dialog of each kind per window costs neither.
    """
    found = parent.findChild(kind, kind.__name__, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(found, kind):
        return found
    dialog = make()
    dialog.setObjectName(kind.__name__)
    return dialog


def choose(
    parent: QWidget, title: str, options: list[tuple[str, Any]], tooltips: dict[str, str] | None = None
) -> Any:
    """Show a chooser and return the chosen value, or None if cancelled or there is nothing to choose."""
    if not options:
        return None
    dialog = reused(parent, Chooser, lambda: Chooser(parent, title, options, tooltips))
    dialog.ask(title, options, tooltips)
    return run_modal(dialog)


def search(parent: QWidget, find: Find) -> int | None:
    """The search dialog over ``find(query, after)`` (a page of hits after the sentence ``after``);
    the id of the sentence chosen, or None.

    The last query stays, selected, so that typing replaces it and Enter searches it again.
    """
    dialog = reused(parent, SearchDialog, lambda: SearchDialog(parent, find))
    dialog.start(find)
    chosen: int | None = run_modal(dialog)
    return chosen


LAYOUT_NOTE = QT_TRANSLATE_NOOP(
    "Dialogs",
    "Keys are named as printed on a US keyboard and work by their place on any layout: "
    "with the Kazakh or Russian layout, 2 is the key that types ә or 2, T the key that types е.",
)


class KeymapDialog(QDialog):
    """Help → Keyboard: every key the window knows."""

    def __init__(self, parent: QWidget | None, labels: tuple[EntityLabel, ...]):
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Keyboard"))
        line = translate("Dialogs", "label {name}: {guideline}")
        rows = [
            (keys, translate("keymap", text)) for keys, text in keymap_rows()
        ]  # listed for lupdate by scripts/translations.py
        rows += [
            (lab.shortcut, line.format(name=lab.name, guideline=localized(lab, "guideline")))
            for lab in labels
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([translate("Dialogs", "Keys"), translate("Dialogs", "What they do")])
        for r, (keys, text) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(text))
        table.resizeColumnToContents(0)
        # Descriptions wrap in the width there is (longer in Kazakh and Russian): no sideways scrolling.
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.note = QLabel(translate("Dialogs", LAYOUT_NOTE))
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(760, 640)


DEFAULT_EXPORT = ExportOptions()  # what the dialog offers first: the defaults of an export


class ExportDialog(QDialog):
    """File → Export: format, layer, sentences, scheme and destination."""

    def __init__(self, parent: QWidget | None, layers: list[str], current: str, default_path: Any):
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Export"))
        self.default_path = default_path
        self.format = QComboBox()
        self.format.addItems(list(WRITERS))
        self.format.setCurrentText(DEFAULT_EXPORT.fmt)
        self.layer = QComboBox()
        self.layer.addItems(layers)
        self.layer.setCurrentText(current)
        self.status = QComboBox()
        self.status.addItems(list(SCOPES))
        self.status.setCurrentText(DEFAULT_EXPORT.status)
        self.scheme = QComboBox()
        self.scheme.addItems(list(SCHEMES))
        self.scheme.setCurrentText(DEFAULT_EXPORT.scheme)
        self.path = QLineEdit()
        browse = QPushButton(translate("Dialogs", "Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("Dialogs", "Format"), self.format)
        form.addRow(translate("Dialogs", "Layer"), self.layer)
        form.addRow(translate("Dialogs", "Sentences"), self.status)
        form.addRow(translate("Dialogs", "Tag scheme (CoNLL)"), self.scheme)
        form.addRow(translate("Dialogs", "Destination"), where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for combo in (self.format, self.layer):
            combo.currentTextChanged.connect(self._default)
        self._default()

    def _default(self) -> None:
        self.path.setText(str(self.default_path(self.layer.currentText(), self.format.currentText())))

    def _browse(self) -> None:
        if WRITERS[self.format.currentText()].writes_folder:
            chosen = QFileDialog.getExistingDirectory(
                self, translate("Dialogs", "Export folder"), self.path.text()
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("Dialogs", "Export file"), self.path.text()
            )
        if chosen:
            self.path.setText(chosen)
