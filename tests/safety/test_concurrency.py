"""Several people on one SQLite file at once: thousands of edits, none lost, no "database is locked"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.model import GOLD
from annotator.services import commands as c
from annotator.services.exporting import ExportOptions, export_layer
from annotator.store import open_project, queries
from tests.safety.conftest import fork, integrity, opened, wait

pytestmark = pytest.mark.slow  # make quick leaves these out; make test runs them

EDITS = 700  # per writer; three writers


def _work(path: Path | str, who: str, layer: str, start: int, gate: int) -> None:
    project, _, sentences = opened(path, who)
    with project.reading() as s:
        found = queries.find_annotator(s, layer)
    assert found is not None
    os.read(gate, 1)  # everybody starts at once
    for n in range(EDITS):
        sid = sentences[start + n]
        c.AddEntity(sid, found.id, 0, 1, "GPE").apply(project)
        if n % 7 == 0:
            c.SetStatus(sid, found.id, "done").apply(project)


def test_two_annotators_and_a_reviewer_editing_at_once_lose_nothing(team: str, tmp_path: Path) -> None:
    corpus = team
    gate_read, gate_write = os.pipe()
    writers = [("a", "a", 0), ("b", "b", 0), ("boss", GOLD, 1000)]
    pids = [fork(lambda w=w: _work(corpus, w[0], w[1], w[2], gate_read)) for w in writers]

    def read_while_writing() -> None:  # an export reads a consistent snapshot meanwhile
        project, _ = open_project(corpus, check=False)
        os.read(gate_read, 1)
        for _ in range(3):
            export_layer(
                project,
                ExportOptions(fmt="conll", annotator="source", status="all", out=str(tmp_path / "o.conll")),
            )

    pids.append(fork(read_while_writing))
    os.write(gate_write, b"x" * len(pids))
    codes = [wait(pid) for pid in pids]
    assert codes == [0, 0, 0, 0], "a writer or the reader failed (see its traceback above)"
    project, _ = open_project(corpus)
    with project.engine.connect() as conn:
        per_layer = dict(
            conn.execute(
                text(
                    "SELECT a.name, count(*) FROM entities e JOIN annotators a ON a.id = e.annotator_id "
                    "WHERE a.name IN ('a', 'b', 'gold') GROUP BY a.name"
                )
            ).all()
        )
        done = dict(
            conn.execute(
                text(
                    "SELECT a.name, count(*) FROM sentence_status s "
                    "JOIN annotators a ON a.id = s.annotator_id GROUP BY a.name"
                )
            ).all()
        )
        activity = dict(
            conn.execute(
                text("SELECT a.name, t.edits FROM activity t JOIN annotators a ON a.id = t.annotator_id")
            ).all()
        )
    project.close()
    statuses = len(range(0, EDITS, 7))
    assert per_layer == {"a": EDITS, "b": EDITS, "gold": EDITS}
    assert done == {"a": statuses, "b": statuses, "gold": statuses}
    assert activity == {"a": EDITS + statuses, "b": EDITS + statuses, "boss": EDITS + statuses}
    assert integrity(corpus) == "ok"
