"""Each coefficient against published values, and the defined answers for degenerate input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.agreement import AgreementError, cohen_kappa, fleiss_kappa, krippendorff_alpha, span_agreement


def table_to_pairs(table: list[list[int]]) -> tuple[list[int], list[int]]:
    a: list[int] = []
    b: list[int] = []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i] * count
            b += [j] * count
    return a, b


def test_cohen_1960_table_on_page_45() -> None:
    a, b = table_to_pairs([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    assert cohen_kappa(a, b) == pytest.approx(0.4915, abs=5e-4)


def test_cohen_kappa_on_the_wikipedia_yes_no_example() -> None:
    # 50 proposals: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; kappa = 0.4 (Wikipedia, "Cohen's kappa").
    a, b = table_to_pairs([[20, 5], [10, 15]])
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_cohen_kappa_drops_missing_pairs_and_defines_degenerate_cases() -> None:
    assert cohen_kappa(["x", None, "y"], ["x", "y", None]) == 1.0
    assert cohen_kappa(["O", "O"], ["O", "O"]) == 1.0
    with pytest.raises(AgreementError, match="no item was rated by both"):
        cohen_kappa([None], ["a"])
    with pytest.raises(AgreementError, match="same items"):
        cohen_kappa(["a"], ["a", "b"])


# Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each; categories 1 depression,
# 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other.
FLEISS_1971 = [
    "444444",
    "222555",
    "233335",
    "555555",
    "222444",
    "113333",
    "333355",
    "113334",
    "114444",
    "555555",
    "144444",
    "124444",
    "222333",
    "144444",
    "224445",
    "333335",
    "111455",
    "111112",
    "224444",
    "133555",
    "555555",
    "244444",
    "224555",
    "114444",
    "144445",
    "222224",
    "111155",
    "224444",
    "133333",
    "555555",
]


def test_fleiss_1971_thirty_patients_six_raters() -> None:
    assert fleiss_kappa([list(row) for row in FLEISS_1971]) == pytest.approx(0.430, abs=5e-4)


def test_fleiss_kappa_on_the_wikipedia_fourteen_raters_example() -> None:
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    items = [[c for c, n in enumerate(row) for _ in range(n)] for row in counts]
    assert fleiss_kappa(items) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_degenerate_and_bad_input() -> None:
    assert fleiss_kappa([["a", "a"], ["a", "a"]]) == 1.0
    with pytest.raises(AgreementError, match="same number of ratings"):
        fleiss_kappa([["a", "b"], ["a"]])
    with pytest.raises(AgreementError, match="no items"):
        fleiss_kappa([])


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers x 12 units example.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_krippendorff_2011_example() -> None:
    assert krippendorff_alpha(K2011, "nominal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(K2011, "interval") == pytest.approx(0.849, abs=5e-4)
    assert krippendorff_alpha(K2011, "ordinal") == pytest.approx(0.815, abs=5e-4)
    assert krippendorff_alpha(K2011, "ratio") == pytest.approx(0.797, abs=5e-4)


def test_krippendorff_two_raters_binary_example() -> None:
    # Krippendorff (2011), section A: two observers, ten units, binary data: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha([a, b]) == pytest.approx(0.095, abs=5e-4)


def test_krippendorff_degenerate_and_bad_input() -> None:
    assert krippendorff_alpha([["O", "O", "O"], ["O", "O", None]]) == 1.0
    with pytest.raises(AgreementError, match="no unit has two or more ratings"):
        krippendorff_alpha([["a", None], [None, "b"]])
    with pytest.raises(AgreementError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], "interval")
    with pytest.raises(AgreementError, match="unknown level"):
        krippendorff_alpha([[1, 2], [1, 2]], "cardinal")


def test_span_agreement_exact_and_overlap() -> None:
    ref = [(0, 2, "PER"), (3, 4, "GPE"), (5, 7, "ORG")]
    got = [(0, 2, "PER"), (3, 5, "GPE"), (5, 7, "PER"), (8, 9, "DATE")]
    exact = span_agreement(ref, got)
    assert (exact.tp, exact.fp, exact.fn) == (1, 3, 2)
    assert exact.precision == pytest.approx(0.25) and exact.recall == pytest.approx(1 / 3)
    assert exact.f1 == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))
    overlap = span_agreement(ref, got, match="overlap")
    assert (overlap.tp, overlap.fp, overlap.fn) == (2, 2, 1)
    assert span_agreement([], []).f1 == 1.0
    assert span_agreement([(0, 1, "X")], []).f1 == 0.0
    # Adjacent spans of one label are two spans: one-to-one matching never double-counts.
    assert span_agreement([(0, 2, "P")], [(0, 1, "P"), (1, 2, "P")], match="overlap").tp == 1


def _greedy_reference(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]) -> int:
    """The definition, all pairs at once: overlapping same-label pairs, largest overlap first."""
    pairs = sorted(
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
    for _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


_spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from("PQR")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=40,
)


@given(_spans, _spans)
def test_overlap_matching_label_by_label_is_the_global_greedy_matching(
    a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]
) -> None:
    assert span_agreement(a, b, match="overlap").tp == _greedy_reference(a, b)
