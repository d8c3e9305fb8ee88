"""One training run: every model the data allows, each with its fingerprint and held-out quality.

:func:`train_models` is what the child process the services start runs (training holds the GIL
for minutes; a process keeps the window responsive). Its results are plain records that cross
the process boundary: :class:`Trained` and :class:`annotator.core.suggestions.Quality`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from annotator.core.suggestions import (
    ENTITY,
    ENTITY_MODEL,
    MATCHER_MODEL,
    MODEL_KINDS,
    NO_LABEL,
    STANCE_MODEL,
    TRIGGER,
    TRIGGER_MODEL,
    LabelScore,
    Quality,
)
from annotator.core.text import tokenizer
from annotator.suggest.data import Example, StanceExample, TrainingData
from annotator.suggest.evaluate import prf, span_quality, split
from annotator.suggest.features import FEATURES_VERSION
from annotator.suggest.matcher import StringMatcher
from annotator.suggest.stance import NONE, StanceClassifier
from annotator.suggest.tagger import SpanTagger


@dataclass(frozen=True)
class Trained:
    """One trained model: its kind (one of MODEL_KINDS), the fingerprint of its training data,
    how many sentences it learned from, its held-out quality (None when too few sentences) and
    its bytes."""

    kind: str
    fingerprint: str
    sentences: int
    quality: Quality | None
    data: bytes


def fingerprint(data: TrainingData, kind: str, iterations: int = 100) -> str:
    """sha256 hex of what a model of ``kind`` learns from: the kind, FEATURES_VERSION, the
    iterations and its examples in key order (the same data gives the same fingerprint)."""
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {kind!r}")
    content: dict[str, Any] = {"kind": kind, "features": FEATURES_VERSION, "iterations": iterations}
    if kind in (ENTITY_MODEL, MATCHER_MODEL, TRIGGER_MODEL):
        examples = data.triggers if kind == TRIGGER_MODEL else data.entities
        content["examples"] = [
            [e.key, list(e.tokens), sorted(map(list, e.spans))] for e in _ordered(examples)
        ]
    if kind == MATCHER_MODEL:
        content["gazetteer"] = sorted(map(list, data.gazetteer))
    if kind == STANCE_MODEL:
        content["targets"] = sorted(data.targets)
        content["stance"] = [[e.key, e.text, sorted(e.labels.items())] for e in _ordered(data.stance)]
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _ordered(examples: Sequence[Any]) -> list[Any]:
    return sorted(examples, key=lambda e: e.key)


def _spans_of(suggestions: Sequence[Any]) -> list[tuple[int, int, str]]:
    return [(s.token_start, s.token_end, s.label) for s in suggestions]


def _tagger(examples: Sequence[Example], kind: str, iterations: int) -> tuple[SpanTagger, Quality, int]:
    train, held = split(_ordered(examples))
    tagger = SpanTagger.train(train, kind, iterations=iterations)
    quality = span_quality(held, [_spans_of(tagger.suggest(e.tokens)) for e in held], len(train))
    return tagger, quality, len(train)


def train_models(
    data: TrainingData, iterations: int = 100, progress: Callable[[str], None] | None = None
) -> list[Trained]:
    """Train every model the data allows; ``progress`` hears what is being trained.

    Entities (and triggers, when any trigger is labelled): with two or more sentences, split
    80/20 by key, train on the 80 % and evaluate on the 20 %; the stored model is the one trained
    on the 80 % (a second run on everything would double the time of a run that already takes
    minutes). Fewer sentences: no model. The string matcher is learned from every sentence and the
    gazetteer; its quality is that of a matcher learned on the 80 %, on the 20 %. The stance
    classifier is trained like the taggers.
    """
    say = progress or (lambda _message: None)
    result: list[Trained] = []
    if len(data.entities) >= 2:
        say(f"training the entity tagger on {len(data.entities)} sentences")
        tagger, quality, n = _tagger(data.entities, ENTITY, iterations)
        result.append(
            Trained(ENTITY_MODEL, fingerprint(data, ENTITY_MODEL, iterations), n, quality, tagger.to_bytes())
        )
    if len(data.triggers) >= 2 and any(e.spans for e in data.triggers):
        say(f"training the trigger tagger on {len(data.triggers)} sentences")
        tagger, quality, n = _tagger(data.triggers, TRIGGER, iterations)
        result.append(
            Trained(
                TRIGGER_MODEL, fingerprint(data, TRIGGER_MODEL, iterations), n, quality, tagger.to_bytes()
            )
        )
    if data.entities or data.gazetteer:
        say("learning the string matcher")
        cut = tokenizer(data.tokenizer_version)
        matcher = StringMatcher.learn(data.entities, data.gazetteer, cut)
        matched: Quality | None = None
        if len(data.entities) >= 2:
            train, held = split(_ordered(data.entities))
            partial = StringMatcher.learn(train, data.gazetteer, cut)
            matched = span_quality(held, [_spans_of(partial.suggest(e.tokens)) for e in held], len(train))
        fp = fingerprint(data, MATCHER_MODEL, iterations)
        result.append(Trained(MATCHER_MODEL, fp, len(data.entities), matched, matcher.to_json()))
    if len(data.stance) >= 2 and data.targets:
        say(f"training the stance classifier on {len(data.stance)} sentences")
        train, held = split(_ordered(data.stance))
        classifier = StanceClassifier.train(train, data.targets)
        if classifier.targets:
            quality = stance_quality(held, [classifier.suggest(e.text) for e in held], len(train))
            fp = fingerprint(data, STANCE_MODEL, iterations)
            result.append(Trained(STANCE_MODEL, fp, len(train), quality, classifier.to_json()))
    return result


def stance_quality(
    gold: Sequence[StanceExample], predicted: Sequence[Sequence[Any]], trained_on: int
) -> Quality:
    """P/R/F1 of stance suggestions over (sentence, target) pairs with a stance other than none;
    per stance label, and a confusion matrix of gold against predicted stance (NO_LABEL: none)."""
    correct: dict[str, int] = {}
    n_gold: dict[str, int] = {}
    n_pred: dict[str, int] = {}
    confusion: dict[str, dict[str, int]] = {}
    for example, suggestions in zip(gold, predicted, strict=True):
        guessed = {s.target: s.label for s in suggestions}
        for target in sorted(set(example.labels) | set(guessed)):
            g, p = example.labels.get(target, NONE), guessed.get(target, NONE)
            if g != NONE:
                n_gold[g] = n_gold.get(g, 0) + 1
            if p != NONE:
                n_pred[p] = n_pred.get(p, 0) + 1
            if g == p != NONE:
                correct[g] = correct.get(g, 0) + 1
            row = confusion.setdefault(NO_LABEL if g == NONE else g, {})
            col = NO_LABEL if p == NONE else p
            row[col] = row.get(col, 0) + 1
    total = prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    per_label = tuple(
        LabelScore(lab, *prf(correct.get(lab, 0), n_pred.get(lab, 0), n_gold.get(lab, 0)), n_gold.get(lab, 0))
        for lab in sorted(set(n_gold) | set(n_pred))
    )
    return Quality(
        trained_on,
        len(gold),
        *total,
        per_label,
        {k: dict(sorted(v.items())) for k, v in sorted(confusion.items())},
    )


def quality_to_json(q: Quality) -> str:
    """A quality as JSON text, for storage."""
    return json.dumps(asdict(q), ensure_ascii=False, sort_keys=True)


def quality_from_json(s: str) -> Quality:
    """A quality from :func:`quality_to_json`'s text; ValueError when it is not one."""
    try:
        doc = json.loads(s)
        return Quality(
            trained_on=int(doc["trained_on"]),
            held_out=int(doc["held_out"]),
            precision=float(doc["precision"]),
            recall=float(doc["recall"]),
            f1=float(doc["f1"]),
            per_label=tuple(
                LabelScore(
                    str(p["label"]),
                    float(p["precision"]),
                    float(p["recall"]),
                    float(p["f1"]),
                    int(p["support"]),
                )
                for p in doc["per_label"]
            ),
            confusion={
                str(g): {str(p): int(n) for p, n in row.items()} for g, row in doc["confusion"].items()
            },
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValueError("not a stored quality") from None
