"""Shared fixtures: isolated user directories, fresh projects, a dump of a whole database, and the
hypothesis profiles (``HYPOTHESIS_PROFILE=quick`` for make quick; unset or ``ci`` for make test)."""

from __future__ import annotations

import atexit
import errno
import os
import shutil
import subprocess
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from annotator.core.schema import default_schema_path, load_schema
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, open_project
from annotator.store.tables import Base

REPO = Path(__file__).resolve().parents[1]

# The schema template of this run (annotator/store/schema_template.py) is made once, in a cache of
# its own: never the real user's, and shared by every test and the processes they start.
_CACHE = tempfile.mkdtemp(prefix="annotator-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"

# Property tests ask ``examples(n)`` for their count: n as each test was written (make test),
# a handful under the quick profile (make quick), where they then run as ordinary tests. Without
# HYPOTHESIS_PROFILE hypothesis keeps its own choice (its derandomized "ci" profile on a CI
# machine, "default" elsewhere), so make test is exactly as before.
QUICK_EXAMPLES = 10
settings.register_profile("quick", settings(), max_examples=QUICK_EXAMPLES)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "")
if PROFILE:
    settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """How many examples a property test tries: ``ci`` (its count in make test), a handful under quick."""
    return min(ci, QUICK_EXAMPLES) if PROFILE == "quick" else ci


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the default project and Qt settings of every test in a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    return home


PG_URL = os.environ.get("ANNOTATOR_TEST_PG", "")


@contextmanager
def postgres_database(ctype: str | None = None) -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server (``ANNOTATOR_TEST_PG``), dropped afterwards;
    with the character type ``ctype`` (``LC_CTYPE``) when given, else the server's."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server for this run (ANNOTATOR_TEST_PG is empty; make test sets it)")
    name = f"annotator_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        locale = f" LC_CTYPE '{ctype}'" if ctype else ""
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'{locale}"))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin: Engine, name: str) -> None:
    """Drop a test database; a server process still in it (autovacuum) gets a few moments to leave."""
    for attempt in range(20):
        try:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            return
        except DBAPIError:
            time.sleep(0.1 * (attempt + 1))
    warnings.warn(f"could not drop the test database {name}", stacklevel=2)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new project lives: a SQLite file, and a database on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "project.sqlite")
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def project(backend: str) -> Iterator[Project]:
    """A new, empty project with the default schema, on SQLite and on PostgreSQL."""
    proj, created = open_project(backend, create=True, schema=load_schema(default_schema_path()))
    assert created
    yield proj
    proj.close()


def dump(project: Project, *, activity: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that a failed operation changed nothing.

    The ``activity`` table counts every edit, an undone one too, so it is left out unless asked for.
    """
    out = {}
    with project.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "activity" and not activity:
                continue
            rows = conn.execute(text(f"SELECT * FROM {table.name} ORDER BY 1, 2")).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


@contextmanager
def small_disk(where: Path, megabytes: int = 16) -> Iterator[Path]:
    """A real file system of a few megabytes (tmpfs), for filling up; needs root."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (make test runs as root here)")
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(where)], check=False
    )
    if done.returncode != 0:
        pytest.skip("this machine does not let the tests mount a tmpfs")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill a file system to the last byte, then free ``leave`` bytes again; returns the filler file."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        for size in (1 << 16, 1 << 10, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def write(path: Path, content: str | bytes) -> Path:
    """Write a test input file (text as UTF-8) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


EXAMPLE = (FIXTURES / "example.conll").read_text(encoding="utf-8")


def _changed(old: str, new: str) -> str:
    """The CoNLL example with one change; fails at once if the example no longer has ``old``."""
    assert old in EXAMPLE, f"the example CoNLL no longer holds {old!r}"
    return EXAMPLE.replace(old, new, 1)


# The CoNLL example as three annotators made it, the project most review tests start from: a as it
# is, b labels "53" QUANTITY for CARDINAL, c misses the PERSON "Хайди Хаутала" (both differences
# in sentence 1 of document ex-0001).
DISAGREEING = {
    "a": EXAMPLE,
    "b": _changed("53\tB-CARDINAL", "53\tB-QUANTITY"),
    "c": _changed("Хайди\tB-PERSON\nХаутала\tI-PERSON", "Хайди\tO\nХаутала\tO"),
}


def import_layers(project: Project, where: Path, layers: dict[str, str]) -> None:
    """Import each annotator's CoNLL text as their layer, every sentence done (files under ``where``)."""
    for name, conll in layers.items():
        path = write(where / name / "ex.conll", conll)
        import_paths(project, [path], ImportOptions(annotator=name, status="done"))


def pytest_configure(config: pytest.Config) -> None:
    """Qt tests run on the offscreen platform unless told otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Property-based tests (hypothesis) count as slow, except under the quick profile.

    So ``pytest -m "not slow"`` leaves them out, and make quick (the quick profile: a handful of
    examples each) runs them; a module marked slow as a whole (hostile input) stays out of it.
    """
    if PROFILE == "quick":
        return
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
