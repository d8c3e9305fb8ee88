"""doccano's JSONL, written: one example per sentence, as doccano's sequence-labelling import takes it.

Each line is ``{"text", "label": [[start, end, "LABEL"], ...], "Comments": [...], "document",
"annotator"}``: the sentence's text, its entities as character offsets into it (ends exclusive),
the sentence's comment (doccano's ``Comments``), and the document's name and layer's owner, which
doccano keeps as the example's metadata and the project's doccano reader reads back (the
sentences of a document, in order, come back as that document). In doccano: Dataset → Import →
JSONL, with ``label`` as the label key. Events, stance, statuses (done, skipped, flagged) and assignments
have no place there: ``close`` counts them for the export's note.
"""

from __future__ import annotations

import json
from typing import TextIO

from annotator.core.model import DocumentStart, Record, SentenceRecord
from annotator.formats.labelstudio_write import LeftOut
from annotator.formats.writers import WriteStats


class DoccanoWriter:
    """Writes records as doccano JSONL, a line per sentence."""

    def __init__(self, out: TextIO):
        self.out = out
        self.document = ""
        self.left_out = LeftOut(kept=("comment",))

    def write(self, record: Record) -> None:
        """Write one record (a sentence is a line; a document's name goes on its sentences)."""
        self.left_out.take(record)
        if isinstance(record, DocumentStart):
            self.document = record.name
        elif isinstance(record, SentenceRecord):
            for layer in record.layers:
                spans = [
                    [
                        record.tokens[e.token_start].char_start,
                        record.tokens[e.token_end - 1].char_end,
                        e.label,
                    ]
                    for e in layer.entities
                ]
                line = {
                    "text": record.text,
                    "label": spans,
                    "Comments": [layer.comment] if layer.comment else [],
                    "document": self.document,
                    "annotator": layer.annotator,
                }
                self.out.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self) -> WriteStats:
        """Nothing is held back: return the counts of what was left out."""
        return self.left_out.stats()
