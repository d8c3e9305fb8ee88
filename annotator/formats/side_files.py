"""The side files an export writes beside its main file, and the main file a side file belongs to.

``X.jsonl`` has ``X.documents.jsonl`` (its document lines, read with it), ``X.labels.json`` (its
tag names) and ``X.features.json`` (its Hugging Face features); ``X.conll`` has
``X.events.conll`` (its event triggers, read with it). A side file is never a file to import by
itself: given with its main file (a glob such as ``exports/*.jsonl``) it is passed over, and given
alone it is refused in one line that names the file to import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.formats.conll_events import is_file, main_file_of
from annotator.formats.jsonl.hf import DOCUMENTS_SUFFIX, LABELS_SUFFIX
from annotator.formats.jsonl_features import FEATURES_SUFFIX

_JSONL_SIDES = {
    DOCUMENTS_SUFFIX: "document lines",
    LABELS_SUFFIX: "label list",
    FEATURES_SUFFIX: "Hugging Face features",
}
_JSONL_MAINS = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True)
class SideFile:
    """``path`` holds the ``what`` of the export ``main`` (which may not be there)."""

    path: Path
    main: Path
    what: str
    read_with_main: bool  # the main file's reader reads it (document lines, triggers)


def side_file(path: Path, others: list[Path] | None = None) -> SideFile | None:
    """What ``path`` is the side file of, by its name (None for a file that is no side file); the
    main file is the one among ``others`` when it is there, else the first that exists."""
    name = path.name
    for suffix, what in _JSONL_SIDES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            mains = [path.with_name(name[: -len(suffix)] + end) for end in _JSONL_MAINS]
            return SideFile(path, _pick(mains, others), what, suffix == DOCUMENTS_SUFFIX)
    main = main_file_of(path)
    if main is not None:
        return SideFile(path, main, "trigger file", True)
    return None


def _pick(mains: list[Path], others: list[Path] | None) -> Path:
    for main in mains:
        if others is not None and any(_same(main, other) for other in others):
            return main
    return next((main for main in mains if is_file(main)), mains[0])


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
