"""The sequence tagger: a CRF (python-crfsuite, L-BFGS) over BIO tags of one kind of span.

One model suggests entities, another event triggers (their label is the event type), on the
same machinery and the KazNERD features (:mod:`annotator.suggest.features`). A model is
crfsuite's own bytes, loaded in memory (no pickle). A suggestion's score is the mean marginal
probability of its tags; the *margin* of a sentence is the smallest difference between the best
and second-best marginal probabilities of a token (uncertainty sampling).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from annotator.core.suggestions import ENTITY, TRIGGER, Suggestion
from annotator.suggest.data import Example, Span, TrainingError
from annotator.suggest.features import sentence_features

OUTSIDE = "O"
C1, C2 = 0.1, 0.1  # the KazNERD paper's (and sklearn-crfsuite tutorial's) regularisation


def encode(spans: Sequence[Span], length: int) -> list[str]:
    """BIO tags of ``length`` tokens for non-overlapping ``spans`` (an overlapping one is left out)."""
    tags = [OUTSIDE] * length
    for start, end, label in sorted(spans):
        if 0 <= start < end <= length and all(t == OUTSIDE for t in tags[start:end]):
            tags[start] = "B-" + label
            for i in range(start + 1, end):
                tags[i] = "I-" + label
    return tags


def decode(tags: Sequence[str]) -> list[Span]:
    """Spans of BIO tags, leniently (conlleval): an ``I-`` without its ``B-`` starts a span."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate((*tags, OUTSIDE)):
        prefix, _, name = tag.partition("-")
        if start >= 0 and (prefix != "I" or name != label):
            spans.append((start, i, label))
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, label = i, name
    return spans


class SpanTagger:
    """A trained CRF for one kind of span (ENTITY or TRIGGER)."""

    def __init__(self, data: bytes, kind: str) -> None:
        if kind not in (ENTITY, TRIGGER):
            raise ValueError(f"a tagger suggests entities or triggers, not {kind!r}")
        self._data = data
        self.kind = kind
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(data)
        except (ValueError, OSError) as exc:
            raise ValueError(f"not a CRF model: {exc}") from None
        self._tags: list[str] = list(self._tagger.labels())

    @classmethod
    def train(
        cls,
        examples: Sequence[Example],
        kind: str,
        iterations: int = 100,
    ) -> SpanTagger:
        """Train on ``examples`` (sentences without spans teach "nothing here") with L-BFGS for at
        most ``iterations``, in a temporary file (crfsuite writes one) read back and removed.
        TrainingError without examples or tokens."""
        sentences = [e for e in examples if e.tokens]
        if not sentences:
            raise TrainingError("there are no sentences to train the tagger on")
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        for example in sentences:
            trainer.append(sentence_features(example.tokens), encode(example.spans, len(example.tokens)))
        trainer.set_params(
            {"c1": C1, "c2": C2, "max_iterations": iterations, "feature.possible_transitions": True}
        )
        handle, name = tempfile.mkstemp(prefix="annotator-crf-", suffix=".crfsuite")
        os.close(handle)
        path = Path(name)
        try:
            trainer.train(str(path))
            data = path.read_bytes()
        finally:
            path.unlink(missing_ok=True)
        return cls(data, kind)

    def to_bytes(self) -> bytes:
        """The model as crfsuite's own bytes."""
        return self._data

    @classmethod
    def from_bytes(cls, data: bytes, kind: str) -> SpanTagger:
        """A tagger from :meth:`to_bytes`'s bytes; ValueError when they are not a CRF model."""
        return cls(data, kind)

    @property
    def labels(self) -> list[str]:
        """The span labels the model knows, sorted (without B-/I- and O)."""
        return sorted({t.partition("-")[2] for t in self._tags if t != OUTSIDE})

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """The most probable BIO tags of ``tokens``."""
        if not tokens:
            return []
        return list(self._tagger.tag(sentence_features(tokens)))

    def suggest(self, tokens: Sequence[str]) -> list[Suggestion]:
        """The decoded spans of the best tagging, each scored by its tags' mean marginal."""
        tags = self.tag(tokens)
        result = []
        for start, end, label in decode(tags):
            score = sum(self._tagger.marginal(tags[i], i) for i in range(start, end)) / (end - start)
            result.append(Suggestion(self.kind, start, end, label, min(1.0, max(0.0, score)), "tagger"))
        return result

    def margin(self, tokens: Sequence[str]) -> tuple[float, int, int]:
        """The smallest best-minus-second-best marginal over the tokens, and the token range (end
        exclusive) of that most uncertain place: the predicted span covering it, else the token.
        An empty sentence gives (1.0, 0, 0)."""
        tags = self.tag(tokens)
        if not tags:
            return (1.0, 0, 0)
        marginal = self._tagger.marginal
        # A token whose best tag has probability p has a margin of at least 2p - 1 (the second
        # best has at most 1 - p), and the decoded tag's marginal is at most p: tokens are visited
        # from the least sure decoded tag, and once that bound passes the smallest margin found,
        # no later token can beat it. Most tokens are sure, so few need every tag's marginal.
        decoded = [marginal(tag, i) for i, tag in enumerate(tags)]
        best, where = 2.0, 0
        for i in sorted(range(len(tags)), key=decoded.__getitem__):
            if 2 * decoded[i] - 1 > best + 1e-9:
                break
            probs = sorted((marginal(t, i) for t in self._tags), reverse=True)
            gap = probs[0] - probs[1] if len(probs) > 1 else probs[0]
            if (gap, i) < (best, where):
                best, where = gap, i
        for start, end, _ in decode(tags):
            if start <= where < end:
                return (best, start, end)
        return (best, where, where + 1)
