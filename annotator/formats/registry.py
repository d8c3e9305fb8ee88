"""The registries of formats: what each can read or write, and with what.

``READERS``: an input format's name, the file endings it claims and a streaming reader.
``WRITERS``: an output format's name, the ending of its default destination, whether it writes
one stream or a folder of files, and how to make its writer. Every list of formats shown to
people (``--format`` choices, the window's file filter and export dialog) is derived from these.
A format's module is imported when its reader or writer is first made, so that naming the formats
(the command line's parser does at every start) reads none of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.model import Record
from annotator.core.schema import Schema
from annotator.core.text import TOKENIZER_VERSION
from annotator.formats.json_list import first_character
from annotator.formats.lines import ProgressFn
from annotator.formats.writers import Writer


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the file: schema, annotator, segmentation, tag scheme, status."""

    schema: Schema | None = None
    annotator: str | None = None
    segment: str = "lines"
    scheme: str = "auto"
    status: str = "todo"
    labels: tuple[str, ...] | None = None  # JSONL: tag names of integer ner_tags (--labels)
    tag_column: int = -1  # CoNLL: the column of the entity tags (1-based; negative from the end)
    event_column: int | None = None  # CoNLL: the column of trigger tags (else an .events file beside)
    tokenizer_version: int = TOKENIZER_VERSION  # the project's: how text without tokens is cut


Reader = Callable[[Path, ReadOptions, ProgressFn | None], Iterator[Record]]


def _text(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    from annotator.formats.text import read_text

    return read_text(path, opts.segment, progress, opts.tokenizer_version)


def _conll(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    from annotator.formats.conll import read_conll

    return read_conll(
        path,
        schema=opts.schema,
        annotator=opts.annotator,
        scheme=opts.scheme,
        status=opts.status,
        progress=progress,
        tag_column=opts.tag_column,
        event_column=opts.event_column,
    )


def _jsonl(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    from annotator.formats.jsonl import read_jsonl

    return read_jsonl(
        path,
        annotator=opts.annotator,
        status=opts.status,
        progress=progress,
        labels=opts.labels,
        tokenizer_version=opts.tokenizer_version,
    )


def _labelstudio(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    from annotator.formats.labelstudio import read_labelstudio

    return read_labelstudio(
        path,
        annotator=opts.annotator,
        status=opts.status,
        progress=progress,
        tokenizer_version=opts.tokenizer_version,
    )


@dataclass(frozen=True)
class FormatSpec:
    """A registered input format."""

    name: str
    suffixes: tuple[str, ...]
    reader: Reader
    description: str
    title: str  # a short name for people (a file dialog's filter)


READERS: dict[str, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("txt", (".txt", ".text"), _text, "plain text, one document per file", "Plain text"),
        FormatSpec(
            "conll",
            (".conll", ".conll03", ".iob", ".iob2", ".bio", ".bioes", ".tsv"),
            _conll,
            "CoNLL tags",
            "CoNLL",
        ),
        FormatSpec(
            "jsonl",
            (".jsonl", ".ndjson", ".json"),
            _jsonl,
            "JSON lines: own format, doccano, plain text",
            "JSON lines",
        ),
        FormatSpec(
            "labelstudio",
            (".json",),
            _labelstudio,
            "Label Studio JSON or JSON-MIN export, or doccano examples (a .json file that is a list)",
            "Label Studio JSON",
        ),
    )
}


# A CoNLL line: a token, maybe more columns, and a tag last (O or PREFIX-LABEL), or a document break.
_CONLL_LINE = re.compile(r"\S+(?:[ \t]+\S+)*?[ \t]+(?:O|[BIESLU]-\S+)[ \t]*|-DOCSTART-.*")
_SNIFF_BYTES = 64 * 1024
_SNIFF_LINES = 200


_CONLL_SHARE = 0.9  # of the sampled lines that must be CoNLL-shaped


def looks_like_conll(path: Path) -> bool:
    """True when the start of a text file is CoNLL: of its first 200 non-blank lines, at least three
    and at least 90% are a token with a tag last (KazNERD ships its CoNLL files as ``.txt``). A stray
    line or a ``token tag`` header does not make it plain text: the CoNLL reader names that line."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    lines = [line for line in head.decode("utf-8", errors="replace").splitlines() if line.strip()]
    if len(head) == _SNIFF_BYTES and lines:
        lines.pop()  # the last line may be cut
    lines = lines[:_SNIFF_LINES]
    shaped = sum(1 for line in lines if _CONLL_LINE.fullmatch(line.strip()))
    return shaped >= 3 and shaped >= _CONLL_SHARE * len(lines)


def detect_format(path: Path, requested: str = "auto") -> str:
    """The format to read ``path`` with: ``requested`` unless ``auto``, else by the file ending
    (and, for a ``.txt`` file, its content: CoNLL named ``.txt`` is read as CoNLL; a ``.json``
    file that is a JSON list is Label Studio's export, any other ``.json`` JSON lines)."""
    if requested != "auto":
        if requested not in READERS:
            raise InputError(path, None, f"unknown format {requested!r} (one of {', '.join(READERS)})")
        return requested
    suffix = path.suffix.lower()
    if suffix == ".json" and first_character(path) == "[":  # a list of tasks, not JSON lines
        return "labelstudio"
    for spec in READERS.values():
        if suffix in spec.suffixes:
            if spec.name == "txt" and looks_like_conll(path):
                return "conll"
            return spec.name
    raise InputError(
        path, None, f"cannot tell the format from the ending {suffix!r}: use --format {'|'.join(READERS)}"
    )


def read(path: Path, fmt: str, options: ReadOptions, progress: ProgressFn | None = None) -> Iterator[Record]:
    """Stream records from ``path`` in format ``fmt`` (``auto`` detects it from the file ending)."""
    return READERS[detect_format(path, fmt)].reader(path, options, progress)


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may need besides its destination; each format takes the options it has."""

    schema: Schema | None = None  # brat writes its configuration from it
    scheme: str = "IOB2"  # CoNLL
    docstart: bool = True  # CoNLL
    events: bool = False  # CoNLL
    per_document: bool = False  # JSONL
    separator: str = "tab"  # CoNLL: tab or space between the columns
    tokens: str = "objects"  # JSONL: tokens as objects or as strings (with token_offsets)
    documents: TextIO | None = None  # JSONL per sentence: the side file for document-level lines
    events_out: TextIO | None = None  # CoNLL with events: the trigger file (else a trigger column)


StreamWriterFactory = Callable[[TextIO, WriteOptions], Writer]
FolderWriterFactory = Callable[[Path, WriteOptions], Writer]


def _conll_writer(out: TextIO, opts: WriteOptions) -> Writer:
    from annotator.formats.conll import ConllWriter

    return ConllWriter(out, opts.scheme, opts.docstart, opts.events, opts.separator, opts.events_out)


def _jsonl_writer(out: TextIO, opts: WriteOptions) -> Writer:
    from annotator.formats.jsonl_write import JsonlWriter

    return JsonlWriter(out, opts.per_document, opts.tokens, opts.documents)


def _labelstudio_writer(out: TextIO, opts: WriteOptions) -> Writer:
    from annotator.formats.labelstudio_write import LabelStudioWriter

    return LabelStudioWriter(out)


def _doccano_writer(out: TextIO, opts: WriteOptions) -> Writer:
    from annotator.formats.doccano_write import DoccanoWriter

    return DoccanoWriter(out)


def _brat_writer(folder: Path, opts: WriteOptions) -> Writer:
    from annotator.formats.brat import BratWriter

    if opts.schema is None:
        raise ValueError("brat standoff is written from the project's schema: give WriteOptions.schema")
    return BratWriter(folder, opts.schema)


@dataclass(frozen=True)
class WriterSpec:
    """A registered output format: it writes either one text stream or a folder of files."""

    name: str
    suffix: str  # the ending of its default destination ("" for a folder)
    description: str  # a short name for people
    stream: StreamWriterFactory | None = None
    folder: FolderWriterFactory | None = None

    @property
    def writes_folder(self) -> bool:
        """True when the format is a folder of files (it cannot go to standard output)."""
        return self.folder is not None

    def open_stream(self, out: TextIO, options: WriteOptions) -> Writer:
        """A writer of this format into ``out``; ValueError for a folder format."""
        if self.stream is None:
            raise ValueError(f"{self.name} writes a folder of files, not a stream")
        return self.stream(out, options)

    def open_folder(self, folder: Path, options: WriteOptions) -> Writer:
        """A writer of this format into the empty ``folder``; ValueError for a stream format."""
        if self.folder is None:
            raise ValueError(f"{self.name} writes one stream, not a folder")
        return self.folder(folder, options)


WRITERS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("conll", ".conll", "CoNLL tags", stream=_conll_writer),
        WriterSpec("jsonl", ".jsonl", "JSON lines", stream=_jsonl_writer),
        WriterSpec("brat", "", "brat standoff", folder=_brat_writer),
        WriterSpec("labelstudio", ".json", "Label Studio JSON", stream=_labelstudio_writer),
        WriterSpec("doccano", ".jsonl", "doccano JSONL", stream=_doccano_writer),
    )
}
