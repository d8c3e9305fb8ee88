"""The writer registry: every writer writes records, and ``close`` ends the output with its counts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.core.model import (
    DocumentStart,
    EntityRecord,
    EventRecord,
    Layer,
    Record,
    SentenceRecord,
)
from annotator.core.schema import default_schema_path, load_schema
from annotator.core.text import tokens_from_words
from annotator.formats.registry import WRITERS, WriteOptions
from annotator.formats.writers import WriteStats


def _records() -> list[Record]:
    words = ["Астана", "қаласы", "Қазақстан"]
    text = " ".join(words)
    entities = (EntityRecord("LOC", 0, 2), EntityRecord("LOC", 0, 1), EntityRecord("LOC", 2, 3))
    events = (EventRecord("Conflict.Demonstrate", 0, 2), EventRecord("Conflict.Demonstrate", 1, 2))
    layer = Layer("a", "done", "", entities, events)
    sentence = SentenceRecord(text, tokens_from_words(words, text), position=0, start=0, layers=(layer,))
    return [DocumentStart("doc", "doc.txt", text), sentence]


def test_stream_and_folder_formats_are_properties_of_the_entries() -> None:
    assert {name for name, spec in WRITERS.items() if spec.writes_folder} == {"brat"}
    with pytest.raises(ValueError, match="folder"):
        WRITERS["brat"].open_stream(io.StringIO(), WriteOptions())
    with pytest.raises(ValueError, match="stream"):
        WRITERS["jsonl"].open_folder(Path("unused"), WriteOptions())


@pytest.mark.parametrize("name", [n for n, spec in WRITERS.items() if not spec.writes_folder])
def test_every_stream_writer_counts_what_flat_tags_leave_out(name: str) -> None:
    out = io.StringIO()
    writer = WRITERS[name].open_stream(out, WriteOptions(events=True))
    for record in _records():
        writer.write(record)
    stats = writer.close()
    # LOC 0-1 lies inside LOC 0-2: flat tags keep the longest; Label Studio's and doccano's spans keep both
    assert stats.dropped_entities == (0 if name in ("labelstudio", "doccano") else 1)
    assert stats.dropped_triggers == (1 if name == "conll" else 0)  # only CoNLL tags triggers
    assert "Астана" in out.getvalue()


def test_per_document_jsonl_is_written_only_by_close() -> None:
    out = io.StringIO()
    writer = WRITERS["jsonl"].open_stream(out, WriteOptions(per_document=True))
    for record in _records():
        writer.write(record)
    assert out.getvalue() == ""
    assert writer.close() == WriteStats(dropped_entities=1)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["document"] == "doc"


def test_brat_close_writes_the_last_document_and_the_configuration(tmp_path: Path) -> None:
    options = WriteOptions(schema=load_schema(default_schema_path()))
    writer = WRITERS["brat"].open_folder(tmp_path, options)
    for record in _records():
        writer.write(record)
    assert list(tmp_path.iterdir()) == []
    assert writer.close() == WriteStats()
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"doc.txt", "doc.ann", "annotation.conf", "visual.conf", "documents.json"}


def test_brat_needs_the_schema(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="schema"):
        WRITERS["brat"].open_folder(tmp_path, WriteOptions())
