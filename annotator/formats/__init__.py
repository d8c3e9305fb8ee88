"""Readers (and, with the export issue, writers) of corpus files: plain text, CoNLL and JSONL.

Readers stream :mod:`annotator.core.model` records and raise ``InputError`` naming file and line.
"""

from annotator.formats.registry import READERS, ReadOptions, detect_format, read

__all__ = ["READERS", "ReadOptions", "detect_format", "read"]
