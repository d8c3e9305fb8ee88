"""The annotation window: it composes widgets and subscribes to its Qt-free session.

The session (``services.annotation_session``) holds the sentence shown, navigation, the undo
history, the backup policy and where the annotator left off; widgets only show its screens. Edits
are the actions of ``editing.AnnotationActions``, run by ``saving.EditRunner``; menus and keys
come from ``menus`` (the keymap), the status bar from ``status``, the article from ``article``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QSplitter

from annotator.core.errors import AnnotatorError
from annotator.core.records import AnnotatorInfo
from annotator.core.views import SentenceView
from annotator.gui import dialogs
from annotator.gui.article import ArticlePane
from annotator.gui.assisting import Recommending, SuggestionActions
from annotator.gui.correcting import CorrectionActions
from annotator.gui.dialogs import KeymapDialog
from annotator.gui.editing import AnnotationActions
from annotator.gui.failures import logger
from annotator.gui.language import shown, translate
from annotator.gui.menus import build_menus, show_history
from annotator.gui.panels import AnnotationPanels, Palette
from annotator.gui.panes import DocumentPane, SentencePane
from annotator.gui.physical_keys import PhysicalKeys
from annotator.gui.recommender_panel import RecommenderPanel
from annotator.gui.saving import EditRunner, TimeKeeper
from annotator.gui.status import StatusLine, scrolling
from annotator.gui.transfer import Transfer
from annotator.gui.workers import Worker
from annotator.services.active_time import Clock
from annotator.services.annotate import Navigator
from annotator.services.annotation_session import AnnotationSession, Screen
from annotator.services.commands import Command
from annotator.services.document_list import DocumentList
from annotator.services.history import History
from annotator.store import Project

TEAM_REFRESH_MS = 30_000  # teammates' progress is refreshed this often (and on F5)
POSITION_SAVE_MS = 1_500  # where the annotator is, stored this long after the last move


class AnnotationWindow(QMainWindow):
    """Documents on the left, the sentence in the middle, palette and annotation panels on the right."""

    undo_action: QAction  # made by menus.build_menus
    redo_action: QAction

    def __init__(
        self,
        project: Project,
        annotator: AnnotatorInfo,
        settings: QSettings | None = None,
        clock: Clock | None = None,  # what active time is measured by (a fake one in tests)
    ):
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.settings = settings or QSettings()
        self.session = AnnotationSession(project, annotator, clock)
        self.runner = EditRunner(self, self.session)
        self.time_keeper = TimeKeeper(self, self.session, self.runner)
        self.transfer = Transfer(self, self.session)
        self.workers: list[Worker] = self.transfer.workers
        self.named_actions: dict[str, QAction] = {}
        self.setWindowTitle(f"{project.name} — {annotator.name} — annotator")
        self.setAcceptDrops(True)
        self._build()
        self.edits = AnnotationActions(self, self.session, self.runner, self.tokens)
        self.correcting = CorrectionActions(self, self.session, self.runner, self.tokens)
        self.assisting = SuggestionActions(self)
        self.recommending = Recommending(self, self.recommender, self.recommender_scroll)
        build_menus(self)
        self.physical_keys = PhysicalKeys(self)  # the same keys by position on Kazakh and Russian layouts
        self.history.subscribe(lambda: show_history(self))  # the Edit menu names the next undo and redo
        show_history(self)
        self.session.screen_changed.connect(self._show_screen)
        self.session.documents_changed.connect(self._show_documents)
        self.session.said.connect(self._said)
        try:  # the session's navigator has just read the corpus order: only the list is read here
            self.session.announce_documents()
        except AnnotatorError as exc:
            self.fail(translate("Window", "the document list could not be read: {problem}"), exc)
        self.recommending.start()  # before the first screen, so that it carries suggestions
        self._restore()
        self.refresh_team()

    # -- what the session holds, under the names the window always had --------------------------
    @property
    def current(self) -> SentenceView | None:
        """The sentence shown now."""
        return self.session.view

    @property
    def navigator(self) -> Navigator:
        """Sentence order across the corpus (the session's)."""
        return self.session.navigator

    @navigator.setter
    def navigator(self, navigator: Navigator) -> None:
        self.session.navigator = navigator

    @property
    def history(self) -> History:
        """The undo history (the session's)."""
        return self.session.history

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        left = DocumentPane()
        self.filter, self.documents = left.filter, left.list
        self.document_pane = left
        middle = self.middle = SentencePane(self.project.schema)
        self.tokens, self.heading, self.comment = middle.tokens, middle.heading, middle.comment
        self.previous, self.next = middle.previous, middle.next
        self.article = ArticlePane()
        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(middle)
        self.center.addWidget(self.article)

        self.palette_box = Palette(self.project.schema)
        self.panels = AnnotationPanels(self.project.schema)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(scrolling(self.palette_box))  # small screens scroll it, not grow the window
        self.right.addWidget(self.panels)
        self.recommender = RecommenderPanel()  # F6 shows it
        self.recommender_scroll = scrolling(self.recommender)
        self.right.addWidget(self.recommender_scroll)
        self.right.setSizes([440, 420, 360])
        self.center.setSizes([620, 240])

        self.splitter = QSplitter()
        for w in (left, self.center, self.right):
            self.splitter.addWidget(w)
        self.splitter.setSizes([230, 760, 470])
        self.setCentralWidget(self.splitter)

        self.status = StatusLine(self.statusBar(), self.annotator.name, self.runner.indicator)
        self.status_saved = self.runner.indicator
        self.status_position, self.status_progress, self.status_team = (
            self.status.position,
            self.status.progress,
            self.status.team,
        )
        self.team_timer = QTimer(self)
        self.team_timer.setInterval(TEAM_REFRESH_MS)
        self.team_timer.timeout.connect(self.refresh_team)
        self.team_timer.start()
        self.position_timer = QTimer(self)  # where the annotator is, stored once the keys rest
        self.position_timer.setSingleShot(True)
        self.position_timer.setInterval(POSITION_SAVE_MS)
        self.position_timer.timeout.connect(self.save_position)

        self.filter.returnPressed.connect(self.tokens.setFocus)
        left.opened.connect(self._document_clicked)
        self.palette_box.labelClicked.connect(self._palette_clicked)
        self.panels.picked.connect(self._panel_picked)
        self.panels.edit.connect(self._panel_edit)
        self.resize(1460, 860)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # never open larger than the screen
            self.resize(min(1460, int(screen.width() * 0.96)), min(860, int(screen.height() * 0.92)))

    # -- documents and navigation --------------------------------------------------------------
    def reload_documents(self) -> None:
        """Read the corpus order and the document list with this annotator's progress again."""
        try:
            self.session.reload_documents()
        except AnnotatorError as exc:
            self.fail(translate("Window", "the document list could not be read: {problem}"), exc)

    def _show_documents(self, docs: DocumentList) -> None:
        empty = self.session.serving.empty_line  # nothing assigned: said in the list and the status bar
        self.document_pane.show_documents(docs, self.current.document_id if self.current else None, empty)
        if empty and not self.document_pane.model.total:
            self.status_progress.setText(empty)

    def _document_clicked(self, document_id: int) -> None:
        try:
            self.session.open_document(document_id)
        except AnnotatorError as exc:
            self.say(shown(exc), error=True)
        self.tokens.setFocus()

    def go_to(self, sentence_id: int, keep_cursor: bool = False) -> None:
        """Show a sentence (cursor on its first token, unless kept); a failure is said."""
        try:
            self.session.go_to(sentence_id, keep_cursor)
        except AnnotatorError as exc:
            self.say(shown(exc), error=True)

    def show_sentence(self, sentence_id: int, keep_cursor: bool = False) -> None:
        """Read a sentence from the database and show it; raises AnnotatorError when it cannot be read."""
        self.session.go_to(sentence_id, keep_cursor)

    def _show_screen(self, screen: Screen) -> None:
        """The session read a screen: every widget shows it."""
        self.middle.show_screen(screen)
        self.tokens.show_suggestions(screen.suggestions, self.session.assist.focused)
        self.panels.show_sentence(screen.view)
        if screen.moved:
            self.position_timer.start()
        if screen.new_document:
            self.document_pane.mark(screen.view.document_id)
        if self.article.isVisible():
            self.article.show_article(screen.article, screen.span)
        self.status.show_screen(screen)
        self.document_pane.show_progress(screen)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) sentence, status unchanged."""
        if self.current is not None and self.session.step(delta) is None:
            self.say(translate("Window", "no more sentences in that direction"))

    def next_todo(self) -> None:
        """Jump to the next sentence not yet done."""
        if self.current is not None and self.session.next_todo() is None:
            self.say(translate("Window", "every sentence is done"))

    def save_position(self) -> None:
        """Store where the annotator is; a busy project is not waited for (it is stored next time)."""
        try:
            with self.runner.without_waiting():
                self.session.save_position()
        except AnnotatorError as exc:
            self.fail(translate("Window", "position not saved: {problem}"), exc)

    def refresh(self) -> None:
        """Show what others changed meanwhile: their progress, the document list, the sentence."""
        self.refresh_team()
        self.reload_documents()
        if self.current is not None:
            try:
                self.session.go_to(self.current.id, keep_cursor=True)
            except AnnotatorError as exc:
                self.fail(translate("Window", "the sentence could not be read again: {problem}"), exc)
                return
        elif self.session.navigator.documents:  # work assigned since the window opened empty
            self.session.start()
        # A message hides the status bar's own labels for a while, so it repeats the team line.
        self.say(" · ".join(filter(None, [translate("Window", "refreshed"), self.status_team.text()])))

    def refresh_team(self) -> None:
        """The status bar's line about teammates: done sentences and how long ago each last edited."""
        try:
            self.status.show_team(self.session.team())
        except AnnotatorError:
            self.status.show_team(None)

    # -- edits ---------------------------------------------------------------------------------
    def execute(self, command: Command) -> bool:
        """Apply (and commit) an edit; the runner shows its outcome, the session what changed."""
        return self.runner.execute(command)

    def _said(self, message: str, later: bool = True) -> None:
        if later and not self.isVisible():  # said while the window is built (at start): once it is
            QTimer.singleShot(0, self, lambda: self._said(message, False))  # shown, or labels draw over it
            return
        error = message.startswith("⚠ ")
        self.say(message.removeprefix("⚠ "), error=error)

    def say(self, message: str, error: bool = False) -> None:
        """A one-line message in the status bar."""
        self.runner.say(message, error)

    def fail(self, message: str, problem: object) -> None:
        """An error line in the status bar: ``message`` with ``{problem}`` in it."""
        self.say(message.format(problem=problem), error=True)

    def report_failure(self, summary: str) -> None:
        """An unexpected failure (from the failure reporter): a status line, a dialog if it recurs."""
        self.runner.report_failure(summary)

    def back_to_sentence(self) -> None:
        """Give the keyboard back to the sentence view (after a dialog)."""
        self.edits.back_to_sentence()

    # -- panels and palette --------------------------------------------------------------------
    def _palette_clicked(self, label: str) -> None:
        self.runner.guard(lambda: self.edits.apply_label(label))()
        self.tokens.setFocus()

    def _panel_picked(self, kind: str, ident: int) -> None:
        view = self.current
        if view is None:
            return
        items = view.entities if kind == "entity" else view.events
        found = next((x for x in items if x.id == ident), None)
        if found is not None:
            self.tokens.select_span(found.token_start, found.token_end, (kind, ident))
        self.tokens.setFocus()

    def _panel_edit(self, kind: str, ident: int) -> None:
        if kind != "stance":
            self._panel_picked(kind, ident)
        edit = {
            "entity": self.edits.choose_label,
            "event": self.edits.set_attribute,
            "stance": self.edits.set_stance,
        }
        self.runner.guard(edit[kind])()

    # -- files ---------------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        """File → Import (or files dropped): in the background, all or nothing."""
        self.transfer.import_files(paths)

    def export_files(self) -> None:
        """File → Export: a layer in the background."""
        self.transfer.export_files()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged over the window."""
        self.transfer.accepts(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Import files dropped on the window."""
        self.transfer.dropped(event)

    # -- views and dialogs ---------------------------------------------------------------------
    def toggle_article(self) -> None:
        """Show or hide the whole article under the sentence."""
        if self.article.isVisible():
            self.article.hide()
            self.session.want_article(False)
        else:
            self.article.show()
            self.session.want_article(True)
        self.tokens.setFocus()

    def show_keymap(self) -> None:
        """Help → Keyboard."""
        labels = self.project.schema.labels
        dialogs.run_modal(dialogs.reused(self, KeymapDialog, lambda: KeymapDialog(self, labels)))
        self.back_to_sentence()

    def search(self) -> None:
        """Search the corpus and jump to the chosen sentence."""

        def find(query: str, after: int | None = None, limit: int = 200) -> list[tuple[int, str, int, str]]:
            try:
                return self.session.search(query, limit, after)
            except AnnotatorError as exc:
                self.fail(translate("Window", "search failed: {problem}"), exc)
                return []

        chosen = dialogs.search(self, find)
        if chosen is not None:
            self.go_to(chosen)
        self.back_to_sentence()

    # -- settings ------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, splitter in self._splitters():
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        try:
            self.session.start()
        except AnnotatorError as exc:
            self.say(shown(exc), error=True)
        self.tokens.setFocus()

    def _splitters(self) -> tuple[tuple[str, QSplitter], ...]:
        return (
            ("window/splitter", self.splitter),
            ("window/right", self.right),
            ("window/center", self.center),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry, splitters and the position; edits are already committed, so nothing is asked."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitters():
            self.settings.setValue(key, splitter.saveState())
        self.settings.sync()
        self.position_timer.stop()
        self.recommending.remember()
        self.assisting.stop()  # the training child process goes with the window
        self.transfer.stop()  # first: an import of this window still writing would hold the project
        self.runner.upkeep.stop()  # a backup or the full check still running ends at its next step
        try:  # closing never fails: a position that cannot be stored is only logged
            with self.runner.without_waiting():
                self.session.save_position()
        except Exception as exc:
            logger().warning("position not saved at close: %s", exc)
        self.time_keeper.close()
        super().closeEvent(event)
