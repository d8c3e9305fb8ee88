"""`agreement --json` agrees to the third decimal with a separate computation from the exported JSONL."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from annotator.services import commands as c
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.review import corpus_agreement
from annotator.store import Project, queries


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if '"tokens"' in line]


def _kappa(x: list[str], y: list[str]) -> float:
    n = len(x)
    po = sum(a == b for a, b in zip(x, y, strict=True)) / n
    cx, cy = Counter(x), Counter(y)
    pe = sum(cx[k] * cy[k] for k in set(cx) | set(cy)) / (n * n)
    return (po - pe) / (1 - pe)


def _alpha(units: list[list[str]]) -> float:
    # Krippendorff's D_o / D_e form with pairable values per unit (every unit fully rated here).
    pairable = [u for u in units if len(u) > 1]
    n = sum(len(u) for u in pairable)
    totals: Counter[str] = Counter(v for u in pairable for v in u)
    d_o = (
        sum(
            sum(cu[a] * cu[b] for a in cu for b in cu if a != b) / (len(u) - 1)
            for u in pairable
            for cu in [Counter(u)]
        )
        / n
    )
    d_e = sum(totals[a] * totals[b] for a in totals for b in totals if a != b) / (n * (n - 1))
    return 1 - d_o / d_e


def test_report_matches_a_separate_computation_from_exported_jsonl(three: Project, tmp_path: Path) -> None:
    with three.transaction() as s:
        ids = {a.name: a.id for a in queries.list_annotators(s)}
        docs = queries.documents_overview(s)
        first = queries.document_sentences(s, docs[0].id)[0].id
    three.act_as(ids["a"])
    c.SetSentenceStance(first, ids["a"], "eu", "against").apply(three)
    three.act_as(ids["c"])
    c.SetSentenceStance(first, ids["c"], "eu", "favor").apply(three)
    names = ["a", "b", "c"]
    lines = {}
    for n in names:
        out = tmp_path / f"{n}.jsonl"
        export_layer(three, ExportOptions(fmt="jsonl", annotator=n, out=str(out)))
        lines[n] = _load(out)
    report = corpus_agreement(three)
    ent = {(p["a"], p["b"]): p for p in report["layers"]["entities"]["pairs"]}
    tokens = {n: [t.split("-", 1)[-1] for line in lines[n] for t in line["ner_tags"]] for n in names}
    for a, b in combinations(names, 2):
        spans_a = Counter(
            (x["document"], x["sentence"], e["start"], e["end"], e["label"])
            for x in lines[a]
            for e in (dict(e, document=x["document"]) for e in x["entities"])
        )
        spans_b = Counter(
            (x["document"], x["sentence"], e["start"], e["end"], e["label"])
            for x in lines[b]
            for e in (dict(e, document=x["document"]) for e in x["entities"])
        )
        tp = sum((spans_a & spans_b).values())
        f1 = 2 * tp / (sum(spans_a.values()) + sum(spans_b.values()))
        assert ent[(a, b)]["f1"] == pytest.approx(f1, abs=5e-4)
        assert ent[(a, b)]["cohen_kappa"] == pytest.approx(_kappa(tokens[a], tokens[b]), abs=5e-4)
    units = [[tokens[n][i] for n in names] for i in range(len(tokens["a"]))]
    assert report["layers"]["entities"]["krippendorff_alpha"] == pytest.approx(_alpha(units), abs=5e-4)
    targets = [t.name for t in three.schema.targets]
    stance = {
        n: [
            next((s["label"] for s in x["stance"] if s["target"] == t), "none")
            for x in lines[n]
            for t in targets
        ]
        for n in names
    }
    st = {(p["a"], p["b"]): p["cohen_kappa"] for p in report["layers"]["stance"]["pairs"]}
    assert st[("a", "c")] == pytest.approx(_kappa(stance["a"], stance["c"]), abs=5e-4)
    assert report["layers"]["stance"]["krippendorff_alpha"] == pytest.approx(
        _alpha([[stance[n][i] for n in names] for i in range(len(stance["a"]))]), abs=5e-4
    )
