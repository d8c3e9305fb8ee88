"""File names made from names people chose (documents, annotators): portable, inside their folder, unique.

A name that is already a good file name everywhere is kept as it is. Any other name is cleaned
(separators, control characters, characters Windows forbids, a leading dot and runs of dots
become ``_``, a reserved device name such as ``CON`` gets a ``_`` in front, and the name is cut
to fit a file name) and gets ``~`` and the first eight hex digits of the SHA-256 of the original
name, so the stem of a document does not depend on which other documents are exported with it.
Stems are unique ignoring case and Unicode normalization, so no two of them can land on the same
file of a case-insensitive file system.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Room left in a 255-byte file name for "~12345678-99" and an ending such as ".ann".
MAX_STEM_BYTES = 200
_FORBIDDEN = frozenset('/\\<>:"|?*')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


def _bad_char(ch: str) -> bool:
    return ch in _FORBIDDEN or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


def is_portable(name: str) -> bool:
    """Whether ``name`` can be a file stem on Linux, macOS and Windows as it is, inside its folder."""
    if not name or name.startswith(".") or name.endswith((" ", ".")) or ".." in name:
        return False
    if any(_bad_char(ch) for ch in name):
        return False
    if len(name.encode("utf-8")) > MAX_STEM_BYTES:
        return False
    return name.split(".")[0].rstrip(" ").upper() not in _RESERVED


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, on a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def sanitize(name: str) -> str:
    """A portable stem made from ``name``: ``name`` itself if it is portable, else a cleaned copy.

    The cleaned copy ends in ``~`` and eight hex digits of the name's SHA-256, so two different
    names that clean up alike still get different stems.
    """
    if is_portable(name):
        return name
    clean = "".join("_" if _bad_char(ch) else ch for ch in name)
    clean = re.sub(r"^\.+|\.{2,}", lambda dots: "_" * len(dots.group()), clean)
    clean = clean.rstrip(" .") or "_"
    if clean.split(".")[0].upper() in _RESERVED:
        clean = "_" + clean
    digest = hashlib.sha256(name.encode("utf-8", errors="surrogatepass")).hexdigest()[:8]
    return f"{_cut(clean, MAX_STEM_BYTES - 9)}~{digest}"


def _key(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()


class StemAllocator:
    """Hands out one stem per name, never the same stem twice (ignoring case and normalization)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.names: dict[str, str] = {}

    def stem(self, name: str) -> str:
        """The stem for ``name``: ``sanitize(name)``, with ``-2``, ``-3``... when that is taken."""
        base = sanitize(name)
        candidate, n = base, 1
        while _key(candidate) in self.taken:
            n += 1
            suffix = f"-{n}"
            candidate = _cut(base, MAX_STEM_BYTES - len(suffix)) + suffix
        self.taken.add(_key(candidate))
        self.names[candidate] = name
        return candidate
