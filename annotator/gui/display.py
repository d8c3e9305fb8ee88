"""Whether the window has a display to open on, found out before Qt is started.

Qt aborts the process (exit 134, eight lines of its own) when it cannot connect to a display, so
the window first looks for one itself: ``DISPLAY`` (``[host]:N[.screen]``) is tried as the X
server's socket (``/tmp/.X11-unix/XN``, or Linux's abstract one of that name) or, with a host,
as TCP port 6000+N (``ssh -X`` gives ``localhost:10.0``); ``WAYLAND_DISPLAY`` as the socket in
``XDG_RUNTIME_DIR`` (or its own absolute path). Only Linux is checked, and not when a Qt
platform other than ``xcb`` or ``wayland`` is chosen (``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Callable, Mapping

NO_DISPLAY = (
    "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): start it in a desktop "
    "session or over ssh -X, or use the command line (annotator --help)"
)
_HINT = "start it in a desktop session or over ssh -X, or use the command line (annotator --help)"
_X_DISPLAY = re.compile(r"(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?")
_TIMEOUT = 2.0  # seconds for a connection to answer

Address = tuple[int, str | tuple[str, int]]  # a socket family and its address
Reachable = Callable[[Address], bool]


def display_problem(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform, reachable: Reachable | None = None
) -> str | None:
    """Why Qt could not open a window here, said before Qt aborts the process with its own lines;
    None when a display answers, or a Qt platform without one was chosen (``QT_QPA_PLATFORM``)."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or (chosen and not chosen.startswith(("xcb", "wayland"))):
        return None
    x, wayland = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    if not x and not wayland:
        return NO_DISPLAY
    connect = reachable or _answers
    tried = []
    if wayland and not chosen.startswith("xcb"):
        path = (
            wayland if wayland.startswith("/") else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), wayland)
        )
        if connect((socket.AF_UNIX, path)):
            return None
        tried.append(f"WAYLAND_DISPLAY={wayland} ({path})")
    if x and not chosen.startswith("wayland"):
        addresses = _x_addresses(x)
        if any(connect(address) for address in addresses):
            return None
        where = _shown(addresses[-1]) if addresses else "not of the form [host]:N"
        tried.append(f"DISPLAY={x} ({where})")
    return f"no display answers at {' or '.join(tried)}: {_HINT}"


def _x_addresses(display: str) -> list[Address]:
    """Where the X server of ``display`` listens: its local sockets, or a host's TCP port."""
    match = _X_DISPLAY.fullmatch(display)
    if match is None:
        return []
    number, host = int(match["number"]), match["host"]
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return [(socket.AF_UNIX, f"\0{path}"), (socket.AF_UNIX, path)]
    return [(socket.AF_INET, (host, 6000 + number))]


def _shown(address: Address) -> str:
    where = address[1]
    return f"{where[0]} port {where[1]}" if isinstance(where, tuple) else where.lstrip("\0")


def _answers(address: Address) -> bool:
    """True when something accepts a connection at ``address``."""
    family, where = address
    try:
        if family == socket.AF_INET:
            assert isinstance(where, tuple)
            socket.create_connection(where, timeout=_TIMEOUT).close()
            return True
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(_TIMEOUT)
            sock.connect(where)
        return True
    except (OSError, ValueError):
        return False
