"""brat exports that strict readers accept: legal, unique type names, and no two text-bound
annotations over the same offsets (pybrat's strict mode, ``error="raise"``, refuses those)."""

from __future__ import annotations

import json
from pathlib import Path

from pybrat.parser import BratParser

from annotator.core.model import DocumentStart, EntityRecord, Layer, Record, SentenceRecord
from annotator.core.schema import default_schema_path, parse_schema
from annotator.core.text import tokens_from_words
from annotator.formats.brat_names import BratNames, brat_type
from annotator.formats.registry import WRITERS, WriteOptions
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import import_paths
from tests.conftest import FIXTURES
from tests.services.test_export import new_project

ODD_LABELS = ["A.B", "A_B", "Sentence", "X.Y.Z"]  # what a schema allows that brat does not


def odd_schema_text() -> str:
    extra = "".join(f'\n[[entities.label]]\nname = "{name}"\ncolor = "#cccccc"\n' for name in ODD_LABELS)
    return default_schema_path().read_text(encoding="utf-8") + extra


def textbound_offsets(folder: Path) -> list[list[str]]:
    """Per .ann file, the offsets of every T line (what pybrat compares)."""
    return [
        [
            line.split("\t")[1].split(" ", 1)[1]
            for line in ann.read_text(encoding="utf-8").splitlines()
            if line[0] == "T"
        ]
        for ann in sorted(folder.glob("*.ann"))
    ]


def test_document_and_sentence_stance_pass_pybrat_strict(tmp_path: Path) -> None:
    # The example's first sentence has stance and its document has stance too: the two used to be
    # two annotations over the same offsets, which pybrat's strict mode refuses.
    project = new_project(tmp_path / "p.sqlite")
    import_paths(project, [FIXTURES / "example.jsonl"])
    folder = tmp_path / "brat"
    export_layer(project, ExportOptions(fmt="brat", annotator="aigerim", status="all", out=str(folder)))
    (example,) = BratParser(error="raise").parse(folder)
    types = sorted(e.type for e in example.entities)  # triggers are text-bound too
    assert types == ["Conflict_Demonstrate", "DATE", "GPE", "ORGANISATION", "Sentence", "Sentence"]
    assert [ev.type for ev in example.events] == ["Conflict_Demonstrate"]
    for offsets in textbound_offsets(folder):
        assert len(offsets) == len(set(offsets))
    ann = (folder / "example.ann").read_text(encoding="utf-8")
    assert "DocStance_kz-authorities T" in ann and "Document" not in ann
    project.close()


def test_labels_become_legal_unique_brat_types_mapped_in_annotation_conf(tmp_path: Path) -> None:
    schema = parse_schema(odd_schema_text())
    names = BratNames.of(schema)
    mapped = [names.type(name) for name in ODD_LABELS]
    assert mapped == ["A_B_2", "A_B", "Sentence_2", "X_Y_Z"]
    assert (brat_type("Орган"), brat_type("2024")) == (
        "T______",
        "T_2024",
    )  # brat's own rule, and a letter first
    assert len(set(names.types.values())) == len(names.types)
    assert all(brat_type(m) == m for m in names.types.values())
    words = ["Бір", "екі", "үш", "төрт"]
    text = " ".join(words)
    entities = tuple(EntityRecord(label, i, i + 1) for i, label in enumerate(ODD_LABELS))
    layer = Layer("a", "done", "", entities)
    records: list[Record] = [
        DocumentStart("doc", "doc.txt", text),
        SentenceRecord(text, tokens_from_words(words, text), position=0, start=0, layers=(layer,)),
    ]
    folder = tmp_path / "out"
    folder.mkdir()
    writer = WRITERS["brat"].open_folder(folder, WriteOptions(schema=schema))
    for record in records:
        writer.write(record)
    writer.close()
    (doc,) = BratParser(error="raise").parse(folder)
    assert [e.type for e in doc.entities] == mapped
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "#   A_B_2\tA.B\n" in conf and "#   Sentence_2\tSentence\n" in conf and "#   A_B\t" not in conf
    entity_section = conf.split("[entities]\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert set(mapped) <= set(entity_section) and "A.B" not in entity_section
    assert "Conflict_Demonstrate | Conflict.Demonstrate" in (folder / "visual.conf").read_text(
        encoding="utf-8"
    )
    assert json.loads((folder / "documents.json").read_text(encoding="utf-8")) == {"doc": "doc"}


def _line(document: str, n: int, text: str, **annotations: object) -> str:
    return json.dumps(
        {
            "document": document,
            "sentence": n,
            "text": text,
            "annotator": "a",
            "status": "done",
            **annotations,
        },
        ensure_ascii=False,
    )


def test_spans_shared_by_sentences_entities_and_triggers_pass_pybrat_strict(tmp_path: Path) -> None:
    # a one-word sentence that is an entity and has stance; an entity that is also a trigger; a
    # many-word sentence that is one entity, with sentence and document stance: each used to give
    # two text-bound annotations over the same offsets
    trigger = {"type": "Conflict.Demonstrate", "trigger": {"start": 0, "end": 7}, "arguments": []}
    lines = []
    for d in range(30):
        doc = f"doc{d:02}"
        lines += [
            _line(
                doc,
                0,
                "Қазақстан",
                entities=[{"id": "T1", "label": "GPE", "start": 0, "end": 9}],
                stance=[{"target": "eu", "label": "neutral"}],
            ),
            _line(doc, 1, "Жиналды.", entities=[{"label": "EVENT", "start": 0, "end": 7}], events=[trigger]),
            _line(
                doc,
                2,
                "Нұр-Сұлтан қаласы",
                entities=[{"label": "GPE", "start": 0, "end": 17}],
                stance=[{"target": "eu", "label": "against"}],
            ),
            _line(doc, 3, "Бүгін жиын өтті."),
        ]
        if d % 2:
            lines.append(
                json.dumps(
                    {
                        "document": doc,
                        "annotator": "a",
                        "document_stance": [{"target": "eu", "label": "against", "holder": "T1"}],
                    }
                )
            )
    source = tmp_path / "br.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = new_project(tmp_path / "p.sqlite")
    import_paths(project, [source])
    folder = tmp_path / "brat"
    export_layer(project, ExportOptions(fmt="brat", annotator="a", status="all", out=str(folder)))
    documents = BratParser(error="raise").parse(folder)
    assert len(documents) == 30
    for document in documents:
        types = sorted(e.type for e in document.entities)
        assert types == ["Conflict_Demonstrate", "EVENT", "GPE", "GPE", "Sentence", "Sentence"]
        assert [len(document.events)] == [1]
        mentions = {e.type: e.mention for e in document.entities if e.type != "GPE"}
        assert mentions["EVENT"] == "Жиналды" and mentions["Conflict_Demonstrate"] == "Ж иналды"
    for offsets in textbound_offsets(folder):
        assert len(offsets) == len(set(offsets))
    ann = (folder / "doc01.ann").read_text(encoding="utf-8")
    assert "T2\tSentence 0 1;1 9\tҚ азақстан" in ann and "DocStance_eu T2 against" in ann
    assert "GPE 19 36\tНұр-Сұлтан қаласы" in ann and "Sentence 19 29;30 36\tНұр-Сұлтан қаласы" in ann
    project.close()
