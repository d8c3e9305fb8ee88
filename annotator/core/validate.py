"""Checks of annotation layers against a schema, shared by importers and the store's edit API."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from annotator.core.messages import message
from annotator.core.model import STATUSES, Layer
from annotator.core.schema import Schema


class LayerError(ValueError):
    """An annotation the schema or the sentence does not admit; the message says which and why."""


def check_span(start: int, end: int, n_tokens: int, what: str) -> None:
    """A token range must be non-empty and lie inside a sentence of ``n_tokens`` tokens."""
    if not (0 <= start < end <= n_tokens):
        raise LayerError(f"{what} tokens {start}..{end} lie outside the sentence's {n_tokens} tokens")


def check_label(schema: Schema, label: str) -> None:
    """The entity label must be in the schema."""
    if schema.label(label) is None:
        raise LayerError(message("entity label {label} is not in the project's schema", label=repr(label)))


def _check_distinct(spans: list[tuple[int, int, str]], what: str) -> None:
    """One layer holds a span with one label (or trigger with one type) once: the store's unique key."""
    if len(set(spans)) == len(spans):
        return
    seen: set[tuple[int, int, str]] = set()
    for start, end, label in spans:
        if (start, end, label) in seen:
            raise LayerError(f"the same {label} {what} (tokens {start}..{end}) is given twice")
        seen.add((start, end, label))


def check_no_overlap(schema: Schema, spans: Iterable[tuple[int, int, str]]) -> None:
    """Unless the schema allows it, one annotator's entity spans in a sentence may not overlap."""
    if schema.allow_overlap:
        return
    ordered = sorted(spans)
    for (s1, e1, l1), (s2, e2, l2) in pairwise(ordered):
        if s2 < e1:
            raise LayerError(
                message(
                    "entities {label} (tokens {start}..{end}) and {other} "
                    "(tokens {other_start}..{other_end}) overlap, which the schema forbids",
                    label=l1,
                    start=s1,
                    end=e1,
                    other=l2,
                    other_start=s2,
                    other_end=e2,
                )
            )


def check_event(schema: Schema, event_type: str, attributes: dict[str, str], roles: Iterable[str]) -> None:
    """The event type must exist, its attributes be known with known values, its roles belong to it."""
    et = schema.event_type(event_type)
    if et is None:
        raise LayerError(
            message("event type {event_type} is not in the project's schema", event_type=repr(event_type))
        )
    for name, value in attributes.items():
        attr = schema.attribute(name)
        if attr is None:
            raise LayerError(
                message("event attribute {name} is not in the project's schema", name=repr(name))
            )
        if value not in attr.values:
            raise LayerError(
                message(
                    "event attribute {name} cannot be {value} (one of {values})",
                    name=name,
                    value=repr(value),
                    values=", ".join(attr.values),
                )
            )
    for role in roles:
        if role not in et.roles:
            raise LayerError(
                message(
                    "role {role} does not belong to event type {event_type} ({roles})",
                    role=repr(role),
                    event_type=event_type,
                    roles=", ".join(et.roles),
                )
            )


def check_stance(schema: Schema, target: str, label: str, level: str) -> None:
    """The stance target, label and level must be in the schema."""
    if level not in schema.stance_levels:
        raise LayerError(message("the schema does not record stance at {level} level", level=level))
    if schema.target(target) is None:
        raise LayerError(
            message("stance target {target} is not in the project's schema", target=repr(target))
        )
    if label not in schema.stance_labels:
        raise LayerError(
            message(
                "stance label {label} is not one of {labels}",
                label=repr(label),
                labels=", ".join(schema.stance_labels),
            )
        )


def check_status(status: str) -> None:
    """A sentence status is one of todo, done, skipped, flagged."""
    if status not in STATUSES:
        raise LayerError(
            message(
                "status {status} is not one of {statuses}", status=repr(status), statuses=", ".join(STATUSES)
            )
        )


def check_layer(schema: Schema, layer: Layer, n_tokens: int) -> None:
    """Check a whole sentence layer: spans, labels, overlaps, events, arguments, stance, status."""
    check_status(layer.status)
    refs: set[str] = set()
    for ent in layer.entities:  # a corpus has millions: the messages are made only for a problem
        if not 0 <= ent.token_start < ent.token_end <= n_tokens:
            check_span(ent.token_start, ent.token_end, n_tokens, f"entity {ent.ref or ent.label}")
        if schema.label(ent.label) is None:
            check_label(schema, ent.label)
        if ent.ref is not None:
            if ent.ref in refs:
                raise LayerError(f"entity id {ent.ref!r} is used twice")
            refs.add(ent.ref)
    if len(layer.entities) > 1:
        spans = [(e.token_start, e.token_end, e.label) for e in layer.entities]
        _check_distinct(spans, "entity")
        check_no_overlap(schema, spans)
    if len(layer.events) > 1:
        _check_distinct([(e.token_start, e.token_end, e.type) for e in layer.events], "event")
    event_refs: set[str] = set()
    for ev in layer.events:
        check_span(ev.token_start, ev.token_end, n_tokens, f"event {ev.ref or ev.type} trigger")
        check_event(schema, ev.type, dict(ev.attributes), (a.role for a in ev.arguments))
        if ev.ref is not None:
            if ev.ref in event_refs or ev.ref in refs:
                raise LayerError(f"event id {ev.ref!r} is used twice")
            event_refs.add(ev.ref)
        seen = set()
        for arg in ev.arguments:
            if arg.entity not in refs:
                raise LayerError(
                    f"event {ev.ref or ev.type}: argument {arg.role} refers to unknown entity {arg.entity!r}"
                )
            if (arg.role, arg.entity) in seen:
                raise LayerError(
                    f"event {ev.ref or ev.type}: argument {arg.role} -> {arg.entity} is given twice"
                )
            seen.add((arg.role, arg.entity))
    targets: set[str] = set()
    for st in layer.stance:
        check_stance(schema, st.target, st.label, "sentence")
        if st.target in targets:
            raise LayerError(f"stance toward {st.target!r} is given twice")
        targets.add(st.target)
        if st.holder is not None and st.holder not in refs:
            raise LayerError(f"stance toward {st.target}: holder refers to unknown entity {st.holder!r}")
