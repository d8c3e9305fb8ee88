"""Chance-corrected agreement coefficients: Cohen's kappa, Fleiss's kappa, Krippendorff's alpha.

Degenerate input has a defined answer. When all the ratings fall in a single category, so that
chance agreement is total, the coefficient is 1.0 if the raters agree and 0.0 otherwise: it is
never NaN. Input with nothing to pair raises AgreementError.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence

LEVELS = ("nominal", "ordinal", "interval", "ratio")


class AgreementError(ValueError):
    """The data hold nothing a coefficient can be computed from."""


def _chance_corrected(observed: float, expected: float) -> float:
    if expected >= 1.0 - 1e-12:
        return 1.0 if observed >= 1.0 - 1e-12 else 0.0
    return (observed - expected) / (1.0 - expected)


def cohen_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> float:
    """Cohen's kappa for two raters over the same items; a pair with ``None`` on either side is dropped.

    kappa = (p_o - p_e) / (1 - p_e), where p_e is the sum over categories of the product of the two
    raters' marginal proportions. Source: J. Cohen (1960), "A coefficient of agreement for nominal
    scales", Educational and Psychological Measurement 20(1), 37-46.
    """
    if len(a) != len(b):
        raise AgreementError(
            f"the two raters rated {len(a)} and {len(b)} items; they must rate the same items"
        )
    # Identical (x, y) pairs are counted once in C: a corpus has millions of tokens, few patterns.
    return cohen_kappa_counts(Counter(zip(a, b, strict=True)))


def cohen_kappa_counts(pairs: Mapping[tuple[Hashable | None, Hashable | None], int]) -> float:
    """Cohen's kappa from how many items got each ``(a's label, b's label)`` pair (see ``cohen_kappa``)."""
    left: Counter[Hashable] = Counter()
    right: Counter[Hashable] = Counter()
    n = agreed = 0
    for (x, y), count in pairs.items():
        if x is None or y is None:
            continue
        n += count
        agreed += count if x == y else 0
        left[x] += count
        right[y] += count
    if not n:
        raise AgreementError("no item was rated by both raters")
    observed = agreed / n
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    return _chance_corrected(observed, expected)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float:
    """Fleiss's kappa: one sequence per item of the labels its raters gave (the same number per item).

    Source: J. L. Fleiss (1971), "Measuring nominal scale agreement among many raters",
    Psychological Bulletin 76(5), 378-382.
    """
    # Items with the same ratings count alike: tally each pattern once.
    patterns = Counter(map(tuple, ratings))
    if not patterns:
        raise AgreementError("no items to compare")
    m = len(next(iter(patterns)))
    if m < 2:
        raise AgreementError("Fleiss's kappa needs at least two ratings per item")
    if any(len(r) != m for r in patterns):
        raise AgreementError("every item needs the same number of ratings for Fleiss's kappa")
    totals: Counter[Hashable] = Counter()
    agreement = 0.0
    for pattern, times in patterns.items():
        counts = Counter(pattern)
        for category, c in counts.items():
            totals[category] += c * times
        agreement += times * (sum(c * c for c in counts.values()) - m) / (m * (m - 1))
    n = sum(patterns.values())
    observed = agreement / n
    expected = sum((c / (n * m)) ** 2 for c in totals.values())
    return _chance_corrected(observed, expected)


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]], level: str = "nominal") -> float:
    """Krippendorff's alpha: one sequence per rater over the same units, ``None`` where a rater gave nothing.

    ``level`` is nominal, ordinal, interval or ratio; the last three need numbers (ordinal ranks
    the values found). A unit with fewer than two ratings does not count. Computed from the
    coincidence matrix, alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck). Source:
    K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    Communication, University of Pennsylvania.
    """
    if level not in LEVELS:
        raise AgreementError(f"unknown level {level!r} (one of {', '.join(LEVELS)})")
    if not data:
        raise AgreementError("no raters")
    width = len(data[0])
    if any(len(row) != width for row in data):
        raise AgreementError("every rater needs a value (or None) for every unit")
    # Units with the same ratings contribute the same coincidences: count each pattern once.
    return krippendorff_alpha_counts(Counter(zip(*data, strict=True)), level)


def krippendorff_alpha_counts(
    units: Mapping[tuple[Hashable | None, ...], int], level: str = "nominal"
) -> float:
    """Krippendorff's alpha from how many units got each tuple of ratings (one per rater; see above)."""
    if level not in LEVELS:
        raise AgreementError(f"unknown level {level!r} (one of {', '.join(LEVELS)})")
    coincidences: dict[tuple[Hashable, Hashable], float] = {}
    for unit, count in units.items():
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        weight = count / (m - 1)
        for i, x in enumerate(values):
            for j, y in enumerate(values):
                if i != j:
                    coincidences[(x, y)] = coincidences.get((x, y), 0.0) + weight
    if not coincidences:
        raise AgreementError("no unit has two or more ratings")
    marginals: dict[Hashable, float] = {}
    for (x, _), weight in coincidences.items():
        marginals[x] = marginals.get(x, 0.0) + weight
    n = sum(marginals.values())
    delta = _metric(level, marginals)
    values = list(marginals)
    observed = sum(w * delta(x, y) for (x, y), w in coincidences.items())
    expected = sum(marginals[x] * marginals[y] * delta(x, y) for x in values for y in values)
    if expected == 0:
        return 1.0  # a single value everywhere: perfect, if trivial, agreement
    return 1.0 - (n - 1) * observed / expected


def _metric(level: str, marginals: dict[Hashable, float]) -> Callable[[Hashable, Hashable], float]:
    """The squared difference function of a level of measurement."""
    if level == "nominal":
        return lambda x, y: 0.0 if x == y else 1.0
    try:
        numbers = {v: float(v) for v in marginals}  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise AgreementError(f"{level} alpha needs numeric values") from None
    if level == "interval":
        return lambda x, y: (numbers[x] - numbers[y]) ** 2
    if level == "ratio":

        def ratio(x: Hashable, y: Hashable) -> float:
            total = numbers[x] + numbers[y]
            return 0.0 if total == 0 else ((numbers[x] - numbers[y]) / total) ** 2

        return ratio
    ordered = sorted(marginals, key=lambda v: numbers[v])
    rank = {v: i for i, v in enumerate(ordered)}
    cumulative = [0.0]
    for v in ordered:
        cumulative.append(cumulative[-1] + marginals[v])

    def ordinal(x: Hashable, y: Hashable) -> float:
        lo, hi = sorted((rank[x], rank[y]))
        between = cumulative[hi + 1] - cumulative[lo]
        return (between - (marginals[x] + marginals[y]) / 2) ** 2

    return ordinal
