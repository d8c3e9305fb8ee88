"""Event triggers beside a CoNLL file: ``X.events.conll`` next to ``X.conll``, and tag columns.

``export --events`` writes the trigger tags to a file of their own with the same lines as the
export (document lines, tokens, blank lines) and a trigger tag in place of the entity tag, so the
main file stays ``token TAG`` as spaCy and conlleval read it. The CoNLL reader finds that file
beside the one it reads and takes the triggers from it, checking that both have the same tokens.

Columns are counted as people count them: 1 is the token, 2 the next one, -1 the last.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.formats.lines import read_lines

EVENTS_INFIX = ".events"
TriggerRow = tuple[int, list[str], list[str]]  # line of the sentence's first token, tokens, tags


def events_file_of(path: Path) -> Path:
    """Where the triggers of the CoNLL file ``path`` go: ``X.events.conll`` beside ``X.conll``."""
    if path.suffix:
        return path.with_name(f"{path.stem}{EVENTS_INFIX}{path.suffix}")
    return path.with_name(f"{path.name}{EVENTS_INFIX}.conll")


def main_file_of(path: Path) -> Path | None:
    """The CoNLL file whose triggers ``path`` holds, when its name says so (``X.events.conll``)."""
    stem = path.stem
    if path.suffix and stem.endswith(EVENTS_INFIX) and len(stem) > len(EVENTS_INFIX):
        return path.with_name(stem[: -len(EVENTS_INFIX)] + path.suffix)
    return None


def is_file(path: Path) -> bool:
    """True when ``path`` is a regular file; False too when it cannot be looked at (a name too long)."""
    try:
        return path.is_file()
    except OSError:
        return False


def column_index(column: int, option: str) -> int:
    """A 1-based (or negative, from the end) column number as a list index; the token's column
    (1) and 0 are refused with a message that names ``option``."""
    if column in (0, 1):
        raise ValueError(f"{option} {column}: column 1 is the token; give 2 or more, or -1 for the last")
    return column - 1 if column > 0 else column


def pick(cols: list[str], index: int) -> str | None:
    """The cell at ``index`` of a row, or None when the row has no such column after its token."""
    resolved = index if index >= 0 else len(cols) + index
    return cols[resolved] if 1 <= resolved < len(cols) else None


def column_name(index: int) -> str:
    """A list index as the column number people give (``-1`` stays ``-1``)."""
    return str(index + 1 if index >= 0 else index)


def trigger_rows(path: Path) -> Iterator[TriggerRow]:
    """The sentences of a trigger file, each its first line, tokens and trigger tags (last column)."""
    words: list[str] = []
    tags: list[str] = []
    start = 0
    for number, line in read_lines(path):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                yield start, words, tags
                words, tags = [], []
            continue
        if len(cols) < 2:
            raise InputError(path, number, f"expected a token and a trigger tag, got {line.strip()!r}")
        if not words:
            start = number
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        yield start, words, tags
