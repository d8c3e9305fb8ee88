"""The window's keys on suggestions: go through them, accept, reject, accept all, the threshold,
label every occurrence, the most useful sentence next, and training in the background.

Everything is decided by the session's :class:`~annotator.services.assisting.Assist`; this module
only turns keys into its calls, shows what they did, and polls background training on a timer.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.keymap import key_of
from annotator.core.model import GOLD
from annotator.core.suggestions import STANCE, Suggestion
from annotator.gui import dialogs
from annotator.gui.language import shown, translate, word
from annotator.gui.recommender_panel import RecommenderPanel
from annotator.gui.suggestion_paint import caption
from annotator.services.assisting import Found
from annotator.services.commands import Occurrence
from annotator.services.suggesting import Suggester, TrainingReport

if TYPE_CHECKING:
    from annotator.gui.main_window import AnnotationWindow

POLL_MS = 400  # how often a running training is asked whether it finished
DEFAULT_THRESHOLD = 0.5


def keys_hint() -> str:
    """``Y accepts, N rejects``."""
    hint = translate("Assisting", "{accept} accepts, {reject} rejects")
    return hint.format(accept=key_of("accept_suggestion"), reject=key_of("reject_suggestion"))


def describe(suggestion: Suggestion, text: str) -> str:
    """A suggestion in words, for the status bar: ``LOC 0.82 “Алматы”`` or ``stance toward X: favor 0.70``."""
    if suggestion.kind == STANCE:
        toward = translate("Panes", "stance toward {target}: {label} {score}")
        return toward.format(
            target=suggestion.target, label=word(suggestion.label), score=f"{suggestion.score:.2f}"
        )
    return f"{suggestion.kind} {caption(suggestion)} “{text}”"


class OccurrencesDialog(QDialog):
    """The occurrences "label all" found, each checked; Space unchecks one, Return labels the checked."""

    def __init__(self, parent: QWidget | None, found: Found):
        super().__init__(parent)
        title = translate("Assisting", "Label every “{text}” as {label}")
        self.setWindowTitle(title.format(text=found.text, label=found.label))
        layout = QVBoxLayout(self)
        if found.scope == "document":
            where = translate("Assisting", "{n} unlabelled occurrences in the document:")
        else:
            where = translate("Assisting", "{n} unlabelled occurrences in the corpus:")
        layout.addWidget(QLabel(where.format(n=len(found.occurrences))))
        self.list = QListWidget()
        for occurrence in found.occurrences:
            item = QListWidgetItem(f"{occurrence.text}   …{occurrence.context}…")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, occurrence)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.list.setFocus()  # the keys work at once: Space, Up/Down, Return
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("Assisting", "Label the checked ones")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.value: list[Occurrence] = []

    def accept(self) -> None:
        """Take the checked occurrences."""
        self.value = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        super().accept()


class SuggestionActions:
    """The annotation window's suggestion keys, composed into the window."""

    def __init__(self, window: AnnotationWindow):
        self.window = window
        self.session = window.session
        self.assist = window.session.assist
        self.tokens = window.tokens
        self.runner = window.runner
        self.timer = QTimer(window)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.assist.news.connect(self._news)
        self.assist.state_changed.connect(lambda _none: self._watch())

    # -- going through suggestions -----------------------------------------------------------
    def step(self, delta: int) -> None:
        """Focus the next or previous suggestion and put the cursor on it."""
        suggestion = self.assist.step_focus(delta)
        if suggestion is None:
            self.window.say(self._none_here())
            return
        self._show_focus(suggestion)

    def _show_focus(self, suggestion: Suggestion, done: str = "") -> None:
        if suggestion.kind != STANCE:
            self.tokens.move_caret(suggestion.token_start, extend=False)
            if suggestion.token_end - suggestion.token_start > 1:
                self.tokens.select_span(suggestion.token_start, suggestion.token_end)
        self.tokens.show_suggestions(self.assist.shown, suggestion)
        n = (self.assist.focus or 0) + 1
        where = translate("Assisting", "suggestion {n} of {count}: {what} ({keys})")
        where = where.format(
            n=n, count=len(self.assist.shown), what=self._words(suggestion), keys=keys_hint()
        )
        self.window.say(" · ".join(filter(None, [done, where])))

    def _none_here(self) -> str:
        if self.assist.suggester is None:
            return translate("Assisting", "no suggestions: no recommender is loaded")
        if self.assist.training:
            return translate("Assisting", "no suggestions in this sentence yet (training in the background)")
        low = self.assist.threshold
        return translate(
            "Assisting", "no suggestions in this sentence at or above {score} ([ lowers the threshold)"
        ).format(score=f"{low:.2f}")

    def _under_cursor(self) -> Suggestion | None:
        suggestion = self.assist.at(self.tokens.caret)
        if suggestion is None:
            self.window.say(
                translate("Assisting", "no suggestion under the cursor (Tab goes to the next one)")
            )
        return suggestion

    # -- accepting and rejecting -------------------------------------------------------------
    def accept(self) -> None:
        """Y: the suggestion under the cursor becomes an annotation."""
        suggestion = self._under_cursor()
        if suggestion is not None and self.runner.show(lambda: self.assist.accept(suggestion)).stored:
            self._after_verdict(
                translate("Assisting", "accepted {what}").format(what=self._words(suggestion))
            )

    def reject(self) -> None:
        """N: the suggestion under the cursor goes, and never comes back for that span."""
        suggestion = self._under_cursor()
        if suggestion is not None and self.runner.show(lambda: self.assist.reject(suggestion)).stored:
            self._after_verdict(
                translate("Assisting", "rejected {what}").format(what=self._words(suggestion))
            )

    def accept_all(self) -> None:
        """Shift+Y: every suggestion of the sentence, as one undoable step."""
        if not self.assist.shown:
            self.window.say(self._none_here())
            return
        outcome = self.runner.show(self.assist.accept_all)
        if outcome.stored:
            self.window.say(
                translate("Assisting", "{what} of the sentence (one undo takes them back)").format(
                    what=shown(outcome.what)
                )
            )

    def _after_verdict(self, done: str) -> None:
        """The next suggestion takes the focus, so Y and N can go on through the sentence."""
        focused = self.assist.focused
        if focused is None and self.assist.shown:
            self.assist.focus = 0
            focused = self.assist.focused
        if focused is None:
            self.tokens.show_suggestions(self.assist.shown, None)
            self.window.say(
                translate("Assisting", "{done} · no more suggestions in this sentence").format(done=done)
            )
            return
        self._show_focus(focused, done)

    def _words(self, suggestion: Suggestion) -> str:
        view = self.session.view
        text = view.token_text(suggestion.token_start, suggestion.token_end) if view else ""
        return describe(suggestion, text if suggestion.kind != STANCE else "")

    # -- the threshold -------------------------------------------------------------------------
    def nudge(self, steps: int) -> None:
        """] and [: show only surer suggestions, or less sure ones too."""
        value = self.assist.nudge_threshold(steps)
        shown = translate("Assisting", "suggestions scoring {score} or more are shown ({n} here)")
        self.window.say(shown.format(score=f"{value:.2f}", n=len(self.assist.shown)))

    # -- label all occurrences -------------------------------------------------------------------
    def label_all(self, scope: str) -> None:
        """O (document), Shift+O (corpus): label each unlabelled occurrence of the entity under the cursor."""
        view = self.session.view
        if view is None:
            return
        entity = next((e for e in view.entities if e.token_start <= self.tokens.caret < e.token_end), None)
        if entity is None:
            self.window.say(
                translate(
                    "Assisting", "put the cursor on a labelled entity first: its string is what is looked for"
                )
            )
            return
        found = self.assist.find_occurrences(entity.token_start, entity.token_end, entity.label, scope)
        if not found.occurrences:
            if scope == "document":
                none = translate("Assisting", "no other unlabelled “{text}” in the document")
            else:
                none = translate("Assisting", "no other unlabelled “{text}” in the corpus")
            self.window.say(none.format(text=found.text))
            return
        chosen = dialogs.run_modal(OccurrencesDialog(self.window, found))
        self.window.back_to_sentence()
        if chosen:
            outcome = self.runner.show(lambda: self.assist.label_occurrences(found, chosen))
            if outcome.stored:
                done = translate("Assisting", "labelled {n} × “{text}” as {label} (one undo takes them back)")
                self.window.say(done.format(n=len(chosen), text=found.text, label=found.label))

    # -- the most useful sentence next -----------------------------------------------------------
    def most_useful(self) -> None:
        """U: the not-done sentence the tagger is least sure of."""
        if self.assist.next_uncertain() is None:
            why = (
                translate("Assisting", "no entity tagger is trained yet")
                if self.assist.suggester is None
                else translate("Assisting", "nothing is ranked yet")
            )
            self.window.say(
                translate("Assisting", "no uncertain sentence to go to: {why} (Ctrl+T trains)").format(
                    why=why
                )
            )

    # -- training ------------------------------------------------------------------------------
    def train(self) -> None:
        """Ctrl+T: train now in the background (or queue one run)."""
        self.window.say(self.assist.train())

    def _watch(self) -> None:
        if self.assist.training and not self.timer.isActive():
            self.timer.start()

    def poll(self) -> None:
        """The timer: has the background run finished?"""
        try:
            self.assist.poll()
        except AnnotatorError as exc:
            self.window.say(translate("Assisting", "training: {problem}").format(problem=exc), error=True)
        if not self.assist.training:
            self.timer.stop()

    def _news(self, report: TrainingReport) -> None:
        self.window.say(report.line, error=bool(report.error))

    def stop(self) -> None:
        """The window closes: no more polling, and the child process goes."""
        self.timer.stop()
        self.assist.close()


class Recommending:
    """The window's recommender: made at start from the remembered settings, its panel kept current."""

    def __init__(self, window: AnnotationWindow, panel: RecommenderPanel, area: QWidget):
        self.window = window
        self.panel = panel
        self.area = area  # what is shown and hidden: the panel's scroll area
        self.assist = window.session.assist
        self.settings = window.settings
        panel.layers_changed.connect(self._choose_layers)
        self.assist.state_changed.connect(lambda _none: self.refresh())
        window.session.changed.connect(lambda _changes: self._verdicts())
        area.setVisible(self.settings.value("suggestions/panel", "false") == "true")

    def start(self) -> None:
        """Load the stored models, as the remembered layers and threshold say; a failure is said."""
        person = self.window.session.person
        remembered = self.settings.value("suggestions/layers", "")
        layers = [n for n in str(remembered).split("\n") if n] or None
        try:
            threshold = float(str(self.settings.value("suggestions/threshold", DEFAULT_THRESHOLD)))
        except ValueError:
            threshold = DEFAULT_THRESHOLD
        suggester = Suggester(self.window.project, person, layers, threshold)
        try:
            suggester.start()  # the stored models; with a tagger, a ranking for U, in the background
        except AnnotatorError as exc:  # kept attached, empty: Ctrl+T can still train (and mend)
            self.window.say(
                translate("Assisting", "suggestions are off: {problem}").format(problem=exc), error=True
            )
        self.assist.attach(suggester)

    def toggle(self) -> None:
        """F6: show or hide the panel (remembered); shown, it takes most of the right column."""
        shown = not self.area.isVisible()
        self.area.setVisible(shown)
        self.settings.setValue("suggestions/panel", "true" if shown else "false")
        if shown:
            splitter = self.window.right
            height = max(sum(splitter.sizes()), 600)
            splitter.setSizes([height // 5, height // 4, height - height // 5 - height // 4])
            self.refresh()

    def refresh(self) -> None:
        """Read what the panel shows again (only while it is shown)."""
        suggester = self.assist.suggester
        if suggester is None or not self.area.isVisible():
            return
        self.panel.show_state(self.assist.training, self.assist.threshold, suggester.queued)
        try:
            self.panel.show_models(suggester.models())
            self.panel.show_acceptance(*suggester.acceptance())
            names = [self.window.session.person.name, *(m.name for m in self.window.session.team()), GOLD]
        except AnnotatorError as exc:
            self.window.say(
                translate("Assisting", "the recommender panel could not be read: {problem}").format(
                    problem=exc
                ),
                error=True,
            )
            return
        self.panel.show_layers(list(dict.fromkeys(names)), list(suggester.layers))

    def _verdicts(self) -> None:
        suggester = self.assist.suggester
        if suggester is not None and self.area.isVisible():
            with contextlib.suppress(AnnotatorError):  # the next refresh says it
                self.panel.show_acceptance(*suggester.acceptance())

    def _choose_layers(self, names: list[str]) -> None:
        suggester = self.assist.suggester
        if suggester is None:
            return
        suggester.layers = tuple(names)
        self.settings.setValue("suggestions/layers", "\n".join(names))
        chosen = ", ".join(names) or translate("Assisting", "nothing")
        learn = translate("Assisting", "the recommenders will learn from: {layers} (Ctrl+T trains now)")
        self.window.say(learn.format(layers=chosen))

    def remember(self) -> None:
        """At close: the threshold."""
        self.settings.setValue("suggestions/threshold", f"{self.assist.threshold:.2f}")
