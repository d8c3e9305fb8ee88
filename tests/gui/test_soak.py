"""A working day in one process: 5,000 real key actions in the annotation and review windows.

Entities, relabels, deletions, events with arguments and attributes, stance and holders, status,
undo and redo, navigation and search, then accepting into gold and undoing in review mode. After
it, the process is alive, the count of references to None has not fallen (a binding that drops
them aborts the process within some hundreds of actions), memory has not grown beyond a small
bound, and the database holds exactly what the windows last showed of every sentence.
"""

from __future__ import annotations

import gc
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from annotator.core.views import SentenceView
from annotator.gui import dialogs
from annotator.gui.main_window import AnnotationWindow
from annotator.gui.review_window import ReviewWindow
from annotator.services import commands as c
from annotator.services.annotate import load_sentence
from annotator.store import Project, queries
from tests import stored

pytestmark = pytest.mark.slow

ANNOTATION_ACTIONS = 4_000
REVIEW_ACTIONS = 1_000
RSS_GROWTH_LIMIT_MB = 48  # after the first 500 actions (caches warm); measured about 10
NONE_SLACK = 500  # objects that hold None come and go; a broken binding loses about 67 per action
N = Qt.KeyboardModifier.NoModifier
SHIFT, CTRL, ALT = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
)
K = Qt.Key
DIGITS = [K.Key_1, K.Key_2, K.Key_3, K.Key_4, K.Key_5, K.Key_6, K.Key_7, K.Key_8, K.Key_9, K.Key_0]

# (weight, key, modifiers) of the annotation window's actions
ANNOTATE: list[tuple[int, Qt.Key | None, Qt.KeyboardModifier]] = [
    *[(2, d, N) for d in DIGITS],
    (3, None, ALT),  # Alt+digit: a label after the tenth
    (12, K.Key_Right, N),
    (5, K.Key_Left, N),
    (5, K.Key_Right, SHIFT),
    (2, K.Key_Home, N),
    (2, K.Key_End, N),
    (2, K.Key_Escape, N),
    (5, K.Key_Delete, N),
    (4, K.Key_T, N),
    (3, K.Key_A, N),
    (3, K.Key_E, N),
    (3, K.Key_S, N),
    (2, K.Key_D, N),
    (2, K.Key_H, N),
    (4, K.Key_Return, N),
    (4, K.Key_PageDown, N),
    (3, K.Key_PageUp, N),
    (1, K.Key_PageDown, CTRL),
    (1, K.Key_K, N),
    (1, K.Key_F, N),
    (8, K.Key_Z, CTRL),
    (4, K.Key_Z, CTRL | SHIFT),
    (1, K.Key_Y, CTRL),
    (1, K.Key_F, CTRL),
    (1, K.Key_V, N),
    (1, K.Key_F5, N),
]
REVIEW: list[tuple[int, Qt.Key | None, Qt.KeyboardModifier]] = [
    (6, K.Key_Down, N),
    (3, K.Key_Up, N),
    (8, K.Key_Right, N),
    (3, K.Key_Left, N),
    (5, K.Key_1, N),
    (5, K.Key_2, N),
    (2, K.Key_1, SHIFT),
    (2, K.Key_2, SHIFT),
    (2, K.Key_1, ALT),
    (2, K.Key_2, ALT),
    (2, K.Key_A, N),
    (2, K.Key_Delete, N),
    (4, K.Key_Z, CTRL),
    (2, K.Key_Z, CTRL | SHIFT),
]


def rss_mb() -> float:
    """The resident memory of this process."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def layer_of(view: SentenceView) -> tuple[Any, ...]:
    """What a view shows of its sentence (document stance is compared per document)."""
    events = tuple(
        (e.id, e.token_start, e.token_end, e.type, tuple(sorted(e.attributes.items())), e.arguments)
        for e in view.events
    )
    return (view.entities, events, tuple(sorted(view.stance.items())), view.status, view.comment)


def fake_dialogs(monkeypatch: pytest.MonkeyPatch, rng: random.Random) -> None:
    """Choosers pick a random option (or cancel now and then), texts and searches answer at once."""

    def choose(parent: object, title: str, options: list[tuple[str, Any]], tips: object = None) -> Any:
        if not options or rng.random() < 0.1:
            return None
        return rng.choice(options)[1]

    def search(parent: object, find: Callable[[str], list[tuple[int, str, int, str]]]) -> int | None:
        hits = find(rng.choice(["ке", "қазақстан", "адам", "informburo", "жоқ сөз"]))
        return rng.choice(hits)[0] if hits else None

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "search", search)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (rng.choice(["тексеру", ""]), True))


def drive(
    window: Any,
    target: Any,
    actions: list[tuple[int, Qt.Key | None, Qt.KeyboardModifier]],
    count: int,
    rng: random.Random,
    after: Callable[[], None],
    probes: list[tuple[int, float, int]],
    offset: int,
) -> None:
    """Press ``count`` weighted random keys on ``target``; ``after`` records what the window shows."""
    weights = [w for w, _, _ in actions]
    for n in range(count):
        _, key, modifiers = rng.choices(actions, weights)[0]
        if key is None:
            key = rng.choice(DIGITS)
        if not window.isActiveWindow():
            window.activateWindow()
            QTest.qWaitForWindowActive(window, 2000)
        target.setFocus()
        QTest.keyClick(target, key, modifiers)
        after()
        if (offset + n + 1) % 500 == 0:
            gc.collect()
            probes.append((offset + n + 1, rss_mb(), sys.getrefcount(None)))


def test_five_thousand_actions_leave_the_windows_alive_and_the_database_as_shown(
    qtbot: QtBot, seeded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = seeded_project
    rng = random.Random(20261202)
    fake_dialogs(monkeypatch, rng)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
        other = queries.ensure_annotator(s, "b")
        boss = queries.add_annotator(s, "boss", "reviewer")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = AnnotationWindow(project, me, settings)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w, 5000)
    shown: dict[int, tuple[Any, ...]] = {}
    documents: dict[int, Any] = {}

    def record() -> None:
        view = w.current
        assert view is not None
        assert w.tokens.view is view and w.panels.entities.rowCount() == len(view.entities)
        shown[view.id] = layer_of(view)
        documents[view.document_id] = sorted(view.document_stance.items())

    # Every screen the window shows, also one it shows on its way to the next.
    w.session.screen_changed.connect(lambda _screen: record())

    probes: list[tuple[int, float, int]] = []
    gc.collect()  # what earlier tests left behind is freed now, not during the first actions
    start_rss, start_none = rss_mb(), sys.getrefcount(None)
    drive(w, w.tokens, ANNOTATE, ANNOTATION_ACTIONS, rng, record, probes, 0)
    assert w.isVisible() and w.current is not None
    for sid, layer in shown.items():
        assert layer_of(load_sentence(project, sid, me.id)) == layer, (
            f"sentence {sid} differs from what was shown"
        )
        view = load_sentence(project, sid, me.id)
        assert sorted(view.document_stance.items()) == documents[view.document_id]
    done = [s for s in stored.statuses(project, me.name) if s[2] == "done"]
    assert f"corpus {len(done)}/35 done" in w.status_progress.text()
    assert stored.entities(project)  # work was done, not only refused
    assert stored.arguments(project)
    w.close()

    # The reviewer: a second layer that differs, every sentence done by both, then keys into gold.
    project.act_as(other.id)
    for sid in sorted(shown):
        view = load_sentence(project, sid, other.id)
        c.Batch(sid, [c.AddEntity(sid, other.id, 0, 1, "PERSON"), c.SetStatus(sid, other.id, "done")]).apply(
            project
        )
        assert view is not None
    project.act_as(me.id)
    for sid in sorted(shown):
        c.SetStatus(sid, me.id, "done").apply(project)
    r = ReviewWindow(project, boss, settings)
    qtbot.addWidget(r)
    r.show()
    r.activateWindow()
    assert QTest.qWaitForWindowActive(r, 5000)
    qtbot.waitUntil(lambda: r.labels.rowCount() > 0, timeout=30_000)
    assert r.list.count() > 0
    gold: dict[int, tuple[Any, ...]] = {}

    def record_gold() -> None:
        view = r.versions[-1][2].view
        if view is not None:
            gold[view.id] = (
                view.entities,
                tuple((e.token_start, e.token_end, e.type) for e in view.events),
                view.stance,
            )

    drive(r, r.list, REVIEW, REVIEW_ACTIONS, rng, record_gold, probes, ANNOTATION_ACTIONS)
    gold_id = r.gold
    for sid, layer in gold.items():
        view = load_sentence(project, sid, gold_id)
        assert (
            view.entities,
            tuple((e.token_start, e.token_end, e.type) for e in view.events),
            view.stance,
        ) == layer
    assert stored.entities(project, "gold")
    r.close()

    gc.collect()
    end_rss, end_none = rss_mb(), sys.getrefcount(None)
    _, warm_rss, warm_none = probes[0]  # after 500 actions: caches are warm
    report = ", ".join(f"{n}: {mb:.0f} MB, None {refs}" for n, mb, refs in probes)
    print(f"\nsoak: start {start_rss:.0f} MB, None {start_none}; {report}")
    # A binding that drops references loses dozens per action: 4,500 actions would take 100,000s.
    falls = [(n, warm_none - refs) for n, _, refs in probes if refs < warm_none - NONE_SLACK]
    assert not falls, f"references to None fell after {falls[0][0]} actions, by {falls[0][1]}"
    assert end_none >= warm_none - NONE_SLACK
    assert end_rss - warm_rss < RSS_GROWTH_LIMIT_MB, f"memory grew from {warm_rss:.0f} to {end_rss:.0f} MB"
