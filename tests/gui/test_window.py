"""The window around the keys: documents, restart, literal text, blindness, mouse, import from the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import AnnotationWindow
from annotator.services import commands as c
from annotator.store import open_project, queries
from tests import stored
from tests.conftest import write
from tests.gui.conftest import press

DOC_A = "000_5a91e5e761b01553"


def test_documents_with_progress_filter_and_title(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("Айгерім")
    assert w.document_pane.rows() == [f"{DOC_A}  (0/14)", "002_de800ccdcc165eec  (0/21)"]
    assert w.windowTitle().startswith("project — Айгерім") or "Айгерім" in w.windowTitle()
    press(w.tokens, Qt.Key.Key_Return)
    assert w.document_pane.rows()[0] == f"{DOC_A}  (1/14)"
    QTest.keyClicks(w.filter, "002")
    assert w.document_pane.rows() == ["002_de800ccdcc165eec  (0/21)"]
    assert "sentence 2 of 14" in w.status_position.text()


def test_restart_returns_to_the_same_sentence_per_annotator(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("a")
    press(w.tokens, Qt.Key.Key_PageDown, times=16)  # into the second document
    where = (w.current.document_name, w.current.ordinal)  # type: ignore[union-attr]
    w.close()
    again = open_window("a")
    assert again.current is not None and (again.current.document_name, again.current.ordinal) == where
    other = open_window("b")
    assert other.current is not None and (other.current.document_name, other.current.ordinal) == (DOC_A, 0)


def test_markup_in_the_text_is_shown_literally(
    open_window: Callable[[str], AnnotationWindow], tmp_path: Path
) -> None:
    w = open_window("a")
    from annotator.services.importing import import_paths

    import_paths(
        w.project, [write(tmp_path / "0-markup.txt", "Алғы <b>жуан</b> &amp; <script>x</script>\nКелесі\n")]
    )
    w.navigator = type(w.navigator)(w.project)
    first = w.navigator.first()
    assert first is not None
    w.go_to(first)
    assert w.current is not None and w.current.text == "Алғы <b>жуан</b> &amp; <script>x</script>"
    press(w.tokens, Qt.Key.Key_PageDown)
    assert w.previous.text() == "Алғы <b>жуан</b> &amp; <script>x</script>"
    assert w.previous.textFormat() == Qt.TextFormat.PlainText
    shown = [w.current.text[a:b] for a, b in w.current.tokens] if w.current else []
    assert shown == ["Келесі"]


def test_an_annotator_sees_only_their_own_annotations(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    with w.project.transaction() as s:
        other = queries.ensure_annotator(s, "b").id
    assert w.current is not None
    w.project.act_as(other)
    c.AddEntity(w.current.id, other, 0, 2, "PERSON").apply(w.project)
    w.project.act_as(w.annotator.id)
    w.go_to(w.current.id)
    assert w.current.entities == () and w.panels.entities.rowCount() == 0
    press(w.tokens, Qt.Key.Key_5)  # the other's span does not block this annotator's tags
    assert stored.entities(w.project, "a") == [(DOC_A, 0, 0, 1, "DATE")]


def test_mouse_drag_selects_and_palette_click_applies(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    w = open_window("a")
    t = w.tokens
    a, b = t.boxes[1].rect.center().toPoint(), t.boxes[3].rect.center().toPoint()
    QTest.mousePress(t, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(t, b)
    t.mouseMoveEvent(_move_event(b))
    QTest.mouseRelease(t, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert t.selection() == (1, 4)
    w.palette_box.buttons["LOCATION"].click()
    assert stored.entities(w.project, "a") == [(DOC_A, 0, 1, 4, "LOCATION")]
    QTest.mouseClick(t, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    assert t.selected is not None and t.selected[0] == "entity"
    press(t, Qt.Key.Key_Delete)
    assert stored.entities(w.project, "a") == []


def _move_event(point: QPoint):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_article_view_toggles_with_v(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    assert not w.article.isVisible()
    press(w.tokens, Qt.Key.Key_V)
    assert w.article.isVisible()
    assert w.article.toPlainText().startswith("Бүгін Нұр-Сұлтан")
    assert w.article.textCursor().selectedText().startswith("Бүгін Нұр-Сұлтан қаласында")
    press(w.tokens, Qt.Key.Key_V)
    assert not w.article.isVisible()


def test_import_from_the_window_runs_in_the_background(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    w = open_window("a")
    good = write(tmp_path / "news.conll", "Алматы B-GPE\nқаласы O\n")
    w.import_files([str(good)])
    qtbot.waitUntil(lambda: len(w.document_pane.rows()) == 3, timeout=10_000)
    assert ("news", 0, 0, 1, "GPE") in stored.entities(w.project, "a")
    bad = write(tmp_path / "bad.conll", "Алматы I-GPE\n")
    messages: list[str] = []
    w.transfer._failed = lambda what, message: messages.append(message)  # type: ignore[method-assign]
    w.import_files([str(bad)])
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages == [
        f"{bad}:1:8: I-GPE cannot follow the sentence start in IOB2; "
        "if the file is IOB1, import it with --scheme IOB1"
    ]
    assert len(w.document_pane.rows()) == 3


def test_export_from_the_window_with_progress(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot, tmp_path: Path, monkeypatch: object
) -> None:
    import annotator.services.exporting as exporting
    from tests.gui.conftest import answer_dialogs

    monkeypatch.setattr(exporting, "exports_dir", lambda: tmp_path / "exports")  # type: ignore[attr-defined]
    w = open_window("a")
    press(w.tokens, Qt.Key.Key_3)
    press(w.tokens, Qt.Key.Key_Return)
    answer_dialogs("")  # the dialog's defaults: JSONL, this annotator, sentences marked done
    press(w.tokens, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    out = tmp_path / "exports" / "default-a-jsonl.jsonl"
    qtbot.waitUntil(out.exists, timeout=10_000)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and '"label": "GPE"' in lines[0]
    qtbot.waitUntil(lambda: "wrote 1 sentence" in w.statusBar().currentMessage(), timeout=5_000)


def test_cancelled_import_changes_nothing(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    from annotator.gui.workers import Worker
    from annotator.services.importing import import_paths
    from tests.conftest import dump

    w = open_window("a")
    big = write(tmp_path / "big.conll", "".join(f"Сөз{i} O\n\n" for i in range(5000)))
    before = dump(w.project)
    worker = Worker(lambda progress: import_paths(w.project, [big], progress=progress), w)
    worker.cancelled = True
    with qtbot.waitSignal(worker.failed, timeout=10_000) as blocker:
        worker.start()
    assert blocker.args == ["cancelled; nothing was changed"]
    worker.wait()
    assert dump(w.project) == before


def test_refresh_shows_what_a_teammate_did_meanwhile(open_window: Callable[[str], AnnotationWindow]) -> None:
    w = open_window("a")
    assert "b " not in w.status_team.text()
    elsewhere, _ = open_project(w.project.url)  # another program, as annotator b, on the same file
    with elsewhere.transaction() as s:
        b = queries.ensure_annotator(s, "b").id
        first_ids = [d.id for d in queries.documents_overview(s)]
        sentences = queries.document_sentences(s, first_ids[0])[:3]
    elsewhere.act_as(b)
    for info in sentences:
        c.SetStatus(info.id, b, "done").apply(elsewhere)
    elsewhere.close()
    press(w.tokens, Qt.Key.Key_F5)
    assert "b 3 done (just now)" in w.status_team.text()
    assert w.project.actor_id == w.annotator.id  # the window still acts for a


def test_dialogs_asked_all_day_are_one_of_each_kind(
    open_window: Callable[[str], AnnotationWindow], qtbot: QtBot
) -> None:
    """A window asks every question with one chooser, one search and one warning box: a dialog
    made per question stays a child of the window (a day of choosers took 730 MB on X11)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    from tests.gui.conftest import answer_dialogs

    w = open_window("a")
    for _ in range(5):
        answer_dialogs("diseas")
        press(w.tokens, Qt.Key.Key_L)
        answer_dialogs("informburo\n")
        press(w.tokens, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    w.runner.dialog("Not saved", "one")
    w.runner.box.close()  # type: ignore[union-attr]
    w.runner.dialog("Not saved", "two")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert stored.entities(w.project, "a") == [
        (DOC_A, 0, 0, 1, "DISEASE"),
        ("002_de800ccdcc165eec", 1, 0, 1, "DISEASE"),
    ]
    kinds = sorted(type(d).__name__ for d in w.findChildren(QDialog))
    assert kinds == ["Chooser", "QMessageBox", "SearchDialog"]
    assert w.runner.box is not None and w.runner.box.text() == "two"
