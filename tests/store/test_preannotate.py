"""Pre-annotation in bulk: entities, events (with the schema's default attributes) and stance go in
with the batch recorded; taking the batch out and putting it back gives the same rows, same ids."""

from __future__ import annotations

from annotator.services.importing import import_paths
from annotator.store import Project, preannotate, queries
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
        taken = preannotate.take_out(s, a)
    assert taken is not None and taken.sentences == {1, 2}
    assert dump(project) == before
    with project.reading() as s:
        assert stored.applied_batch(s, a) is None
    with project.transaction() as s:
        preannotate.put_back(s, taken)
    after = dump(project)
    assert {k: v for k, v in after.items() if k != "applied_suggestions"} == {
        k: v for k, v in applied.items() if k != "applied_suggestions"
    }
    assert [row[1:] for row in after["applied_suggestions"]] == [
        row[1:] for row in applied["applied_suggestions"]
    ]
    with project.transaction() as s:
        assert preannotate.take_out(s, a) is not None
        assert preannotate.take_out(s, a) is None  # nothing pending any more
