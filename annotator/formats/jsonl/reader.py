"""The JSONL reader: one record stream from lines of any dialect (see :mod:`.dialects`).

Each line is one sentence, one whole document, or one document's stance. Lines of one document
follow each other under the same ``document`` key (the file stem when there is none).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, Record
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
from annotator.formats.lines import ProgressFn, read_lines
from annotator.formats.names import name_problem

_DOCUMENT_NAME = "'document'"
_FILE_NAME = "the document name (the file's name)"


def read_jsonl(
    path: Path, *, annotator: str | None = None, status: str = "todo", progress: ProgressFn | None = None
) -> Iterator[Record]:
    """Stream records from a JSONL file; ``annotator`` owns labels of lines that name nobody."""
    current: str | None = None
    for number, line in read_lines(path, progress):
        if not line.strip():
            continue
        try:
            obj = parse(line)
            if "\\u0000" in line:  # JSON can spell a NUL, which no project can store
                refuse_nul(obj)
            document = optional(obj, "document", str, path.stem)
            if not document.strip():
                raise Bad("'document' must not be empty")
            if (problem := name_problem(document)) is not None:
                raise Bad(f"{_DOCUMENT_NAME if 'document' in obj else _FILE_NAME} {problem}")
            match dialect_of(obj):
                case Dialect.DOCUMENT:
                    current = document
                    yield from whole_document(obj, document, annotator, status, number, str(path))
                case Dialect.DOCUMENT_STANCE:
                    yield document_stance(obj, document, annotator, number)
                case Dialect.ASSIGNMENT:
                    yield assignment(obj, document, number)
                case Dialect.SENTENCE:
                    if document != current:
                        current = document
                        yield DocumentStart(document, str(path), None, number)
                    if doccano.is_doccano(obj):  # a whole text: cut into its sentences
                        obj = doccano.prepared(obj)
                        yield from doccano.records(obj, sentence(obj, annotator, status, number), number)
                    else:
                        yield sentence(obj, annotator, status, number)
        except Bad as exc:
            raise InputError(path, number, str(exc)) from None
