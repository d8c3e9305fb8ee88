"""A progress bar for long command-line work (tqdm), drawn only when standard error is a terminal."""

from __future__ import annotations

import io
import os
import sys
from typing import Any, TextIO

from tqdm import tqdm

BYTES = "B"
SENTENCES = " sentences"


class ProgressBar:
    """Call with ``(done, total)``; shows the count, the rate and the time left, and ends on ``close``.

    ``unit`` is what ``done`` counts: :data:`SENTENCES` (the default) or :data:`BYTES`, shown in
    kB, MB and GB, as the importers report how much of their files they have read.
    """

    def __init__(self, label: str, stream: TextIO | None = None, unit: str = SENTENCES):
        self.label = label
        self.stream = stream or sys.stderr
        self.unit = unit
        self.enabled = self.stream.isatty()
        self.bar: Any = None  # tqdm ships no type information

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            scaled = self.unit == BYTES
            sized = _width(self.stream) > 0
            self.bar = tqdm(
                total=total,
                desc=self.label,
                unit=self.unit,
                unit_scale=scaled,
                unit_divisor=1024 if scaled else 1000,
                file=self.stream,
                dynamic_ncols=sized,  # follows the window as it is resized
                ncols=None if sized else 80,  # a terminal that tells no size: tqdm would draw nothing
                nrows=None if sized else 24,
                mininterval=0.1,
            )
        if total != self.bar.total:
            self.bar.total = total
        self.bar.update(max(0, done - self.bar.n))

    def close(self) -> None:
        """Finish the bar's line (nothing if it was never drawn)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _width(stream: TextIO) -> int:
    """The terminal's width in columns, 0 when it tells none (a new pseudo-terminal, a serial line)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 0
