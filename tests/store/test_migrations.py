"""Projects written by earlier versions open with nothing lost (``tests/fixtures/legacy``).

Each old project is upgraded by the current code and must then export every layer byte for byte
as the version that wrote it did, keep every row of every table it had, and have been backed up
before anything was changed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, create_engine, insert, inspect, select, text

from annotator.services.exporting import ExportOptions, export_layer
from annotator.store import Project, open_project
from annotator.store.engine import make_engine
from annotator.store.migrate import alembic_config, current_revision, head_revision, upgrade
from annotator.store.safety import list_backups
from tests.conftest import FIXTURES

LEGACY = FIXTURES / "legacy"
LAYERS = ("aigerim", "boss", "gold")
# The rows every revision keeps as they are: each table's columns at revision 0001.
SPAN = "id, sentence_id, annotator_id, token_start, token_last"
KEPT = {
    "project_meta": "*",
    "documents": "*",
    "annotators": "*",
    "sentences": "id, document_id, position, paragraph, start_offset, end_offset, text, n_tokens",
    "entities": f"{SPAN}, label",
    "events": f"{SPAN}, type",
    "event_attributes": "*",
    "event_arguments": "*",
    "sentence_stance": "*",
    "document_stance": "*",
    "sentence_status": "*",
}


def _rows(path: Path, table: str, columns: str = "*") -> list[tuple[Any, ...]]:
    """Rows of a SQLite file, read without touching it (the fixtures stand for users' files)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


def _copy_rows(source: Path, url: str, revision: str) -> None:
    """Put the rows of an old SQLite project into a PostgreSQL database at the same revision."""
    engine = make_engine(url)
    upgrade(engine, revision)
    old = create_engine(f"sqlite:///file:{source}?mode=ro&uri=true")
    tables = MetaData()
    tables.reflect(old)
    with old.connect() as src, engine.begin() as dst:
        for table in tables.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r._mapping) for r in src.execute(select(table))]
            if rows:
                target = Table(table.name, MetaData(), autoload_with=dst)
                dst.execute(insert(target), rows)
            if "id" in table.c:
                sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
                dst.execute(text(f"SELECT setval({sequence}, max(id)) FROM {table.name}"))
    old.dispose()
    engine.dispose()


def _as_written_now(jsonl: bytes) -> tuple[bytes, bytes]:
    """An old JSONL export as it is written now: the sentence file, whose lines all have ``"comment"``
    ("" when none) and ``"seconds"`` (a float) after ``"status"`` and a holder "" for none, and the
    side file of its document lines."""
    sentences, documents = [], []
    for line in jsonl.decode("utf-8").splitlines():
        obj = json.loads(line)
        for item in obj.get("stance", []) + obj.get("document_stance", []):
            item["holder"] = item["holder"] or ""
        if "document_stance" in obj or "text" not in obj:
            documents.append(obj)
            continue
        now: dict[str, object] = {}
        for key, value in obj.items():
            if key in ("comment", "seconds"):
                continue
            now[key] = value
            if key == "status":
                now["comment"] = obj.get("comment", "")
                now["seconds"] = float(obj.get("seconds", 0))
        sentences.append(now)
    main, side = (
        "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode()
        for objs in (sentences, documents)
    )
    return main, side


def _split_trigger_column(conll: bytes) -> tuple[bytes, bytes]:
    """An old ``token TAG TRIGGER`` export as written now: ``token TAG`` in the export and
    ``token TRIGGER`` in its ``X.events.conll`` (blank and document lines in both)."""
    main, events = [], []
    for line in conll.decode("utf-8").split("\n"):
        cols = line.split("\t")
        if len(cols) == 3:
            main.append(f"{cols[0]}\t{cols[1]}")
            events.append(f"{cols[0]}\t{cols[2]}")
        else:
            main.append(line)
            events.append(line)
    return "\n".join(main).encode(), "\n".join(events).encode()


def _export_all(project: Project, revision: str, out: Path) -> None:
    """Every layer exported as the old version exported it, compared byte for byte."""
    for layer in LAYERS:
        formats = ["jsonl"] + (["conll"] if (LEGACY / f"r{revision}.{layer}.conll").exists() else [])
        for fmt in formats:
            options = ExportOptions(
                fmt=fmt,
                annotator=None if layer == "gold" else layer,
                gold=layer == "gold",
                status="all",
                out=str(out / f"{layer}.{fmt}"),
                events=fmt == "conll",
            )
            export_layer(project, options)
            expected = (LEGACY / f"r{revision}.{layer}.{fmt}").read_bytes()
            if fmt == "jsonl":  # deliberate changes since: seconds, the same keys on every line, side file
                expected, documents = _as_written_now(expected)
                assert (out / f"{layer}.documents.jsonl").read_bytes() == documents, (
                    f"{layer} document lines differ after the upgrade"
                )
            if fmt == "conll":  # others: spaCy's form of the document line, triggers in a file
                expected = expected.replace(b"-DOCSTART-\tO\n", b"-DOCSTART- -X- O O\n")
                expected, triggers = _split_trigger_column(expected)
                assert (out / f"{layer}.events.conll").read_bytes() == triggers, (
                    f"{layer} trigger tags differ after the upgrade"
                )
            assert (out / f"{layer}.{fmt}").read_bytes() == expected, (
                f"{layer} {fmt} differs after the upgrade"
            )


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_old_sqlite_project_upgrades_backed_up_with_every_row_kept(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(LEGACY / f"r{revision}.sqlite", path)
    before = {table: _rows(path, table, columns) for table, columns in KEPT.items()}
    assert all(before.values()), "the old project has rows in every table"
    tokens = _rows(path, "tokens", "sentence_id, start_offset, end_offset")

    project, created = open_project(path)
    assert not created
    assert current_revision(project.engine) == head_revision()
    (backup,) = list_backups(path)
    with sqlite3.connect(backup) as kept:  # the backup is the old project, as it was
        assert kept.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    _export_all(project, revision, tmp_path)
    project.close()

    after = {table: _rows(path, table, columns) for table, columns in KEPT.items()}
    # 0008 adds one row: every sentence waits for the search index (the window's upkeep fills it)
    assert after.pop("project_meta") == [*before.pop("project_meta"), ("search:indexed_upto", "0")]
    assert after == before
    for table in ("entities", "events"):
        counts = f"{table}.sentence_tokens, (SELECT n_tokens FROM sentences WHERE id = sentence_id)"
        assert all(a == b for a, b in _rows(path, table, counts))
    assert "tokens" not in {r[0] for r in _rows(path, "sqlite_master", "name, type")}
    packed = sum(n for n, _ in _rows(path, "sentences", "n_tokens, id"))
    assert packed == len(tokens)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,), "the upgrade compacts the file"


def test_old_project_on_postgresql_upgrades_exports_as_before_and_downgrades(tmp_path: Path) -> None:
    from tests.conftest import postgres_database

    with postgres_database() as url:
        _copy_rows(LEGACY / "r0002.sqlite", url, "0002")
        project, created = open_project(url)
        assert not created and current_revision(project.engine) == head_revision()
        _export_all(project, "0002", tmp_path)
        with project.engine.connect() as conn:
            assert "tokens" not in inspect(conn).get_table_names()
        with project.engine.begin() as conn:  # and back again
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        with project.engine.connect() as conn:
            back = [tuple(r) for r in conn.execute(text("SELECT * FROM tokens ORDER BY 1, 2"))]
        project.close()
        assert back == _rows(LEGACY / "r0002.sqlite", "tokens")


def test_downgrade_gives_back_the_token_rows(tmp_path: Path) -> None:
    """The way back exists too: 0003's downgrade rebuilds the token table the old code read."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(LEGACY / "r0002.sqlite", path)
    tokens = _rows(path, "tokens")
    open_project(path)[0].close()
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
    engine.dispose()
    assert _rows(path, "tokens") == tokens
    with sqlite3.connect(path) as conn:
        targets = {row[2] for row in conn.execute("PRAGMA foreign_key_list(entities)")}
        assert targets == {"annotators", "sentences", "tokens"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
