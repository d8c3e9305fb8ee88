"""Concurrent writers on both backends: checks that read, then write, hold under real races.

On SQLite the write lock serialises every writer; on PostgreSQL nothing did, and two writers
could both read "not there yet" and both write. Each test starts real processes at once (a pipe is
the starting gun) and then reads what the database holds: no duplicate span, no overlap the
schema forbids, no layer imported twice, and every refusal a StoreError with one line.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import StoreError
from annotator.core.model import GOLD
from annotator.services import adjudicate
from annotator.services import commands as c
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import edits, open_project, queries
from tests.benchmarks.synth import write_conll
from tests.safety.conftest import fork, opened, wait

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

SENTENCES = 200

DUPLICATES = """
SELECT count(*) FROM (
  SELECT 1 FROM {table} t JOIN annotators a ON a.id = t.annotator_id WHERE a.name = :who
  GROUP BY t.sentence_id, t.token_start, t.token_last, t.{label} HAVING count(*) > 1) d
"""
OVERLAPS = """
SELECT count(*) FROM entities x JOIN entities y
  ON x.sentence_id = y.sentence_id AND x.annotator_id = y.annotator_id AND x.id < y.id
  AND x.token_start <= y.token_last AND y.token_start <= x.token_last
JOIN annotators a ON a.id = x.annotator_id WHERE a.name = :who
"""


def _race(work: list[Callable[[int], dict[str, int]]], out: Path) -> list[dict[str, int]]:
    """Run each ``work(gate)`` in its own process, all released at once; their tallies, in order."""
    gate_read, gate_write = os.pipe()

    def child(n: int, job: Callable[[int], dict[str, int]]) -> None:
        tally = job(gate_read)
        (out / f"tally{n}.json").write_text(json.dumps(tally))

    pids = [fork(lambda n=n, job=job: child(n, job)) for n, job in enumerate(work)]
    os.write(gate_write, b"x" * len(pids))
    codes = [wait(pid) for pid in pids]
    assert codes == [0] * len(pids), "a writer failed with something other than a refusal (see above)"
    return [json.loads((out / f"tally{n}.json").read_text()) for n in range(len(pids))]


def _count(url: str, sql: str, **params: object) -> int:
    project, _ = open_project(url, check=False)
    try:
        with project.engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())
    finally:
        project.close()


def _refusal(exc: StoreError, tally: dict[str, int]) -> None:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message, message
    tally["refused"] += 1


def _reviewer(url: str, who: str, span: tuple[int, int, str]) -> Callable[[int], dict[str, int]]:
    def work(gate: int) -> dict[str, int]:
        project, _, sentences = opened(url, who)
        tally = {"accepted": 0, "refused": 0}
        # What a reviewer decides while looking at the sentences, before either accepts anything;
        # the second of each pair is the same for both reviewers.
        decided = [
            adjudicate.accept_entity(project, sid, start, end, label)
            for sid in sentences[:SENTENCES]
            for start, end, label in (span, (5, 6, "GPE"))
        ]
        os.read(gate, 1)
        for command in decided:
            try:
                command.apply(project)
                tally["accepted"] += 1
            except StoreError as exc:
                _refusal(exc, tally)
        project.close()
        return tally

    return work


def test_two_reviewers_accepting_the_same_disagreements_leave_gold_whole(team: str, tmp_path: Path) -> None:
    with_second = team
    project, _ = open_project(with_second)
    with project.transaction() as s:
        queries.add_annotator(s, "chief", "reviewer")
    project.close()
    tallies = _race(
        [
            _reviewer(with_second, "boss", (0, 3, "PERSON")),
            _reviewer(with_second, "chief", (2, 4, "ORGANISATION")),
        ],
        tmp_path,
    )
    for table, label in (("entities", "label"), ("events", "type")):
        assert _count(with_second, DUPLICATES.format(table=table, label=label), who=GOLD) == 0
    assert _count(with_second, OVERLAPS, who=GOLD) == 0
    # Each sentence ends with exactly one of the two overlapping entities and one GPE.
    per_sentence = _count(
        with_second,
        "SELECT count(DISTINCT e.sentence_id) FROM entities e JOIN annotators a ON a.id = e.annotator_id "
        "WHERE a.name = :who AND e.label = 'GPE' AND e.token_start = 5",
        who=GOLD,
    )
    gold_entities = _count(
        with_second,
        "SELECT count(*) FROM entities e JOIN annotators a ON a.id = e.annotator_id WHERE a.name = :who",
        who=GOLD,
    )
    assert per_sentence == SENTENCES and gold_entities == 2 * SENTENCES
    # Of each pair of accepts, the first stored wins and the other is refused in one line.
    assert sum(t["accepted"] for t in tallies) == 2 * SENTENCES
    assert sum(t["refused"] for t in tallies) == 2 * SENTENCES


def _importer(url: str, files: list[Path]) -> Callable[[int], dict[str, int]]:
    def work(gate: int) -> dict[str, int]:
        project, _ = open_project(url, check=False)
        os.read(gate, 1)
        summary = import_paths(project, files, ImportOptions(annotator="d"))
        project.close()
        return {"skipped": summary.skipped_layers, "added": summary.documents_added}

    return work


def test_two_imports_of_one_layer_at_once_store_it_once(team: str, tmp_path: Path) -> None:
    reused = tmp_path / "corpus.conll"  # the file the project's documents came from, now as layer d
    counts = write_conll(reused, 3000)  # the same seed: the same file
    fresh = tmp_path / "fresh.conll"  # and new documents (fresh-0001, ...), which both find missing
    fresh_counts = write_conll(fresh, 400, seed=11)
    tallies = _race([_importer(team, [reused, fresh]), _importer(team, [reused, fresh])], tmp_path)
    entities = _count(
        team,
        "SELECT count(*) FROM entities e JOIN annotators a ON a.id = e.annotator_id WHERE a.name = 'd'",
    )
    assert entities == counts["entities"] + fresh_counts["entities"]
    documents = _count(team, "SELECT count(*) FROM documents")
    assert documents == counts["documents"] + fresh_counts["documents"]
    assert _count(team, DUPLICATES.format(table="entities", label="label"), who="d") == 0
    # One import wrote the layer; the other found it there, document by document.
    assert sorted(t["skipped"] for t in tallies) == [0, counts["documents"] + fresh_counts["documents"]]


def _window(url: str) -> Callable[[int], dict[str, int]]:
    def work(gate: int) -> dict[str, int]:
        project, me, sentences = opened(url, "a")
        tally = {"accepted": 0, "refused": 0}
        os.read(gate, 1)
        for sid in sentences[:SENTENCES]:
            for edit in (c.AddEntity(sid, me, 1, 3, "DATE"), c.AddEvent(sid, me, 4, 5, _event_type(url))):
                try:
                    edit.apply(project)
                    tally["accepted"] += 1
                except StoreError as exc:
                    _refusal(exc, tally)
        project.close()
        return tally

    return work


def _event_type(url: str) -> str:
    project, _ = open_project(url, check=False)
    try:
        return project.schema.event_types[0].name
    finally:
        project.close()


def test_one_person_in_two_windows_makes_each_edit_once(team: str, tmp_path: Path) -> None:
    tallies = _race([_window(team), _window(team)], tmp_path)
    for table, label in (("entities", "label"), ("events", "type")):
        assert _count(team, DUPLICATES.format(table=table, label=label), who="a") == 0
    accepted = sum(t["accepted"] for t in tallies)
    assert accepted == 2 * SENTENCES  # each entity and event once; the other window was refused
    assert sum(t["refused"] for t in tallies) == 2 * SENTENCES
    # Both windows' first edits counted, and every later one: one row, no duplicate-key failure.
    edits = _count(
        team, "SELECT t.edits FROM activity t JOIN annotators a ON a.id = t.annotator_id WHERE a.name = 'a'"
    )
    assert edits == accepted


def test_an_import_waits_for_a_window_editing_the_same_layer(team: str, tmp_path: Path) -> None:
    if "://" not in team:  # the child must start while this process holds the project open
        pytest.skip("SQLite's locks do not survive fork; its write lock serialises the two anyway")
    project, me, sentences = opened(team, "a")
    first = sentences[0]
    with project.reading() as s:
        document = queries.documents_overview(s)[0].id
    source = tmp_path / "corpus.conll"  # the project's own documents, now as a's layer
    write_conll(source, 3000)
    with project.transaction() as s:  # a window's edit, not yet committed, while the import starts
        edits.add_entity(s, project.schema, first, me, 0, 2, "PERSON")
        pid = fork(
            lambda: import_paths(open_project(team, check=False)[0], [source], ImportOptions(annotator="a"))
        )
        deadline = time.monotonic() + 30  # until the import waits for the window's lock
        while time.monotonic() < deadline and not _waiting_on_lock(team):
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                pytest.fail("the import did not wait for the window's edit")
            time.sleep(0.05)
    assert wait(pid) == 0
    layer = _count(
        team,
        "SELECT count(*) FROM entities e JOIN sentences s ON s.id = e.sentence_id "
        "JOIN annotators a ON a.id = e.annotator_id WHERE a.name = 'a' AND s.document_id = :d",
        d=document,
    )
    assert layer == 1  # the window's entity; the import found a's layer there and left it
    project.close()


def _waiting_on_lock(url: str) -> bool:
    return _count(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0
