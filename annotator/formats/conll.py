"""CoNLL reader: token in the first column, tag in the last, blank lines between sentences.

``-DOCSTART-`` lines separate documents, in every form tools write (``-DOCSTART- -X- O O`` of
CoNLL-2003 and spaCy, ``-DOCSTART-<TAB>O``, a bare ``-DOCSTART-``). Tags may be IOB1, IOB2, BIOES
or BILUO; ``auto`` reads a file as BIOES when its first tagged sentence uses E- or S-, as BILUO
when it uses L- or U-, else as IOB2 (strictly: an I- that does not continue an entity is an error
that suggests ``--scheme IOB1``). The sentence text is the tokens joined by single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO
from unicodedata import is_normalized

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, EntityRecord, Layer, Record, SentenceRecord, token_texts
from annotator.core.schema import Schema
from annotator.core.tags import SCHEMES, TagError, decode, detect_scheme, encode, flatten
from annotator.core.text import normalize, tokens_from_words
from annotator.formats.lines import ProgressFn, read_text_blocks
from annotator.formats.names import name_problem
from annotator.formats.writers import WriteStats

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- O O"  # CoNLL-2003's form, the one spaCy's converter recognises
SEPARATORS = {"tab": "\t", "space": " "}


def read_conll(
    path: Path,
    *,
    schema: Schema | None = None,
    annotator: str | None = None,
    scheme: str = "auto",
    status: str = "todo",
    progress: ProgressFn | None = None,
) -> Iterator[Record]:
    """Stream documents and sentences from a CoNLL file; tags become ``annotator``'s entities."""
    if scheme != "auto" and scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}")
    reader = _ConllReader(path, schema, annotator, scheme, status)
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


# A sentence whose every line is exactly a token and a tag: the common case, read without a line loop.
_TWO_COLUMNS = re.compile(r"[^\s]+[ \t]+[^\s]+(?:[ \t]*\n[^\s]+[ \t]+[^\s]+)*[ \t]*")
_BLANK_WITH_SPACES = re.compile(r"^[ \t\f\v]+$", re.MULTILINE)


class _ConllReader:
    def __init__(self, path: Path, schema: Schema | None, annotator: str | None, scheme: str, status: str):
        self.path = path
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
            elif _TWO_COLUMNS.fullmatch(body):
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
        for i, cols in enumerate(columns):
            if len(cols) < 2:
                raise InputError(
                    self.path,
                    first + i,
                    f"expected a token and a tag separated by a space or tab, got {lines[i].strip()!r}",
                )
        if self.pending_start:
            yield self.document_start(first)
        yield self.sentence(first, [cols[0] for cols in columns], [cols[-1] for cols in columns], lines)

    def document_start(self, first: int) -> DocumentStart:
        """The start of the document whose first sentence begins at line ``first``."""
        self.pending_start = False
        name = self._document_name()
        if (problem := name_problem(name)) is not None:
            raise InputError(self.path, first, f"the document name (from the file's name) {problem}")
        return DocumentStart(name, str(self.path), None, first)

    def sentence(self, first: int, words: list[str], tags: list[str], raw: str | list[str]) -> SentenceRecord:
        """A sentence (after its document's start); ``raw``, its text or lines, points at an error."""
        self.seen_any = True
        text = " ".join(words)
        if not text.isascii() and not is_normalized("NFC", text):
            words = [normalize(w) for w in words]
            text = " ".join(words)
        layers: tuple[Layer, ...] = ()
        tagged = tags.count("O") != len(tags)
        if tagged or self.status != "todo":
            spans = self._decode(first, raw, tags) if tagged else []
            if self.annotator is None:
                raise InputError(self.path, first, "the file has tags: name their annotator with --annotator")
            entities = tuple(EntityRecord(label, s, e) for s, e, label in spans)
            layers = (Layer(self.annotator, self.status, "", entities),)
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
            raise self._at_tag(first, lines, exc.index, message) from None
        if self.labels is not None and not {label for _, _, label in spans} <= self.labels:
            for i, tag in enumerate(tags):
                label = tag.partition("-")[2]
                if tag != "O" and label not in self.labels:
                    raise self._at_tag(first, lines, i, f"label {label!r} is not in the project's schema")
        return spans

    def _at_tag(self, first: int, lines: str | list[str], index: int, message: str) -> InputError:
        raw = (lines.split("\n") if isinstance(lines, str) else lines)[index].rstrip()
        tag = raw.split()[-1]
        return InputError(self.path, first + index, message, raw.rfind(tag) + 1)


class ConllWriter:
    """Writes ``TOKEN<TAB>TAG[<TAB>EVENT_TAG]`` lines, a blank line after each sentence.

    A ``-DOCSTART- -X- O O`` line and a blank line precede each document unless ``docstart`` is
    False: the CoNLL-2003 form, which spaCy's converter takes for a document break (it reads
    ``-DOCSTART-<TAB>O`` as a token). ``separator`` ``space`` puts one space between the columns,
    as conlleval reads by default. Overlapping spans keep the longest; ``dropped`` counts what
    that policy removed.
    """

    def __init__(
        self,
        out: TextIO,
        scheme: str = "IOB2",
        docstart: bool = True,
        events: bool = False,
        separator: str = "tab",
    ):
        if scheme not in SCHEMES:
            raise ValueError(f"unknown tag scheme {scheme!r}")
        if separator not in SEPARATORS:
            raise ValueError(f"unknown column separator {separator!r}")
        self.out, self.scheme, self.docstart, self.events = out, scheme, docstart, events
        self.sep = SEPARATORS[separator]
        self.dropped_entities = 0
        self.dropped_triggers = 0
        self.document = ""

    def write(self, record: Record) -> None:
        """Write one record; document stance has no place in CoNLL and is skipped."""
        if isinstance(record, DocumentStart):
            self.document = record.name
            if self.docstart:
                self.out.write(f"{DOCSTART_LINE}\n\n")
        elif isinstance(record, SentenceRecord):
            self._sentence(record)

    def close(self) -> WriteStats:
        """Every line is written as its record comes: only the counts are left to give."""
        return WriteStats(self.dropped_entities, self.dropped_triggers)

    def _sentence(self, record: SentenceRecord) -> None:
        layer = record.layers[0] if record.layers else None
        n = len(record.tokens)
        spans, dropped = flatten(
            [(e.token_start, e.token_end, e.label) for e in layer.entities] if layer else []
        )
        self.dropped_entities += len(dropped)
        columns = [encode(spans, n, self.scheme)]
        if self.events:
            triggers, dropped = flatten(
                [(e.token_start, e.token_end, e.type) for e in layer.events] if layer else []
            )
            self.dropped_triggers += len(dropped)
            columns.append(encode(triggers, n, self.scheme))
        texts = token_texts(record.tokens)
        joined = "".join(texts)
        if not all(texts) or len(joined.split()) != 1 or DOCSTART in texts:
            for i, text in enumerate(texts):
                if not text or text.split() != [text] or text == DOCSTART:
                    raise InputError(
                        None,
                        None,
                        f"document {self.document!r} sentence {record.position}: "
                        f"token {i} {text!r} would break the CoNLL format",
                    )
        # Lines laid out by slice assignment: twice as fast as joining a tuple per token.
        width = len(columns) + 1
        cells: list[str] = [self.sep] * (2 * width * n)
        cells[0 :: 2 * width] = texts
        for k, column in enumerate(columns, 1):
            cells[2 * k :: 2 * width] = column
        cells[2 * width - 1 :: 2 * width] = ["\n"] * n
        cells.append("\n")
        self.out.write("".join(cells))
