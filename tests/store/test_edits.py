"""The store's edit API refuses what the schema does not admit, whoever calls it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from annotator.core.errors import StoreError
from annotator.services.importing import import_paths
from annotator.store import Project, edits, queries, stance
from tests.conftest import SEEDS, dump


@pytest.fixture
def setup(project: Project) -> tuple[Project, int, int, int, int]:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        first, second = s.execute(text("SELECT id FROM sentences ORDER BY id LIMIT 2")).scalars().all()
        a = queries.ensure_annotator(s, "a").id
        b = queries.ensure_annotator(s, "b").id
    project.act_as(a)
    return project, first, second, a, b


def test_a_full_sentence_layer_can_be_built(setup: tuple[Project, int, int, int, int]) -> None:
    project, sid, _, a, _ = setup
    schema = project.schema
    with project.transaction() as s:
        gpe = edits.add_entity(s, schema, sid, a, 1, 2, "GPE")
        date = edits.add_entity(s, schema, sid, a, 0, 1, "DATE")
        ev = edits.add_event(s, schema, sid, a, 14, 15, "Conflict.Demonstrate", {"tense": "past"})
        edits.add_argument(s, schema, ev, "Place", gpe)
        edits.add_argument(s, schema, ev, "Time", date)
        assert edits.set_event_attribute(s, schema, ev, "polarity", "negative") == "positive"
        stance.set_stance(s, schema, "sentence", sid, a, "eu", "favor", gpe)
        edits.set_status(s, sid, a, "done", "ok")
        assert edits.relabel_entity(s, schema, gpe, "LOCATION") == "GPE"
    with project.transaction() as s:
        assert queries.stats(s)["annotators"]["a"] == {"entities": 2, "events": 1, "stance": 1, "done": 1}
        edits.delete_entity(s, gpe)
    with project.engine.connect() as c:
        assert c.execute(text("SELECT role FROM event_arguments")).scalars().all() == ["Time"]
        assert c.execute(text("SELECT holder_id FROM sentence_stance")).scalars().all() == [None]


def test_refusals(setup: tuple[Project, int, int, int, int]) -> None:
    project, sid, other_sid, a, b = setup
    schema = project.schema
    project.act_as(b)
    with project.transaction() as s:
        foreign = edits.add_entity(s, schema, sid, b, 3, 4, "GPE")
    project.act_as(a)
    with project.transaction() as s:
        ent = edits.add_entity(s, schema, sid, a, 0, 2, "PERSON")
        elsewhere = edits.add_entity(s, schema, other_sid, a, 0, 1, "GPE")
        ev = edits.add_event(s, schema, sid, a, 5, 6, "Contact.Meet")
    before = dump(project)
    cases = [
        (lambda s: edits.add_entity(s, schema, sid, a, 3, 4, "CITY"), "entity label 'CITY' is not in"),
        (lambda s: edits.add_entity(s, schema, sid, a, 20, 99, "GPE"), "lie outside the sentence"),
        (
            lambda s: edits.add_entity(s, schema, sid, a, 1, 3, "GPE"),
            "overlap, which the schema forbids",
        ),
        (lambda s: edits.add_entity(s, schema, sid, a, 0, 2, "PERSON"), "already there"),
        (lambda s: edits.add_event(s, schema, sid, a, 1, 2, "Sports.Win"), "event type 'Sports.Win'"),
        (
            lambda s: edits.add_event(s, schema, sid, a, 1, 2, "Contact.Meet", {"tense": "someday"}),
            "tense cannot be 'someday'",
        ),
        (lambda s: edits.add_argument(s, schema, ev, "Speaker", ent), "role 'Speaker' does not belong"),
        (lambda s: edits.add_argument(s, schema, ev, "Entity", foreign), "same sentence and annotator"),
        (
            lambda s: edits.add_argument(s, schema, ev, "Entity", elsewhere),
            "same sentence and annotator",
        ),
        (lambda s: stance.set_stance(s, schema, "sentence", sid, a, "eu", "love"), "stance label 'love'"),
        (
            lambda s: stance.set_stance(s, schema, "sentence", sid, a, "nasa", "favor"),
            "stance target 'nasa'",
        ),
        (lambda s: stance.set_stance(s, schema, "sentence", sid, a, "eu", "favor", elsewhere), "holder"),
        (lambda s: edits.set_status(s, sid, a, "finished"), "status 'finished'"),
    ]
    for call, fragment in cases:
        with pytest.raises(StoreError) as info, project.transaction() as s:
            call(s)
        assert fragment in str(info.value)
    assert dump(project) == before


def test_roles_are_enforced_by_the_store_whoever_calls_it(setup: tuple[Project, int, int, int, int]) -> None:
    project, sid, _, a, b = setup
    schema = project.schema
    with project.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer").id
        gold = queries.ensure_annotator(s, "gold").id
        mine = edits.add_entity(s, schema, sid, a, 0, 1, "DATE")
    project.act_as(boss)
    with project.transaction() as s:
        golden = edits.add_entity(s, schema, sid, gold, 1, 2, "GPE")  # a reviewer writes gold
        edits.set_status(s, sid, gold, "done")
    before = dump(project, activity=True)
    assert [r[:2] for r in before["activity"]] == [(a, 1), (boss, 2)]  # whose edits, and how many
    refused = [
        (a, lambda s: edits.add_entity(s, schema, sid, gold, 3, 4, "GPE"), "only reviewers write the gold"),
        (a, lambda s: edits.delete_entity(s, golden), "only reviewers write the gold"),
        (a, lambda s: edits.set_status(s, sid, b, "done"), "cannot change b's annotations"),
        (b, lambda s: edits.relabel_entity(s, schema, mine, "TIME"), "cannot change a's annotations"),
        (b, lambda s: edits.delete_entity(s, mine), "cannot change a's annotations"),
        (boss, lambda s: edits.delete_entity(s, mine), "cannot change a's annotations"),
        (gold, lambda s: edits.add_entity(s, schema, sid, gold, 3, 4, "GPE"), "nobody edits as the gold"),
        (None, lambda s: edits.add_entity(s, schema, sid, a, 3, 4, "GPE"), "names nobody"),
    ]
    for actor, call, fragment in refused:
        project.act_as(actor)
        with pytest.raises(StoreError) as info, project.transaction() as s:
            call(s)
        assert fragment in str(info.value), (actor, fragment)
    assert dump(project, activity=True) == before
    # Demoting the reviewer takes effect at the next edit.
    with project.engine.begin() as c:
        c.execute(text("UPDATE annotators SET role = 'annotator' WHERE name = 'boss'"))
    project.act_as(boss)
    with pytest.raises(StoreError, match="only reviewers"), project.transaction() as s:
        edits.delete_entity(s, golden)


def test_deleting_a_missing_argument_is_refused_like_every_other_delete(
    setup: tuple[Project, int, int, int, int],
) -> None:
    project, sid, _, a, _ = setup
    schema = project.schema
    with project.transaction() as s:
        gpe = edits.add_entity(s, schema, sid, a, 1, 2, "GPE")
        ev = edits.add_event(s, schema, sid, a, 14, 15, "Conflict.Demonstrate")
        arg = edits.add_argument(s, schema, ev, "Place", gpe)
    with project.transaction() as s:
        edits.delete_argument(s, arg)
    before = dump(project)
    for call, what in (
        (lambda s: edits.delete_argument(s, arg), "argument"),
        (lambda s: edits.delete_entity(s, gpe + 1000), "entity"),
        (lambda s: edits.delete_event(s, ev + 1000), "event"),
    ):
        with pytest.raises(StoreError, match=f"there is no {what}"), project.transaction() as s:
            call(s)
    assert dump(project) == before


def test_removing_an_attribute_row_gives_back_its_value(setup: tuple[Project, int, int, int, int]) -> None:
    project, sid, _, a, _ = setup
    schema = project.schema
    with project.transaction() as s:
        ev = edits.add_event(s, schema, sid, a, 14, 15, "Conflict.Demonstrate")
        assert edits.clear_event_attribute(s, ev, "polarity") == "positive"
        assert edits.clear_event_attribute(s, ev, "polarity") is None
    with project.engine.connect() as conn:
        names = conn.execute(
            text("SELECT name FROM event_attributes WHERE event_id = :e"), {"e": ev}
        ).scalars()
        assert "polarity" not in set(names)
