"""What the recommenders learn from: plain records built by the services from done sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.text import TOKENIZER_VERSION

Span = tuple[int, int, str]  # token_start, token_end (exclusive), label


class TrainingError(AnnotatorError):
    """A model cannot be trained from what it was given (no sentences, say): one line for a person."""


@dataclass(frozen=True)
class Example:
    """One sentence for the span recommenders: its tokens and labelled spans.

    ``key`` is the sentence's id (it orders the examples and decides the held-out split);
    each span is ``(token_start, token_end, label)`` with ``token_end`` exclusive.
    """

    key: int
    tokens: tuple[str, ...]
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class StanceExample:
    """One sentence for the stance classifier: its text and its stance toward each target.

    ``labels`` maps a target to the stance given; a target that is absent got no stance.
    """

    key: int
    text: str
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TrainingData:
    """Everything one training run learns from.

    ``entities`` and ``triggers`` hold the same sentences' entity and trigger spans (a trigger's
    label is its event type); ``targets`` are the project's stance targets; ``gazetteer`` holds
    ``(text, label)`` pairs the string matcher knows besides the labelled spans, cut into words by
    the project's ``tokenizer_version`` as its sentences were.
    """

    entities: tuple[Example, ...]
    triggers: tuple[Example, ...] = ()
    stance: tuple[StanceExample, ...] = ()
    targets: tuple[str, ...] = ()
    gazetteer: tuple[tuple[str, str], ...] = ()
    tokenizer_version: int = TOKENIZER_VERSION
