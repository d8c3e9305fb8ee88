"""``annotator assign`` and ``annotator progress`` from the command line, and assignments carried
by the project's JSONL: the JSON shape the issue gives, one-line errors that change nothing, and a
round trip through export and import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import dump
from tests.services.test_assignment import PEOPLE

pytestmark = pytest.mark.timeout(120)


def _project(capsys: pytest.CaptureFixture[str], tmp_path: Path, documents: int = 8) -> str:
    db = str(tmp_path / "p.sqlite")
    lines = [
        json.dumps({"document": f"d{d}", "text": f"Бұл {d} құжаттың {s} сөйлемі."}, ensure_ascii=False)
        for d in range(documents)
        for s in range(2 + d % 3)
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(capsys, "import", "--db", db, str(tmp_path / "c.jsonl"))[0] == 0
    for name in PEOPLE:
        assert run(capsys, "annotators", "add", name, "--db", db)[0] == 0
    return db


def test_assign_then_progress_json_has_the_issues_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = _project(capsys, tmp_path)
    code, out, err = run(
        capsys, "assign", "--db", db, "--to", ",".join(PEOPLE), "--per-document", "2", "--overlap", "0.25"
    )
    assert code == 0, err
    assert out.startswith("assigned 8 document(s) (2 to 2 people, 6 to one)")
    code, out, _ = run(capsys, "progress", "--json", "--db", db)
    report = json.loads(out)
    assert set(report) == {"people", "documents"}
    assert set(report["people"]) == set(PEOPLE)
    for person in report["people"].values():
        assert {"assigned_documents", "assigned_sentences", "done", "active_seconds"} <= set(person)
        assert person["done"] == 0 and person["active_seconds"] == 0
    assert sum(p["assigned_documents"] for p in report["people"].values()) == 10
    assert sorted(len(d["assignees"]) for d in report["documents"].values()) == [1] * 6 + [2] * 2
    assert not any(d["ready"] for d in report["documents"].values())
    assert run(capsys, "assign", "--db", db, "--to", ",".join(PEOPLE))[1].startswith(
        "every document is assigned"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "Нұрлан"], "annotator: --to Нұрлан: nobody of that name in the project (add them first)\n"),
        (
            ["--to", "Данияр", "--per-document", "2"],
            "annotator: --per-document 2 needs at least 2 people; --to names 1\n",
        ),
        (
            ["--to", "Данияр", "--overlap", "0.5"],
            "annotator: --overlap needs --per-document N with N of at least 2\n",
        ),
        ([], "annotator: --to: name the people to give documents to (A,B,...), or give --dynamic\n"),
        (
            ["--dynamic", "--to", "Данияр"],
            "annotator: --dynamic and --static only switch the pool; give --to in another run\n",
        ),
        (
            ["--static", "--abandon-after", "5"],
            "annotator: --per-document and --abandon-after go with --dynamic, not --static\n",
        ),
        (
            ["--static", "--per-document", "2"],
            "annotator: --per-document and --abandon-after go with --dynamic, not --static\n",
        ),
    ],
)
def test_bad_requests_are_one_line_exit_one_and_change_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    db = _project(capsys, tmp_path, documents=2)
    from annotator.store import open_project

    project, _ = open_project(db)
    before = dump(project)
    code, _out, err = run(capsys, "assign", "--db", db, *args)
    after = dump(project)
    project.close()
    assert (code, err) == (1, message)
    assert after == before


def test_assignments_go_out_and_come_back_with_the_jsonl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = _project(capsys, tmp_path, documents=4)
    assert (
        run(
            capsys, "assign", "--db", db, "--to", ",".join(PEOPLE), "--per-document", "2", "--overlap", "0.5"
        )[0]
        == 0
    )
    given = json.loads(run(capsys, "progress", "--json", "--db", db)[1])["documents"]
    out = tmp_path / "out.jsonl"
    assert (
        run(
            capsys,
            "export",
            "--db",
            db,
            "--format",
            "jsonl",
            "--status",
            "all",
            "--annotator",
            PEOPLE[0],
            "--out",
            str(out),
        )[0]
        == 0
    )
    side = tmp_path / "out.documents.jsonl"  # the document lines' own file, beside the sentences
    lines = [json.loads(line) for line in side.read_text(encoding="utf-8").splitlines()]
    assert not any("assignees" in json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    carried = {line["document"]: line["assignees"] for line in lines if "assignees" in line}
    assert carried == {name: d["assignees"] for name, d in given.items()}
    other = str(tmp_path / "q.sqlite")
    code, text, err = run(capsys, "import", "--db", other, str(out))
    assert code == 0, err
    assert "6 assignments" in text
    back = json.loads(run(capsys, "progress", "--json", "--db", other)[1])["documents"]
    assert {n: d["assignees"] for n, d in back.items()} == carried
    assert run(capsys, "import", "--db", other, str(out))[0] == 0  # again: nothing doubles
    again = json.loads(run(capsys, "progress", "--json", "--db", other)[1])["documents"]
    assert again == back


def test_a_bad_assignment_line_names_the_file_and_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": "x", "text": "Бір."}\n{"document": "x", "assignees": ["a", "a"]}\n', "utf-8")
    code, _out, err = run(capsys, "import", "--db", db, str(bad))
    assert (code, err) == (1, f"annotator: {bad}:2: 'assignees' names a person twice\n")
    assert json.loads(run(capsys, "stats", "--json", "--db", db)[1])["documents"] == 0
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text('{"document": "x", "text": "Бір."}\n{"document": "y", "assignees": ["a"]}\n', "utf-8")
    code, _out, err = run(capsys, "import", "--db", db, str(wrong))
    assert (code, err) == (1, f"annotator: {wrong}:2: the assignment of 'y' must follow its sentences\n")


@pytest.mark.parametrize(
    ("name", "problem"),
    [("a\u0007b", "control character (U+0007)"), ("x" * 300, "is 300 characters long")],
)
def test_an_assignee_name_no_annotator_may_have_is_one_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, problem: str
) -> None:
    """An assignment line names people as a sentence line's "annotator" does: the same names are
    refused, with the file and the line, and nobody is made."""
    db = str(tmp_path / "p.sqlite")
    bad = tmp_path / "bad.jsonl"
    lines = [{"document": "x", "text": "Бір."}, {"document": "x", "assignees": [name]}]
    bad.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    code, _out, err = run(capsys, "import", "--db", db, str(bad))
    assert code == 1
    assert err.startswith(f"annotator: {bad}:2: ") and problem in err and err.count("\n") == 1, err
    listed = json.loads(run(capsys, "annotators", "list", "--json", "--db", db)[1])
    assert name not in json.dumps(listed, ensure_ascii=False)


def test_moving_from_someone_with_nothing_unfinished_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--move-from a person who has nothing left to move must not answer as a plan would
    ("every document is assigned already"), which says nothing about the person named."""
    db = _project(capsys, tmp_path, documents=2)
    code, out, err = run(capsys, "assign", "--db", db, "--move-from", PEOPLE[0], "--to", PEOPLE[1])
    assert code == 0, err
    assert out.startswith("moved 0 unfinished document(s)"), out


def test_changing_the_abandonment_timeout_keeps_the_pools_n(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--dynamic --abandon-after 60 after --dynamic --per-document 2 changes the timeout only:
    N stays 2 (and a later --dynamic alone keeps the 60 minutes)."""
    db = _project(capsys, tmp_path, documents=2)
    assert run(capsys, "assign", "--db", db, "--dynamic", "--per-document", "2")[0] == 0
    code, out, err = run(capsys, "assign", "--db", db, "--dynamic", "--abandon-after", "60")
    assert code == 0, err
    assert "fewer than 2 people" in out and "left 60 minutes" in out, out
    out = run(capsys, "assign", "--db", db, "--dynamic")[1]
    assert "fewer than 2 people" in out and "left 60 minutes" in out, out
