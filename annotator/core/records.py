"""Plain records the store's reads return and every layer above passes around: people, documents,
sentences and teammates' progress. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["AnnotatorInfo", "DocumentInfo", "SentenceInfo", "TeamMember"]


@dataclass(frozen=True, slots=True)
class AnnotatorInfo:
    """An annotator's id, name and role."""

    id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document's id and name with its sentence count and, for one annotator, sentences done."""

    id: int
    name: str
    sentences: int
    done: int


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence's id, position, text and token count."""

    id: int
    document_id: int
    position: int
    text: str
    n_tokens: int


@dataclass(frozen=True)
class TeamMember:
    """One person's progress as teammates see it."""

    name: str
    role: str
    done: int
    edits: int
    last_edit_at: datetime | None
