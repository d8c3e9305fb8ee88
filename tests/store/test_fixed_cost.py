"""What every command pays before its own work stays small (issue 19): revisions read from the
migration files' names, new projects copied from a kept template, only the modules a command uses."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.schema import default_schema_path, load_schema
from annotator.store import open_project, schema_template
from annotator.store.migrate import alembic_config, created_objects
from annotator.store.revisions import VERSIONS, head_revision, revisions
from annotator.store.safety import canonical_sql
from tests.conftest import REPO, dump

pytestmark = pytest.mark.timeout(120)

SCHEMA = load_schema(default_schema_path())


def test_the_revisions_read_from_file_names_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    walked = [r.revision for r in script.walk_revisions()][::-1]  # oldest first
    assert list(revisions()) == walked
    assert head_revision() == script.get_current_head()
    for path in sorted(VERSIONS.glob("[0-9]*.py")):
        assert f'revision = "{path.name[:4]}"' in path.read_text(encoding="utf-8"), path.name


def _schema_of(path: Path) -> dict[str, object]:
    con = sqlite3.connect(path)
    try:
        objects = sorted(
            (kind, name, table, canonical_sql(kind, sql))
            for kind, name, table, sql in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        pragmas = {
            p: con.execute(f"PRAGMA {p}").fetchone()[0]
            for p in (
                "page_size",
                "auto_vacuum",
                "encoding",
                "user_version",
                "application_id",
                "journal_mode",
            )
        }
    finally:
        con.close()
    return {"objects": objects, "pragmas": pragmas}


def test_a_project_copied_from_the_template_is_the_one_the_migrations_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied, migrated = tmp_path / "copied.sqlite", tmp_path / "migrated.sqlite"
    project, created = open_project(copied, create=True, schema=SCHEMA)
    assert created
    rows_copied = dump(project, activity=True)
    project.close()
    assert schema_template.template() is not None  # the copy came from a kept template

    monkeypatch.setattr(schema_template, "template", lambda: None)  # no template: the migrations run
    project, created = open_project(migrated, create=True, schema=SCHEMA)
    assert created
    rows_migrated = dump(project, activity=True)
    project.close()
    assert _schema_of(copied) == _schema_of(migrated)
    assert _timeless(rows_copied) == _timeless(rows_migrated)


def _timeless(rows: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    """The rows with every timestamp (when a row was made) blanked."""
    stamp = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d")
    return {
        table: [tuple("<time>" if isinstance(v, str) and stamp.match(v) else v for v in row) for row in got]
        for table, got in rows.items()
    }


def test_without_a_cache_folder_projects_are_still_made_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert schema_template.template() is None
    path = tmp_path / "p.sqlite"
    project, created = open_project(path, create=True, schema=SCHEMA)
    assert created
    project.close()
    created_objects.cache_clear()
    project, created = open_project(path)  # the expected schema worked out by the migrations
    assert not created
    project.close()


def test_a_damaged_template_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made = schema_template.template()
    assert made is not None
    made.write_bytes(b"not a database" * 100)
    again = schema_template.template()
    assert again == made and schema_template.template_objects()
    project, _ = open_project(tmp_path / "p.sqlite", create=True, schema=SCHEMA)
    assert project.schema.name == SCHEMA.name
    project.close()


_LOADED = """
import json, sys
from annotator.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
prefixes = ("alembic", "PySide6", "sqlalchemy", "annotator.formats.conll", "annotator.formats.jsonl",
            "annotator.formats.labelstudio", "annotator.services.importing",
            "annotator.services.exporting", "annotator.gui", "tqdm")
print(json.dumps({"status": status, "loaded": sorted(p for p in prefixes if p in sys.modules)}))
"""


def _loaded(*args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _LOADED, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_a_command_imports_only_what_it_uses(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    project, _ = open_project(db, create=True, schema=SCHEMA)
    project.close()
    assert _loaded("--version") == {"status": 0, "loaded": []}
    stats = _loaded("stats", "--db", str(db))
    assert stats == {"status": 0, "loaded": ["sqlalchemy"]}, (
        "stats reads no reader, writer, window or Alembic"
    )
