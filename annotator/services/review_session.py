"""What the review window shows, Qt-free: who is compared, the disagreements, the one shown, the numbers.

A :class:`ReviewSession` holds the reviewer's state and tells its listeners what changed with a
:class:`ReviewChange` (plain callbacks, ``session.subscribe(listener)``); the window only draws
it and forwards keys. Every read is one read transaction.

The gold edits are made here as commands (:meth:`ReviewSession.accept_entity` …; :class:`NoEdit`
says why there is none) and run by whoever keeps the undo history, today the window's edit
runner. That is the whole seam: run the command, then hand :meth:`ReviewSession.stored` what it
changed (it shows that sentence again); :meth:`ReviewSession.show` reads a sentence again and
raises if it cannot, :meth:`ReviewSession.gold_shown` is what gold looked like before a write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.messages import message, text_of
from annotator.core.model import GOLD
from annotator.core.views import SentenceView
from annotator.services import adjudicate, review
from annotator.services.commands import Command, DeleteEntity
from annotator.services.compared import ComparedError, compared_people
from annotator.services.review_numbers import Numbers as Numbers
from annotator.services.review_numbers import numbers_of as numbers_of
from annotator.services.session import EditingSession
from annotator.store import Project, queries, reading
from annotator.store.queries import AnnotatorInfo as AnnotatorInfo

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """What changed: the list of disagreements, the current row, the sentence shown (every
    version of it), the agreement numbers, the summary line; ``problem`` is a line to show."""

    items: bool = False
    row: bool = False
    sentence: bool = False
    numbers: bool = False
    summary: bool = False
    problem: str = ""


Listener = Callable[[ReviewChange], None]


@dataclass(frozen=True, slots=True)
class ReviewPeople:
    """Who a review shows: the compared annotators (or why there are none) and everybody by name."""

    annotators: list[str]
    problem: str | None
    everybody: dict[str, AnnotatorInfo]


class NoEdit(Exception):
    """There is nothing to accept or delete here; the message says why (or is empty)."""


def review_people(project: Project) -> ReviewPeople:
    """The compared annotators (the agreement command's rule), and every person and gold, in one read."""
    with project.reading() as s:
        everybody = {a.name: a for a in queries.list_annotators(s)}
        try:
            return ReviewPeople([p.name for p in compared_people(s)], None, everybody)
        except ComparedError as exc:
            return ReviewPeople([], text_of(exc) or str(exc), everybody)


def gold_layer(project: Project) -> AnnotatorInfo:
    """The gold layer, as a person whose layer a window can open."""
    with project.reading() as s:
        found = queries.find_annotator(s, GOLD)
    assert found is not None, "every project has the gold layer"
    return found


def load_versions(project: Project, sentence_id: int, layers: list[int]) -> list[SentenceView]:
    """One sentence with each layer's annotations (in the order of ``layers``), in one read."""
    with project.reading() as s:
        return [reading.sentence_view(s, sentence_id, layer) for layer in layers]


def differing(versions: list[SentenceView]) -> list[set[Span]]:
    """Each version's entity spans that not every annotator has (the last version is gold's)."""
    spans = [{(e.token_start, e.token_end, e.label) for e in v.entities} for v in versions[:-1]]
    shared = set.intersection(*spans) if spans else set()
    return [{(e.token_start, e.token_end, e.label) for e in v.entities} - shared for v in versions]


class ReviewSession(EditingSession):
    """The reviewer's state: the disagreements, the one shown with every version, the numbers,
    and (as an :class:`EditingSession`) the gold edits with their undo history."""

    def __init__(self, project: Project, reviewer: AnnotatorInfo, status: str = "done"):
        super().__init__(project)
        self.reviewer = reviewer
        project.act_as(reviewer.id)  # the store lets a reviewer write gold, and nobody else
        self.status = status  # which sentences are compared: "done" by everyone, or "all"
        people = review_people(project)
        self.annotators, self.problem = people.annotators, people.problem
        self.gold = people.everybody[GOLD]
        self.layers = [(name, people.everybody[name].id) for name in [*self.annotators, GOLD]]
        self.label: str | None = None  # the label whose entity disagreements are listed (None: all)
        self.items: list[adjudicate.Disagreement] = []
        self.row = -1
        self.sentence_id: int | None = None
        self.versions: list[SentenceView] = []  # the sentence shown, per layer (gold last)
        self.differs: list[set[Span]] = []
        self.kept = False  # the sentence shown is the one shown before: views keep their cursors
        self.summary = "computing agreement…"
        self.numbers: Numbers | None = None
        self._listeners: list[Listener] = []

    # -- listeners -----------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with a :class:`ReviewChange` after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop telling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self, change: ReviewChange) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- the list ------------------------------------------------------------------------------
    @property
    def current(self) -> adjudicate.Disagreement | None:
        """The disagreement chosen, or None."""
        return self.items[self.row] if 0 <= self.row < len(self.items) else None

    def refresh(self, label: str | None = None) -> bool:
        """List the disagreements again (of ``label``'s entities if given) and show the first.

        False when there is nothing to review (the summary says why): no numbers to compute.
        """
        if self.problem is not None:
            self.summary = message("nothing to review: {problem}", problem=self.problem)
            self._tell(ReviewChange(summary=True))
            return False
        items = adjudicate.disagreements(self.project, self.annotators, self.status)
        if label:
            items = [d for d in items if d.layer == "entities" and label in d.detail]
        self.label, self.items, self.row = label or None, items, -1
        self._tell(ReviewChange(items=True))
        if items:
            self.select(0)
        return True

    def lines(self) -> list[str]:
        """The disagreements as listed: document (marked when ready for curation), sentence number,
        layer and who has what."""
        return [_line(d) for d in self.items]

    def select(self, row: int) -> None:
        """Make disagreement ``row`` the current one and show its sentence (out of range: nothing)."""
        if 0 <= row < len(self.items):
            self.row = row
            problem = self._load_softly(self.items[row].sentence_id)
            self._tell(ReviewChange(row=True, sentence=not problem, problem=problem))

    def move(self, delta: int) -> None:
        """The previous (-1) or next (1) disagreement; at either end, nothing."""
        row = max(0, min(self.row + delta, len(self.items) - 1))
        if row != self.row:
            self.select(row)

    def label_options(self) -> list[tuple[str, str]]:
        """``(shown, label)`` to filter by: the labels by F1, lowest first, then all labels (``""``)."""
        rows = self.numbers.label_rows if self.numbers is not None else []
        return [(f"{label}   F1 {f1}", label) for label, f1, _, _ in rows] + [(message("all labels"), "")]

    # -- the sentence shown --------------------------------------------------------------------
    def show(self, sentence_id: int) -> None:
        """Every layer's version of a sentence; raises AnnotatorError if it cannot be read."""
        self._load(sentence_id)
        self._tell(ReviewChange(sentence=True))

    def _load(self, sentence_id: int) -> None:
        versions = load_versions(self.project, sentence_id, [layer for _, layer in self.layers])
        self.kept = self.sentence_id == sentence_id
        self.sentence_id, self.versions, self.differs = sentence_id, versions, differing(versions)

    def _load_softly(self, sentence_id: int) -> str:
        """Load the sentence; "" or, when it cannot be read, the line that says so."""
        try:
            self._load(sentence_id)
        except AnnotatorError as exc:
            return message("⚠ the sentence could not be read: {problem}", problem=text_of(exc) or str(exc))
        return ""

    def _show_softly(self, sentence_id: int) -> None:
        problem = self._load_softly(sentence_id)
        self._tell(ReviewChange(sentence=not problem, problem=problem))

    def stored(self, changes: Changes) -> None:
        """An edit, undo or redo is stored: show the sentence it changed (the one shown, if among them)."""
        shown = self.sentence_id
        if shown is not None and changes.touches(shown):
            self._show_softly(shown)
        elif changes.sentences:
            self._show_softly(min(changes.sentences))

    def reread(self) -> None:
        """Gold changed elsewhere (the gold editor): show the sentence again."""
        if self.sentence_id is not None:
            self._show_softly(self.sentence_id)

    def shown(self, sentence_id: int) -> object:
        """What is shown of gold in that sentence (the editing session compares it after a lost answer)."""
        return self.gold_shown(sentence_id)

    def reload(self, sentence_id: int) -> None:
        """Read every version of the sentence again; raises AnnotatorError if it cannot."""
        self.show(sentence_id)

    def after_edit(self, command: Command, changes: Changes) -> None:
        """A gold edit, undo or redo is stored: show the sentence it changed."""
        self.stored(changes | Changes.of_sentence(command.sentence_id))

    def gold_shown(self, sentence_id: int) -> object:
        """What is shown of gold in that sentence (None when it is not shown), to compare after a write."""
        gold = self.versions[-1] if self.versions else None
        if gold is None or gold.id != sentence_id:
            return None
        return (gold.entities, gold.events, gold.stance, gold.document_stance)

    # -- the numbers ---------------------------------------------------------------------------
    def agreement(self) -> dict[str, Any]:
        """Compute the agreement report (slow: a window runs it in a worker thread; no state changes)."""
        return review.corpus_agreement(self.project, self.annotators, self.status)

    def numbers_ready(self, report: dict[str, Any]) -> None:
        """The report is computed: show its numbers."""
        self.numbers = numbers_of(report)
        self.summary = self.numbers.summary
        self._tell(ReviewChange(numbers=True, summary=True))

    def numbers_failed(self, message: str) -> None:
        """The report could not be computed: the summary says why."""
        self.summary = message
        self._tell(ReviewChange(summary=True))

    # -- gold edits, as commands to run ----------------------------------------------------------
    def _shown(self, index: int) -> SentenceView:
        if self.sentence_id is None or not self.versions:
            raise NoEdit("")
        return self.versions[index]

    def accept_entity(self, index: int, caret: int) -> Command:
        """Accept annotator ``index``'s entity on token ``caret`` into gold."""
        view = self._shown(index)
        entity = next((e for e in view.entities if e.token_start <= caret < e.token_end), None)
        if entity is None:
            raise NoEdit(message("{name} has no entity under the cursor", name=self.layers[index][0]))
        return adjudicate.accept_entity(
            self.project, view.id, entity.token_start, entity.token_end, entity.label
        )

    def accept_event(self, index: int, caret: int) -> Command:
        """Accept annotator ``index``'s event whose trigger covers token ``caret`` into gold."""
        view = self._shown(index)
        name = self.layers[index][0]
        event = next((e for e in view.events if e.token_start <= caret < e.token_end), None)
        if event is None:
            raise NoEdit(message("{name} has no event trigger under the cursor", name=name))
        return adjudicate.accept_event(self.project, view.id, name, event.id)

    def accept_stance(self, index: int) -> Command:
        """Make gold's stance of the sentence annotator ``index``'s."""
        view = self._shown(index)
        name = self.layers[index][0]
        command = adjudicate.accept_stance(self.project, view.id, name)
        if command is None:
            raise NoEdit(message("gold already has {name}'s stance", name=name))
        return command

    def accept_agreed(self) -> Command:
        """Accept every entity and stance all annotators agree on."""
        view = self._shown(-1)
        command = adjudicate.accept_agreed(self.project, view.id, self.annotators)
        if command is None:
            raise NoEdit(message("gold already holds everything they agree on"))
        return command

    def delete_gold(self, caret: int) -> Command:
        """Remove the gold entity on token ``caret``."""
        view = self._shown(-1)
        entity = next((e for e in view.entities if e.token_start <= caret < e.token_end), None)
        if entity is None:
            raise NoEdit("")
        return DeleteEntity(view.id, entity.id)


LAYER_WORDS = {"entities": message("entities"), "events": message("events"), "stance": message("stance")}


def _line(d: adjudicate.Disagreement) -> str:
    """A disagreement as listed: document, sentence number, layer, who has what (the data as it is)."""
    layer = LAYER_WORDS.get(d.layer, d.layer)
    number = d.ordinal + 1
    if d.ready:
        return message(
            "✓ ready · {document} · {number} · {layer}: {detail}",
            document=d.document,
            number=number,
            layer=layer,
            detail=d.detail,
        )
    return message(
        "{document} · {number} · {layer}: {detail}",
        document=d.document,
        number=number,
        layer=layer,
        detail=d.detail,
    )
