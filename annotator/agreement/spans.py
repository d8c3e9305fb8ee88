"""Span agreement: precision, recall and F1 of one annotator's spans against another's."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable
from dataclasses import dataclass

Span = tuple[int, int, Hashable]
Groups = dict[Hashable, list[tuple[int, int]]]
"""Spans as ``(start, end)`` by label."""


@dataclass(frozen=True)
class SpanScore:
    """Precision, recall and F1 of ``b`` against the reference ``a``, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def span_score(tp: int, fp: int, fn: int) -> SpanScore:
    """Precision, recall and F1 from counts of true positives, false positives and false negatives.

    Nothing predicted and nothing expected is full agreement; otherwise an empty side scores 0.
    """
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1, tp, fp, fn)


def exact_agreement(a: Counter[Span], b: Counter[Span]) -> SpanScore:
    """Exact-match scores from span counts (as ``span_agreement(..., "exact")``), when a caller
    compares one annotator's spans with several others and counts them only once."""
    tp = sum((a & b).values())
    return span_score(tp, b.total() - tp, a.total() - tp)


def span_agreement(a: Collection[Span], b: Collection[Span], match: str = "exact") -> SpanScore:
    """Compare two collections of ``(start, end, label)`` spans, ``a`` being the reference.

    ``exact``: a span of ``b`` is a true positive when ``a`` has the same start, end and label (as
    many times as it has it). ``overlap``: when it overlaps a not yet matched span of ``a`` with the
    same label; spans are matched one to one, greedily, by largest overlap first. This is the
    usual NER evaluation (Tjong Kim Sang & De Meulder 2003 for exact match); with both sides
    empty every score is 1.0.
    """
    if match == "exact":
        return exact_agreement(Counter(a), Counter(b))
    if match != "overlap":
        raise ValueError(f"unknown match {match!r} (exact or overlap)")
    tp = overlap_matches(grouped_spans(a), grouped_spans(b))
    return span_score(tp, len(b) - tp, len(a) - tp)


def grouped_spans(spans: Collection[Span]) -> Groups:
    """``(start, end)`` of the spans by label, in their order: what :func:`overlap_matches` takes,
    made once per annotator when one annotator is compared with several."""
    groups: Groups = defaultdict(list)
    for start, end, label in spans:
        groups[label].append((start, end))
    return groups


def overlap_matches(
    a: dict[Hashable, list[tuple[int, int]]], b: dict[Hashable, list[tuple[int, int]]]
) -> int:
    """How many spans of ``b`` overlap a span of ``a`` of the same label, matched one to one and
    largest overlap first (the true positives of ``span_agreement(..., "overlap")``).

    Spans only ever match within one label, and the greedy order restricted to one label is that
    label's own order, so each label is matched on its own. A label with one span on each side
    (the usual case when the label carries the sentence) needs no sorting at all.
    """
    tp = 0
    for label, mine in a.items():
        theirs = b.get(label)
        if not theirs:
            continue
        if len(mine) == 1 and len(theirs) == 1:
            (sa, ea), (sb, eb) = mine[0], theirs[0]
            tp += sa < eb and sb < ea
            continue
        tp += _greedy_matches(mine, theirs)
    return tp


def _greedy_matches(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """How many one-to-one matches of overlapping spans of one label, largest overlap first."""
    candidates = sorted(
        _overlapping_pairs([(s, e, 0) for s, e in a], [(s, e, 0) for s, e in b]), reverse=True
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def _overlapping_pairs(a: Collection[Span], b: Collection[Span]) -> list[tuple[int, int, int]]:
    """``(overlap, i, j)`` for every span ``i`` of ``a`` and ``j`` of ``b`` with one label that overlap.

    Near-linear: ``b``'s spans are sorted by start within each label, and only those starting
    inside ``(start - longest, end)`` of an ``a`` span are looked at (a corpus has 10^5 spans).
    """
    groups: dict[Hashable, list[tuple[int, int, int]]] = defaultdict(list)
    for j, (sb, eb, lb) in enumerate(b):
        groups[lb].append((sb, eb, j))
    out: list[tuple[int, int, int]] = []
    large = {}
    for label, spans in groups.items():
        if len(spans) > _SCAN:
            spans.sort()
            large[label] = ([sb for sb, _, _ in spans], max(eb - sb for sb, eb, _ in spans))
    append = out.append
    for i, (sa, ea, la) in enumerate(a):
        group = groups.get(la)
        if group is None:
            continue
        if large and la in large:
            starts, longest = large[la]
            group = group[bisect_left(starts, sa - longest + 1) : bisect_left(starts, ea)]
        for sb, eb, j in group:
            if sa < eb and sb < ea:
                append((min(ea, eb) - max(sa, sb), i, j))
    return out


_SCAN = 16  # groups up to this size are scanned; larger ones are sorted and bisected
