"""The stance classifier learns a separable toy set, round-trips through JSON, skips thin targets."""

from __future__ import annotations

import pytest

from annotator.core.suggestions import STANCE
from annotator.suggest.data import StanceExample, TrainingError
from annotator.suggest.stance import StanceClassifier

_FAVOR = [
    "Жаңа заң өте жақсы, біз қолдаймыз",
    "Заңды толық қолдаймыз, жақсы шешім",
    "Бұл жақсы заң, қолдау керек",
]
_AGAINST = ["Жаңа заң жаман, біз қарсымыз", "Заңға қарсымыз, қате шешім", "Бұл зиянды заң, қарсы тұрамыз"]
_NONE = ["Бүгін ауа райы жылы болды", "Футбол командасы жеңіске жетті", "Театрда жаңа қойылым"]


def _toy() -> list[StanceExample]:
    examples = []
    for i in range(6):
        examples.append(StanceExample(3 * i, _FAVOR[i % 3], {"заң": "favor"}))
        examples.append(StanceExample(3 * i + 1, _AGAINST[i % 3], {"заң": "against"}))
        examples.append(StanceExample(3 * i + 2, _NONE[i % 3]))
    return examples


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return StanceClassifier.train(_toy(), ["заң", "салық"])


def test_learns_a_separable_toy_set(classifier: StanceClassifier) -> None:
    (favor,) = classifier.suggest("Заң жақсы, қолдаймыз")
    assert (favor.kind, favor.target, favor.label, favor.source) == (STANCE, "заң", "favor", "classifier")
    assert favor.span == (0, 0) and 0.34 < favor.score <= 1.0
    assert [s.label for s in classifier.suggest("Заңға қарсымыз")] == ["against"]
    assert classifier.suggest("Ауа райы жылы болды") == []


def test_a_target_without_two_classes_gets_no_model(classifier: StanceClassifier) -> None:
    assert classifier.targets == ["заң"]


def test_json_round_trip_gives_the_same_probabilities(classifier: StanceClassifier) -> None:
    again = StanceClassifier.from_json(classifier.to_json())
    for text in ("Заң жақсы, қолдаймыз", "Заңға қарсымыз", "Театр"):
        a, b = again.probabilities(text), classifier.probabilities(text)
        assert a.keys() == b.keys()
        for target in a:
            assert a[target] == pytest.approx(b[target])


def _binary() -> list[StanceExample]:
    return [StanceExample(i, t, {"заң": "favor"} if i < 3 else {}) for i, t in enumerate(_FAVOR + _NONE)]


@pytest.mark.parametrize("examples", [_toy(), _binary()], ids=["three classes", "two classes"])
def test_matches_scikit_learns_own_probabilities(examples: list[StanceExample]) -> None:
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression

    from annotator.suggest.stance import VECTORIZER

    classifier = StanceClassifier.from_json(StanceClassifier.train(examples, ["заң"]).to_json())
    vec = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), n_features=VECTORIZER["n_features"], alternate_sign=False
    )
    model = LogisticRegression(max_iter=1000).fit(
        vec.transform([e.text for e in examples]), [e.labels.get("заң", "none") for e in examples]
    )
    for text in ("Заң жақсы", "ауа райы", "қарсымыз"):
        expected = dict(zip(model.classes_, model.predict_proba(vec.transform([text]))[0], strict=True))
        assert classifier.probabilities(text)["заң"] == pytest.approx(expected)


def test_errors() -> None:
    with pytest.raises(TrainingError):
        StanceClassifier.train([], ["заң"])
    for data in (b"{}", b"null", b'{"format": "annotator-stance-1", "targets": {"x": {}}, "vectorizer": {}}'):
        with pytest.raises(ValueError, match="not a stance classifier"):
            StanceClassifier.from_json(data)


def test_the_window_and_the_command_line_start_without_scikit_learn() -> None:
    """scikit-learn takes over a second and 140 MB to import: only training and a stored stance model
    may bring it in, never opening the window or running a command."""
    import subprocess
    import sys

    from tests.conftest import REPO

    probe = (
        "import sys, annotator.gui.main_window, annotator.cli, annotator.services.suggesting; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'numpy', 'scipy')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "[]"
