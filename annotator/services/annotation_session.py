"""The annotation session: everything an annotation window holds except its widgets, Qt-free.

It holds the project, the person annotating, navigation (go to, step, next not done, search),
the current screen (the sentence with this person's annotations, its neighbours and the progress),
the undo history and the backup policy (:class:`EditingSession`), and where the person left off.
Views subscribe to ``screen_changed`` and ``documents_changed``; they never read the store.

Every move is one read transaction: the sentence, its neighbours, the progress and, when it
crosses into a document not visited yet, that document's sentence ids come from one snapshot.
Where the person left off is not written by the move: it is marked pending, and the window
stores it when it is idle (``save_position``) and when it closes. Active annotation time is
gathered the same way: every screen shown focuses the session's :class:`ActiveTimer` on its
sentence, the window feeds it the person's input, and ``save_time`` stores what it gathered.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.core.records import AnnotatorInfo, TeamMember
from annotator.core.signals import Signal
from annotator.core.suggestions import Suggestion
from annotator.core.views import SentenceView
from annotator.services import annotate, preannotation
from annotator.services.active_time import ActiveTimer, Clock
from annotator.services.annotate import Navigator, Progress
from annotator.services.assisting import Assist
from annotator.services.commands import Command
from annotator.services.document_list import DocumentList
from annotator.services.serving import Serving
from annotator.services.session import EditingSession, Outcome
from annotator.store import Project, Session, active_time, assignments, queries, reading


@dataclass(frozen=True)
class Screen:
    """What the window shows, read in one transaction.

    ``moved``: another sentence than before; ``new_document``: another document than before;
    ``keep_cursor``: the same sentence read again (after an edit), so the token cursor stays.
    While the whole article is wanted, ``span`` is the sentence's character range in it and
    ``article`` the article's text when it is new to the window (else None). ``suggestions``
    are what the recommenders propose for the sentence (nothing until accepted).
    """

    view: SentenceView
    previous: str
    next: str
    progress: Progress
    moved: bool
    new_document: bool
    keep_cursor: bool
    span: tuple[int, int] = (0, 0)
    article: str | None = None
    suggestions: tuple[Suggestion, ...] = ()


MIN_DONE_TO_TRAIN = 10  # done sentences before marking one done starts a training run by itself


def _position_key(person_id: int) -> str:
    return f"position:{person_id}"


class AnnotationSession(EditingSession):
    """One person annotating one project: the model behind :class:`AnnotationWindow`."""

    def __init__(self, project: Project, person: AnnotatorInfo, clock: Clock | None = None):
        super().__init__(project)
        self.person = person
        if person.role != GOLD:  # the gold editor keeps acting for the reviewer who opened it
            project.act_as(person.id)
        self.serving = Serving(self)  # an annotator's assigned work, and the pool in dynamic mode
        self.navigator = Navigator(project, self.serving.read_settings())
        self.screen: Screen | None = None
        self.pending_position: int | None = None  # a sentence moved to, not yet stored as where we are
        self.screen_changed: Signal[Screen] = Signal()
        self.documents_changed: Signal[DocumentList] = Signal()
        self.article_wanted = False  # the window shows the whole article: screens carry it
        self.assist = Assist(self)  # suggestions: what the recommenders propose, and the keys on them
        self.timer = ActiveTimer(clock or time.monotonic)  # active time per sentence (save_time stores it)
        self._document_of: dict[int, int] = {}  # sentence id → document id, of the sentences timed

    @property
    def view(self) -> SentenceView | None:
        """The sentence shown now, or None before the first."""
        return self.screen.view if self.screen is not None else None

    # -- moving --------------------------------------------------------------------------------
    def start(self) -> Screen | None:
        """Go to where this person left off (else the first sentence); None for an empty project.

        What ``annotator suggest --apply`` last added to this person's layer is on the undo history
        already, so that one undo takes it out.
        """
        applied = preannotation.pending_preannotation(self.project, self.person)
        if applied is not None:
            self.history.record(applied)
        if self.serving.at_start() is not None:  # dynamic mode: a document taken from the pool
            return self.screen
        with self.project.reading() as s:
            saved = queries.get_meta(s, _position_key(self.person.id))
            here = int(saved) if saved and saved.isdigit() else None
            target = here if here is not None and self.navigator.locate(here, s) else self.navigator.first(s)
            if target is None:
                self.serving.documents_read(len(self.navigator.documents))
                if self.serving.empty_line and not self.serving.dynamic:  # dynamic: at_start said it
                    self.said.emit(self.serving.empty_line)
                return None
            screen = self._read(s, target, keep_cursor=False)
        self.pending_position = None if target == here else target
        self._show(screen)
        return screen

    def go_to(self, sentence_id: int, keep_cursor: bool = False) -> Screen:
        """Show a sentence (read in one transaction); raises AnnotatorError when it cannot be read."""
        screen = self._move(lambda _s: sentence_id, keep_cursor)
        assert screen is not None  # the target is given, never looked for
        return screen

    def step(self, delta: int) -> Screen | None:
        """Next (+1) or previous (-1) sentence, crossing documents; None when there is none."""
        view = self.view
        if view is None:
            return None

        def target(s: Session) -> int | None:
            ids = self.navigator.sentences(view.document_id, s)
            if view.ordinal < len(ids) and ids[view.ordinal] == view.id:  # the cached order still holds
                return self.navigator.step_from(view.document_id, view.ordinal, delta, s)
            return self.navigator.step(view.id, delta, s)

        return self._move(target)

    def next_todo(self) -> Screen | None:
        """The next sentence not done (wrapping round the corpus); None when every one is done."""
        view = self.view
        if view is None:
            return None
        return self._move(lambda s: self.navigator.next_not_done(view.id, self.person.id, s))

    def open_document(self, document_id: int) -> Screen | None:
        """The first sentence of a document; None when it has none."""
        return self._move(lambda s: next(iter(self.navigator.sentences(document_id, s)), None))

    def reload(self, sentence_id: int) -> None:
        """Read a sentence again (keeping the cursor when it is the one shown)."""
        view = self.view
        self.go_to(sentence_id, keep_cursor=view is not None and view.id == sentence_id)

    def _move(
        self,
        target: Callable[[Session], int | None],
        keep_cursor: bool = False,
        article: bool = False,
        neighbours: bool = False,
    ) -> Screen | None:
        with self.project.reading() as s:
            sentence_id = target(s)
            if sentence_id is None:
                return None
            screen = self._read(s, sentence_id, keep_cursor, article, neighbours)
        if screen.moved:
            self.pending_position = screen.view.id
        self._show(screen)
        return screen

    def _read(
        self, s: Session, sentence_id: int, keep_cursor: bool, article: bool = False, neighbours: bool = False
    ) -> Screen:
        """The screen of a sentence; the article's text when it is wanted and new (``article``: asked
        for); ``neighbours``: the sentences before and after are read again (a correction)."""
        view = reading.sentence_view(s, sentence_id, self.person.id)
        old = self.screen
        moved = old is None or old.view.id != view.id
        if moved or neighbours:
            ids = self.navigator.sentences(view.document_id, s)
            before = ids[view.ordinal - 1] if 0 < view.ordinal <= len(ids) else None
            after = ids[view.ordinal + 1] if view.ordinal + 1 < len(ids) else None
            previous = queries.sentence_text(s, before) if before is not None else ""
            following = queries.sentence_text(s, after) if after is not None else ""
        else:
            assert old is not None
            previous, following = old.previous, old.next
        progress = self.navigator.progress(s, self.person.id, view.document_id)
        new_document = old is None or old.view.document_id != view.document_id
        article = article or neighbours  # a correction changed the article's sentences
        span, text = (0, 0), None
        if self.article_wanted:
            span = queries.sentence_offsets(s, view.id)
            if new_document or article:
                text = queries.document_text(s, view.document_id)
        keep = keep_cursor and not moved
        suggested = self.assist.for_view(s, view)
        return Screen(view, previous, following, progress, moved, new_document, keep, span, text, suggested)

    def want_article(self, wanted: bool) -> None:
        """Show (or stop showing) the whole article: the screen is read again with it."""
        self.article_wanted = wanted
        view = self.view
        if wanted and view is not None:
            self._move(lambda _s: view.id, keep_cursor=True, article=True)

    def _show(self, screen: Screen) -> None:
        self.screen = screen
        self._document_of[screen.view.id] = screen.view.document_id
        self.timer.focus(screen.view.id)
        self.assist.shown_with(screen)
        self.screen_changed.emit(screen)

    # -- where the person left off --------------------------------------------------------------
    def save_position(self) -> bool:
        """Store the pending position (one small write); True when there was one to store.

        Raises AnnotatorError (``StoreUnavailable`` when the project is busy) and keeps it pending.
        """
        sentence_id = self.pending_position
        if sentence_id is None:
            return False
        with self.project.transaction() as s:
            queries.set_meta(s, _position_key(self.person.id), str(sentence_id))
        if self.pending_position == sentence_id:
            self.pending_position = None
        return True

    # -- active time ---------------------------------------------------------------------------
    def save_time(self) -> bool:
        """Store the active seconds gathered, and touch the documents worked in, in one transaction.

        True when there were seconds to store. The gold layer records no time (it is nobody's
        work: the reviewer's own is their layer's). Raises AnnotatorError (``StoreUnavailable``
        when the project is busy) and keeps the seconds pending.
        """
        seconds = self.timer.take()
        if not seconds or self.person.role == GOLD:
            return False
        try:
            with self.project.transaction() as s:
                seconds = self._still_there(s, seconds)
                documents = sorted({self._document_of[sid] for sid in seconds if sid in self._document_of})
                active_time.add_seconds(s, self.person.id, seconds)
                for document_id in documents:
                    assignments.touch(s, self.person.id, document_id)
        except BaseException:
            self.timer.put_back(seconds)
            raise
        return True

    def _still_there(self, s: Session, seconds: dict[int, float]) -> dict[int, float]:
        """``seconds`` with those of sentences a correction took away (merged into another, or a
        split undone) moved to the sentence shown now, which holds their text; dropped when it
        is gone too."""
        alive = active_time.existing(s, seconds)
        if len(alive) == len(seconds):
            return seconds
        kept = {sid: t for sid, t in seconds.items() if sid in alive}
        lost = sum(t for sid, t in seconds.items() if sid not in alive)
        view = self.view
        if view is not None and active_time.existing(s, [view.id]):
            kept[view.id] = kept.get(view.id, 0.0) + lost
            self._document_of.setdefault(view.id, view.document_id)
        return kept

    # -- edits ---------------------------------------------------------------------------------
    def execute(self, command: Command) -> Outcome:
        """Apply an edit made on the sentence shown, refused in its own transaction when someone
        corrected that sentence's tokens since it was read (the sentence is then read again)."""
        view = self.view
        if view is not None and view.id == command.sentence_id:
            command.seen_tokens = tuple(view.tokens)
        outcome = super().execute(command)
        if command.stale and view is not None:
            self.reload(view.id)
        return outcome

    def shown(self, sentence_id: int) -> object:
        """What the window shows of a sentence's annotations now, or None when it shows another."""
        view = self.view
        if view is None or view.id != sentence_id:
            return None
        return (
            view.entities,
            view.events,
            view.stance,
            view.document_stance,
            view.status,
            view.comment,
            view.text,
        )

    def after_edit(self, command: Command, changes: Changes) -> None:
        """After a stored edit: the sentence it changed is shown (the cursor stays when it is current)."""
        for document_id in changes.structure:  # sentences split or merged: their order is read again
            self.navigator.forget(document_id)
        if changes.progress:  # a status set: the done counts are read again
            self.navigator.statuses_changed()
        try:
            if changes.structure:
                self._move(lambda _s: command.sentence_id, keep_cursor=True, neighbours=True)
            elif changes.text:  # the article's text changed in place: the article pane reads it again
                self._move(lambda _s: command.sentence_id, keep_cursor=True, article=True)
            else:
                self.reload(command.sentence_id)
        except AnnotatorError as exc:
            self.said.emit(f"⚠ {exc}")
        if changes.structure:
            self.announce_documents()
        if changes.progress and self._enough_done():
            self.assist.after_done()  # the done sentences are the training data: it changed

    def _enough_done(self) -> bool:
        """Whether this person has done enough sentences for training to be worth a run."""
        screen = self.screen
        return screen is not None and screen.progress.corpus_done >= MIN_DONE_TO_TRAIN

    def mark_and_move(self, command: Command) -> Outcome:
        """Set a status and, once it is stored (and shown), go to the next sentence."""
        outcome = self.execute(command)
        if outcome.stored:
            try:
                if self.serving.after_status():  # dynamic mode: a finished document serves the next
                    return outcome
                if self.step(1) is None:
                    self.said.emit("that was the last sentence of the corpus")
            except AnnotatorError as exc:
                self.said.emit(f"⚠ {exc}")
        return outcome

    # -- the rest of what the window shows -----------------------------------------------------
    def documents(self) -> DocumentList:
        """Every document (an annotator's assigned ones, see ``serving``) with this person's
        progress, read a page at a time when asked (only how many there are is read here)."""
        docs = DocumentList(self.project, self.person.id, self.navigator.assigned_to)
        self.serving.documents_read(docs.count())
        return docs

    def announce_documents(self) -> DocumentList:
        """Announce the document list (with this person's progress) anew."""
        docs = self.documents()
        self.documents_changed.emit(docs)
        return docs

    def reload_documents(self) -> DocumentList:
        """After an import or on refresh: the corpus order is read again and the list announced."""
        self.navigator = Navigator(self.project, self.serving.read_settings())
        return self.announce_documents()

    def team(self) -> list[TeamMember]:
        """Teammates' progress (everyone but this person and the gold layer), busiest first."""
        with self.project.reading() as s:
            return [m for m in queries.team_progress(s) if m.name != self.person.name]

    def search(
        self, query: str, limit: int = 200, after: int | None = None
    ) -> list[tuple[int, str, int, str]]:
        """Sentences containing ``query`` (any case, any script): id, document, ordinal, text; a
        page of ``limit``, the next one ``after`` the last hit's id."""
        return annotate.search(self.project, query, limit, self.navigator.assigned_to, after)
