"""Children for the crash and concurrency tests: forked from the test process, so they start in milliseconds.

A child never uses its parent's connections: it opens the project itself and leaves with
``os._exit`` (or is killed), so nothing of the parent's is flushed or closed twice.
"""

from __future__ import annotations

import os
import sqlite3
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.core.schema import default_schema_path, load_schema
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, open_project, queries
from tests.benchmarks.synth import write_conll


def fork(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked child; returns its pid. The child exits 0, or 1 after printing the error."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            work()
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    return pid


def wait(pid: int) -> int:
    """The exit status of a child (negative: killed by that signal)."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def tagged(path: Path | str, tag: str) -> str:
    """The project address a child uses: on PostgreSQL its connections carry ``tag`` as their name."""
    text = str(path)
    if "://" not in text:
        return text
    return make_url(text).update_query_dict({"application_name": tag}).render_as_string(hide_password=False)


def wait_until_gone(path: Path | str, tag: str, timeout: float = 60) -> None:
    """Wait until no server process works for connections named ``tag`` (PostgreSQL).

    SIGKILL ends a client at once, but its server process may still be finishing a COMMIT it
    received (seen: 564 ms later). Until that process is gone, the database is not yet in the
    state the kill left it in.
    """
    if "://" not in str(path):
        return
    engine = create_engine(str(path))
    deadline = time.monotonic() + timeout
    try:
        with engine.connect() as conn:
            while conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :tag"), {"tag": tag}
            ).scalar_one():
                assert time.monotonic() < deadline, f"the server still works for {tag} after {timeout} s"
                conn.rollback()
                time.sleep(0.02)
    finally:
        engine.dispose()


def integrity(path: Path | str) -> str:
    """``PRAGMA integrity_check`` of a project file, read by a fresh connection ("ok" for a server)."""
    if "://" in str(path):
        return "ok"  # PostgreSQL checks its own pages; the tests count rows instead
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    """A SQLite project file with 3,000 synthetic sentences, annotators a and b and reviewer boss."""
    path = tmp_path / "team.sqlite"
    _fill(path, tmp_path)
    yield path


@pytest.fixture
def team(backend: str, tmp_path: Path) -> Iterator[str]:
    """The same project on SQLite and on PostgreSQL: a file path or a URL."""
    _fill(backend, tmp_path)
    yield backend


def _fill(path: Path | str, tmp_path: Path) -> None:
    project, _ = open_project(path, create=True, schema=load_schema(default_schema_path()))
    source = tmp_path / "corpus.conll"
    write_conll(source, 3000)
    import_paths(project, [source], ImportOptions(annotator="source"))
    with project.transaction() as s:
        queries.ensure_annotator(s, "a")
        queries.ensure_annotator(s, "b")
        queries.add_annotator(s, "boss", "reviewer")
    project.close()


def opened(path: Path | str, who: str) -> tuple[Project, int, list[int]]:
    """Open the project in this process as ``who``; returns it, their id and every sentence id."""
    project, _ = open_project(path, check=False)
    with project.reading() as s:
        me = queries.find_annotator(s, who)
        sentences = [
            i
            for d in queries.documents_overview(s)
            for i in (x.id for x in queries.document_sentences(s, d.id))
        ]
    assert me is not None
    project.act_as(me.id)
    return project, me.id, sentences
