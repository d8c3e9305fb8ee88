"""CRF features of a sentence, as in the KazNERD paper.

For each token: its lowercased form; whether it is title-case, upper-case, digits, letters, letters
and digits; its 1- to 3-character prefixes and suffixes; the same for the tokens at -2, -1, +1 and
+2 (prefixed ``-2:`` ... ``+2:``); ``BOS``/``EOS`` at the sentence's edges. Features are strings
(each has weight 1), the form python-crfsuite takes fastest.
"""

from __future__ import annotations

from collections.abc import Sequence

# Part of every model's fingerprint: change it whenever the features below change.
FEATURES_VERSION = "kaznerd-1"

_OFFSETS = (-2, -1, 1, 2)


def token_features(word: str) -> list[str]:
    """The features of one token on its own (without context)."""
    lower = word.lower()
    feats = ["w=" + lower]
    if word.istitle():
        feats.append("title")
    if word.isupper():
        feats.append("upper")
    if word.isdigit():
        feats.append("digit")
    if word.isalpha():
        feats.append("alpha")
    if word.isalnum():
        feats.append("alnum")
    for n in (1, 2, 3):
        if len(lower) >= n:
            feats.append(f"p{n}=" + lower[:n])
            feats.append(f"s{n}=" + lower[-n:])
    return feats


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """The features of every token of a sentence, with those of its neighbours at ±1 and ±2."""
    own = [token_features(word) for word in tokens]
    prefixed = {offset: [[f"{offset:+d}:{f}" for f in feats] for feats in own] for offset in _OFFSETS}
    n = len(tokens)
    result: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for offset in _OFFSETS:
            j = i + offset
            if 0 <= j < n:
                feats.extend(prefixed[offset][j])
        result.append(feats)
    return result
