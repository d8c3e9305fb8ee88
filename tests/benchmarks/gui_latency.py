"""Latency of the real window on a big project: open to first sentence, next sentence, label, undo.

Usage: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.gui_latency PROJECT.sqlite [--actions 200]``

With ``--started T`` (a ``time.time()`` taken by whoever launched this process) the first sentence
is timed from then, so the interpreter's start and every import count; it prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _timed(action: Callable[[], None], n: int, between: Callable[[], None] | None = None) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        action()
        QApplication.processEvents()
        out.append((time.perf_counter() - t0) * 1000)
        if between is not None:
            between()
    return out


def _peak_mb() -> float:
    """This process's peak memory (VmHWM: ru_maxrss would carry the launching process's peak over exec)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def summary(ms: list[float]) -> dict[str, float]:
    """Median and 95th percentile in milliseconds."""
    ordered = sorted(ms)
    return {"median_ms": statistics.median(ordered), "p95_ms": ordered[int(0.95 * (len(ordered) - 1))]}


def open_window(db: str) -> tuple[QApplication, Any, Any]:
    """The real window on ``db`` for a new person, shown: (application, project, window)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from annotator.gui.main_window import AnnotationWindow
    from annotator.store import open_project, queries

    project, _ = open_project(db)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, f"bench-{time.time_ns()}")
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = AnnotationWindow(project, me, settings)
    window.show()
    app.processEvents()
    return app, project, window


def measure(db: str, actions: int = 200, started: float | None = None) -> dict[str, object]:
    """Open the window on ``db`` and time the everyday actions."""
    wall0 = time.time()
    _app = QApplication.instance() or QApplication([])  # kept: created before the clock starts
    t0 = time.perf_counter()
    _, project, window = open_window(db)
    first_shown = time.perf_counter() - t0 + (wall0 - started if started is not None else 0.0)
    if not window.tokens.view or not window.tokens.view.tokens:
        raise SystemExit("the window shows no sentence")
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    t = window.tokens
    nxt = _timed(lambda: QTest.keyClick(t, Qt.Key.Key_PageDown), actions)
    label = _timed(
        lambda: QTest.keyClick(t, Qt.Key.Key_3), actions, lambda: QTest.keyClick(t, Qt.Key.Key_PageDown)
    )
    undo = _timed(lambda: QTest.keyClick(t, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier), actions)
    window.close()
    project.close()
    return {
        "first_sentence_s": round(first_shown, 3),
        "next_sentence": summary(nxt),
        "label": summary(label),
        "undo": summary(undo),
        "actions": actions,
        "peak_rss_mb": _peak_mb(),
    }


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument(
        "--started", type=float, default=None, help="time.time() when this process was launched"
    )
    args = parser.parse_args()
    print(json.dumps(measure(args.db, args.actions, args.started)), flush=True)
    os._exit(0)  # skip interpreter teardown of Qt objects; nothing is left to write


if __name__ == "__main__":
    main()
