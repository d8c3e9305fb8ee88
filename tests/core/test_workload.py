"""The plan's arithmetic on plain data: round(F × n) half up as the README says it, whatever
binary floating point makes of F × n."""

from __future__ import annotations

from fractions import Fraction

import pytest

from annotator.core.workload import overlap_count, plan


@pytest.mark.parametrize(
    ("overlap", "documents"), [(0.58, 25), (0.29, 50), (0.7, 45), (0.35, 90), (0.25, 10)]
)
def test_the_overlap_is_rounded_half_up_on_the_decimal_fraction_given(overlap: float, documents: int) -> None:
    exact = Fraction(str(overlap)) * documents  # e.g. 0.58 × 25 = 14.5, which goes up to 15
    assert exact.denominator == 2
    assert overlap_count(documents, overlap) == int(exact + Fraction(1, 2))


def test_every_share_of_up_to_200_documents_matches_exact_rounding() -> None:
    for documents in range(201):
        for hundredths in range(101):
            exact = Fraction(hundredths, 100) * documents
            assert overlap_count(documents, hundredths / 100) == int(exact + Fraction(1, 2)), (
                hundredths,
                documents,
            )


def test_a_plan_of_25_documents_at_0_58_shares_15_of_them() -> None:
    made = plan([(d, 3) for d in range(25)], [1, 2, 3], per_document=2, overlap=0.58, seed=0)
    assert len(made.overlapping) == 15
