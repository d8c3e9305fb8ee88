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


DEFAULTS = ImportOptions()


def content_hash(text: str) -> str:
    """SHA-256 of a document's NFC text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
