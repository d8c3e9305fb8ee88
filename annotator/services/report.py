"""The agreement report for people: plain-text tables, or a self-contained HTML page."""

from __future__ import annotations

import html
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


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _heat(value: float | None) -> str:
    if value is None:
        return "#eeeeee"
    v = max(0.0, min(1.0, value))
    red, green = int(230 - 150 * v), int(120 + 110 * v)
    return f"rgb({red},{green},120)"


def heatmap_svg(names: list[str], pairs: list[dict[str, Any]], key: str, title: str) -> str:
    """A pairwise heatmap as inline SVG: one cell per pair of annotators."""
    value = {(p["a"], p["b"]): p.get(key) for p in pairs}
    value.update({(b, a): v for (a, b), v in list(value.items())})
    cell, pad, top = 64, 110, 50
    width, height = pad + cell * len(names), 24 + top + cell * len(names)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">',
        f'<text x="4" y="16" font-size="13" font-weight="bold">{_esc(title)}</text>',
    ]
    for i, a in enumerate(names):
        parts.append(
            f'<text x="{pad - 6}" y="{24 + top + i * cell + cell / 2}" font-size="12" '
            f'text-anchor="end">{_esc(a)}</text>'
        )
        parts.append(
            f'<text x="{pad + i * cell + cell / 2}" y="{24 + top - 8}" font-size="12" '
            f'text-anchor="middle">{_esc(a)}</text>'
        )
        for j, b in enumerate(names):
            v = 1.0 if a == b else value.get((a, b))
            x, y = pad + j * cell, 24 + top + i * cell
            shown = "—" if v is None else f"{v:.2f}"
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{_heat(v)}"/>')
            parts.append(
                f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" font-size="13" '
                f'text-anchor="middle">{shown}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def agreement_html(report: dict[str, Any]) -> str:
    """A self-contained HTML report: the tables, pairwise heatmaps and the label confusion matrix."""
    names = report["annotators"]
    layers = report["layers"]
    out = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Agreement report</title><style>",
        "body{font-family:sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin:1em 0}",
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right} th{background:#f3f3f3}",
        "td:first-child,th:first-child{text-align:left} h2{margin-top:2em}</style></head><body>",
        "<h1>Inter-annotator agreement</h1>",
        f"<p>Annotators: {_esc(', '.join(names))}. Sentences compared: {report['sentences']} "
        f"({'marked done by everyone' if report['status'] == 'done' else 'all sentences'}).</p>",
    ]
    if "entities" in layers:
        ent = layers["entities"]
        out.append(
            f"<h2>Entities</h2><p>Krippendorff's alpha on token labels (O included): "
            f"{_f(ent['krippendorff_alpha'])} over {ent['items']} tokens.</p>"
        )
        out.append(heatmap_svg(names, ent["pairs"], "f1", "span F1 (exact)"))
        out.append(heatmap_svg(names, ent["pairs"], "cohen_kappa", "token Cohen's kappa"))
        out.append(
            _table(
                ["pair", "precision", "recall", "F1", "F1 overlap", "kappa"],
                [
                    [
                        f"{p['a']} / {p['b']}",
                        _f(p["precision"]),
                        _f(p["recall"]),
                        _f(p["f1"]),
                        _f(p["overlap"]["f1"]),
                        _f(p["cohen_kappa"]),
                    ]
                    for p in ent["pairs"]
                ],
            )
        )
        out.append(
            "<h3>Per label</h3>"
            + _table(
                ["label", "F1", "tp", "fp", "fn"],
                [[label, _f(r["f1"]), r["tp"], r["fp"], r["fn"]] for label, r in ent["per_label"].items()],
            )
        )
        labels = sorted({c["a"] for c in ent["confusion"]} | {c["b"] for c in ent["confusion"]})
        counts = {(c["a"], c["b"]): c["count"] for c in ent["confusion"]}
        out.append(
            "<h3>Confusion of spans on the same tokens</h3>"
            + _table(
                ["first \\ second", *labels], [[a, *(counts.get((a, b), "") for b in labels)] for a in labels]
            )
        )
    if "events" in layers:
        ev = layers["events"]["pairs"]
        out.append("<h2>Events</h2>" + heatmap_svg(names, ev, "trigger_f1", "trigger F1"))
        out.append(
            _table(
                ["pair", "trigger F1", "argument F1"],
                [[f"{p['a']} / {p['b']}", _f(p["trigger_f1"]), _f(p["argument_f1"])] for p in ev],
            )
        )
    if "stance" in layers:
        st = layers["stance"]
        out.append(
            f"<h2>Stance</h2><p>Fleiss's kappa {_f(st['fleiss_kappa'])}, Krippendorff's alpha "
            f"{_f(st['krippendorff_alpha'])}, over {st['items']} sentence–target items.</p>"
        )
        out.append(heatmap_svg(names, st["pairs"], "cohen_kappa", "Cohen's kappa"))
    out.append("</body></html>")
    return "\n".join(out)
