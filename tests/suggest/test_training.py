"""A training run: which models the data allows, fingerprints, qualities that survive storage."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from annotator.core.suggestions import (
    ENTITY_MODEL,
    MATCHER_MODEL,
    NO_LABEL,
    STANCE,
    STANCE_MODEL,
    TRIGGER_MODEL,
    Suggestion,
)
from annotator.suggest.data import Example, StanceExample, TrainingData
from annotator.suggest.evaluate import split
from annotator.suggest.recommender import Recommender
from annotator.suggest.training import (
    fingerprint,
    quality_from_json,
    quality_to_json,
    stance_quality,
    train_models,
)
from tests.suggest.corpus import toy_examples


def _data() -> TrainingData:
    entities = tuple(toy_examples())
    triggers = tuple(Example(e.key, e.tokens, ((3, 4, "MOVE"),)) for e in entities)
    stance = tuple(
        StanceExample(e.key, " ".join(e.tokens), {"сапар": "favor"} if e.key % 2 else {}) for e in entities
    )
    return TrainingData(entities, triggers, stance, ("сапар",), (("Зейнеп Ахметова", "PERSON"),))


@pytest.fixture(scope="module")
def trained() -> dict[str, object]:
    heard: list[str] = []
    result = train_models(_data(), iterations=10, progress=heard.append)
    return {"models": {t.kind: t for t in result}, "heard": heard}


def test_every_model_the_data_allows(trained: dict[str, object]) -> None:
    models = trained["models"]
    assert isinstance(models, dict)
    assert set(models) == {ENTITY_MODEL, TRIGGER_MODEL, MATCHER_MODEL, STANCE_MODEL}
    train, held = split(sorted(_data().entities, key=lambda e: e.key))
    entity = models[ENTITY_MODEL]
    assert entity.sentences == len(train) and entity.quality is not None
    assert (entity.quality.trained_on, entity.quality.held_out) == (len(train), len(held))
    assert entity.quality.f1 > 0.5
    assert models[MATCHER_MODEL].sentences == 36 and models[MATCHER_MODEL].quality is not None
    assert trained["heard"] and all(isinstance(m, str) for m in trained["heard"])  # type: ignore[attr-defined]


def test_the_stored_bytes_load_into_a_recommender(trained: dict[str, object]) -> None:
    models = trained["models"]
    assert isinstance(models, dict)
    recommender = Recommender.load({kind: t.data for kind, t in models.items()})
    tokens = "Зейнеп Ахметова бүгін Тараздан келді .".split()
    found = recommender.suggest(tokens, " ".join(tokens))
    assert {s.kind for s in found} >= {"entity", "trigger"}
    assert any(s.source == "gazetteer" and s.span == (0, 2) for s in found)


def test_results_cross_a_process_boundary(trained: dict[str, object]) -> None:
    models = trained["models"]
    assert isinstance(models, dict)
    for t in models.values():
        assert pickle.loads(pickle.dumps(t)) == t  # what multiprocessing does with a result


def test_too_few_sentences_train_no_tagger() -> None:
    one = TrainingData((Example(1, ("Алматы",), ((0, 1, "GPE"),)),))
    kinds = {t.kind: t for t in train_models(one, iterations=5)}
    assert set(kinds) == {MATCHER_MODEL}
    assert kinds[MATCHER_MODEL].quality is None
    assert train_models(TrainingData(())) == []


def test_no_trigger_spans_no_trigger_model() -> None:
    data = replace(_data(), triggers=tuple(Example(e.key, e.tokens) for e in _data().entities), stance=())
    assert {t.kind for t in train_models(data, iterations=5)} == {ENTITY_MODEL, MATCHER_MODEL}


def test_fingerprint_is_stable_and_follows_the_data() -> None:
    data = _data()
    fp = fingerprint(data, ENTITY_MODEL)
    assert len(fp) == 64 and fp == fingerprint(data, ENTITY_MODEL)
    shuffled = replace(data, entities=tuple(reversed(data.entities)))
    assert fingerprint(shuffled, ENTITY_MODEL) == fp  # key order, not the order given
    changed = replace(data, entities=(*data.entities[:-1], Example(999, ("жаңа",))))
    assert fingerprint(changed, ENTITY_MODEL) != fp
    relabelled = replace(
        data, entities=(Example(0, data.entities[0].tokens, ((0, 1, "GPE"),)), *data.entities[1:])
    )
    assert fingerprint(relabelled, ENTITY_MODEL) != fp
    assert fingerprint(data, ENTITY_MODEL, iterations=50) != fp
    assert fingerprint(data, TRIGGER_MODEL) != fp
    assert fingerprint(replace(data, gazetteer=()), MATCHER_MODEL) != fingerprint(data, MATCHER_MODEL)
    assert fingerprint(replace(data, gazetteer=()), ENTITY_MODEL) == fp
    assert fingerprint(replace(data, targets=("басқа",)), STANCE_MODEL) != fingerprint(data, STANCE_MODEL)
    with pytest.raises(ValueError, match="unknown model kind"):
        fingerprint(data, "spacy")


def test_quality_json_round_trip(trained: dict[str, object]) -> None:
    models = trained["models"]
    assert isinstance(models, dict)
    for t in models.values():
        assert quality_from_json(quality_to_json(t.quality)) == t.quality
    with pytest.raises(ValueError, match="not a stored quality"):
        quality_from_json('{"f1": 1}')


def test_stance_quality_by_hand() -> None:
    gold = [
        StanceExample(1, "a", {"заң": "favor", "салық": "against"}),
        StanceExample(2, "b", {"заң": "against"}),
        StanceExample(3, "c"),
    ]
    predicted = [
        [Suggestion(STANCE, 0, 0, "favor", 0.9, "classifier", "заң")],  # right; салық missed
        [Suggestion(STANCE, 0, 0, "favor", 0.6, "classifier", "заң")],  # wrong stance
        [Suggestion(STANCE, 0, 0, "against", 0.7, "classifier", "салық")],  # none was given
    ]
    q = stance_quality(gold, predicted, trained_on=9)
    # 1 right of 3 predicted and 3 given.
    assert (q.precision, q.recall, q.f1) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert [(s.label, s.precision, s.recall, s.support) for s in q.per_label] == [
        ("against", 0.0, 0.0, 2),
        ("favor", 0.5, 1.0, 1),
    ]
    assert q.confusion == {
        "against": {"favor": 1, NO_LABEL: 1},
        "favor": {"favor": 1},
        NO_LABEL: {"against": 1},
    }
    assert (q.trained_on, q.held_out) == (9, 3)
