"""Suggestions and what is known of the models that make them: plain records, standard library only.

A *suggestion* is a proposed annotation that counts as nothing until a person accepts it: an
entity span, an event trigger (``label`` is its event type) or a sentence's stance toward a target
(no tokens). A *recommender* makes them: the string matcher, the entity and trigger taggers, the
stance classifier. Each trained model has a *fingerprint* of its training data and a *quality*
measured on held-out sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ENTITY = "entity"
TRIGGER = "trigger"
STANCE = "stance"
SUGGESTION_KINDS = (ENTITY, TRIGGER, STANCE)

# What is stored of a training run, one row per model kind.
ENTITY_MODEL = "entities"  # the CRF over entity labels
TRIGGER_MODEL = "triggers"  # the CRF over event types
MATCHER_MODEL = "matcher"  # the string matcher (spans of the layers, plus a gazetteer)
STANCE_MODEL = "stance"  # one classifier per stance target
MODEL_KINDS = (ENTITY_MODEL, TRIGGER_MODEL, MATCHER_MODEL, STANCE_MODEL)

NO_LABEL = "O"  # the confusion matrix's row and column for "no span here"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed annotation of one sentence.

    ``token_end`` is exclusive; a stance suggestion has no tokens (0, 0) and names its ``target``.
    ``score`` lies between 0 and 1; ``source`` names the recommender (tagger, matcher, gazetteer,
    classifier).
    """

    kind: str
    token_start: int
    token_end: int
    label: str
    score: float
    source: str
    target: str = ""

    @property
    def span(self) -> tuple[int, int]:
        """The token range, end exclusive."""
        return (self.token_start, self.token_end)


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Held-out precision, recall and F1 of one label, over ``support`` gold spans."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Quality:
    """How one model did on the held-out sentences (strict spans: same tokens and label).

    ``confusion[gold][predicted]`` counts tokens by the label of the span covering them in the
    gold layer and in the prediction (``NO_LABEL`` for none).
    """

    trained_on: int
    held_out: int
    precision: float
    recall: float
    f1: float
    per_label: tuple[LabelScore, ...] = ()
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelInfo:
    """A stored model: its kind, the layers it learned from, its fingerprint and quality, and
    whether it is the project's shared model (``annotator train``) or the person's own."""

    kind: str
    layers: tuple[str, ...]
    fingerprint: str
    trained_at: datetime
    sentences: int
    quality: Quality | None
    shared: bool = False
