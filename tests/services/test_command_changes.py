"""What each command says it changed, on apply and on revert, and what the Edit menu calls it."""

from __future__ import annotations

import pytest

from annotator.core.changes import Changes
from annotator.services import commands as c
from annotator.services.annotate import Navigator, load_sentence
from annotator.services.importing import import_paths
from annotator.store import Project, queries
from tests.conftest import SEEDS


@pytest.fixture
def ready(project: Project) -> tuple[Project, int, int, int]:
    """A project with the seeds, annotator ``a`` acting, its first sentence and that one's document."""
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    sid = Navigator(project).first()
    assert sid is not None
    return project, sid, a, load_sentence(project, sid, a).document_id


def _round_trip(project: Project, cmd: c.Command, expected: Changes, text: str) -> None:
    assert cmd.text == text
    assert cmd.apply(project) == expected, cmd.text
    assert cmd.revert(project) == expected, cmd.text
    assert cmd.apply(project) == expected, cmd.text  # a redo says the same


def test_every_command_kind_says_what_it_changed(ready: tuple[Project, int, int, int]) -> None:
    project, sid, a, doc = ready
    here = Changes.of_sentence(sid)
    gpe = c.AddEntity(sid, a, 1, 2, "GPE")
    _round_trip(project, gpe, here, "tag GPE")
    date = c.AddEntity(sid, a, 0, 1, "DATE")
    date.apply(project)
    ev = c.AddEvent(sid, a, 14, 15, "Conflict.Demonstrate")
    _round_trip(project, ev, here, "add event Conflict.Demonstrate")
    assert gpe.entity_id is not None and date.entity_id is not None and ev.event_id is not None
    arg = c.AddArgument(sid, ev.event_id, "Place", gpe.entity_id)
    _round_trip(project, arg, here, "add argument Place")
    assert arg.argument_id is not None
    cases: list[tuple[c.Command, Changes, str]] = [
        (c.SetAttribute(sid, ev.event_id, "polarity", "negative"), here, "set polarity = negative"),
        (c.RelabelEntity(sid, gpe.entity_id, "LOCATION"), here, "relabel as LOCATION"),
        (c.SetStatus(sid, a, "flagged", "check"), Changes.of_sentence(sid, progress=True), "mark flagged"),
        (c.SetSentenceStance(sid, a, "eu", "against", gpe.entity_id), here, "stance eu: against"),
        (c.SetStance(sid, a, "eu", None), here, "stance eu: none"),
        (
            c.SetDocumentStance(sid, doc, a, "kz-authorities", "favor", date.entity_id),
            Changes(sentences=frozenset({sid}), documents=frozenset({doc})),
            "document stance kz-authorities: favor",
        ),
        (
            c.SetStance(sid, a, "eu", None, level="document", document_id=doc),
            Changes(sentences=frozenset({sid}), documents=frozenset({doc})),
            "document stance eu: none",
        ),
        (c.DeleteArgument(sid, arg.argument_id), here, "delete argument"),
        (c.DeleteEntity(sid, date.entity_id), here, "delete entity"),
        (c.DeleteEvent(sid, ev.event_id), here, "delete event"),
    ]
    for cmd, expected, text in cases:
        _round_trip(project, cmd, expected, text)


def test_a_batch_says_the_union_of_its_parts(ready: tuple[Project, int, int, int]) -> None:
    project, sid, a, doc = ready
    ev = c.AddEvent(sid, a, 14, 15, "Conflict.Demonstrate")
    gpe = c.AddEntity(sid, a, 1, 2, "GPE")
    parts: list[c.Command] = [
        ev,
        gpe,
        c.SetNewEventAttribute(sid, ev, "polarity", "negative"),
        c.AddNewEventArgument(sid, ev, "Place", gpe),
        c.SetStatus(sid, a, "done"),
        c.SetDocumentStance(sid, doc, a, "eu", "favor"),
    ]
    everything = Changes(sentences=frozenset({sid}), documents=frozenset({doc}), progress=True)
    _round_trip(project, c.Batch(sid, parts, "accept"), everything, "accept")
    assert c.Batch(sid, []).changes() == Changes.of_sentence(sid)
    assert c.Batch(sid, [c.AddEntity(sid, a, 3, 4, "GPE")]).text == "edits"


def test_a_stance_is_of_a_sentence_or_a_document() -> None:
    with pytest.raises(ValueError, match="not 'paragraph'"):
        c.SetStance(1, 2, "eu", "favor", level="paragraph")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs its document"):
        c.SetStance(1, 2, "eu", "favor", level="document")
