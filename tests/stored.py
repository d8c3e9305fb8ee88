"""What a project holds, read through the store's own layer reader rather than raw SQL.

Tests assert on these tuples, so a change of the tables (a column renamed, a span stored another
way) is absorbed here once instead of in every test that looks at the database.

Conventions: token spans are ``start, end`` with ``end`` exclusive, as in the API and the records
(the tables keep an inclusive last token; that never reaches a test). Every function takes an
``annotator`` name (``"gold"`` is the gold layer); without one it reads every layer, gold's too.
Lists come sorted, so a test compares them with ``==`` whatever order the database returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import (
    DocumentAssignment,
    DocumentStanceRecord,
    EntityRecord,
    Layer,
    SentenceRecord,
    StanceRecord,
)
from annotator.store import Project, queries
from annotator.store.export import Selection, iter_layer

Entity = tuple[str, int, int, int, str]  # document, sentence position, start, end (exclusive), label
Event = tuple[str, int, int, int, str]  # document, sentence position, start, end (exclusive), type
Argument = tuple[str, int, str, str, str]  # document, position, event type, role, entity label
Attribute = tuple[str, int, str, str, str]  # document, position, event type, attribute, value
Stance = tuple[str, int, str, str, str | None]  # document, position, target, label, holder's label
DocumentStance = tuple[str, str, str, str | None]  # document, target, label, holder's label
Status = tuple[str, int, str, str]  # document, position, status, comment


@dataclass(frozen=True)
class _Sentence:
    """One sentence of one layer, with the entities of its document by ref (for arguments and holders)."""

    document: str
    position: int
    layer: Layer
    refs: dict[str, EntityRecord]


@dataclass(frozen=True)
class _DocumentStance:
    """One layer's stance on a document, with that document's entities by ref (for holders)."""

    document: str
    stance: tuple[StanceRecord, ...]
    refs: dict[str, EntityRecord]


def _layers(project: Project, annotator: str | None) -> list[_Sentence | _DocumentStance]:
    """Every sentence of the chosen layers (all of them, not only done ones), and document stance.

    Read whole before anyone looks up a ref: a holder may be an entity of a later sentence.
    """
    out: list[_Sentence | _DocumentStance] = []
    with project.reading() as s:
        people = queries.list_annotators(s)
        if annotator is not None:
            people = [p for p in people if p.name == annotator]
            assert people, f"the project has no annotator called {annotator!r}"
        for person in people:
            document, refs = "", {}
            for record in iter_layer(s, Selection(person.id, status="all")):
                if isinstance(record, SentenceRecord):
                    assert record.position is not None
                    layer = record.layers[0]
                    refs.update({e.ref: e for e in layer.entities if e.ref is not None})
                    out.append(_Sentence(document, record.position, layer, refs))
                elif isinstance(record, DocumentStanceRecord):
                    out.append(_DocumentStance(document, record.stance, refs))
                elif isinstance(record, DocumentAssignment):
                    continue  # who the document is assigned to: no annotation
                else:  # a new document: its refs start again at T1
                    document, refs = record.name, {}
    return out


def _sentences(project: Project, annotator: str | None) -> list[_Sentence]:
    return [x for x in _layers(project, annotator) if isinstance(x, _Sentence)]


def _holder(stance: StanceRecord, refs: dict[str, EntityRecord]) -> str | None:
    return refs[stance.holder].label if stance.holder is not None else None


def _by_value(row: tuple[str | int | None, ...]) -> tuple[tuple[bool, str | int], ...]:
    """A sort key for rows that may hold None (no holder): None sorts before any value."""
    return tuple((v is not None, "" if v is None else v) for v in row)


def entities(project: Project, annotator: str | None = None) -> list[Entity]:
    """``(document, position, start, end, label)`` of every entity of the layer(s)."""
    return sorted(
        (x.document, x.position, e.token_start, e.token_end, e.label)
        for x in _sentences(project, annotator)
        for e in x.layer.entities
    )


def events(project: Project, annotator: str | None = None) -> list[Event]:
    """``(document, position, start, end, type)`` of every event trigger of the layer(s)."""
    return sorted(
        (x.document, x.position, e.token_start, e.token_end, e.type)
        for x in _sentences(project, annotator)
        for e in x.layer.events
    )


def arguments(project: Project, annotator: str | None = None) -> list[Argument]:
    """``(document, position, event type, role, entity label)`` of every event argument."""
    return sorted(
        (x.document, x.position, e.type, a.role, x.refs[a.entity].label)
        for x in _sentences(project, annotator)
        for e in x.layer.events
        for a in e.arguments
    )


def attributes(project: Project, annotator: str | None = None) -> list[Attribute]:
    """``(document, position, event type, attribute, value)`` of every event attribute."""
    return sorted(
        (x.document, x.position, e.type, name, value)
        for x in _sentences(project, annotator)
        for e in x.layer.events
        for name, value in e.attributes
    )


def stances(project: Project, annotator: str | None = None) -> list[Stance]:
    """``(document, position, target, label, holder's label or None)`` of every sentence stance."""
    out = [
        (x.document, x.position, st.target, st.label, _holder(st, x.refs))
        for x in _sentences(project, annotator)
        for st in x.layer.stance
    ]
    return sorted(out, key=_by_value)


def document_stances(project: Project, annotator: str | None = None) -> list[DocumentStance]:
    """``(document, target, label, holder's label or None)`` of every document stance."""
    out = [
        (x.document, st.target, st.label, _holder(st, x.refs))
        for x in _layers(project, annotator)
        if isinstance(x, _DocumentStance)
        for st in x.stance
    ]
    return sorted(out, key=_by_value)


def statuses(project: Project, annotator: str | None = None) -> list[Status]:
    """``(document, position, status, comment)`` of every sentence not left as it started (todo, no
    comment): a status the layer never set reads as nothing here."""
    return sorted(
        (x.document, x.position, x.layer.status, x.layer.comment)
        for x in _sentences(project, annotator)
        if x.layer.status != "todo" or x.layer.comment
    )


def meta(project: Project, key: str) -> str | None:
    """The project fact stored under ``key`` (None when there is none)."""
    with project.reading() as s:
        return queries.get_meta(s, key)
