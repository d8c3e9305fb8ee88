"""Plain, immutable records that flow between readers, the store, services and writers.

Token indices are positions within a sentence; ``token_end`` is exclusive. Character offsets are
Python string indices (code points) into the sentence text, ends exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

STATUSES = ("todo", "done", "skipped", "flagged")
ROLES = ("annotator", "reviewer")
GOLD = "gold"


class Token(NamedTuple):
    """A token: its text and character offsets into the sentence (or document) text.

    A named tuple rather than a dataclass: a corpus has millions of them, and tuples are made
    several times faster.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A labelled token span; ``ref`` is the id it has in its file (``T1``) for arguments and holders."""

    label: str
    token_start: int
    token_end: int
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ArgumentRecord:
    """A role-labelled link from an event to an entity of the same sentence, by the entity's ``ref``."""

    role: str
    entity: str


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event: trigger span, type, attribute values and arguments."""

    type: str
    token_start: int
    token_end: int
    attributes: tuple[tuple[str, str], ...] = ()
    arguments: tuple[ArgumentRecord, ...] = ()
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """Stance toward a target; ``holder`` is the ``ref`` of an entity, or None."""

    target: str
    label: str
    holder: str | None = None


@dataclass(frozen=True, slots=True)
class Layer:
    """What one annotator (or the gold layer) said about one sentence."""

    annotator: str
    status: str = "todo"
    comment: str = ""
    entities: tuple[EntityRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    stance: tuple[StanceRecord, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the layer carries no annotation, status or comment."""
        return not (self.entities or self.events or self.stance or self.comment) and self.status == "todo"


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    """A sentence as read from a file: text, tokens (offsets into ``text``) and annotation layers.

    ``index`` is the sentence's position in its document when the file says so (JSONL), else None.
    ``start`` is its offset into the document text when the document text is known.
    ``line`` is where the sentence starts in its file, for error messages.
    """

    text: str
    tokens: tuple[Token, ...]
    paragraph: int = 0
    index: int | None = None
    start: int | None = None
    line: int | None = None
    layers: tuple[Layer, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentStart:
    """Starts a document in a stream of records.

    ``text`` is the full document text when the input has one (plain text, per-document JSONL);
    its sentences then carry ``start``, their offset into it. Otherwise the document text is the
    sentence texts joined by line breaks.
    """

    name: str
    source: str
    text: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentStanceRecord:
    """Document-level stance of one annotator; holders refer to entities by ``sentence:ref``."""

    document: str
    annotator: str
    stance: tuple[StanceRecord, ...] = ()
    line: int | None = None


Record = DocumentStart | SentenceRecord | DocumentStanceRecord


@dataclass(slots=True)
class ImportSummary:
    """What an import did, for the message shown at its end."""

    documents_added: int = 0
    documents_reused: int = 0
    sentences: int = 0
    tokens: int = 0
    entities: int = 0
    events: int = 0
    stance: int = 0
    skipped_layers: int = 0
    files: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for people: what was added and what was already there."""
        parts = [
            _count(self.documents_added, "new document"),
            _count(self.sentences, "sentence"),
            _count(self.tokens, "token"),
            _count(self.entities, "entity", "entities"),
            _count(self.events, "event"),
            _count(self.stance, "stance annotation"),
        ]
        if self.documents_reused:
            parts.append(_count(self.documents_reused, "document") + " already present")
        if self.skipped_layers:
            parts.append(
                _count(self.skipped_layers, "annotator layer") + " already present and left as it was"
            )
        return "imported " + ", ".join(parts)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
