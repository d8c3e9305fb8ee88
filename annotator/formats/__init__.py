"""Readers and writers of corpus files: plain text, CoNLL, JSONL and brat standoff.

Readers stream :mod:`annotator.core.model` records and raise ``InputError`` naming file and line;
writers take those records one at a time (see :mod:`annotator.formats.writers`). Both are
registered in :mod:`annotator.formats.registry`.
"""

from annotator.formats.registry import (
    READERS,
    WRITERS,
    FormatSpec,
    ReadOptions,
    WriteOptions,
    WriterSpec,
    detect_format,
    read,
)
from annotator.formats.writers import Writer, WriteStats

__all__ = [
    "READERS",
    "WRITERS",
    "FormatSpec",
    "ReadOptions",
    "WriteOptions",
    "WriteStats",
    "Writer",
    "WriterSpec",
    "detect_format",
    "read",
]
