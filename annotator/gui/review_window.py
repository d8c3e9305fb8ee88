"""Review mode: agreement numbers, the disagreement list, every annotator's version one above the
other, and keys that resolve them into the gold layer (undoable like any edit)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

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

from annotator.core.keymap import REVIEW_KEYMAP, REVIEW_KEYS, review_keys_of
from annotator.gui import dialogs
from annotator.gui.dashboard import DashboardDock
from annotator.gui.language import language_menu, number, shown, translate
from annotator.gui.physical_keys import PhysicalKeys
from annotator.gui.saving import EditRunner
from annotator.gui.token_view import TokenView
from annotator.gui.workers import Worker, run_with_progress
from annotator.services.commands import Command
from annotator.services.review_session import AnnotatorInfo, NoEdit, Numbers, ReviewChange, ReviewSession
from annotator.store import Project


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _at_caret(accept: Callable[[int, int], Command], index: int, view: TokenView) -> Callable[[], Command]:
    """``accept`` of annotator ``index``'s annotation under ``view``'s cursor, when the key is pressed."""
    return lambda: accept(index, view.caret)


class ReviewWindow(QMainWindow):
    """The reviewer's window: pick a disagreement, compare versions, write gold with the keyboard.

    Its state is a :class:`ReviewSession`; the window draws what the session tells it changed,
    and hands the gold edits the session makes to its :class:`EditRunner` (undo and redo).
    """

    def __init__(self, project: Project, reviewer: AnnotatorInfo, settings: QSettings | None = None):
        super().__init__()
        self.project = project
        self.reviewer = reviewer
        self.session = ReviewSession(project, reviewer)
        self.annotators, self.gold = self.session.annotators, self.session.gold.id
        self.settings = settings or QSettings()
        self.runner = EditRunner(self, self.session)
        self.workers: list[Worker] = []
        title = translate("Review", "{project} — review by {name} — annotator")
        self.setWindowTitle(title.format(project=project.name, name=reviewer.name))
        self._build()
        self.dashboard = DashboardDock(self, project)  # the team's progress and agreement (Ctrl+D)
        self._keys()
        self.session.subscribe(self._changed)
        self.refresh()

    @property
    def sentence_id(self) -> int | None:
        """The sentence shown."""
        return self.session.sentence_id

    def _build(self) -> None:
        self.summary = _plain(translate("Review", "computing agreement…"))
        self.summary.setWordWrap(True)
        self.labels = QTableWidget(0, 4)
        self.labels.setHorizontalHeaderLabels([translate("Review", "Label"), "F1", "fp", "fn"])
        self.labels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.labels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._row_chosen)
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
            _plain(
                translate(
                    "Review", "Confusion of spans on the same tokens (rows: first annotator, columns: second)"
                )
            )
        )
        dash.addWidget(self.confusion)
        tabs = QTabWidget()
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.addTab(self.labels, translate("Review", "Per label"))
        tabs.addTab(dashboard, translate("Review", "Pairs and confusion"))
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.addWidget(self.summary)
        lay.addWidget(tabs)
        lay.addWidget(_plain(translate("Review", "Disagreements")))
        lay.addWidget(self.list)
        self.heading = _plain()
        self.versions: list[tuple[str, int, TokenView]] = []
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.addWidget(self.heading)
        for n, (name, layer) in enumerate(self.session.layers, 1):
            view = TokenView(self.project.schema)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            gold = translate("Review", "gold (what you accept)")
            mid.addWidget(_plain(f"{n}. {name}" if n <= len(self.annotators) else gold))
            mid.addWidget(view)
            self.versions.append((name, layer, view))
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
        slots = self._slots()
        for key in REVIEW_KEYMAP:
            if key.action in slots:
                action = QAction(translate("keymap", key.description), self)
                action.setObjectName(key.action)
                action.setShortcuts([QKeySequence(k) for k in review_keys_of(key.action)])
                action.triggered.connect(self.runner.guard(slots[key.action]))
                if key.action in ("review_previous", "review_next"):  # the list's keys, as before
                    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                    self.list.addAction(action)
                else:
                    self.addAction(action)
        menu = self.menuBar().addMenu(translate("Review", "&Review"))
        for keys, text in REVIEW_KEYS:
            menu.addAction(f"{translate('keymap', text)}\t{keys}").setEnabled(False)
        view = self.menuBar().addMenu(translate("Menus", "&View"))
        view.addMenu(language_menu(self, self.settings))  # takes effect at the next start
        self.statusBar().addPermanentWidget(self.runner.indicator)
        self.physical_keys = PhysicalKeys(self)  # the same keys by position on Kazakh and Russian layouts

    def _slots(self) -> dict[str, Callable[[], object]]:
        """What each action of the review keymap does (the digit keys: as many as annotators)."""
        session, gold = self.session, self.versions[-1][2]
        slots: dict[str, Callable[[], object]] = {
            "review_previous": partial(session.move, -1),
            "review_next": partial(session.move, 1),
            "review_left": partial(self._move, -1),
            "review_right": partial(self._move, 1),
            "accept_agreed": partial(self._edit, session.accept_agreed),
            "delete_gold": partial(self._edit, lambda: session.delete_gold(gold.caret)),
            "undo": self.runner.undo,
            "redo": self.runner.redo,
            "edit_gold": self.edit_gold,
            "filter_label": self.filter_by_label,
            "dashboard": self.dashboard.toggle,
        }
        for n, (_, _, view) in enumerate(self.versions[: min(9, len(self.annotators))], 1):
            slots[f"accept_entity_{n}"] = partial(self._edit, _at_caret(session.accept_entity, n - 1, view))
            slots[f"accept_event_{n}"] = partial(self._edit, _at_caret(session.accept_event, n - 1, view))
            slots[f"accept_stance_{n}"] = partial(self._edit, partial(session.accept_stance, n - 1))
        return slots

    # -- what the session tells ----------------------------------------------------------------
    def refresh(self, label: str | None = None) -> None:
        """Recompute the disagreements (of one label if given) and, in a background thread, the numbers."""
        self.dashboard.refresh_if_shown()
        if not self.session.refresh(label):
            return
        self.list.setFocus()
        s = self.session
        job = run_with_progress(
            self,
            translate("Review", "Computing agreement…"),
            lambda _: s.agreement(),
            s.numbers_ready,
            s.numbers_failed,
        )
        self.workers.append(job)

    def _changed(self, change: ReviewChange) -> None:
        session = self.session
        if change.summary:
            self.summary.setText(shown(session.summary))
        if change.items:
            self.list.clear()  # the list follows the session: _row_chosen ignores its own rows
            self.list.addItems([shown(line) for line in session.lines()])
        if change.row:
            self.list.setCurrentRow(session.row)
        if change.sentence:
            self._show_versions()
        if change.numbers and session.numbers is not None:
            self._numbers(session.numbers)
        if change.problem:
            self.statusBar().showMessage(shown(change.problem), 8000)

    def _row_chosen(self, row: int) -> None:
        """A click (or a key of the list's own) chose a row."""
        if row != self.session.row:
            self.runner.guard(partial(self.session.select, row))()

    def _show_versions(self) -> None:
        """Every annotator's version of the sentence, and gold, one above the other."""
        s = self.session
        for (_, _, view), sentence, differs in zip(self.versions, s.versions, s.differs, strict=True):
            view.differs = differs
            view.show_sentence(sentence, keep_cursor=s.kept)
        first = s.versions[0]
        where = translate("Review", "{document} · sentence {number} of {count}")
        self.heading.setText(
            where.format(
                document=first.document_name, number=number(first.ordinal + 1), count=number(first.count)
            )
        )

    def _numbers(self, numbers: Numbers) -> None:
        while self.heatmaps.count():
            item = self.heatmaps.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        for svg in numbers.heatmaps:
            picture = QSvgWidget()
            picture.load(QByteArray(svg.encode("utf-8")))
            picture.setFixedSize(picture.renderer().defaultSize())
            self.heatmaps.addWidget(picture)
        if numbers.no_data:  # layers nobody gave anything in: said, one under the other, not drawn
            self.heatmaps.addWidget(_plain("\n".join(map(shown, numbers.no_data))))
        labels = numbers.confusion_labels
        self.confusion.setRowCount(len(labels))
        self.confusion.setColumnCount(len(labels))
        self.confusion.setHorizontalHeaderLabels(labels)
        self.confusion.setVerticalHeaderLabels(labels)
        for r, a in enumerate(labels):
            for col, b in enumerate(labels):
                self.confusion.setItem(r, col, QTableWidgetItem(str(numbers.confusion.get((a, b), ""))))
        self.labels.setRowCount(len(numbers.label_rows))
        for r, row in enumerate(numbers.label_rows):
            for col, text in enumerate(row):
                self.labels.setItem(r, col, QTableWidgetItem(text))

    # -- keys ----------------------------------------------------------------------------------
    def filter_by_label(self) -> None:
        """Choose a label (lowest F1 first, type to filter) and list only its entity disagreements."""
        question = translate("Review", "Disagreements of which label?")
        options = [(shown(text), label) for text, label in self.session.label_options()]
        chosen = dialogs.choose(self, question, options)
        self.activateWindow()
        if chosen is not None:
            self.refresh(chosen or None)

    def _move(self, delta: int) -> None:
        for _, _, view in self.versions:
            view.move_caret(view.caret + delta, False)

    def _edit(self, make: Callable[[], Command]) -> None:
        """Run the gold edit the session makes, or say why there is none."""
        try:
            command = make()
        except NoEdit as exc:
            if str(exc):
                self.statusBar().showMessage(shown(exc), 5000)
            return
        self.execute(command)

    def execute(self, command: Command) -> None:
        """Apply a gold edit; the runner puts it on the undo history and shows the sentence again."""
        if self.runner.execute(command):
            self.statusBar().showMessage(
                translate("Review", "gold: {what}").format(what=shown(command.text)), 4000
            )

    def report_failure(self, summary: str) -> None:
        """An unexpected failure (from the failure reporter): a status line, a dialog if it recurs."""
        self.runner.report_failure(summary)

    def edit_gold(self) -> None:
        """Open the annotation window on the gold layer at the current sentence; review refreshes after."""
        from annotator.gui.main_window import AnnotationWindow

        self.gold_window = AnnotationWindow(self.project, self.session.gold, self.settings)
        if self.sentence_id is not None:
            self.gold_window.go_to(self.sentence_id)
        title = translate("Review", "{project} — gold, edited by {name} — annotator")
        self.gold_window.setWindowTitle(title.format(project=self.project.name, name=self.reviewer.name))
        self.gold_window.history.subscribe(self._gold_changed)
        self.gold_window.show()

    def _gold_changed(self) -> None:
        """The gold editor changed gold: show this sentence again."""
        if self.isVisible():
            self.session.reread()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the gold editor with the review window (a dashboard's computation ends first)."""
        self.dashboard.pane.wait()
        self.runner.upkeep.stop()  # a backup or the check still running ends at its next step
        if getattr(self, "gold_window", None) is not None:
            self.gold_window.history.unsubscribe(self._gold_changed)
            self.gold_window.close()
        super().closeEvent(event)
