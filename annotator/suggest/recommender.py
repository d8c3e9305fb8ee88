"""The recommender a window holds: every stored model loaded, suggestions of every kind at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.suggestions import (
    ENTITY,
    ENTITY_MODEL,
    MATCHER_MODEL,
    MODEL_KINDS,
    STANCE_MODEL,
    SUGGESTION_KINDS,
    TRIGGER,
    TRIGGER_MODEL,
    Suggestion,
)
from annotator.suggest.matcher import StringMatcher
from annotator.suggest.stance import StanceClassifier
from annotator.suggest.tagger import SpanTagger


class Recommender:
    """The loaded models (any of them may be missing); without any it suggests nothing."""

    def __init__(
        self,
        entities: SpanTagger | None = None,
        triggers: SpanTagger | None = None,
        matcher: StringMatcher | None = None,
        stance: StanceClassifier | None = None,
    ) -> None:
        self.entities = entities
        self.triggers = triggers
        self.matcher = matcher
        self.stance = stance

    @classmethod
    def load(cls, models: Mapping[str, bytes]) -> Recommender:
        """Load the models by kind (MODEL_KINDS); AnnotatorError naming the kind of a bad one (any
        error a loader raises: a window or a command must say it in one line, not stop)."""
        unknown = sorted(set(models) - set(MODEL_KINDS))
        if unknown:
            raise AnnotatorError(f"unknown model kind {unknown[0]!r}")
        try:
            kind = ENTITY_MODEL
            entities = SpanTagger.from_bytes(models[kind], ENTITY) if kind in models else None
            kind = TRIGGER_MODEL
            triggers = SpanTagger.from_bytes(models[kind], TRIGGER) if kind in models else None
            kind = MATCHER_MODEL
            matcher = StringMatcher.from_json(models[kind]) if kind in models else None
            kind = STANCE_MODEL
            stance = StanceClassifier.from_json(models[kind]) if kind in models else None
        except Exception as exc:  # any loader's error, said as one line
            raise AnnotatorError(
                f"the stored {kind} model cannot be loaded ({exc}): retrain (Ctrl+T or annotator train)"
            ) from None
        return cls(entities, triggers, matcher, stance)

    @property
    def has_tagger(self) -> bool:
        """Whether an entity tagger is loaded (it alone gives margins)."""
        return self.entities is not None

    @property
    def empty(self) -> bool:
        """Whether no model is loaded."""
        return not (self.entities or self.triggers or self.matcher or self.stance)

    def suggest(self, tokens: Sequence[str], text: str) -> list[Suggestion]:
        """Every suggestion for one sentence: entities from the matcher and the tagger (for the same
        span and label the higher score is kept; different overlapping spans are both kept),
        triggers, and stance toward each target; in kind order, then by tokens."""
        best: dict[tuple[str, int, int, str, str], Suggestion] = {}
        found: list[Suggestion] = []
        if self.matcher is not None:
            found += self.matcher.suggest(tokens, ENTITY)
        if self.entities is not None:
            found += self.entities.suggest(tokens)
        if self.triggers is not None:
            found += self.triggers.suggest(tokens)
        if self.stance is not None and text.strip():
            found += self.stance.suggest(text)
        for s in found:
            key = (s.kind, s.token_start, s.token_end, s.label, s.target)
            if key not in best or s.score > best[key].score:
                best[key] = s
        order = {kind: i for i, kind in enumerate(SUGGESTION_KINDS)}
        return sorted(
            best.values(), key=lambda s: (order[s.kind], s.token_start, s.token_end, s.target, -s.score)
        )

    def margin(self, tokens: Sequence[str]) -> tuple[float, int, int] | None:
        """The entity tagger's margin on the sentence (see SpanTagger.margin); None without one."""
        return None if self.entities is None else self.entities.margin(tokens)
