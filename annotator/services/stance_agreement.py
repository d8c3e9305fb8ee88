"""Stance agreement: one item per compared sentence and target, overall and per target.

A person who covers a sentence (:mod:`annotator.services.coverage`) rates each of its items:
their stance toward the target, or ``none`` when they gave none; a person who does not cover it
gives no rating (``None``). Figures come twice: *with none* (every item as rated) and *without
none* (only the items where every person covering the sentence gave a real stance; for a pair,
the items where both did). A block where nobody gave a stance reports no data: figures ``None``
and ``"no_data": True``, never the perfect agreement of everybody saying ``none``; so does a pair
where neither gave one.

Most items are ``none`` from everyone who covers them, so the ratings are counted as patterns:
one per coverage of a sentence for the silent items, one per item somebody labelled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from typing import Any

from annotator.agreement import AgreementError, fleiss_kappa
from annotator.agreement.coefficients import cohen_kappa_counts, krippendorff_alpha_counts
from annotator.services.coverage import Coverage
from annotator.store.review_data import LayerData

NONE = "none"
Item = tuple[int, str]
Row = tuple[str | None, ...]


def _safe(fn: Any, *args: Any) -> float | None:
    try:
        return round(float(fn(*args)), 6)
    except AgreementError:
        return None


def pair_counts(patterns: Mapping[tuple[str | None, ...], int], i: int, j: int) -> Counter[tuple[Any, Any]]:
    """The ``(rater i's label, rater j's label)`` counts of rating patterns (for Cohen's kappa)."""
    out: Counter[tuple[Any, Any]] = Counter()
    for unit, n in patterns.items():
        out[(unit[i], unit[j])] += n
    return out


def stance_agreement(
    names: list[str], data: dict[str, LayerData], cov: Coverage, targets: list[str]
) -> dict[str, Any]:
    """The stance layer of the report: every target together, then ``targets`` one by one."""
    silent = Counter(cov.filled(s, NONE) for s in cov.ids)  # each sentence's row of nones (None: not covered)
    out = _block(names, data, cov, targets, silent)
    out["targets"] = {t: _block(names, data, cov, [t], silent) for t in targets}
    return out


def _block(
    names: list[str], data: dict[str, LayerData], cov: Coverage, targets: list[str], silent: Counter[Row]
) -> dict[str, Any]:
    wanted, compared = set(targets), set(cov.ids)
    labelled = sorted(
        {item for n in names for item in data[n].stance if item[1] in wanted and item[0] in compared}
    )
    rows: dict[Item, Row] = {}
    for item in labelled:
        row = tuple(data[n].stance.get(item, NONE) if item[0] in cov.covers[n] else None for n in names)
        if any(r not in (None, NONE) for r in row):  # somebody who covers it gave a stance
            rows[item] = row
    patterns: Counter[Row] = Counter({row: n * len(targets) for row, n in silent.items()})
    for item, row in rows.items():
        patterns[cov.filled(item[0], NONE)] -= 1
        patterns[row] += 1
    with_none = _coefficients(names, +patterns, not rows)
    for pair in with_none["pairs"]:
        pair.update(cov.pair_extent(pair["a"], pair["b"]))
    with_none.update(cov.extent(cov.ids))
    with_none["fleiss"].update(
        cov.extent(s for s in cov.ids if cov.raters(s) == with_none["fleiss"]["ratings"])
    )
    real = {item: row for item, row in rows.items() if NONE not in row and _rated(row) >= 2}
    without = _coefficients(names, Counter(real.values()), not rows)
    for p, (i, j) in zip(without["pairs"], combinations(range(len(names)), 2), strict=True):
        both = {item: (row[i], row[j]) for item, row in rows.items() if _real(row[i]) and _real(row[j])}
        p["cohen_kappa"] = _safe(cohen_kappa_counts, Counter(both.values())) if both else None
        p["no_data"], p["items"] = not both, len(both)
        p.update(cov.extent(s for s, _ in both))
    without.update(cov.extent(s for s, _ in real))
    width = without["fleiss"]["ratings"]
    without["fleiss"].update(cov.extent(s for (s, _), row in real.items() if _rated(row) == width))
    return {**with_none, "without_none": without}


def _real(rating: str | None) -> bool:
    return rating is not None and rating != NONE


def _rated(row: Row) -> int:
    return sum(r is not None for r in row)


def _coefficients(names: list[str], patterns: Counter[Row], no_data: bool) -> dict[str, Any]:
    """Pairwise Cohen's kappa, Fleiss's kappa over the items with the most common number of
    ratings (two or more), Krippendorff's alpha over the items rated twice or more."""
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(names), 2):
        counts = +Counter({k: n for k, n in pair_counts(patterns, i, j).items() if None not in k})
        given = any(x != NONE or y != NONE for x, y in counts)
        kappa = _safe(cohen_kappa_counts, counts) if given and not no_data else None
        pairs.append({"a": a, "b": b, "cohen_kappa": kappa, "no_data": not given, "items": counts.total()})
    widths: Counter[int] = Counter()
    for row, n in patterns.items():
        if _rated(row) >= 2:
            widths[_rated(row)] += n
    width = max(widths, key=lambda m: (widths[m], m)) if widths else 0
    chosen = [([r for r in row if r is not None], n) for row, n in patterns.items() if _rated(row) == width]
    fleiss = None
    if chosen and not no_data:
        fleiss = _safe(fleiss_kappa, [ratings for ratings, n in chosen for _ in range(n)])
    alpha = None if no_data or not widths else _safe(krippendorff_alpha_counts, patterns)
    return {
        "no_data": no_data or not widths,
        "pairs": pairs,
        "fleiss_kappa": fleiss,
        "fleiss": {"ratings": width, "items": sum(n for _, n in chosen)},
        "krippendorff_alpha": alpha,
        "items": widths.total(),
    }
