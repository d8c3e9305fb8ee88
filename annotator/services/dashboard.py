"""The review window's team dashboard, Qt-free: who has done how much, how fast, how well they agree,
and which documents are ready for curation.

:func:`read_dashboard` is quick (the figures of :func:`progress.progress_report`); the agreement
column is slow, so a window computes :func:`agreement_by_person` in a worker thread and shows it
when it comes. A person's agreement is the mean exact-span entity F1 of the pairs they belong to,
each pair compared on the sentences both marked done (their overlapping documents, in a project
that assigns them); "—" when they share nothing with anybody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from annotator.core.messages import joined, message
from annotator.services import progress, review
from annotator.services.compared import ANNOTATOR_ROLE, ReviewError
from annotator.store import Project, queries

NONE = "—"


@dataclass(frozen=True)
class PersonRow:
    """One person's line: done of assigned sentences, speed and the last edit (agreement comes apart)."""

    name: str
    done: int
    assigned: int
    documents: int
    per_hour: float | None
    last_edit: str | None  # an ISO timestamp

    def cells(self, agreement: str) -> tuple[str, str, str, str, str]:
        """The row as shown: person, done of assigned, per active hour, last edit's date, agreement."""
        share: str = (
            message("{done} of {assigned}", done=self.done, assigned=self.assigned)
            if self.assigned
            else message("{done} (nothing assigned)", done=self.done)
        )
        if self.documents:
            docs = (
                message("{n} doc", n=self.documents)
                if self.documents == 1
                else message("{n} docs", n=self.documents)
            )
            share = joined([share, docs], " · ")
        rate = NONE if self.per_hour is None else f"{self.per_hour:.0f}"
        return (self.name, share, rate, local_date(self.last_edit), agreement)


@dataclass(frozen=True)
class DocumentRow:
    """One document's line: its assignees and whether it is ready for curation."""

    name: str
    sentences: int
    assignees: tuple[str, ...]
    ready: bool

    def cells(self) -> tuple[str, str, str, str]:
        """The row as shown: document, sentences, assignees, ready."""
        ready = (
            message("ready")
            if self.ready
            else (message("not yet") if self.assignees else message("not assigned"))
        )
        return (self.name, str(self.sentences), ", ".join(self.assignees) or NONE, ready)


@dataclass(frozen=True)
class Dashboard:
    """The people (by name) and the documents (ready ones first, then by name)."""

    people: tuple[PersonRow, ...]
    documents: tuple[DocumentRow, ...]

    @property
    def ready(self) -> int:
        """How many documents are ready for curation."""
        return sum(1 for d in self.documents if d.ready)

    def summary(self) -> str:
        """One line above the tables."""
        given = sum(1 for d in self.documents if d.assignees)
        several = sum(1 for d in self.documents if len(d.assignees) > 1)
        return message(
            "{documents} documents: {given} assigned ({several} to several people),"
            " {ready} ready for curation",
            documents=len(self.documents),
            given=given,
            several=several,
            ready=self.ready,
        )


def local_date(iso: str | None) -> str:
    """The day of a stored timestamp on this computer's clock (``2026-12-03``); "—" for none."""
    if not iso:
        return NONE
    when = datetime.fromisoformat(iso)
    if when.tzinfo is None:  # stored in UTC without a zone (SQLite)
        when = when.replace(tzinfo=UTC)
    return when.astimezone().date().isoformat()


def read_dashboard(project: Project) -> Dashboard:
    """The dashboard's figures without agreement (one read of :func:`progress.progress_report`)."""
    return from_report(progress.progress_report(project))


def from_report(report: dict[str, Any]) -> Dashboard:
    """The dashboard of a progress report (``annotator progress --json``'s object)."""
    people = tuple(
        PersonRow(
            name,
            int(p["done"]),
            int(p["assigned_sentences"]),
            int(p["assigned_documents"]),
            p.get("sentences_per_hour"),
            p.get("last_edit"),
        )
        for name, p in sorted(report["people"].items())
    )
    documents = tuple(
        sorted(
            (
                DocumentRow(name, int(d.get("sentences", 0)), tuple(d["assignees"]), bool(d["ready"]))
                for name, d in report["documents"].items()
            ),
            key=lambda d: (not d.ready, d.name),
        )
    )
    return Dashboard(people, documents)


def agreement_by_person(project: Project) -> dict[str, float | None]:
    """Each annotator's mean exact-span entity F1 over the pairs that include them, each pair on
    the sentences both cover (:mod:`annotator.services.coverage`: done, in documents given to
    both); None when no pair of theirs has such a sentence with an entity from either. One
    agreement report: a window runs it in a worker thread."""
    with project.reading() as s:
        annotators = sorted(p.name for p in queries.list_annotators(s) if p.role == ANNOTATOR_ROLE)
    scores: dict[str, list[float]] = {name: [] for name in annotators}
    try:
        report = review.corpus_agreement(project, status="done", layers=("entities",))
    except ReviewError:  # no two people cover a common sentence
        return dict.fromkeys(annotators)
    for pair in report["layers"]["entities"]["pairs"]:
        if pair.get("sentences", 0) and pair["f1"] is not None:
            for name in (pair["a"], pair["b"]):
                scores.setdefault(name, []).append(float(pair["f1"]))
    return {name: (sum(f) / len(f) if f else None) for name, f in scores.items()}


def agreement_cell(agreement: dict[str, float | None] | None, name: str) -> str:
    """How a person's agreement is shown: ``0.91``, "—" (shares nothing), or "…" (being computed)."""
    if agreement is None:
        return "…"
    value = agreement.get(name)
    return NONE if value is None else f"{value:.2f}"
