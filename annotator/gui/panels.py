"""Side panels: the label palette, and the current sentence's entities, events and stance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.keymap import key_of
from annotator.core.schema import Schema
from annotator.core.views import SentenceView
from annotator.gui.language import QT_TRANSLATE_NOOP, localized, translate

COMMAND_KEYS = {  # the palette's reminder of the command keys: action, what it is called there
    "trigger": QT_TRANSLATE_NOOP("Panels", "trigger"),
    "argument": QT_TRANSLATE_NOOP("Panels", "argument"),
    "attributes": QT_TRANSLATE_NOOP("Panels", "attributes"),
    "stance": QT_TRANSLATE_NOOP("Panels", "stance"),
    "document_stance": QT_TRANSLATE_NOOP("Panels", "document stance"),
    "holder": QT_TRANSLATE_NOOP("Panels", "holder"),
    "skip": QT_TRANSLATE_NOOP("Panels", "skip"),
    "flag": QT_TRANSLATE_NOOP("Panels", "flag"),
    "choose_label": QT_TRANSLATE_NOOP("Panels", "choose label"),
    "article": QT_TRANSLATE_NOOP("Panels", "article"),
}


class Palette(QGroupBox):
    """Every entity label with colour, shortcut and guideline (tooltip); a click applies it."""

    labelClicked = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None):
        super().__init__(translate("Panels", "Labels"), parent)
        grid = QGridLayout(self)
        grid.setSpacing(3)
        self.buttons: dict[str, QPushButton] = {}
        for i, lab in enumerate(schema.labels):
            button = QPushButton(f"{lab.shortcut:>4}  {lab.name}" if lab.shortcut else lab.name)
            button.setToolTip(localized(lab, "guideline"))
            text = "#000000" if QColor(lab.color).lightness() > 110 else "#ffffff"
            button.setStyleSheet(
                f"QPushButton {{ background: {lab.color}; color: {text}; "
                "text-align: left; padding: 2px 6px; }"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, name=lab.name: self.labelClicked.emit(name))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[lab.name] = button
        keys = QLabel(
            "   ".join(f"{key_of(k)} {translate('Panels', name)}" for k, name in COMMAND_KEYS.items())
            + "   "
            + translate("Panels", "F1 all keys")
        )
        keys.setTextFormat(Qt.TextFormat.PlainText)
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #455a64;")
        grid.addWidget(keys, (len(schema.labels) + 1) // 2, 0, 1, 2)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _put(table: QTableWidget, row: int, column: int, text: str, data: object = None) -> None:
    """Show ``text`` (and ``data``) in a cell, through the table's model.

    The model makes and reuses the cell's item in C++. An item made in Python costs a wrapper,
    and PySide 6.11 leaks a reference to None the first time Qt calls such an item's data()
    (measured: about ten per sentence shown when every cell got a new Python item; none now).
    """
    model = table.model()
    index = model.index(row, column)
    model.setData(index, text, Qt.ItemDataRole.DisplayRole)
    model.setData(index, data, Qt.ItemDataRole.UserRole)


class AnnotationPanels(QWidget):
    """Tables of the sentence's entities, events and stance; a click selects, a double-click edits."""

    picked = Signal(str, int)  # kind, id
    edit = Signal(str, int)  # kind, id (entity → relabel, event → attributes, stance → set)

    def __init__(self, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self.schema = schema
        self.entities = _table(
            [translate("Panels", "Label"), translate("Panels", "Text"), translate("Panels", "Tokens")]
        )
        self.events = _table(
            [
                translate("Panels", "Type"),
                translate("Panels", "Trigger"),
                translate("Panels", "Attributes"),
                translate("Panels", "Arguments"),
            ]
        )
        self.stance = _table(
            [
                translate("Panels", "Target"),
                translate("Panels", "Sentence"),
                translate("Panels", "Holder"),
                translate("Panels", "Document"),
                translate("Panels", "Doc holder"),
            ]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, table in (
            (translate("Panels", "Entities"), self.entities),
            (translate("Panels", "Events"), self.events),
            (translate("Panels", "Stance"), self.stance),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            layout.addWidget(box)
        self.entities.cellClicked.connect(lambda r, _c: self._pick(self.entities, "entity", r))
        self.events.cellClicked.connect(lambda r, _c: self._pick(self.events, "event", r))
        self.entities.cellDoubleClicked.connect(lambda r, _c: self._edit(self.entities, "entity", r))
        self.events.cellDoubleClicked.connect(lambda r, _c: self._edit(self.events, "event", r))
        self.stance.cellDoubleClicked.connect(lambda r, _c: self.edit.emit("stance", r))

    def _pick(self, table: QTableWidget, kind: str, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.picked.emit(kind, int(item.data(Qt.ItemDataRole.UserRole)))

    def _edit(self, table: QTableWidget, kind: str, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.edit.emit(kind, int(item.data(Qt.ItemDataRole.UserRole)))

    def show_sentence(self, view: SentenceView) -> None:
        """Fill the tables from a sentence view."""
        names = {e.id: f"{view.token_text(e.token_start, e.token_end)} ({e.label})" for e in view.entities}
        self.entities.setRowCount(len(view.entities))
        for r, e in enumerate(view.entities):
            _put(self.entities, r, 0, e.label, e.id)
            _put(self.entities, r, 1, view.token_text(e.token_start, e.token_end))
            _put(self.entities, r, 2, f"{e.token_start + 1}–{e.token_end}")
        self.events.setRowCount(len(view.events))
        for r, ev in enumerate(view.events):
            _put(self.events, r, 0, ev.type, ev.id)
            _put(self.events, r, 1, view.token_text(ev.token_start, ev.token_end))
            _put(self.events, r, 2, ", ".join(f"{k}={v}" for k, v in ev.attributes.items()))
            args = "; ".join(f"{a.role}: {names.get(a.entity_id, '?')}" for a in ev.arguments)
            _put(self.events, r, 3, args)
        self.stance.setRowCount(len(self.schema.targets))
        for r, target in enumerate(self.schema.targets):
            label, holder = view.stance.get(target.name, ("", None))
            dlabel, dholder = view.document_stance.get(target.name, ("", None))
            _put(self.stance, r, 0, localized(target, "title"), target.name)
            _put(self.stance, r, 1, label or "—")
            _put(self.stance, r, 2, names.get(holder, "") if holder else "")
            _put(self.stance, r, 3, dlabel or "—")
            _put(self.stance, r, 4, view.document_holders.get(dholder, "") if dholder else "")
        for table in (self.entities, self.events, self.stance):
            table.resizeColumnsToContents()
            table.horizontalHeader().setStretchLastSection(True)
