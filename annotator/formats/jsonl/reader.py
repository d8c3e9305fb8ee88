"""The JSONL reader: one record stream from lines of any dialect (see :mod:`.dialects`).

Each line is one sentence, one whole document, or one document's stance. Lines of one document
follow each other under the same ``document`` key (the file stem when there is none).
Hugging Face-style lines are first put in the project's own spelling (:mod:`.hf`). The
document-level lines of an export ``X.jsonl`` may be in its side file ``X.documents.jsonl``:
when that file is there, its lines for each document are read after the document's sentences.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, Record
from annotator.core.text import TOKENIZER_VERSION
from annotator.formats.jsonl import doccano
from annotator.formats.jsonl.dialects import (
    Dialect,
    assignment,
    dialect_of,
    document_stance,
    sentence,
    whole_document,
)
from annotator.formats.jsonl.fields import Bad, optional, parse, refuse_nul
from annotator.formats.jsonl.hf import Labels, documents_file, main_of_documents_file, project_line
from annotator.formats.lines import ProgressFn, read_lines
from annotator.formats.names import name_problem

_DOCUMENT_NAME = "'document'"
_FILE_NAME = "the document name (the file's name)"


def read_jsonl(
    path: Path,
    *,
    annotator: str | None = None,
    status: str = "todo",
    progress: ProgressFn | None = None,
    labels: Sequence[str] | None = None,
    tokenizer_version: int = TOKENIZER_VERSION,
) -> Iterator[Record]:
    """Stream records from a JSONL file; ``annotator`` owns labels of lines that name nobody.

    ``labels`` names integer ``ner_tags`` (else a label list beside the file does: see :mod:`.hf`).
    Text without tokens is cut by ``tokenizer_version`` (the project's).
    """
    version = tokenizer_version
    main = main_of_documents_file(path)
    if main is not None:
        raise InputError(
            path, None, f"holds the document lines of {main.name} and is read with it: import {main.name}"
        )
    side = _side_lines(documents_file(path))
    tag_names = Labels(path, labels)
    current: str | None = None
    for number, line in read_lines(path, progress):
        if not line.strip():
            continue
        try:
            obj = _document_line(line)
            document = optional(obj, "document", str, path.stem)
            if (problem := name_problem(document)) is not None:
                raise Bad(f"{_DOCUMENT_NAME if 'document' in obj else _FILE_NAME} {problem}")
            if document != current and dialect_of(obj) in (Dialect.DOCUMENT, Dialect.SENTENCE):
                if current is not None:
                    yield from _side_records(side, current, annotator)
                current = document
                if dialect_of(obj) is Dialect.SENTENCE:
                    yield DocumentStart(document, str(path), None, number)
            match dialect_of(obj):
                case Dialect.DOCUMENT:
                    yield from whole_document(obj, document, annotator, status, number, str(path), version)
                case Dialect.DOCUMENT_STANCE:
                    yield document_stance(obj, document, annotator, number)
                case Dialect.ASSIGNMENT:
                    yield assignment(obj, document, number)
                case Dialect.SENTENCE:
                    obj = project_line(obj, tag_names)
                    if doccano.is_doccano(obj):  # a whole text: cut into its sentences
                        yield from doccano.example_records(obj, annotator, status, number, version)
                    else:
                        yield sentence(obj, annotator, status, number, version)
        except Bad as exc:
            raise InputError(path, number, str(exc)) from None
    if current is not None:
        yield from _side_records(side, current, annotator)
    if side.lines:
        name, (numbers, _) = next(iter(side.lines.items()))
        raise InputError(side.path, numbers[0], f"document {name!r} has no sentences in {path.name}")


def _document_line(line: str) -> dict[str, Any]:
    """A parsed line with a usable ``document`` name, if it gives one (Bad otherwise)."""
    obj = parse(line)
    if "\\u0000" in line:  # JSON can spell a NUL, which no project can store
        refuse_nul(obj)
    document = optional(obj, "document", str, None)
    if document is not None and not document.strip():
        raise Bad("'document' must not be empty")
    return obj


class _Side:
    """The lines of a side file ``X.documents.jsonl``, by document name, in file order."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: dict[str, tuple[list[int], list[dict[str, Any]]]] = {}


def _side_lines(path: Path) -> _Side:
    """Every line of the side file at ``path`` (none when there is no such file), checked as JSON."""
    side = _Side(path)
    if not path.is_file() or path.stat().st_size == 0:  # an export without document lines
        return side
    for number, line in read_lines(path, None):
        if not line.strip():
            continue
        try:
            obj = _document_line(line)
            name = obj.get("document")
            if not isinstance(name, str):
                raise Bad("a document line must name its 'document'")
            if dialect_of(obj) not in (Dialect.DOCUMENT_STANCE, Dialect.ASSIGNMENT):
                raise Bad("expected a document stance or assignment line")
        except Bad as exc:
            raise InputError(path, number, str(exc)) from None
        numbers, objs = side.lines.setdefault(name, ([], []))
        numbers.append(number)
        objs.append(obj)
    return side


def _side_records(side: _Side, document: str, annotator: str | None) -> Iterator[Record]:
    """The records of ``document``'s lines in the side file (each document's are read once)."""
    numbers, objs = side.lines.pop(document, ([], []))
    for number, obj in zip(numbers, objs, strict=True):
        try:
            if dialect_of(obj) is Dialect.DOCUMENT_STANCE:
                yield document_stance(obj, document, annotator, number)
            else:
                yield assignment(obj, document, number)
        except Bad as exc:
            raise InputError(side.path, number, str(exc)) from None
