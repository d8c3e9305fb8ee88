"""Plain, immutable records that flow between readers, the store, services and writers.

The records a corpus has by the hundred thousand (sentences, layers, entities, events, stance)
are slotted dataclasses that nobody changes after making them, hashed by value, but not
``frozen``: a frozen dataclass sets each field through ``object.__setattr__`` and costs four
times as much to make (0.82 against 0.18 µs for a sentence, measured), which a 100,000-sentence
import or export pays several times over.

Token indices are positions within a sentence; ``token_end`` is exclusive. Character offsets are
Python string indices (code points) into the sentence text, ends exclusive.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, overload

from annotator.core.messages import joined, message

STATUSES = ("todo", "done", "skipped", "flagged")


class Role(StrEnum):
    """What a person does in a project; the source of ``ROLES`` (the stored role is its value)."""

    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"
    MANAGER = "manager"


ROLES = tuple(role.value for role in Role)
REVIEWING = (Role.REVIEWER.value, Role.MANAGER.value)  # the roles that read every layer and write gold
GOLD = "gold"


class Token(NamedTuple):
    """A token: its text and character offsets into the sentence (or document) text.

    A named tuple rather than a dataclass: a corpus has millions of them, and tuples are made
    several times faster.
    """

    text: str
    char_start: int
    char_end: int


class TokenList(Sequence[Token]):
    """The tokens of one sentence kept as two offset lists into its text, not as objects.

    Importers and exporters handle millions of tokens; most only need the offsets or the words,
    which this gives whole (``starts``, ``ends``, ``words()``). Indexing or iterating still gives
    ``Token`` values, and it compares equal to a tuple of the same tokens.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text, self.starts, self.ends = text, starts, ends

    def words(self) -> list[str]:
        """Every token's text."""
        return list(map(self.text.__getitem__, map(slice, self.starts, self.ends)))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        a, b = self.starts[index], self.ends[index]
        return Token(self.text[a:b], a, b)

    def __iter__(self) -> Iterator[Token]:
        return map(Token._make, zip(self.words(), self.starts, self.ends, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenList):
            return (self.text, self.starts, self.ends) == (other.text, other.starts, other.ends)
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"TokenList({list(self)!r})"


def token_offsets(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Starts and ends of a sentence's tokens, without making token objects when it can."""
    if isinstance(tokens, TokenList):
        return tokens.starts, tokens.ends
    return [t.char_start for t in tokens], [t.char_end for t in tokens]


def token_texts(tokens: Sequence[Token]) -> list[str]:
    """The text of each token."""
    return tokens.words() if isinstance(tokens, TokenList) else [t.text for t in tokens]


@dataclass(slots=True, unsafe_hash=True)
class EntityRecord:
    """A labelled token span; ``ref`` is the id it has in its file (``T1``) for arguments and holders."""

    label: str
    token_start: int
    token_end: int
    ref: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class ArgumentRecord:
    """A role-labelled link from an event to an entity of the same sentence, by the entity's ``ref``."""

    role: str
    entity: str


@dataclass(slots=True, unsafe_hash=True)
class EventRecord:
    """An event: trigger span, type, attribute values and arguments."""

    type: str
    token_start: int
    token_end: int
    attributes: tuple[tuple[str, str], ...] = ()
    arguments: tuple[ArgumentRecord, ...] = ()
    ref: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class StanceRecord:
    """Stance toward a target; ``holder`` is the ``ref`` of an entity, or None."""

    target: str
    label: str
    holder: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class Layer:
    """What one annotator (or the gold layer) said about one sentence, and how long they worked on it.

    ``seconds``: the annotator's active annotation time on the sentence (JSONL's ``"seconds"``;
    always 0 for the gold layer, which is nobody's work).
    """

    annotator: str
    status: str = "todo"
    comment: str = ""
    entities: tuple[EntityRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    stance: tuple[StanceRecord, ...] = ()
    seconds: float = 0.0

    @property
    def is_empty(self) -> bool:
        """True when the layer carries no annotation, status or comment."""
        return not (self.entities or self.events or self.stance or self.comment) and self.status == "todo"


@dataclass(slots=True, unsafe_hash=True)
class SentenceRecord:
    """A sentence as read from a file: text, tokens (offsets into ``text``) and annotation layers.

    ``position`` is the sentence's stored order in its document when the file says so (JSONL's
    ``"sentence"``), else None; it may have gaps (see the glossary: position versus ordinal).
    ``start`` is its offset into the document text when the document text is known.
    ``line`` is where the sentence starts in its file, for error messages.
    """

    text: str
    tokens: Sequence[Token]
    paragraph: int = 0
    position: int | None = None
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


@dataclass(frozen=True, slots=True)
class DocumentAssignment:
    """Who a document is assigned to (the project's assignment, carried by its JSONL export)."""

    document: str
    assignees: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True, slots=True)
class NotImported:
    """What a reader found in its file and could not import: counted in the import's summary.

    ``what`` is a plural noun ending in "s" (``relations``), ``why`` the reason in words, shown
    as ``N relations not imported (why)`` (``1 relation``); nothing a file holds is dropped without a word.
    """

    what: str
    count: int
    why: str
    line: int | None = None


Record = DocumentStart | SentenceRecord | DocumentStanceRecord | DocumentAssignment | NotImported


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
    assignments: int = 0
    assignments_left_out: int = 0
    files: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)  # plain-text files imported with --annotator
    # (file, what, why) -> how many: what readers found and could not import
    not_imported: dict[tuple[str, str, str], int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # where else a file's data came from, and hints
    # words mixing Latin and Cyrillic letters (see core/scripts.py): the first MIXED_SHOWN as
    # ``FILE:LINE:COL: mixed ... in 'WORD'`` lines, how many in all, how many --fix-homoglyphs fixed
    mixed: list[str] = field(default_factory=list)
    mixed_words: int = 0
    mixed_fixed: int = 0
    mixed_unfixable: int = 0  # with --fix-homoglyphs: words with a letter that has no look-alike
    mixed_first: str = ""  # FILE:LINE:COL of the first

    def mixed_report(self) -> list[str]:
        """The lines about mixed-script words for standard error: the first ones found, then
        ``… and N more`` (a crawl full of them does not flood the terminal)."""
        lines = list(self.mixed)
        if self.mixed_words > len(self.mixed):
            lines.append(f"… and {self.mixed_words - len(self.mixed)} more mixed-script words")
        return lines

    def describe(self) -> str:
        """One line for people: what was added and what was already there (then the notes, a
        line each); a :class:`~annotator.core.messages.Text` the window shows translated."""
        parts: list[str] = [
            _count(
                self.documents_added,
                message("{n} new document", n=1),
                message("{n} new documents", n=self.documents_added),
            ),
            _count(self.sentences, message("{n} sentence", n=1), message("{n} sentences", n=self.sentences)),
            _count(self.tokens, message("{n} token", n=1), message("{n} tokens", n=self.tokens)),
            _count(self.entities, message("{n} entity", n=1), message("{n} entities", n=self.entities)),
            _count(self.events, message("{n} event", n=1), message("{n} events", n=self.events)),
            _count(
                self.stance,
                message("{n} stance annotation", n=1),
                message("{n} stance annotations", n=self.stance),
            ),
        ]
        if self.documents_reused:
            one = message("{n} document already present", n=1)
            parts.append(
                _count(
                    self.documents_reused,
                    one,
                    message("{n} documents already present", n=self.documents_reused),
                )
            )
        if self.skipped_layers:
            one = message("{n} annotator layer already present and left as it was", n=1)
            many = message("{n} annotator layers already present and left as it was", n=self.skipped_layers)
            parts.append(_count(self.skipped_layers, one, many))
        if self.assignments:
            parts.append(
                _count(
                    self.assignments,
                    message("{n} assignment", n=1),
                    message("{n} assignments", n=self.assignments),
                )
            )
        if self.assignments_left_out:
            one = message("{n} assignment left out (only a reviewer or a manager assigns documents)", n=1)
            many = message(
                "{n} assignments left out (only a reviewer or a manager assigns documents)",
                n=self.assignments_left_out,
            )
            parts.append(_count(self.assignments_left_out, one, many))
        lines: list[str] = [message("imported {what}", what=joined(parts))]
        for path in self.unlabelled:
            lines.append(
                message("note: {path} was read as plain text: it gave --annotator no labels", path=path)
            )
        for note in self.notes:
            lines.append(message("note: {note}", note=note))
        for (path, what, why), n in self.not_imported.items():
            things = what[:-1] if n == 1 and what.endswith("s") else what
            lines.append(
                message(
                    "note: {path}: {n} {things} not imported ({why})", path=path, n=n, things=things, why=why
                )
            )
        if self.mixed_words:
            lines.append(self._mixed_note())
            if self.mixed_fixed:
                one = message("fixed {n} mixed-script word", n=1)
                lines.append(
                    _count(self.mixed_fixed, one, message("fixed {n} mixed-script words", n=self.mixed_fixed))
                )
            if self.mixed_unfixable:
                one = message(
                    "note: {n} mixed-script word left as it was "
                    "(a letter with no look-alike in the other script)",
                    n=1,
                )
                many = message(
                    "note: {n} mixed-script words left as it was "
                    "(a letter with no look-alike in the other script)",
                    n=self.mixed_unfixable,
                )
                lines.append(_count(self.mixed_unfixable, one, many))
        return joined(lines, "\n")

    def _mixed_note(self) -> str:
        n, first = self.mixed_words, self.mixed_first
        if first:
            one = message(
                "note: {n} word mixes Latin and Cyrillic letters (first: {first})", n=1, first=first
            )
            return _count(
                n,
                one,
                message("note: {n} words mix Latin and Cyrillic letters (first: {first})", n=n, first=first),
            )
        one = message("note: {n} word mixes Latin and Cyrillic letters", n=1)
        return _count(n, one, message("note: {n} words mix Latin and Cyrillic letters", n=n))


def _count(n: int, one: str, many: str) -> str:
    """The singular message for 1, the plural for any other number."""
    return one if n == 1 else many
