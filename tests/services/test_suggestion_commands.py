"""Accepting, rejecting and labelling occurrences are ordinary undoable edits, on both backends."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import ENTITY, STANCE, TRIGGER, Suggestion
from annotator.services import commands as c
from annotator.services.importing import import_paths
from annotator.store import Project, queries
from annotator.store import suggestions as stored
from tests.conftest import SEEDS, dump
from tests.stored import entities


@pytest.fixture
def ready(project: Project) -> tuple[Project, int, int]:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    with project.reading() as s:
        first = min(sentence.id for sentence in queries.document_sentences(s, 1))
    return project, first, a


def _verdicts(project: Project, sid: int, a: int) -> tuple[set[stored.FeedbackKey], tuple[int, int]]:
    with project.reading() as s:
        return stored.rejected(s, sid, a), stored.feedback_counts(s, a)


GPE = Suggestion(ENTITY, 1, 2, "GPE", 0.9, "tagger")


def test_accept_makes_the_entity_and_the_verdict_undo_removes_both_redo_brings_back_the_same_rows(
    ready: tuple[Project, int, int],
) -> None:
    project, sid, a = ready
    before = dump(project)
    accept = c.AcceptSuggestion(sid, a, GPE)
    changes = accept.apply(project)
    assert sid in changes.sentences
    assert [e[2:] for e in entities(project, "a")] == [(1, 2, "GPE")]
    assert _verdicts(project, sid, a) == (set(), (1, 0))
    after = dump(project)
    accept.revert(project)
    assert dump(project) == before
    accept.apply(project)
    assert dump(project) == after  # the same entity id, the same verdict row


def test_accepting_a_trigger_and_a_stance_makes_an_event_and_a_sentence_stance(
    ready: tuple[Project, int, int],
) -> None:
    project, sid, a = ready
    trigger = Suggestion(TRIGGER, 3, 4, "Conflict.Demonstrate", 0.7, "tagger")
    stance = Suggestion(STANCE, 0, 0, "against", 0.6, "classifier", target="eu")
    batch = c.accept_all(sid, a, [trigger, stance])
    batch.apply(project)
    with project.reading() as s:
        counts = queries.stats(s)["annotators"]["a"]
    assert (counts["events"], counts["stance"]) == (1, 1)
    assert _verdicts(project, sid, a)[1] == (2, 0)
    batch.revert(project)
    with project.reading() as s:
        counts = queries.stats(s)["annotators"]["a"]
    assert (counts["events"], counts["stance"]) == (0, 0)
    assert _verdicts(project, sid, a)[1] == (0, 0)


def test_a_rejected_suggestion_is_remembered_until_the_rejection_is_undone(
    ready: tuple[Project, int, int],
) -> None:
    project, sid, a = ready
    reject = c.RejectSuggestion(sid, a, GPE)
    reject.apply(project)
    assert _verdicts(project, sid, a) == ({(ENTITY, 1, 2, "GPE", "")}, (0, 1))
    assert not entities(project, "a")
    reject.revert(project)
    assert _verdicts(project, sid, a) == (set(), (0, 0))


def test_labelling_occurrences_is_one_batch_naming_every_sentence(ready: tuple[Project, int, int]) -> None:
    project, sid, a = ready
    others = [c.Occurrence(sid + 1, 0, 1, "x", "x"), c.Occurrence(sid + 2, 1, 2, "y", "y")]
    batch = c.label_occurrences(sid, a, others, "PERSON")
    changes = batch.apply(project)
    assert changes.sentences == {sid, sid + 1, sid + 2}
    assert len(entities(project, "a")) == 2
    batch.revert(project)
    assert not entities(project, "a")
