"""Label shortcuts are checked at init and at every open; a stored schema can be shown and replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import default_schema_path
from tests.conftest import FIXTURES, write


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


DEFAULT = default_schema_path().read_text(encoding="utf-8")


def _line_of(text: str, needle: str, after: str) -> int:
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if after in line)
    return next(n + 1 for n in range(start, len(lines)) if needle in lines[n])


def test_init_refuses_a_shortcut_that_takes_a_window_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = write(tmp_path / "bad.toml", DEFAULT.replace('shortcut = "2"', 'shortcut = "Ctrl+Z"', 1))
    db = tmp_path / "p.sqlite"
    code, _, err = run(capsys, "init", "--db", str(db), "--schema", str(bad))
    line = _line_of(DEFAULT, 'shortcut = "2"', '"ORGANISATION"')
    assert code == 1
    said = "entity label 'ORGANISATION': shortcut 'Ctrl+Z' is already the key of 'undo' (undo)"
    assert err.strip() == f"annotator: {bad}:{line}: {said}"
    assert not db.exists()


def test_a_stored_schema_that_fails_the_check_is_refused_then_fixed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    assert run(capsys, "init", "--db", str(db))[0] == 0
    assert run(capsys, "import", "--db", str(db), "--annotator", "a", str(FIXTURES / "example.conll"))[0] == 0
    old = DEFAULT.replace('shortcut = "1"', 'shortcut = "T"', 1)  # as an earlier version accepted
    con = sqlite3.connect(db)
    con.execute("UPDATE project_meta SET value = ? WHERE key = 'schema'", (old,))
    con.commit()
    con.close()
    code, _, err = run(capsys, "stats", "--db", str(db))
    line = _line_of(old, 'shortcut = "T"', '"PERSON"')
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert (
        f"{db} (stored schema):{line}: entity label 'PERSON': shortcut 'T' is already the key of 'trigger'"
        in err
    )
    assert "annotator schema --out FILE" in err
    fixed = tmp_path / "fixed.toml"
    assert run(capsys, "schema", "--db", str(db), "--out", str(fixed))[0] == 0
    assert fixed.read_text(encoding="utf-8") == old
    fixed.write_text(old.replace('shortcut = "T"', 'shortcut = "1"', 1), encoding="utf-8")
    assert run(capsys, "schema", "--db", str(db), "--replace", str(fixed))[0] == 0
    code, out, _ = run(capsys, "stats", "--db", str(db), "--json")
    assert code == 0 and '"documents": 2' in out


def test_a_schema_that_drops_a_label_in_use_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    run(capsys, "init", "--db", str(db))
    run(capsys, "import", "--db", str(db), "--annotator", "a", str(FIXTURES / "example.conll"))
    start = DEFAULT.index('[[entities.label]]\nname = "PERSON"')
    end = DEFAULT.index("[[entities.label]]", start + 1)
    smaller = write(tmp_path / "smaller.toml", DEFAULT[:start] + DEFAULT[end:])
    code, _, err = run(capsys, "schema", "--db", str(db), "--replace", str(smaller))
    assert code == 1
    assert (
        err.strip()
        == f"annotator: {smaller}: the project's annotations use entity label PERSON, which this schema lacks"
    )
    code, out, _ = run(capsys, "schema", "--db", str(db))
    assert code == 0 and out == DEFAULT
