"""Running the installed ``annotator`` as a user would: a real process with a home of its own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO

ANNOTATOR = REPO / ".venv" / "bin" / "annotator"


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose home is ``home``: no XDG folders, no ANNOTATOR_DB, no display."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ANNOTATOR_"))}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):  # as over plain ssh
        env.pop(name, None)
    env.update(HOME=str(home), **extra)
    return env


def annotator(home: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``annotator ARGS`` in ``home`` (its working directory too), capturing both outputs."""
    return subprocess.run(
        [str(ANNOTATOR), *args],
        cwd=home,
        env=user_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def tree(folder: Path) -> list[str]:
    """Every file and folder under ``folder``, as relative paths."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
