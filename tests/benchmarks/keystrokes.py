"""What one keystroke asks of the database: transactions, statements and writes per key.

Usage: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.keystrokes``

Opens the real window (offscreen) on a fresh copy of the default project (the seeds) in a
temporary home, presses PgDown, PgUp, a label key and Return, and counts on the engine itself
(SQLAlchemy events) what each key ran. The remembered position, written once the keys rest, is
left out by holding its timer back; it is one small write per rest, not one per key.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any


def main() -> None:
    """Print the figures per key."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="annotator-keys-")
    os.environ["HOME"], os.environ["XDG_DATA_HOME"] = home, os.path.join(home, "data")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from annotator.gui.main_window import AnnotationWindow
    from annotator.services import project as projects
    from annotator.store import queries

    app = QApplication(sys.argv[:1])
    project = projects.open_or_create(None)
    with project.transaction() as s:
        me = queries.ensure_annotator(s, "a")
    w = AnnotationWindow(project, me, QSettings(os.path.join(home, "w.ini"), QSettings.Format.IniFormat))
    w.position_timer.setInterval(10**7)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w, 5000)
    w.tokens.setFocus()
    counts = {"transactions": 0, "statements": 0, "writes": 0}

    def begun(_conn: Any) -> None:
        counts["transactions"] += 1

    def ran(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        verb = statement.lstrip().upper()
        if verb.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SET ")):
            return
        counts["statements"] += 1
        counts["writes"] += verb.startswith(("INSERT", "UPDATE", "DELETE"))

    event.listen(project.engine, "begin", begun)
    event.listen(project.engine, "before_cursor_execute", ran)
    for label, key, times in (
        ("PgDown", Qt.Key.Key_PageDown, 10),
        ("PgUp", Qt.Key.Key_PageUp, 10),
        ("label 5", Qt.Key.Key_5, 1),
        ("Return (done and next)", Qt.Key.Key_Return, 5),
    ):
        counts.update(dict.fromkeys(counts, 0))
        for _ in range(times):
            QTest.keyClick(w.tokens, key)
        per = ", ".join(f"{value / times:.1f} {name}" for name, value in counts.items())
        print(f"{label}: {per} per key")
    w.close()
    project.close()
    app.quit()


if __name__ == "__main__":
    main()
