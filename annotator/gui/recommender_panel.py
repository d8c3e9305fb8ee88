"""The recommender panel: what the suggestions rest on, in plain sight.

It shows whether training runs, when each model last trained and on how many sentences, its
held-out precision, recall and F1 overall and per label, the entity tagger's confusion matrix,
the score threshold, and how often this person accepted what was suggested. The layers learned
from are checked in a list; changing them is remembered and takes effect at the next training.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.suggestions import ENTITY_MODEL, ModelInfo, Quality
from annotator.gui.language import QT_TRANSLATE_NOOP, translate

TABLE_HEIGHT = 170  # enough for six rows of each table; the panel scrolls as a whole
KIND_NAMES = {
    "entities": QT_TRANSLATE_NOOP("Recommender", "entity tagger"),
    "triggers": QT_TRANSLATE_NOOP("Recommender", "trigger tagger"),
    "matcher": QT_TRANSLATE_NOOP("Recommender", "string matcher"),
}


def _table(rows: int, headers: list[str]) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    item = QTableWidgetItem(text)
    if column:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    table.setItem(row, column, item)


def quality_line(info: ModelInfo) -> str:
    """``entity tagger (yours): F1 0.84 (P 0.86, R 0.82) on 240 held-out of 1,200 · 14:05``."""
    kind = KIND_NAMES.get(info.kind)
    name = translate("Recommender", kind) if kind else translate("Recommender", "{kind} classifier")
    name = name.format(kind=info.kind)
    name += translate("Recommender", " (shared)") if info.shared else translate("Recommender", " (yours)")
    when = info.trained_at.astimezone().strftime("%d.%m %H:%M")
    q = info.quality
    if q is None:
        line = translate("Recommender", "{name}: learned from {n} sentences · {when}")
        return line.format(name=name, n=f"{info.sentences:,}", when=when)
    line = translate(
        "Recommender", "{name}: F1 {f1} (P {p}, R {r}) on {held} held-out of {n} sentences · {when}"
    )
    return line.format(
        name=name,
        f1=f"{q.f1:.2f}",
        p=f"{q.precision:.2f}",
        r=f"{q.recall:.2f}",
        held=f"{q.held_out:,}",
        n=f"{q.trained_on + q.held_out:,}",
        when=when,
    )


class RecommenderPanel(QWidget):
    """Training state, model quality, threshold and acceptance; the layers to learn from.

    Labels are listed by how many held-out spans they have, the commonest first.
    """

    layers_changed = Signal(list)  # the checked layer names

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.state = QLabel(
            translate("Recommender", "no recommender trained yet: Ctrl+T trains on the done sentences")
        )
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.models = QLabel("")
        self.models.setWordWrap(True)
        self.models.setTextFormat(Qt.TextFormat.PlainText)
        self.acceptance = QLabel("")
        self.acceptance.setTextFormat(Qt.TextFormat.PlainText)
        self.per_label = _table(
            0, [translate("Recommender", "label"), "P", "R", "F1", translate("Recommender", "spans")]
        )
        self.per_label.setMinimumHeight(TABLE_HEIGHT)
        self.confusion = _table(0, [])
        self.confusion.setMinimumHeight(TABLE_HEIGHT)
        self.confusion.setToolTip(
            translate("Recommender", "tokens by gold label (rows) and suggested label (columns), held-out")
        )
        self.layers = QListWidget()
        self.layers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.layers.setMaximumHeight(90)
        self.layers.itemChanged.connect(self._layers_edited)
        for w in (
            self.state,
            self.models,
            self.acceptance,
            QLabel(translate("Recommender", "Entity tagger per label (held-out):")),
            self.per_label,
            QLabel(translate("Recommender", "Confusion (gold rows × suggested columns, tokens):")),
            self.confusion,
            QLabel(translate("Recommender", "Learn from the done sentences of:")),
            self.layers,
        ):
            layout.addWidget(w)

    # -- what it shows ---------------------------------------------------------------------------
    def show_state(self, training: bool, threshold: float, queued: bool = False) -> None:
        """Whether a run is going, and the threshold."""
        if training:
            text = translate("Recommender", "training in the background…")
            text += translate("Recommender", " (one more run queued)") if queued else ""
        else:
            text = translate(
                "Recommender", "idle: the recommenders retrain as sentences are marked done (Ctrl+T: now)"
            )
        shown = translate("Recommender", "suggestions shown from score {score} ( [ and ] change it )")
        self.state.setText(f"{text}\n{shown.format(score=f'{threshold:.2f}')}")

    def show_models(self, infos: list[ModelInfo]) -> None:
        """A line per stored model; the entity tagger's per-label scores and confusion matrix."""
        if not infos:
            self.models.setText(translate("Recommender", "no model stored in this project yet"))
        else:
            self.models.setText("\n".join(quality_line(i) for i in infos))
        entity = next((i.quality for i in infos if i.kind == ENTITY_MODEL and i.quality is not None), None)
        self._show_quality(entity)

    def _show_quality(self, quality: Quality | None) -> None:
        scores = sorted(quality.per_label, key=lambda x: (-x.support, x.label)) if quality is not None else []
        self.per_label.setRowCount(len(scores))
        for row, s in enumerate(scores):
            for column, text in enumerate(
                (s.label, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support))
            ):
                _cell(self.per_label, row, column, text)
        matrix = quality.confusion if quality is not None else {}
        labels = sorted(set(matrix) | {p for row in matrix.values() for p in row})
        self.confusion.setRowCount(len(labels))
        self.confusion.setColumnCount(len(labels))
        self.confusion.setHorizontalHeaderLabels(labels)
        self.confusion.setVerticalHeaderLabels(labels)
        self.confusion.verticalHeader().setVisible(bool(labels))
        for r, gold in enumerate(labels):
            for c, predicted in enumerate(labels):
                count = matrix.get(gold, {}).get(predicted, 0)
                _cell(self.confusion, r, c, str(count) if count else "")

    def show_acceptance(self, accepted: int, rejected: int) -> None:
        """How often this person took what was suggested."""
        total = accepted + rejected
        if total == 0:
            self.acceptance.setText(
                translate("Recommender", "you have not accepted or rejected a suggestion yet")
            )
        else:
            share = 100 * accepted / total
            took = translate("Recommender", "you accepted {n} of {total} suggestions ({share} %)")
            self.acceptance.setText(took.format(n=accepted, total=total, share=f"{share:.0f}"))

    def show_layers(self, names: list[str], chosen: list[str]) -> None:
        """The layers that can be learned from, the chosen ones checked."""
        self.layers.blockSignals(True)
        self.layers.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.layers.addItem(item)
        self.layers.blockSignals(False)

    def _layers_edited(self, _item: QListWidgetItem) -> None:
        chosen = [
            self.layers.item(i).text()
            for i in range(self.layers.count())
            if self.layers.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.layers_changed.emit(chosen)
