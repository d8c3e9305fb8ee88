"""One rule for who is compared: the agreement, the CLI, the disagreement list and the review window.

The annotators (role ``annotator``) by default; reviewers and gold only when named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.gui.review_window import ReviewWindow
from annotator.services.adjudicate import accept_agreed, disagreements
from annotator.services.compared import ComparedError, compared_names
from annotator.services.review import ReviewError, corpus_agreement
from annotator.store import Project, queries
from tests.conftest import DISAGREEING, EXAMPLE, dump, import_layers

VARIANTS = {name: DISAGREEING[name] for name in ("a", "b")}


def _reviewer(project: Project, name: str = "boss") -> queries.AnnotatorInfo:
    with project.transaction() as s:
        return queries.add_annotator(s, name, "reviewer")


@pytest.fixture
def two_and_a_reviewer(project: Project, tmp_path: Path) -> Project:
    """Annotators a and b (every sentence done, one label differs) and a reviewer with no work."""
    import_layers(project, tmp_path, VARIANTS)
    _reviewer(project)
    return project


def test_a_reviewer_in_the_project_leaves_the_agreement_of_the_annotators(
    two_and_a_reviewer: Project,
) -> None:
    report = corpus_agreement(two_and_a_reviewer)
    assert report["annotators"] == ["a", "b"]
    assert report["sentences"] == 3
    assert [(p["a"], p["b"]) for p in report["layers"]["entities"]["pairs"]] == [("a", "b")]
    assert compared_names(two_and_a_reviewer) == ["a", "b"]
    found = disagreements(two_and_a_reviewer)  # the default: the same two
    assert [(d.document, d.position, d.layer) for d in found] == [("ex-0001", 1, "entities")]
    assert "boss" not in found[0].detail


def test_a_reviewer_with_work_is_compared_only_when_named(project: Project, tmp_path: Path) -> None:
    _reviewer(project)
    import_layers(project, tmp_path, {**VARIANTS, "boss": EXAMPLE})  # the reviewer annotated too
    assert corpus_agreement(project)["annotators"] == ["a", "b"]
    named = corpus_agreement(project, ["boss", "b"])
    assert named["annotators"] == ["boss", "b"]
    assert [(p["a"], p["b"]) for p in named["layers"]["entities"]["pairs"]] == [("boss", "b")]
    assert [d.detail for d in disagreements(project, ["a", "boss"])] == []  # same CoNLL: no difference


def test_gold_is_compared_when_named(two_and_a_reviewer: Project) -> None:
    project = two_and_a_reviewer
    report = corpus_agreement(project, ["a", "gold"], status="all")
    assert report["annotators"] == ["a", "gold"]
    assert report["layers"]["entities"]["pairs"][0]["tp"] == 0  # gold is empty so far
    assert len(disagreements(project, ["a", "gold"], status="all")) == 3


def test_unknown_and_repeated_names_and_too_few_are_one_line(two_and_a_reviewer: Project) -> None:
    project = two_and_a_reviewer
    before = dump(project)
    cases = [
        (lambda: corpus_agreement(project, ["a", "nobody"]), 'no annotator named "nobody" in the project'),
        (lambda: disagreements(project, ["a", "nobody"]), 'no annotator named "nobody" in the project'),
        (lambda: accept_agreed(project, 1, ["a", "nobody"]), 'no annotator named "nobody" in the project'),
        (lambda: corpus_agreement(project, ["x", "y"]), 'no annotators named "x", "y"'),
        (lambda: corpus_agreement(project, ["a", "a"]), '"a" named more than once'),
        (lambda: corpus_agreement(project, ["a"]), "at least two annotators"),
    ]
    for call, message in cases:
        with pytest.raises(ComparedError) as caught:
            call()
        assert message in str(caught.value)
        assert "\n" not in str(caught.value)
        assert isinstance(caught.value, ReviewError)
    assert dump(project) == before


def test_one_annotator_and_a_reviewer_is_too_few(project: Project, tmp_path: Path) -> None:
    import_layers(project, tmp_path, {"a": EXAMPLE})
    _reviewer(project)
    with pytest.raises(ComparedError, match=r'at least two annotators .* has 1 \("a"\) .*"boss"'):
        corpus_agreement(project)


def test_the_cli_compares_the_annotators_and_names_unknown_ones(
    two_and_a_reviewer: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    db = two_and_a_reviewer.url
    assert main(["agreement", "--db", db, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["annotators"] == ["a", "b"]
    assert main(["agreement", "--db", db, "--layer", "entities"]) == 0
    assert "annotators: a, b " in capsys.readouterr().out
    assert main(["agreement", "--db", db, "--annotators", "a,nobody"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith('annotator: --annotators a,nobody: no annotator named "nobody" in the project')
    assert err.count("\n") == 1
    assert main(["agreement", "--db", db, "--json", "--annotators", "b,boss", "--status", "all"]) == 0
    assert json.loads(capsys.readouterr().out)["annotators"] == ["b", "boss"]


def test_the_review_window_compares_the_same_people(
    two_and_a_reviewer: Project, qtbot: QtBot, tmp_path: Path
) -> None:
    project = two_and_a_reviewer
    with project.reading() as s:
        boss = queries.find_annotator(s, "boss")
    assert boss is not None
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    window = ReviewWindow(project, boss, settings)
    qtbot.addWidget(window)
    expected = corpus_agreement(project)["annotators"]
    assert window.annotators == expected == ["a", "b"]
    assert [name for name, _, _ in window.versions] == [*expected, "gold"]
    assert window.list.count() == len(disagreements(project)) == 1
    qtbot.waitUntil(lambda: "covered by two or more of them" in window.summary.text(), timeout=10_000)
    assert "a/b F1" in window.summary.text()
    window.close()
