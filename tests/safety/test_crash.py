"""SIGKILL at random moments: every edit reported as committed survives, nothing half-done does.

The child annotates sentence after sentence: each step is one batch (three entities and the
status done, one transaction) and is written to a log only after it committed. After each kill
the parent checks the log against the database, that every sentence holds all of a step or none
of it, and ``PRAGMA integrity_check``; then it starts the next child where the last one stopped.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.services import commands as c
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import open_project
from tests.benchmarks.synth import write_conll
from tests.conftest import dump
from tests.safety.conftest import fork, integrity, opened, tagged, wait, wait_until_gone

pytestmark = pytest.mark.slow  # make quick leaves these out; make test runs them

KILLS = 60
LABELS = ("PERSON", "GPE", "DATE")


def _annotate_forever(path: Path | str, log: Path) -> None:
    project, me, sentences = opened(path, "a")
    with project.reading() as s:
        done = {
            r[0]
            for r in s.execute(text(f"SELECT sentence_id FROM sentence_status WHERE annotator_id = {me}"))
        }
    with log.open("a", encoding="utf-8") as out:
        for sid in sentences:
            if sid in done:
                continue
            parts: list[c.Command] = [c.AddEntity(sid, me, i, i + 1, LABELS[i]) for i in range(3)]
            parts.append(c.SetStatus(sid, me, "done"))
            c.Batch(sid, parts).apply(project)
            out.write(f"{sid}\n")
            out.flush()


def _check(path: Path | str, log: Path) -> int:
    project, _ = open_project(path, check=False)
    with project.engine.connect() as conn:
        a = conn.execute(text("SELECT id FROM annotators WHERE name = 'a'")).scalar_one()
        counts = dict(
            conn.execute(
                text(f"SELECT sentence_id, count(*) FROM entities WHERE annotator_id = {a} GROUP BY 1")
            ).all()
        )
        done = set(
            conn.execute(text(f"SELECT sentence_id FROM sentence_status WHERE annotator_id = {a}")).scalars()
        )
    project.close()
    reported = {int(line) for line in log.read_text().split()}
    assert reported <= done, f"committed edits lost: {sorted(reported - done)[:5]}"
    assert set(counts) == done, "a sentence with entities but no status (or the reverse): half a batch"
    assert set(counts.values()) <= {3}, "a sentence with part of a batch's entities"
    assert integrity(path) == "ok"
    return len(done)


def test_sixty_kills_while_annotating_lose_nothing_committed_and_leave_nothing_partial(
    team: str, tmp_path: Path
) -> None:
    log = tmp_path / "committed.log"
    log.touch()
    rng = random.Random(20261122)
    done = 0
    for kill in range(KILLS):
        tag = f"crash-child-{kill}"
        reported = len(log.read_text().split())
        pid = fork(lambda tag=tag: _annotate_forever(tagged(team, tag), log))
        if kill % 10 == 0:  # now and then only after a commit: the children make progress, whatever the load
            deadline = time.monotonic() + 60
            while len(log.read_text().split()) == reported and time.monotonic() < deadline:
                time.sleep(0.01)
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(pid, signal.SIGKILL)
        assert wait(pid) == -signal.SIGKILL, "the child died before it was killed"
        wait_until_gone(team, tag)  # a COMMIT the server had received is finished (or undone) now
        now = _check(team, log)
        assert now >= done
        done = now
    assert done >= KILLS // 10, "every tenth child was killed only after it had committed"


def test_an_import_killed_midway_imports_nothing(team: str, tmp_path: Path) -> None:
    corpus = team
    big = tmp_path / "big.conll"
    write_conll(big, 20_000, seed=3)
    project, _ = open_project(corpus, check=False)
    before = dump(project, activity=True)
    project.close()
    rng = random.Random(7)
    for attempt in range(3):
        ready, told = os.pipe()
        tag = f"crash-import-{attempt}"

        def run(told: int = told, tag: str = tag) -> None:
            def progress(done: int, total: int) -> None:
                os.write(told, b".")  # rows are going in now; the parent kills soon
                time.sleep(0.05)  # the import takes well under a second: slow it for the kill

            p, _ = open_project(tagged(corpus, tag), check=False)
            import_paths(p, [big], ImportOptions(annotator="b"), progress)

        pid = fork(run)
        os.close(told)
        os.read(ready, 1)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        os.close(ready)
        assert wait(pid) == -signal.SIGKILL, "the import finished before the kill; make the file bigger"
        wait_until_gone(corpus, tag)
        project, _ = open_project(corpus, check=False)
        assert dump(project, activity=True) == before
        project.close()
        assert integrity(corpus) == "ok"


def test_an_export_killed_midway_leaves_no_partial_file(corpus: Path, tmp_path: Path) -> None:
    destination = tmp_path / "out.jsonl"
    old = destination.with_name("old.jsonl")
    old.write_text("an earlier export\n", encoding="utf-8")
    rng = random.Random(11)
    for target in (destination, old):
        for _ in range(3):
            ready, told = os.pipe()

            def run(to: Path = target, told: int = told) -> None:
                def progress(done: int, total: int) -> None:
                    os.write(told, b".")  # the file is half written now; the parent kills soon
                    time.sleep(0.02)

                p, _ = open_project(corpus, check=False)
                export_layer(
                    p, ExportOptions(fmt="jsonl", annotator="source", status="all", out=str(to)), progress
                )

            pid = fork(run)
            os.read(ready, 1)
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(pid, signal.SIGKILL)
            os.close(ready)
            os.close(told)
            assert wait(pid) == -signal.SIGKILL, "the export finished before the kill"
            assert not destination.exists(), "a killed export left a file at the destination"
            assert old.read_text(encoding="utf-8") == "an earlier export\n"
    assert list(tmp_path.glob(".*.tmp")), "the killed exports left their temporary files"
    p, _ = open_project(corpus, check=False)
    export_layer(p, ExportOptions(fmt="jsonl", annotator="source", status="all", out=str(destination)))
    export_layer(p, ExportOptions(fmt="jsonl", annotator="source", status="all", out=str(old)))
    p.close()
    assert not list(tmp_path.glob(".*.tmp")), "the next export removes what killed ones left"
    assert destination.read_bytes() == old.read_bytes()
