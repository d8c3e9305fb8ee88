"""A project made at the first schema revision, with rows in every table, upgrades with nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import insert, inspect, text
from sqlalchemy.orm import sessionmaker

from annotator.core.model import GOLD
from annotator.core.schema import default_schema_path, load_schema
from annotator.services.importing import import_paths
from annotator.store import Project, open_project
from annotator.store.engine import make_engine
from annotator.store.migrate import current_revision, head_revision, upgrade
from annotator.store.safety import list_backups
from annotator.store.tables import Annotator, ProjectMeta, utcnow
from tests.conftest import FIXTURES, SEEDS, dump


def _project_at_first_revision(path: Path) -> Project:
    schema = load_schema(default_schema_path())
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(insert(ProjectMeta.__table__), [{"key": "schema", "value": schema.source}])
        conn.execute(
            insert(Annotator.__table__),
            [
                {"name": GOLD, "role": "gold", "created_at": utcnow()},
                {"name": "boss", "role": "reviewer", "created_at": utcnow()},
            ],
        )
    return Project(f"sqlite:///{path}", engine, sessionmaker(engine, expire_on_commit=False), schema)


def test_first_revision_project_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = _project_at_first_revision(path)
    assert current_revision(old.engine) == "0001"
    import_paths(old, [FIXTURES / "example.jsonl", *sorted(SEEDS.glob("*.txt"))])
    tables = set(inspect(old.engine).get_table_names())
    assert "activity" not in tables
    before = dump(old)
    empty = [name for name, rows in before.items() if name in tables and not rows]
    assert empty == [], f"the old project should have rows in every table, not in {empty}"
    with old.engine.connect() as conn:
        newest = conn.execute(
            text("SELECT annotator_id, max(updated_at) FROM sentence_status GROUP BY 1")
        ).all()
    old.close()

    project, created = open_project(path)
    assert not created
    assert current_revision(project.engine) == head_revision() != "0001"
    assert len(list_backups(path)) == 1, "the old file is backed up before it is upgraded"
    after = dump(project, activity=True)
    assert {k: v for k, v in after.items() if k != "activity"} == {
        k: v for k, v in before.items() if k in tables
    }
    assert [(a, n, str(t)[:19]) for a, n, t in after["activity"]] == [(a, 0, str(t)[:19]) for a, t in newest]
    project.close()
    with sqlite3.connect(list_backups(path)[0]) as kept:  # the backup is the old project, as it was
        assert kept.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
