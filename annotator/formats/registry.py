"""The registry of readers: a format name, the file endings it claims, and a streaming reader."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import Record
from annotator.core.schema import Schema
from annotator.formats.conll import read_conll
from annotator.formats.jsonl import read_jsonl
from annotator.formats.lines import ProgressFn
from annotator.formats.text import read_text


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the file: schema, annotator, segmentation, tag scheme, status."""

    schema: Schema | None = None
    annotator: str | None = None
    segment: str = "lines"
    scheme: str = "auto"
    status: str = "todo"


Reader = Callable[[Path, ReadOptions, ProgressFn | None], Iterator[Record]]


def _text(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    return read_text(path, opts.segment, progress)


def _conll(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    return read_conll(
        path,
        schema=opts.schema,
        annotator=opts.annotator,
        scheme=opts.scheme,
        status=opts.status,
        progress=progress,
    )


def _jsonl(path: Path, opts: ReadOptions, progress: ProgressFn | None) -> Iterator[Record]:
    return read_jsonl(path, annotator=opts.annotator, status=opts.status, progress=progress)


@dataclass(frozen=True)
class FormatSpec:
    """A registered input format."""

    name: str
    suffixes: tuple[str, ...]
    reader: Reader
    description: str


READERS: dict[str, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("txt", (".txt", ".text"), _text, "plain text, one document per file"),
        FormatSpec(
            "conll", (".conll", ".conll03", ".iob", ".iob2", ".bio", ".bioes", ".tsv"), _conll, "CoNLL tags"
        ),
        FormatSpec(
            "jsonl", (".jsonl", ".ndjson", ".json"), _jsonl, "JSON lines: own format, doccano, plain text"
        ),
    )
}


def detect_format(path: Path, requested: str = "auto") -> str:
    """The format to read ``path`` with: ``requested`` unless ``auto``, else by the file ending."""
    if requested != "auto":
        if requested not in READERS:
            raise InputError(path, None, f"unknown format {requested!r} (one of {', '.join(READERS)})")
        return requested
    suffix = path.suffix.lower()
    for spec in READERS.values():
        if suffix in spec.suffixes:
            return spec.name
    raise InputError(
        path, None, f"cannot tell the format from the ending {suffix!r}: use --format txt|conll|jsonl"
    )


def read(path: Path, fmt: str, options: ReadOptions, progress: ProgressFn | None = None) -> Iterator[Record]:
    """Stream records from ``path`` in format ``fmt`` (``auto`` detects it from the file ending)."""
    return READERS[detect_format(path, fmt)].reader(path, options, progress)
