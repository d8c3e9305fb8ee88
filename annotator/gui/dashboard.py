"""The review window's team dashboard: per person and per document, as ``annotator progress`` says.

Per person: sentences done of those assigned, sentences per active hour, the date of the last
edit, and agreement so far (entity F1 on the documents they share with others, computed in a
worker thread: "…" until it comes, "—" when they share nothing). Per document: its assignees and
whether it is ready for curation, ready ones first. The figures come from
``services.dashboard``; this pane only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.gui.language import QT_TRANSLATE_NOOP, shown, translate
from annotator.gui.status import plain_label
from annotator.gui.workers import Worker, run_in_background
from annotator.services import dashboard
from annotator.services.dashboard import Dashboard
from annotator.store import Project

PEOPLE_COLUMNS = (
    QT_TRANSLATE_NOOP("Dashboard", "Person"),
    QT_TRANSLATE_NOOP("Dashboard", "Done of assigned"),
    QT_TRANSLATE_NOOP("Dashboard", "Per active hour"),
    QT_TRANSLATE_NOOP("Dashboard", "Last edit"),
    QT_TRANSLATE_NOOP("Dashboard", "Agreement (entity F1)"),
)
DOCUMENT_COLUMNS = (
    QT_TRANSLATE_NOOP("Dashboard", "Document"),
    QT_TRANSLATE_NOOP("Dashboard", "Sentences"),
    QT_TRANSLATE_NOOP("Dashboard", "Assignees"),
    QT_TRANSLATE_NOOP("Dashboard", "Curation"),
)
PEOPLE_NUMBERS = (2, 4)  # columns of figures, aligned right
DOCUMENT_NUMBERS = (1,)
DOCK_HEIGHT = 330  # pixels the dock takes of the review window when shown (its tables show ~8 rows)


def _table(columns: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([translate("Dashboard", c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)  # compact rows: more fit in the dock
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # long names wrap nowhere else
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], numbers: Sequence[int]) -> None:
    table.setRowCount(len(rows))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, row in enumerate(rows):
        for col, text in enumerate(row):
            item = QTableWidgetItem(shown(text))
            if col in numbers:
                item.setTextAlignment(right)
            table.setItem(r, col, item)


class DashboardPane(QWidget):
    """Two tables side by side (people, documents) under a one-line summary."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.summary: QLabel = plain_label(translate("Dashboard", "the dashboard is read when it is shown"))
        self.summary.setWordWrap(True)
        self.people = _table(PEOPLE_COLUMNS, 0)
        self.documents = _table(DOCUMENT_COLUMNS, 2)
        tables = QSplitter()
        tables.addWidget(self.people)
        tables.addWidget(self.documents)
        tables.setSizes([640, 640])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(tables)
        self.shown: Dashboard | None = None
        self.agreement: dict[str, float | None] | None = None
        self.workers: list[Worker] = []
        self._asked = 0  # the refresh whose agreement is awaited (an older answer is dropped)

    def refresh(self) -> None:
        """Read the figures again and show them; agreement follows from a worker thread."""
        try:
            board = dashboard.read_dashboard(self.project)
        except AnnotatorError as exc:
            self.summary.setText(
                translate("Dashboard", "the dashboard could not be read: {problem}").format(problem=exc)
            )
            return
        self.shown, self.agreement = board, None
        self.summary.setText(shown(board.summary()) + translate("Dashboard", " · agreement: computing…"))
        self._show()
        self._asked += 1
        asked = self._asked
        project = self.project
        self.workers = [w for w in self.workers if w.isRunning()]
        self.workers.append(
            run_in_background(
                self,
                lambda: dashboard.agreement_by_person(project),
                lambda found: self._agreement_ready(asked, found),
                lambda message: self._agreement_failed(asked, message),
            )
        )

    def _show(self) -> None:
        board = self.shown
        if board is None:
            return
        people = [p.cells(dashboard.agreement_cell(self.agreement, p.name)) for p in board.people]
        _fill(self.people, people, PEOPLE_NUMBERS)
        _fill(self.documents, [d.cells() for d in board.documents], DOCUMENT_NUMBERS)

    def _agreement_ready(self, asked: int, found: dict[str, float | None]) -> None:
        if asked != self._asked or self.shown is None:
            return
        self.agreement = found
        self.summary.setText(shown(self.shown.summary()))
        self._show()

    def _agreement_failed(self, asked: int, message: str) -> None:
        if asked == self._asked and self.shown is not None:
            failed = translate("Dashboard", "{summary} · agreement could not be computed: {problem}")
            self.summary.setText(failed.format(summary=shown(self.shown.summary()), problem=message))

    def wait(self) -> None:
        """Let a running agreement finish (before the window goes)."""
        for worker in self.workers:
            worker.wait()


class DashboardDock(QDockWidget):
    """The pane in a dock under the review window, hidden until its key (Ctrl+D) shows it.

    Shown, it refreshes with the review window; hidden, it reads nothing until shown again.
    """

    def __init__(self, window: QMainWindow, project: Project) -> None:
        super().__init__(translate("Dashboard", "Team dashboard"), window)
        self.setObjectName("dashboard")
        self.pane = DashboardPane(project)
        self.setWidget(self.pane)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.window_ = window
        self.hide()

    def toggle(self) -> None:
        """Show (and read) the dashboard, or hide it."""
        if self.isVisible():
            self.hide()
            return
        self.show()
        QTimer.singleShot(0, lambda: self.window_.resizeDocks([self], [DOCK_HEIGHT], Qt.Orientation.Vertical))
        self.pane.refresh()

    def refresh_if_shown(self) -> None:
        """The review window refreshes: so does the dashboard, when it is shown."""
        if self.isVisible():
            self.pane.refresh()
