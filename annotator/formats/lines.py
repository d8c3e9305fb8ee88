"""Reading a file line by line as strict UTF-8, with line numbers for every error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.errors import InputError

ProgressFn = Callable[[int], None]
_BOM = b"\xef\xbb\xbf"
_PROGRESS_EVERY = 2048


def check_readable(path: Path) -> None:
    """Raise InputError unless ``path`` is an existing, non-empty regular file."""
    if not path.exists():
        raise InputError(path, None, "no such file")
    if path.is_dir():
        raise InputError(path, None, "is a directory, not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None
    if size == 0:
        raise InputError(path, None, "the file is empty")


def read_lines(path: Path, progress: ProgressFn | None = None) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` without the line ending; a BOM and CRLF endings are accepted.

    Invalid UTF-8 and NUL characters raise InputError with line and column. ``progress`` is
    called now and then with the number of bytes read so far.
    """
    check_readable(path)
    consumed = 0
    any_text = False
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None
    with handle:
        for number, raw in enumerate(handle, 1):
            consumed += len(raw)
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(raw[: exc.start].decode("utf-8", errors="replace")) + 1
                raise InputError(
                    path, number, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", column
                ) from None
            line = line.rstrip("\r\n")
            nul = line.find("\x00")
            if nul >= 0:
                raise InputError(path, number, "NUL character in the text", nul + 1)
            if not any_text and line.strip():
                any_text = True
            if progress is not None and number % _PROGRESS_EVERY == 0:
                progress(consumed)
            yield number, line
    if progress is not None:
        progress(consumed)
    if not any_text:
        raise InputError(path, None, "the file is empty (no text in it)")
