"""Review mode: from a low per-label score to the sentences behind it, resolved into gold by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.keymap import REVIEW_KEYMAP, review_keys_of
from annotator.gui.review_window import ReviewWindow
from annotator.services import commands as c
from annotator.store import Project, assignments, queries
from tests import stored
from tests.conftest import DISAGREEING
from tests.gui.conftest import Answers, ReviewOpener, press


def test_reviewer_resolves_disagreements_into_gold_without_the_mouse(
    qtbot: QtBot, project: Project, answers: Answers, review_of: ReviewOpener
) -> None:
    w = review_of(project, DISAGREEING)
    assert w.list.count() == 2
    qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)
    assert w.labels.item(0, 0).text() in ("QUANTITY", "CARDINAL")  # lowest F1 first
    # Entity F1 drawn; nobody gave an event or a stance, so a line says "no data" for those two.
    assert w.heatmaps.count() == 2
    assert w.confusion.rowCount() == 7
    answers.give("QUANTITY")
    press(w.list, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked == ["Disagreements of which label?"]
    assert w.list.count() == 1
    assert "QUANTITY" in w.list.item(0).text()
    assert w.versions[1][2].differs == {(3, 4, "QUANTITY")}  # b's odd span is marked
    assert w.versions[0][2].differs == {(3, 4, "CARDINAL")}  # a and c agree, but b does not
    press(w.list, Qt.Key.Key_A)  # the agreed POSITION span goes into gold
    press(w.list, Qt.Key.Key_Right, times=3)
    press(w.list, Qt.Key.Key_2)  # b's QUANTITY on "53"
    assert stored.entities(project, "gold") == [
        ("ex-0001", 1, 0, 3, "POSITION"),
        ("ex-0001", 1, 3, 4, "QUANTITY"),
    ]
    press(w.list, Qt.Key.Key_1)  # a's CARDINAL replaces it
    assert stored.entities(project, "gold")[-1] == ("ex-0001", 1, 3, 4, "CARDINAL")
    press(w.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored.entities(project, "gold")[-1] == ("ex-0001", 1, 3, 4, "QUANTITY")
    press(w.list, Qt.Key.Key_Delete)
    assert stored.entities(project, "gold") == [("ex-0001", 1, 0, 3, "POSITION")]
    with project.transaction() as s:
        a_id = queries.find_annotator(s, "a").id  # type: ignore[union-attr]
    project.act_as(a_id)  # meanwhile annotator a, elsewhere, records a stance
    c.SetSentenceStance(w.sentence_id, a_id, "eu", "favor").apply(project)  # type: ignore[arg-type]
    project.act_as(w.reviewer.id)
    press(w.list, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert stored.stances(project, "gold") == [("ex-0001", 1, "eu", "favor", None)]
    press(w.list, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # edit gold directly
    gold_window = w.gold_window
    qtbot.addWidget(gold_window)
    gold_window.activateWindow()
    assert QTest.qWaitForWindowActive(gold_window, 5000)
    press(gold_window.tokens, Qt.Key.Key_End)
    press(gold_window.tokens, Qt.Key.Key_Left)
    press(gold_window.tokens, Qt.Key.Key_1)  # PERSON on "ұсталғанын", straight into gold
    assert ("ex-0001", 1, 5, 6, "PERSON") in stored.entities(project, "gold")
    assert any(e.label == "PERSON" for e in w.versions[-1][2].view.entities)  # type: ignore[union-attr]
    gold_window.close()
    w.close()


def test_every_review_key_comes_from_the_review_keymap(
    qtbot: QtBot, project: Project, review_of: ReviewOpener
) -> None:
    w = review_of(project, DISAGREEING)
    bound = {a.objectName(): a for a in w.findChildren(QAction) if a.shortcuts()}
    numbered = ("accept_entity_", "accept_event_", "accept_stance_")
    wanted = [
        k.action
        for k in REVIEW_KEYMAP
        if not k.action.startswith(numbered) or int(k.action[-1]) <= 3  # a digit per annotator
    ]
    assert sorted(bound) == sorted(wanted)
    for name, action in bound.items():
        shown = [QKeySequence(k).toString() for k in review_keys_of(name)]
        assert [s.toString() for s in action.shortcuts()] == shown, name
    assert not any(name.endswith("_4") for name in bound)
    qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)
    press(w.list, Qt.Key.Key_Down)  # the next disagreement, by the keymap's key
    assert w.list.currentRow() == 1 == w.session.row
    assert w.sentence_id == w.session.items[1].sentence_id
    assert w.versions[0][2].differs == {(0, 2, "PERSON")} and w.versions[2][2].differs == set()  # c misses it
    press(w.list, Qt.Key.Key_Down)  # the last one: it stays
    assert w.list.currentRow() == 1 == w.session.row
    press(w.list, Qt.Key.Key_Up)
    assert w.list.currentRow() == 0 == w.session.row
    assert w.sentence_id == w.session.items[0].sentence_id
    w.list.setCurrentRow(1)  # a click on the list
    assert w.session.row == 1 and w.sentence_id == w.session.items[1].sentence_id
    w.close()


def _shown(w: ReviewWindow) -> list[str]:
    """What the heatmap row shows: "svg" for a picture, the text of a line."""
    items = [w.heatmaps.itemAt(i).widget() for i in range(w.heatmaps.count())]  # type: ignore[union-attr]
    return ["svg" if isinstance(x, QSvgWidget) else x.text() for x in items]  # type: ignore[attr-defined]


def test_the_numbers_say_no_data_and_ready_documents_come_first(
    qtbot: QtBot, project: Project, review_of: ReviewOpener
) -> None:
    w = review_of(project, DISAGREEING)  # entities only: no event, no stance from anyone
    qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)
    summary = w.summary.text()
    assert "Compared: 2 documents, 3 sentences covered by two or more of them" in summary
    assert "Events: no data." in summary and "Stance: no data." in summary
    assert "1.000" not in summary.split("Events:")[1]
    assert _shown(w) == ["svg", "trigger F1: no data\nstance kappa: no data"]
    assert [w.list.item(i).text()[:16] for i in range(w.list.count())] == [
        "ex-0001 · 2 · en",
        "ex-0002 · 1 · en",
    ]
    w.close()
    with project.transaction() as s:  # ex-0002 is given to the three and done by them: ready
        people = {a.name: a.id for a in queries.list_annotators(s)}
        docs = {d.name: d.id for d in queries.documents_overview(s)}
        pairs = [(docs[d], people[n]) for d in docs for n in "abc"]
        assignments.add(s, [*pairs, (docs["ex-0001"], people["boss"])])  # boss did nothing there
    again = ReviewWindow(project, w.reviewer, w.settings)
    qtbot.addWidget(again)
    assert [again.list.item(i).text()[:26] for i in range(again.list.count())] == [
        "✓ ready · ex-0002 · 1 · en",
        "ex-0001 · 2 · entities: a:",
    ]
    again.close()
