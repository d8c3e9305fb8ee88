"""Suggestions for every sentence a person has not marked done: written to a JSONL file, or applied
to their layer (``annotator suggest``), with the window's way to undo an apply as one batch.

Both read the stored models and the person's layer in one read transaction. An apply then writes
in one short transaction: the status of every sentence stays as it was (todo), as Prodigy's
``ner.correct`` leaves its pre-annotations to be corrected.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.records import AnnotatorInfo
from annotator.core.schema import Schema
from annotator.core.suggestions import ENTITY, STANCE, TRIGGER, Suggestion
from annotator.services.commands import Command
from annotator.services.suggest_data import compatible, in_schema, shown
from annotator.store import Project, Session, locks, occurrences, preannotate, putback
from annotator.store import suggestions as stored
from annotator.store.occurrences import Pending
from annotator.store.preannotate import TakenOut
from annotator.suggest.recommender import Recommender

DEFAULT_MIN_SCORE = 0.5


@dataclass(frozen=True)
class ApplyReport:
    """What an apply added: sentences touched, entities, events and stances."""

    sentences: int
    entities: int
    events: int
    stance: int

    def describe(self) -> str:
        """One line for people."""
        return (
            f"pre-annotated {self.sentences} sentence(s): {self.entities} entities, {self.events} events, "
            f"{self.stance} stance(s); their status stays todo"
        )


def _recommender(s: Session) -> Recommender:
    models = stored.stored_models(s)
    if not models:
        raise AnnotatorError("the project has no trained model: run annotator train --from NAME first")
    return Recommender.load(models)


def _suggested(
    s: Session, person: AnnotatorInfo, min_score: float
) -> Iterator[tuple[Pending, tuple[Suggestion, ...]]]:
    """Each not-done sentence of the person with the suggestions they would be shown at ``min_score``."""
    recommender = _recommender(s)
    rejections = stored.rejected_by(s, person.id)
    for sentence in occurrences.pending(s, person.id):
        proposed = recommender.suggest(sentence.tokens, sentence.text)
        rejected = rejections.get(sentence.id, set())
        yield (
            sentence,
            shown(proposed, min_score, rejected, sentence.entities, sentence.events, sentence.targets),
        )


def _span(sentence: Pending, one: Suggestion) -> dict[str, Any]:
    start, end = sentence.offsets[one.token_start][0], sentence.offsets[one.token_end - 1][1]
    return {
        "start": start,
        "end": end,
        "token_start": one.token_start,
        "token_end": one.token_end,
        "text": sentence.text[start:end],
    }


def sentence_line(sentence: Pending, annotator: str, found: tuple[Suggestion, ...]) -> dict[str, Any]:
    """The JSONL object of one sentence with its suggestions, in the export's own field names."""
    tokens = [{"text": sentence.text[a:b], "start": a, "end": b} for a, b in sentence.offsets]
    return {
        "document": sentence.document,
        "sentence": sentence.position,
        "text": sentence.text,
        "annotator": annotator,
        "status": "todo",
        "tokens": tokens,
        "entities": [
            {"label": x.label, **_span(sentence, x), "score": round(x.score, 4), "source": x.source}
            for x in found
            if x.kind == ENTITY
        ],
        "events": [
            {"type": x.label, "trigger": _span(sentence, x), "score": round(x.score, 4), "source": x.source}
            for x in found
            if x.kind == TRIGGER
        ],
        "stance": [
            {"target": x.target, "label": x.label, "holder": None, "score": round(x.score, 4)}
            for x in found
            if x.kind == STANCE
        ],
    }


def write_suggestions(project: Project, person: AnnotatorInfo, out: TextIO, min_score: float) -> int:
    """Write one JSONL line per sentence the person has not marked done; how many lines.

    Suggestions whose label, event type or stance target the project's schema lacks are left out
    (a model may have learned from files with other labels).
    """
    lines = 0
    schema = project.schema
    with project.reading() as s:
        for sentence, proposed in _suggested(s, person, min_score):
            found = tuple(x for x in proposed if in_schema(schema, x))
            out.write(json.dumps(sentence_line(sentence, person.name, found), ensure_ascii=False) + "\n")
            lines += 1
    return lines


def _state(sentence: Pending) -> tuple[object, ...]:
    return (sorted(sentence.entities), sorted(sentence.events), sorted(sentence.targets))


def apply_suggestions(
    project: Project,
    person: AnnotatorInfo,
    min_score: float,
    progress: Callable[[int, int], None] | None = None,
) -> ApplyReport:
    """Pre-annotate the person's not-done sentences with suggestions scoring at least ``min_score``.

    The suggestions are made in a read transaction (which never holds up the window's writes);
    one short write transaction then adds them in bulk to the sentences still not done whose
    annotations did not change meanwhile, and records the batch so that the window can undo it
    (see :func:`pending_preannotation`). That transaction first holds the planned sentences' layer,
    as every checked edit does, so that a window's edit cannot slip in between the re-read and the
    insert. A new apply merges into the pending record: one undo takes out both.
    """
    schema = project.schema
    planned: dict[int, tuple[tuple[object, ...], list[Suggestion]]] = {}
    with project.reading() as s:
        found = list(_suggested(s, person, min_score))
    for done, (sentence, suggestions) in enumerate(found, start=1):
        chosen = compatible(suggestions, schema)
        if chosen:
            planned[sentence.id] = (_state(sentence), chosen)
        if progress is not None:
            progress(done, len(found))
    entities: list[preannotate.NewSpan] = []
    events: list[preannotate.NewSpan] = []
    stance: list[preannotate.NewStance] = []
    touched = 0
    with project.transaction() as s:
        locks.lock_sentence_layers(s, person.id, sorted(planned))
        for sentence in occurrences.pending(s, person.id):
            plan = planned.get(sentence.id)
            if plan is None or plan[0] != _state(sentence):
                continue  # marked done or changed since the suggestions were made: left alone
            touched += 1
            for x in plan[1]:
                if x.kind == ENTITY:
                    entities.append((sentence.id, x.token_start, x.token_end, x.label))
                elif x.kind == TRIGGER:
                    events.append((sentence.id, x.token_start, x.token_end, x.label))
                else:
                    stance.append((sentence.id, x.target, x.label))
        preannotate.apply_rows(s, schema, person.id, entities, events, stance)
    return ApplyReport(touched, len(entities), len(events), len(stance))


@dataclass
class UndoPreannotation(Command):
    """Take out what the last ``suggest --apply`` added and is still there unchanged; redo puts it back.

    Made by :func:`pending_preannotation` and put on the window's history already done, so its
    first use is an undo. ``sentence_id`` is a sentence the batch touched.
    """

    annotator_id: int
    taken: TakenOut | None = None
    touched: frozenset[int] = frozenset()
    not_put_back: int = 0  # rows a redo left out: the layer no longer had room for them

    @property
    def text(self) -> str:
        """The Edit menu's entry, saying how many rows the last redo could not put back."""
        if self.not_put_back:
            return f"pre-annotation by suggest --apply ({self.not_put_back} no longer fit, not put back)"
        return "pre-annotation by suggest --apply"

    def changes(self) -> Changes:
        return Changes(sentences=self.touched | {self.sentence_id}, progress=False)

    def do(self, s: Session, schema: Schema) -> None:
        """Put back what the undo took out, as far as it still fits (see :func:`putback.put_back`)."""
        if self.taken is not None:
            self.not_put_back = putback.put_back(s, schema, self.taken)

    def undo(self, s: Session, schema: Schema) -> None:
        """Take out the pending batch, leaving alone the sentences that are the person's now."""
        self.taken = preannotate.take_out(s, schema, self.annotator_id)
        if self.taken is not None:
            self.touched = self.touched | self.taken.sentences


def pending_preannotation(project: Project, person: AnnotatorInfo) -> Command | None:
    """The command whose undo takes out the person's last applied batch (None: there is none)."""
    with project.reading() as s:
        batch = stored.applied_batch(s, person.id)
    if batch is None or not batch.sentences:
        return None
    return UndoPreannotation(min(batch.sentences), person.id, touched=batch.sentences)
