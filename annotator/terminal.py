"""A progress bar for long command-line work, drawn only when standard error is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Call with ``(done, total)``; redraws at most ten times a second and ends the line on ``close``."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30):
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = self.stream.isatty()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        fraction = min(1.0, done / total) if total else 1.0
        filled = int(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {fraction:6.1%}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Finish the bar's line."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
