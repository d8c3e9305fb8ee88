"""Where the application finds its shipped files (the user's data: :mod:`annotator.services.user_dirs`)."""

from __future__ import annotations

import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]


def _shipped(folder: str) -> Path:
    """A folder shipped beside the package (editable install) or under ``sys.prefix/share``."""
    beside = _REPO / folder
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "annotator" / folder


def resources_dir() -> Path:
    """The folder holding ``schema.toml`` and other shipped resources."""
    return _shipped("resources")


def seeds_dir() -> Path:
    """The folder holding the seed articles imported into the default project."""
    return _shipped("seeds")


def exports_dir() -> Path:
    """The default destination of exports: ``exports/`` of the checkout, else the working directory's."""
    beside = _REPO / "exports"
    return beside if beside.is_dir() else Path.cwd() / "exports"
