"""Commands that mark a whole sentence or document: status and stance."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.services.commands.base import ReplaceCommand
from annotator.store import Session, edits, stance
from annotator.store.snapshots import StanceState, StatusState
from annotator.store.stance import LEVELS, Level


@dataclass
class SetStatus(ReplaceCommand[StatusState | None]):
    """Mark a sentence todo, done, skipped or flagged (with a comment when given)."""

    annotator_id: int
    status: str
    comment: str | None = None
    old: StatusState | None = None

    @property
    def text(self) -> str:
        return message("mark {status}", status=self.status)

    def changes(self) -> Changes:
        return Changes.of_sentence(self.sentence_id, progress=True)

    def replace(self, s: Session, schema: Schema) -> StatusState | None:
        return edits.set_status(s, self.sentence_id, self.annotator_id, self.status, self.comment)

    def put_back(self, s: Session, schema: Schema, old: StatusState | None) -> None:
        if old is None:
            edits.clear_status(s, self.sentence_id, self.annotator_id)
        else:
            edits.set_status(s, self.sentence_id, self.annotator_id, old.status, old.comment, old.updated_at)


@dataclass
class SetStance(ReplaceCommand[StanceState | None]):
    """Set, change or (``label=None``) clear a stance toward a target, with its holder.

    ``level`` is ``"sentence"`` (the stance of sentence ``sentence_id``) or ``"document"`` (of the
    whole document ``document_id``, shown from sentence ``sentence_id``).
    """

    annotator_id: int
    target: str
    label: str | None
    holder_id: int | None = None
    level: Level = "sentence"
    document_id: int | None = None
    old: StanceState | None = None
    new_row: int | None = None  # the id the stance row got, so a redo brings back the same row

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"a stance is of a sentence or a document, not {self.level!r}")
        if self.level == "document" and self.document_id is None:
            raise ValueError("a document stance needs its document")

    @property
    def scope_id(self) -> int:
        """The sentence's or the document's id, as the level says."""
        if self.level == "document":
            assert self.document_id is not None
            return self.document_id
        return self.sentence_id

    @property
    def text(self) -> str:
        label = self.label or message("none")
        if self.level == "document":
            return message("document stance {target}: {label}", target=self.target, label=label)
        return message("stance {target}: {label}", target=self.target, label=label)

    def changes(self) -> Changes:
        documents = frozenset({self.scope_id}) if self.level == "document" else frozenset()
        return Changes(sentences=frozenset({self.sentence_id}), documents=documents)

    def _set(
        self, s: Session, schema: Schema, label: str | None, holder: int | None, row: int | None
    ) -> StanceState | None:
        return stance.set_stance(
            s, schema, self.level, self.scope_id, self.annotator_id, self.target, label, holder, row
        )

    def replace(self, s: Session, schema: Schema) -> StanceState | None:
        old = self._set(s, schema, self.label, self.holder_id, self.new_row)
        now = stance.stance_state(s, self.level, self.scope_id, self.annotator_id, self.target)
        self.new_row = now.row_id if now else None
        return old

    def put_back(self, s: Session, schema: Schema, old: StanceState | None) -> None:
        if old is None:
            self._set(s, schema, None, None, None)
        else:
            self._set(s, schema, old.label, old.holder_id, old.row_id)


def SetSentenceStance(  # a function named like a class: the name callers have always constructed
    sentence_id: int, annotator_id: int, target: str, label: str | None, holder_id: int | None = None
) -> SetStance:
    """A :class:`SetStance` of sentence ``sentence_id``."""
    return SetStance(sentence_id, annotator_id, target, label, holder_id)


def SetDocumentStance(  # a function named like a class: the name callers have always constructed
    sentence_id: int,
    document_id: int,
    annotator_id: int,
    target: str,
    label: str | None,
    holder_id: int | None = None,
) -> SetStance:
    """A :class:`SetStance` of the whole document ``document_id``, shown from sentence ``sentence_id``."""
    return SetStance(sentence_id, annotator_id, target, label, holder_id, "document", document_id)
