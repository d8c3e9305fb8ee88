"""Label Studio JSON, written: one task per document, one annotation of ``labels`` results.

Each task is ``{"id", "data": {"text", "document", "annotator"}, "annotations": [{"id",
"result", "was_cancelled": false, "ground_truth", "lead_time"}]}``, one task a line inside the
JSON list. Results are the entities, as Label Studio's named-entity config has them
(``from_name`` ``label``, ``to_name`` ``text``, ``type`` ``labels``, offsets into the document
text), with ids unique in the file. ``data.document`` and ``data.annotator`` keep the document's
name and the layer's owner, so that importing the file back (or Label Studio's export of it)
gives the same documents and layers. Events and stance have no place in that config and are not
written. :func:`labelling_config` gives the ``<View>`` to paste into the project's settings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from annotator.core.model import (
    GOLD,
    DocumentAssignment,
    DocumentStanceRecord,
    DocumentStart,
    Record,
    SentenceRecord,
)
from annotator.formats.writers import WriteStats


def labelling_config(labels: Iterable[str]) -> str:
    """Label Studio's labelling config for named entities with ``labels`` (``label``/``text`` names)."""
    items = "".join(f"    <Label value={quoteattr(lab)}/>\n" for lab in labels)
    return (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        f"{items}"
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n"
    )


_LEFT_OUT = {  # what Label Studio's named-entity tasks have no place for: singular -> plural
    "event": "events",
    "stance annotation": "stance annotations",
    "comment": "comments",
    "sentence status": "sentence statuses",  # done, skipped, flagged: an import gives todo
    "document assignment": "document assignments",
}


class LeftOut:
    """Counts what a span-only format (Label Studio's, doccano's) has no place for; ``kept`` names
    what the format does carry (doccano: ``comment``)."""

    def __init__(self, kept: tuple[str, ...] = ()):
        self.counts = {one: 0 for one in _LEFT_OUT if one not in kept}

    def take(self, record: Record) -> None:
        """Count what ``record`` holds that the format leaves out."""
        if isinstance(record, SentenceRecord):
            for layer in record.layers:
                self._add("event", len(layer.events))
                self._add("stance annotation", len(layer.stance))
                self._add("comment", int(bool(layer.comment)))
                self._add("sentence status", int(layer.status != "todo"))
        elif isinstance(record, DocumentStanceRecord):
            self._add("stance annotation", len(record.stance))
        elif isinstance(record, DocumentAssignment):
            self._add("document assignment", 1)

    def _add(self, one: str, n: int) -> None:
        if one in self.counts:
            self.counts[one] += n

    def stats(self) -> WriteStats:
        """The counts, as ``close`` returns them."""
        return WriteStats(left_out=tuple((one, _LEFT_OUT[one], n) for one, n in self.counts.items() if n))


class LabelStudioWriter:
    """Writes records as a Label Studio JSON list, a task per document (gathered, then written)."""

    def __init__(self, out: TextIO):
        self.out = out
        self.tasks = 0
        self.results = 0
        self.name = ""
        self.text: str | None = None
        self.sentences: list[SentenceRecord] = []
        self.left_out = LeftOut()

    def write(self, record: Record) -> None:
        """Gather one record; a document is written when the next starts (or at ``close``)."""
        self.left_out.take(record)
        if isinstance(record, DocumentStart):
            self.flush()
            self.name, self.text = record.name, record.text
        elif isinstance(record, SentenceRecord):
            self.sentences.append(record)

    def flush(self) -> None:
        """Write the gathered document as one task."""
        if not self.sentences:
            return
        text, offsets = self._text()
        annotator, seconds = "", 0.0
        result: list[dict[str, Any]] = []
        for record, offset in zip(self.sentences, offsets, strict=True):
            for layer in record.layers:
                annotator = layer.annotator
                seconds += layer.seconds
                for e in layer.entities:
                    start = offset + record.tokens[e.token_start].char_start
                    end = offset + record.tokens[e.token_end - 1].char_end
                    self.results += 1
                    value = {"start": start, "end": end, "text": text[start:end], "labels": [e.label]}
                    result.append(
                        {
                            "id": f"e{self.results}",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "origin": "manual",
                            "value": value,
                        }
                    )
        self.tasks += 1
        task = {
            "id": self.tasks,
            "data": {"text": text, "document": self.name, "annotator": annotator},
            "annotations": [
                {
                    "id": self.tasks,
                    "result": result,
                    "was_cancelled": False,
                    "ground_truth": annotator == GOLD,
                    "lead_time": round(seconds, 1),
                }
            ],
        }
        self.out.write(("[\n" if self.tasks == 1 else ",\n") + json.dumps(task, ensure_ascii=False))
        self.sentences = []

    def _text(self) -> tuple[str, list[int]]:
        """The document's text and each gathered sentence's offset into it."""
        text = self.text
        if text is not None and all(
            r.start is not None and text[r.start : r.start + len(r.text)] == r.text for r in self.sentences
        ):
            return text, [r.start or 0 for r in self.sentences]
        offsets, pos = [], 0  # the sentences are all there is: joined by line breaks
        for r in self.sentences:
            offsets.append(pos)
            pos += len(r.text) + 1
        return "\n".join(r.text for r in self.sentences), offsets

    def close(self) -> WriteStats:
        """Write the last task and end the list."""
        self.flush()
        self.out.write("[]\n" if self.tasks == 0 else "\n]\n")
        return self.left_out.stats()
