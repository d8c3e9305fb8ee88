"""Revision 0008: the search index is made and filled for a project that already holds sentences,
goes with a downgrade, and on PostgreSQL a database where pg_trgm's index cannot be made still
upgrades, and searches by reading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text

from annotator.core.schema import default_schema_path, load_schema
from annotator.services import search_index
from annotator.services.importing import import_paths
from annotator.store import open_project, sentence_search
from annotator.store.migrate import alembic_config, head_revision, upgrade
from tests.conftest import postgres_database, write
from tests.services.test_search_in_step import INTEGRITY_CHECK

pytestmark = pytest.mark.timeout(120)

SCHEMA = load_schema(default_schema_path())
LINES = "Қазақстан Республикасы.\nALMATY қаласы.\nҮш сөз бар.\n"


def _downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _objects(engine: Engine) -> set[str]:
    sql = "SELECT name FROM sqlite_master WHERE name LIKE 'sentence%search%'"
    with engine.connect() as conn:
        return {row[0] for row in conn.execute(text(sql))}


@pytest.fixture
def no_scan(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The search must answer from the index: reading every sentence fails the test."""

    def refuse(*args: object) -> None:
        raise AssertionError("the search read every sentence")

    monkeypatch.setattr(sentence_search, "_scan", refuse)
    yield


def test_an_existing_sqlite_project_gets_its_sentences_indexed(tmp_path: Path, no_scan: None) -> None:
    path = tmp_path / "p.sqlite"
    project, _ = open_project(str(path), create=True, schema=SCHEMA)
    import_paths(project, [write(tmp_path / "news.txt", LINES)])
    _downgrade(project.engine, "0007")
    assert _objects(project.engine) == set()  # table, shadow tables and triggers gone
    project.close()
    project, created = open_project(str(path))  # upgrades: the index is made, its sentences wait
    assert not created
    made = {"sentence_search", "sentences_search_insert", "sentences_search_update"}
    assert made <= _objects(project.engine)
    assert search_index.waiting(project)  # the upgrade does not fill it: the window's upkeep does
    search_index.index_waiting(project)
    with project.engine.begin() as conn:
        conn.execute(text(INTEGRITY_CHECK))
    with project.reading() as s:
        assert [hit[3] for hit in sentence_search.search(s, "almaty ҚАЛАСЫ")] == ["ALMATY қаласы."]
        assert [hit[2] for hit in sentence_search.search(s, "қазақстан")] == [0]
    project.close()


def test_postgresql_gets_the_trigram_index() -> None:
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=SCHEMA)
        with project.engine.connect() as conn:
            sql = "SELECT indexdef FROM pg_indexes WHERE indexname = 'sentences_text_search'"
            found = conn.execute(text(sql))
            assert "gin_trgm_ops" in found.scalar_one()
        _downgrade(project.engine, "0007")
        with project.engine.connect() as conn:
            assert conn.execute(text("SELECT to_regclass('sentences_text_search')")).scalar() is None
        project.close()


def test_postgresql_without_the_index_upgrades_and_searches_by_reading(tmp_path: Path) -> None:
    """pg_trgm already there but in a schema off the search path: its operator class is not found,
    the index is not made, and the upgrade goes on."""
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=SCHEMA)
        _downgrade(project.engine, "0007")
        project.close()
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP EXTENSION pg_trgm"))
            conn.execute(text("CREATE SCHEMA elsewhere"))
            conn.execute(text("CREATE EXTENSION pg_trgm SCHEMA elsewhere"))
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT to_regclass('sentences_text_search')")).scalar() is None
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        engine.dispose()
        project, _ = open_project(url)
        import_paths(project, [write(tmp_path / "news.txt", LINES)])
        with project.reading() as s:
            assert [hit[3] for hit in sentence_search.search(s, "ALMATY")] == ["ALMATY қаласы."]
        project.close()


def test_a_postgresql_import_merges_the_search_index_once_at_its_end(tmp_path: Path) -> None:
    """The GIN index keeps an import's entries in its pending list and merges them at the import's
    end (a third less time at scale): nothing is left pending for a search to read through."""
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=SCHEMA)
        import_paths(project, [write(tmp_path / "news.txt", LINES)])
        with project.engine.begin() as conn:
            left = conn.execute(text("SELECT gin_clean_pending_list('sentences_text_search'::regclass)"))
            assert left.scalar() == 0, "the import left entries in the pending list"
        with project.reading() as s:
            assert [hit[3] for hit in sentence_search.search(s, "ALMATY")] == ["ALMATY қаласы."]
        project.close()
