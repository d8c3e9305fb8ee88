"""Every command applies, reverts and re-applies to exactly the same rows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from annotator.services import commands as c
from annotator.services.annotate import Navigator, load_sentence, progress, search
from annotator.services.importing import import_paths
from annotator.store import Project, queries
from tests.conftest import SEEDS, dump


@pytest.fixture
def ready(project: Project) -> tuple[Project, Navigator, int, int]:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    nav = Navigator(project)
    first = nav.first()
    assert first is not None
    return project, nav, first, a


def test_undo_redo_of_every_command_restores_the_same_rows(
    ready: tuple[Project, Navigator, int, int],
) -> None:
    project, _, sid, a = ready
    doc = load_sentence(project, sid, a).document_id
    ent = c.AddEntity(sid, a, 1, 2, "GPE")
    date = c.AddEntity(sid, a, 0, 1, "DATE")
    ev = c.AddEvent(sid, a, 14, 15, "Conflict.Demonstrate")
    steps: list[c.Command] = [ent, date, ev]
    for cmd in steps:
        cmd.apply(project)
    assert ent.entity_id is not None and ev.event_id is not None and date.entity_id is not None
    more: list[c.Command] = [
        c.AddArgument(sid, ev.event_id, "Place", ent.entity_id),
        c.SetAttribute(sid, ev.event_id, "polarity", "negative"),
        c.SetSentenceStance(sid, a, "eu", "against", ent.entity_id),
        c.SetDocumentStance(sid, doc, a, "kz-authorities", "favor", date.entity_id),
        c.RelabelEntity(sid, ent.entity_id, "LOCATION"),
        c.SetStatus(sid, a, "flagged", "check"),
        c.DeleteEntity(sid, ent.entity_id),
        c.DeleteEvent(sid, ev.event_id),
    ]
    states = [dump(project)]
    for cmd in more:
        cmd.apply(project)
        states.append(dump(project))
    for cmd, before in zip(reversed(more), reversed(states[:-1]), strict=True):
        cmd.revert(project)
        assert dump(project) == before, cmd.text

    def timeless(state: dict) -> dict:  # a redo is a new edit: its status gets a new time
        return {**state, "sentence_status": [row[:-1] for row in state["sentence_status"]]}

    for cmd, after in zip(more, states[1:], strict=True):
        cmd.apply(project)
        assert timeless(dump(project)) == timeless(after), cmd.text


def test_sentence_view_shows_only_the_annotators_own_layer(
    ready: tuple[Project, Navigator, int, int],
) -> None:
    project, _, sid, a = ready
    with project.transaction() as s:
        b = queries.ensure_annotator(s, "b").id
    project.act_as(b)
    c.AddEntity(sid, b, 1, 2, "GPE").apply(project)
    project.act_as(a)
    c.AddEntity(sid, a, 0, 1, "DATE").apply(project)
    view = load_sentence(project, sid, a)
    assert [(e.label, view.token_text(e.token_start, e.token_end)) for e in view.entities] == [
        ("DATE", "Бүгін")
    ]
    assert [e.label for e in load_sentence(project, sid, b).entities] == ["GPE"]


def test_navigation_progress_and_search(ready: tuple[Project, Navigator, int, int]) -> None:
    project, nav, first, a = ready
    assert nav.step(first, -1) is None
    second = nav.step(first, 1)
    assert second is not None and load_sentence(project, second, a).ordinal == 1
    last_of_first_doc = nav.sentences(nav.documents[0])[-1]
    assert nav.step(last_of_first_doc, 1) == nav.sentences(nav.documents[1])[0]
    c.SetStatus(first, a, "done").apply(project)
    assert nav.next_not_done(first, a) == second
    assert progress(project, a, nav.documents[0]) == type(progress(project, a, nav.documents[0]))(
        1, 14, 1, 35
    )
    hits = search(project, "INFORMBURO.KZ")
    assert [(h[1], h[2]) for h in hits] == [("002_de800ccdcc165eec", 1)]
    # Every seed line naming the European Parliament, in any case, in corpus order (both seeds).
    expected = [
        (seed.stem, i)
        for seed in sorted(SEEDS.glob("*.txt"))
        for i, line in enumerate(
            line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()
        )
        if "еуропарламент" in line.casefold()
    ]
    assert len({name for name, _ in expected}) == 2
    assert [(h[1], h[2]) for h in search(project, "еуропарламент")] == expected


def test_undo_of_an_attribute_the_event_had_no_row_for_removes_that_row(
    ready: tuple[Project, Navigator, int, int],
) -> None:
    project, _, sid, a = ready
    ev = c.AddEvent(sid, a, 14, 15, "Conflict.Demonstrate")
    ev.apply(project)
    with project.engine.begin() as conn:  # an event imported without this attribute
        conn.execute(
            text("DELETE FROM event_attributes WHERE event_id = :e AND name = 'polarity'"), {"e": ev.event_id}
        )
    before = dump(project)
    assert ev.event_id is not None
    cmd = c.SetAttribute(sid, ev.event_id, "polarity", "negative")
    cmd.apply(project)
    after = dump(project)
    assert after != before
    cmd.revert(project)
    assert dump(project) == before
    cmd.apply(project)
    assert dump(project) == after
