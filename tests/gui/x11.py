"""A virtual X screen with a chosen keyboard layout, and physical key presses on it.

Keys are pressed by X key code through the XTEST extension, as a keyboard would press them:
the layout in use decides what they type. Used by the layout test and the soak driver.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

# X key codes (evdev + 8) of the keys the tests press.
CODES = {
    **{str((i + 1) % 10): 10 + i for i in range(10)},  # 1..9, 0
    **{c: 24 + i for i, c in enumerate("QWERTYUIOP")},
    **{c: 38 + i for i, c in enumerate("ASDFGHJKL")},
    **{c: 52 + i for i, c in enumerate("ZXCVBNM")},
    "Escape": 9,
    "Return": 36,
    "BackSpace": 22,
    "Delete": 119,
    "Home": 110,
    "End": 115,
    "Left": 113,
    "Right": 114,
    "Up": 111,
    "Down": 116,
    "Prior": 112,
    "Next": 117,
    "Control": 37,
    "Shift": 50,
    "Alt": 64,
    "F5": 71,
}
TOOLS = ("Xvfb", "setxkbmap", "xdotool")


def missing_tools() -> list[str]:
    """The programs a virtual screen needs that this machine lacks."""
    return [t for t in TOOLS if shutil.which(t) is None]


@contextlib.contextmanager
def virtual_screen(layout: str = "us", size: str = "1400x900") -> Iterator[str]:
    """An Xvfb screen with keyboard ``layout`` (``"kz"``, ``"ru,kz,us"`` ...); yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-noreset", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 30)
        if not ready:
            raise RuntimeError("Xvfb did not start within 30 s")
        display = ":" + os.read(read, 64).decode().strip()
        for _ in range(50):  # the server answers keyboard requests a moment after it starts
            done = subprocess.run(
                ["setxkbmap", "-display", display, "-layout", layout], capture_output=True, check=False
            )
            query = subprocess.run(
                ["setxkbmap", "-display", display, "-query"], capture_output=True, text=True, check=False
            )
            if done.returncode == 0 and f"layout:     {layout}" in query.stdout:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"setxkbmap could not set layout {layout}")
        yield display
    finally:
        os.close(read)
        server.terminate()
        server.wait(10)


class Keyboard:
    """Physical key presses on an X display (XTEST), by key code."""

    def __init__(self, display: str):
        self.x = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.display = ctypes.c_void_p(self.x.XOpenDisplay(display.encode()))
        if not self.display.value:
            raise RuntimeError(f"cannot open X display {display}")

    def tap(self, key: str, *modifiers: str) -> None:
        """Press and release ``key`` (a name in CODES) with the modifier keys held."""
        codes = [CODES[m] for m in modifiers]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        self.xtst.XTestFakeKeyEvent(self.display, CODES[key], 1, 0)
        self.xtst.XTestFakeKeyEvent(self.display, CODES[key], 0, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x.XFlush(self.display)

    def close(self) -> None:
        """Let go of the display."""
        self.x.XCloseDisplay(self.display)


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    """Run xdotool on ``display``; its output."""
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=env, timeout=timeout, check=False
    )
    return done.stdout.strip()


def focused_name(display: str) -> str:
    """The title of the window that has the keyboard."""
    return xdotool(display, "getwindowfocus", "getwindowname")


def until(condition: Callable[[], object], what: str, timeout: float = 30) -> None:
    """Wait until ``condition()`` is true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
