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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain, combinations
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
    # Each sentence's row of nones (None: not covered), counted.
    silent: Counter[Row]
    if cov.complete:
        silent = Counter({(NONE,) * len(names): len(cov.ids)})
    else:
        silent = Counter(cov.filled(s, NONE) for s in cov.ids)
    rows = _labelled(names, data, cov, set(targets))
    out = _block(names, cov, rows, len(targets), silent)
    out["targets"] = {
        t: _block(names, cov, {item: row for item, row in rows.items() if item[1] == t}, 1, silent)
        for t in targets
    }
    return out


def _labelled(
    names: list[str], data: dict[str, LayerData], cov: Coverage, targets: set[str]
) -> dict[Item, Row]:
    """The rows of the items somebody who covers the sentence gave a stance on (in no order)."""
    compared = set(cov.ids)
    found = {item for n in names for item in data[n].stance if item[1] in targets and item[0] in compared}
    rows: dict[Item, Row] = {}
    for item in found:
        row = tuple(data[n].stance.get(item, NONE) if item[0] in cov.covers[n] else None for n in names)
        if any(r not in (None, NONE) for r in row):
            rows[item] = row
    return rows


def _block(
    names: list[str], cov: Coverage, rows: dict[Item, Row], targets: int, silent: Counter[Row]
) -> dict[str, Any]:
    # The silent items' patterns, corrected for the labelled ones; the labelled items' sentences by pattern.
    patterns: Counter[Row] = Counter({row: n * targets for row, n in silent.items()})
    where: dict[Row, list[int]] = defaultdict(list)
    for (sid, _), row in rows.items():
        where[row].append(sid)
    if cov.complete:
        patterns[(NONE,) * len(names)] -= len(rows)
    else:
        patterns.subtract(cov.filled(sid, NONE) for sid, _ in rows)
    patterns.update({row: len(sids) for row, sids in where.items()})
    with_none = _coefficients(names, +patterns, not rows)
    for pair in with_none["pairs"]:
        pair.update(cov.pair_extent(pair["a"], pair["b"]))
    with_none.update(cov.extent(cov.ids))
    width = with_none["fleiss"]["ratings"]
    fleiss_at = cov.ids if cov.complete else [s for s in cov.ids if cov.raters(s) == width]
    with_none["fleiss"].update(cov.extent(fleiss_at))
    real = {row: sids for row, sids in where.items() if NONE not in row and _rated(row) >= 2}
    without = _coefficients(names, Counter({row: len(sids) for row, sids in real.items()}), not rows)
    for p, (i, j) in zip(without["pairs"], combinations(range(len(names)), 2), strict=True):
        both = {row: sids for row, sids in where.items() if _real(row[i]) and _real(row[j])}
        counts = Counter({(row[i], row[j]): 0 for row in both})
        for row, sids in both.items():
            counts[(row[i], row[j])] += len(sids)
        p["cohen_kappa"] = _safe(cohen_kappa_counts, counts) if both else None
        p["no_data"], p["items"] = not both, counts.total()
        p.update(cov.extent(_chained(both.values())))
    without.update(cov.extent(_chained(real.values())))
    width = without["fleiss"]["ratings"]
    without["fleiss"].update(cov.extent(_chained(s for row, s in real.items() if _rated(row) == width)))
    return {**with_none, "without_none": without}


def _chained(lists: Iterable[list[int]]) -> set[int]:
    return set(chain.from_iterable(lists))


def _real(rating: str | None) -> bool:
    return rating is not None and rating != NONE


def _rated(row: Row) -> int:
    return len(row) - row.count(None)


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
