"""What an import is asked to do, and the content hash it compares documents by."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportOptions:
    """Choices for an import; see ``annotator import --help``."""

    fmt: str = "auto"
    annotator: str | None = None
    segment: str = "lines"
    scheme: str = "auto"
    status: str = "todo"
    rename: bool = False
    labels: str | None = None  # JSONL: a file of tag names for integer ner_tags
    tag_column: int = -1  # CoNLL: the column of the entity tags (1-based; negative from the end)
    event_column: int | None = None  # CoNLL: the column of the trigger tags
    fix_homoglyphs: bool = False  # map look-alike letters to the script of the rest of the word


DEFAULTS = ImportOptions()


def content_hash(text: str) -> str:
    """SHA-256 of a document's NFC text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
