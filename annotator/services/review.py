"""Corpus agreement: the coefficients of :mod:`annotator.agreement` over what annotators stored.

Who is compared is :mod:`annotator.services.compared`'s rule: the annotators, or the people
named. Only sentences that every compared annotator marked done are compared (``status="done"``), or
every sentence (``status="all"``). Entities: pairwise exact and overlap span P/R/F1 overall and per
label, token-level Cohen's kappa per pair, Krippendorff's alpha on token labels (``O`` included)
across everybody, and a confusion matrix of spans matched by position. Events: trigger F1 (same
span and type) and argument F1 over matched triggers (same role, same argument span). Stance:
one item per sentence and target; a done sentence with no stance toward a target counts as
``none``; pairwise Cohen's kappa, Fleiss's kappa over items everybody rated, Krippendorff's alpha.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from annotator.agreement import AgreementError, cohen_kappa, fleiss_kappa, krippendorff_alpha, span_agreement
from annotator.agreement.coefficients import cohen_kappa_counts, krippendorff_alpha_counts
from annotator.agreement.spans import grouped_spans, overlap_matches, span_score
from annotator.core.choices import KINDS, SCOPES
from annotator.core.perf import collector_paused
from annotator.core.tags import flatten
from annotator.services.compared import NothingInCommon as NothingInCommon
from annotator.services.compared import ReviewError as ReviewError
from annotator.services.compared import compared_people
from annotator.store import Project
from annotator.store.review_data import LayerData, all_sentence_ids, layer_data, token_counts

LAYERS = KINDS


def _safe(fn: Any, *args: Any) -> float | None:
    try:
        return round(float(fn(*args)), 6)
    except AgreementError:
        return None


def corpus_agreement(
    project: Project,
    annotators: Sequence[str] | None = None,
    status: str = "done",
    layers: Sequence[str] = LAYERS,
) -> dict[str, Any]:
    """The agreement report as one JSON-ready object (see the module docstring).

    ``annotators``: the names to compare (None: every annotator, see :func:`compared_people`).
    """
    with collector_paused():
        return _corpus_agreement(project, annotators, status, layers)


def _corpus_agreement(
    project: Project, annotators: Sequence[str] | None, status: str, layers: Sequence[str]
) -> dict[str, Any]:
    if status not in SCOPES:
        raise ReviewError(f"--status must be {' or '.join(SCOPES)}, not {status!r}")
    with project.reading() as s:
        people = compared_people(s, annotators)
        ids = all_sentence_ids(s)
        data = {p.name: layer_data(s, p.id, ids) for p in people}
        if status == "done":
            common = set.intersection(*(d.done for d in data.values()))
            ids = [i for i in ids if i in common]
        lengths = token_counts(s, set(ids))
    names = [p.name for p in people]
    report: dict[str, Any] = {"annotators": names, "status": status, "sentences": len(ids), "layers": {}}
    if not ids and status == "all":
        raise ReviewError("the project has no sentences to compare")
    if not ids:
        raise NothingInCommon(
            f"the compared annotators ({', '.join(names)}) have no sentence in common marked done"
        )
    if "entities" in layers:
        report["layers"]["entities"] = _entities(names, data, ids, lengths)
    if "events" in layers:
        report["layers"]["events"] = _events(names, data, ids)
    if "stance" in layers:
        report["layers"]["stance"] = _stance(
            names, data, ids, [t.name for t in project.schema.targets], status
        )
    return report


def _spans(d: LayerData, ids: Sequence[int]) -> list[tuple[int, int, int, str]]:
    return [(sid, s, e, label) for sid in ids for s, e, label in d.entities.get(sid, [])]


def _pair_counts(patterns: Counter[tuple[str, ...]], i: int, j: int) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for unit, n in patterns.items():
        out[(unit[i], unit[j])] += n
    return out


def _token_patterns(
    names: list[str], data: dict[str, LayerData], ids: Sequence[int], lengths: dict[int, int]
) -> Counter[tuple[str, ...]]:
    """How many tokens got each combination of labels from the annotators (``O`` outside entities).

    Overlapping spans of one annotator are flattened (longest first). Sentences where nobody
    tagged anything, or everyone tagged the same spans, count at once; the others are zipped
    sentence by sentence, in C.
    """
    patterns: Counter[tuple[str, ...]] = Counter()
    layers = [data[n].entities for n in names]
    width = len(names)
    nothing = ("O",) * width
    for sid in ids:
        found = [layer.get(sid) for layer in layers]
        if not any(found):
            patterns[nothing] += lengths[sid]
            continue
        first = found[0]
        if first and found.count(first) == width:  # everyone tagged the same spans: no zipping
            covered = 0
            for s, e, label in flatten(first)[0]:
                patterns[(label,) * width] += e - s
                covered += e - s
            if lengths[sid] > covered:
                patterns[nothing] += lengths[sid] - covered
            continue
        columns = []
        for spans in found:
            labels = ["O"] * lengths[sid]
            for s, e, label in flatten(spans)[0] if spans else ():
                labels[s:e] = [label] * (e - s)
            columns.append(labels)
        patterns.update(zip(*columns, strict=True))
    return patterns


def _score_dict(score: Any) -> dict[str, Any]:
    return {
        "precision": round(score.precision, 6),
        "recall": round(score.recall, 6),
        "f1": round(score.f1, 6),
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
    }


def _entities(
    names: list[str], data: dict[str, LayerData], ids: Sequence[int], lengths: dict[int, int]
) -> dict[str, Any]:
    # Every token's labels by all annotators, each distinct combination counted once: the pairwise
    # kappas and alpha are computed from these few thousand patterns, not from 10^6 tokens.
    patterns = _token_patterns(names, data, ids, lengths)
    pairs = []
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    raw = {n: _spans(data[n], ids) for n in names}
    # The sentence goes into the label, so spans only ever match within one sentence.
    keyed = {n: grouped_spans([(x, y, (sid, lab)) for sid, x, y, lab in raw[n]]) for n in names}
    counted = {n: Counter(raw[n]) for n in names}  # exact matching on flat (sentence, start, end, label)
    per_name = {n: Counter(lab for *_, lab in raw[n]) for n in names}
    where = {n: {(s, x, y): lab for s, x, y, lab in raw[n]} for n in names}
    for a, b in combinations(names, 2):
        both = counted[a] & counted[b]
        tp = both.total()
        exact = span_score(tp, len(raw[b]) - tp, len(raw[a]) - tp)
        tp_overlap = overlap_matches(keyed[a], keyed[b])
        overlap = span_score(tp_overlap, len(raw[b]) - tp_overlap, len(raw[a]) - tp_overlap)
        pairs.append(
            {
                "a": a,
                "b": b,
                **_score_dict(exact),
                "overlap": _score_dict(overlap),
                "cohen_kappa": _safe(
                    cohen_kappa_counts, _pair_counts(patterns, names.index(a), names.index(b))
                ),
            }
        )
        matched: Counter[str] = Counter()
        for (_, _, _, label), n in both.items():
            matched[label] += n
        for label in per_name[a].keys() | per_name[b].keys():
            tp = matched[label]
            per_label[label].update({"tp": tp, "fp": per_name[b][label] - tp, "fn": per_name[a][label] - tp})
        where_b = where[b]
        for s, x, y, lab in raw[a]:
            if (s, x, y) in where_b:
                confusion[(lab, where_b[(s, x, y)])] += 1
    labels = {}
    for label, c in sorted(per_label.items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        labels[label] = {"f1": round(f1, 6), "tp": tp, "fp": fp, "fn": fn}
    return {
        "pairs": pairs,
        "krippendorff_alpha": _safe(krippendorff_alpha_counts, patterns),
        "per_label": labels,
        "confusion": [{"a": la, "b": lb, "count": n} for (la, lb), n in sorted(confusion.items())],
        "items": sum(lengths[i] for i in ids),
    }


def _events(names: list[str], data: dict[str, LayerData], ids: Sequence[int]) -> dict[str, Any]:
    pairs = []
    triggers = {
        n: [(s, e, (sid, t)) for sid in ids for s, e, t, _ in data[n].events.get(sid, ())] for n in names
    }
    arguments = {
        n: {(sid, s, e, t): r for sid in ids for s, e, t, r in data[n].events.get(sid, ())} for n in names
    }
    for a, b in combinations(names, 2):
        trig = span_agreement(triggers[a], triggers[b])
        args_a, args_b = arguments[a], arguments[b]
        ra = [(k, arg) for k in args_a if k in args_b for arg in args_a[k]]
        rb = [(k, arg) for k in args_b if k in args_a for arg in args_b[k]]
        arg = span_agreement([(0, 0, x) for x in ra], [(0, 0, x) for x in rb])
        pairs.append(
            {
                "a": a,
                "b": b,
                "trigger_f1": round(trig.f1, 6),
                "trigger": _score_dict(trig),
                "argument_f1": round(arg.f1, 6),
                "argument": _score_dict(arg),
            }
        )
    return {"pairs": pairs}


def _stance(
    names: list[str], data: dict[str, LayerData], ids: Sequence[int], targets: list[str], status: str
) -> dict[str, Any]:
    items = [(sid, t) for sid in ids for t in targets]

    def rating(d: LayerData, item: tuple[int, str]) -> str | None:
        if item in d.stance:
            return d.stance[item]
        return "none" if item[0] in d.done or status == "done" else None

    ratings = {n: [rating(data[n], item) for item in items] for n in names}
    pairs = [
        {"a": a, "b": b, "cohen_kappa": _safe(cohen_kappa, ratings[a], ratings[b])}
        for a, b in combinations(names, 2)
    ]
    complete = [r for r in zip(*(ratings[n] for n in names), strict=True) if None not in r]
    return {
        "pairs": pairs,
        "fleiss_kappa": _safe(fleiss_kappa, complete),
        "krippendorff_alpha": _safe(krippendorff_alpha, [ratings[n] for n in names]),
        "items": len(items),
    }


def overall(report: dict[str, Any], layer: str) -> list[tuple[str, float | None]]:
    """What ``--min`` gates on: alpha for entities and stance, every pair's trigger F1 for events."""
    found = report["layers"]
    out: list[tuple[str, float | None]] = []
    if layer in ("entities", "all") and "entities" in found:
        out.append(("entities krippendorff_alpha", found["entities"]["krippendorff_alpha"]))
    if layer in ("events", "all") and "events" in found:
        out += [(f"events trigger_f1 {p['a']}/{p['b']}", p["trigger_f1"]) for p in found["events"]["pairs"]]
    if layer in ("stance", "all") and "stance" in found:
        out.append(("stance krippendorff_alpha", found["stance"]["krippendorff_alpha"]))
    return out
