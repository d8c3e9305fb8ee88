"""Span agreement: precision, recall and F1 of one annotator's spans against another's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable
from dataclasses import dataclass

Span = tuple[int, int, Hashable]


@dataclass(frozen=True)
class SpanScore:
    """Precision, recall and F1 of ``b`` against the reference ``a``, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def _score(tp: int, fp: int, fn: int) -> SpanScore:
    # Nothing predicted and nothing expected is full agreement; otherwise an empty side scores 0.
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1, tp, fp, fn)


def span_agreement(a: Collection[Span], b: Collection[Span], match: str = "exact") -> SpanScore:
    """Compare two collections of ``(start, end, label)`` spans, ``a`` being the reference.

    ``exact``: a span of ``b`` is a true positive when ``a`` has the same start, end and label (as
    many times as it has it). ``overlap``: when it overlaps a not yet matched span of ``a`` with the
    same label; spans are matched one to one, greedily, by largest overlap first. This is the
    usual NER evaluation (Tjong Kim Sang & De Meulder 2003 for exact match); with both sides
    empty every score is 1.0.
    """
    if match == "exact":
        left, right = Counter(a), Counter(b)
        tp = sum((left & right).values())
        return _score(tp, sum(right.values()) - tp, sum(left.values()) - tp)
    if match != "overlap":
        raise ValueError(f"unknown match {match!r} (exact or overlap)")
    candidates = sorted(
        (
            (min(ea, eb) - max(sa, sb), i, j)
            for i, (sa, ea, la) in enumerate(a)
            for j, (sb, eb, lb) in enumerate(b)
            if la == lb and sa < eb and sb < ea
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    tp = len(used_a)
    return _score(tp, len(b) - tp, len(a) - tp)
