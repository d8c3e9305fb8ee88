"""Event triggers beside a CoNLL file: ``X.events.conll`` next to ``X.conll``, and tag columns.

``export --events`` writes the trigger tags to a file of their own with the same lines as the
export (document lines, tokens, blank lines) and a trigger tag in place of the entity tag, so the
main file stays ``token TAG`` as spaCy and conlleval read it. The CoNLL reader finds that file
beside the one it reads and takes the triggers from it, checking that both have the same tokens.

Columns are counted as people count them: 1 is the token, 2 the next one, -1 the last.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


_SNIFF_BYTES = 64 * 1024


def trigger_column(path: Path, event_types: Iterable[str], tag_column: int = -1) -> int | None:
    """The 1-based column of ``path`` that looks like event triggers besides the entity tags (every
    cell ``O`` or a prefix and one of ``event_types``, some not ``O``, in the file's first 64 KB),
    for a hint to import with ``--event-column``; None when there is none."""
    types = set(event_types)
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    rows = [line.split() for line in head.splitlines()[:-1] if line.strip()]
    rows = [cols for cols in rows if cols[0] != "-DOCSTART-"]
    if not types or not rows or len({len(cols) for cols in rows}) != 1 or len(rows[0]) < 3:
        return None
    width = len(rows[0])
    tags = tag_column - 1 if tag_column > 0 else width + tag_column
    for index in range(1, width):
        cells = [cols[index] for cols in rows]
        if index != tags and any(c != "O" for c in cells) and all(_is_trigger(c, types) for c in cells):
            return index + 1
    return None


def _is_trigger(cell: str, types: set[str]) -> bool:
    return cell == "O" or (len(cell) > 2 and cell[0] in "BIESLU" and cell[1] == "-" and cell[2:] in types)
