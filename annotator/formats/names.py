"""Names that files give to documents and annotators (the rule is :mod:`annotator.core.names`)."""

from annotator.core.names import SHOWN, name_problem, shown

__all__ = ["SHOWN", "name_problem", "shown"]
