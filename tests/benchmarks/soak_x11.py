"""A working day on a real X server: the app as `make run` starts it, 5,000 physical key presses.

    .venv/bin/python tests/benchmarks/soak_x11.py [--actions 5000] [--layout kz] [--json FILE]

It starts Xvfb with the chosen keyboard layout, starts the app on a new default project (the
seeds, in a temporary data directory) and presses keys through XTEST by key code: labels,
relabels, deletions, triggers, arguments, attributes, stance, holders, status, undo and redo,
navigation, search and the keymap, answering every chooser that opens. Inside the app a timer
writes, every half second, what the window has shown of every sentence, the count of references
to None and the resident memory. After the last key it waits for the app to settle, checks the
process is alive, takes a screenshot, kills it with SIGKILL and compares the database with what
the window last showed. Exit status 1 when anything differs or the process died.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.gui.x11 import Keyboard, focused_name, virtual_screen, xdotool  # noqa: E402

# Runs inside the app's process: the real entry point, plus a timer that writes what is shown.
PROBE = r"""
import json, os, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from annotator.gui.main_window import AnnotationWindow

out = sys.argv[1]
shown = {}
original = AnnotationWindow._show_screen

def layer(view):
    return {
        "entities": [[e.token_start, e.token_end, e.label] for e in view.entities],
        "events": [[e.token_start, e.token_end, e.type, sorted(e.attributes.items()),
                    sorted([a.role, a.entity_id] for a in e.arguments)] for e in view.events],
        "stance": sorted([t, lab, h] for t, (lab, h) in view.stance.items()),
        "status": view.status,
        "comment": view.comment,
    }

def showing(self, screen):
    original(self, screen)
    shown[str(self.current.id)] = layer(self.current)

AnnotationWindow._show_screen = showing

def dump():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, AnnotationWindow)]
    with open(f"/proc/{os.getpid()}/statm") as statm:
        rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    state = {
        "none": sys.getrefcount(None), "rss_mb": rss, "shown": shown,
        "saved": windows[0].status_saved.text() if windows else "",
        "annotator": windows[0].annotator.id if windows else None,
    }
    with open(out + ".tmp", "w") as f:
        json.dump(state, f)
    os.replace(out + ".tmp", out)

app = QApplication(sys.argv[:1])
timer = QTimer()
timer.timeout.connect(dump)
timer.start(500)
from annotator.cli import main
sys.exit(main(["gui", "--annotator", "soak"]))
"""

DIALOG_KEYS = {"T", "A", "E", "S", "D", "H", "L", "F"}
ACTIONS: list[tuple[int, str, tuple[str, ...]]] = [
    *[(2, d, ()) for d in "1234567890"],
    (3, "1", ("Alt",)),
    (12, "Right", ()),
    (5, "Left", ()),
    (5, "Right", ("Shift",)),
    (2, "Home", ()),
    (2, "End", ()),
    (2, "Escape", ()),
    (5, "Delete", ()),
    (4, "T", ()),
    (3, "A", ()),
    (3, "E", ()),
    (3, "S", ()),
    (2, "D", ()),
    (2, "H", ()),
    (1, "L", ()),
    (4, "Return", ()),
    (4, "Next", ()),
    (3, "Prior", ()),
    (1, "Next", ("Control",)),
    (1, "K", ()),
    (1, "F", ()),
    (8, "Z", ("Control",)),
    (4, "Z", ("Control", "Shift")),
    (1, "F", ("Control",)),
    (1, "V", ()),
    (1, "F5", ()),
]


def answer_dialogs(keys: Keyboard, display: str, main_title: str, rng: random.Random) -> int:
    """Answer whatever dialog has the keyboard until the main window has it again; dialogs answered."""
    answered = 0
    deadline = time.monotonic() + 0.5  # a key that asks nothing (no event yet, say) opens no dialog
    while time.monotonic() < deadline:
        title = focused_name(display)
        if title == main_title:
            if answered:
                return answered
            time.sleep(0.02)  # a dialog may still be opening
            continue
        answered += 1
        if title.startswith("Search"):
            keys.tap("E")
            keys.tap("Return")
            keys.tap("Return")
        elif title == "Flag":
            keys.tap("A")
            keys.tap("Return")
        elif rng.random() < 0.1:
            keys.tap("Escape")
        else:
            for _ in range(rng.randrange(4)):
                keys.tap("Down")
            keys.tap("Return")
        deadline = time.monotonic() + 1  # the next question (a role after an argument) opens quickly
        time.sleep(0.05)
    return answered


def compare(state: dict[str, object], db: Path) -> list[str]:
    """Differences between what the window last showed and what the database holds."""
    from annotator.services.annotate import load_sentence
    from annotator.store import open_project

    project, _ = open_project(db, check=False)
    problems = []
    me = int(state["annotator"])  # type: ignore[arg-type]
    for sid, shown in state["shown"].items():  # type: ignore[union-attr]
        view = load_sentence(project, int(sid), me)
        stored = {
            "entities": [[e.token_start, e.token_end, e.label] for e in view.entities],
            "events": [
                [
                    e.token_start,
                    e.token_end,
                    e.type,
                    sorted(map(list, e.attributes.items())),
                    sorted([a.role, a.entity_id] for a in e.arguments),
                ]
                for e in view.events
            ],
            "stance": sorted([t, lab, h] for t, (lab, h) in view.stance.items()),
            "status": view.status,
            "comment": view.comment,
        }
        if json.loads(json.dumps(stored)) != shown:
            problems.append(f"sentence {sid}: shown {shown}, stored {stored}")
    project.close()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--layout", default="kz")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--json", default=str(REPO / "exports" / "soak-x11.json"))
    parser.add_argument("--screenshot", default=str(REPO / "exports" / "soak-x11.png"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    home = Path(tempfile.mkdtemp(prefix="soak-"))
    state_file = home / "state.json"
    with virtual_screen(args.layout) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        app = subprocess.Popen([sys.executable, "-c", PROBE, str(state_file)], env=env, cwd=REPO)
        keys = Keyboard(display)
        main_title = "default — soak — annotator"
        window = xdotool(display, "search", "--sync", "--onlyvisible", "--name", main_title, timeout=120)
        xdotool(display, "windowfocus", "--sync", window.split()[0])
        while not state_file.exists():
            time.sleep(0.1)
        first = json.loads(state_file.read_text())
        started = time.monotonic()
        dialogs = 0
        weights = [w for w, _, _ in ACTIONS]
        for n in range(args.actions):
            _, key, mods = rng.choices(ACTIONS, weights)[0]
            if focused_name(display) != main_title:
                dialogs += answer_dialogs(keys, display, main_title, rng)
            keys.tap(key, *mods)
            time.sleep(0.015)
            if (key in DIALOG_KEYS and not mods) or (key == "F" and mods == ("Control",)):
                dialogs += answer_dialogs(keys, display, main_title, rng)
            if app.poll() is not None:
                print(f"the app died after {n + 1} actions (exit status {app.returncode})")
                return 1
        elapsed = time.monotonic() - started
        time.sleep(3)  # the last keys are handled and the probe has written what they showed
        alive = app.poll() is None
        if shutil.which("import"):  # ImageMagick, if installed
            subprocess.run(["import", "-display", display, "-window", "root", args.screenshot], check=False)
        last = json.loads(state_file.read_text())
        app.send_signal(signal.SIGKILL)
        app.wait()
        keys.close()
    problems = compare(last, home / "data" / "annotator" / "default.sqlite")
    report = {
        "actions": args.actions,
        "layout": args.layout,
        "dialogs answered": dialogs,
        "seconds": round(elapsed, 1),
        "alive before the kill": alive,
        "rss_mb start": round(first["rss_mb"], 1),
        "rss_mb end": round(last["rss_mb"], 1),
        "none start": first["none"],
        "none end": last["none"],
        "sentences shown": len(last["shown"]),
        "saved indicator": last["saved"],
        "differences after kill -9": len(problems),
    }
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    for p in problems[:5]:
        print(p)
    return 0 if alive and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
