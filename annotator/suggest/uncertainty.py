"""The most useful sentence next: where the entity tagger is least sure, one per uncertain string.

Uncertainty sampling as in INCEpTION: the smaller a sentence's margin (best minus second-best
marginal probability at its most uncertain token), the more a label there teaches. A diversity
rule keeps it from asking about the same string over and over: at most one sentence per
uncertain string, strings compared by their Kazakh stem (Қазақстан, Қазақстанда are one), and a
string already asked about is skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from annotator.suggest.kazakh import stems
from annotator.suggest.recommender import Recommender


def _keys(words: Sequence[str]) -> set[tuple[tuple[str, ...], str]]:
    """The identities of a string: its earlier words lowercased with each stem of its last."""
    if not words:
        return set()
    earlier = tuple(w.lower() for w in words[:-1])
    return {(earlier, s) for s in stems(words[-1])}


def most_uncertain(
    candidates: Iterable[tuple[int, Sequence[str]]],
    recommender: Recommender,
    asked: Collection[str] = (),
    limit: int = 200,
) -> list[tuple[int, float, str]]:
    """``(sentence id, margin, uncertain string)`` of the candidates, smallest margin first, at
    most one sentence per string and none whose string is in ``asked``; at most ``limit``.
    Empty without an entity tagger."""
    if not recommender.has_tagger:
        return []
    scored: list[tuple[float, int, str]] = []
    for key, tokens in candidates:
        found = recommender.margin(tokens)
        if found is None or not tokens:
            continue
        margin, start, end = found
        scored.append((margin, key, " ".join(tokens[start:end])))
    scored.sort()
    seen: set[tuple[tuple[str, ...], str]] = set()
    for string in asked:
        seen |= _keys(string.split())
    result: list[tuple[int, float, str]] = []
    for margin, key, string in scored:
        identities = _keys(string.split())
        if identities & seen:
            continue
        seen |= identities
        result.append((key, margin, string))
        if len(result) >= limit:
            break
    return result
