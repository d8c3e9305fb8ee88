"""Agreement coefficients as pure functions on plain data: no Qt, no database."""

from annotator.agreement.coefficients import AgreementError, cohen_kappa, fleiss_kappa, krippendorff_alpha
from annotator.agreement.spans import SpanScore, span_agreement

__all__ = [
    "AgreementError",
    "SpanScore",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "span_agreement",
]
