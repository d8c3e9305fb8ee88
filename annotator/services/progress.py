"""Progress and time: who has done how much of what they were given, and which documents are ready.

``annotator progress`` prints :func:`progress_report`; the review window's dashboard shows it.
A person's ``done`` counts the sentences they marked done in their assigned documents (in a
project without assignments: everywhere). ``active_seconds`` is the time their window was
focused on a sentence while they worked (idle spells over two minutes left out). A document is
``ready`` for curation when every assignee marked every one of its sentences done.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.services.team import check_can_read, team_login
from annotator.store import Project, queries
from annotator.store import active_time as times
from annotator.store import assignments as rows


def _own_only(project: Project) -> str | None:
    """The login of a team annotator, who sees only their own progress (None: everyone's is read)."""
    login = team_login(project)
    if login is None:
        return None
    try:
        check_can_read(project, [None])
    except AnnotatorError:
        return login
    return None


def progress_report(project: Project) -> dict[str, Any]:
    """Per person and per document progress, as one JSON-ready object (see the module docstring).

    A team annotator's login (on PostgreSQL) gets their own line and their own documents, with
    ``ready`` null: it rests on the others' layers, which only reviewers and managers read.
    """
    own = _own_only(project)
    with project.reading() as s:
        all_people = [p for p in queries.list_annotators(s) if p.role != GOLD]
        people = [p for p in all_people if own in (None, p.name)]
        docs = rows.document_sizes(s)
        assigned = rows.assignees_by_document(s)
        done = rows.done_counts(s)
        seconds = times.totals(s)
        last = {m.name: m.last_edit_at for m in queries.team_progress(s)}
    ready = rows.ready_among({d: n for d, _name, n in docs}, assigned, done)
    any_assigned = bool(assigned)
    out_people: dict[str, dict[str, Any]] = {}
    for p in people:
        mine = [(d, n) for d, _name, n in docs if p.id in assigned.get(d, ())]
        counted = mine if any_assigned else [(d, n) for d, _name, n in docs]
        finished = sum(min(done.get((d, p.id), 0), n) for d, n in counted)
        active = round(seconds.get(p.id, 0.0), 1)
        when = last.get(p.name)
        out_people[p.name] = {
            "assigned_documents": len(mine),
            "assigned_sentences": sum(n for _d, n in mine),
            "done": finished,
            "active_seconds": active,
            "sentences_per_hour": round(finished * 3600 / active, 1) if active > 0 else None,
            "last_edit": when.isoformat() if when is not None else None,
        }
    everyone = {p.id: p.name for p in all_people}
    shown = {p.id for p in people}
    out_docs = {
        name: {
            "assignees": sorted(everyone[a] for a in assigned.get(d, ()) if a in everyone),
            "ready": d in ready if own is None else None,
            "sentences": n,
        }
        for d, name, n in docs
        if own is None or shown & assigned.get(d, frozenset())
    }
    return {"people": out_people, "documents": out_docs}


def describe(report: dict[str, Any]) -> str:
    """The report as a table for the command line."""
    lines = [f"{'person':<20} {'documents':>9} {'sentences':>9} {'done':>7} {'active':>9} {'per hour':>8}"]
    for name, p in report["people"].items():
        hours = p["active_seconds"] / 3600
        rate = "—" if p["sentences_per_hour"] is None else f"{p['sentences_per_hour']:.0f}"
        lines.append(
            f"{name:<20} {p['assigned_documents']:>9} {p['assigned_sentences']:>9} {p['done']:>7} "
            f"{hours:>8.1f}h {rate:>8}"
        )
    docs = report["documents"].values()
    given = sum(1 for d in docs if d["assignees"])
    ready = sum(1 for d in docs if d["ready"])
    if any(d["ready"] is None for d in docs):
        given = sum(1 for d in docs if d["assignees"])
        return "\n".join([*lines, f"your documents: {given} (whether each is ready is for reviewers to see)"])
    several = sum(1 for d in docs if len(d["assignees"]) > 1)
    lines.append(
        f"documents {len(report['documents'])}: {given} assigned ({several} to several people), "
        f"{ready} ready for curation"
    )
    return "\n".join(lines)
