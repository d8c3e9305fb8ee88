"""Readers never wait for writers: every read command succeeds while another program holds the write lock.

The lock is held by another process for the whole test. The busy timeout is set to one second,
so a command that waited for the lock would fail within seconds with "the project stayed busy"
(or "database is locked") instead of succeeding; each command must give the output it gives
with nobody writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import default_schema_path, load_schema
from annotator.store import open_project, queries
from tests.conftest import DISAGREEING, import_layers
from tests.locks import write_lock_held

COMMANDS = {
    "stats": ["stats", "--json"],
    "annotators list": ["annotators", "list"],
    "export": ["export", "--format", "conll", "--annotator", "a", "--status", "all", "--out", "-"],
    "agreement": ["agreement", "--annotators", "a,b", "--json"],
}


@pytest.fixture
def corpus(backend: str, tmp_path: Path) -> Iterator[str]:
    """A project with the CoNLL example annotated by a and by b (who relabels one entity), all done."""
    project, _ = open_project(backend, create=True, schema=load_schema(default_schema_path()))
    import_layers(project, tmp_path, {name: DISAGREEING[name] for name in ("a", "b")})
    project.close()
    yield backend


def _run(capsys: pytest.CaptureFixture[str], db: str, args: list[str]) -> str:
    code = main([*args, "--db", db])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_read_commands_succeed_while_another_program_writes(
    command: str, corpus: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = COMMANDS[command]
    expected = _run(capsys, corpus, args)
    monkeypatch.setattr("annotator.store.engine.SQLITE_BUSY_TIMEOUT_S", 1)  # a waiting reader fails fast
    with write_lock_held(corpus):
        assert _run(capsys, corpus, args) == expected
    if command == "stats":  # and what it says is true
        data = json.loads(expected)
        assert (data["documents"], data["sentences"], data["tokens"]) == (2, 3, 20)
        assert data["annotators"]["a"]["done"] == 3
    elif command == "annotators list":
        assert sorted(expected.splitlines()) == ["a\tannotator", "b\tannotator", "gold\tgold"]
    elif command == "export":
        assert "53\tB-CARDINAL" in expected and "Хайди\tB-PERSON" in expected
    else:
        report = json.loads(expected)
        assert report["annotators"] == ["a", "b"] and report["sentences"] == 3


@pytest.mark.timeout(60)
def test_opening_a_project_reads_its_schema_while_another_program_writes(
    corpus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("annotator.store.engine.SQLITE_BUSY_TIMEOUT_S", 1)
    with write_lock_held(corpus):
        project, created = open_project(corpus)
        try:
            assert not created
            assert project.schema.name == "Kazakh political news"
            with project.reading() as session:
                assert queries.count_documents(session) == 2
        finally:
            project.close()


@pytest.mark.timeout(60)
def test_a_write_still_takes_the_lock_first_and_says_why_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening is a read; the write after it waits for the lock and, not getting it, fails in words."""
    db = str(tmp_path / "p.sqlite")
    assert main(["annotators", "add", "a", "--db", db]) == 0
    capsys.readouterr()
    monkeypatch.setattr("annotator.store.engine.SQLITE_BUSY_TIMEOUT_S", 1)
    with write_lock_held(db):
        assert main(["annotators", "add", "b", "--db", db]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("annotator: the project stayed busy: another program has held it")
        and len(err.splitlines()) == 1
    )
    assert _run(capsys, db, ["annotators", "list"]).splitlines() == ["a\tannotator", "gold\tgold"]


@pytest.mark.timeout(60)
def test_opening_a_project_this_process_has_open_keeps_the_other_connection_sound(tmp_path: Path) -> None:
    """Looking at the file must not drop this process's locks on it (closing any descriptor of the
    file does, under POSIX): the other program, ending, would take the write-ahead log away from
    the project still open here."""
    db = tmp_path / "p.sqlite"
    open_project(db, create=True, schema=load_schema(default_schema_path()))[0].close()
    with write_lock_held(str(db)):
        project, _ = open_project(db)
        open_project(db)[0].close()  # a second look while the first is open (a test, a tool)
    with project.transaction() as session:
        queries.set_meta(session, "after", "the other program ended")
    again, _ = open_project(db)
    with again.reading() as session:
        assert queries.get_meta(session, "after") == "the other program ended"
    again.close()
    project.close()
