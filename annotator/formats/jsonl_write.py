"""JSONL writer of the project's own format (read back by :mod:`annotator.formats.jsonl`).

Per sentence (the default), one object per line, every line with the same keys in this order and
each key with values of one type, so that Hugging Face ``datasets`` (which infers the types from
the first 10 MB) loads the file as it is: ``document``, ``sentence``, ``text``, ``annotator``,
``status``, ``comment`` ("" when none), ``seconds`` (the annotator's active time on the
sentence, a float rounded to 0.1), ``tokens``, ``token_offsets`` (only with ``--tokens
strings``), ``ner_tags`` (IOB2), ``entities``, ``events``, ``stance`` (a stance's ``holder`` is
"" when it has none).

``tokens`` are objects ``{"text", "start", "end"}`` (the default), or with ``tokens="strings"``
the token texts, with ``token_offsets`` ``[[start, end], ...]`` beside them.

The document-level lines, ``{"document", "annotator", "document_stance"}`` when the annotator gave
document stance and ``{"document", "assignees"}`` when the document is assigned to anyone, go to
``documents`` (the side file ``X.documents.jsonl`` of an export ``X.jsonl``) when one is given,
else after the document's sentences in the same stream (standard output has no side file).
Per document, one object per document with ``text`` the whole document and every offset into it,
its ``document_stance`` and ``assignees`` (both lists, empty when none).
Offsets are code points (Python string indices), ends exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from annotator.core.model import (
    DocumentAssignment,
    DocumentStanceRecord,
    DocumentStart,
    Record,
    SentenceRecord,
    StanceRecord,
)
from annotator.core.tags import encode, flatten
from annotator.formats.jsonl.hf import documents_file, labels_file
from annotator.formats.writers import TOKEN_FORMS, WriteStats

__all__ = ["TOKEN_FORMS", "JsonlWriter", "documents_file", "labels_file", "sentence_object", "tag_names"]


def _stance(items: tuple[StanceRecord, ...]) -> list[dict[str, Any]]:
    return [{"target": s.target, "label": s.label, "holder": s.holder or ""} for s in items]


def tag_names(labels: Sequence[str]) -> list[str]:
    """The IOB2 tag names in ``ClassLabel`` order: ``O``, then ``B-``/``I-`` of each label in order."""
    return ["O", *(f"{prefix}-{label}" for label in labels for prefix in ("B", "I"))]


def sentence_object(
    record: SentenceRecord, document: str, doc_offset: int | None = None, tokens: str = "objects"
) -> tuple[dict[str, Any], int]:
    """The JSON object of a sentence and how many spans the overlap policy left out of ``ner_tags``.

    With ``doc_offset`` (per-document output) every offset is into the document text and the
    sentence gives ``start``/``end`` instead of ``text``. ``tokens`` is ``objects`` or ``strings``
    (see the module's description).
    """
    layer = record.layers[0]
    shift = doc_offset or 0
    text = record.text
    toks = record.tokens
    spans, dropped = flatten([(e.token_start, e.token_end, e.label) for e in layer.entities])

    def span(ts: int, te: int) -> dict[str, Any]:
        start, end = toks[ts].char_start, toks[te - 1].char_end
        return {
            "start": start + shift,
            "end": end + shift,
            "token_start": ts,
            "token_end": te,
            "text": text[start:end],
        }

    obj: dict[str, Any] = {"document": document, "sentence": record.position}
    if doc_offset is None:
        obj["text"] = text
    else:
        obj["start"], obj["end"] = shift, shift + len(text)
    obj["annotator"] = layer.annotator
    obj["status"] = layer.status
    obj["comment"] = layer.comment or ""
    obj["seconds"] = float(round(layer.seconds, 1))
    if tokens == "strings":
        obj["tokens"] = [t.text for t in toks]
        obj["token_offsets"] = [[t.char_start + shift, t.char_end + shift] for t in toks]
    else:
        obj["tokens"] = [
            {"text": t.text, "start": t.char_start + shift, "end": t.char_end + shift} for t in toks
        ]
    obj["ner_tags"] = encode(spans, len(toks), "IOB2")
    obj["entities"] = [
        {"id": e.ref, "label": e.label, **span(e.token_start, e.token_end)} for e in layer.entities
    ]
    obj["events"] = [
        {
            "id": ev.ref,
            "type": ev.type,
            "trigger": span(ev.token_start, ev.token_end),
            "attributes": dict(ev.attributes),
            "arguments": [{"role": a.role, "entity": a.entity} for a in ev.arguments],
        }
        for ev in layer.events
    ]
    obj["stance"] = _stance(layer.stance)
    return obj, len(dropped)


def _dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)


class JsonlWriter:
    """Writes records as JSON lines, one per sentence or (``per_document``) one per document."""

    def __init__(
        self,
        out: TextIO,
        per_document: bool = False,
        tokens: str = "objects",
        documents: TextIO | None = None,
    ):
        if tokens not in TOKEN_FORMS:
            raise ValueError(f"tokens must be one of {', '.join(TOKEN_FORMS)}, not {tokens!r}")
        self.out = out
        self.per_document = per_document
        self.tokens = tokens
        self.documents = documents or out  # where document-level lines go, per sentence
        self.labels: dict[str, None] = {}  # the entity labels written, in order of first use
        self.dropped_entities = 0
        self.dropped_triggers = 0
        self.document = ""
        self.doc: dict[str, Any] | None = None

    def write(self, record: Record) -> None:
        """Write (or, per document, gather) one record."""
        if isinstance(record, DocumentStart):
            self.flush()
            self.document = record.name
            if self.per_document:
                self.doc = {
                    "document": record.name,
                    "annotator": None,
                    "text": record.text or "",
                    "sentences": [],
                    "document_stance": [],
                    "assignees": [],
                }
        elif isinstance(record, SentenceRecord):
            if self.doc is not None:
                obj, dropped = sentence_object(record, self.document, record.start or 0, self.tokens)
                obj.pop("document")
                self.doc["annotator"] = obj.pop("annotator")
                self.doc["sentences"].append(obj)
            else:
                obj, dropped = sentence_object(record, self.document, tokens=self.tokens)
                self.out.write(_dumps(obj) + "\n")
            self.dropped_entities += dropped
            self.labels.update((e.label, None) for e in record.layers[0].entities)
        elif isinstance(record, DocumentStanceRecord):
            if self.doc is not None:
                self.doc["document_stance"] = _stance(record.stance)
            else:
                line = {
                    "document": record.document,
                    "annotator": record.annotator,
                    "document_stance": _stance(record.stance),
                }
                self.documents.write(_dumps(line) + "\n")
        elif isinstance(record, DocumentAssignment):
            if self.doc is not None:
                self.doc["assignees"] = list(record.assignees)
            else:
                self.documents.write(
                    _dumps({"document": record.document, "assignees": list(record.assignees)}) + "\n"
                )

    def flush(self) -> None:
        """Write the gathered document, per document."""
        if self.doc is not None:
            self.out.write(_dumps(self.doc) + "\n")
            self.doc = None

    def close(self) -> WriteStats:
        """Write the gathered document (per document) and return the counts."""
        self.flush()
        return WriteStats(self.dropped_entities, self.dropped_triggers)
