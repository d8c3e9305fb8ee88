"""CoNLL writer: ``TOKEN<TAB>TAG`` lines, a blank line after each sentence, ``-DOCSTART- -X- O O``
before each document; event triggers in a file of their own or a column before the tags."""

from __future__ import annotations

from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, Record, SentenceRecord, token_texts
from annotator.core.tags import SCHEMES, encode, flatten
from annotator.formats.writers import WriteStats

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- O O"  # CoNLL-2003's form, the one spaCy's converter recognises
SEPARATORS = {"tab": "\t", "space": " "}


class ConllWriter:
    """Writes ``TOKEN<TAB>TAG`` lines, a blank line after each sentence.

    A ``-DOCSTART- -X- O O`` line and a blank line precede each document unless ``docstart`` is
    False: the CoNLL-2003 form, which spaCy's converter takes for a document break (it reads
    ``-DOCSTART-<TAB>O`` as a token). ``separator`` ``space`` puts one space between the columns,
    as conlleval reads by default. With ``events``, trigger tags go to ``events_out`` in lines of
    the same shape (``TOKEN<TAB>TRIGGER``), else into a column before the entity tags
    (``TOKEN<TAB>TRIGGER<TAB>TAG``): either way the entity tags stay last, where spaCy's converter
    and the project's importer read them. Overlapping spans keep the longest; ``dropped`` counts
    what that policy removed.
    """

    def __init__(
        self,
        out: TextIO,
        scheme: str = "IOB2",
        docstart: bool = True,
        events: bool = False,
        separator: str = "tab",
        events_out: TextIO | None = None,
    ):
        if scheme not in SCHEMES:
            raise ValueError(f"unknown tag scheme {scheme!r}")
        if separator not in SEPARATORS:
            raise ValueError(f"unknown column separator {separator!r}")
        self.out, self.scheme, self.docstart, self.events = out, scheme, docstart, events
        self.sep = SEPARATORS[separator]
        self.events_out = events_out if events else None
        self.dropped_entities = 0
        self.dropped_triggers = 0
        self.document = ""

    def write(self, record: Record) -> None:
        """Write one record; document stance has no place in CoNLL and is skipped."""
        if isinstance(record, DocumentStart):
            self.document = record.name
            if self.docstart:
                self.out.write(f"{DOCSTART_LINE}\n\n")
                if self.events_out is not None:
                    self.events_out.write(f"{DOCSTART_LINE}\n\n")
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
        trigger_tags: list[str] | None = None
        if self.events:
            triggers, dropped = flatten(
                [(e.token_start, e.token_end, e.type) for e in layer.events] if layer else []
            )
            self.dropped_triggers += len(dropped)
            trigger_tags = encode(triggers, n, self.scheme)
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
        if trigger_tags is not None and self.events_out is not None:
            self.events_out.write(self._lines(texts, [trigger_tags]))
        elif trigger_tags is not None:
            columns.insert(0, trigger_tags)
        self.out.write(self._lines(texts, columns))

    def _lines(self, texts: list[str], columns: list[list[str]]) -> str:
        """A sentence's lines: each token, then its cell of every column; a blank line after."""
        n = len(texts)
        # Lines laid out by slice assignment: twice as fast as joining a tuple per token.
        width = len(columns) + 1
        cells: list[str] = [self.sep] * (2 * width * n)
        cells[0 :: 2 * width] = texts
        for k, column in enumerate(columns, 1):
            cells[2 * k :: 2 * width] = column
        cells[2 * width - 1 :: 2 * width] = ["\n"] * n
        cells.append("\n")
        return "".join(cells)
