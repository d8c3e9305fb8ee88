"""Is the running Qt binding safe for a working day?

PySide6 6.12.0 drops a reference to ``None`` on every binding call that returns void (``setPen``,
``update``, ``QPoint.setX`` ...). On Python 3.11 ``None`` is reference-counted, so after some
thousands of calls the interpreter deallocates it and aborts ("Fatal Python error: none_dealloc"):
the window died after about 850 key actions. From Python 3.12 ``None`` is immortal (PEP 683) and
the count never moves. ``pyproject.toml`` excludes the broken release; this probe refuses any
binding that still loses references, whatever got installed.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QPoint

PROBE_CALLS = 300
_held: list[None] = []  # references the probe itself lost, given back so the check harms nothing


def none_drift(calls: int = PROBE_CALLS) -> int:
    """How far ``sys.getrefcount(None)`` moves over ``calls`` void binding calls (0 on a sound binding)."""
    point = QPoint()
    for i in range(10):  # warm up: first calls may create caches that hold None
        point.setX(i)
    before = sys.getrefcount(None)
    for i in range(calls):
        point.setX(i)
    drift = sys.getrefcount(None) - before
    if drift < 0:
        _held.extend([None] * -drift)
    return drift


def binding_problem() -> str | None:
    """A one-line message naming the fix when the binding loses references to None, else None."""
    drift = none_drift()
    if drift >= 0:
        return None
    python = ".".join(map(str, sys.version_info[:2]))
    return (
        f"PySide6 {PySide6.__version__} on Python {python} loses a reference to None on every call "
        f"({-drift} in {PROBE_CALLS} calls) and would crash the window within the hour; install a sound "
        "release: pip install 'PySide6-Essentials>=6.8,<6.12' (or use Python 3.12 or newer)"
    )
