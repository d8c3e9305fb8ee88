"""On a KazNERD slice (the shared validation split; skipped when absent): the tagger and the
matcher learn real Kazakh news well enough, and the recommender is fast enough for a frame."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import ENTITY_MODEL, MATCHER_MODEL
from annotator.suggest.evaluate import span_quality, split
from annotator.suggest.matcher import StringMatcher
from annotator.suggest.recommender import Recommender
from annotator.suggest.tagger import SpanTagger
from tests.suggest.corpus import read_kaznerd


@pytest.fixture(scope="module")
def kaznerd_slice() -> tuple[list, list]:  # type: ignore[type-arg]
    train, held = split(read_kaznerd()[:2000])
    return train[:400], held[:100]


def _spans(suggestions: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(s.token_start, s.token_end, s.label) for s in suggestions]


def test_tagger_on_400_sentences_beats_a_modest_floor(kaznerd_slice: tuple[list, list]) -> None:  # type: ignore[type-arg]
    train, held = kaznerd_slice
    tagger = SpanTagger.train(train, "entity", iterations=30)
    quality = span_quality(held, [_spans(tagger.suggest(e.tokens)) for e in held], len(train))
    assert quality.f1 > 0.45, quality.f1
    recommender = Recommender.load(
        {ENTITY_MODEL: tagger.to_bytes(), MATCHER_MODEL: StringMatcher.learn(train).to_json()}
    )
    merged = [_spans(recommender.suggest(e.tokens, " ".join(e.tokens))) for e in held]
    assert span_quality(held, merged, len(train)).recall >= quality.recall  # the matcher adds


def test_stems_help_the_matcher(kaznerd_slice: tuple[list, list]) -> None:  # type: ignore[type-arg]
    train, held = kaznerd_slice
    matcher = StringMatcher.learn(train)
    found = [_spans(matcher.suggest(e.tokens)) for e in held]
    quality = span_quality(held, found, len(train))
    assert quality.f1 > 0.35, quality.f1
    learned = {" ".join(x.tokens[a:b]).lower() for x in train for a, b, _ in x.spans}
    inflected = [
        " ".join(e.tokens[start:end])
        for e, spans in zip(held, found, strict=True)
        for start, end, _ in spans
        if " ".join(e.tokens[start:end]).lower() not in learned
    ]
    assert inflected  # some suggestions match a learned phrase only through its stem
