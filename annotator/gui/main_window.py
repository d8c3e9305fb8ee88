"""The annotation window: composition, navigation, undo and the status bar.

Qt widgets here are adapters: they hold ids and the current sentence's snapshot, never ORM
objects, and they never load the whole corpus. Edits go through Qt-free commands.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.keymap import keys_of
from annotator.core.model import GOLD
from annotator.core.views import SentenceView
from annotator.gui import dialogs
from annotator.gui.dialogs import KeymapDialog
from annotator.gui.editing import EditingMixin
from annotator.gui.panels import AnnotationPanels, Palette
from annotator.gui.physical_keys import PhysicalKeys
from annotator.gui.saving import EditRunner
from annotator.gui.token_view import TokenView
from annotator.gui.transfer import TransferMixin
from annotator.gui.workers import Worker
from annotator.services import annotate
from annotator.services import project as projects
from annotator.services.commands import Command
from annotator.store import Project, queries


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
    return label


TEAM_REFRESH_MS = 30_000  # teammates' progress is refreshed this often (and on F5)
BACKUP_EVERY = 300  # edits between two rolling backups (one is also made at every start)


class AnnotationWindow(EditingMixin, TransferMixin, QMainWindow):
    """Documents on the left, the sentence in the middle, palette and annotation panels on the right."""

    def __init__(self, project: Project, annotator: queries.AnnotatorInfo, settings: QSettings | None = None):
        super().__init__()
        self.project = project
        self.annotator = annotator
        if annotator.role != GOLD:  # the gold editor keeps acting for the reviewer who opened it
            project.act_as(annotator.id)
        self.settings = settings or QSettings()
        self.current: SentenceView | None = None
        self.navigator = annotate.Navigator(project)
        reread = lambda sid: self.show_sentence(sid, keep_cursor=True)  # noqa: E731
        self.runner = EditRunner(self, project, reread, self.shown_layer, self.changed)
        self.history = self.runner.history
        self.workers: list[Worker] = []
        self.document_ids: list[int] = []
        self.edits_since_backup = 0
        self.setWindowTitle(f"{project.name} — {annotator.name} — annotator")
        self.setAcceptDrops(True)
        self._build()
        self._actions()
        self.reload_documents()
        self._restore()
        self.refresh_team()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("filter documents")
        self.filter.setClearButtonEnabled(True)
        self.documents = QListWidget()
        self.documents.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.documents)

        self.previous = _plain_label()
        self.next = _plain_label()
        for label in (self.previous, self.next):
            label.setWordWrap(True)
            label.setStyleSheet("color: #9e9e9e; font-size: 13pt;")
        self.heading = _plain_label()
        self.heading.setStyleSheet("color: #37474f; font-weight: bold;")
        self.tokens = TokenView(self.project.schema)
        self.comment = _plain_label()
        self.comment.setStyleSheet("color: #e65100;")
        content = QWidget()
        mid = QVBoxLayout(content)
        mid.addWidget(self.heading)
        mid.addWidget(self.previous)
        mid.addWidget(self.tokens)
        mid.addWidget(self.comment)
        mid.addWidget(self.next)
        mid.addStretch(1)
        middle = self.middle = QScrollArea()  # a long sentence scrolls instead of overlapping its neighbours
        middle.setWidgetResizable(True)
        middle.setFrameShape(QFrame.Shape.NoFrame)
        middle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        middle.setWidget(content)
        self.article = QPlainTextEdit()
        self.article.setReadOnly(True)
        self.article.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.article.hide()
        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(middle)
        self.center.addWidget(self.article)

        self.palette_box = Palette(self.project.schema)
        self.panels = AnnotationPanels(self.project.schema)
        self.right = QSplitter(Qt.Orientation.Vertical)
        palette_scroll = QScrollArea()  # small screens scroll the palette instead of growing the window
        palette_scroll.setWidgetResizable(True)
        palette_scroll.setFrameShape(QFrame.Shape.NoFrame)
        palette_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        palette_scroll.setWidget(self.palette_box)
        self.right.addWidget(palette_scroll)
        self.right.addWidget(self.panels)
        self.right.setSizes([440, 420])
        self.center.setSizes([620, 240])

        self.splitter = QSplitter()
        for w in (left, self.center, self.right):
            self.splitter.addWidget(w)
        self.splitter.setSizes([230, 760, 470])
        self.setCentralWidget(self.splitter)

        self.status_annotator = _plain_label(f"annotator: {self.annotator.name}")
        self.status_position = _plain_label()
        self.status_progress = _plain_label()
        self.status_saved = self.runner.indicator
        self.status_team = _plain_label()
        for w in (self.status_annotator, self.status_position, self.status_progress, self.status_team):
            self.statusBar().addWidget(w)
        self.team_timer = QTimer(self)
        self.team_timer.setInterval(TEAM_REFRESH_MS)
        self.team_timer.timeout.connect(self.refresh_team)
        self.team_timer.start()
        self.statusBar().addPermanentWidget(self.status_saved)

        self.filter.textChanged.connect(self._filter_documents)
        self.filter.returnPressed.connect(self.tokens.setFocus)
        self.documents.itemClicked.connect(self._document_clicked)
        self.palette_box.labelClicked.connect(self._palette_clicked)
        self.panels.picked.connect(self._panel_picked)
        self.panels.edit.connect(self._panel_edit)
        self.resize(1460, 860)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # never open larger than the screen
            self.resize(min(1460, int(screen.width() * 0.96)), min(860, int(screen.height() * 0.92)))

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: str | list[str] | None = None,
        window_wide: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        sequences = [keys] if isinstance(keys, str) else (keys or [])
        if sequences:
            action.setShortcuts([QKeySequence(k) for k in sequences])
        context = (
            Qt.ShortcutContext.WindowShortcut
            if window_wide
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.setShortcutContext(context)
        action.triggered.connect(self.runner.guard(slot))
        (self if window_wide else self.tokens).addAction(action)
        self.named_actions[name] = action
        return action

    def _actions(self) -> None:
        self.named_actions: dict[str, QAction] = {}
        a = self._action
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(a("import", "&Import…", self.import_files, keys_of("import"), True))
        file_menu.addAction(a("export", "&Export…", self.export_files, keys_of("export"), True))
        file_menu.addSeparator()
        file_menu.addAction(a("quit", "&Quit", self.close, keys_of("quit"), True))
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = a("undo", "&Undo", self.runner.undo, keys_of("undo"), True)
        self.redo_action = a("redo", "&Redo", self.runner.redo, keys_of("redo"), True)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.history.subscribe(self._history_changed)
        self._history_changed()
        edit.addSeparator()
        edit.addAction(a("delete", "&Delete annotation", self.delete_annotation, keys_of("delete")))
        edit.addAction(a("choose_label", "Choose &label…", self.choose_label, keys_of("choose_label")))
        labels = edit.addMenu("Labels")
        for lab in self.project.schema.labels:
            if lab.shortcut:
                labels.addAction(
                    a(f"label:{lab.name}", lab.name, partial(self.apply_label, lab.name), lab.shortcut)
                )
        ann = self.menuBar().addMenu("&Annotate")
        ann.addAction(a("trigger", "Event &trigger…", self.make_trigger, keys_of("trigger")))
        ann.addAction(a("argument", "&Argument…", self.add_argument, keys_of("argument")))
        ann.addAction(a("attributes", "Event att&ributes…", self.set_attribute, keys_of("attributes")))
        ann.addSeparator()
        ann.addAction(a("stance", "&Stance of sentence…", self.set_stance, keys_of("stance")))
        ann.addAction(
            a("document_stance", "Stance of &document…", self.set_document_stance, keys_of("document_stance"))
        )
        ann.addAction(a("holder", "Stance &holder…", self.set_holder, keys_of("holder")))
        nav = self.menuBar().addMenu("&Go")
        nav.addAction(a("done", "Mark &done and next", self.mark_done, keys_of("done")))
        nav.addAction(a("skip", "S&kip", self.skip, keys_of("skip")))
        nav.addAction(a("flag", "&Flag with comment…", self.flag, keys_of("flag")))
        nav.addSeparator()
        nav.addAction(a("next", "&Next sentence", lambda: self.step(1), keys_of("next")))
        nav.addAction(a("previous", "&Previous sentence", lambda: self.step(-1), keys_of("previous")))
        nav.addAction(a("next_todo", "Next &not done", self.next_todo, keys_of("next_todo")))
        nav.addAction(a("search", "&Search…", self.search, keys_of("search"), True))
        view = self.menuBar().addMenu("&View")
        view.addAction(a("article", "Whole &article", self.toggle_article, keys_of("article")))
        view.addAction(a("refresh", "&Refresh", self.refresh, keys_of("refresh"), True))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a("keymap", "&Keyboard…", self.show_keymap, keys_of("keymap"), True))
        self.physical_keys = PhysicalKeys(self)  # the same keys by position on Kazakh and Russian layouts

    # -- documents and navigation --------------------------------------------------------------
    def reload_documents(self) -> None:
        """Refill the document list with this annotator's progress."""
        try:
            with self.project.reading() as s:
                docs = queries.documents_overview(s, self.annotator.id)
        except AnnotatorError as exc:
            self.say(f"the document list could not be read: {exc}", error=True)
            return
        self.documents.clear()
        self.document_ids = [doc.id for doc in docs]  # row by row (items made by Qt, see dialogs.Chooser)
        self.documents.addItems([f"{doc.name}  ({doc.done}/{doc.sentences})" for doc in docs])
        self._filter_documents(self.filter.text())
        self._mark_current_document()

    def _filter_documents(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            item.setHidden(needle not in item.text().casefold())

    def _mark_current_document(self) -> None:
        if self.current is None:
            return
        if self.current.document_id in self.document_ids:
            self.documents.setCurrentRow(self.document_ids.index(self.current.document_id))

    def _document_clicked(self, item: QListWidgetItem) -> None:
        try:
            ids = self.navigator.sentences(self.document_ids[self.documents.row(item)])
        except AnnotatorError as exc:
            self.say(str(exc), error=True)
            return
        if ids:
            self.go_to(ids[0])
        self.tokens.setFocus()

    def go_to(self, sentence_id: int, keep_cursor: bool = False) -> None:
        """Show a sentence (cursor on its first token) and remember the position in the project."""
        try:
            self.show_sentence(sentence_id, keep_cursor)
        except AnnotatorError as exc:
            self.say(str(exc), error=True)

    def show_sentence(self, sentence_id: int, keep_cursor: bool = False) -> None:
        """Read a sentence from the database and show it; raises AnnotatorError when it cannot be read."""
        view = annotate.load_sentence(self.project, sentence_id, self.annotator.id)
        moved = self.current is None or self.current.id != view.id
        neighbours = ("", "")
        if moved:  # the view knows its document and index: the neighbours come from the cached ids
            ids = self.navigator.sentences(view.document_id)
            before = ids[view.index - 1] if view.index > 0 else None
            after = ids[view.index + 1] if view.index + 1 < len(ids) else None
            with self.project.reading() as s:
                neighbours = (
                    queries.sentence_text(s, before) if before is not None else "",
                    queries.sentence_text(s, after) if after is not None else "",
                )
        p = annotate.progress(self.project, self.annotator.id, view.document_id)
        changed_document = self.current is None or self.current.document_id != view.document_id
        self.current = view
        self.tokens.show_sentence(view, keep_cursor)
        if not keep_cursor:
            self.middle.verticalScrollBar().setValue(0)
        self.panels.show_sentence(view)
        self.heading.setText(
            f"{view.document_name} · sentence {view.index + 1} of {view.count} · {view.status}"
        )
        self.comment.setText(f"comment: {view.comment}" if view.comment else "")
        if moved:
            self.previous.setText(neighbours[0])
            self.next.setText(neighbours[1])
        if changed_document:
            self._mark_current_document()
            if self.article.isVisible():
                self._fill_article()
        self._highlight_article()
        self._update_status(p)
        if moved:  # an edit of the shown sentence does not move the remembered position
            try:  # moving is reading: a busy project is not waited for, the next move saves it
                with self.runner.without_waiting(), self.project.transaction() as s:
                    queries.set_meta(s, f"position:{self.annotator.id}", str(view.id))
            except AnnotatorError as exc:
                self.say(f"position not saved: {exc}", error=True)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) sentence, status unchanged."""
        if self.current is None:
            return
        try:
            target = self.navigator.step(self.current.id, delta)
        except AnnotatorError as exc:
            self.say(str(exc), error=True)
            return
        if target is None:
            self.say("no more sentences in that direction")
        else:
            self.go_to(target)

    def next_todo(self) -> None:
        """Jump to the next sentence not yet done."""
        if self.current is None:
            return
        try:
            target = self.navigator.next_not_done(self.current.id, self.annotator.id)
        except AnnotatorError as exc:
            self.say(str(exc), error=True)
            return
        if target is None:
            self.say("every sentence is done")
        else:
            self.go_to(target)

    def _update_status(self, p: annotate.Progress) -> None:
        view = self.current
        if view is None:
            return
        self.status_position.setText(f"sentence {view.index + 1} of {view.count}")
        self.status_progress.setText(
            f"document {p.document_done}/{p.document_total} done · "
            f"corpus {p.corpus_done}/{p.corpus_total} done"
        )
        item = self.documents.currentItem()
        if item is not None:
            item.setText(f"{view.document_name}  ({p.document_done}/{p.document_total})")

    def refresh(self) -> None:
        """Show what others changed meanwhile: their progress, the document list, the sentence."""
        self.refresh_team()
        self.reload_documents()
        if self.current is not None:
            try:
                self.show_sentence(self.current.id, keep_cursor=True)
            except AnnotatorError as exc:
                self.say(f"the sentence could not be read again: {exc}", error=True)
                return
        # A message hides the status bar's own labels for a while, so it repeats the team line.
        self.say(" · ".join(filter(None, ["refreshed", self.status_team.text()])))

    def refresh_team(self) -> None:
        """The status bar's line about teammates: done sentences and how long ago each last edited."""
        try:
            with self.project.reading() as s:
                team = queries.team_progress(s)
        except AnnotatorError:
            self.status_team.setText("team: the project cannot be read just now")
            return
        others = [m for m in team if m.name != self.annotator.name][:4]
        parts = [f"{m.name} {m.done} done{_ago(m.last_edit_at)}" for m in others]
        self.status_team.setText(("team: " + " · ".join(parts)) if parts else "")

    # -- edits ---------------------------------------------------------------------------------
    def execute(self, command: Command) -> bool:
        """Apply (and commit) an edit; the runner puts it on the undo history and calls ``changed``."""
        return self.runner.execute(command)

    def _history_changed(self) -> None:
        undo, redo = self.history.next_undo, self.history.next_redo
        self.undo_action.setText(f"&Undo {undo.text}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo.text}" if redo else "&Redo")
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)

    def changed(self, sentence_id: int) -> None:
        """After a commit: the sentence that changed is shown, keeping the cursor if it is current."""
        self.edits_since_backup += 1
        if self.edits_since_backup >= BACKUP_EVERY:
            self.edits_since_backup = 0
            try:
                where = projects.rolling_backup(self.project)
            except AnnotatorError as exc:
                self.say(f"backup failed: {exc}", error=True)
            else:
                if where is not None:
                    self.say(f"backed up to {where}")
        same = self.current is not None and self.current.id == sentence_id
        self.go_to(sentence_id, keep_cursor=same)

    def shown_layer(self, sentence_id: int) -> object:
        """What the window shows of a sentence's layer now, or None when it shows another sentence."""
        view = self.current
        if view is None or view.id != sentence_id:
            return None
        return (view.entities, view.events, view.stance, view.document_stance, view.status, view.comment)

    def say(self, message: str, error: bool = False) -> None:
        """A one-line message in the status bar."""
        self.runner.say(message, error)

    def report_failure(self, summary: str) -> None:
        """An unexpected failure (from the failure reporter): a status line, a dialog if it recurs."""
        self.runner.report_failure(summary)

    # -- panels and palette --------------------------------------------------------------------
    def _palette_clicked(self, label: str) -> None:
        self.apply_label(label)
        self.tokens.setFocus()

    def _panel_picked(self, kind: str, ident: int) -> None:
        view = self.current
        if view is None:
            return
        items = view.entities if kind == "entity" else view.events
        found = next((x for x in items if x.id == ident), None)
        if found is not None:
            self.tokens.select_span(found.start, found.end, (kind, ident))
        self.tokens.setFocus()

    def _panel_edit(self, kind: str, ident: int) -> None:
        if kind != "stance":
            self._panel_picked(kind, ident)
        {"entity": self.choose_label, "event": self.set_attribute, "stance": self.set_stance}[kind]()

    # -- views and dialogs ---------------------------------------------------------------------
    def toggle_article(self) -> None:
        """Show or hide the whole article under the sentence."""
        if self.article.isVisible():
            self.article.hide()
        else:
            self.article.show()
            self._fill_article()
            self._highlight_article()
        self.tokens.setFocus()

    def _fill_article(self) -> None:
        if self.current is None:
            return
        with self.project.reading() as s:
            self.article.setPlainText(queries.document_text(s, self.current.document_id))

    def _highlight_article(self) -> None:
        if not self.article.isVisible() or self.current is None:
            return
        with self.project.reading() as s:
            start, end = queries.sentence_offsets(s, self.current.id)
        cursor = QTextCursor(self.article.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(Qt.GlobalColor.yellow)
        self.article.setExtraSelections([selection])
        self.article.setTextCursor(cursor)
        self.article.ensureCursorVisible()

    def show_keymap(self) -> None:
        """Help → Keyboard."""
        labels = [(lab.shortcut, f"label {lab.name}: {lab.guideline}") for lab in self.project.schema.labels]
        dialogs.run_modal(dialogs.reused(self, KeymapDialog, lambda: KeymapDialog(self, labels)))
        self.back_to_sentence()

    def search(self) -> None:
        """Search the corpus and jump to the chosen sentence."""

        def find(query: str) -> list[tuple[int, str, int, str]]:
            try:
                return annotate.search(self.project, query)
            except AnnotatorError as exc:
                self.say(f"search failed: {exc}", error=True)
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
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/right", self.right),
            ("window/center", self.center),
        ):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        with self.project.reading() as s:
            saved = queries.get_meta(s, f"position:{self.annotator.id}")
        start = (
            int(saved)
            if saved and saved.isdigit() and self.navigator.locate(int(saved))
            else self.navigator.first()
        )
        if start is not None:
            self.go_to(start)
        self.tokens.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry and splitters; edits are already committed, so nothing is asked."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/right", self.right.saveState())
        self.settings.setValue("window/center", self.center.saveState())
        self.settings.sync()
        for worker in self.workers:
            worker.cancelled = True
            worker.wait(10_000)
        super().closeEvent(event)


def _ago(when: datetime | None) -> str:
    """`` (5 min ago)`` for a timestamp, or nothing."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = max(0, int((datetime.now(UTC) - when).total_seconds()))
    if seconds < 60:
        return " (just now)"
    if seconds < 3600:
        return f" ({seconds // 60} min ago)"
    if seconds < 86400:
        return f" ({seconds // 3600} h ago)"
    return f" ({seconds // 86400} d ago)"
