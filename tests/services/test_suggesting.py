"""The Suggester: what the window is shown, training in a child process with one run queued, the
most useful sentence next, and labelling all occurrences; on both backends."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from annotator.core.errors import AnnotatorError
from annotator.core.records import AnnotatorInfo
from annotator.core.suggestions import ENTITY_MODEL, MATCHER_MODEL
from annotator.services import commands as c
from annotator.services import team, training_run
from annotator.services.people import list_annotators
from annotator.services.suggesting import Suggester, TrainingReport
from annotator.store import Project, reading
from annotator.store import suggestions as stored
from annotator.store.tables import ModelRow
from tests.suggest_corpus import load, rest_ids

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def person(project: Project, tmp_path: Path) -> AnnotatorInfo:
    """Person a of the tiny corpus, acting on the project."""
    load(project, tmp_path)
    found = next(p for p in list_annotators(project) if p.name == "a")
    project.act_as(found.id)
    return found


def _wait(suggester: Suggester, seconds: float = 240) -> TrainingReport:
    """The report of the run going, polled until it comes (a run that never ends fails the test)."""
    deadline = time.monotonic() + seconds
    while (report := suggester.poll()) is None:
        assert time.monotonic() < deadline, "the background run never finished"
        time.sleep(0.05)
    return report


@pytest.fixture
def ready(project: Project, person: AnnotatorInfo) -> Suggester:
    training_run.train_here(project, ["a"], iterations=15)
    suggester = Suggester(project, person)
    suggester.load()
    return suggester


def _shown(project: Project, suggester: Suggester, sentence_id: int) -> list[tuple[int, int, str]]:
    with project.reading() as s:
        view = reading.sentence_view(s, sentence_id, suggester.person.id)
        return [(x.token_start, x.token_end, x.label) for x in suggester.suggestions(s, view)]


def test_suggestions_leave_out_rejected_annotated_and_low_scored_ones(
    project: Project, ready: Suggester
) -> None:
    sid = rest_ids(project)[0]  # Қарағанды қаласында Асқар Оспанов сөз сөйледі .
    shown = _shown(project, ready, sid)
    assert (0, 1, "GPE") in shown and (2, 4, "PERSON") in shown
    assert shown == sorted(shown)
    with project.reading() as s:
        view = reading.sentence_view(s, sid, ready.person.id)
        gpe = next(x for x in ready.suggestions(s, view) if x.label == "GPE")
    c.RejectSuggestion(sid, ready.person.id, gpe).apply(project)
    assert (0, 1, "GPE") not in _shown(project, ready, sid)
    c.AddEntity(sid, ready.person.id, 3, 4, "PERSON").apply(project)  # overlaps the suggested person
    assert not [x for x in _shown(project, ready, sid) if x[2] == "PERSON"]
    ready.threshold = 1.01
    assert _shown(project, ready, sid) == []


def test_accepting_a_shown_suggestion_makes_it_an_annotation_and_it_is_no_longer_shown(
    project: Project, ready: Suggester
) -> None:
    sid = rest_ids(project)[1]
    with project.reading() as s:
        view = reading.sentence_view(s, sid, ready.person.id)
        found = ready.suggestions(s, view)
    c.accept_all(sid, ready.person.id, list(found)).apply(project)
    assert _shown(project, ready, sid) == []
    assert ready.acceptance() == (len(found), 0)


def test_background_training_stores_the_models_and_queues_exactly_one_run(
    project: Project, person: AnnotatorInfo
) -> None:
    suggester = Suggester(project, person, layers=["a"])
    try:
        assert "background" in suggester.train()
        assert suggester.training
        assert "queued" in suggester.train()
        assert "already waiting" in suggester.train()  # still one queued
        first = _wait(suggester)
        assert not first.error and ENTITY_MODEL in first.kinds, first.line
        assert {m.kind for m in suggester.models()} >= {ENTITY_MODEL, MATCHER_MODEL}
        assert suggester.training  # the queued run started
        second = _wait(suggester)
        assert second.up_to_date and not second.kinds, second.line  # same data: nothing retrained
        assert not suggester.training and suggester.poll() is None
        assert suggester.recommender.has_tagger
        assert suggester.ranking  # ranked in the child after training
    finally:
        suggester.close()


def test_a_child_that_dies_gives_a_report_not_a_hang(project: Project, person: AnnotatorInfo) -> None:
    suggester = Suggester(project, person, layers=["a"])
    try:
        suggester.train()
        executor = suggester._executor
        assert executor is not None
        while not getattr(executor, "_processes", None):
            time.sleep(0.01)
        for process in list(executor._processes.values()):
            process.kill()
        report = _wait(suggester)
        assert report.error and "stopped" in report.line
        assert "background" in suggester.train()  # a new child for the next run
        assert not _wait(suggester).error
    finally:
        suggester.close()


def test_start_loads_the_models_and_ranks_in_the_background(project: Project, ready: Suggester) -> None:
    fresh = Suggester(project, ready.person)
    try:
        assert "ranking" in fresh.start()
        report = _wait(fresh)
        assert not report.error and not report.kinds, report.line
        assert fresh.ranking and fresh.next_uncertain() in rest_ids(project)
    finally:
        fresh.close()


def test_a_run_that_fails_says_why_in_one_line(project: Project, person: AnnotatorInfo) -> None:
    suggester = Suggester(project, person, layers=["nobody"])
    try:
        suggester.train()
        report = _wait(suggester)
        assert report.line == "training failed: suggestions: there is no layer 'nobody' in the project"
        assert not suggester.training and suggester.models() == []
    finally:
        suggester.close()


def test_next_uncertain_skips_done_sentences_and_strings_already_asked(
    project: Project, ready: Suggester
) -> None:
    ranked = tuple(training_run.rank(project, ready.recommender, ready.person.id))
    rest = rest_ids(project)
    assert ranked and {sid for sid, _m, _t in ranked} <= set(rest)  # only not-done sentences
    assert all(text for _sid, _m, text in ranked)  # each with the string it is unsure of
    ready.ranking = ((rest[0], 0.1, "Шымкент"), (rest[1], 0.2, "Атырау"), (rest[2], 0.3, "Шымкентте"))
    c.SetStatus(rest[0], ready.person.id, "done").apply(project)
    assert ready.next_uncertain() == rest[1]  # the least sure one is done: skipped, not asked
    assert ready.next_uncertain(rest[1]) == rest[2]  # so its string's relative is still asked about
    assert ready.next_uncertain(rest[2]) is None  # Атырау was asked, the first is done: nothing left


def test_next_uncertain_asks_about_one_string_once_whatever_its_ending(
    project: Project, person: AnnotatorInfo
) -> None:
    rest = rest_ids(project)
    suggester = Suggester(project, person)
    suggester.ranking = ((rest[0], 0.1, "Алматы"), (rest[1], 0.2, "Алматыда"), (rest[2], 0.3, "Астана"))
    assert suggester.next_uncertain() == rest[0]
    assert suggester.next_uncertain(rest[0]) == rest[2]  # Алматыда is Алматы again
    assert suggester.next_uncertain(rest[2]) is None


def test_occurrences_find_the_string_with_other_endings_except_where_labelled(
    project: Project, person: AnnotatorInfo
) -> None:
    rest = rest_ids(project)
    # Қарағанды (rest[0], token 0) occurs in the training document too, labelled there by a, and
    # once more in the rest (sentence 8 of 8).
    found = c.occurrences(project, person.id, rest[0], 0, 1, "corpus")
    assert [(o.sentence_id, o.text) for o in found] == [(rest[7], "Қарағанды")]
    assert found[0].context == "Ерлан Қасымов Қарағанды қаласына барды ."
    found = c.occurrences(project, person.id, rest[0], 1, 2, "document")  # қаласында
    assert found and all(o.sentence_id in rest and o.text.lower().startswith("қала") for o in found)
    assert all(o.sentence_id != rest[0] or o.token_start != 1 for o in found)
    batch = c.label_occurrences(rest[0], person.id, found, "LOCATION")
    assert batch.apply(project).sentences >= {o.sentence_id for o in found}
    assert c.occurrences(project, person.id, rest[0], 1, 2, "document") == []
    with pytest.raises(ValueError):
        c.occurrences(project, person.id, rest[0], 1, 2, "everywhere")


def test_the_training_process_yields_the_cpu_to_the_window(project: Project, person: AnnotatorInfo) -> None:
    import os

    suggester = Suggester(project, person, layers=["a"])
    try:
        suggester.train()
        assert suggester._executor is not None
        pids = [p.pid for p in suggester._executor._processes.values()]  # the pool's one child
        assert len(pids) == 1
        _wait(suggester)  # the run has been through the initializer; the child stays for the next
        fields = Path(f"/proc/{pids[0]}/stat").read_text().rsplit(")", 1)[1].split()
        assert int(fields[16]) == min(19, os.nice(0) + training_run.CHILD_NICENESS)  # stat's 19th field
    finally:
        suggester.close()


def test_labels_the_schema_lacks_are_never_suggested(project: Project) -> None:
    from annotator.core.suggestions import ENTITY, STANCE, TRIGGER, Suggestion
    from annotator.services.suggest_data import in_schema

    schema = project.schema
    label, etype, target = schema.label_names[0], schema.event_types[0].name, schema.targets[0].name
    stance = schema.stance_labels[0]
    assert in_schema(schema, Suggestion(ENTITY, 0, 1, label, 0.9, "tagger"))
    assert not in_schema(schema, Suggestion(ENTITY, 0, 1, "B-NOPE", 0.9, "tagger"))
    assert in_schema(schema, Suggestion(TRIGGER, 0, 1, etype, 0.9, "tagger"))
    assert not in_schema(schema, Suggestion(TRIGGER, 0, 1, label, 0.9, "tagger"))
    assert in_schema(schema, Suggestion(STANCE, 0, 0, stance, 0.9, "classifier", target))
    assert not in_schema(schema, Suggestion(STANCE, 0, 0, stance, 0.9, "classifier", "no such target"))


PARENT = """
import multiprocessing, os, signal, sys, time
from concurrent.futures import ProcessPoolExecutor
from annotator.services import team, training_run

if __name__ == "__main__":
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=training_run.lower_priority)
    pool.submit(time.sleep, 0).result()
    print(next(iter(pool._processes)), flush=True)
    pool.submit(time.sleep, 3600)  # a long run going
    time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGKILL)  # the window dies without closing anything
"""


def test_the_training_process_goes_when_the_window_is_killed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    out = tmp_path / "out.txt"
    with out.open("w") as sink:  # a file, not a pipe: a child that lives on must not hold the test up
        subprocess.run([sys.executable, str(script)], cwd=REPO, stdout=sink, timeout=120, check=False)
    child = int(out.read_text().split()[0])
    deadline = time.monotonic() + 60
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = Path(f"/proc/{child}").exists()
    if alive:
        os.kill(child, 9)
    assert not alive, "the training child outlived its killed parent"


# -- models per person, checked before they are loaded ---------------------------------------------


def _damage(project: Project, kind: str, data: bytes, digest: bool = False) -> None:
    """Replace the stored bytes of every ``kind`` model (with a digest to match when ``digest``)."""
    values: dict[str, object] = {"data": data}
    if digest:
        values |= {"digest": stored.digest_of(data), "size": len(data)}
    with project.transaction() as s:
        s.execute(update(ModelRow).where(ModelRow.kind == kind).values(**values))


def test_a_windows_training_keeps_the_persons_own_models_over_the_shared_ones(
    project: Project, person: AnnotatorInfo
) -> None:
    training_run.train_here(project, ["a"], iterations=5)  # the shared models
    other = team.sign_in(project, "b")
    project.act_as(person.id)
    assert all(m.shared for m in Suggester(project, person).models())
    suggester = Suggester(project, person, layers=["a"], iterations=15)  # another fingerprint
    try:
        suggester.train()
        report = _wait(suggester)
        assert not report.error and ENTITY_MODEL in report.kinds, report.line
    finally:
        suggester.close()
    mine = {m.kind: m for m in suggester.models()}
    assert not mine[ENTITY_MODEL].shared and not mine[MATCHER_MODEL].shared
    theirs = {m.kind: m for m in Suggester(project, other).models()}  # b is shown the shared ones
    assert theirs[ENTITY_MODEL].shared and theirs[ENTITY_MODEL].fingerprint != mine[ENTITY_MODEL].fingerprint
    with project.reading() as s:
        assert (
            stored.stored_models(s, other.id)[ENTITY_MODEL]
            != stored.stored_models(s, person.id)[ENTITY_MODEL]
        )
        owners = sorted((r.annotator_id or 0, r.kind) for r in s.scalars(select(ModelRow)))
    assert (0, ENTITY_MODEL) in owners and (person.id, ENTITY_MODEL) in owners
    assert not [o for o, _k in owners if o == other.id]  # b's window trained nothing


def test_a_run_whose_layers_are_no_longer_asked_for_stores_nothing(
    project: Project, person: AnnotatorInfo
) -> None:
    suggester = Suggester(project, person, layers=["a"])
    try:
        suggester.train()
        suggester.layers = ("gold", "a")  # the person chose other layers meanwhile
        report = _wait(suggester)
        assert report.error and "dropped" in report.line
        assert suggester.models() == [] and suggester.recommender.empty
    finally:
        suggester.close()


def test_a_damaged_model_is_refused_before_it_is_loaded_and_says_how_to_mend_it(
    project: Project, ready: Suggester
) -> None:
    _damage(project, ENTITY_MODEL, b"lCRF" + b"\x00" * 40)  # crfsuite would crash on these bytes
    fresh = Suggester(project, ready.person)
    with pytest.raises(AnnotatorError) as caught:
        fresh.start()  # the window says "suggestions are off: ..." and goes on
    assert str(caught.value) == "the stored entities model is damaged: retrain (Ctrl+T or annotator train)"
    assert fresh.recommender.empty and {m.kind for m in fresh.models()} >= {ENTITY_MODEL}
    _damage(project, ENTITY_MODEL, b"", digest=True)
    _damage(project, MATCHER_MODEL, b'{"entries": 5}', digest=True)  # intact, but not a matcher's
    with pytest.raises(AnnotatorError, match="the stored entities model cannot be loaded"):
        fresh.start()
    fresh = Suggester(project, ready.person, layers=["a"], iterations=15)  # the same data and iterations
    try:  # retraining mends it (though up to date): the person's own models are loaded over the shared
        fresh.train()
        report = _wait(fresh)
        assert not report.error, report.line
        assert fresh.recommender.has_tagger and fresh.recommender.matcher is not None
    finally:
        fresh.close()
