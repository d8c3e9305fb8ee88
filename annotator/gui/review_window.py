"""Review mode: agreement numbers, the disagreement list, every annotator's version one above the
other, and keys that resolve them into the gold layer (undoable like any edit)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.keymap import REVIEW_KEYS, keys_of
from annotator.gui import dialogs
from annotator.gui.physical_keys import PhysicalKeys
from annotator.gui.saving import EditRunner
from annotator.gui.token_view import TokenView
from annotator.gui.workers import Worker, run_with_progress
from annotator.services import adjudicate, compared, review
from annotator.services.annotate import load_sentence
from annotator.services.commands import Command
from annotator.services.report import heatmap_svg
from annotator.services.session import ViewSession
from annotator.store import Project, queries


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ReviewWindow(QMainWindow):
    """The reviewer's window: pick a disagreement, compare versions, write gold with the keyboard."""

    def __init__(self, project: Project, reviewer: queries.AnnotatorInfo, settings: QSettings | None = None):
        super().__init__()
        self.project = project
        self.reviewer = reviewer
        project.act_as(reviewer.id)  # the store lets a reviewer write gold, and nobody else
        self.settings = settings or QSettings()
        self.problem: str | None = None  # why there is nothing to review
        try:  # who is compared: the same rule as the agreement command's
            self.annotators = compared.compared_names(project)
        except compared.ComparedError as exc:
            self.annotators, self.problem = [], str(exc)
        self.gold = adjudicate.gold_id(project)
        self.runner = EditRunner(
            self, ViewSession(project, self.show_sentence, self._gold_shown, self._show_stored)
        )
        self.workers: list[Worker] = []
        self.items: list[adjudicate.Disagreement] = []
        self.sentence_id: int | None = None
        self.setWindowTitle(f"{project.name} — review by {reviewer.name} — annotator")
        self._build()
        self._keys()
        self.refresh()

    def _build(self) -> None:
        self.summary = _plain("computing agreement…")
        self.summary.setWordWrap(True)
        self.labels = QTableWidget(0, 4)
        self.labels.setHorizontalHeaderLabels(["Label", "F1", "fp", "fn"])
        self.labels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.labels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_row)
        self.heatmaps = QHBoxLayout()
        self.confusion = QTableWidget(0, 0)
        self.confusion.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        dashboard = QWidget()
        dash = QVBoxLayout(dashboard)
        pictures = QWidget()
        pictures.setLayout(self.heatmaps)
        picture_scroll = QScrollArea()  # heatmaps keep their size; a narrow panel scrolls
        picture_scroll.setWidget(pictures)
        picture_scroll.setWidgetResizable(True)
        picture_scroll.setMinimumHeight(260)
        dash.addWidget(picture_scroll)
        dash.addWidget(
            _plain("Confusion of spans on the same tokens (rows: first annotator, columns: second)")
        )
        dash.addWidget(self.confusion)
        tabs = QTabWidget()
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.addTab(self.labels, "Per label")
        tabs.addTab(dashboard, "Pairs and confusion")
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.addWidget(self.summary)
        lay.addWidget(tabs)
        lay.addWidget(_plain("Disagreements"))
        lay.addWidget(self.list)
        self.heading = _plain()
        self.versions: list[tuple[str, int, TokenView]] = []
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.addWidget(self.heading)
        with self.project.reading() as s:
            people = {a.name: a.id for a in queries.list_annotators(s)}
        for n, name in enumerate([*self.annotators, "gold"], 1):
            view = TokenView(self.project.schema)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            title = f"{n}. {name}" if name != "gold" else "gold (what you accept)"
            mid.addWidget(_plain(title))
            mid.addWidget(view)
            self.versions.append((name, people[name], view))
        mid.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(middle)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([420, 900])
        self.setCentralWidget(splitter)
        self.resize(1300, 820)

    def _keys(self) -> None:
        def add(keys: list[str], slot: Any) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(self.runner.guard(slot))
            self.addAction(action)

        add(["Left"], partial(self._move, -1))
        add(["Right"], partial(self._move, 1))
        for n in range(1, min(9, len(self.annotators)) + 1):
            add([str(n)], partial(self.accept_from, n - 1))
            add([f"Shift+{n}"], partial(self.accept_event_from, n - 1))
            add([f"Alt+{n}"], partial(self.accept_stance_from, n - 1))
        add(["A"], self.accept_agreed)
        add(["Delete"], self.delete_gold)
        add(["Ctrl+L"], self.filter_by_label)
        add(["Ctrl+G"], self.edit_gold)
        add(keys_of("undo"), self.runner.undo)
        add(keys_of("redo"), self.runner.redo)
        menu = self.menuBar().addMenu("&Review")
        for keys, text in REVIEW_KEYS:
            menu.addAction(f"{text}\t{keys}").setEnabled(False)
        self.statusBar().addPermanentWidget(self.runner.indicator)
        self.physical_keys = PhysicalKeys(self)  # the same keys by position on Kazakh and Russian layouts

    # -- data ----------------------------------------------------------------------------------
    def refresh(self, label: str | None = None) -> None:
        """Recompute the disagreements (of one label if given) and, in a background thread, the numbers."""
        if self.problem is not None:
            self.summary.setText(f"nothing to review: {self.problem}")
            return
        items = adjudicate.disagreements(self.project, self.annotators)
        if label:
            items = [d for d in items if d.layer == "entities" and label in d.detail]
        self.items = items
        self.list.clear()
        self.list.addItems([f"{d.document} · {d.position + 1} · {d.layer}: {d.detail}" for d in items])
        if items:
            self.list.setCurrentRow(0)
        self.list.setFocus()
        worker = run_with_progress(
            self,
            "Computing agreement…",
            lambda progress: review.corpus_agreement(self.project, self.annotators, "done"),
            self._numbers,
            lambda m: self.summary.setText(m),
        )
        self.workers.append(worker)

    def _numbers(self, report: dict[str, Any]) -> None:
        ent, st = report["layers"]["entities"], report["layers"]["stance"]
        pairs = ", ".join(f"{p['a']}/{p['b']} F1 {p['f1']:.3f}" for p in ent["pairs"])
        alpha = "n/a" if ent["krippendorff_alpha"] is None else f"{ent['krippendorff_alpha']:.3f}"
        salpha = "n/a" if st["krippendorff_alpha"] is None else f"{st['krippendorff_alpha']:.3f}"
        self.summary.setText(
            f"{report['sentences']} sentences done by everyone. Entities: alpha {alpha}; {pairs}. "
            f"Stance: alpha {salpha}."
        )
        while self.heatmaps.count():
            item = self.heatmaps.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        names = report["annotators"]
        for pairs, key, title in (
            (ent["pairs"], "f1", "entity F1"),
            (report["layers"]["events"]["pairs"], "trigger_f1", "trigger F1"),
            (st["pairs"], "cohen_kappa", "stance kappa"),
        ):
            svg = heatmap_svg(names, pairs, key, title).encode("utf-8")
            picture = QSvgWidget()
            picture.load(QByteArray(svg))
            picture.setFixedSize(picture.renderer().defaultSize())
            self.heatmaps.addWidget(picture)
        labels = sorted({c["a"] for c in ent["confusion"]} | {c["b"] for c in ent["confusion"]})
        counts = {(c["a"], c["b"]): c["count"] for c in ent["confusion"]}
        self.confusion.setRowCount(len(labels))
        self.confusion.setColumnCount(len(labels))
        self.confusion.setHorizontalHeaderLabels(labels)
        self.confusion.setVerticalHeaderLabels(labels)
        for r, a in enumerate(labels):
            for col, b in enumerate(labels):
                self.confusion.setItem(r, col, QTableWidgetItem(str(counts.get((a, b), ""))))
        rows = sorted(ent["per_label"].items(), key=lambda kv: kv[1]["f1"])
        self.labels.setRowCount(len(rows))
        for r, (label, row) in enumerate(rows):
            for col, text in enumerate((label, f"{row['f1']:.3f}", str(row["fp"]), str(row["fn"]))):
                self.labels.setItem(r, col, QTableWidgetItem(text))

    def filter_by_label(self) -> None:
        """Choose a label (lowest F1 first, type to filter) and list only its entity disagreements."""
        options = []
        for r in range(self.labels.rowCount()):
            label, f1 = self.labels.item(r, 0), self.labels.item(r, 1)
            if label is not None and f1 is not None:
                options.append((f"{label.text()}   F1 {f1.text()}", label.text()))
        options.append(("all labels", ""))
        chosen = dialogs.choose(self, "Disagreements of which label?", options)
        self.activateWindow()
        if chosen is not None:
            self.refresh(chosen or None)

    # -- showing -------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self._show_stored(self.items[row].sentence_id)

    def show_sentence(self, sentence_id: int) -> None:
        """Every annotator's version of a sentence, and gold, one above the other."""
        keep = self.sentence_id == sentence_id
        self.sentence_id = sentence_id
        loaded = [(view, load_sentence(self.project, sentence_id, aid)) for _, aid, view in self.versions]
        spans = [{(e.start, e.end, e.label) for e in v.entities} for _, v in loaded[:-1]]
        shared = set.intersection(*spans) if spans else set()
        for view, sentence in loaded:
            view.differs = {(e.start, e.end, e.label) for e in sentence.entities} - shared
            view.show_sentence(sentence, keep_cursor=keep)
        first = self.versions[0][2].view
        if first is not None:
            self.heading.setText(f"{first.document_name} · sentence {first.index + 1} of {first.count}")

    def _move(self, delta: int) -> None:
        for _, _, view in self.versions:
            view.move_caret(view.caret + delta, False)

    # -- gold edits ----------------------------------------------------------------------------
    def execute(self, command: Command) -> None:
        """Apply a gold edit; the runner puts it on the undo history and shows the sentence again."""
        if self.runner.execute(command):
            self.statusBar().showMessage(f"gold: {command.text}", 4000)

    def _show_stored(self, sentence_id: int) -> None:
        try:
            self.show_sentence(sentence_id)
        except AnnotatorError as exc:
            self.statusBar().showMessage(f"⚠ the sentence could not be read: {exc}", 8000)

    def _gold_shown(self, sentence_id: int) -> object:
        view = self.versions[-1][2].view if self.versions else None
        if view is None or view.id != sentence_id:
            return None
        return (view.entities, view.events, view.stance, view.document_stance)

    def report_failure(self, summary: str) -> None:
        """An unexpected failure (from the failure reporter): a status line, a dialog if it recurs."""
        self.runner.report_failure(summary)

    def accept_from(self, index: int) -> None:
        """Accept annotator ``index``'s entity under the cursor into gold."""
        if self.sentence_id is None:
            return
        name, _, view = self.versions[index]
        hit = view.annotation_at(view.caret)
        entity = view.view.entity(hit[1]) if hit and hit[0] == "entity" and view.view else None
        if entity is None:
            self.statusBar().showMessage(f"{name} has no entity under the cursor", 5000)
            return
        self.execute(
            adjudicate.accept_entity(self.project, self.sentence_id, entity.start, entity.end, entity.label)
        )

    def accept_event_from(self, index: int) -> None:
        """Accept annotator ``index``'s event under the cursor into gold."""
        if self.sentence_id is None:
            return
        name, _, view = self.versions[index]
        sentence = view.view
        event = (
            next((e for e in sentence.events if e.start <= view.caret < e.end), None) if sentence else None
        )
        if event is None:
            self.statusBar().showMessage(f"{name} has no event trigger under the cursor", 5000)
            return
        self.execute(adjudicate.accept_event(self.project, self.sentence_id, name, event.id))

    def accept_stance_from(self, index: int) -> None:
        """Make gold's stance of the sentence annotator ``index``'s."""
        if self.sentence_id is None:
            return
        name = self.versions[index][0]
        command = adjudicate.accept_stance(self.project, self.sentence_id, name)
        if command is None:
            self.statusBar().showMessage(f"gold already has {name}'s stance", 5000)
        else:
            self.execute(command)

    def accept_agreed(self) -> None:
        """Accept every entity and stance all annotators agree on."""
        if self.sentence_id is None:
            return
        command = adjudicate.accept_agreed(self.project, self.sentence_id, self.annotators)
        if command is None:
            self.statusBar().showMessage("gold already holds everything they agree on", 5000)
        else:
            self.execute(command)

    def edit_gold(self) -> None:
        """Open the annotation window on the gold layer at the current sentence; review refreshes after."""
        from annotator.gui.main_window import AnnotationWindow

        with self.project.reading() as s:
            gold = queries.find_annotator(s, "gold")
        assert gold is not None
        self.gold_window = AnnotationWindow(self.project, gold, self.settings)
        if self.sentence_id is not None:
            self.gold_window.go_to(self.sentence_id)
        self.gold_window.setWindowTitle(
            f"{self.project.name} — gold, edited by {self.reviewer.name} — annotator"
        )
        self.gold_window.history.subscribe(self._gold_changed)
        self.gold_window.show()

    def _gold_changed(self) -> None:
        """The gold editor changed gold: show this sentence again."""
        if self.sentence_id is not None and self.isVisible():
            self._show_stored(self.sentence_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the gold editor with the review window."""
        if getattr(self, "gold_window", None) is not None:
            self.gold_window.history.unsubscribe(self._gold_changed)
            self.gold_window.close()
        super().closeEvent(event)

    def delete_gold(self) -> None:
        """Remove the gold entity under the cursor."""
        from annotator.services.commands import DeleteEntity

        _, _, view = self.versions[-1]
        hit = view.annotation_at(view.caret)
        if self.sentence_id is not None and hit and hit[0] == "entity":
            self.execute(DeleteEntity(self.sentence_id, hit[1]))
