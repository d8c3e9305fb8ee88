"""Entity and event agreement counted block by block, so a corpus's spans are never all held at once.

The compared sentences are read in blocks of whole documents, in corpus order. Every figure of
:mod:`annotator.services.review` is a sum over sentences (spans only ever match within their
sentence), so each block adds its counts to running totals, and the coefficients are computed
from the totals at the end: the same values as from the whole corpus at once. The token-label
patterns (for kappa and alpha) are counted in the same order as over the whole corpus, so even
their floating-point sums are unchanged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from annotator.agreement import AgreementError
from annotator.agreement.coefficients import cohen_kappa_counts, krippendorff_alpha_counts
from annotator.agreement.spans import grouped_spans, overlap_matches, span_score
from annotator.core.tags import flatten
from annotator.services.coverage import Coverage
from annotator.services.stance_agreement import pair_counts

Spans = dict[int, list[tuple[int, int, str]]]
Events = dict[int, list[tuple[int, int, str, frozenset[tuple[str, int, int]]]]]


def _safe(fn: Any, *args: Any) -> float | None:
    try:
        return round(float(fn(*args)), 6)
    except AgreementError:
        return None


def score_dict(score: Any) -> dict[str, Any]:
    """A span score as the report gives it."""
    return {
        "precision": round(score.precision, 6),
        "recall": round(score.recall, 6),
        "f1": round(score.f1, 6),
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
    }


def no_score(tp: int = 0, fp: int = 0, fn: int = 0) -> dict[str, Any]:
    """The scores of a pair with nothing to score."""
    return {"precision": None, "recall": None, "f1": None, "tp": tp, "fp": fp, "fn": fn}


def blocks(cov: Coverage, size: int) -> Iterator[tuple[list[int], int, int]]:
    """The compared sentences in blocks of whole documents of about ``size`` sentences, in corpus
    order: ``(sentence ids, first document id, last document id)``."""
    block: list[int] = []
    document_of = cov.document_of
    last = None
    for sid in cov.ids:
        doc = document_of[sid]
        if len(block) >= size and doc != last:
            yield block, document_of[block[0]], document_of[block[-1]]
            block = []
        block.append(sid)
        last = doc
    if block:
        yield block, document_of[block[0]], document_of[block[-1]]


class _Pair:
    """Running counts of one pair's entity spans."""

    def __init__(self) -> None:
        self.given = False
        self.tp = self.tp_overlap = self.na = self.nb = 0
        self.matched: Counter[str] = Counter()
        self.labels_a: Counter[str] = Counter()
        self.labels_b: Counter[str] = Counter()


class _Parts:
    """One person's spans of a block as the pair figures use them: counted (exact matching),
    grouped with the sentence in the label (overlap matching only ever within a sentence),
    counted by label, and labelled by place (the confusion matrix)."""

    def __init__(self, spans: list[tuple[int, int, int, str]]):
        self.counted = Counter(spans)
        self.grouped = grouped_spans([(x, y, (sid, lab)) for sid, x, y, lab in spans])
        self.labels = Counter(x[3] for x in spans)
        self.where = {(s, x, y): lab for s, x, y, lab in spans}


class EntityTally:
    """Entity agreement (pairwise exact and overlap P/R/F1, per label, kappa, alpha, confusion)
    added up block by block."""

    def __init__(self, names: list[str], cov: Coverage, lengths: dict[int, int]):
        self.names, self.cov, self.lengths = names, cov, lengths
        self.patterns: Counter[tuple[str | None, ...]] = Counter()
        self.pairs = {(a, b): _Pair() for a, b in combinations(names, 2)}
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.anything = False

    def add(self, ids: Sequence[int], layers: dict[str, Spans]) -> None:
        """Count the block of compared sentences ``ids`` (corpus order) with each person's spans."""
        self._patterns(ids, [layers[n] for n in self.names])
        covers = self.cov.covers
        raw = {
            n: [(sid, s, e, lab) for sid in ids if sid in covers[n] for s, e, lab in layers[n].get(sid, ())]
            for n in self.names
        }
        self.anything = self.anything or any(raw.values())
        complete = self.cov.complete
        whole: dict[str, _Parts] = {}  # a person's parts over all they cover in the block, made once
        for (a, b), pair in self.pairs.items():
            if complete:  # every pair's common sentences are all the block
                ra, rb = raw[a], raw[b]
            else:
                ra = [x for x in raw[a] if x[0] in covers[b]]
                rb = [x for x in raw[b] if x[0] in covers[a]]
            if not ra and not rb:
                continue
            pair.given = True
            if complete:
                pa = whole[a] if a in whole else whole.setdefault(a, _Parts(ra))
                pb = whole[b] if b in whole else whole.setdefault(b, _Parts(rb))
            else:
                pa, pb = _Parts(ra), _Parts(rb)
            both = pa.counted & pb.counted  # exact matching on flat (sentence, start, end, label)
            pair.tp += both.total()
            pair.tp_overlap += overlap_matches(pa.grouped, pb.grouped)
            pair.na += len(ra)
            pair.nb += len(rb)
            for (_, _, _, label), n in both.items():
                pair.matched[label] += n
            pair.labels_a.update(pa.labels)
            pair.labels_b.update(pb.labels)
            where_b = pb.where
            for s, x, y, lab in ra:
                if (s, x, y) in where_b:
                    self.confusion[(lab, where_b[(s, x, y)])] += 1

    def _patterns(self, ids: Sequence[int], layers: list[Spans]) -> None:
        """How many tokens got each combination of labels from the people (``O`` outside entities,
        None from a person who does not cover the sentence).

        Overlapping spans of one person are flattened (longest first). Sentences where nobody
        tagged anything, or everyone tagged the same spans, count at once; the others are zipped
        sentence by sentence, in C.
        """
        patterns, cov, lengths = self.patterns, self.cov, self.lengths
        width = len(self.names)
        everyone = (True,) * width
        complete, mask = cov.complete, everyone
        nothing: tuple[str | None, ...] = ("O",) * width
        for sid in ids:
            if not complete:
                mask, nothing = cov.mask(sid), cov.filled(sid, "O")
            if complete:
                found = [layer.get(sid) for layer in layers]
            else:
                found = [layer.get(sid) if m else None for layer, m in zip(layers, mask, strict=True)]
            if not any(found):
                patterns[nothing] += lengths[sid]
                continue
            first = found[0]
            if mask == everyone and first and found.count(first) == width:  # the same spans: no zipping
                covered = 0
                for s, e, label in flatten(first)[0]:
                    patterns[(label,) * width] += e - s
                    covered += e - s
                if lengths[sid] > covered:
                    patterns[nothing] += lengths[sid] - covered
                continue
            columns: list[list[str | None]] = []
            for spans, m in zip(found, mask, strict=True):
                labels: list[str | None] = ["O" if m else None] * lengths[sid]
                for s, e, label in flatten(spans)[0] if spans else ():
                    labels[s:e] = [label] * (e - s)
                columns.append(labels)
            patterns.update(zip(*columns, strict=True))

    def result(self) -> dict[str, Any]:
        """The entities layer of the report."""
        cov, lengths, patterns = self.cov, self.lengths, self.patterns
        total = sum(lengths[i] for i in cov.ids)
        per_label: dict[str, Counter[str]] = defaultdict(Counter)
        pairs = []
        for (i, a), (j, b) in combinations(enumerate(self.names), 2):
            common = cov.common(a, b)
            tokens = total if common is cov.ids else sum(lengths[sid] for sid in common)
            counts = self.pairs[(a, b)]
            pair: dict[str, Any] = {
                "a": a,
                "b": b,
                "no_data": not counts.given,
                **cov.pair_extent(a, b),
                "tokens": tokens,
            }
            pairs.append(pair)
            if not counts.given:
                pair.update({**no_score(), "overlap": no_score(), "cohen_kappa": None})
                continue
            tp, tp_overlap, na, nb = counts.tp, counts.tp_overlap, counts.na, counts.nb
            pair.update(score_dict(span_score(tp, nb - tp, na - tp)))
            pair["overlap"] = score_dict(span_score(tp_overlap, nb - tp_overlap, na - tp_overlap))
            pair["cohen_kappa"] = _safe(cohen_kappa_counts, pair_counts(patterns, i, j))
            for label in counts.labels_a.keys() | counts.labels_b.keys():
                tp = counts.matched[label]
                per_label[label].update(
                    {"tp": tp, "fp": counts.labels_b[label] - tp, "fn": counts.labels_a[label] - tp}
                )
        labels = {}
        for label, c in sorted(per_label.items()):
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
            labels[label] = {"f1": None if f1 is None else round(f1, 6), "tp": tp, "fp": fp, "fn": fn}
        no_data = not self.anything
        return {
            "no_data": no_data,
            "pairs": pairs,
            "krippendorff_alpha": None if no_data else _safe(krippendorff_alpha_counts, patterns),
            "per_label": labels,
            "confusion": [{"a": la, "b": lb, "count": n} for (la, lb), n in sorted(self.confusion.items())],
            "items": total,
            **cov.extent(cov.ids),
        }


class EventTally:
    """Event agreement (trigger F1 with the same span and type, argument F1 over matched triggers)
    added up block by block."""

    def __init__(self, names: list[str], cov: Coverage):
        self.names, self.cov = names, cov
        # per pair: triggers given, arguments given, then tp / len(a) / len(b) of triggers and arguments
        self.counts = {pair: [False, False, 0, 0, 0, 0, 0, 0] for pair in combinations(names, 2)}

    def add(self, ids: Sequence[int], layers: dict[str, Events]) -> None:
        """Count the block of compared sentences ``ids`` with each person's events."""
        covers, complete = self.cov.covers, self.cov.complete
        made: dict[str, tuple[list[Any], dict[Any, Any]]] = {}  # every pair's, when all cover all

        def parts(name: str, common: Sequence[int]) -> tuple[list[Any], dict[Any, Any]]:
            if complete and name in made:
                return made[name]
            found = _event_parts([(sid, ev) for sid in common for ev in layers[name].get(sid, ())])
            if complete:
                made[name] = found
            return found

        for (a, b), counts in self.counts.items():
            ca, cb = covers[a], covers[b]
            common = ids if complete else [sid for sid in ids if sid in ca and sid in cb]
            (triggers_a, args_a), (triggers_b, args_b) = parts(a, common), parts(b, common)
            if triggers_a or triggers_b:
                counts[0] = True
                counts[2] += (Counter(triggers_a) & Counter(triggers_b)).total()
                counts[3] += len(triggers_a)
                counts[4] += len(triggers_b)
            ra = [(k, arg) for k in args_a if k in args_b for arg in args_a[k]]
            rb = [(k, arg) for k in args_b if k in args_a for arg in args_b[k]]
            if ra or rb:
                counts[1] = True
                counts[5] += (Counter(ra) & Counter(rb)).total()
                counts[6] += len(ra)
                counts[7] += len(rb)

    def result(self) -> dict[str, Any]:
        """The events layer of the report."""
        pairs = []
        cov = self.cov
        for (a, b), (given, argued, tp, na, nb, tp_arg, na_arg, nb_arg) in self.counts.items():
            pair: dict[str, Any] = {"a": a, "b": b, **cov.pair_extent(a, b)}
            pairs.append(pair)
            pair["no_data"] = not given
            pair["trigger"] = score_dict(span_score(tp, nb - tp, na - tp)) if given else no_score()
            pair["trigger_f1"] = pair["trigger"]["f1"]
            pair["argument"] = (
                score_dict(span_score(tp_arg, nb_arg - tp_arg, na_arg - tp_arg)) if argued else no_score()
            )
            pair["argument_f1"] = pair["argument"]["f1"]
        anything = any(counts[0] for counts in self.counts.values())
        return {"no_data": not anything, "pairs": pairs, **cov.extent(cov.ids)}


def _event_parts(events: list[tuple[int, Any]]) -> tuple[list[Any], dict[Any, Any]]:
    """Triggers as spans with the sentence and type in the label, and arguments by trigger."""
    triggers = [(s, e, (sid, t)) for sid, (s, e, t, _) in events]
    return triggers, {(sid, s, e, t): r for sid, (s, e, t, r) in events}
