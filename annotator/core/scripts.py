"""Mixed-script words: Latin look-alikes inside Cyrillic words (``Қaзақстан`` with a Latin ``a``),
and the other way round, found and fixed by pure functions (standard library only).

A *word* here is a run of letters: digits, hyphens, apostrophes, quotes and every other
non-letter end it, so ``COVID-19-дың`` is three words (``COVID``, ``19`` is no word, ``дың``) and
is not mixed. A word is *mixed* when it holds at least one Latin and one Cyrillic letter (by the
Unicode blocks below; other scripts are neither and count for nothing).

Fixing maps each letter of the word's minority script to its look-alike in the majority script
(the script of most of the word's letters; a tie goes to Cyrillic, the corpus's script). A word
whose minority letters do not all have a look-alike (``Қzақ``: no Cyrillic ``z``) is left as it
is. Every replacement is one code point for one code point, so the text keeps its length and
every token offset stays where it was.

Note ``ə`` (U+0259, Latin small schwa) and ``ә`` (U+04D9, Cyrillic small schwa) look the same;
so do ``Ə`` (U+018F) and ``Ә`` (U+04D8).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Latin: Basic Latin and Latin-1 letters, Latin Extended-A/B, IPA (ə), Latin Extended Additional.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0250-\u02af\u1e00-\u1eff"
# Cyrillic and Cyrillic Supplement (Kazakh ә ғ қ ң ө ұ ү һ і are in the first block).
_CYRILLIC = "\u0400-\u052f"
_LATIN_LETTER = re.compile(f"[{_LATIN}]")
_CYRILLIC_LETTER = re.compile(f"[{_CYRILLIC}]")
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters


# Latin letter -> the Cyrillic (Kazakh) letter that looks the same.
TO_CYRILLIC: dict[str, str] = dict(zip("aeopcxyihəABEKMHOPCTXYIƏ", "аеорсхуіһәАВЕКМНОРСТХУІӘ", strict=True))
# Cyrillic letter -> the Latin letter that looks the same (both Н and Һ look like H, У and Ү like Y).
TO_LATIN: dict[str, str] = {
    **{cyr: lat for lat, cyr in TO_CYRILLIC.items()},
    "Һ": "H",
    "Ү": "Y",
    "ѕ": "s",
    "Ѕ": "S",
    "ј": "j",
    "Ј": "J",
    "ԛ": "q",
    "Ԛ": "Q",
    "ԝ": "w",
    "Ԝ": "W",
}
LATIN, CYRILLIC = "Latin", "Cyrillic"
MESSAGE = "mixed Latin and Cyrillic letters in"


@dataclass(frozen=True, slots=True)
class MixedWord:
    """A mixed-script word at ``start..end`` (end exclusive) of a text; ``fixed`` is the word with
    its look-alikes mapped to the majority script, or None when it cannot be fixed."""

    start: int
    end: int
    word: str
    fixed: str | None

    @property
    def fixable(self) -> bool:
        """True when every letter of the minority script has a look-alike in the majority script."""
        return self.fixed is not None


def script_of(ch: str) -> str | None:
    """``Latin``, ``Cyrillic`` or None (a digit, a mark, another script)."""
    if _LATIN_LETTER.match(ch):
        return LATIN
    if _CYRILLIC_LETTER.match(ch):
        return CYRILLIC
    return None


def _both(text: str) -> bool:
    """Whether ``text`` has a Latin and a Cyrillic letter (two scans in C; most sentences of a
    Kazakh corpus have no Latin letter at all and stop at the first)."""
    return _LATIN_LETTER.search(text) is not None and _CYRILLIC_LETTER.search(text) is not None


def _mixed_runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of letters of ``text`` that hold both scripts."""
    if text.isascii() or not _both(text):
        return
    for m in _WORD.finditer(text):
        if _both(m.group()):
            yield m


def is_mixed(word: str) -> bool:
    """True when ``word`` holds a word (a run of letters) with both Latin and Cyrillic letters."""
    return next(_mixed_runs(word), None) is not None


def fixed_word(word: str) -> str | None:
    """``word`` (one run of letters) with its minority script's letters mapped to the majority
    script (ties: Cyrillic); None when one of them has no look-alike. Same length as ``word``."""
    latin = len(_LATIN_LETTER.findall(word))
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    if latin > cyrillic:
        minority, table = _CYRILLIC_LETTER, TO_LATIN
    else:
        minority, table = _LATIN_LETTER, TO_CYRILLIC
    out = []
    for ch in word:
        if minority.match(ch):
            mapped = table.get(ch)
            if mapped is None:
                return None
            out.append(mapped)
        else:
            out.append(ch)
    return "".join(out)


def mixed_words(text: str) -> Iterator[MixedWord]:
    """Every mixed-script word of ``text``, in order."""
    for m in _mixed_runs(text):
        yield MixedWord(m.start(), m.end(), m.group(), fixed_word(m.group()))


def fix_text(text: str) -> str:
    """``text`` with every fixable mixed-script word fixed (same length, same offsets)."""
    pieces = []
    done = 0
    for m in _mixed_runs(text):
        fixed = fixed_word(m.group())
        if fixed is not None:
            pieces += [text[done : m.start()], fixed]
            done = m.end()
    return "".join([*pieces, text[done:]]) if pieces else text


def describe(word: MixedWord) -> str:
    """``mixed Latin and Cyrillic letters in 'Қaзақстан'``: how a report names the word."""
    return f"{MESSAGE} {word.word!r}"
