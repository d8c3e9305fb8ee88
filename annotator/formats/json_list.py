"""A JSON list read one item at a time (Label Studio's exports): never the whole file in memory.

The file is read in blocks of whole lines (:func:`annotator.formats.lines.read_text_blocks`:
strict UTF-8, no NUL, BOM and CRLF accepted) and each item decoded as soon as the buffer holds
all of it; the buffer keeps only what is not decoded yet. Every item comes with its index (from
0) and the line it starts on, for messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.formats.lines import ProgressFn, read_text_blocks

_SPACE = " \t\n\r"


def first_character(path: Path, limit: int = 4096) -> str:
    """The first character of ``path`` that is not white space (after a BOM); "" if none or unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(limit)
    except OSError:
        return ""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff" + _SPACE)
    return text[:1]


class _Buffer:
    """The undecoded rest of the file, refilled block by block, with the line of its first character."""

    def __init__(self, path: Path, progress: ProgressFn | None):
        self.path = path
        self.blocks = read_text_blocks(path, progress)
        self.text = ""
        self.pos = 0
        self.line = 1  # the line of text[pos]
        self.eof = False

    def more(self) -> bool:
        """Append the next block; False at the end of the file."""
        if self.eof:
            return False
        block = next(self.blocks, None)
        if block is None:
            self.eof = True
            return False
        self.text = self.text[self.pos :] + block[1]
        self.pos = 0
        return True

    def advance(self, to: int) -> None:
        """Move past ``text[pos:to]``, counting its line breaks."""
        self.line += self.text.count("\n", self.pos, to)
        self.pos = to

    def peek(self) -> str:
        """The next character that is not white space (moving past the white space); "" at the end."""
        while True:
            n = len(self.text)
            pos = self.pos
            while pos < n and self.text[pos] in _SPACE:
                pos += 1
            self.advance(pos)
            if pos < n:
                return self.text[pos]
            if not self.more():
                return ""

    def fail(self, message: str) -> InputError:
        """The error for ``message`` at the current line."""
        return InputError(self.path, self.line, message)


def iter_items(path: Path, what: str, progress: ProgressFn | None = None) -> Iterator[tuple[int, int, Any]]:
    """Yield ``(index, line, item)`` for each item of the JSON list in ``path``; ``what`` names an
    item in messages (``task``). Anything but a list of JSON values raises InputError with the line."""
    decoder = json.JSONDecoder()
    buf = _Buffer(path, progress)
    if buf.peek() != "[":
        raise buf.fail("expected a JSON list ([ ... ])")
    buf.advance(buf.pos + 1)
    index = 0
    while True:
        ch = buf.peek()
        if ch == "]" and index == 0:
            buf.advance(buf.pos + 1)
            break
        if ch == "":
            raise buf.fail(f"the list ends before its closing ] ({what} {index})")
        line = buf.line
        while True:
            try:
                item, end = decoder.raw_decode(buf.text, buf.pos)
                break
            except json.JSONDecodeError as exc:
                # the item may go on in the next block; with none left, the error is real
                if not buf.more():
                    where = min(exc.pos, len(buf.text.rstrip()))  # the end of the file: its last line
                    at = buf.line + buf.text.count("\n", buf.pos, where)
                    raise InputError(path, at, f"{what} {index}: invalid JSON: {exc.msg}") from None
            except RecursionError:
                raise buf.fail(f"{what} {index}: invalid JSON: nested too deeply") from None
        buf.advance(end)
        yield index, line, item
        index += 1
        ch = buf.peek()
        if ch == ",":
            buf.advance(buf.pos + 1)
        elif ch == "]":
            buf.advance(buf.pos + 1)
            break
        elif ch == "":
            raise buf.fail(f"the list ends before its closing ] (after {what} {index - 1})")
        else:
            raise buf.fail(f"expected , or ] after {what} {index - 1}")
    if buf.peek() != "":
        raise buf.fail("text after the end of the JSON list")
