"""Corpus agreement over what three annotators stored, checked against independent counts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services import commands as c
from annotator.services.review import ReviewError, corpus_agreement
from annotator.store import Project, queries


def test_entity_agreement_matches_hand_counts(three: Project) -> None:
    report = corpus_agreement(three, layers=["entities"])
    assert report["sentences"] == 3
    ent = report["layers"]["entities"]
    ab, ac, bc = ent["pairs"]
    assert (ab["tp"], ab["fp"], ab["fn"]) == (6, 1, 1)
    assert (ac["tp"], ac["fp"], ac["fn"]) == (6, 0, 1) and ac["f1"] == pytest.approx(12 / 13, abs=1e-6)
    assert (bc["tp"], bc["fp"], bc["fn"]) == (5, 1, 2)
    # Token labels: a and b differ on one token of 20 ("53": CARDINAL vs QUANTITY), so p_o = 19/20.
    tokens_a = [
        "DATE",
        "GPE",
        "O",
        "ORGANISATION",
        "ORGANISATION",
        "O",
        "O",
        "O",
        "POSITION",
        "POSITION",
        "POSITION",
        "CARDINAL",
        "O",
        "O",
        "O",
        "PERSON",
        "PERSON",
        "PERSON",
        "PERSON",
        "O",
    ]
    tokens_b = [("QUANTITY" if t == "CARDINAL" else t) for t in tokens_a]
    ca, cb = Counter(tokens_a), Counter(tokens_b)
    pe = sum(ca[k] * cb[k] for k in ca) / 400
    assert ab["cohen_kappa"] == pytest.approx((19 / 20 - pe) / (1 - pe), abs=1e-6)
    assert ent["per_label"]["PERSON"] == {"f1": pytest.approx(0.8), "tp": 4, "fp": 0, "fn": 2}
    assert {"a": "CARDINAL", "b": "QUANTITY", "count": 1} in ent["confusion"]
    assert ent["items"] == len(tokens_a) == 20  # one item per token of the three sentences


def test_events_and_stance_agreement(three: Project) -> None:
    with three.transaction() as s:
        ids = {a.name: a.id for a in queries.list_annotators(s)}
        first = queries.document_sentences(s, queries.documents_overview(s)[0].id)[0].id
    for name, label in (("a", "against"), ("b", "against"), ("c", "favor")):
        three.act_as(ids[name])
        c.SetSentenceStance(first, ids[name], "eu", label).apply(three)
    for name in ("a", "b"):
        three.act_as(ids[name])
        cmd = c.AddEvent(first, ids[name], 6, 7, "Conflict.Demonstrate")
        cmd.apply(three)
    report = corpus_agreement(three)
    ev = report["layers"]["events"]["pairs"]
    assert [(p["a"], p["b"], p["trigger_f1"]) for p in ev] == [
        ("a", "b", 1.0),
        ("a", "c", 0.0),
        ("b", "c", 0.0),
    ]
    st = report["layers"]["stance"]
    assert st["items"] == 6  # 3 sentences x 2 targets; unmarked ones are "none"
    ab, ac, _ = st["pairs"]
    assert ab["cohen_kappa"] == 1.0
    # a: against + 5 none; c: favor + 5 none → p_o = 5/6, p_e = (5*5)/36
    assert ac["cohen_kappa"] == pytest.approx((5 / 6 - 25 / 36) / (1 - 25 / 36), abs=1e-6)


def test_refusals(three: Project) -> None:
    with pytest.raises(ReviewError, match='no annotator named "zed"'):
        corpus_agreement(three, ["a", "zed"])
    with pytest.raises(ReviewError, match="at least two annotators"):
        corpus_agreement(three, ["a"])


def test_cli_json_and_min_gate(three: Project, capsys: pytest.CaptureFixture[str]) -> None:
    db = three.url.removeprefix("sqlite:///")
    assert main(["agreement", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["layers"]) == {"entities", "events", "stance"}
    assert {"krippendorff_alpha", "per_label", "items", "pairs"} <= set(data["layers"]["entities"])
    assert main(["agreement", "--db", db, "--layer", "entities", "--min", "0.95"]) == 3
    out, err = capsys.readouterr()
    assert "ENTITIES" in out and "agreement below 0.95: entities krippendorff_alpha = 0.868" in err
    assert main(["agreement", "--db", db, "--layer", "entities", "--min", "0.5"]) == 0


def test_html_report_is_self_contained_with_heatmaps(three: Project, tmp_path: Path) -> None:
    # An event and a stance, so that every layer has data (a layer without has no heatmap).
    with three.transaction() as s:
        ids = {a.name: a.id for a in queries.list_annotators(s)}
        first = queries.document_sentences(s, queries.documents_overview(s)[0].id)[0].id
    for name in ("a", "b"):
        three.act_as(ids[name])
        c.SetSentenceStance(first, ids[name], "eu", "against").apply(three)
        c.AddEvent(first, ids[name], 6, 7, "Conflict.Demonstrate").apply(three)
    out = tmp_path / "report.html"
    db = three.url.removeprefix("sqlite:///")
    assert main(["agreement", "--db", db, "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 4  # entity F1, token kappa, trigger F1, stance kappa
    assert "<script" not in page and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<td>CARDINAL</td>" in page and "QUANTITY" in page
