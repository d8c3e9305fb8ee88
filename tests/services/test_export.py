"""Exports: exact tags, exact offsets, byte-identical round trips, atomic files, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.schema import default_schema_path, load_schema
from annotator.core.text import tokenize
from annotator.services.exporting import ExportError, ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, edits, open_project, queries
from tests.benchmarks.synth import write_conll
from tests.conftest import FIXTURES, SEEDS, dump, write


def new_project(path: Path) -> Project:
    proj, _ = open_project(path, create=True, schema=load_schema(default_schema_path()))
    return proj


def export(project: Project, out: Path, **kw: object) -> Path:
    export_layer(project, ExportOptions(out=str(out), **kw))  # type: ignore[arg-type]
    return out


def test_conll_tags_checked_tag_by_tag(project: Project, tmp_path: Path) -> None:
    # Adjacent same-label entities, a one-token entity at the end, an entity over a hyphenated token.
    src = write(
        tmp_path / "t.jsonl",
        json.dumps(
            {
                "text": "Хайди Хаутала Вольф Клинц Нұр-Сұлтан қаласында Астана",
                "annotator": "a",
                "status": "done",
                "label": [[0, 13, "PERSON"], [14, 25, "PERSON"], [26, 36, "GPE"], [47, 53, "GPE"]],
            },
            ensure_ascii=False,
        )
        + "\n",
    )
    import_paths(project, [src])
    expected = {
        "IOB2": ["B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "B-GPE", "O", "B-GPE"],
        "IOB1": ["I-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "I-GPE", "O", "I-GPE"],
        "BIOES": ["B-PERSON", "E-PERSON", "B-PERSON", "E-PERSON", "S-GPE", "O", "S-GPE"],
    }
    for scheme, tags in expected.items():
        out = export(project, tmp_path / f"{scheme}.conll", fmt="conll", scheme=scheme)
        lines = out.read_text(encoding="utf-8").split("\n")
        assert lines[:2] == ["-DOCSTART- -X- O O", ""]
        body = [line.split("\t") for line in lines[2:] if line]
        assert [t for _, t in body] == tags
        assert [w for w, _ in body][4] == "Нұр-Сұлтан"
    plain = export(project, tmp_path / "no.conll", fmt="conll", docstart=False)
    assert plain.read_text(encoding="utf-8").startswith("Хайди\tB-PERSON\n")


def test_offsets_survive_emoji_combining_marks_lookalikes_quotes_and_hyphens(
    project: Project, tmp_path: Path
) -> None:
    text = "😀 «Aлматы» 👍🏽 ә\u0301лем COVID-19-дың Нұр-Сұлтан"  # Latin A in Aлматы; a combining acute
    doc = write(tmp_path / "emoji.txt", text + "\n")
    import_paths(project, [doc])
    with project.transaction() as s:
        sid = queries.documents_overview(s)[0].id
        sid = queries.document_sentences(s, sid)[0].id
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    with project.transaction() as s:
        toks = [t.text for t in tokenize(text)]
        for label, word in (
            ("GPE", "Aлматы"),
            ("MISCELLANEOUS", "ә\u0301лем"),
            ("DISEASE", "COVID-19-дың"),
            ("GPE", "Нұр-Сұлтан"),
        ):
            i = toks.index(word)
            edits.add_entity(s, project.schema, sid, a, i, i + 1, label)
        edits.set_status(s, sid, a, "done")
    line = json.loads(export(project, tmp_path / "e.jsonl", fmt="jsonl").read_text(encoding="utf-8"))
    assert line["text"] == text
    for ent in line["entities"]:
        assert line["text"][ent["start"] : ent["end"]] == ent["text"]
    assert [e["text"] for e in line["entities"]] == ["Aлматы", "ә\u0301лем", "COVID-19-дың", "Нұр-Сұлтан"]
    for tok in line["tokens"]:
        assert text[tok["start"] : tok["end"]] == tok["text"]
    export(project, tmp_path / "b", fmt="brat")
    ann = (tmp_path / "b" / "emoji.ann").read_text(encoding="utf-8")
    txt = (tmp_path / "b" / "emoji.txt").read_text(encoding="utf-8")
    for row in ann.splitlines():
        _, span, covered = row.split("\t")
        _, start, end = span.split()
        assert txt[int(start) : int(end)] == covered


def test_jsonl_round_trip_is_byte_identical_for_every_annotator_and_gold(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    lines = (FIXTURES / "example.jsonl").read_text(encoding="utf-8")
    import_paths(project, [write(tmp_path / "b.jsonl", lines.replace('"aigerim"', '"daulet"'))])
    gold_file = write(tmp_path / "g.jsonl", lines.replace('"aigerim"', '"gold"'))
    before = dump(project)
    with pytest.raises(InputError, match="only a reviewer imports the gold layer"):
        import_paths(project, [gold_file])
    assert dump(project) == before
    for p in (project, second := new_project(tmp_path / "second.sqlite")):
        with p.transaction() as s:
            p.act_as(queries.add_annotator(s, "boss", "reviewer").id)
    import_paths(project, [gold_file])
    try:
        for who in ("aigerim", "daulet", "gold"):
            kw = {"gold": True} if who == "gold" else {"annotator": who}
            first = export(project, tmp_path / f"1-{who}.jsonl", fmt="jsonl", status="all", **kw)
            import_paths(second, [first])
            again = export(second, tmp_path / f"2-{who}.jsonl", fmt="jsonl", status="all", **kw)
            assert again.read_bytes() == first.read_bytes()
            side, side_again = (p.with_name(p.stem + ".documents.jsonl") for p in (first, again))
            assert side_again.read_bytes() == side.read_bytes()
            assert "document_stance" in side.read_text(encoding="utf-8")
            assert "document_stance" not in first.read_text(encoding="utf-8")
        per_doc = export(
            project, tmp_path / "doc.jsonl", fmt="jsonl", status="all", annotator="aigerim", per_document=True
        )
        third = new_project(tmp_path / "third.sqlite")
        import_paths(third, [per_doc])
        assert (
            export(third, tmp_path / "3.jsonl", fmt="jsonl", status="all", annotator="aigerim").read_bytes()
            == (tmp_path / "1-aigerim.jsonl").read_bytes()
        )
        third.close()
    finally:
        second.close()


@pytest.mark.parametrize("scheme", ["IOB2", "IOB1", "BIOES"])
def test_conll_round_trip_is_byte_identical(project: Project, tmp_path: Path, scheme: str) -> None:
    import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="bob"))
    first = export(project, tmp_path / "example.conll", fmt="conll", status="all", scheme=scheme)
    second = new_project(tmp_path / "second.sqlite")
    import_paths(
        second, [first], ImportOptions(annotator="bob", scheme="IOB1" if scheme == "IOB1" else "auto")
    )
    again = export(second, tmp_path / "again.conll", fmt="conll", status="all", scheme=scheme)
    assert again.read_bytes() == first.read_bytes()
    second.close()


@pytest.mark.slow
def test_twenty_thousand_sentences_come_back_out_exactly(project: Project, tmp_path: Path) -> None:
    src = tmp_path / "big.conll"
    counts = write_conll(src, 20_000)
    import_paths(project, [src], ImportOptions(annotator="k"))
    out = export(project, tmp_path / "out.conll", fmt="conll", status="all")
    assert out.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    with project.transaction() as s:
        stats = queries.stats(s)
    assert (stats["sentences"], stats["tokens"], stats["annotators"]["k"]["entities"]) == (
        counts["sentences"],
        counts["tokens"],
        counts["entities"],
    )
    first = export(project, tmp_path / "a.jsonl", fmt="jsonl", status="all")
    second = new_project(tmp_path / "second.sqlite")
    import_paths(second, [first])
    assert export(second, tmp_path / "b.jsonl", fmt="jsonl", status="all").read_bytes() == first.read_bytes()
    second.close()


def test_brat_folder_has_config_events_attributes_and_stance(project: Project, tmp_path: Path) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    folder = export(project, tmp_path / "brat", fmt="brat", status="all")
    assert sorted(p.name for p in folder.iterdir()) == [
        "annotation.conf",
        "documents.json",
        "example.ann",
        "example.txt",
        "visual.conf",
    ]
    assert json.loads((folder / "documents.json").read_text(encoding="utf-8")) == {"example": "example"}
    ann = (folder / "example.ann").read_text(encoding="utf-8").splitlines()
    assert "T3\tConflict_Demonstrate 39 46\tжиналды" in ann
    assert "E1\tConflict_Demonstrate:T3 Place:T2 Time:T1" in ann
    assert "A1\tpolarity E1 positive" in ann
    assert any(line.startswith("R1\tHolder_eu Arg1:") for line in ann)
    assert any("Stance_kz-authorities" in line and "against" in line for line in ann)
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "Conflict_Demonstrate\tEntity*:PERSON|" in conf and "Stance_eu\tArg:Sentence," in conf
    assert "PERSON\tbgColor:#ff8a80" in (folder / "visual.conf").read_text(encoding="utf-8")


def test_refusals_write_nothing_and_a_good_file_is_replaced_only_whole(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        queries.ensure_annotator(s, "a")
        queries.ensure_annotator(s, "b")
    out = tmp_path / "x.conll"
    with pytest.raises(ExportError, match="unknown annotator 'zed'"):
        export(project, out, fmt="conll", annotator="zed")
    with pytest.raises(ExportError, match="name the layer"):
        export(project, out, fmt="conll")
    with pytest.raises(ExportError, match="nothing to export: a has no sentences marked done"):
        export(project, out, fmt="conll", annotator="a")
    assert not out.exists()
    export(project, out, fmt="conll", annotator="a", status="all")
    good = out.read_bytes()
    blocker = write(tmp_path / "a-file", "not a folder")  # tests run as root, so no chmod trick
    with pytest.raises(ExportError, match="cannot write"):
        export(project, blocker / "x.conll", fmt="conll", annotator="a", status="all")
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failing_export_leaves_the_old_file(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="bob"))
    out = export(project, tmp_path / "x.conll", fmt="conll", status="all")
    good = out.read_bytes()
    from annotator.formats import conll

    def boom(self: object, record: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(conll.ConllWriter, "_sentence", boom)
    with pytest.raises(RuntimeError):
        export(project, out, fmt="conll", status="all")
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("project.sqlite")) == [
        "x.conll"
    ]


def test_a_token_that_would_break_conll_is_an_error_not_a_repair() -> None:
    import io

    from annotator.core.errors import InputError
    from annotator.core.model import DocumentStart, Layer, SentenceRecord, Token
    from annotator.formats.conll import ConllWriter

    writer = ConllWriter(io.StringIO())
    writer.write(DocumentStart("d", "", "a b"))
    bad = SentenceRecord("a b", (Token("a b", 0, 3),), position=4, layers=(Layer("x"),))
    with pytest.raises(
        InputError, match="document 'd' sentence 4: token 0 'a b' would break the CoNLL format"
    ):
        writer.write(bad)


def test_the_default_destination_stays_in_exports_whatever_the_annotator_is_called(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = tmp_path / "a" / "b" / "exports"
    monkeypatch.setattr("annotator.services.exporting.exports_dir", lambda: exports)
    import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="x/../../../evil"))
    summary = export_layer(project, ExportOptions(fmt="jsonl", annotator="x/../../../evil", status="all"))
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith("project.sqlite")]
    main = Path(summary.destination)
    sides = [
        main.with_name(main.stem + side) for side in (".documents.jsonl", ".labels.json", ".features.json")
    ]
    assert sorted(written) == sorted([main, *sides])
    assert Path(summary.destination).parent == exports
    assert Path(summary.destination).name.startswith(f"{project.name}-x__________evil-jsonl~")


def test_per_document_writes_no_document_lines_file_and_removes_stale_side_files(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    out = tmp_path / "x.jsonl"
    export(project, out, fmt="jsonl", status="all", annotator="aigerim")
    docs, features, labels = (
        out.with_name("x" + s) for s in (".documents.jsonl", ".features.json", ".labels.json")
    )
    assert docs.is_file() and features.is_file()
    document_lines = docs.read_bytes()
    assert b"document_stance" in document_lines
    summary = export_layer(
        project,
        ExportOptions(fmt="jsonl", annotator="aigerim", status="all", out=str(out), per_document=True),
    )
    assert not docs.exists() and not features.exists() and labels.is_file()
    notes = " ".join(summary.notes())
    assert "document stance and assignees in" not in notes
    assert "removed x.documents.jsonl" in notes and "removed x.features.json" in notes
    back = new_project(tmp_path / "back.sqlite")
    import_paths(back, [out])  # the stance inline in the document objects, read once
    again = export(back, tmp_path / "y.jsonl", fmt="jsonl", status="all", annotator="aigerim")
    assert again.with_name("y.documents.jsonl").read_bytes() == document_lines


def test_side_files_are_renamed_only_when_every_file_is_written_main_file_last(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import_paths(project, [FIXTURES / "example.jsonl"])
    out = tmp_path / "x.jsonl"
    export(project, out, fmt="jsonl", status="all", annotator="aigerim")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("x.")}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".x.jsonl."):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("annotator.services.destinations.os.fsync", failing_fsync)
    with pytest.raises(ExportError, match=r"x\.jsonl: cannot write the export"):
        export(project, out, fmt="jsonl", status="all", annotator="aigerim", tokens="strings")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("x.")}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_label_studio_export_counts_what_its_format_cannot_carry(project: Project, tmp_path: Path) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    options = ExportOptions(
        fmt="labelstudio", annotator="aigerim", status="all", out=str(tmp_path / "t.json")
    )
    assert export_layer(project, options).notes() == [
        "1 event, 3 stance annotations, 1 comment and 2 sentence statuses are not in the"
        " Label Studio JSON export (its format has no place for them)"
    ]
