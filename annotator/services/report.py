"""The agreement report as readable plain-text tables."""

from __future__ import annotations

from typing import Any


def _f(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def agreement_tables(report: dict[str, Any]) -> str:
    """Tables for people: one block per layer, one row per pair."""
    lines = [
        f"annotators: {', '.join(report['annotators'])}   sentences compared: {report['sentences']} "
        f"({'marked done by everyone' if report['status'] == 'done' else 'all'})",
    ]
    layers = report["layers"]
    if "entities" in layers:
        ent = layers["entities"]
        lines += [
            "",
            f"ENTITIES   Krippendorff's alpha (tokens, O included): {_f(ent['krippendorff_alpha'])}"
            f"   tokens: {ent['items']}",
            f"  {'pair':<30} {'P':>5} {'R':>5} {'F1':>5}  {'F1 ovl':>6}  {'kappa':>5}",
        ]
        for p in ent["pairs"]:
            lines.append(
                f"  {p['a'] + ' / ' + p['b']:<30} {_f(p['precision'])} {_f(p['recall'])} {_f(p['f1'])}  "
                f"{_f(p['overlap']['f1']):>6}  {_f(p['cohen_kappa'])}"
            )
        if ent["per_label"]:
            lines.append(f"  {'label':<30} {'F1':>5} {'tp':>6} {'fp':>6} {'fn':>6}")
            for label, row in ent["per_label"].items():
                lines.append(f"  {label:<30} {_f(row['f1'])} {row['tp']:>6} {row['fp']:>6} {row['fn']:>6}")
        confused = [c for c in ent["confusion"] if c["a"] != c["b"]]
        if confused:
            lines.append(
                "  same span, different label: "
                + ", ".join(f"{c['a']}→{c['b']} ×{c['count']}" for c in confused)
            )
    if "events" in layers:
        lines += ["", "EVENTS", f"  {'pair':<30} {'trigger F1':>10} {'argument F1':>12}"]
        for p in layers["events"]["pairs"]:
            lines.append(
                f"  {p['a'] + ' / ' + p['b']:<30} {_f(p['trigger_f1']):>10} {_f(p['argument_f1']):>12}"
            )
    if "stance" in layers:
        st = layers["stance"]
        lines += [
            "",
            f"STANCE   Fleiss's kappa: {_f(st['fleiss_kappa'])}   Krippendorff's alpha: "
            f"{_f(st['krippendorff_alpha'])}   items: {st['items']}",
            f"  {'pair':<30} {'kappa':>5}",
        ]
        lines += [f"  {p['a'] + ' / ' + p['b']:<30} {_f(p['cohen_kappa'])}" for p in st["pairs"]]
    return "\n".join(lines)
