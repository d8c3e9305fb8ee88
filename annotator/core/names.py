"""Names of documents and people: printable text on one line.

A control character (U+0000 to U+001F, tab and line breaks included, and U+007F) is refused in
a name: PostgreSQL cannot store NUL at all, and the others break the lines that show names
(``annotator annotators list`` prints ``NAME<TAB>ROLE``, window titles, the document list).
Sentence text is not a name; only NUL is refused there (see the JSONL reader).
"""

from __future__ import annotations

import re
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SHOWN = 40  # characters of a long name shown in a message


def shown(name: str) -> str:
    """``name`` quoted for a message, cut after a few dozen characters."""
    return repr(name) if len(name) <= SHOWN else f"{name[:SHOWN]!r}…"


@lru_cache(maxsize=4096)  # a file repeats its few names on every line
def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a document or an annotator (a control character in it), or None."""
    found = _CONTROL.search(name)
    if found is None:
        return None
    char = found.group()
    what = "a NUL character" if char == "\x00" else "a control character"
    return f"{shown(name)} contains {what} (U+{ord(char):04X}) at position {found.start() + 1}"
