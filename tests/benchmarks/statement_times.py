"""Where a key's time goes in the database: every statement it ran, timed on the engine, slowest first.

Usage: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.statement_times PROJECT [--key label|next]
[--presses 50]``

Opens the real window (offscreen) on a project, moves 20 sentences in, then presses the key
(``label``: the key 3, then PgDown; ``next``: PgDown) and prints, per statement text, the
milliseconds and the count per press. ``keystrokes`` counts what a key asks on the seeds; this
times it on a big project, where a statement that reads a whole table stands out (it found the
stance holder lookup of a label: 30 ms a key at a million sentences, before revision 0010).
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from typing import Any


def main() -> None:
    """Print the statements of one key, slowest first."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--key", choices=("label", "next"), default="label")
    parser.add_argument("--presses", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import event

    from tests.benchmarks.gui_latency import open_window

    app, project, window = open_window(args.db)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    tokens = window.tokens
    for _ in range(20):
        QTest.keyClick(tokens, Qt.Key.Key_PageDown)
    times: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

    def before(conn: Any, _cursor: Any, _sql: str, _params: Any, _context: Any, _many: bool) -> None:
        conn.info["statement_started"] = time.perf_counter()

    def after(conn: Any, _cursor: Any, sql: str, _params: Any, _context: Any, _many: bool) -> None:
        entry = times[" ".join(sql.split())[:150]]
        entry[0] += 1
        entry[1] += time.perf_counter() - conn.info["statement_started"]

    event.listen(project.engine, "before_cursor_execute", before)
    event.listen(project.engine, "after_cursor_execute", after)
    for _ in range(args.presses):
        if args.key == "label":
            QTest.keyClick(tokens, Qt.Key.Key_3)
            app.processEvents()
        QTest.keyClick(tokens, Qt.Key.Key_PageDown)
        app.processEvents()
    n = args.presses
    for sql, (count, seconds) in sorted(times.items(), key=lambda kv: -kv[1][1])[:20]:
        print(f"{seconds * 1000 / n:7.2f} ms {count / n:5.1f}x  {sql}")
    os._exit(0)  # skip interpreter teardown of Qt objects; nothing is left to write


if __name__ == "__main__":
    main()
