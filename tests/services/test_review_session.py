"""The review window's state without Qt: the disagreements, moving among them, the numbers and
gold edits, each announced to the listeners with what changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.changes import Changes
from annotator.core.errors import StoreUnavailable
from annotator.services import review_session
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.review_session import NoEdit, ReviewChange, ReviewSession
from annotator.store import Project, Session, queries
from tests.conftest import FIXTURES, write


@pytest.fixture
def two(project: Project, tmp_path: Path) -> Project:
    """Two annotators over the CoNLL example: b calls "53" a QUANTITY and misses Хайди Хаутала."""
    src = (FIXTURES / "example.conll").read_text(encoding="utf-8")
    b = src.replace("53\tB-CARDINAL", "53\tB-QUANTITY").replace(
        "Хайди\tB-PERSON\nХаутала\tI-PERSON", "Хайди\tO\nХаутала\tO"
    )
    for name, text in {"a": src, "b": b}.items():
        import_paths(
            project, [write(tmp_path / name / "ex.conll", text)], ImportOptions(annotator=name, status="done")
        )
    return project


@pytest.fixture
def heard(two: Project) -> tuple[ReviewSession, list[ReviewChange]]:
    """A reviewer's session on ``two``, and every change it announced (refreshed once)."""
    with two.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer")
    session = ReviewSession(two, boss)
    changes: list[ReviewChange] = []
    session.subscribe(changes.append)
    assert session.refresh()
    return session, changes


def spans(session: ReviewSession, layer: int) -> list[tuple[int, int, str]]:
    return [(e.token_start, e.token_end, e.label) for e in session.versions[layer].entities]


def test_refresh_lists_the_disagreements_and_shows_the_first(
    heard: tuple[ReviewSession, list[ReviewChange]],
) -> None:
    session, changes = heard
    assert session.annotators == ["a", "b"]
    assert [name for name, _ in session.layers] == ["a", "b", "gold"]
    assert session.layers[-1][1] == session.gold.id
    assert [(d.document, d.position, d.layer) for d in session.items] == [
        ("ex-0001", 1, "entities"),
        ("ex-0002", 0, "entities"),
    ]
    assert changes == [ReviewChange(items=True), ReviewChange(row=True, sentence=True)]
    assert session.lines()[0] == f"ex-0001 · 2 · entities: {session.items[0].detail}"
    assert "a: CARDINAL 4–4" in session.items[0].detail and "b: QUANTITY 4–4" in session.items[0].detail
    assert session.row == 0 and session.sentence_id == session.items[0].sentence_id
    assert session.current == session.items[0]
    assert spans(session, 0) == [(0, 3, "POSITION"), (3, 4, "CARDINAL")]
    assert spans(session, 2) == []  # gold holds nothing yet
    assert session.differs == [{(3, 4, "CARDINAL")}, {(3, 4, "QUANTITY")}, set()]
    assert session.summary == "computing agreement…"


def test_moving_goes_from_one_disagreement_to_the_next_and_stops_at_the_ends(
    heard: tuple[ReviewSession, list[ReviewChange]],
) -> None:
    session, changes = heard
    changes.clear()
    session.move(-1)  # already the first
    assert changes == [] and session.row == 0
    session.move(1)
    assert session.row == 1 and session.sentence_id == session.items[1].sentence_id
    assert not session.kept  # another sentence: the views put their cursors on the first token
    assert session.differs[0] == {(0, 2, "PERSON")}
    session.move(1)  # already the last
    assert changes == [ReviewChange(row=True, sentence=True)] and session.row == 1
    session.move(-1)
    assert session.row == 0 and session.current == session.items[0]
    session.select(7)  # out of range: nothing
    assert session.row == 0 and len(changes) == 2


def test_the_numbers_and_the_label_filter(heard: tuple[ReviewSession, list[ReviewChange]]) -> None:
    session, changes = heard
    assert session.label_options() == [("all labels", "")]  # before the numbers are in
    changes.clear()
    session.numbers_ready(session.agreement())
    assert changes == [ReviewChange(numbers=True, summary=True)]
    numbers = session.numbers
    assert numbers is not None and session.summary == numbers.summary
    assert numbers.summary.startswith(
        "Compared: 2 documents, 3 sentences covered by two or more of them (marked done). Entities: alpha "
    )
    assert "a/b F1 0.769 (2 documents, 3 sentences)" in numbers.summary
    assert "Events: no data. Stance: no data." in numbers.summary  # nobody gave either
    assert [row[0] for row in numbers.label_rows[:3]] == ["CARDINAL", "QUANTITY", "PERSON"]
    assert numbers.label_rows[0][1:] == ("0.000", "0", "1")  # lowest F1 first: fp, fn as text
    assert numbers.confusion == {
        (label, label): 1 for label in ("DATE", "GPE", "ORGANISATION", "POSITION", "PERSON")
    } | {("CARDINAL", "QUANTITY"): 1}
    # Only entities have data: one heatmap, and a line instead of each empty layer's heatmap.
    assert len(numbers.heatmaps) == 1 and numbers.heatmaps[0].startswith("<svg")
    assert numbers.no_data == ["trigger F1: no data", "stance kappa: no data"]
    options = session.label_options()
    assert options[0] == ("CARDINAL   F1 0.000", "CARDINAL") and options[-1] == ("all labels", "")
    session.refresh("PERSON")
    assert session.label == "PERSON"
    assert [(d.document, d.layer) for d in session.items] == [("ex-0002", "entities")]
    assert session.row == 0 and session.sentence_id == session.items[0].sentence_id
    session.refresh("STANCE-OF-NOTHING")
    assert session.items == [] and session.row == -1 and session.current is None
    session.refresh(None)
    assert len(session.items) == 2 and session.label is None
    session.numbers_failed("the agreement could not be computed")
    assert session.summary == "the agreement could not be computed" and session.numbers is numbers


def test_gold_edits_are_commands_and_stored_shows_the_sentence_again(
    heard: tuple[ReviewSession, list[ReviewChange]], two: Project
) -> None:
    session, changes = heard
    with pytest.raises(NoEdit, match=r"^a has no entity under the cursor$"):
        session.accept_entity(0, 4)  # "адам"
    with pytest.raises(NoEdit, match=r"^b has no event trigger under the cursor$"):
        session.accept_event(1, 3)
    agreed = session.accept_agreed()
    session.stored(agreed.apply(two))
    assert spans(session, 2) == [(0, 3, "POSITION")] and session.kept
    with pytest.raises(NoEdit, match=r"^gold already holds everything they agree on$"):
        session.accept_agreed()
    pick = session.accept_entity(1, 3)  # b's QUANTITY on "53"
    changes.clear()
    session.stored(pick.apply(two))
    assert changes == [ReviewChange(sentence=True)]
    assert spans(session, 2) == [(0, 3, "POSITION"), (3, 4, "QUANTITY")]
    assert session.gold_shown(session.items[0].sentence_id) == (
        session.versions[2].entities,
        session.versions[2].events,
        session.versions[2].stance,
        session.versions[2].document_stance,
    )
    assert session.gold_shown(session.items[1].sentence_id) is None  # not shown
    with pytest.raises(NoEdit, match=r"^$"):
        session.delete_gold(4)  # no gold entity on "адам"
    delete = session.delete_gold(3)
    session.stored(delete.apply(two))
    assert spans(session, 2) == [(0, 3, "POSITION")]
    session.move(1)
    changes.clear()
    session.stored(delete.revert(two))  # an undo elsewhere shows the sentence it changed
    assert session.sentence_id == session.items[0].sentence_id
    assert spans(session, 2) == [(0, 3, "POSITION"), (3, 4, "QUANTITY")]
    session.stored(Changes())  # nothing changed: nothing shown
    assert len(changes) == 1


def test_a_sentence_is_read_in_one_transaction(
    heard: tuple[ReviewSession, list[ReviewChange]], two: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _ = heard
    opened: list[int] = []
    real = two.reading

    @contextmanager
    def counted() -> Iterator[Session]:
        opened.append(1)
        with real() as s:
            yield s

    monkeypatch.setattr(two, "reading", counted)
    session.show(session.items[1].sentence_id)
    assert len(opened) == 1
    assert len(session.versions) == 3


def test_a_sentence_that_cannot_be_read_is_said_and_the_one_shown_stays(
    heard: tuple[ReviewSession, list[ReviewChange]], monkeypatch: pytest.MonkeyPatch
) -> None:
    session, changes = heard
    shown, versions = session.sentence_id, session.versions
    assert shown is not None

    def broken(*_: object) -> None:
        raise StoreUnavailable("the disk is full")

    monkeypatch.setattr(review_session, "load_versions", broken)
    changes.clear()
    session.move(1)
    assert changes == [ReviewChange(row=True, problem="⚠ the sentence could not be read: the disk is full")]
    assert session.row == 1 and session.sentence_id == shown and session.versions is versions
    with pytest.raises(StoreUnavailable):  # what the edit runner reads again with: it must raise
        session.show(session.items[1].sentence_id)
    session.stored(Changes.of_sentence(shown))
    assert changes[-1] == ReviewChange(problem="⚠ the sentence could not be read: the disk is full")


def test_with_one_annotator_there_is_nothing_to_review(project: Project, tmp_path: Path) -> None:
    src = (FIXTURES / "example.conll").read_text(encoding="utf-8")
    import_paths(project, [write(tmp_path / "ex.conll", src)], ImportOptions(annotator="a", status="done"))
    with project.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer")
    session = ReviewSession(project, boss)
    changes: list[ReviewChange] = []
    session.subscribe(changes.append)
    assert not session.refresh()
    assert changes == [ReviewChange(summary=True)]
    assert session.summary.startswith("nothing to review: at least two annotators are needed")
    assert session.items == [] and session.layers == [("gold", session.gold.id)]
    with pytest.raises(NoEdit):
        session.accept_agreed()
    session.unsubscribe(changes.append)
    session.refresh()
    assert len(changes) == 1
