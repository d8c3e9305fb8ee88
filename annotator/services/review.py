"""Corpus agreement: the coefficients of :mod:`annotator.agreement` over what people stored.

Who is compared is :mod:`annotator.services.compared`'s rule: the annotators, or the people
named. What each of them covers is :mod:`annotator.services.coverage`'s: the sentences they marked
done (``status="done"``) or every sentence (``status="all"``), and when the project has
assignments only those of the documents assigned to them. The sentences two or more people cover
are compared; each pair's figures rest on the sentences both cover, and every figure says how many
documents and sentences (and items) it rests on.

Entities: pairwise exact and overlap span P/R/F1 overall and per label, token-level Cohen's kappa
per pair, Krippendorff's alpha on token labels (``O`` included; a person who does not cover a
sentence gives no label) across everybody, and a confusion matrix of spans matched by position.
Events: trigger F1 (same span and type) and argument F1 over matched triggers (same role, same
argument span). Stance: :mod:`annotator.services.stance_agreement`. A layer where nobody gave
anything over the compared sentences, and a pair where neither did, report no data (figures
``None``, ``"no_data": True``): agreeing on nothing is not agreement.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

from annotator.agreement import AgreementError, span_agreement
from annotator.agreement.coefficients import cohen_kappa_counts, krippendorff_alpha_counts
from annotator.agreement.spans import grouped_spans, overlap_matches, span_score
from annotator.core.choices import KINDS, SCOPES
from annotator.core.messages import message
from annotator.core.perf import collector_paused
from annotator.core.tags import flatten
from annotator.services.compared import NothingInCommon as NothingInCommon
from annotator.services.compared import ReviewError as ReviewError
from annotator.services.compared import compared_people
from annotator.services.coverage import Coverage, coverage
from annotator.services.stance_agreement import pair_counts, stance_agreement
from annotator.store import Project
from annotator.store.agreement_units import sentence_documents
from annotator.store.assignments import assignees_by_document
from annotator.store.review_data import LayerData, layer_data, token_counts

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
    Raises NothingInCommon when no two of them cover a common sentence.
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
        units = sentence_documents(s)
        assignees = assignees_by_document(s)
        ids = [sid for sid, _ in units]
        data = {p.name: layer_data(s, p.id, ids) for p in people}
        cov = coverage(
            [(p.name, p.id) for p in people], {n: d.done for n, d in data.items()}, units, assignees, status
        )
        lengths = token_counts(s, set(cov.ids))
    names = cov.names
    if not units and status == "all":
        raise ReviewError("the project has no sentences to compare")
    if not cov.ids:
        raise NothingInCommon(_nothing_in_common(names, status, cov.assignments))
    report: dict[str, Any] = {
        "annotators": names,
        "status": status,
        "assignments": cov.assignments,
        **cov.extent(cov.ids),
        "layers": {},
    }
    if "entities" in layers:
        report["layers"]["entities"] = _entities(names, data, cov, lengths)
    if "events" in layers:
        report["layers"]["events"] = _events(names, data, cov)
    if "stance" in layers:
        report["layers"]["stance"] = stance_agreement(
            names, data, cov, [t.name for t in project.schema.targets]
        )
    return report


def _nothing_in_common(names: list[str], status: str, assignments: bool) -> str:
    who = ", ".join(names)
    if status == "done" and assignments:
        return message(
            "the compared annotators ({names}) have no sentence in common marked done "
            "in the documents assigned to them",
            names=who,
        )
    if status == "done":
        return message("the compared annotators ({names}) have no sentence in common marked done", names=who)
    return message("the compared annotators ({names}) have no assigned document in common", names=who)


def _token_patterns(
    names: list[str], data: dict[str, LayerData], cov: Coverage, lengths: dict[int, int]
) -> Counter[tuple[str | None, ...]]:
    """How many tokens got each combination of labels from the people (``O`` outside entities,
    None from a person who does not cover the sentence).

    Overlapping spans of one person are flattened (longest first). Sentences where nobody tagged
    anything, or everyone tagged the same spans, count at once; the others are zipped sentence by
    sentence, in C.
    """
    patterns: Counter[tuple[str | None, ...]] = Counter()
    layers = [data[n].entities for n in names]
    width = len(names)
    everyone = (True,) * width
    complete, mask = cov.complete, everyone
    nothing: tuple[str | None, ...] = ("O",) * width
    for sid in cov.ids:
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


def _no_score(tp: int = 0, fp: int = 0, fn: int = 0) -> dict[str, Any]:
    return {"precision": None, "recall": None, "f1": None, "tp": tp, "fp": fp, "fn": fn}


Spans = list[tuple[int, int, int, str]]


def _within(spans: Spans, full: set[int], wanted: list[int]) -> Spans:
    """The spans in the ``wanted`` sentences (all of them when those are everything ``full`` holds)."""
    if len(wanted) == len(full):
        return spans
    keep = set(wanted)
    return [x for x in spans if x[0] in keep]


class _Once:
    """What ``make`` makes of a person's spans: once for their whole coverage, each time for a part."""

    def __init__(self, make: Callable[[str, Any], Any]):
        self.make = make
        self.made: dict[str, Any] = {}

    def __call__(self, name: str, part: Any, whole: bool) -> Any:
        """``make(name, part)``, kept for ``name`` when ``part`` is all they cover."""
        if not whole:
            return self.make(name, part)
        if name not in self.made:
            self.made[name] = self.make(name, part)
        return self.made[name]


def _span_parts(spans: Spans) -> tuple[Counter[tuple[int, int, int, str]], Any, Counter[str], dict[Any, str]]:
    """The spans counted (exact matching), grouped for overlap matching with the sentence in the
    label (so spans only ever match within one sentence), counted by label, and labelled by place."""
    return (
        Counter(spans),
        grouped_spans([(x, y, (sid, lab)) for sid, x, y, lab in spans]),
        Counter(x[3] for x in spans),
        {(s, x, y): lab for s, x, y, lab in spans},
    )


def _event_parts(events: list[tuple[int, Any]]) -> tuple[list[Any], dict[Any, Any]]:
    """Triggers as spans with the sentence and type in the label, and arguments by trigger."""
    triggers = [(s, e, (sid, t)) for sid, (s, e, t, _) in events]
    return triggers, {(sid, s, e, t): r for sid, (s, e, t, r) in events}


def _entities(
    names: list[str], data: dict[str, LayerData], cov: Coverage, lengths: dict[int, int]
) -> dict[str, Any]:
    # Every token's labels by all people, each distinct combination counted once: the pairwise
    # kappas and alpha are computed from these few thousand patterns, not from 10^6 tokens.
    patterns = _token_patterns(names, data, cov, lengths)
    pairs = []
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    covered = {n: [sid for sid in cov.ids if sid in cov.covers[n]] for n in names}
    raw = {
        n: [(sid, s, e, lab) for sid in covered[n] for s, e, lab in data[n].entities.get(sid, ())]
        for n in names
    }
    no_data = not any(raw.values())
    # Made once per person when a pair's common sentences are all that person covers.
    prepared = _Once(lambda _, spans: _span_parts(spans))
    total = sum(lengths[i] for i in cov.ids)
    for (i, a), (j, b) in combinations(enumerate(names), 2):
        common = cov.common(a, b)
        ra = _within(raw[a], cov.covers[a], common)
        rb = _within(raw[b], cov.covers[b], common)
        tokens = total if common is cov.ids else sum(lengths[sid] for sid in common)
        extent = {**cov.pair_extent(a, b), "tokens": tokens}
        pair: dict[str, Any] = {"a": a, "b": b, "no_data": not ra and not rb, **extent}
        pairs.append(pair)
        if not ra and not rb:
            pair.update({**_no_score(), "overlap": _no_score(), "cohen_kappa": None})
            continue
        (ca, ka, name_a, _), (cb, kb, name_b, where_b) = (
            prepared(a, ra, ra is raw[a]),
            prepared(b, rb, rb is raw[b]),
        )
        both = ca & cb  # exact matching on flat (sentence, start, end, label)
        tp = both.total()
        tp_overlap = overlap_matches(ka, kb)
        pair.update(_score_dict(span_score(tp, len(rb) - tp, len(ra) - tp)))
        pair["overlap"] = _score_dict(span_score(tp_overlap, len(rb) - tp_overlap, len(ra) - tp_overlap))
        pair["cohen_kappa"] = _safe(cohen_kappa_counts, pair_counts(patterns, i, j))
        matched: Counter[str] = Counter()
        for (_, _, _, label), n in both.items():
            matched[label] += n
        for label in name_a.keys() | name_b.keys():
            tp = matched[label]
            per_label[label].update({"tp": tp, "fp": name_b[label] - tp, "fn": name_a[label] - tp})
        for s, x, y, lab in ra:
            if (s, x, y) in where_b:
                confusion[(lab, where_b[(s, x, y)])] += 1
    labels = {}
    for label, c in sorted(per_label.items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        labels[label] = {"f1": None if f1 is None else round(f1, 6), "tp": tp, "fp": fp, "fn": fn}
    return {
        "no_data": no_data,
        "pairs": pairs,
        "krippendorff_alpha": None if no_data else _safe(krippendorff_alpha_counts, patterns),
        "per_label": labels,
        "confusion": [{"a": la, "b": lb, "count": n} for (la, lb), n in sorted(confusion.items())],
        "items": total,
        **cov.extent(cov.ids),
    }


def _events(names: list[str], data: dict[str, LayerData], cov: Coverage) -> dict[str, Any]:
    pairs = []
    anything = False
    parts = _Once(
        lambda name, common: _event_parts(
            [(sid, ev) for sid in common for ev in data[name].events.get(sid, ())]
        )
    )
    for a, b in combinations(names, 2):
        common = cov.common(a, b)
        whole = common is cov.ids
        (triggers_a, args_a), (triggers_b, args_b) = parts(a, common, whole), parts(b, common, whole)
        pair: dict[str, Any] = {"a": a, "b": b, **cov.pair_extent(a, b)}
        pairs.append(pair)
        given = bool(triggers_a or triggers_b)
        anything = anything or given
        trig = span_agreement(triggers_a, triggers_b)
        ra = [(k, arg) for k in args_a if k in args_b for arg in args_a[k]]
        rb = [(k, arg) for k in args_b if k in args_a for arg in args_b[k]]
        arg = span_agreement([(0, 0, x) for x in ra], [(0, 0, x) for x in rb])
        pair["no_data"] = not given
        pair["trigger"] = _score_dict(trig) if given else _no_score()
        pair["trigger_f1"] = pair["trigger"]["f1"]
        pair["argument"] = _score_dict(arg) if ra or rb else _no_score()
        pair["argument_f1"] = pair["argument"]["f1"]
    return {"no_data": not anything, "pairs": pairs, **cov.extent(cov.ids)}


def no_data(report: dict[str, Any], layer: str) -> list[str]:
    """The layers (of ``layer``, or of every one for ``all``) in the report that have no data."""
    found = report["layers"]
    return [k for k in LAYERS if layer in (k, "all") and k in found and found[k].get("no_data")]


def overall(report: dict[str, Any], layer: str) -> list[tuple[str, float | None]]:
    """What ``--min`` gates on: alpha for entities and stance (with none), every pair's trigger F1
    for events. Layers with no data, and pairs with none, give nothing: see :func:`no_data`."""
    found = report["layers"]
    empty = no_data(report, layer)
    out: list[tuple[str, float | None]] = []
    if layer in ("entities", "all") and "entities" in found and "entities" not in empty:
        out.append(("entities krippendorff_alpha", found["entities"]["krippendorff_alpha"]))
    if layer in ("events", "all") and "events" in found and "events" not in empty:
        out += [
            (f"events trigger_f1 {p['a']}/{p['b']}", p["trigger_f1"])
            for p in found["events"]["pairs"]
            if not p["no_data"]
        ]
    if layer in ("stance", "all") and "stance" in found and "stance" not in empty:
        out.append(("stance krippendorff_alpha", found["stance"]["krippendorff_alpha"]))
    return out
