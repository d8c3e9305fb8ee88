"""Commands on suggestions: accept one (the annotation and an 'accepted' verdict), reject one, accept
all of a sentence, and label every occurrence of a string at once.

Accepting is an ordinary edit: the entity (or event, or sentence stance) is made by the same
command a key press makes, in the same transaction as the verdict; undo removes both and redo
brings back the same rows. A rejection is only a verdict: the suggestion never comes back to that
person for the same kind, span, label and target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator.core.changes import Changes
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.core.suggestions import ENTITY, STANCE, TRIGGER, Suggestion
from annotator.services.commands.base import Batch, Command
from annotator.services.commands.layer import AddEntity, AddEvent
from annotator.services.commands.marks import SetSentenceStance
from annotator.store import Project, Session
from annotator.store import occurrences as spots
from annotator.store import suggestions as stored
from annotator.suggest.matcher import occurrences as find

ACCEPTED = stored.ACCEPTED
REJECTED = stored.REJECTED
SCOPES = ("document", "corpus")


def _annotation(sentence_id: int, annotator_id: int, suggestion: Suggestion) -> Command:
    """The edit that makes what ``suggestion`` proposes."""
    if suggestion.kind == ENTITY:
        return AddEntity(
            sentence_id, annotator_id, suggestion.token_start, suggestion.token_end, suggestion.label
        )
    if suggestion.kind == TRIGGER:
        return AddEvent(
            sentence_id, annotator_id, suggestion.token_start, suggestion.token_end, suggestion.label
        )
    if suggestion.kind == STANCE:
        return SetSentenceStance(sentence_id, annotator_id, suggestion.target, suggestion.label)
    raise ValueError(f"a suggestion is of an entity, a trigger or a stance, not {suggestion.kind!r}")


def _shown(suggestion: Suggestion) -> str:
    if suggestion.kind == STANCE:
        return message("stance {target}: {label}", target=suggestion.target, label=suggestion.label)
    if suggestion.kind == ENTITY:
        return suggestion.label
    return message("event {label}", label=suggestion.label)


@dataclass
class AcceptSuggestion(Command):
    """Make what the suggestion proposes and record that this person accepted it."""

    annotator_id: int
    suggestion: Suggestion
    edit: Command | None = None
    old_verdict: str | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))  # a redo keeps the first time

    @property
    def text(self) -> str:
        return message("accept {what}", what=_shown(self.suggestion))

    def _edit(self) -> Command:
        if self.edit is None:
            self.edit = _annotation(self.sentence_id, self.annotator_id, self.suggestion)
        return self.edit

    def changes(self) -> Changes:
        return self._edit().changes()

    def do(self, s: Session, schema: Schema) -> None:
        self._edit().do(s, schema)
        self.old_verdict = stored.add_feedback(
            s, self.sentence_id, self.annotator_id, self.suggestion, ACCEPTED, self.at
        )

    def undo(self, s: Session, schema: Schema) -> None:
        key = stored.feedback_key(self.suggestion)
        stored.set_feedback(s, self.sentence_id, self.annotator_id, key, self.old_verdict)
        self._edit().undo(s, schema)


@dataclass
class RejectSuggestion(Command):
    """Record that this person rejected the suggestion: it is not offered to them again."""

    annotator_id: int
    suggestion: Suggestion
    old_verdict: str | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def text(self) -> str:
        return message("reject {what}", what=_shown(self.suggestion))

    def do(self, s: Session, schema: Schema) -> None:
        self.old_verdict = stored.add_feedback(
            s, self.sentence_id, self.annotator_id, self.suggestion, REJECTED, self.at
        )

    def undo(self, s: Session, schema: Schema) -> None:
        key = stored.feedback_key(self.suggestion)
        stored.set_feedback(s, self.sentence_id, self.annotator_id, key, self.old_verdict)


def accept_all(
    sentence_id: int, annotator_id: int, suggestions: tuple[Suggestion, ...] | list[Suggestion]
) -> Batch:
    """Accept every suggestion given (the window's shown ones of one sentence) as one undoable step."""
    parts: list[Command] = [AcceptSuggestion(sentence_id, annotator_id, one) for one in suggestions]
    return Batch(sentence_id, parts=parts, label=message("accept {count} suggestion(s)", count=len(parts)))


@dataclass(frozen=True)
class Occurrence:
    """Where a labelled string occurs again: sentence, tokens (end exclusive), its text, some context."""

    sentence_id: int
    token_start: int
    token_end: int
    text: str
    context: str


def label_occurrences(
    sentence_id: int, annotator_id: int, occurrences: list[Occurrence], label: str
) -> Batch:
    """Label every occurrence given with ``label``: one undoable batch whose changes name every sentence."""
    parts: list[Command] = [
        AddEntity(o.sentence_id, annotator_id, o.token_start, o.token_end, label) for o in occurrences
    ]
    return Batch(
        sentence_id,
        parts=parts,
        label=message("label {count} occurrence(s) {label}", count=len(parts), label=label),
    )


CONTEXT = 40  # characters of context on each side of an occurrence


def occurrences(
    project: Project, annotator_id: int, sentence_id: int, token_start: int, token_end: int, scope: str
) -> list[Occurrence]:
    """Where the string of tokens ``token_start..token_end`` of a sentence occurs again, or its last
    word with other Kazakh endings, in the sentence's document (``scope="document"``) or the corpus
    (``"corpus"``); only where this person has no overlapping entity, and not the span itself."""
    if scope not in SCOPES:
        raise ValueError(f"occurrences are looked for in the document or the corpus, not {scope!r}")
    found: list[Occurrence] = []
    with project.reading() as s:
        document = spots.document_of_sentence(s, sentence_id)
        phrase = spots.token_texts_of(s, sentence_id)[token_start:token_end]
        if document is None or not phrase:
            return []
        for candidate in spots.candidates(s, annotator_id, document if scope == "document" else None):
            tokens = candidate.tokens
            for start, end in find(tokens, phrase):
                if candidate.id == sentence_id and (start, end) == (token_start, token_end):
                    continue
                if any(start < b and a < end for a, b in candidate.covered):
                    continue
                a, b = candidate.offsets[start][0], candidate.offsets[end - 1][1]
                context = candidate.text[max(0, a - CONTEXT) : b + CONTEXT]
                found.append(Occurrence(candidate.id, start, end, candidate.text[a:b], context))
    return found
