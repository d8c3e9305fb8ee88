"""An edit and its undo touch the rows of their sentence through indexes: never a whole layer table.

At a million sentences a table read whole is tens of milliseconds per key (measured: the holder
lookup of sentence stance cost a label 30 ms on a corpus with stance).
"""

from __future__ import annotations

import pytest

from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services.annotation_session import AnnotationSession
from annotator.store import Project, queries
from tests.plans import full_scans, plans_of
from tests.traffic import watching

pytestmark = pytest.mark.timeout(120)

LAYER_TABLES = (
    "entities",
    "events",
    "event_arguments",
    "sentence_stance",
    "document_stance",
    "sentence_status",
)


@pytest.fixture
def session(project: Project) -> AnnotationSession:
    """Person ``a``'s session on the seeds, at its first sentence (SQLite: the plans are its own)."""
    if project.engine.dialect.name != "sqlite":
        pytest.skip("the plans read are SQLite's (PostgreSQL has the same indexes)")
    projects.load_seeds(project)
    with project.transaction() as s:
        person = queries.ensure_annotator(s, "a")
    editing = AnnotationSession(project, person)
    assert editing.start() is not None
    return editing


def test_a_label_its_deletion_and_their_undo_read_no_layer_table_whole(
    project: Project, session: AnnotationSession
) -> None:
    view, me = session.view, session.person.id
    assert view is not None
    sid, doc = view.id, view.document_id

    def edits() -> None:
        assert session.execute(c.AddEntity(sid, me, 0, 1, "PERSON")).stored
        (entity,) = session.view.entities  # type: ignore[union-attr]
        assert session.execute(c.SetStance(sid, me, "eu", "favor", entity.id)).stored
        assert session.execute(c.SetStance(sid, me, "eu", "against", entity.id, "document", doc)).stored
        assert session.execute(c.DeleteEntity(sid, entity.id)).stored
        for _ in range(4):
            assert session.undo().stored
        assert session.redo().stored

    plans = plans_of(project, edits, ("SELECT", "UPDATE", "DELETE"))
    assert full_scans(plans, LAYER_TABLES) == [], plans


def test_an_event_its_arguments_a_status_and_their_undo_read_no_layer_table_whole(
    project: Project, session: AnnotationSession
) -> None:
    view, me = session.view, session.person.id
    assert view is not None
    sid = view.id

    def edits() -> None:
        assert session.execute(c.AddEntity(sid, me, 0, 1, "PERSON")).stored
        assert session.execute(c.AddEvent(sid, me, 2, 3, "Contact.Meet")).stored
        (entity,) = session.view.entities  # type: ignore[union-attr]
        (event,) = session.view.events  # type: ignore[union-attr]
        assert session.execute(c.AddArgument(sid, event.id, "Entity", entity.id)).stored
        assert session.execute(c.SetAttribute(sid, event.id, "tense", "future")).stored
        assert session.execute(c.SetStatus(sid, me, "done")).stored
        assert session.execute(c.DeleteEvent(sid, event.id)).stored
        for _ in range(6):
            assert session.undo().stored
        assert session.redo().stored

    plans = plans_of(project, edits, ("SELECT", "UPDATE", "DELETE"))
    assert full_scans(plans, LAYER_TABLES) == [], plans


def _reads_of(statements: list[str], table: str) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT") and f"FROM {table}" in s]


def test_a_label_reads_nothing_back_and_its_undo_reads_the_entity_once(project: Project) -> None:
    """The commonest edit: a new entity's snapshot for undo is what was written (nothing can hang
    on it before it commits), and an undo on SQLite reads the entity once (the write lock was
    taken at BEGIN); on PostgreSQL it is read again after the sentence's lock."""
    projects.load_seeds(project)
    with project.transaction() as s:
        person = queries.ensure_annotator(s, "a")
    session = AnnotationSession(project, person)
    view = session.start().view  # type: ignore[union-attr]
    command = c.AddEntity(view.id, person.id, 0, 1, "PERSON")
    with watching(project) as traffic:
        assert session.execute(command).stored
    shown = next(i for i, s in enumerate(traffic.statements) if "JOIN documents" in s)  # read again
    label = traffic.statements[:shown]
    assert any(s.startswith("INSERT INTO entities") for s in label)
    assert [s for s in label if "FROM entities WHERE entities.id" in " ".join(s.split())] == []
    for table in ("event_arguments", "sentence_stance", "document_stance"):
        assert _reads_of(label, table) == [], table
    with watching(project) as traffic:
        assert session.undo().stored
    assert session.view is not None and session.view.entities == ()
    rereads = [s for s in _reads_of(traffic.statements, "entities") if "WHERE entities.id =" in s]
    assert len(rereads) == (1 if project.engine.dialect.name == "sqlite" else 2)
    assert session.redo().stored  # the snapshot taken from what was written restores it
    redone = session.view
    assert redone is not None
    (entity,) = redone.entities
    assert (entity.id, entity.token_start, entity.token_end, entity.label) == (
        command.entity_id,
        0,
        1,
        "PERSON",
    )
