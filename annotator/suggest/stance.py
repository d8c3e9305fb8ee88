"""The stance classifier: one logistic regression per target over character 2-4-grams.

Features come from scikit-learn's HashingVectorizer, which has no vocabulary to store; a model is
JSON with each class's non-zero weights, the intercepts, the classes and the vectorizer's
parameters (no pickle). The classes of a target are the stances given toward it plus ``"none"``
for sentences that gave it none; a target with fewer than two classes gets no model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: scikit-learn alone takes 1.2 s and 140 MB to import, and a
    # window with no stance model, or the command line reading files, should not pay for it
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

from annotator.core.suggestions import STANCE, Suggestion
from annotator.suggest.data import StanceExample, TrainingError

NONE = "none"  # the class of "no stance toward this target"
FORMAT = "annotator-stance-1"
VECTORIZER = {"analyzer": "char_wb", "ngram_range": [2, 4], "n_features": 2**18, "lowercase": True}


def _vectorizer(params: dict[str, Any]) -> HashingVectorizer:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=params["analyzer"],
        ngram_range=tuple(params["ngram_range"]),
        n_features=int(params["n_features"]),
        lowercase=bool(params["lowercase"]),
        alternate_sign=False,
        norm="l2",
    )


class _Model:
    """One target's classes, weights (classes x features, sparse by column) and intercepts."""

    def __init__(self, classes: list[str], columns: np.ndarray, weights: np.ndarray, intercept: np.ndarray):
        self.classes = classes
        self.columns = columns  # the feature columns with a non-zero weight
        self.weights = weights  # rows: one per class (one row for two classes, as scikit-learn)
        self.intercept = intercept

    def probabilities(self, x: Any, n_features: int) -> np.ndarray:
        """Class probabilities of one vectorised sentence (a 1 x n_features sparse row)."""
        import numpy as np

        dense = np.asarray(x[:, self.columns].todense()).ravel()
        scores = self.weights @ dense + self.intercept
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + np.exp(-scores[0]))
            return np.array([1.0 - p, p])
        e = np.exp(scores - scores.max())
        return np.asarray(e / e.sum())


class StanceClassifier:
    """Per-target stance models; :meth:`suggest` proposes a sentence's stance toward each."""

    def __init__(self, models: dict[str, _Model], vectorizer: dict[str, Any]) -> None:
        self._models = models
        self._params = vectorizer
        self._vectorizer = _vectorizer(vectorizer)

    @classmethod
    def train(cls, examples: Sequence[StanceExample], targets: Sequence[str]) -> StanceClassifier:
        """One model per target with at least two classes; TrainingError without examples."""
        if not examples:
            raise TrainingError("there are no sentences to train the stance classifier on")
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        vectorizer = _vectorizer(VECTORIZER)
        x = vectorizer.transform([e.text for e in examples])
        models: dict[str, _Model] = {}
        for target in targets:
            y = [e.labels.get(target, NONE) for e in examples]
            if len(set(y)) < 2:
                continue
            fitted = LogisticRegression(max_iter=1000).fit(x, y)
            coef = np.asarray(fitted.coef_)
            columns = np.flatnonzero(np.any(coef != 0, axis=0))
            models[target] = _Model(
                [str(c) for c in fitted.classes_], columns, coef[:, columns], np.asarray(fitted.intercept_)
            )
        return cls(models, dict(VECTORIZER))

    @property
    def targets(self) -> list[str]:
        """The targets that have a model, sorted."""
        return sorted(self._models)

    def probabilities(self, text: str) -> dict[str, dict[str, float]]:
        """Each target's class probabilities for ``text``."""
        x = self._vectorizer.transform([text]).tocsc()
        n = int(self._params["n_features"])
        return {
            target: dict(zip(m.classes, map(float, m.probabilities(x, n)), strict=True))
            for target, m in sorted(self._models.items())
        }

    def suggest(self, text: str) -> list[Suggestion]:
        """For each target: its most probable stance when that is not "none", scored by its
        probability."""
        result = []
        for target, probs in self.probabilities(text).items():
            label = max(probs, key=lambda c: (probs[c], c))
            if label != NONE:
                result.append(Suggestion(STANCE, 0, 0, label, probs[label], "classifier", target=target))
        return result

    def to_json(self) -> bytes:
        """The classifier as UTF-8 JSON: per target classes, sparse weights, intercepts."""
        doc = {
            "format": FORMAT,
            "vectorizer": self._params,
            "targets": {
                t: {
                    "classes": m.classes,
                    "columns": m.columns.tolist(),
                    "weights": m.weights.tolist(),
                    "intercept": m.intercept.tolist(),
                }
                for t, m in sorted(self._models.items())
            },
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> StanceClassifier:
        """A classifier from :meth:`to_json`'s bytes; ValueError when they are not one."""
        import numpy as np

        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError
            models = {}
            for target, m in doc["targets"].items():
                classes = [str(c) for c in m["classes"]]
                columns = np.asarray(m["columns"], dtype=np.int64)
                weights = np.asarray(m["weights"], dtype=np.float64).reshape(-1, len(columns))
                intercept = np.asarray(m["intercept"], dtype=np.float64)
                if len(classes) < 2 or weights.shape[0] != (1 if len(classes) == 2 else len(classes)):
                    raise ValueError
                models[str(target)] = _Model(classes, columns, weights, intercept)
            return cls(models, dict(doc["vectorizer"]))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise ValueError("not a stance classifier's model") from None
