"""Agreement read a block of documents at a time: the same report whatever the blocks, and no
layer table read whole (a million sentences' spans are never all held at once)."""

from __future__ import annotations

import pytest

from annotator.services import review
from annotator.store import Project
from tests.plans import full_scans, plans_of
from tests.services.test_agreement_overlap import overlapping as overlapping


def _same_in_blocks_of_one(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    for status in ("done", "all"):
        whole = review.corpus_agreement(project, None, status)
        with monkeypatch.context() as m:
            m.setattr(review, "BLOCK", 1)  # every document a block of its own
            assert review.corpus_agreement(project, None, status) == whole
        assert whole["layers"]["entities"]["pairs"]


def test_blocks_of_one_document_give_the_very_report(three: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_in_blocks_of_one(three, monkeypatch)


def test_blocks_of_one_document_give_the_very_report_with_assignments(
    overlapping: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _same_in_blocks_of_one(overlapping, monkeypatch)


def test_no_layer_table_is_read_whole(three: Project) -> None:
    if three.engine.dialect.name != "sqlite":
        pytest.skip("the plans read are SQLite's")
    plans = plans_of(three, lambda: review.corpus_agreement(three, None, "done"))
    assert full_scans(plans, ("entities", "events", "event_arguments")) == [], plans
