"""The command line: exit codes, one-line errors, stats --json, annotators, init and the default project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from tests.conftest import FIXTURES, REPO, write


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_project_is_created_with_the_seeds(
    capsys: pytest.CaptureFixture[str], isolated_user_dirs: Path
) -> None:
    code, out, err = run(capsys, "init")  # what the window does on first start too (open_or_create)
    assert code == 0, err
    assert (isolated_user_dirs / "data" / "annotator" / "default.sqlite").exists()
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0
    data = json.loads(out)
    # 617 tokens: tokenizer version 2, the new project's, cuts "27-28" in three (version 1 made 615)
    counts = (data["documents"], data["sentences"], data["tokens"], data["tokenizer_version"])
    assert counts == (2, 35, 617, 2)
    code, out, _ = run(capsys, "stats")
    assert "tokenizer version 2" in out.splitlines()[0]
    # Adding to the default project finds it and does not load the seeds again.
    assert run(capsys, "annotators", "add", "aigerim")[0] == 0
    assert json.loads(run(capsys, "stats", "--json")[1])["documents"] == 2


def test_import_then_stats_json_reports_exact_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    code, out, err = run(capsys, "import", "--db", db, "--annotator", "bob", str(FIXTURES / "example.conll"))
    assert code == 0, err
    assert "2 new documents, 3 sentences, 20 tokens, 7 entities" in out
    code, out, _ = run(capsys, "stats", "--json", "--db", db)
    assert json.loads(out) == {
        "documents": 2,
        "sentences": 3,
        "tokens": 20,
        "annotators": {
            "bob": {"entities": 7, "events": 0, "stance": 0, "done": 0},
            "gold": {"entities": 0, "events": 0, "stance": 0, "done": 0},
        },
        "tokenizer_version": 2,
    }


def test_bad_input_is_one_line_and_non_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    bad = write(tmp_path / "bad.conll", "Бүгін O\nНұр I-GPE\n")
    code, _, err = run(capsys, "import", "--db", db, "--annotator", "a", str(bad))
    assert code == 1
    hint = "if the file is IOB1, import it with --scheme IOB1"
    assert err == f"annotator: {bad}:2:5: I-GPE cannot follow O in IOB2; {hint}\n"
    code, _, err = run(capsys, "import", "--db", db, str(tmp_path / "absent.txt"))
    assert code == 1 and err.strip().endswith("absent.txt: no such file")
    assert json.loads(run(capsys, "stats", "--json", "--db", db)[1])["sentences"] == 0


def test_annotators_add_and_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    assert run(capsys, "annotators", "add", "Айгерім", "--db", db)[0] == 0
    assert run(capsys, "annotators", "add", "Reviewer", "--role", "reviewer", "--db", db)[0] == 0
    code, _, err = run(capsys, "annotators", "add", "Айгерім", "--db", db)
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "annotators", "list", "--json", "--db", db)
    assert json.loads(out) == [
        {"name": "Reviewer", "role": "reviewer"},
        {"name": "gold", "role": "gold"},
        {"name": "Айгерім", "role": "annotator"},
    ]


def test_init_with_another_schema_and_refusals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.toml", '[[entities.label]]\nname = "CITY"\ncolor = "#123456"\nshortcut = "1"\n'
    )
    db = str(tmp_path / "p.sqlite")
    assert run(capsys, "init", "--db", db, "--schema", str(schema))[0] == 0
    code, _, err = run(capsys, "init", "--db", db)
    assert code == 1 and "a project already exists" in err
    ok = write(tmp_path / "c.conll", "Алматы B-CITY\n")
    assert run(capsys, "import", "--db", db, "--annotator", "a", str(ok))[0] == 0
    gpe = write(tmp_path / "g.conll", "Алматы B-GPE\n")
    code, _, err = run(capsys, "import", "--db", db, "--annotator", "a", str(gpe))
    assert code == 1 and "label 'GPE' is not in the project's schema" in err
    broken = write(tmp_path / "b.toml", '[[entities.label]]\nname = "X"\ncolor = "red"\n')
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "q.sqlite"), "--schema", str(broken))
    assert code == 1 and f"{broken}:3: entity label 'X': color 'red' is not #rrggbb" in err
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "none.sqlite"))
    assert code == 1 and "no project here" in err


def test_python_dash_m_and_env_variable(tmp_path: Path) -> None:
    env = {**os.environ, "ANNOTATOR_DB": str(tmp_path / "env.sqlite"), "XDG_DATA_HOME": str(tmp_path)}
    subprocess.run(
        [sys.executable, "-m", "annotator", "init"], env=env, check=True, cwd=REPO, capture_output=True
    )
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "stats", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["documents"] == 0
    assert (tmp_path / "env.sqlite").exists()


def test_export_to_stdout_default_folder_and_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "p.sqlite")
    run(
        capsys,
        "import",
        "--db",
        db,
        "--annotator",
        "bob",
        "--status",
        "done",
        str(FIXTURES / "example.conll"),
    )
    code, out, err = run(capsys, "export", "--db", db, "--format", "conll", "--out", "-")
    assert code == 0
    assert out.startswith("-DOCSTART- -X- O O\n\nБүгін\tB-DATE\nНұр-Сұлтан\tB-GPE\n")
    assert "wrote 3 sentences of 2 documents (bob) to standard output" in err
    monkeypatch.setattr("annotator.services.exporting.exports_dir", lambda: tmp_path / "exports")
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", "--annotator", "bob")
    assert code == 0 and (tmp_path / "exports" / "p-bob-jsonl.jsonl").exists()
    code, _, err = run(capsys, "export", "--db", db, "--format", "conll", "--annotator", "nobody")
    assert code == 1 and err == "annotator: unknown annotator 'nobody' (annotators: bob)\n"
    code, _, err = run(capsys, "export", "--db", db, "--format", "conll", "--gold")
    assert code == 1 and "nothing to export: gold has no sentences marked done" in err


def test_overlaps_are_reported_with_the_policy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    schema = write(
        tmp_path / "s.toml",
        '[entities]\nallow_overlap = true\n[[entities.label]]\nname = "ORG"\ncolor = "#123456"\n'
        '[[entities.label]]\nname = "GPE"\ncolor = "#654321"\n',
    )
    db = str(tmp_path / "p.sqlite")
    run(capsys, "init", "--db", db, "--schema", str(schema))
    line = {
        "text": "Қазақстан парламенті",
        "annotator": "a",
        "status": "done",
        "label": [[0, 20, "ORG"], [0, 9, "GPE"]],
    }
    src = write(tmp_path / "o.jsonl", json.dumps(line, ensure_ascii=False))
    assert run(capsys, "import", "--db", db, str(src))[0] == 0
    code, out, err = run(capsys, "export", "--db", db, "--format", "conll", "--out", "-", "--no-docstart")
    assert code == 0
    assert out == "Қазақстан\tB-ORG\nпарламенті\tI-ORG\n\n"
    assert "note: 1 overlapping entities left out of the tags (policy: longest span kept)" in err


@pytest.mark.timeout(60)
def test_a_person_name_with_a_control_character_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    assert run(capsys, "init", "--db", db)[0] == 0
    for bad, shown in (("Ай\nгерім", "U+000A"), ("a\tb", "U+0009"), ("x\x7f", "U+007F")):
        code, _, err = run(capsys, "annotators", "add", bad, "--db", db)
        assert code == 1 and shown in err and "one line" in err, err
        assert len(err.strip().splitlines()) == 1, err
    code, out, _ = run(capsys, "annotators", "list", "--json", "--db", db)
    assert json.loads(out) == [{"name": "gold", "role": "gold"}]


def test_biluo_with_spaces_goes_out_in_conll2003s_form_and_comes_back_by_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, again = str(tmp_path / "p.sqlite"), str(tmp_path / "q.sqlite")
    assert run(capsys, "import", "--db", db, "--annotator", "bob", str(FIXTURES / "example.conll"))[0] == 0
    out = tmp_path / "out.conll"
    code, _, err = run(
        capsys,
        "export",
        "--db",
        db,
        "--format",
        "conll",
        "--annotator",
        "bob",
        "--status",
        "all",
        "--scheme",
        "BILUO",
        "--separator",
        "space",
        "--out",
        str(out),
    )
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == ["-DOCSTART- -X- O O", "", "Бүгін U-DATE"]
    assert not any("\t" in line for line in lines)
    assert any(line.endswith(" L-GPE") or line.endswith(" L-ORGANISATION") for line in lines)
    code, text, err = run(capsys, "import", "--db", again, "--annotator", "bob", str(out))  # scheme by itself
    assert code == 0, err
    assert "2 new documents, 3 sentences, 20 tokens, 7 entities" in text


def test_conll_named_txt_is_read_as_conll_and_plain_text_with_annotator_says_it_gave_no_labels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    kaznerd_like = write(
        tmp_path / "IOB2_valid.txt", "Бүгін B-DATE\nАстана B-GPE\nқаласы I-GPE\n. O\n\nИә O\n. O\n"
    )
    code, out, err = run(capsys, "import", "--db", db, "--annotator", "k", str(kaznerd_like))
    assert code == 0, err
    assert "2 sentences, 6 tokens, 2 entities" in out and "note:" not in out
    prose = write(tmp_path / "news.txt", "Бүгін Астанада жиналыс өтті.\nЕртең де O\nТағы бір жол.\n")
    code, out, err = run(capsys, "import", "--db", db, "--annotator", "k", str(prose))
    assert code == 0, err
    assert "3 sentences" in out
    assert out.rstrip().endswith(f"note: {prose} was read as plain text: it gave --annotator no labels")


def test_a_conll_txt_with_one_stray_line_is_refused_at_that_line_not_read_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    sentence = ["« O", "Шымыршық B-ART", "» O", ", O", "Әрі O", ". O", ""]
    lines = sentence * 7 + ["қате"] + sentence * 20  # the stray word is line 50
    bad = write(tmp_path / "kzbad.txt", "\n".join(lines) + "\n")
    code, out, err = run(capsys, "import", "--db", db, "--annotator", "k", str(bad))
    assert (code, out) == (1, "")
    assert err.startswith(f"annotator: {bad}:50: ") and "'қате'" in err
    header = write(tmp_path / "kzhdr.txt", "token\ttag\n" + "\n".join(sentence * 5) + "\n")
    code, out, err = run(capsys, "import", "--db", db, "--annotator", "k", str(header))
    assert (code, out) == (1, "")
    assert err.startswith(f"annotator: {header}:1:") and "'tag'" in err


def test_kaznerds_own_file_is_recognised_as_conll() -> None:
    from annotator.formats.registry import detect_format
    from tests.suggest.corpus import KAZNERD

    if not KAZNERD.exists():
        pytest.skip(f"{KAZNERD} is not here (the shared development data)")
    assert detect_format(KAZNERD) == "conll"


def test_a_glob_passes_over_side_files_and_a_side_file_alone_says_what_to_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    src = str(tmp_path / "src.sqlite")
    code, _, err = run(capsys, "import", "--db", src, str(FIXTURES / "example.jsonl"))
    assert code == 0, err
    gl, ev = tmp_path / "gl", tmp_path / "ev"
    for args in (
        ("--format", "jsonl", "--out", str(gl / "ex.jsonl")),
        ("--format", "conll", "--events", "--out", str(ev / "ex.conll")),
    ):
        code, _, err = run(capsys, "export", "--db", src, "--annotator", "aigerim", "--status", "all", *args)
        assert code == 0, err
    jsonl = sorted(gl.glob("*.json*"))  # what `gl/*.json*` gives: the export and its three side files
    assert [p.name for p in jsonl] == ["ex.documents.jsonl", "ex.features.json", "ex.jsonl", "ex.labels.json"]
    code, out, err = run(capsys, "import", "--db", db, *map(str, jsonl))
    assert code == 0, err
    assert "3 stance annotations" in out
    assert (
        f"note: {gl / 'ex.documents.jsonl'}: passed over, the document lines of ex.jsonl (read with it)"
        in out
    )
    assert f"note: {gl / 'ex.labels.json'}: passed over, the label list of ex.jsonl" in out
    conll = sorted(ev.glob("*.conll"))
    code, out, err = run(
        capsys, "import", "--db", str(tmp_path / "q.sqlite"), "--annotator", "e", *map(str, conll)
    )
    assert code == 0, err
    assert "1 event" in out and "passed over, the trigger file of ex.conll (read with it)" in out
    for side, what in (("ex.labels.json", "label list"), ("ex.features.json", "Hugging Face features")):
        code, out, err = run(capsys, "import", "--db", db, str(gl / side))
        assert (code, out) == (1, "")
        assert err.startswith(f"annotator: {gl / side}: is the {what} of ex.jsonl: import ex.jsonl")


def test_export_of_one_document_by_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    run(
        capsys,
        "import",
        "--db",
        db,
        "--annotator",
        "bob",
        "--status",
        "done",
        str(FIXTURES / "example.conll"),
    )
    code, whole, _ = run(capsys, "export", "--db", db, "--format", "conll", "--out", "-")
    assert code == 0
    second = "-DOCSTART-" + whole.split("-DOCSTART-")[2]
    code, out, err = run(
        capsys, "export", "--db", db, "--format", "conll", "--out", "-", "--document", "example-0002"
    )
    assert (code, out) == (0, second), err
    assert "of 1 document (bob)" in err
