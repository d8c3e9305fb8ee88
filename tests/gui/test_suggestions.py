"""Suggestions in the real window, driven by real key events, checked against what the project holds:
go through them, accept, reject (remembered), accept all, the threshold, label all occurrences,
the most useful sentence next, training in the background, and the CLI's apply undone by a key."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from annotator.core.suggestions import ENTITY, ENTITY_MODEL, STANCE, Suggestion
from annotator.gui.assisting import OccurrencesDialog
from annotator.gui.main_window import AnnotationWindow
from annotator.services import preannotation, training_run
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.people import list_annotators
from annotator.store import Project
from tests.conftest import write
from tests.gui.conftest import DIALOG_WAIT_S, press
from tests.stored import entities
from tests.suggest_corpus import load, rest_ids

pytestmark = pytest.mark.timeout(300)
Opener = Callable[[Project, str], AnnotationWindow]
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def trained(project: Project, tmp_path: Path) -> Project:
    """Person a: 24 labelled sentences done (document train), 8 unlabelled not done (document rest),
    and models trained on the done ones."""
    load(project, tmp_path)
    training_run.train_here(project, ["a"], iterations=15)
    return project


def _onrest_ids(window_on: Opener, project: Project, ordinal: int = 0) -> AnnotationWindow:
    window = window_on(project, "a")
    window.session.go_to(rest_ids(project)[ordinal])
    window.tokens.setFocus()
    return window


def _rest_entities(project: Project) -> list[tuple[int, int, int, str]]:
    return [(pos, a, b, label) for doc, pos, a, b, label in entities(project, "a") if doc.startswith("rest")]


def _spans(window: AnnotationWindow) -> list[tuple[int, int, str]]:
    return [(x.token_start, x.token_end, x.label) for x in window.session.assist.shown if x.kind == ENTITY]


def test_tab_focuses_a_suggestion_and_y_makes_it_an_annotation_that_undo_takes_back(
    trained: Project, window_on: Opener
) -> None:
    w = _onrest_ids(window_on, trained)
    shown = w.session.assist.shown
    assert shown and all(x.score >= w.session.assist.threshold for x in shown)
    assert w.tokens.suggestions == shown  # drawn on the sentence
    assert _rest_entities(trained) == []  # a suggestion counts as nothing until accepted
    press(w.tokens, Qt.Key.Key_Tab)
    first = w.session.assist.focused
    assert first is not None and first.kind == ENTITY
    assert w.tokens.caret == first.token_start and w.tokens.focused == first
    press(w.tokens, Qt.Key.Key_Y)
    assert _rest_entities(trained) == [(0, first.token_start, first.token_end, first.label)]
    said = w.statusBar().currentMessage()
    assert said.startswith(f"accepted entity {first.label}") and "suggestion 1 of" in said  # the next one
    assert first.span not in [x.span for x in w.session.assist.shown]  # now an annotation, not a suggestion
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert _rest_entities(trained) == []
    assert first in w.session.assist.shown  # suggested again


def test_shift_tab_goes_back_and_n_rejects_for_good(
    trained: Project, window_on: Opener, qtbot: QtBot
) -> None:
    w = _onrest_ids(window_on, trained)
    shown = list(w.session.assist.shown)
    assert len(shown) >= 2
    press(w.tokens, Qt.Key.Key_Tab, SHIFT)
    last = w.session.assist.focused
    assert last == shown[-1]
    press(w.tokens, Qt.Key.Key_N)
    assert last not in w.session.assist.shown and _rest_entities(trained) == []
    w.close()
    again = _onrest_ids(window_on, trained)  # a new window: the rejection is stored, per person
    assert last not in again.session.assist.shown
    assert [x for x in again.session.assist.shown if x != last]


def test_shift_y_accepts_the_whole_sentence_as_one_undoable_step(trained: Project, window_on: Opener) -> None:
    w = _onrest_ids(window_on, trained)
    expected = sorted(
        (0, x.token_start, x.token_end, x.label) for x in w.session.assist.shown if x.kind == ENTITY
    )
    assert expected
    press(w.tokens, Qt.Key.Key_Y, SHIFT)
    assert sorted(_rest_entities(trained)) == expected
    assert [x for x in w.session.assist.shown if x.kind != STANCE] == []
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert _rest_entities(trained) == []


def test_brackets_raise_and_lower_the_threshold_and_it_is_remembered(
    trained: Project, window_on: Opener, tmp_path: Path
) -> None:
    w = _onrest_ids(window_on, trained)
    before = w.session.assist.threshold
    low = len(w.session.assist.shown)
    press(w.tokens, Qt.Key.Key_BracketRight, times=9)
    assert w.session.assist.threshold == 0.95
    high = w.session.assist.shown
    assert all(x.score >= 0.95 for x in high) and len(high) <= low
    press(w.tokens, Qt.Key.Key_BracketLeft, times=2)
    assert w.session.assist.threshold == pytest.approx(0.75)
    w.close()
    again = window_on(trained, "a")
    assert again.session.assist.threshold == pytest.approx(0.75) != before


def _answer_occurrences(uncheck: int | None = None) -> list[int]:
    """When the occurrences dialog is open and active: uncheck one row (Space), then label the
    checked ones (Return). A dialog that does not open in time is rejected, so the test fails
    instead of hanging."""
    seen: list[int] = []
    deadline = time.monotonic() + DIALOG_WAIT_S

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        ready = isinstance(dialog, OccurrencesDialog) and QApplication.activeWindow() is dialog
        if not ready or dialog.focusWidget() is not dialog.list:
            if time.monotonic() < deadline:
                QTimer.singleShot(10, answer)
            elif isinstance(dialog, QDialog):
                dialog.reject()
            return
        seen.append(dialog.list.count())
        if uncheck is not None:
            dialog.list.setCurrentRow(uncheck)
            QTest.keyClick(dialog.list, Qt.Key.Key_Space)
        QTest.keyClick(dialog.list, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    return seen


NEWS = [
    "Алматы қаласында жиын өтті .",
    "Алматыда жаңа мектеп ашылды .",
    "Алматының әкімі сөз сөйледі .",
    "Делегация Алматыға келді .",
    "Астана мен Алматы арасында пойыз жүрді .",
]


def test_o_labels_every_occurrence_with_its_endings_in_one_batch(
    project: Project, window_on: Opener, tmp_path: Path
) -> None:
    text = "\n\n".join("\n".join(f"{w}\tO" for w in line.split()) for line in NEWS)
    path = write(tmp_path / "rest.conll", f"-DOCSTART-\trest\n\n{text}\n")
    import_paths(project, [path], ImportOptions(annotator="a", status="todo"))  # nothing trained
    w = _onrest_ids(window_on, project)
    press(w.tokens, Qt.Key.Key_3)  # GPE on Алматы
    assert _rest_entities(project) == [(0, 0, 1, "GPE")]
    seen = _answer_occurrences(uncheck=3)  # the dialog lists them in order: leave out the last
    press(w.tokens, Qt.Key.Key_O)
    assert seen == [4]  # Алматыда, Алматының, Алматыға, Алматы
    assert sorted(_rest_entities(project)) == [
        (0, 0, 1, "GPE"),
        (1, 0, 1, "GPE"),
        (2, 0, 1, "GPE"),
        (3, 1, 2, "GPE"),
    ]
    press(w.tokens, Qt.Key.Key_Z, CTRL)  # one undo takes the batch back, not the first label
    assert _rest_entities(project) == [(0, 0, 1, "GPE")]


def _settle(w: AnnotationWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not w.session.assist.training, timeout=240_000)
    w.assisting.poll()


def test_u_goes_to_a_not_done_sentence_ranked_in_the_background(
    trained: Project, window_on: Opener, qtbot: QtBot
) -> None:
    w = window_on(trained, "a")
    # The ranking starts with the window, in a child process, and no key asks for it. Whether it
    # is still going once the window is active depends on the machine (a warm child ranks these
    # few sentences before the window's poll first looks): CI found it over already.
    _settle(w, qtbot)
    ranked = [sid for sid, _m, _t in w.session.assist.suggester.ranking]
    assert ranked and set(ranked) <= set(rest_ids(trained))
    press(w.tokens, Qt.Key.Key_U)
    assert w.current is not None and w.current.id in ranked and w.current.status != "done"


def test_ctrl_t_trains_in_the_background_and_the_panel_shows_the_quality(
    project: Project, window_on: Opener, qtbot: QtBot, tmp_path: Path
) -> None:
    load(project, tmp_path)
    w = window_on(project, "a")
    assert w.session.assist.shown == ()  # nothing trained yet
    w.session.go_to(rest_ids(project)[0])
    press(w.tokens, Qt.Key.Key_T, CTRL)
    assert w.session.assist.training
    press(w.tokens, Qt.Key.Key_PageDown)  # the window answers keys while the child trains
    assert w.current is not None and w.current.id == rest_ids(project)[1]
    _settle(w, qtbot)
    kinds = {i.kind for i in w.session.assist.suggester.models()}
    assert ENTITY_MODEL in kinds
    assert w.session.assist.shown  # the shown sentence got its suggestions without a move
    press(w.tokens, Qt.Key.Key_F6)
    assert w.recommender.isVisible()
    assert "entity tagger (yours): F1" in w.recommender.models.text()  # trained by this window
    assert w.recommender.per_label.rowCount() >= 1
    press(w.tokens, Qt.Key.Key_Tab)
    press(w.tokens, Qt.Key.Key_Y)
    assert "accepted 1 of 1" in w.recommender.acceptance.text()


def test_the_clis_apply_is_undone_by_one_key_in_the_window(trained: Project, window_on: Opener) -> None:
    person = next(p for p in list_annotators(trained) if p.name == "a")
    trained.act_as(person.id)  # as the command line does for --for a
    report = preannotation.apply_suggestions(trained, person, 0.5)
    assert report.entities > 0
    added = _rest_entities(trained)
    assert added
    w = window_on(trained, "a")
    assert w.undo_action.isEnabled() and "suggest --apply" in w.undo_action.text()
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert _rest_entities(trained) == []
    press(w.tokens, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sorted(_rest_entities(trained)) == sorted(added)


def test_a_sentence_is_labelled_by_keys_alone_accepting_and_correcting(
    trained: Project, window_on: Opener
) -> None:
    w = _onrest_ids(window_on, trained, ordinal=1)
    shown = [x for x in w.session.assist.shown if x.kind == ENTITY]
    assert len(shown) >= 2
    press(w.tokens, Qt.Key.Key_Tab)
    press(w.tokens, Qt.Key.Key_Y)  # accept the first
    press(w.tokens, Qt.Key.Key_N)  # the next one takes the focus: reject it
    corrected = shown[1]
    press(w.tokens, Qt.Key.Key_Home)
    press(w.tokens, Qt.Key.Key_Right, times=corrected.token_start)
    for _ in range(corrected.token_end - corrected.token_start - 1):
        press(w.tokens, Qt.Key.Key_Right, SHIFT)
    press(w.tokens, Qt.Key.Key_4)  # label it by hand: LOCATION
    press(w.tokens, Qt.Key.Key_Return)  # done, next
    first_label = "LOCATION"
    rows = sorted(e for e in _rest_entities(trained) if e[0] == 1)
    assert rows == sorted(
        [
            (1, shown[0].token_start, shown[0].token_end, shown[0].label),
            (1, corrected.token_start, corrected.token_end, first_label),
        ]
    )
    assert w.current is not None and w.current.id == rest_ids(trained)[2]


def test_shift_o_looks_in_the_whole_corpus(project: Project, window_on: Opener, tmp_path: Path) -> None:
    text = "\n\n".join("\n".join(f"{w}\tO" for w in line.split()) for line in NEWS)
    for name in ("rest", "second"):
        path = write(tmp_path / f"{name}.conll", f"-DOCSTART-\t{name}\n\n{text}\n")
        import_paths(project, [path], ImportOptions(annotator="a", status="todo"))
    w = _onrest_ids(window_on, project)
    press(w.tokens, Qt.Key.Key_3)  # GPE on Алматы
    seen = _answer_occurrences()
    press(w.tokens, Qt.Key.Key_O, SHIFT)
    assert seen == [4 + 5]  # the other four in this document, all five in the other
    labelled = [e for e in entities(project, "a") if e[4] == "GPE"]
    assert len(labelled) == 1 + 4 + 5 and {e[0].split("-")[0] for e in labelled} == {"rest", "second"}


def _tab_to(w: AnnotationWindow, suggestion: Suggestion) -> None:
    """Tab until ``suggestion`` has the focus (at most once round the sentence)."""
    for _ in range(len(w.session.assist.shown) + 1):
        if w.session.assist.focused == suggestion:
            return
        press(w.tokens, Qt.Key.Key_Tab)
    assert w.session.assist.focused == suggestion, f"Tab never reached {suggestion}"


def _go_to_token(w: AnnotationWindow, text: str) -> None:
    """Home, then Right until the cursor is on the token ``text``."""
    view = w.current
    assert view is not None
    index = [view.text[a:b] for a, b in view.tokens].index(text)
    press(w.tokens, Qt.Key.Key_Home)
    press(w.tokens, Qt.Key.Key_Right, times=index)


def _label(w: AnnotationWindow, text: str, key: Qt.Key) -> None:
    _go_to_token(w, text)
    press(w.tokens, key)


def test_a_seed_article_is_labelled_by_keys_accepting_and_correcting_suggestions(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("Айгерім")
    project = w.project
    # Two sentences of the first seed article labelled by hand, each marked done with Return.
    _label(w, "Нұр-Сұлтан", Qt.Key.Key_3)  # GPE
    _label(w, "Еуропарламент", Qt.Key.Key_2)  # ORGANISATION
    _label(w, "Қазақстанда", Qt.Key.Key_3)
    press(w.tokens, Qt.Key.Key_Return)
    _label(w, "Еуродақ", Qt.Key.Key_2)
    _label(w, "Қазақстандағы", Qt.Key.Key_3)
    press(w.tokens, Qt.Key.Key_Return)
    press(w.tokens, Qt.Key.Key_T, CTRL)  # train now, in the background
    _settle(w, qtbot)
    assert w.session.assist.suggester is not None and w.session.assist.suggester.models()
    for _ in range(20):  # on to the second seed article (the first has 14 sentences)
        if w.current is not None and w.current.document_name.startswith("002"):
            break
        press(w.tokens, Qt.Key.Key_PageDown)
    view = w.current
    assert view is not None and view.text.startswith("Қазақстан сыртқы істер")
    shown = w.session.assist.shown
    spans = {view.token_text(x.token_start, x.token_end): x for x in shown if x.kind == ENTITY}
    assert spans.get("Қазақстан") is not None and spans["Қазақстан"].label == "GPE"  # learned with its ending
    assert spans.get("Еуропарламент") is not None and spans["Еуропарламент"].label == "ORGANISATION"
    for target in ("Қазақстан", "Еуропарламент"):
        _tab_to(w, spans[target])
        press(w.tokens, Qt.Key.Key_Y)
    _label(w, "Астана", Qt.Key.Key_3)  # what was not suggested is labelled by hand
    for x in w.session.assist.shown:  # the rest is not wanted
        if x.kind == ENTITY:
            _tab_to(w, x)
            press(w.tokens, Qt.Key.Key_N)
    _label(w, "Еуропарламент", Qt.Key.Key_1)  # a correction: relabel the accepted one, then put it back
    _label(w, "Еуропарламент", Qt.Key.Key_2)
    press(w.tokens, Qt.Key.Key_Return)
    stored = sorted(
        (view.token_text(a, b), label)
        for doc, pos, a, b, label in entities(project, "Айгерім")
        if doc.startswith("002") and pos == view.position
    )
    assert stored == [("Астана", "GPE"), ("Еуропарламент", "ORGANISATION"), ("Қазақстан", "GPE")]
