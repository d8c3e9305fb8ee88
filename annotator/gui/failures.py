"""Every failure ends in words the annotator can read, and in a log file.

An exception that escapes a slot, a paint event or a worker thread reaches ``sys.excepthook``
(PySide prints it through there) or ``threading.excepthook``. The reporter installed at start
writes its traceback to ``annotator.log`` in the data directory and hands a one-line summary to
the active window, in the window's thread, which shows it in the status bar, or in a dialog when
failures keep coming.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.gui.language import translate
from annotator.services.user_dirs import user_data_dir

LOG_NAME = "annotator.log"
_logger: logging.Logger | None = None
_logged_to: Path | None = None
_lock = threading.Lock()


def log_file() -> Path:
    """Where failures are written: ``annotator.log`` in the user's data directory."""
    return user_data_dir() / LOG_NAME


class _QuietHandler(RotatingFileHandler):
    """A log that never becomes a failure itself (a full disk must not raise from the log)."""

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: the message on screen already says what went wrong."""


def logger() -> logging.Logger:
    """The application's log, a rotating file in the data directory (opened on first use)."""
    with _lock:  # threads report failures too
        return _open_log()


def _open_log() -> logging.Logger:
    global _logger, _logged_to
    where = log_file()
    if _logger is None:
        _logger = logging.getLogger("annotator")
        _logger.setLevel(logging.INFO)
        _logger.propagate = False
    if where != _logged_to:  # first use, or the data directory moved (a test's own home)
        for old in list(_logger.handlers):
            _logger.removeHandler(old)
            old.close()
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = _QuietHandler(
                where, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
            )
        except OSError:
            handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _logged_to = where
    return _logger


class FailureReporter(QObject):
    """Routes uncaught exceptions, from any thread, to the log and to the active window."""

    reported = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.reported.connect(self._show)  # queued when emitted from a worker thread
        self._previous: tuple[Any, Any] | None = None

    def install(self) -> None:
        """Take over ``sys.excepthook`` and ``threading.excepthook``."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Give the hooks back."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Log the traceback and tell the window (Ctrl+C in a terminal still ends the program)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        logger().error("unexpected failure\n%s", "".join(traceback.format_exception(kind, value, tb)))
        self.reported.emit(f"{kind.__name__}: {value}".splitlines()[0])

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str) -> None:
        active = QApplication.activeWindow()  # a dialog, say: then the window it belongs to
        parent = active.parentWidget() if active is not None else None
        owner = parent.window() if parent is not None else None
        candidates = [active, owner, *QApplication.topLevelWidgets()]
        target = next(
            (w for w in candidates if w is not None and w.isVisible() and hasattr(w, "report_failure")), None
        )
        if target is not None:
            target.report_failure(summary)
        else:
            details = translate("Saving", "{message}\n\nDetails are in {log}.")
            QMessageBox.warning(None, "annotator", details.format(message=summary, log=log_file()))
