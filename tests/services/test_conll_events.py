"""Event triggers in CoNLL: a file of their own beside the export, or a column chosen on import.

The entity tags stay the last column either way, where spaCy's converter and the importer read
them; an export with ``--events`` reads back with entities and triggers both right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator import cli
from annotator.core.errors import InputError
from annotator.services.exporting import ExportError, ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project
from tests.conftest import FIXTURES, dump, write
from tests.services.test_export import new_project


def export(project: Project, out: Path, **kw: object) -> Path:
    options = ExportOptions(fmt="conll", annotator="aigerim", status="all", out=str(out), **kw)  # type: ignore[arg-type]
    export_layer(project, options)
    return out


def spans(project: Project) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Entities and events as (label or type, token span), without ids, layer or annotator."""
    rows = dump(project)  # (id, sentence, annotator, first token, last token, label or type, length)
    entities = sorted((r[5], r[3], r[4]) for r in rows["entities"])
    events = sorted((r[5], r[3], r[4]) for r in rows["events"])
    return entities, events


@pytest.fixture
def source(tmp_path: Path) -> Project:
    project = new_project(tmp_path / "source.sqlite")
    import_paths(project, [FIXTURES / "example.jsonl"])
    return project


def reimport(tmp_path: Path, path: Path, **kw: object) -> Project:
    project = new_project(tmp_path / f"{path.stem}-{len(kw)}.sqlite")
    import_paths(project, [path], ImportOptions(annotator="aigerim", **kw))  # type: ignore[arg-type]
    return project


def test_events_go_to_a_file_beside_the_export_and_come_back(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "x.conll", events=True)
    side = tmp_path / "x.events.conll"
    lines = main.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "-DOCSTART- -X- O O"
    assert all(len(line.split("\t")) == 2 for line in lines[1:] if line)  # still token TAG for spaCy
    triggers = side.read_text(encoding="utf-8").splitlines()
    assert [len(a.split("\t")) for a in triggers] == [len(b.split("\t")) for b in lines]
    assert "жиналды\tB-Conflict.Demonstrate" in triggers
    back = reimport(tmp_path, main)
    entities, events = spans(back)
    assert spans(source) == (entities, events)
    assert len(entities) == 3 and events == [("Conflict.Demonstrate", 4, 4)]
    plain = reimport(tmp_path, export(source, tmp_path / "plain.conll"))
    assert spans(plain)[0] == entities and spans(plain)[1] == []


def test_events_in_a_column_before_the_tags_read_with_event_column(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "y.conll", events=True, events_to="column")
    assert not (tmp_path / "y.events.conll").exists()
    assert "жиналды\tB-Conflict.Demonstrate\tO" in main.read_text(encoding="utf-8")
    back = reimport(tmp_path, main, event_column=2)
    assert [len(part) for part in spans(back)] == [3, 1]
    entities_only = reimport(tmp_path, main)  # default: the last column, the entity tags
    assert [len(part) for part in spans(entities_only)] == [3, 0]


def test_the_trigger_file_must_match_its_export(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "x.conll", events=True)
    side = tmp_path / "x.events.conll"
    with pytest.raises(InputError, match=r"x\.events\.conll: holds the event triggers of x\.conll"):
        import_paths(new_project(tmp_path / "a.sqlite"), [side], ImportOptions(annotator="k"))
    text = side.read_text(encoding="utf-8")
    side.write_text(text.replace("жиналды", "жиналған"), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"x\.events\.conll:7: the tokens differ .* x\.conll line 3 \(token 5\)"
    ):
        import_paths(new_project(tmp_path / "b.sqlite"), [main], ImportOptions(annotator="k"))
    side.write_text(text + "Тағы\tO\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"has more sentences than x\.conll"):
        import_paths(new_project(tmp_path / "c.sqlite"), [main], ImportOptions(annotator="k"))
    side.write_text(text.replace("B-Conflict.Demonstrate", "B-Nope"), encoding="utf-8")
    with pytest.raises(InputError, match="event type 'Nope' is not in the project's schema"):
        import_paths(new_project(tmp_path / "d.sqlite"), [main], ImportOptions(annotator="k"))


def test_events_file_needs_a_file_destination(source: Project) -> None:
    with pytest.raises(ExportError, match="--events column"):
        export_layer(source, ExportOptions(fmt="conll", annotator="aigerim", out="-", events=True))


def test_tag_column_reads_conll_2003_columns(tmp_path: Path) -> None:
    conll03 = write(
        tmp_path / "eng.conll03",
        "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORGANISATION\nrejects VBZ B-VP O\n"
        "German JJ B-NP B-NORP\ncall NN I-NP O\n\n",
    )
    last = reimport(tmp_path, conll03)  # the default, the last column: NER
    assert spans(last)[0] == [("NORP", 2, 2), ("ORGANISATION", 0, 0)]
    with pytest.raises(InputError, match="label 'NP' is not in the project's schema"):
        reimport(tmp_path, conll03, tag_column=3)  # the chunk column, read as asked
    with pytest.raises(
        InputError, match=r"eng\.conll03:3: the line has 4 columns, no column 5 \(--tag-column\)"
    ):
        reimport(tmp_path, conll03, tag_column=5)
    with pytest.raises(InputError, match="column 1 is the token"):
        reimport(tmp_path, conll03, tag_column=1)
    assert spans(reimport(tmp_path, conll03, tag_column=-1)) == spans(last)


def test_the_command_line_takes_events_file_or_column(
    source: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "source.sqlite")
    source.close()
    base = ["export", "--db", db, "--format", "conll", "--annotator", "aigerim", "--status", "all"]
    assert cli.main([*base, "--events", "--out", str(tmp_path / "f.conll")]) == 0
    assert "event triggers to" in capsys.readouterr().out and (tmp_path / "f.events.conll").is_file()
    assert cli.main([*base, "--events", "column", "--out", "-"]) == 0
    assert "жиналды\tB-Conflict.Demonstrate\tO" in capsys.readouterr().out
    assert cli.main([*base, "--out", "-"]) == 0
    assert "жиналды\tO\n" in capsys.readouterr().out
    assert (
        cli.main(
            ["import", "--db", str(tmp_path / "n.sqlite"), str(tmp_path / "f.conll"), "--annotator", "b"]
        )
        == 0
    )
    assert "1 event" in capsys.readouterr().out


def test_a_later_export_without_events_removes_the_old_trigger_file(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "x.conll", events=True)
    side = tmp_path / "x.events.conll"
    assert side.is_file()
    export(source, main)  # no --events: the old triggers must not be read as this export's
    assert not side.exists()
    assert spans(reimport(tmp_path, main))[1] == []
    export(source, main, events=True, events_to="column")
    assert not side.exists()


def test_the_import_says_where_the_triggers_came_from(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "x.conll", events=True)
    project = new_project(tmp_path / "back.sqlite")
    summary = import_paths(project, [main], ImportOptions(annotator="aigerim"))
    assert f"note: {main}: triggers read from x.events.conll" in summary.describe().splitlines()


def test_a_trigger_column_imported_without_event_column_gives_a_hint(source: Project, tmp_path: Path) -> None:
    main = export(source, tmp_path / "x.conll", events=True, events_to="column")
    project = new_project(tmp_path / "hint.sqlite")
    summary = import_paths(project, [main], ImportOptions(annotator="aigerim"))
    hint = f"note: {main}: column 2 looks like event triggers: import with --event-column 2"
    assert summary.events == 0 and hint in summary.describe().splitlines()
    again = import_paths(
        new_project(tmp_path / "read.sqlite"), [main], ImportOptions(annotator="a", event_column=2)
    )
    assert again.events == 1 and "looks like event triggers" not in again.describe()
    plain = export(source, tmp_path / "plain.conll")
    assert (
        "note:"
        not in import_paths(
            new_project(tmp_path / "p.sqlite"), [plain], ImportOptions(annotator="a")
        ).describe()
    )
