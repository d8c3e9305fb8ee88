"""Two imports at once on PostgreSQL, each with an assignment line, sharing a document: neither
may end in "deadlock detected". An import locks each document's name as it reaches it; if it also
takes the assignments' lock at its first assignment line, an import holding that lock can come
to a name the other import holds while the other waits for the assignments' lock."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from annotator.core.schema import default_schema_path, load_schema
from annotator.services import progress
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import open_project, queries
from annotator.store.locks import _key
from tests.conftest import postgres_database

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
WAITING = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"


def _write(path: Path, lines: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    return path


def _until(check: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not check():  # type: ignore[operator]
        time.sleep(0.05)


def test_two_imports_with_assignment_lines_sharing_a_document_both_finish(tmp_path: Path) -> None:
    with postgres_database() as url:
        project, _ = open_project(url, create=True, schema=load_schema(default_schema_path()))
        with project.transaction() as s:
            for name in ("A", "B"):
                queries.ensure_annotator(s, name)
        project.close()
        first = _write(
            tmp_path / "first.jsonl",
            [
                {"document": "X", "text": "Бір."},
                {"document": "X", "assignees": ["A"]},
                {"document": "W", "text": "Екі."},
                {"document": "Y", "text": "Үш."},
            ],
        )
        second = _write(
            tmp_path / "second.jsonl",
            [{"document": "Y", "text": "Үш."}, {"document": "Y", "assignees": ["B"]}],
        )
        errors: list[BaseException] = []

        def run(path: Path) -> None:
            mine, _ = open_project(url)
            try:
                import_paths(mine, [path], ImportOptions())
            except BaseException as exc:  # reported by the test
                errors.append(exc)
            finally:
                mine.close()

        engine = create_engine(url)
        gate = engine.connect()
        gate.begin()
        gate.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _key("document-name", "W")})
        with engine.connect() as watch:

            def waiting() -> int:
                return int(watch.execute(text(WAITING)).scalar_one())

            one = threading.Thread(target=run, args=(first,))
            one.start()
            _until(lambda: waiting() >= 1)  # the first import waits at W, having passed X
            two = threading.Thread(target=run, args=(second,))
            two.start()
            _until(lambda: not two.is_alive() or waiting() >= 2)
        gate.rollback()  # W is free: the first import goes on to Y
        gate.close()
        one.join(60)
        two.join(60)
        engine.dispose()
        assert errors == []
        project, _ = open_project(url)
        documents = progress.progress_report(project)["documents"]
        project.close()
        assert (documents["X"]["assignees"], documents["Y"]["assignees"]) == (["A"], ["B"])
