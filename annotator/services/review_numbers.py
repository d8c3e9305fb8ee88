"""The agreement numbers as the review window shows them, from an agreement report.

What each figure rests on is said ("over N documents, M sentences"), and a layer or a pair where
nobody gave anything says "no data" instead of a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.messages import Text, joined, message
from annotator.services.report import compared_line
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


def _no_data() -> Text:
    return message("no data")


def _extent(part: dict[str, Any]) -> Text:
    """``N documents, M sentences`` as a message (the CLI's :func:`extent` in words)."""
    return joined([_documents(part["documents"]), _sentences(part["sentences"])])


def _documents(n: int) -> Text:
    return message("{n} document", n=n) if n == 1 else message("{n} documents", n=n)


def _sentences(n: int) -> Text:
    return message("{n} sentence", n=n) if n == 1 else message("{n} sentences", n=n)


def _pair(p: dict[str, Any], figure: str) -> Text:
    return message("{a}/{b} {figure} ({extent})", a=p["a"], b=p["b"], figure=figure, extent=_extent(p))


def _entity_words(ent: dict[str, Any]) -> Text:
    if ent["no_data"]:
        return message("Entities: {none}.", none=_no_data())
    pairs = joined(
        [
            _pair(p, _no_data() if p["no_data"] else message("F1 {f1}", f1=f"{p['f1']:.3f}"))
            for p in ent["pairs"]
        ]
    )
    return message("Entities: alpha {alpha}; {pairs}.", alpha=_figure(ent["krippendorff_alpha"]), pairs=pairs)


def _event_words(ev: dict[str, Any]) -> Text:
    if ev["no_data"]:
        return message("Events: {none}.", none=_no_data())
    pairs = joined(
        [
            message("{a}/{b} {figure}", a=p["a"], b=p["b"], figure=_no_data())
            if p["no_data"]
            else message("{a}/{b} trigger F1 {f1}", a=p["a"], b=p["b"], f1=f"{p['trigger_f1']:.3f}")
            for p in ev["pairs"]
        ]
    )
    return message("Events: {pairs}.", pairs=pairs)


def _stance_words(st: dict[str, Any]) -> Text:
    if st["no_data"]:
        return message("Stance: {none}.", none=_no_data())
    bare = st["without_none"]
    without = (
        _no_data()
        if bare["no_data"]
        else message(
            "{alpha} over {items} items", alpha=_figure(bare["krippendorff_alpha"]), items=bare["items"]
        )
    )
    targets = [t for t, block in st.get("targets", {}).items() if block["no_data"]]
    words = message(
        "Stance: alpha {alpha} over {items} sentence–target items, without none {without}",
        alpha=_figure(st["krippendorff_alpha"]),
        items=st["items"],
        without=without,
    )
    if targets:
        silent = message("{targets}: {none}", targets=", ".join(targets), none=_no_data())
        return joined([joined([words, silent], "; "), "."], "")
    return joined([words, "."], "")


def numbers_of(report: dict[str, Any]) -> Numbers:
    """What the review shows of an agreement report (:func:`review.corpus_agreement`): what it rests
    on, and "no data" for a layer (or pair) where nobody gave anything, never a number."""
    layers = report["layers"]
    ent, ev, st = layers["entities"], layers["events"], layers["stance"]
    summary = joined(
        [
            message("Compared: {line}.", line=compared_line(report)),
            _entity_words(ent),
            _event_words(ev),
            _stance_words(st),
        ],
        " ",
    )
    names = report["annotators"]
    shown = [
        (name, pairs_of, key, title)
        for name, pairs_of, key, title in (
            ("entities", ent["pairs"], "f1", message("entity F1")),
            ("events", ev["pairs"], "trigger_f1", message("trigger F1")),
            ("stance", st["pairs"], "cohen_kappa", message("stance kappa")),
        )
    ]
    heatmaps = [
        heatmap_svg(names, p, key, title) for name, p, key, title in shown if not layers[name]["no_data"]
    ]
    empty: list[str] = [
        message("{title}: {none}", title=title, none=_no_data())
        for name, _, _, title in shown
        if layers[name]["no_data"]
    ]
    labels = sorted({c["a"] for c in ent["confusion"]} | {c["b"] for c in ent["confusion"]})
    counts = {(c["a"], c["b"]): c["count"] for c in ent["confusion"]}
    rows = sorted(ent["per_label"].items(), key=lambda kv: -1.0 if kv[1]["f1"] is None else kv[1]["f1"])
    label_rows = [(label, _figure(row["f1"]), str(row["fp"]), str(row["fn"])) for label, row in rows]
    return Numbers(summary, label_rows, labels, counts, heatmaps, empty)
