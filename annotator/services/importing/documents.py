"""The three states a document of an import file is in, once its name has been looked up.

* :class:`NewDocument`: the project has no document of that name (or has another one and
  ``--rename`` asked for a free name): everything in the file is added.
* :class:`StoredDocument`: the project has it, and the file gives its sentences without the
  document's text (CoNLL, sentence lines), or with the very text stored (a document object whose
  content hash matches, ``identical``): each sentence must be the stored one at its position, and
  only layers of annotators with none in the document are added.
* :class:`IdenticalDocument`: the project has it with the very text the file gives, but the file
  cuts it into other sentences: nothing of it is imported (its layers could not be placed).

A document the file gives with another text than the stored one of that name never gets a
state: it is refused, or with ``--rename`` becomes a new document under a free name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import DocumentStart, Record, SentenceRecord
from annotator.store import queries


@dataclass(kw_only=True)
class Intake:
    """What a document that takes sentences keeps track of while its records are fed."""

    name: str
    next_position: int = 0
    positions: set[int] = field(default_factory=set)
    # (position for a new document or sentence id for a stored one, record, offset in the document)
    pending: list[tuple[int, SentenceRecord, int]] = field(default_factory=list)
    # Entities of this document by (annotator id, the file's ``id``), for arguments and holders.
    refs: dict[tuple[int, str], int] = field(default_factory=dict)
    ambiguous: set[tuple[int, str]] = field(default_factory=set)


@dataclass(kw_only=True)
class NewDocument(Intake):
    """A document added by this import under ``name``; its row is written before its first sentences.

    ``full_text`` is the document's text when the file gives it; otherwise the text is made from
    the sentences (``pieces``, ``offset``), and stored once it is known (``text_stored``).
    """

    id: int = 0  # until the row is written
    full_text: str | None = None
    source: str = ""
    text_stored: bool = False
    offset: int = 0
    pieces: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class StoredDocument(Intake):
    """A document the project holds, given again sentence by sentence (the file has no document text).

    ``existing`` are its stored sentences by position. With ``--rename``, ``replay`` keeps the
    sentences read so far: at the first one that differs from the stored document, they are read
    again into a :class:`NewDocument` under a free name. An ``identical`` document (the file gives
    the stored text) holds its sentences until it ends: if the file cuts the text into other
    sentences, it becomes an :class:`IdenticalDocument` and nothing of it is written.
    """

    id: int
    start: DocumentStart
    existing: dict[int, queries.SentenceInfo]
    replay: list[Record] | None = None
    identical: bool = False
    layer_present: dict[int, bool] = field(default_factory=dict)  # annotator id: has a layer in it


@dataclass(frozen=True)
class IdenticalDocument:
    """A document the project holds with exactly the text the file gives: its sentences are passed over."""

    id: int
    name: str
    layer_present: dict[int, bool] = field(default_factory=dict)  # annotator id: has a layer in it


Document = NewDocument | StoredDocument | IdenticalDocument
