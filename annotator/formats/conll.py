"""CoNLL reader: token in the first column, tag in the last, blank lines between sentences.

``-DOCSTART-`` lines separate documents. Tags may be IOB1, IOB2 or BIOES; ``auto`` reads a file
as BIOES when its first tagged sentence uses E- or S-, else as IOB2 (strictly: an I- that does
not continue an entity is an error that suggests ``--scheme IOB1``). The sentence text is the
tokens joined by single spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, TextIO
from unicodedata import is_normalized

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, EntityRecord, Layer, Record, SentenceRecord
from annotator.core.schema import Schema
from annotator.core.tags import SCHEMES, TagError, decode, encode, flatten, has_bioes_markers
from annotator.core.text import normalize, tokens_from_words
from annotator.formats.lines import ProgressFn, read_lines

DOCSTART = "-DOCSTART-"


class _Row(NamedTuple):
    line: int
    token: str
    tag: str
    raw: str

    @property
    def tag_column(self) -> int:
        """Where the tag starts on its line (1-based), for error messages."""
        return self.raw.rstrip().rfind(self.tag) + 1


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
    rows: list[_Row] = []
    for number, line in read_lines(path, progress):
        stripped = line.strip()
        if not stripped:
            if rows:
                yield from reader.sentence(rows)
                rows = []
            continue
        columns = stripped.split()
        if columns[0] == DOCSTART:
            if rows:
                yield from reader.sentence(rows)
                rows = []
            reader.docstart()
            continue
        if len(columns) < 2:
            raise InputError(
                path, number, f"expected a token and a tag separated by a space or tab, got {stripped!r}"
            )
        token = columns[0]
        if not token.isascii() and not is_normalized("NFC", token):
            token = normalize(token)
        rows.append(_Row(number, token, columns[-1], line))
    if rows:
        yield from reader.sentence(rows)


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

    def sentence(self, rows: list[_Row]) -> Iterator[Record]:
        self.seen_any = True
        if self.pending_start:
            self.pending_start = False
            yield DocumentStart(self._document_name(), str(self.path), None, rows[0].line)
        tags = [r.tag for r in rows]
        spans = self._decode(rows, tags)
        layers: tuple[Layer, ...] = ()
        if spans or self.status != "todo":
            if self.annotator is None:
                raise InputError(
                    self.path, rows[0].line, "the file has tags: name their annotator with --annotator"
                )
            entities = tuple(EntityRecord(label, s, e) for s, e, label in spans)
            layers = (Layer(self.annotator, self.status, "", entities),)
        text, tokens = tokens_from_words([r.token for r in rows])
        yield SentenceRecord(text=text, tokens=tuple(tokens), line=rows[0].line, layers=layers)

    def _decode(self, rows: list[_Row], tags: list[str]) -> list[tuple[int, int, str]]:
        scheme = self.scheme
        if scheme == "auto":
            if any(t != "O" for t in tags):
                scheme = self.scheme = "BIOES" if has_bioes_markers(tags) else "IOB2"
                self.detected_at = rows[0].line
            else:
                scheme = "IOB2"
        try:
            spans = decode(tags, scheme)
        except TagError as exc:
            row = rows[exc.index]
            message = exc.message
            if self.detected_at is not None and self.detected_at != rows[0].line:
                other = "IOB2" if scheme == "BIOES" else "BIOES"
                message += (
                    f" (the file reads as {scheme} from its first tagged sentence at line {self.detected_at};"
                    f" if it is {other}, import it with --scheme {other})"
                )
            raise InputError(self.path, row.line, message, row.tag_column) from None
        if self.labels is not None:
            for row in rows:
                label = row.tag.partition("-")[2]
                if row.tag != "O" and label not in self.labels:
                    raise InputError(
                        self.path, row.line, f"label {label!r} is not in the project's schema", row.tag_column
                    )
        return spans


class ConllWriter:
    """Writes ``TOKEN<TAB>TAG[<TAB>EVENT_TAG]`` lines, a blank line after each sentence.

    A ``-DOCSTART-<TAB>O`` line and a blank line precede each document unless ``docstart`` is
    False. Overlapping spans keep the longest; ``dropped`` counts what that policy removed.
    """

    def __init__(self, out: TextIO, scheme: str = "IOB2", docstart: bool = True, events: bool = False):
        if scheme not in SCHEMES:
            raise ValueError(f"unknown tag scheme {scheme!r}")
        self.out, self.scheme, self.docstart, self.events = out, scheme, docstart, events
        self.dropped_entities = 0
        self.dropped_triggers = 0
        self.document = ""

    def write(self, record: Record) -> None:
        """Write one record; document stance has no place in CoNLL and is skipped."""
        if isinstance(record, DocumentStart):
            self.document = record.name
            if self.docstart:
                self.out.write(f"{DOCSTART}\tO\n\n")
        elif isinstance(record, SentenceRecord):
            self._sentence(record)

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
        lines = []
        for i, tok in enumerate(record.tokens):
            if not tok.text or any(ch.isspace() for ch in tok.text) or tok.text == DOCSTART:
                raise InputError(
                    None,
                    None,
                    f"document {self.document!r} sentence {record.index}: "
                    f"token {i} {tok.text!r} would break the CoNLL format",
                )
            lines.append("\t".join([tok.text, *(c[i] for c in columns)]))
        self.out.write("\n".join(lines) + "\n\n")
