"""The agreement report for people: plain-text tables, or a self-contained HTML page."""

from __future__ import annotations

import html
from typing import Any

NO_DATA = "no data"


def _f(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def _v(value: float | None, no_data: bool = False) -> str:
    """A figure as shown: "no data" when nobody gave anything it could rest on."""
    return NO_DATA if no_data else _f(value)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def extent(part: dict[str, Any]) -> str:
    """``N documents, M sentences``: what a figure (or a pair) rests on."""
    return f"{_n(part['documents'], 'document')}, {_n(part['sentences'], 'sentence')}"


def over(part: dict[str, Any]) -> str:
    """``over N documents, M sentences``."""
    return f"over {extent(part)}"


def compared_line(report: dict[str, Any]) -> str:
    """Which sentences the report compares, in words."""
    scope = "marked done" if report["status"] == "done" else "all sentences"
    if report.get("assignments"):
        scope += ", in the documents assigned to them"
    return f"{extent(report)} covered by two or more of them ({scope})"


def _pair(p: dict[str, Any]) -> str:
    return f"{p['a']} / {p['b']}"


def _stance_lines(name: str, block: dict[str, Any]) -> list[str]:
    """One stance block (every target, or one): its coefficients with and without none."""
    if block["no_data"]:
        return [f"  {name:<30} {NO_DATA} (nobody gave a stance)"]
    lines = []
    for what, b in (("with none", block), ("without none", block["without_none"])):
        fleiss = b["fleiss"]
        lines.append(
            f"  {name + ' (' + what + ')':<30} alpha {_v(b['krippendorff_alpha'], b['no_data'])} "
            f"{_n(b['items'], 'item')} {over(b)}; Fleiss {_v(b['fleiss_kappa'], b['no_data'])} "
            f"{_n(fleiss['items'], 'item')} with {fleiss['ratings']} ratings"
        )
    return lines


def agreement_tables(report: dict[str, Any]) -> str:
    """Tables for people: one block per layer, one row per pair; "no data" where nobody gave anything."""
    lines = [f"annotators: {', '.join(report['annotators'])}   compared: {compared_line(report)}"]
    layers = report["layers"]
    if "entities" in layers:
        ent = layers["entities"]
        lines += ["", f"ENTITIES   {over(ent)}, {_n(ent['items'], 'token')}"]
        if ent["no_data"]:
            lines.append(f"  {NO_DATA}: nobody labelled an entity in the compared sentences")
        else:
            lines += [
                f"  Krippendorff's alpha (tokens, O included): {_f(ent['krippendorff_alpha'])}",
                f"  {'pair':<30} {'P':>5} {'R':>5} {'F1':>5}  {'F1 ovl':>6}  {'kappa':>5}  rests on",
            ]
            for p in ent["pairs"]:
                shown = (
                    f"{NO_DATA:<25}"
                    if p["no_data"]
                    else f"{_f(p['precision'])} {_f(p['recall'])} {_f(p['f1'])}  "
                    f"{_f(p['overlap']['f1']):>6}  {_f(p['cohen_kappa'])}"
                )
                lines.append(f"  {_pair(p):<30} {shown}  {over(p)}")
            if ent["per_label"]:
                lines.append(f"  {'label':<30} {'F1':>5} {'tp':>6} {'fp':>6} {'fn':>6}")
                for label, row in ent["per_label"].items():
                    lines.append(
                        f"  {label:<30} {_f(row['f1'])} {row['tp']:>6} {row['fp']:>6} {row['fn']:>6}"
                    )
            confused = [c for c in ent["confusion"] if c["a"] != c["b"]]
            if confused:
                lines.append(
                    "  same span, different label: "
                    + ", ".join(f"{c['a']}→{c['b']} ×{c['count']}" for c in confused)
                )
    if "events" in layers:
        ev = layers["events"]
        lines += ["", f"EVENTS   {over(ev)}"]
        if ev["no_data"]:
            lines.append(f"  {NO_DATA}: nobody marked an event trigger in the compared sentences")
        else:
            lines.append(f"  {'pair':<30} {'trigger F1':>10} {'argument F1':>12}  rests on")
            for p in ev["pairs"]:
                trigger = _v(p["trigger_f1"], p["no_data"])
                argument = _v(p["argument_f1"], p["argument_f1"] is None)
                lines.append(f"  {_pair(p):<30} {trigger:>10} {argument:>12}  {over(p)}")
    if "stance" in layers:
        st = layers["stance"]
        lines += ["", f"STANCE   sentence–target items {over(st)}"]
        if st["no_data"]:
            lines.append(f"  {NO_DATA}: nobody gave a stance toward any target in the compared sentences")
        else:
            lines += _stance_lines("every target", st)
            for target, block in st.get("targets", {}).items():
                lines += _stance_lines(target, block)
            lines.append(f"  {'pair':<30} {'kappa':>9} {'w/o none':>9}  rests on")
            for p, q in zip(st["pairs"], st["without_none"]["pairs"], strict=True):
                lines.append(
                    f"  {_pair(p):<30} {_v(p['cohen_kappa'], p['no_data']):>9} "
                    f"{_v(q['cohen_kappa'], q['no_data']):>9}  {_n(p['items'], 'item')} {over(p)} "
                    f"(without none: {_n(q['items'], 'item')})"
                )
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


def _stance_rows(name: str, block: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for what, b in (("with none", block), ("without none", block["without_none"])):
        empty = b["no_data"]
        rows.append(
            [
                f"{name} ({what})",
                _v(b["krippendorff_alpha"], empty),
                _v(b["fleiss_kappa"], empty),
                b["items"],
                f"{b['fleiss']['items']} × {b['fleiss']['ratings']}",
                b["documents"],
                b["sentences"],
            ]
        )
    return rows


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
            out.append(f"<h2>Entities</h2><p>{NO_DATA}: nobody labelled an entity {_esc(over(ent))}.</p>")
        else:
            out.append(
                f"<h2>Entities</h2><p>Krippendorff's alpha on token labels (O included): "
                f"{_f(ent['krippendorff_alpha'])} over {ent['items']} tokens, {_esc(extent(ent))}.</p>"
            )
            out.append(heatmap_svg(names, ent["pairs"], "f1", "span F1 (exact)"))
            out.append(heatmap_svg(names, ent["pairs"], "cohen_kappa", "token Cohen's kappa"))
            out.append(
                _table(
                    ["pair", "precision", "recall", "F1", "F1 overlap", "kappa", "documents", "sentences"],
                    [
                        [
                            _pair(p),
                            *(
                                [NO_DATA] * 5
                                if p["no_data"]
                                else [
                                    _f(p["precision"]),
                                    _f(p["recall"]),
                                    _f(p["f1"]),
                                    _f(p["overlap"]["f1"]),
                                    _f(p["cohen_kappa"]),
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
                        [label, _f(r["f1"]), r["tp"], r["fp"], r["fn"]]
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
            out.append(f"<h2>Events</h2><p>{NO_DATA}: nobody marked an event trigger {_esc(over(ev))}.</p>")
        else:
            out.append("<h2>Events</h2>" + heatmap_svg(names, ev["pairs"], "trigger_f1", "trigger F1"))
            out.append(
                _table(
                    ["pair", "trigger F1", "argument F1", "documents", "sentences"],
                    [
                        [
                            _pair(p),
                            _v(p["trigger_f1"], p["no_data"]),
                            _v(p["argument_f1"], p["argument_f1"] is None),
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
            out.append(f"<h2>Stance</h2><p>{NO_DATA}: nobody gave a stance {_esc(over(st))}.</p>")
        else:
            out.append(
                f"<h2>Stance</h2><p>One item per compared sentence and target; <em>with none</em> a "
                f"sentence with no stance toward a target counts as none, <em>without none</em> only "
                f"items where everyone who covers the sentence gave a stance count. Fleiss's kappa "
                f"{_f(st['fleiss_kappa'])}, Krippendorff's alpha {_f(st['krippendorff_alpha'])}, over "
                f"{st['items']} sentence–target items, {_esc(extent(st))}.</p>"
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
                            _pair(p),
                            _v(p["cohen_kappa"], p["no_data"]),
                            _v(q["cohen_kappa"], q["no_data"]),
                            p["documents"],
                            p["sentences"],
                        ]
                        for p, q in zip(st["pairs"], st["without_none"]["pairs"], strict=True)
                    ],
                )
            )
    out.append("</body></html>")
    return "\n".join(out)
