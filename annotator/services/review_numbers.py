"""The agreement numbers as the review window shows them, from an agreement report.

What each figure rests on is said ("over N documents, M sentences"), and a layer or a pair where
nobody gave anything says "no data" instead of a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.services.report import NO_DATA, compared_line, extent
from annotator.services.report_html import heatmap_svg


@dataclass(frozen=True, slots=True)
class Numbers:
    """The agreement numbers as shown: a summary, per-label rows (lowest F1 first), the confusion
    of spans on the same tokens (rows: first annotator), the pairwise heatmaps (SVG) of the layers
    with data, and a line for each layer without."""

    summary: str
    label_rows: list[tuple[str, str, str, str]]
    confusion_labels: list[str]
    confusion: dict[tuple[str, str], int]
    heatmaps: list[str] = field(default_factory=list)
    no_data: list[str] = field(default_factory=list)  # "trigger F1: no data", in place of a heatmap


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _entity_words(ent: dict[str, Any]) -> str:
    if ent["no_data"]:
        return f"Entities: {NO_DATA}."
    pairs = ", ".join(
        f"{p['a']}/{p['b']} " + (NO_DATA if p["no_data"] else f"F1 {p['f1']:.3f}") + f" ({extent(p)})"
        for p in ent["pairs"]
    )
    return f"Entities: alpha {_figure(ent['krippendorff_alpha'])}; {pairs}."


def _event_words(ev: dict[str, Any]) -> str:
    if ev["no_data"]:
        return f"Events: {NO_DATA}."
    pairs = ", ".join(
        f"{p['a']}/{p['b']} " + (NO_DATA if p["no_data"] else f"trigger F1 {p['trigger_f1']:.3f}")
        for p in ev["pairs"]
    )
    return f"Events: {pairs}."


def _stance_words(st: dict[str, Any]) -> str:
    if st["no_data"]:
        return f"Stance: {NO_DATA}."
    bare = st["without_none"]
    without = (
        NO_DATA if bare["no_data"] else f"{_figure(bare['krippendorff_alpha'])} over {bare['items']} items"
    )
    targets = [t for t, block in st.get("targets", {}).items() if block["no_data"]]
    silent = f"; {', '.join(targets)}: {NO_DATA}" if targets else ""
    return (
        f"Stance: alpha {_figure(st['krippendorff_alpha'])} over {st['items']} sentence–target items, "
        f"without none {without}{silent}."
    )


def numbers_of(report: dict[str, Any]) -> Numbers:
    """What the review shows of an agreement report (:func:`review.corpus_agreement`): what it rests
    on, and "no data" for a layer (or pair) where nobody gave anything, never a number."""
    layers = report["layers"]
    ent, ev, st = layers["entities"], layers["events"], layers["stance"]
    summary = " ".join(
        [f"Compared: {compared_line(report)}.", _entity_words(ent), _event_words(ev), _stance_words(st)]
    )
    names = report["annotators"]
    shown = [
        (name, pairs_of, key, title)
        for name, pairs_of, key, title in (
            ("entities", ent["pairs"], "f1", "entity F1"),
            ("events", ev["pairs"], "trigger_f1", "trigger F1"),
            ("stance", st["pairs"], "cohen_kappa", "stance kappa"),
        )
    ]
    heatmaps = [
        heatmap_svg(names, p, key, title) for name, p, key, title in shown if not layers[name]["no_data"]
    ]
    empty = [f"{title}: {NO_DATA}" for name, _, _, title in shown if layers[name]["no_data"]]
    labels = sorted({c["a"] for c in ent["confusion"]} | {c["b"] for c in ent["confusion"]})
    counts = {(c["a"], c["b"]): c["count"] for c in ent["confusion"]}
    rows = sorted(ent["per_label"].items(), key=lambda kv: -1.0 if kv[1]["f1"] is None else kv[1]["f1"])
    label_rows = [(label, _figure(row["f1"]), str(row["fp"]), str(row["fn"])) for label, row in rows]
    return Numbers(summary, label_rows, labels, counts, heatmaps, empty)
