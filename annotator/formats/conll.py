"""CoNLL reader: token in the first column, tag in the last, blank lines between sentences.

``-DOCSTART-`` lines separate documents, in every form tools write (``-DOCSTART- -X- O O`` of
CoNLL-2003 and spaCy, ``-DOCSTART-<TAB>O``, a bare ``-DOCSTART-``). Tags may be IOB1, IOB2, BIOES
or BILUO; ``auto`` reads a file as BIOES when its first tagged sentence uses E- or S-, as BILUO
when it uses L- or U-, else as IOB2 (strictly: an I- that does not continue an entity is an error
that suggests ``--scheme IOB1``). The sentence text is the tokens joined by single spaces.

The tags are the last column unless ``tag_column`` says another (CoNLL-2003 has four: token, POS,
chunk, NER). Event triggers come from ``event_column`` when given, else from ``X.events.conll``
beside ``X.conll`` when there is one (what ``export --events`` writes; see ``conll_events``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from unicodedata import is_normalized

from annotator.core.errors import InputError
from annotator.core.model import (
    DocumentStart,
    EntityRecord,
    EventRecord,
    Layer,
    Record,
    SentenceRecord,
)
from annotator.core.schema import Schema
from annotator.core.tags import SCHEMES, TagError, decode, detect_scheme
from annotator.core.text import normalize, tokens_from_words
from annotator.formats.conll_events import (
    TriggerRow,
    column_index,
    column_name,
    events_file_of,
    is_file,
    main_file_of,
    pick,
    trigger_rows,
)
from annotator.formats.conll_write import DOCSTART, DOCSTART_LINE, SEPARATORS, ConllWriter
from annotator.formats.lines import ProgressFn, read_text_blocks
from annotator.formats.names import name_problem

__all__ = ["DOCSTART", "DOCSTART_LINE", "SEPARATORS", "ConllWriter", "read_conll"]


def read_conll(
    path: Path,
    *,
    schema: Schema | None = None,
    annotator: str | None = None,
    scheme: str = "auto",
    status: str = "todo",
    progress: ProgressFn | None = None,
    tag_column: int = -1,
    event_column: int | None = None,
) -> Iterator[Record]:
    """Stream documents and sentences from a CoNLL file; tags become ``annotator``'s entities,
    trigger tags (a column, or the ``.events`` file beside it) their events."""
    if scheme != "auto" and scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}")
    try:
        columns = (
            column_index(tag_column, "--tag-column"),
            None if event_column is None else column_index(event_column, "--event-column"),
        )
    except ValueError as exc:
        raise InputError(path, None, str(exc)) from None
    if columns[0] == columns[1]:
        raise InputError(path, None, "--tag-column and --event-column name the same column")
    side = events_file_of(path) if event_column is None else None
    main = main_file_of(path)
    if main is not None and is_file(main):
        raise InputError(
            path, None, f"holds the event triggers of {main.name}: import {main.name}, which reads it"
        )
    reader = _ConllReader(path, schema, annotator, scheme, status, columns)
    if side is not None and is_file(side):
        reader.side, reader.side_path = trigger_rows(side), side
    carry, carry_at = "", 1  # the end of a block after its last blank line: an unfinished sentence
    for base, text in read_text_blocks(path, progress):
        if carry:
            text, base = carry + text, carry_at
        cut = text.rfind("\n\n") + 2
        if cut < 2:
            carry, carry_at = text, base
            continue
        head, carry = text[:cut], text[cut:]
        carry_at = base + head.count("\n")
        yield from reader.block(base, head)
    if carry:
        yield from reader.block(carry_at, carry)
    reader.side_done()


# A sentence whose every line is exactly a token and a tag: the common case, read without a line loop.
_TWO_COLUMNS = re.compile(r"[^\s]+[ \t]+[^\s]+(?:[ \t]*\n[^\s]+[ \t]+[^\s]+)*[ \t]*")
_BLANK_WITH_SPACES = re.compile(r"^[ \t\f\v]+$", re.MULTILINE)


class _ConllReader:
    def __init__(
        self,
        path: Path,
        schema: Schema | None,
        annotator: str | None,
        scheme: str,
        status: str,
        columns: tuple[int, int | None] = (-1, None),
    ):
        self.path = path
        self.tag_index, self.event_index = columns
        self.two_columns = self.tag_index in (1, -1) and self.event_index is None
        self.side: Iterator[TriggerRow] | None = None
        self.side_path: Path | None = None
        self.event_scheme = scheme
        self.schema = schema
        self.annotator = annotator
        self.scheme = scheme
        self.status = status
        self.numbered = False
        self.documents = 0
        self.pending_start = True
        self.seen_any = False
        self.detected_at: int | None = None
        self.labels = frozenset(schema.label_names) if schema is not None else None

    def docstart(self) -> None:
        if not self.seen_any:
            self.numbered = True
        self.seen_any = True
        self.pending_start = True

    def _document_name(self) -> str:
        self.documents += 1
        if self.numbered:
            return f"{self.path.stem}-{self.documents:04d}"
        return self.path.stem if self.documents == 1 else f"{self.path.stem}-{self.documents:04d}"

    def block(self, first: int, text: str) -> Iterator[Record]:
        """The records of a block of whole sentences (it ends after a blank line, or at the file's end)."""
        if _BLANK_WITH_SPACES.search(text):  # blank lines holding spaces: read line by line
            yield from self.lines(first, text.split("\n"))
            return
        number = first
        for chunk in text.split("\n\n"):
            at = number
            number += chunk.count("\n") + 2
            body = chunk.lstrip("\n")
            at += len(chunk) - len(body)
            body = body.rstrip("\n")
            if not body:
                continue
            if DOCSTART in body:
                yield from self.lines(at, body.split("\n"))
            elif self.two_columns and _TWO_COLUMNS.fullmatch(body):
                fields = body.split()
                if self.pending_start:
                    yield self.document_start(at)
                yield self.sentence(at, fields[0::2], fields[1::2], body)
            else:
                yield from self.lines(at, body.split("\n"))

    def lines(self, first: int, lines: list[str]) -> Iterator[Record]:
        """Records from lines one by one: blank lines end sentences, ``-DOCSTART-`` starts a document."""
        rows: list[str] = []
        start = first
        for number, line in enumerate(lines, first):
            if not line or line.isspace():
                if rows:
                    yield from self.rows(start, rows)
                    rows = []
                continue
            if DOCSTART in line and line.split()[0] == DOCSTART:
                if rows:
                    yield from self.rows(start, rows)
                    rows = []
                self.docstart()
                continue
            if not rows:
                start = number
            rows.append(line)
        if rows:
            yield from self.rows(start, rows)

    def rows(self, first: int, lines: list[str]) -> Iterator[Record]:
        """One sentence from its lines, each a token, maybe more columns, and a tag last."""
        columns = [line.split() for line in lines]
        tags: list[str] = []
        triggers: list[str] = []
        for i, cols in enumerate(columns):
            if len(cols) < 2:
                raise InputError(
                    self.path,
                    first + i,
                    f"expected a token and a tag separated by a space or tab, got {lines[i].strip()!r}",
                )
            tags.append(self._cell(cols, self.tag_index, first + i, "--tag-column"))
            if self.event_index is not None:
                triggers.append(self._cell(cols, self.event_index, first + i, "--event-column"))
        if self.pending_start:
            yield self.document_start(first)
        words = [cols[0] for cols in columns]
        yield self.sentence(first, words, tags, lines, triggers if self.event_index is not None else None)

    def _cell(self, cols: list[str], index: int, number: int, option: str) -> str:
        cell = pick(cols, index)
        if cell is None:
            raise InputError(
                self.path,
                number,
                f"the line has {len(cols)} columns, no column {column_name(index)} ({option})",
            )
        return cell

    def document_start(self, first: int) -> DocumentStart:
        """The start of the document whose first sentence begins at line ``first``."""
        self.pending_start = False
        name = self._document_name()
        if (problem := name_problem(name)) is not None:
            raise InputError(self.path, first, f"the document name (from the file's name) {problem}")
        return DocumentStart(name, str(self.path), None, first)

    def sentence(
        self,
        first: int,
        words: list[str],
        tags: list[str],
        raw: str | list[str],
        triggers: list[str] | None = None,
    ) -> SentenceRecord:
        """A sentence (after its document's start); ``raw``, its text or lines, points at an error."""
        self.seen_any = True
        events: tuple[EventRecord, ...] = ()
        if self.side is not None:
            triggers, raw_triggers = self._side_triggers(first, words)
            if triggers.count("O") != len(triggers):
                events = self._events(raw_triggers[0], raw_triggers[1], triggers, self.side_path)
        elif triggers is not None and triggers.count("O") != len(triggers):
            events = self._events(first, raw, triggers, self.path)
        text = " ".join(words)
        if not text.isascii() and not is_normalized("NFC", text):
            words = [normalize(w) for w in words]
            text = " ".join(words)
        layers: tuple[Layer, ...] = ()
        tagged = tags.count("O") != len(tags)
        if tagged or events or self.status != "todo":
            spans = self._decode(first, raw, tags) if tagged else []
            if self.annotator is None:
                raise InputError(self.path, first, "the file has tags: name their annotator with --annotator")
            entities = tuple(EntityRecord(label, s, e) for s, e, label in spans)
            layers = (Layer(self.annotator, self.status, "", entities, events),)
        return SentenceRecord(text=text, tokens=tokens_from_words(words, text), line=first, layers=layers)

    def _decode(self, first: int, lines: str | list[str], tags: list[str]) -> list[tuple[int, int, str]]:
        scheme = self.scheme
        if scheme == "auto":
            scheme = self.scheme = detect_scheme(tags)
            self.detected_at = first
        try:
            spans = decode(tags, scheme)
        except TagError as exc:
            message = exc.message
            if self.detected_at is not None and self.detected_at != first:
                other = "BIOES" if scheme == "IOB2" else "IOB2"
                message += (
                    f" (the file reads as {scheme} from its first tagged sentence at line {self.detected_at};"
                    f" if it is {other}, import it with --scheme {other})"
                )
            raise self._at_tag(first, lines, exc.index, tags[exc.index], message) from None
        if self.labels is not None and not {label for _, _, label in spans} <= self.labels:
            for i, tag in enumerate(tags):
                label = tag.partition("-")[2]
                if tag != "O" and label not in self.labels:
                    raise self._at_tag(
                        first, lines, i, tag, f"label {label!r} is not in the project's schema"
                    )
        return spans

    def _side_triggers(self, first: int, words: list[str]) -> tuple[list[str], tuple[int, list[str]]]:
        """The trigger tags of the sentence at line ``first`` from the trigger file, same tokens."""
        assert self.side is not None and self.side_path is not None
        row = next(self.side, None)
        if row is None:
            raise InputError(
                self.side_path, None, f"ends before the sentence at {self.path.name} line {first}"
            )
        at, side_words, tags = row
        if side_words != words:
            i = next(
                (i for i, (a, b) in enumerate(zip(side_words, words, strict=False)) if a != b),
                min(len(words), len(side_words)),
            )
            raise InputError(
                self.side_path,
                at + i,
                f"the tokens differ from the sentence at {self.path.name} line {first} (token {i + 1})",
            )
        return tags, (at, [f"{w} {t}" for w, t in zip(words, tags, strict=True)])

    def side_done(self) -> None:
        """Refuse a trigger file with more sentences than the file it belongs to."""
        if self.side is not None and self.side_path is not None:
            extra = next(self.side, None)
            if extra is not None:
                raise InputError(self.side_path, extra[0], f"has more sentences than {self.path.name}")

    def _events(
        self, first: int, lines: str | list[str], triggers: list[str], where: Path | None
    ) -> tuple[EventRecord, ...]:
        """Trigger tags as events (types checked against the schema); errors name ``where``."""
        scheme = self.event_scheme
        if scheme == "auto":
            scheme = self.event_scheme = detect_scheme(triggers)
        try:
            spans = decode(triggers, scheme)
        except TagError as exc:
            raise self._at_tag(
                first, lines, exc.index, triggers[exc.index], f"trigger {exc.message}", where
            ) from None
        for s, _, kind in spans:
            if self.schema is not None and self.schema.event_type(kind) is None:
                message = f"event type {kind!r} is not in the project's schema"
                raise self._at_tag(first, lines, s, triggers[s], message, where) from None
        return tuple(EventRecord(kind, s, e) for s, e, kind in spans)

    def _at_tag(
        self,
        first: int,
        lines: str | list[str],
        index: int,
        tag: str,
        message: str,
        where: Path | None = None,
    ) -> InputError:
        raw = (lines.split("\n") if isinstance(lines, str) else lines)[index].rstrip()
        return InputError(where or self.path, first + index, message, raw.rfind(tag) + 1)
