"""Pre-annotation in bulk: entities, events (with the schema's default attributes) and stance go in
with the batch recorded; taking the batch out and putting it back gives the same rows, same ids."""

from __future__ import annotations

from annotator.services.importing import import_paths
from annotator.store import Project, edits, preannotate, putback, queries
from annotator.store import suggestions as stored
from tests.conftest import SEEDS, dump


def test_apply_take_out_and_put_back_restore_exactly_the_same_rows(project: Project) -> None:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    before = dump(project)
    with project.transaction() as s:
        batch = preannotate.apply_rows(
            s,
            project.schema,
            a,
            entities=[(1, 0, 1, "DATE"), (2, 1, 3, "PERSON")],
            events=[(1, 3, 4, "Conflict.Demonstrate")],
            stance=[(2, "eu", "against")],
        )
    assert [row[1:] for row in batch.entities] == [(1, 0, 0, "DATE"), (2, 1, 2, "PERSON")]
    assert batch.sentences == {1, 2}
    applied = dump(project)
    attributes = applied["event_attributes"]
    assert {name for _event, name, _value in attributes} == set(project.schema.default_attributes())
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None and taken.sentences == {1, 2}
    assert dump(project) == before
    with project.reading() as s:
        assert stored.applied_batch(s, a) is None
    with project.transaction() as s:
        putback.put_back(s, project.schema, taken)
    after = dump(project)
    assert {k: v for k, v in after.items() if k != "applied_suggestions"} == {
        k: v for k, v in applied.items() if k != "applied_suggestions"
    }
    assert [row[1:] for row in after["applied_suggestions"]] == [
        row[1:] for row in applied["applied_suggestions"]
    ]
    with project.transaction() as s:
        assert preannotate.take_out(s, project.schema, a) is not None
        assert preannotate.take_out(s, project.schema, a) is None  # nothing pending any more


def _setup(project: Project) -> int:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
    project.act_as(a)
    return a


def _entities(project: Project, a: int) -> list[tuple[int, int, int, int, str]]:
    """(id, sentence, start, last, label) of a's entities, by id."""
    return sorted((e[0], e[1], e[3], e[4], e[5]) for e in dump(project)["entities"] if e[2] == a)


def test_an_apply_that_adds_nothing_keeps_the_batch_and_a_new_apply_merges_into_it(project: Project) -> None:
    a = _setup(project)
    with project.transaction() as s:
        first = preannotate.apply_rows(s, project.schema, a, [(1, 0, 1, "DATE")], [], [])
    with project.transaction() as s:
        empty = preannotate.apply_rows(s, project.schema, a, [], [], [])
    assert not empty.sentences
    with project.reading() as s:
        assert stored.applied_batch(s, a) is not None  # the first batch can still be undone
    with project.transaction() as s:
        second = preannotate.apply_rows(s, project.schema, a, [(2, 1, 3, "PERSON")], [], [(3, "eu", "for")])
    with project.reading() as s:
        pending = stored.applied_batch(s, a)
    assert pending is not None and pending.sentences == {1, 2, 3}
    assert set(pending.entities) == set(first.entities) | set(second.entities)
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None and taken.sentences == {1, 2, 3}
    assert _entities(project, a) == [] and dump(project)["sentence_stance"] == []


def test_the_undo_leaves_alone_sentences_marked_or_changed_since_and_they_leave_the_record(
    project: Project,
) -> None:
    a = _setup(project)
    with project.transaction() as s:
        batch = preannotate.apply_rows(
            s,
            project.schema,
            a,
            [(1, 0, 1, "DATE"), (2, 0, 1, "DATE"), (2, 1, 3, "PERSON"), (3, 0, 1, "DATE")],
            [],
            [],
        )
    with project.transaction() as s:
        edits.set_status(s, 1, a, "done")
        edits.delete_entity(s, batch.entities[1][0])  # sentence 2: the person corrected it
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None and taken.sentences == {3}
    left = _entities(project, a)
    assert [e[1:] for e in left] == [(1, 0, 0, "DATE"), (2, 1, 2, "PERSON")]
    with project.transaction() as s:
        assert putback.put_back(s, project.schema, taken) == 0
    with project.reading() as s:
        pending = stored.applied_batch(s, a)
    assert pending is not None and pending.sentences == {3}  # the others are the person's now
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None and [e[1:] for e in _entities(project, a)] == [
        (1, 0, 0, "DATE"),
        (2, 1, 2, "PERSON"),
    ]


def test_the_redo_puts_back_what_still_fits_with_new_ids_where_theirs_were_reused(project: Project) -> None:
    a = _setup(project)
    with project.transaction() as s:
        batch = preannotate.apply_rows(
            s, project.schema, a, [(3, 0, 1, "DATE"), (1, 0, 1, "DATE"), (2, 1, 3, "PERSON")], [], []
        )
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None
    with project.transaction() as s:
        reused = edits.add_entity(s, project.schema, 4, a, 0, 1, "DATE")  # SQLite gives a freed id
        edits.add_entity(s, project.schema, 1, a, 0, 2, "PERSON")  # overlaps what was there
        edits.set_status(s, 2, a, "done")  # the person's now
    if project.url.startswith("sqlite"):
        assert reused == batch.entities[0][0]  # the id of the row sentence 3 had
    with project.transaction() as s:
        assert putback.put_back(s, project.schema, taken) == 2
    mine = _entities(project, a)
    back = [e for e in mine if e[1] == 3]
    assert len(back) == 1 and back[0][1:] == (3, 0, 0, "DATE")
    assert [e[1:] for e in mine if e[1] == 1] == [(1, 0, 1, "PERSON")]
    with project.reading() as s:
        pending = stored.applied_batch(s, a)
    assert pending is not None and [row[0] for row in pending.entities] == [back[0][0]]
    with project.transaction() as s:
        assert preannotate.take_out(s, project.schema, a) is not None
    assert sorted(e[1] for e in _entities(project, a)) == [1, 4]


def test_an_event_whose_attribute_was_corrected_after_the_apply_is_kept(project: Project) -> None:
    a = _setup(project)
    attribute = project.schema.attributes[0]
    other = next(v for v in attribute.values if v != attribute.default)
    with project.transaction() as s:
        batch = preannotate.apply_rows(
            s,
            project.schema,
            a,
            [],
            [(1, 3, 4, "Conflict.Demonstrate"), (2, 0, 1, "Conflict.Demonstrate")],
            [],
        )
    with project.transaction() as s:
        edits.set_event_attribute(s, project.schema, batch.events[0][0], attribute.name, other)
    with project.transaction() as s:
        taken = preannotate.take_out(s, project.schema, a)
    assert taken is not None and taken.sentences == {2}
    assert [(e[0], e[1]) for e in dump(project)["events"]] == [(batch.events[0][0], 1)]
