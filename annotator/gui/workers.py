"""Long work off the window's thread: import and export with a progress dialog and Cancel.

Python's cyclic garbage collector must not run in a worker thread: it could free wrappers of Qt
widgets there, and PySide then deletes the widgets from the wrong thread and crashes. So the
collector runs in the window's thread before a worker starts and is paused until the last worker
ends. (Seen in the tests: wrappers of an earlier, closed window collected in an export thread
crashed the process.)
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.gui.failures import log_file, logger
from annotator.gui.language import shown, translate


class Worker(QThread):
    """Runs ``job(progress)`` in a thread; ``progress(done, total)`` raises Cancelled after Cancel."""

    progressed = Signal(int, int)
    finished_ok = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[Callable[[int, int], None]], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.job = job
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled(translate("Workers", "cancelled; nothing was changed"))
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.job(self._progress)
        except AnnotatorError as exc:
            logger().warning("%s", exc)
            self.failed.emit(shown(exc))  # str() would lose the message's template
        except Exception as exc:  # a defect must not kill the window silently: said, and logged
            logger().exception("unexpected failure in a background job")
            details = translate("Workers", "{problem} (details in {log})")
            self.failed.emit(details.format(problem=f"{type(exc).__name__}: {exc}", log=log_file()))
        else:
            self.finished_ok.emit(result)


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Callable[[Callable[[int, int], None]], Any],
    done: Callable[[Any], None],
    failed: Callable[[str], None],
) -> Worker:
    """Start ``job`` in a worker with a modal progress dialog that has a Cancel button."""
    dialog = QProgressDialog(title, translate("Workers", "Cancel"), 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(job, parent)

    def on_progress(n: int, total: int) -> None:
        dialog.setValue(int(1000 * n / total) if total else 0)

    def finish(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        done(result)

    def fail(message: str) -> None:
        dialog.close()
        dialog.deleteLater()
        failed(message)

    def cancel() -> None:
        worker.cancelled = True

    worker.progressed.connect(on_progress)
    dialog.canceled.connect(cancel)
    return _start(worker, finish, fail)


_running = 0


def _worker_started() -> None:
    global _running
    if _running == 0:
        gc.collect()
        gc.disable()
    _running += 1


def _worker_ended() -> None:
    global _running
    _running = max(0, _running - 1)
    if _running == 0:
        gc.enable()
        gc.collect()


def run_in_background(
    parent: QWidget, job: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]
) -> Worker:
    """Start ``job`` in a worker without a dialog (a pane fills in when it ends)."""
    return _start(Worker(lambda _progress: job(), parent), done, failed)


def _start(worker: Worker, done: Callable[[Any], None], failed: Callable[[str], None]) -> Worker:
    """Connect a worker's outcome, count it among the running ones (the collector waits) and start it."""
    worker.finished_ok.connect(done)
    worker.failed.connect(failed)
    worker.finished.connect(_worker_ended)
    _worker_started()
    worker.start()
    return worker
