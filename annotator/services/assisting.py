"""The suggestions part of an annotation session, Qt-free: what is suggested on the screen, which
suggestion has the focus, the score threshold, accepting and rejecting, labelling every occurrence,
the most useful sentence next, and the news of background training.

It belongs to an :class:`AnnotationSession` (``session.assist``): the session asks it for the
shown sentence's suggestions inside the same read transaction as the rest of the screen, and the
window's keys call it. Accepting, rejecting and labelling occurrences are ordinary commands, so
they are undone like any edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.signals import Signal
from annotator.core.suggestions import STANCE, Suggestion
from annotator.core.views import SentenceView
from annotator.services import commands as c
from annotator.services.commands import Occurrence, occurrences
from annotator.services.session import Outcome, Result
from annotator.services.suggest_data import compatible
from annotator.services.suggesting import Suggester, TrainingReport
from annotator.store import Session

if TYPE_CHECKING:
    from annotator.services.annotation_session import AnnotationSession, Screen

THRESHOLD_STEP = 0.1
THRESHOLD_RANGE = (0.05, 0.95)


@dataclass(frozen=True)
class Found:
    """The occurrences of a span's string that "label all" would label, for the person to confirm."""

    label: str
    text: str
    scope: str
    occurrences: tuple[Occurrence, ...]


class Assist:
    """Suggestions on the screen of one annotation session, and what the keys do with them."""

    def __init__(self, session: AnnotationSession):
        self.session = session
        self.suggester: Suggester | None = None
        self.focus: int | None = None  # index into the screen's suggestions
        self.auto_train = True  # retrain when a sentence is marked done
        self.news: Signal[TrainingReport] = Signal()  # a training run finished (or failed)
        self.state_changed: Signal[None] = Signal()  # models, threshold or training state changed

    # -- the recommender -------------------------------------------------------------------------
    def attach(self, suggester: Suggester | None) -> None:
        """Suggest with ``suggester`` (None: no suggestions); the screen is read again."""
        self.suggester = suggester
        self.focus = None
        self._refresh()
        self.state_changed.emit(None)

    def close(self) -> None:
        """Stop background training (the window closes)."""
        if self.suggester is not None:
            self.suggester.close()

    def for_view(self, s: Session, view: SentenceView) -> tuple[Suggestion, ...]:
        """The suggestions to show with ``view`` (read in the caller's transaction)."""
        if self.suggester is None:
            return ()
        return self.suggester.suggestions(s, view)

    def shown_with(self, screen: Screen) -> None:
        """A new screen is shown: a move drops the focus, a re-read keeps it in range."""
        if screen.moved or not screen.suggestions:
            self.focus = None
        elif self.focus is not None:
            self.focus = min(self.focus, len(screen.suggestions) - 1)

    @property
    def shown(self) -> tuple[Suggestion, ...]:
        """The suggestions on the screen now."""
        screen = self.session.screen
        return screen.suggestions if screen is not None else ()

    @property
    def focused(self) -> Suggestion | None:
        """The suggestion with the focus, if any."""
        shown = self.shown
        if self.focus is None or not 0 <= self.focus < len(shown):
            return None
        return shown[self.focus]

    def step_focus(self, delta: int) -> Suggestion | None:
        """Focus the next (+1) or previous (-1) suggestion, round the sentence; None when there is none."""
        shown = self.shown
        if not shown:
            self.focus = None
            return None
        if self.focus is None:
            self.focus = 0 if delta > 0 else len(shown) - 1
        else:
            self.focus = (self.focus + delta) % len(shown)
        return shown[self.focus]

    def at(self, token: int) -> Suggestion | None:
        """The suggestion under a token: the focused one if it covers it (or is a stance), else the first."""
        focused = self.focused
        if focused is not None and (
            focused.kind == STANCE or focused.token_start <= token < focused.token_end
        ):
            return focused
        return next(
            (x for x in self.shown if x.kind != STANCE and x.token_start <= token < x.token_end), None
        )

    # -- accepting and rejecting -----------------------------------------------------------------
    def _person(self) -> int:
        return self.session.person.id

    def accept(self, suggestion: Suggestion) -> Outcome:
        """Make the suggestion an annotation of this person's (an ordinary, undoable edit)."""
        view = self._view()
        return self.session.execute(c.AcceptSuggestion(view.id, self._person(), suggestion))

    def reject(self, suggestion: Suggestion) -> Outcome:
        """Say no to the suggestion: it never comes back to this person for that span and label."""
        view = self._view()
        return self.session.execute(c.RejectSuggestion(view.id, self._person(), suggestion))

    def accept_all(self) -> Outcome:
        """Accept every suggestion shown in the sentence as one undoable step."""
        shown = compatible(self.shown, self.session.project.schema)
        if not shown:
            return Outcome(Result.NOTHING, "accept all", message="no suggestion to accept in this sentence")
        view = self._view()
        return self.session.execute(c.accept_all(view.id, self._person(), shown))

    # -- the threshold ---------------------------------------------------------------------------
    @property
    def threshold(self) -> float:
        """Suggestions below this score are not shown."""
        return self.suggester.threshold if self.suggester is not None else 0.5

    def set_threshold(self, value: float) -> float:
        """Show suggestions scoring at least ``value`` (kept in range); the screen is read again."""
        low, high = THRESHOLD_RANGE
        value = round(min(high, max(low, value)), 2)
        if self.suggester is not None and value != self.suggester.threshold:
            self.suggester.threshold = value
            self._refresh()
            self.state_changed.emit(None)
        return value

    def nudge_threshold(self, steps: int) -> float:
        """Raise (+1) or lower (-1) the threshold by one step."""
        return self.set_threshold(self.threshold + steps * THRESHOLD_STEP)

    # -- label all occurrences -------------------------------------------------------------------
    def find_occurrences(self, token_start: int, token_end: int, label: str, scope: str) -> Found:
        """Where else the span's string (or its stem with suffixes) stands unlabelled, in ``scope``."""
        view = self._view()
        found = occurrences(self.session.project, self._person(), view.id, token_start, token_end, scope)
        return Found(label, view.token_text(token_start, token_end), scope, tuple(found))

    def label_occurrences(self, found: Found, chosen: list[Occurrence]) -> Outcome:
        """Label the chosen occurrences as one undoable batch."""
        if not chosen:
            return Outcome(Result.NOTHING, "label all", message="no occurrence chosen")
        view = self._view()
        return self.session.execute(c.label_occurrences(view.id, self._person(), chosen, found.label))

    # -- the most useful sentence next -----------------------------------------------------------
    def next_uncertain(self) -> Screen | None:
        """Go to the not-done sentence the tagger is least sure of; None when nothing is ranked."""
        if self.suggester is None:
            return None
        view = self.session.view
        found = self.suggester.next_uncertain(view.id if view is not None else None)
        if found is None:
            return None
        return self.session.go_to(found)

    # -- training --------------------------------------------------------------------------------
    def train(self) -> str:
        """Train now (in the background), or queue one run; the line to show."""
        if self.suggester is None:
            return "no recommender in this window"
        line = self.suggester.train()
        self.state_changed.emit(None)
        return line

    @property
    def training(self) -> bool:
        """A training run is going."""
        return self.suggester is not None and self.suggester.training

    def poll(self) -> TrainingReport | None:
        """Whether a background run finished: its report (the screen is read again with new models)."""
        if self.suggester is None:
            return None
        report = self.suggester.poll()
        if report is not None:
            self._refresh()
            self.news.emit(report)
            self.state_changed.emit(None)
        return report

    def after_done(self) -> None:
        """A sentence was marked done: its labels are new training data, so a run is started or queued."""
        if self.auto_train and self.suggester is not None:
            try:
                self.suggester.train()
            except AnnotatorError as exc:
                self.session.said.emit(f"⚠ training not started: {exc}")
            self.state_changed.emit(None)

    # -- helpers ---------------------------------------------------------------------------------
    def _view(self) -> SentenceView:
        view = self.session.view
        if view is None:
            raise AnnotatorError("no sentence is shown")
        return view

    def _refresh(self) -> None:
        view = self.session.view
        if view is not None:
            try:
                self.session.go_to(view.id, keep_cursor=True)
            except AnnotatorError as exc:
                self.session.said.emit(f"⚠ {exc}")
