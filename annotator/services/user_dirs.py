"""Where the user's default project lives: the platform's data directory, through platformdirs.

On Linux that is ``$XDG_DATA_HOME/annotator`` when ``XDG_DATA_HOME`` is an absolute path, else
``~/.local/share/annotator``: a relative value is ignored, as the XDG Base Directory specification
says. On macOS it is ``~/Library/Application Support/annotator`` (platformdirs also honours an
absolute ``XDG_DATA_HOME`` there), on Windows
``%APPDATA%\\annotator``. Nothing here makes a folder: whoever writes there makes it.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "annotator"
DEFAULT_PROJECT = "default.sqlite"


def user_data_dir() -> Path:
    """The per-user data directory of annotator (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    """The embedded default project, created with the seeds by ``init`` or the window."""
    return user_data_dir() / DEFAULT_PROJECT
