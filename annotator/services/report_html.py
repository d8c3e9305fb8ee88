"""The agreement report as a self-contained HTML page: tables, pairwise heatmaps, "no data"."""

from __future__ import annotations

import html
from typing import Any

from annotator.services.report import NO_DATA, compared_line, extent, figure, pair_name, shown


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
            text = "—" if v is None else f"{v:.2f}"
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{_heat(v)}"/>')
            parts.append(
                f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" font-size="13" '
                f'text-anchor="middle">{text}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _stance_rows(name: str, block: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for what, b in (("with none", block), ("without none", block["without_none"])):
        empty = b["no_data"]
        rows.append(
            [
                f"{name} ({what})",
                shown(b["krippendorff_alpha"], empty),
                shown(b["fleiss_kappa"], empty),
                b["items"],
                f"{b['fleiss']['items']} × {b['fleiss']['ratings']}",
                b["documents"],
                b["sentences"],
            ]
        )
    return rows


def _empty(title: str, what: str, part: dict[str, Any]) -> str:
    """A layer's section when nobody gave anything: no data, and over what."""
    return (
        f"<h2>{title}</h2><p>{NO_DATA}: nobody {what} in the compared sentences ({_esc(extent(part))}).</p>"
    )


def agreement_html(report: dict[str, Any]) -> str:
    """A self-contained HTML report: the tables, pairwise heatmaps and the label confusion matrix;
    a layer where nobody gave anything says "no data" instead of figures."""
    names = report["annotators"]
    layers = report["layers"]
    out = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Agreement report</title><style>",
        "body{font-family:sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin:1em 0}",
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right} th{background:#f3f3f3}",
        "td:first-child,th:first-child{text-align:left} h2{margin-top:2em}</style></head><body>",
        "<h1>Inter-annotator agreement</h1>",
        f"<p>Annotators: {_esc(', '.join(names))}. Compared: {_esc(compared_line(report))}. "
        "Each pair rests on the sentences both cover; — in a heatmap: no data.</p>",
    ]
    if "entities" in layers:
        ent = layers["entities"]
        if ent["no_data"]:
            out.append(_empty("Entities", "labelled an entity", ent))
        else:
            out.append(
                f"<h2>Entities</h2><p>Krippendorff's alpha on token labels (O included): "
                f"{figure(ent['krippendorff_alpha'])} over {ent['items']} tokens, {_esc(extent(ent))}.</p>"
            )
            out.append(heatmap_svg(names, ent["pairs"], "f1", "span F1 (exact)"))
            out.append(heatmap_svg(names, ent["pairs"], "cohen_kappa", "token Cohen's kappa"))
            out.append(
                _table(
                    ["pair", "precision", "recall", "F1", "F1 overlap", "kappa", "documents", "sentences"],
                    [
                        [
                            pair_name(p),
                            *(
                                [NO_DATA] * 5
                                if p["no_data"]
                                else [
                                    figure(p["precision"]),
                                    figure(p["recall"]),
                                    figure(p["f1"]),
                                    figure(p["overlap"]["f1"]),
                                    figure(p["cohen_kappa"]),
                                ]
                            ),
                            p["documents"],
                            p["sentences"],
                        ]
                        for p in ent["pairs"]
                    ],
                )
            )
            out.append(
                "<h3>Per label</h3>"
                + _table(
                    ["label", "F1", "tp", "fp", "fn"],
                    [
                        [label, figure(r["f1"]), r["tp"], r["fp"], r["fn"]]
                        for label, r in ent["per_label"].items()
                    ],
                )
            )
            labels = sorted({c["a"] for c in ent["confusion"]} | {c["b"] for c in ent["confusion"]})
            counts = {(c["a"], c["b"]): c["count"] for c in ent["confusion"]}
            out.append(
                "<h3>Confusion of spans on the same tokens</h3>"
                + _table(
                    ["first \\ second", *labels],
                    [[a, *(counts.get((a, b), "") for b in labels)] for a in labels],
                )
            )
    if "events" in layers:
        ev = layers["events"]
        if ev["no_data"]:
            out.append(_empty("Events", "marked an event trigger", ev))
        else:
            out.append("<h2>Events</h2>" + heatmap_svg(names, ev["pairs"], "trigger_f1", "trigger F1"))
            out.append(
                _table(
                    ["pair", "trigger F1", "argument F1", "documents", "sentences"],
                    [
                        [
                            pair_name(p),
                            shown(p["trigger_f1"], p["no_data"]),
                            shown(p["argument_f1"], p["argument_f1"] is None),
                            p["documents"],
                            p["sentences"],
                        ]
                        for p in ev["pairs"]
                    ],
                )
            )
    if "stance" in layers:
        st = layers["stance"]
        if st["no_data"]:
            out.append(_empty("Stance", "gave a stance", st))
        else:
            out.append(
                f"<h2>Stance</h2><p>One item per compared sentence and target; <em>with none</em> a "
                f"sentence with no stance toward a target counts as none, <em>without none</em> only "
                f"items where everyone who covers the sentence gave a stance count. Fleiss's kappa "
                f"{figure(st['fleiss_kappa'])}, Krippendorff's alpha {figure(st['krippendorff_alpha'])}, "
                f"over {st['items']} sentence–target items, {_esc(extent(st))}.</p>"
            )
            out.append(heatmap_svg(names, st["pairs"], "cohen_kappa", "Cohen's kappa"))
            rows = _stance_rows("every target", st)
            for target, block in st.get("targets", {}).items():
                rows += _stance_rows(target, block)
            headers = ["", "alpha", "Fleiss", "items", "Fleiss items × ratings", "documents", "sentences"]
            out.append(_table(headers, rows))
            out.append(
                _table(
                    ["pair", "kappa", "kappa without none", "documents", "sentences"],
                    [
                        [
                            pair_name(p),
                            shown(p["cohen_kappa"], p["no_data"]),
                            shown(q["cohen_kappa"], q["no_data"]),
                            p["documents"],
                            p["sentences"],
                        ]
                        for p, q in zip(st["pairs"], st["without_none"]["pairs"], strict=True)
                    ],
                )
            )
    out.append("</body></html>")
    return "\n".join(out)
