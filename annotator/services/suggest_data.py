"""Between the store and the recommenders: training data from done sentences, what is known of the
stored models, and which suggestions a person is shown.

A suggestion is shown when its score reaches the threshold, the person did not reject it (same
kind, span, label and target), and their layer holds no annotation of the same kind that
coincides with or overlaps it (a stance: no stance toward that target yet).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.schema import Schema
from annotator.core.suggestions import ENTITY, STANCE, TRIGGER, ModelInfo, Suggestion
from annotator.store import Session, queries, tokenizing, training_rows
from annotator.store import suggestions as stored
from annotator.suggest import Example, StanceExample, TrainingData
from annotator.suggest.training import quality_from_json

Range = tuple[int, int]  # token_start, token_end (exclusive)


def layer_ids(s: Session, names: Sequence[str], option: str = "--from") -> list[int]:
    """The ids of the named layers (a person's name, or ``gold``), in order; one line for an unknown name."""
    ids = []
    for name in names:
        found = queries.find_annotator(s, name)
        if found is None:
            raise AnnotatorError(f"{option}: there is no layer {name!r} in the project")
        ids.append(found.id)
    return ids


def training_data(
    s: Session, schema: Schema, layers: Sequence[int], gazetteer: Iterable[tuple[str, str]] = ()
) -> TrainingData:
    """What a training run learns from the done sentences of ``layers`` (gold first, one copy each)."""
    done = training_rows.done_sentences(s, layers)
    return TrainingData(
        entities=tuple(Example(d.id, d.tokens, tuple(d.entities)) for d in done),
        triggers=tuple(Example(d.id, d.tokens, tuple(d.triggers)) for d in done),
        stance=tuple(StanceExample(d.id, d.text, dict(d.stance)) for d in done),
        targets=tuple(t.name for t in schema.targets),
        gazetteer=tuple(gazetteer),
        tokenizer_version=tokenizing.tokenizer_version(s),
    )


def model_infos(s: Session, annotator_id: int | None = None) -> list[ModelInfo]:
    """What is known of the models the person is shown (per kind their own, else the shared one;
    without a person the shared ones), by kind."""
    return [
        ModelInfo(
            row.kind,
            row.layers,
            row.fingerprint,
            row.trained_at,
            row.sentences,
            quality_from_json(row.quality) if row.quality else None,
            row.shared,
        )
        for row in stored.model_rows(s, annotator_id)
    ]


def _overlaps(span: Range, others: Iterable[Range]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def shown(
    suggestions: Iterable[Suggestion],
    threshold: float,
    rejected: Collection[stored.FeedbackKey],
    entities: Iterable[Range],
    events: Iterable[Range],
    targets: Collection[str],
) -> tuple[Suggestion, ...]:
    """The suggestions a person is shown, sorted by first token (see the module's note)."""
    entity_spans, event_spans = list(entities), list(events)
    kept = []
    for one in suggestions:
        if one.score < threshold or stored.feedback_key(one) in rejected:
            continue
        if one.kind == ENTITY and _overlaps(one.span, entity_spans):
            continue
        if one.kind == TRIGGER and _overlaps(one.span, event_spans):
            continue
        if one.kind == STANCE and one.target in targets:
            continue
        kept.append(one)
    return tuple(sorted(kept, key=lambda x: (x.token_start, x.token_end, x.kind, x.label, x.target)))


def in_schema(schema: Schema, suggestion: Suggestion) -> bool:
    """Whether the schema has the suggestion's label, event type or stance target and label (a model
    learned from another project's layers may know others: they are never shown)."""
    if suggestion.kind == ENTITY:
        return suggestion.label in schema.label_names
    if suggestion.kind == TRIGGER:
        return any(t.name == suggestion.label for t in schema.event_types)
    targets = {t.name for t in schema.targets}
    return suggestion.label in schema.stance_labels and suggestion.target in targets


def compatible(suggestions: Sequence[Suggestion], schema: Schema) -> list[Suggestion]:
    """The suggestions that can all be annotated together, best score first: labels the schema
    knows, no two entities overlapping (unless the schema allows it), one trigger per span and
    one stance per target."""
    labels = set(schema.label_names)
    types = {t.name for t in schema.event_types}
    stance_labels, targets = set(schema.stance_labels), {t.name for t in schema.targets}
    chosen: list[Suggestion] = []
    taken: dict[str, list[Range]] = {ENTITY: [], TRIGGER: []}
    given: set[str] = set()
    for one in sorted(suggestions, key=lambda x: (-x.score, x.token_start, x.label)):
        if one.kind == STANCE:
            if one.target in targets and one.label in stance_labels and one.target not in given:
                given.add(one.target)
                chosen.append(one)
            continue
        known = labels if one.kind == ENTITY else types
        if one.label not in known:
            continue
        spans = taken[one.kind]
        clash = (
            one.span in spans if (one.kind == TRIGGER or schema.allow_overlap) else _overlaps(one.span, spans)
        )
        if not clash:
            spans.append(one.span)
            chosen.append(one)
    return chosen


def rejected_in(
    rejections: Mapping[int, set[stored.FeedbackKey]], sentence_id: int
) -> set[stored.FeedbackKey]:
    """The rejections of one sentence (none: an empty set)."""
    return rejections.get(sentence_id, set())
