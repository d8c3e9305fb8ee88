"""JSONL writer of the project's own format (read back by :mod:`annotator.formats.jsonl`).

Per sentence (the default), one object per line with keys in this order: ``document``,
``sentence``, ``text``, ``annotator``, ``status`` (``comment`` when there is one), ``tokens``,
``ner_tags`` (IOB2), ``entities``, ``events``, ``stance``; then, after a document's sentences, a
``{"document", "annotator", "document_stance"}`` line if the annotator gave document stance,
and a ``{"document", "assignees"}`` line if the document is assigned to anyone.
Per document, one object per document with ``text`` the whole document and every offset into it
(and ``assignees`` when it is assigned).
Offsets are code points (Python string indices), ends exclusive.
"""

from __future__ import annotations

import json
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
from annotator.formats.writers import WriteStats


def _stance(items: tuple[StanceRecord, ...]) -> list[dict[str, Any]]:
    return [{"target": s.target, "label": s.label, "holder": s.holder} for s in items]


def sentence_object(
    record: SentenceRecord, document: str, doc_offset: int | None = None
) -> tuple[dict[str, Any], int]:
    """The JSON object of a sentence and how many spans the overlap policy left out of ``ner_tags``.

    With ``doc_offset`` (per-document output) every offset is into the document text and the
    sentence gives ``start``/``end`` instead of ``text``.
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
    if layer.comment:
        obj["comment"] = layer.comment
    obj["tokens"] = [{"text": t.text, "start": t.char_start + shift, "end": t.char_end + shift} for t in toks]
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

    def __init__(self, out: TextIO, per_document: bool = False):
        self.out = out
        self.per_document = per_document
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
                }
        elif isinstance(record, SentenceRecord):
            if self.doc is not None:
                obj, dropped = sentence_object(record, self.document, record.start or 0)
                obj.pop("document")
                self.doc["annotator"] = obj.pop("annotator")
                self.doc["sentences"].append(obj)
            else:
                obj, dropped = sentence_object(record, self.document)
                self.out.write(_dumps(obj) + "\n")
            self.dropped_entities += dropped
        elif isinstance(record, DocumentStanceRecord):
            if self.doc is not None:
                self.doc["document_stance"] = _stance(record.stance)
            else:
                line = {
                    "document": record.document,
                    "annotator": record.annotator,
                    "document_stance": _stance(record.stance),
                }
                self.out.write(_dumps(line) + "\n")
        elif isinstance(record, DocumentAssignment):
            if self.doc is not None:
                self.doc["assignees"] = list(record.assignees)
            else:
                self.out.write(
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
