"""Agreement where it means something: each pair on the documents both were assigned, no data
where nobody gave anything, and stance per target with and without ``none``.

Figures are checked against values worked out by hand in the comments.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services import commands as c
from annotator.services.adjudicate import disagreements
from annotator.services.dashboard import agreement_by_person
from annotator.services.report import agreement_tables
from annotator.services.report_html import agreement_html
from annotator.services.review import NothingInCommon, corpus_agreement, no_data, overall
from annotator.store import Project, assignments, queries
from tests.conftest import DISAGREEING, import_layers

# One sentence per document, "w0 w1 w2 w3": the reference has PERSON on w0 and GPE on w2.
WORDS = ("Асхат", "келді", "Алматыға", "бүгін")


def _document(*sentences: tuple[str, str, str, str]) -> str:
    rows = ["".join(f"{w}\t{t}\n" for w, t in zip(WORDS, labels, strict=True)) for labels in sentences]
    return "-DOCSTART-\tO\n\n" + "\n".join(rows) + "\n"


REFERENCE = ("B-PERSON", "O", "B-GPE", "O")
NOTHING = ("O", "O", "O", "O")
# d1 → a, b; d2 → b, c; d3 → a, c; d4 → a alone. Each person annotates every document, but only
# what is assigned to them counts: a's empty d2 and c's wrong d1 must not move any figure.
LAYERS = {
    "a": [REFERENCE, NOTHING, REFERENCE, REFERENCE],
    "b": [("B-PERSON", "O", "B-ORGANISATION", "O"), REFERENCE, NOTHING, NOTHING],
    "c": [NOTHING, ("O", "O", "B-GPE", "O"), REFERENCE, NOTHING],
}
ASSIGNED = {"d1": ("a", "b"), "d2": ("b", "c"), "d3": ("a", "c"), "d4": ("a",)}


def _conll(docs: list[tuple[str, str, str, str]]) -> str:
    return "".join(_document(labels) for labels in docs)


def _ids(project: Project) -> tuple[dict[str, int], dict[str, int], dict[str, list[int]]]:
    """People, documents and each document's sentences, by name."""
    with project.reading() as s:
        people = {a.name: a.id for a in queries.list_annotators(s)}
        docs = {d.name: d.id for d in queries.documents_overview(s)}
        sentences = {name: [x.id for x in queries.document_sentences(s, i)] for name, i in docs.items()}
    return people, docs, sentences


@pytest.fixture
def overlapping(project: Project, tmp_path: Path) -> Project:
    """Three annotators, four documents (every sentence done), each overlap document given to two."""
    import_layers(project, tmp_path, {n: _conll(docs) for n, docs in LAYERS.items()})
    people, docs, _ = _ids(project)
    by_order = sorted(docs, key=docs.__getitem__)  # ex-0001 … ex-0004, in corpus order
    with project.transaction() as s:
        assignments.add(
            s, [(docs[by_order[int(d[1]) - 1]], people[p]) for d, who in ASSIGNED.items() for p in who]
        )
    return project


def test_each_pair_rests_on_the_documents_both_were_given(overlapping: Project) -> None:
    report = corpus_agreement(overlapping)  # no sentence is covered by all three: no longer an error
    assert report["assignments"] is True
    assert (report["documents"], report["sentences"]) == (3, 3)  # d4 has one person: not compared
    ent = report["layers"]["entities"]
    ab, ac, bc = ent["pairs"]
    assert [(p["a"], p["b"], p["documents"], p["sentences"]) for p in ent["pairs"]] == [
        ("a", "b", 1, 1),
        ("a", "c", 1, 1),
        ("b", "c", 1, 1),
    ]
    # d1: a PERSON+GPE, b PERSON+ORGANISATION: tp 1, fp 1, fn 1.
    assert (ab["tp"], ab["fp"], ab["fn"], ab["f1"]) == (1, 1, 1, 0.5)
    # tokens [PER, O, GPE, O] vs [PER, O, ORG, O]: p_o = 3/4, p_e = (1 + 4) / 16.
    assert ab["cohen_kappa"] == pytest.approx((3 / 4 - 5 / 16) / (1 - 5 / 16), abs=1e-6)
    assert (ac["tp"], ac["fp"], ac["fn"], ac["f1"]) == (2, 0, 0, 1.0)  # d3: the same
    assert (bc["tp"], bc["fp"], bc["fn"]) == (1, 0, 1) and bc["f1"] == pytest.approx(2 / 3, abs=1e-6)
    # Alpha over the 12 tokens, two ratings each: coincidences off the diagonal 4 (GPE/ORG and
    # PERSON/O, both ways); marginals PERSON 5, O 13, GPE 5, ORG 1 of n = 24.
    assert ent["krippendorff_alpha"] == pytest.approx(1 - 23 * 4 / (24**2 - (25 + 169 + 25 + 1)), abs=1e-6)
    assert ent["items"] == 12 and (ent["documents"], ent["sentences"]) == (3, 3)
    assert ent["per_label"]["GPE"] == {"f1": pytest.approx(0.8), "tp": 2, "fp": 0, "fn": 1}


def test_what_a_person_was_not_given_counts_for_nobody(overlapping: Project) -> None:
    people, _, sentences = _ids(overlapping)
    d2, d4 = sentences["ex-0002"][0], sentences["ex-0004"][0]
    overlapping.act_as(people["a"])  # a's event in d2 and stance in d4: neither is a's to compare
    c.AddEvent(d2, people["a"], 1, 2, "Conflict.Demonstrate").apply(overlapping)
    c.SetSentenceStance(d4, people["a"], "eu", "favor").apply(overlapping)
    report = corpus_agreement(overlapping)
    assert report["layers"]["events"]["no_data"] is True
    assert report["layers"]["stance"]["no_data"] is True
    overlapping.act_as(people["b"])  # b's event in d2 is b's: the b/c pair has a trigger now
    c.AddEvent(d2, people["b"], 1, 2, "Conflict.Demonstrate").apply(overlapping)
    events = corpus_agreement(overlapping)["layers"]["events"]
    assert events["no_data"] is False
    assert [(p["a"], p["b"], p["trigger_f1"]) for p in events["pairs"]] == [
        ("a", "b", None),
        ("a", "c", None),
        ("b", "c", 0.0),  # b has a trigger, c none: nothing matched
    ]
    assert overall(corpus_agreement(overlapping), "events") == [("events trigger_f1 b/c", 0.0)]


def test_gold_is_nobodys_assignment(overlapping: Project) -> None:
    # Gold covers by its statuses alone (with --status all: every sentence); a only d1, d3, d4.
    report = corpus_agreement(overlapping, ["a", "gold"], status="all")
    assert (report["documents"], report["sentences"]) == (3, 3)
    assert report["layers"]["entities"]["pairs"][0]["fn"] == 6  # a's six spans, gold has none


def test_no_document_shared_is_nothing_in_common(project: Project, tmp_path: Path) -> None:
    import_layers(project, tmp_path, {n: _conll(docs[:2]) for n, docs in LAYERS.items() if n != "c"})
    people, docs, _ = _ids(project)
    with project.transaction() as s:
        assignments.add(s, [(docs["ex-0001"], people["a"]), (docs["ex-0002"], people["b"])])
    with pytest.raises(NothingInCommon, match=r"no sentence in common marked done in the documents assigned"):
        corpus_agreement(project)
    with pytest.raises(NothingInCommon, match="no assigned document in common"):
        corpus_agreement(project, status="all")


def _thirty(project: Project, tmp_path: Path) -> None:
    """Two annotators, three documents of ten sentences, all done; entities only (one differs)."""
    docs = [[REFERENCE] * 10 for _ in range(3)]
    other = [list(d) for d in docs]
    other[2][9] = NOTHING
    import_layers(
        project,
        tmp_path,
        {"a": "".join(_document(*d) for d in docs), "b": "".join(_document(*d) for d in other)},
    )


def test_thirty_done_sentences_with_entities_only(project: Project, tmp_path: Path) -> None:
    _thirty(project, tmp_path)
    report = corpus_agreement(project)
    assert (report["documents"], report["sentences"]) == (3, 30)
    ev, st = report["layers"]["events"], report["layers"]["stance"]
    assert ev["no_data"] is True
    assert [(p["trigger_f1"], p["argument_f1"], p["no_data"]) for p in ev["pairs"]] == [(None, None, True)]
    assert st["no_data"] is True and st["items"] == 60  # 30 sentences × 2 targets, all none
    assert (st["fleiss_kappa"], st["krippendorff_alpha"]) == (None, None)
    assert st["pairs"][0]["cohen_kappa"] is None
    for block in st["targets"].values():
        assert block["no_data"] and block["krippendorff_alpha"] is None and block["fleiss_kappa"] is None
        assert block["without_none"]["no_data"] and block["without_none"]["items"] == 0
    assert report["layers"]["entities"]["no_data"] is False
    assert no_data(report, "all") == ["events", "stance"]
    page = agreement_html(report)
    assert "1.000" not in page.split("<h2>Events</h2>")[1]
    assert "<h2>Events</h2><p>no data" in page and "<h2>Stance</h2><p>no data" in page
    assert "over 60 sentence–target items" not in page
    tables = agreement_tables(report)
    assert "EVENTS   over 3 documents, 30 sentences\n  no data" in tables
    assert "STANCE   sentence–target items over 3 documents, 30 sentences\n  no data" in tables


def test_the_gate_does_not_count_no_data_as_agreement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _thirty(project, tmp_path)
    db = project.url
    assert main(["agreement", "--db", db, "--min", "0.5", "--layer", "events"]) == 3
    err = capsys.readouterr().err
    assert "no data" in err and "events" in err and len(err.strip().splitlines()) == 1
    assert main(["agreement", "--db", db, "--min", "0.5", "--layer", "stance", "--json"]) == 3
    out, err = capsys.readouterr()
    stance = json.loads(out)["layers"]["stance"]
    assert stance["no_data"] is True and stance["krippendorff_alpha"] is None
    assert "no data" in err
    assert main(["agreement", "--db", db, "--min", "0.5"]) == 0  # entities alone carry the gate
    out, err = capsys.readouterr()
    assert "note: events, stance: no data, left out of --min" in err
    assert "no data" in out
    assert main(["agreement", "--db", db, "--min", "0.99"]) == 3  # and entities are gated
    assert "entities krippendorff_alpha" in capsys.readouterr().err


def test_stance_per_target_with_and_without_none(project: Project, tmp_path: Path) -> None:
    import_layers(project, tmp_path, DISAGREEING)  # three annotators, three sentences, all done
    people, _, sentences = _ids(project)
    s1, s2, s3 = (*sentences["ex-0001"], *sentences["ex-0002"])
    given = {
        "a": [(s1, "eu", "favor"), (s2, "eu", "against"), (s3, "kz-authorities", "neutral")],
        "b": [(s1, "eu", "favor"), (s2, "eu", "favor")],
        "c": [(s1, "eu", "favor"), (s2, "eu", "favor"), (s3, "kz-authorities", "neutral")],
    }
    for name, stances in given.items():
        project.act_as(people[name])
        for sid, target, label in stances:
            c.SetSentenceStance(sid, people[name], target, label).apply(project)
    st = corpus_agreement(project, layers=["stance"])["layers"]["stance"]
    eu, kz = st["targets"]["eu"], st["targets"]["kz-authorities"]
    # eu, with none: s1 (f, f, f), s2 (against, f, f), s3 (none, none, none).
    assert [p["cohen_kappa"] for p in eu["pairs"]] == [0.5, 0.5, 1.0]  # a/b: p_o 2/3, p_e 1/3
    assert eu["fleiss_kappa"] == pytest.approx(28 / 46, abs=1e-6)  # P̄ 7/9, P_e 35/81
    assert eu["krippendorff_alpha"] == pytest.approx(1 - 8 * 2 / 46, abs=1e-6)
    assert (eu["items"], eu["fleiss"]["items"], eu["fleiss"]["ratings"]) == (3, 3, 3)
    # eu, without none: s3 drops out; s1 (f, f, f), s2 (against, f, f).
    bare = eu["without_none"]
    assert [p["cohen_kappa"] for p in bare["pairs"]] == [0.0, 0.0, 1.0]
    assert bare["fleiss_kappa"] == pytest.approx(-0.2, abs=1e-6)  # P̄ 2/3, P_e 26/36
    assert bare["krippendorff_alpha"] == pytest.approx(0.0, abs=1e-6)  # 1 - 5 * 2 / 10
    assert (bare["items"], bare["sentences"], bare["documents"]) == (2, 2, 1)
    # kz-authorities, with none: s1, s2 (none ×3), s3 (neutral, none, neutral).
    assert [p["cohen_kappa"] for p in kz["pairs"]] == [0.0, 1.0, 0.0]
    assert kz["fleiss_kappa"] == pytest.approx(10 / 28, abs=1e-6)
    assert kz["krippendorff_alpha"] == pytest.approx(1 - 8 * 2 / 28, abs=1e-6)
    # Without none nothing is left (b said none on s3); a and c alone share a real label there.
    assert kz["without_none"]["no_data"] and kz["without_none"]["krippendorff_alpha"] is None
    assert [p["no_data"] for p in kz["without_none"]["pairs"]] == [True, False, True]
    assert st["items"] == 6 and st["without_none"]["items"] == 2 and not st["no_data"]


def test_disagreements_of_documents_ready_for_curation_come_first(project: Project, tmp_path: Path) -> None:
    import_layers(project, tmp_path, DISAGREEING)  # disagreements in ex-0001 and in ex-0002
    with project.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer")
    people, docs, _ = _ids(project)
    everyone = [people[n] for n in ("a", "b", "c")]
    with project.transaction() as s:  # ex-0001 is boss's too, who did nothing: it is not ready
        assignments.add(s, [(d, p) for d in docs.values() for p in everyone] + [(docs["ex-0001"], boss.id)])
    found = disagreements(project)
    assert [(d.document, d.ready) for d in found] == [("ex-0002", True), ("ex-0001", False)]
    before = corpus_agreement(project)["layers"]["entities"]["pairs"]
    assert [p["sentences"] for p in before] == [3, 3, 3]  # boss is not compared unless named


def test_a_pair_with_no_entity_has_no_agreement_on_the_dashboard(project: Project, tmp_path: Path) -> None:
    import_layers(project, tmp_path, {n: _conll([NOTHING, NOTHING]) for n in ("a", "b")})
    pair = corpus_agreement(project, layers=["entities"])["layers"]["entities"]["pairs"][0]
    assert (pair["f1"], pair["cohen_kappa"], pair["no_data"]) == (None, None, True)
    assert agreement_by_person(project) == {"a": None, "b": None}  # not 1.00, and no crash


def test_the_disagreement_list_compares_each_sentence_among_the_people_who_cover_it(
    overlapping: Project,
) -> None:
    # Nobody of the three covers every sentence; each overlap document is compared between its two.
    found = {(d.document, d.layer): d.detail for d in disagreements(overlapping)}
    people = sorted(
        {name for detail in found.values() for name in (p.split(":")[0] for p in detail.split("; "))}
    )
    assert people == ["a", "b", "c"]
    # d1 (a, b): ORGANISATION against GPE; c's wrong d1 is not hers to count. d3 (a, c) agree.
    d1 = next(
        detail for (doc, layer), detail in found.items() if doc.endswith("0001") and layer == "entities"
    )
    assert d1.startswith("a: ") and "; b: " in d1 and "c:" not in d1
    assert not any(doc.endswith("0003") for doc, _ in found)
    assert not any(doc.endswith("0004") for doc, _ in found)  # one person: nothing to compare
