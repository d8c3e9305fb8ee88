"""Exporting some documents only (``--document NAME``): exactly their part of the whole export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services.exporting import ExportError, ExportOptions, export_layer
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.conftest import write


def _corpus(project: Project, tmp_path: Path) -> None:
    lines = [
        {
            "document": f"doc-{d}",
            "text": f"Бүгін Астанада {d}{i} адам жиналды.",
            "annotator": "a",
            "status": "done",
            "label": [[6, 14, "GPE"]],
        }
        for d in "xyz"
        for i in range(3)
    ]
    write(tmp_path / "in.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    import_paths(project, [tmp_path / "in.jsonl"])


def _blocks(text: str) -> list[str]:
    """A CoNLL export cut at its -DOCSTART- lines: one piece per document."""
    return ["-DOCSTART-" + piece for piece in text.split("-DOCSTART-")[1:]]


def test_one_or_two_documents_are_their_part_of_the_whole_export(project: Project, tmp_path: Path) -> None:
    _corpus(project, tmp_path)
    whole = tmp_path / "all.conll"
    export_layer(project, ExportOptions(fmt="conll", out=str(whole)))
    x, y, z = _blocks(whole.read_text(encoding="utf-8"))
    one = tmp_path / "one.conll"
    export_layer(project, ExportOptions(fmt="conll", out=str(one), documents=("doc-y",)))
    assert one.read_text(encoding="utf-8") == y
    two = tmp_path / "two.conll"
    export_layer(project, ExportOptions(fmt="conll", out=str(two), documents=("doc-z", "doc-x", "doc-z")))
    assert two.read_text(encoding="utf-8") == x + z  # in the export's order, each once


def test_an_unknown_document_is_refused_and_nothing_written(project: Project, tmp_path: Path) -> None:
    _corpus(project, tmp_path)
    out = tmp_path / "out.conll"
    with pytest.raises(ExportError, match="the project has no document named 'doc-w'"):
        export_layer(project, ExportOptions(fmt="conll", out=str(out), documents=("doc-x", "doc-w")))
    assert not out.exists()
