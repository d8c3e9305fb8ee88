"""Disagreements are found and resolved into gold with undoable commands."""

from __future__ import annotations

import pytest

from annotator.core.errors import StoreError
from annotator.services import commands as c
from annotator.services.adjudicate import (
    accept_agreed,
    accept_entity,
    accept_event,
    accept_stance,
    disagreements,
    gold_id,
)
from annotator.services.annotate import load_sentence
from annotator.store import Project
from tests.conftest import dump


def test_disagreements_name_the_sentence_layer_and_difference(three: Project) -> None:
    found = disagreements(three, ["a", "b", "c"])
    assert [(d.document, d.position, d.layer) for d in found] == [
        ("ex-0001", 1, "entities"),
        ("ex-0002", 0, "entities"),
    ]
    assert "a: CARDINAL 4–4" in found[0].detail and "b: QUANTITY 4–4" in found[0].detail
    assert "c: —" in found[1].detail


def test_accept_agreed_then_one_version_into_gold_and_undo(reviewing: Project) -> None:
    three = reviewing
    sid = disagreements(three, ["a", "b", "c"])[0].sentence_id
    gold = gold_id(three)
    agreed = accept_agreed(three, sid, ["a", "b", "c"])
    assert agreed is not None
    agreed.apply(three)
    assert [(e.token_start, e.token_end, e.label) for e in load_sentence(three, sid, gold).entities] == [
        (0, 3, "POSITION")
    ]
    assert accept_agreed(three, sid, ["a", "b", "c"]) is None
    before = dump(three)
    pick = accept_entity(three, sid, 3, 4, "CARDINAL")
    pick.apply(three)
    labels = [e.label for e in load_sentence(three, sid, gold).entities]
    assert labels == ["POSITION", "CARDINAL"]
    replace = accept_entity(three, sid, 3, 4, "QUANTITY")  # b's version replaces the overlapping gold span
    replace.apply(three)
    assert [e.label for e in load_sentence(three, sid, gold).entities] == ["POSITION", "QUANTITY"]
    replace.revert(three)
    pick.revert(three)
    assert dump(three) == before


def test_a_failing_batch_leaves_nothing_behind(reviewing: Project) -> None:
    three = reviewing
    sid = disagreements(three, ["a", "b", "c"])[0].sentence_id
    gold = gold_id(three)
    before = dump(three)
    batch = c.Batch(sid, [c.AddEntity(sid, gold, 0, 1, "GPE"), c.AddEntity(sid, gold, 0, 2, "PERSON")])
    with pytest.raises(StoreError, match="overlap"):
        batch.apply(three)
    assert dump(three) == before


def test_accept_event_with_arguments_and_stance_then_undo_and_redo(reviewing: Project) -> None:
    from annotator.store import queries

    three = reviewing
    reviewer = three.actor_id
    sid = disagreements(three, ["a", "b", "c"])[0].sentence_id
    with three.transaction() as s:
        a = queries.find_annotator(s, "a")
    assert a is not None
    three.act_as(a.id)
    view = load_sentence(three, sid, a.id)
    position = next(e for e in view.entities if e.label == "POSITION")
    event = c.AddEvent(sid, a.id, 6, 7, "Contact.Statement")
    event.apply(three)
    assert event.event_id is not None
    c.AddArgument(sid, event.event_id, "Speaker", position.id).apply(three)
    c.SetAttribute(sid, event.event_id, "tense", "past").apply(three)
    c.SetSentenceStance(sid, a.id, "kz-authorities", "neutral").apply(three)
    with pytest.raises(StoreError, match="only reviewers write the gold"):
        accept_event(three, sid, "a", event.event_id).apply(three)
    three.act_as(reviewer)
    before = dump(three)
    accept = accept_event(three, sid, "a", event.event_id)
    accept.apply(three)
    gold = load_sentence(three, sid, gold_id(three))
    assert [(e.type, e.token_start, e.token_end) for e in gold.events] == [("Contact.Statement", 6, 7)]
    assert gold.events[0].attributes["tense"] == "past"
    (arg,) = gold.events[0].arguments
    assert arg.role == "Speaker" and gold.entity(arg.entity_id).label == "POSITION"  # type: ignore[union-attr]
    stance = accept_stance(three, sid, "a")
    assert stance is not None
    stance.apply(three)
    assert load_sentence(three, sid, gold_id(three)).stance == {"kz-authorities": ("neutral", None)}
    after = dump(three)
    stance.revert(three)
    accept.revert(three)
    assert dump(three) == before
    accept.apply(three)
    stance.apply(three)
    assert dump(three) == after
