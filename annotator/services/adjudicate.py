"""Adjudication: where annotators disagree, and edits that copy their work into the gold layer.

Every edit is a command from :mod:`annotator.services.commands`, so gold is undoable like any
other layer and exports with ``--gold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.messages import message
from annotator.core.model import GOLD
from annotator.core.views import SentenceView
from annotator.services import commands as c
from annotator.services.annotate import load_sentence
from annotator.services.compared import compared_people
from annotator.services.coverage import coverage
from annotator.store import Project, queries
from annotator.store.agreement_units import sentence_documents
from annotator.store.assignments import assignees_by_document, ready_documents
from annotator.store.review_data import layer_data


@dataclass(frozen=True)
class Disagreement:
    """One sentence and layer on which the compared annotators differ, and how."""

    sentence_id: int
    document: str
    position: int
    layer: str
    detail: str
    ordinal: int = 0  # the sentence's place in its document from 0 (shown + 1, as in the window)
    ready: bool = False  # its document is ready for curation: every assignee marked every sentence done


def gold_id(project: Project) -> int:
    """The id of the gold layer."""
    with project.reading() as s:
        found = queries.find_annotator(s, GOLD)
    assert found is not None, "every project has the gold layer"
    return found.id


def disagreements(
    project: Project, annotators: Sequence[str] | None = None, status: str = "done"
) -> list[Disagreement]:
    """Sentences where the compared people who cover them (:mod:`annotator.services.coverage`:
    marked done, or all, in their assigned documents) differ in entities, events or stance; those
    of the documents ready for curation first (every assignee marked every sentence done), then
    the others, each in corpus order. A sentence two or more people cover is compared among them.

    ``annotators``: the names to compare (None: every annotator, see :func:`compared_people`).
    """
    with project.reading() as s:
        people = compared_people(s, annotators)
        ready = ready_documents(s)
        sentences = [
            (sent.id, doc.name, sent.position, ordinal, doc.id in ready)
            for doc in queries.documents_overview(s)
            for ordinal, sent in enumerate(queries.document_sentences(s, doc.id))
        ]
        sentences.sort(key=lambda row: not row[4])  # stable: corpus order within each part
        wanted = {row[0] for row in sentences}
        data = {p.name: layer_data(s, p.id, wanted) for p in people}
        cov = coverage(
            [(p.name, p.id) for p in people],
            {n: d.done for n, d in data.items()},
            sentence_documents(s),
            assignees_by_document(s),
            status,
        )
    stance_by_sentence: dict[str, dict[int, set[tuple[object, ...]]]] = {}
    for name, d in data.items():
        per: dict[int, set[tuple[object, ...]]] = {}
        for (i, target), label in d.stance.items():
            per.setdefault(i, set()).add((target, label))
        stance_by_sentence[name] = per
    out: list[Disagreement] = []
    compared = set(cov.ids)
    for sid, doc, position, ordinal, is_ready in sentences:
        if sid not in compared:
            continue
        covering = {name: d for name, d in data.items() if sid in cov.covers[name]}
        for layer in ("entities", "events", "stance"):
            versions: dict[str, frozenset[tuple[object, ...]]] = {}
            for name, d in covering.items():
                if layer == "entities":
                    versions[name] = frozenset(d.entities.get(sid, []))
                elif layer == "events":
                    versions[name] = frozenset((s0, e0, t) for s0, e0, t, _ in d.events.get(sid, []))
                else:
                    versions[name] = frozenset(stance_by_sentence[name].get(sid, set()))
            if len(set(versions.values())) > 1:
                shared = frozenset.intersection(*versions.values())
                detail = "; ".join(
                    f"{name}: {', '.join(_show(x) for x in sorted(v - shared, key=str)) or '—'}"
                    for name, v in versions.items()
                )
                out.append(Disagreement(sid, doc, position, layer, detail, ordinal, is_ready))
    return out


def _show(item: tuple[object, ...]) -> str:
    if len(item) == 3 and isinstance(item[0], int):
        return f"{item[2]} {item[0] + 1}–{item[1]}"
    return " ".join(str(x) for x in item)


def accept_entity(project: Project, sentence_id: int, start: int, end: int, label: str) -> c.Command:
    """A command putting one annotator's entity into gold (replacing gold entities it overlaps)."""
    gold = load_sentence(project, sentence_id, gold_id(project))
    parts: list[c.Command] = [
        c.DeleteEntity(sentence_id, e.id)
        for e in gold.entities
        if e.token_start < end and start < e.token_end
    ]
    parts.append(c.AddEntity(sentence_id, gold_id(project), start, end, label))
    return c.Batch(sentence_id, parts, message("accept {label} into gold", label=label))


def accept_agreed(project: Project, sentence_id: int, annotators: Sequence[str]) -> c.Command | None:
    """A command copying into gold every entity and sentence stance all ``annotators`` agree on.

    Gold annotations already there are kept; None when there is nothing new to copy.
    """
    ids = [p.id for p in compared_people(project, annotators)]
    views: list[SentenceView] = [load_sentence(project, sentence_id, i) for i in ids]
    gold = gold_id(project)
    current = load_sentence(project, sentence_id, gold)
    spans = set.intersection(*({(e.token_start, e.token_end, e.label) for e in v.entities} for v in views))
    taken = {(e.token_start, e.token_end, e.label) for e in current.entities}
    parts: list[c.Command] = [
        c.AddEntity(sentence_id, gold, s0, e0, label)
        for s0, e0, label in sorted(spans - taken)
        if not any(g.token_start < e0 and s0 < g.token_end for g in current.entities)
    ]
    stances = set.intersection(*({(t, lab) for t, (lab, _) in v.stance.items()} for v in views))
    parts += [
        c.SetStance(sentence_id, gold, target, label)
        for target, label in sorted(stances)
        if current.stance.get(target, ("", None))[0] != label
    ]
    return c.Batch(sentence_id, parts, message("accept what everyone agrees on")) if parts else None


def accept_event(project: Project, sentence_id: int, annotator: str, event_id: int) -> c.Command:
    """A command copying one annotator's event into gold: trigger, type, attributes and arguments.

    An argument's entity is taken from gold when gold has the same span and label, else it is copied
    too; gold events on the same trigger tokens are replaced.
    """
    with project.reading() as s:
        who = queries.find_annotator(s, annotator)
    assert who is not None
    source = load_sentence(project, sentence_id, who.id)
    event = next(e for e in source.events if e.id == event_id)
    gold_layer = gold_id(project)
    gold = load_sentence(project, sentence_id, gold_layer)
    parts: list[c.Command] = [
        c.DeleteEvent(sentence_id, e.id)
        for e in gold.events
        if (e.token_start, e.token_end) == (event.token_start, event.token_end)
    ]
    add = c.AddEvent(sentence_id, gold_layer, event.token_start, event.token_end, event.type)
    parts.append(add)
    parts += [
        c.SetNewEventAttribute(sentence_id, add, name, value) for name, value in event.attributes.items()
    ]
    for arg in event.arguments:
        entity = source.entity(arg.entity_id)
        if entity is None:
            continue
        existing = next(
            (
                g
                for g in gold.entities
                if (g.token_start, g.token_end, g.label)
                == (entity.token_start, entity.token_end, entity.label)
            ),
            None,
        )
        if existing is None:
            new = c.AddEntity(sentence_id, gold_layer, entity.token_start, entity.token_end, entity.label)
            parts.append(new)
            parts.append(c.AddNewEventArgument(sentence_id, add, arg.role, new))
        else:
            parts.append(c.AddNewEventArgument(sentence_id, add, arg.role, existing.id))
    return c.Batch(sentence_id, parts, message("accept {label} into gold", label=event.type))


def accept_stance(project: Project, sentence_id: int, annotator: str) -> c.Command | None:
    """A command making gold's sentence stance the same as one annotator's (holders are not copied)."""
    with project.reading() as s:
        who = queries.find_annotator(s, annotator)
    assert who is not None
    source = load_sentence(project, sentence_id, who.id)
    gold_layer = gold_id(project)
    gold = load_sentence(project, sentence_id, gold_layer)
    parts: list[c.Command] = []
    for target in {*source.stance, *gold.stance}:
        want = source.stance.get(target, (None, None))[0]
        if gold.stance.get(target, (None, None))[0] != want:
            parts.append(c.SetStance(sentence_id, gold_layer, target, want))
    return (
        c.Batch(sentence_id, parts, message("accept {name}'s stance into gold", name=annotator))
        if parts
        else None
    )
