"""The agreement report for people as plain-text tables (the HTML page: :mod:`report_html`), and the
words both use: "no data", what a figure rests on."""

from __future__ import annotations

from typing import Any

from annotator.core.messages import joined, message

NO_DATA = "no data"


def figure(value: float | None) -> str:
    """A coefficient to three decimals, ``n/a`` when it could not be computed."""
    return "  n/a" if value is None else f"{value:5.3f}"


def shown(value: float | None, no_data: bool = False) -> str:
    """A figure as shown: "no data" when nobody gave anything it could rest on."""
    return NO_DATA if no_data else figure(value)


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
    done = report["status"] == "done"
    if report.get("assignments"):
        scope = (
            message("marked done, in the documents assigned to them")
            if done
            else message("all sentences, in the documents assigned to them")
        )
    else:
        scope = message("marked done") if done else message("all sentences")
    docs, sentences = report["documents"], report["sentences"]
    extent_words = joined(
        [
            message("{n} document", n=docs) if docs == 1 else message("{n} documents", n=docs),
            message("{n} sentence", n=sentences) if sentences == 1 else message("{n} sentences", n=sentences),
        ]
    )
    return message("{extent} covered by two or more of them ({scope})", extent=extent_words, scope=scope)


def pair_name(p: dict[str, Any]) -> str:
    """``a / b``."""
    return f"{p['a']} / {p['b']}"


def _stance_lines(name: str, block: dict[str, Any]) -> list[str]:
    """One stance block (every target, or one): its coefficients with and without none."""
    if block["no_data"]:
        return [f"  {name:<30} {NO_DATA} (nobody gave a stance)"]
    lines = []
    for what, b in (("with none", block), ("without none", block["without_none"])):
        fleiss = b["fleiss"]
        lines.append(
            f"  {name + ' (' + what + ')':<30} alpha {shown(b['krippendorff_alpha'], b['no_data'])} "
            f"{_n(b['items'], 'item')} {over(b)}; Fleiss {shown(b['fleiss_kappa'], b['no_data'])} "
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
                f"  Krippendorff's alpha (tokens, O included): {figure(ent['krippendorff_alpha'])}",
                f"  {'pair':<30} {'P':>5} {'R':>5} {'F1':>5}  {'F1 ovl':>6}  {'kappa':>5}  rests on",
            ]
            for p in ent["pairs"]:
                cells = (
                    f"{NO_DATA:<25}"
                    if p["no_data"]
                    else f"{figure(p['precision'])} {figure(p['recall'])} {figure(p['f1'])}  "
                    f"{figure(p['overlap']['f1']):>6}  {figure(p['cohen_kappa'])}"
                )
                lines.append(f"  {pair_name(p):<30} {cells}  {over(p)}")
            if ent["per_label"]:
                lines.append(f"  {'label':<30} {'F1':>5} {'tp':>6} {'fp':>6} {'fn':>6}")
                for label, row in ent["per_label"].items():
                    lines.append(
                        f"  {label:<30} {figure(row['f1'])} {row['tp']:>6} {row['fp']:>6} {row['fn']:>6}"
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
                trigger = shown(p["trigger_f1"], p["no_data"])
                argument = shown(p["argument_f1"], p["argument_f1"] is None)
                lines.append(f"  {pair_name(p):<30} {trigger:>10} {argument:>12}  {over(p)}")
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
                    f"  {pair_name(p):<30} {shown(p['cohen_kappa'], p['no_data']):>9} "
                    f"{shown(q['cohen_kappa'], q['no_data']):>9}  {_n(p['items'], 'item')} {over(p)} "
                    f"(without none: {_n(q['items'], 'item')})"
                )
    return "\n".join(lines)
