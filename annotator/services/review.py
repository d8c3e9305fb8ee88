"""Corpus agreement: the coefficients of :mod:`annotator.agreement` over what people stored.

Who is compared is :mod:`annotator.services.compared`'s rule: the annotators, or the people
named. What each of them covers is :mod:`annotator.services.coverage`'s: the sentences they marked
done (``status="done"``) or every sentence (``status="all"``), and when the project has
assignments only those of the documents assigned to them. The sentences two or more people cover
are compared; each pair's figures rest on the sentences both cover, and every figure says how many
documents and sentences (and items) it rests on.

Entities: pairwise exact and overlap span P/R/F1 overall and per label, token-level Cohen's kappa
per pair, Krippendorff's alpha on token labels (``O`` included; a person who does not cover a
sentence gives no label) across everybody, and a confusion matrix of spans matched by position.
Events: trigger F1 (same span and type) and argument F1 over matched triggers (same role, same
argument span). Stance: :mod:`annotator.services.stance_agreement`. A layer where nobody gave
anything over the compared sentences, and a pair where neither did, report no data (figures
``None``, ``"no_data": True``): agreeing on nothing is not agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.choices import KINDS, SCOPES
from annotator.core.messages import message
from annotator.core.perf import collector_paused
from annotator.services.compared import NothingInCommon as NothingInCommon
from annotator.services.compared import ReviewError as ReviewError
from annotator.services.compared import compared_people
from annotator.services.coverage import coverage
from annotator.services.span_tallies import EntityTally, EventTally, blocks
from annotator.services.stance_agreement import stance_agreement
from annotator.store import Project
from annotator.store.agreement_units import sentence_documents
from annotator.store.assignments import assignees_by_document
from annotator.store.review_data import BlockReader, LayerData, sentence_stance, sentences_done, token_counts

LAYERS = KINDS
BLOCK = 20_000  # compared sentences read at a time (whole documents): their spans, not the corpus's


def corpus_agreement(
    project: Project,
    annotators: Sequence[str] | None = None,
    status: str = "done",
    layers: Sequence[str] = LAYERS,
) -> dict[str, Any]:
    """The agreement report as one JSON-ready object (see the module docstring).

    ``annotators``: the names to compare (None: every annotator, see :func:`compared_people`).
    Raises NothingInCommon when no two of them cover a common sentence.
    """
    with collector_paused():
        return _corpus_agreement(project, annotators, status, layers)


def _corpus_agreement(
    project: Project, annotators: Sequence[str] | None, status: str, layers: Sequence[str]
) -> dict[str, Any]:
    if status not in SCOPES:
        raise ReviewError(f"--status must be {' or '.join(SCOPES)}, not {status!r}")
    with project.reading() as s:
        people = compared_people(s, annotators)
        units = sentence_documents(s)
        assignees = assignees_by_document(s)
        done = {p.name: sentences_done(s, p.id) for p in people}
        cov = coverage([(p.name, p.id) for p in people], done, units, assignees, status)
        del done, units[:]  # the coverage keeps what it needs of them
        names = cov.names
        if not cov.ids:
            if status == "all" and not cov.document_of:
                raise ReviewError("the project has no sentences to compare")
            raise NothingInCommon(_nothing_in_common(names, status, cov.assignments))
        lengths = token_counts(s, set(cov.ids))
        ids = {p.name: p.id for p in people}
        entities = EntityTally(names, cov, lengths) if "entities" in layers else None
        events = EventTally(names, cov) if "events" in layers else None
        if entities is not None or events is not None:
            reader = BlockReader(s)
            for block, lo, hi in blocks(cov, BLOCK):
                read = {n: reader.block(ids[n], lo, hi) for n in names}
                if entities is not None:
                    entities.add(block, {n: r.entities for n, r in read.items()})
                if events is not None:
                    events.add(block, {n: r.events for n, r in read.items()})
        stance = (
            {n: LayerData(stance=sentence_stance(s, ids[n])) for n in names} if "stance" in layers else {}
        )
    report: dict[str, Any] = {
        "annotators": names,
        "status": status,
        "assignments": cov.assignments,
        **cov.extent(cov.ids),
        "layers": {},
    }
    if entities is not None:
        report["layers"]["entities"] = entities.result()
    if events is not None:
        report["layers"]["events"] = events.result()
    if "stance" in layers:
        report["layers"]["stance"] = stance_agreement(
            names, stance, cov, [t.name for t in project.schema.targets]
        )
    return report


def _nothing_in_common(names: list[str], status: str, assignments: bool) -> str:
    who = ", ".join(names)
    if status == "done" and assignments:
        return message(
            "the compared annotators ({names}) have no sentence in common marked done "
            "in the documents assigned to them",
            names=who,
        )
    if status == "done":
        return message("the compared annotators ({names}) have no sentence in common marked done", names=who)
    return message("the compared annotators ({names}) have no assigned document in common", names=who)


def no_data(report: dict[str, Any], layer: str) -> list[str]:
    """The layers (of ``layer``, or of every one for ``all``) in the report that have no data."""
    found = report["layers"]
    return [k for k in LAYERS if layer in (k, "all") and k in found and found[k].get("no_data")]


def overall(report: dict[str, Any], layer: str) -> list[tuple[str, float | None]]:
    """What ``--min`` gates on: alpha for entities and stance (with none), every pair's trigger F1
    for events. Layers with no data, and pairs with none, give nothing: see :func:`no_data`."""
    found = report["layers"]
    empty = no_data(report, layer)
    out: list[tuple[str, float | None]] = []
    if layer in ("entities", "all") and "entities" in found and "entities" not in empty:
        out.append(("entities krippendorff_alpha", found["entities"]["krippendorff_alpha"]))
    if layer in ("events", "all") and "events" in found and "events" not in empty:
        out += [
            (f"events trigger_f1 {p['a']}/{p['b']}", p["trigger_f1"])
            for p in found["events"]["pairs"]
            if not p["no_data"]
        ]
    if layer in ("stance", "all") and "stance" in found and "stance" not in empty:
        out.append(("stance krippendorff_alpha", found["stance"]["krippendorff_alpha"]))
    return out
