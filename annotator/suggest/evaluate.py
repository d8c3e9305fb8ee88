"""Held-out evaluation: a stable 80/20 split and strict span precision, recall and F1.

*Strict* (conlleval, seqeval's default): a predicted span counts only when a gold span has the
same tokens and label; precision, recall and F1 are micro-averaged over every span, and per label.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Protocol, TypeVar

from annotator.core.suggestions import NO_LABEL, LabelScore, Quality
from annotator.suggest.data import Example, Span


class _Keyed(Protocol):
    @property
    def key(self) -> int: ...


T = TypeVar("T", bound=_Keyed)


def _fraction(key: int) -> float:
    """A number in [0, 1) fixed by ``key`` alone (sha256: the same on every run and machine)."""
    digest = hashlib.sha256(f"annotator-split:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split(examples: Sequence[T], held_out: float = 0.2) -> tuple[list[T], list[T]]:
    """``(training, held_out)``: an example is held out when its key's hash falls below
    ``held_out``; with two or more examples each part gets at least one. Order is kept."""
    fractions = [_fraction(e.key) for e in examples]
    out = [f < held_out for f in fractions]
    if len(examples) >= 2:
        if not any(out):
            out[min(range(len(out)), key=fractions.__getitem__)] = True
        elif all(out):
            out[max(range(len(out)), key=fractions.__getitem__)] = False
    train = [e for e, o in zip(examples, out, strict=True) if not o]
    test = [e for e, o in zip(examples, out, strict=True) if o]
    return train, test


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where a denominator is 0)."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _token_labels(spans: Sequence[Span], length: int) -> list[str]:
    labels = [NO_LABEL] * length
    for start, end, label in spans:
        for i in range(max(0, start), min(end, length)):
            if labels[i] == NO_LABEL:
                labels[i] = label
    return labels


def span_quality(gold: Sequence[Example], predicted: Sequence[Sequence[Span]], trained_on: int) -> Quality:
    """Strict span P/R/F1 of ``predicted`` (one list of spans per gold example, same order)
    against the gold spans, overall and per label (sorted), with a token confusion matrix."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predictions")
    correct: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for example, spans in zip(gold, predicted, strict=True):
        g, p = set(example.spans), set(spans)
        n_gold.update(s[2] for s in g)
        n_pred.update(s[2] for s in p)
        correct.update(s[2] for s in g & p)
        length = len(example.tokens)
        for a, b in zip(_token_labels(sorted(g), length), _token_labels(sorted(p), length), strict=True):
            row = confusion[a]
            row[b] = row.get(b, 0) + 1
    precision, recall, f1 = prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    per_label = tuple(
        LabelScore(label, *prf(correct[label], n_pred[label], n_gold[label]), support=n_gold[label])
        for label in sorted(set(n_gold) | set(n_pred))
    )
    return Quality(
        trained_on=trained_on,
        held_out=len(gold),
        precision=precision,
        recall=recall,
        f1=f1,
        per_label=per_label,
        confusion={k: dict(sorted(v.items())) for k, v in sorted(confusion.items())},
    )
