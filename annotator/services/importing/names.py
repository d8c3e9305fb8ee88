"""What an import checks before it writes a name or a label: that the database can hold it.

Document and annotator names must be printable text on one line (:mod:`annotator.formats.names`)
and fit their columns; labels, event types, roles, attribute names and values, stance targets
and labels come from the schema, which sets no length, so one longer than its column is found
where a file uses it. The columns' lengths are the store's (:data:`annotator.store.bulk.LIMITS`).
PostgreSQL would refuse such a value halfway through the import and SQLite would keep it; either
way the import stops first with the file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from annotator.core.model import Layer, StanceRecord
from annotator.core.schema import Schema
from annotator.formats.names import name_problem, shown
from annotator.store.bulk import LIMITS


def _too_long(what: str, name: str, limit: int) -> str | None:
    if len(name) <= limit:
        return None
    return f"{what} {shown(name)} is {len(name)} characters long; the project holds at most {limit}"


def document_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a document in the project, or None."""
    problem = name_problem(name)
    if problem is not None:
        return f"the document name {problem}"
    return _too_long("the document name", name, LIMITS.document_name)


def annotator_name_problem(name: str) -> str | None:
    """Why ``name`` (as the store keeps it: stripped) cannot name an annotator, or None."""
    clean = name.strip()
    problem = name_problem(clean)
    if problem is not None:
        return f"the annotator name {problem}"
    return _too_long("the annotator name", clean, LIMITS.annotator_name)


class LongNames:
    """The schema's names longer than their columns, and where a layer uses one.

    A schema without any (every schema in practice) makes it false, and the import checks nothing.
    """

    def __init__(self, schema: Schema):
        self.defaults = schema.default_attributes()
        kinds = [
            ("entity label", LIMITS.label, [x.name for x in schema.labels]),
            ("event type", LIMITS.event_type, [t.name for t in schema.event_types]),
            ("role", LIMITS.role, [r for t in schema.event_types for r in t.roles]),
            ("event attribute", LIMITS.attribute_name, [a.name for a in schema.attributes]),
            ("attribute value", LIMITS.attribute_value, [v for a in schema.attributes for v in a.values]),
            ("stance target", LIMITS.stance_target, [t.name for t in schema.targets]),
            ("stance label", LIMITS.stance_label, list(schema.stance_labels)),
        ]
        self.long = {what: limit for what, limit, names in kinds if any(len(n) > limit for n in names)}

    def __bool__(self) -> bool:
        return bool(self.long)

    def in_layer(self, layer: Layer) -> str | None:
        """The first name of ``layer`` too long for the database, said in a line; None if none."""
        return self._first(self._layer_names(layer))

    def in_stance(self, stance: Sequence[StanceRecord]) -> str | None:
        """The first target or label of ``stance`` too long for the database; None if none."""
        return self._first(self._stance_names(stance))

    def _first(self, names: Iterable[tuple[str, str]]) -> str | None:
        for what, name in names:
            limit = self.long.get(what)
            if limit is not None and (problem := _too_long(f"the {what}", name, limit)) is not None:
                return f"{problem} (shorten it in the schema)"
        return None

    def _layer_names(self, layer: Layer) -> Iterator[tuple[str, str]]:
        for entity in layer.entities:
            yield "entity label", entity.label
        for event in layer.events:
            yield "event type", event.type
            for name, value in {**self.defaults, **dict(event.attributes)}.items():
                yield "event attribute", name
                yield "attribute value", value
            for argument in event.arguments:
                yield "role", argument.role
        yield from self._stance_names(layer.stance)

    @staticmethod
    def _stance_names(stance: Sequence[StanceRecord]) -> Iterator[tuple[str, str]]:
        for item in stance:
            yield "stance target", item.target
            yield "stance label", item.label
