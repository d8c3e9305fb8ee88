"""Kazakh-aware stems for the string matcher: a word without its plural, possessive and case endings.

Kazakh adds endings in a fixed order — plural, possessive, case, then the relative ``-ғы/-гі``
after a locative — each in vowel-harmony variants (back ``а/ы``, front ``е/і``): Қазақстан,
Қазақстанның, Қазақстанда, Қазақстандағы. A word is read as a *stem* plus a valid chain of such
endings; as a bare stem can itself end like an ending (Қазақс-тан), a word has a few candidate
stems, and two words have the *same stem* when their candidates share one. No stem is shorter
than ``MIN_STEM`` letters, so short words (ол, мен) are never stemmed into each other. Comparison
is case-insensitive.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

MIN_STEM = 3

# fmt: off
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
# Possessive endings; the one-letter ы/і is the third person after a consonant.
_POSSESSIVE = (
    "ы", "і", "сы", "сі", "ым", "ім", "ың", "ің", "мыз", "міз", "ымыз", "іміз",
    "ңыз", "ңіз", "ыңыз", "іңіз", "лары", "лері",
)
_THIRD_PERSON = ("ы", "і", "сы", "сі", "лары", "лері")
_CASE = (
    "ның", "нің", "дың", "дің", "тың", "тің",  # genitive
    "ға", "ге", "қа", "ке", "на", "не",  # dative
    "да", "де", "та", "те", "нда", "нде",  # locative
    "дан", "ден", "тан", "тен", "нан", "нен", "ннан", "ннен",  # ablative
    "ды", "ді", "ты", "ті", "ны", "ні",  # accusative
    "мен", "бен", "пен", "менен", "бенен", "пенен",  # instrumental
)
_AFTER_POSSESSIVE_ONLY = {"а": ("ым", "ім", "ың", "ің"), "е": ("ым", "ім", "ың", "ің"), "н": _THIRD_PERSON}
_LOCATIVE = ("да", "де", "та", "те", "нда", "нде")
_RELATIVE = ("ғы", "гі", "қы", "кі")
# fmt: on

_BACK, _FRONT = set("аоұыя"), set("еәөүіэ")


def _harmony(part: str) -> str:
    """'b' for a back-vowel ending, 'f' for front, '' for one without vowels."""
    if any(c in _BACK for c in part):
        return "b"
    if any(c in _FRONT for c in part):
        return "f"
    return ""


def _chains() -> frozenset[str]:
    """Every valid chain of endings (plural? possessive? case? relative?), harmonious."""
    chains: set[str] = set()
    cases = (*_CASE, *_AFTER_POSSESSIVE_ONLY)
    for plural, poss, case, rel in product(
        ("", *_PLURAL), ("", *_POSSESSIVE), ("", *cases), ("", *_RELATIVE)
    ):
        if case in _AFTER_POSSESSIVE_ONLY and poss not in _AFTER_POSSESSIVE_ONLY[case]:
            continue
        if rel and case not in _LOCATIVE:
            continue
        if plural and poss.startswith("лар") | poss.startswith("лер"):
            continue
        parts = [p for p in (plural, poss, case, rel) if p]
        if {h for h in map(_harmony, parts) if h}.__len__() > 1:
            continue
        chains.add("".join(parts))
    chains.discard("")
    return frozenset(chains)


_CHAINS = _chains()
_LONGEST = max(map(len, _CHAINS))


@lru_cache(maxsize=65536)
def stems(word: str) -> frozenset[str]:
    """Every candidate stem of ``word``, lowercased: the word itself and each reading of it as a
    stem of at least ``MIN_STEM`` letters followed by a valid chain of endings."""
    lower = word.lower()
    found = {lower}
    for k in range(1, min(_LONGEST, len(lower) - MIN_STEM) + 1):
        if lower[-k:] in _CHAINS:
            found.add(lower[:-k])
    return frozenset(found)


def stem(word: str) -> str:
    """The shortest candidate stem of ``word``, lowercased (Қазақстандағы -> қазақс).

    Two words with the same ``stem`` have the same stem; the converse needs :func:`same_stem`
    (Қазақстан's shortest reading is қазақс-тан, Қазақстанның's is қазақстан-ның).
    """
    return min(stems(word), key=lambda s: (len(s), s))


def same_stem(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word with other endings (case-insensitive)."""
    return not stems(a).isdisjoint(stems(b))
