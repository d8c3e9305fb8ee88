"""The annotations of one JSONL sentence line: its entities (in one of four spellings), events, stance.

A line spells its entities in one of these dialects, recognised by :func:`entity_dialect`:

* the project's own ``"entities"``: ``{"label", "start", "end"}`` (character offsets) or
  ``{"label", "token_start", "token_end"}`` (token indices), with an optional ``"id"``;
* doccano's newer export: items of ``"entities"`` with ``"start_offset"``/``"end_offset"``
  (an item at a time: a list may mix them with the project's own);
* doccano's classic ``"label": [[start, end, "LABEL"], ...]`` (or ``"labels"``, as its sequence
  labelling export spells it; when there is no ``"entities"``);
* ``"ner_tags"``: one IOB2 tag per token (when there is neither ``"entities"`` nor ``"label"``).

A line without any annotation (a plain ``{"text": ...}`` line) has no layer. ``"seconds"``, the
annotator's active time on the sentence, is a number that is not negative (0 when absent).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from enum import Enum
from typing import Any

from annotator.core.model import ArgumentRecord, EntityRecord, EventRecord, Layer, StanceRecord, Token
from annotator.core.tags import TagError, decode
from annotator.formats.jsonl.fields import Bad, optional, required
from annotator.formats.jsonl.tokens import ToTokens


class EntityDialect(Enum):
    """Which key of a sentence line holds its entities."""

    ENTITIES = "entities"  # the project's own, or doccano's newer start_offset/end_offset items
    DOCCANO_LABELS = "label"
    NER_TAGS = "ner_tags"


def entity_dialect(obj: dict[str, Any]) -> EntityDialect:
    """The dialect a sentence line spells its entities in (``"entities"`` when it has none).

    A line with two of ``entities``, ``label`` and ``labels`` is refused: reading one would drop
    the other's spans without a word."""
    given = [key for key in ("entities", "label", "labels") if key in obj]
    if len(given) > 1:
        raise Bad(f"has both {given[0]!r} and {given[1]!r}: give the spans under one of them")
    if ("label" in obj or "labels" in obj) and "entities" not in obj:
        return EntityDialect.DOCCANO_LABELS
    if "entities" not in obj and "ner_tags" in obj:
        return EntityDialect.NER_TAGS
    return EntityDialect.ENTITIES


def span_inputs(obj: dict[str, Any]) -> list[tuple[Any, Any, str]]:
    """Character spans the line gives, to keep them aligned through NFC normalisation, each with
    where it is (``entities[0].start_offset``: the start's key), for messages."""
    out: list[tuple[Any, Any, str]] = []
    entities = obj.get("entities", [])
    for i, item in enumerate(entities if isinstance(entities, list) else []):
        if isinstance(item, dict) and "start" in item:
            out.append((item.get("start"), item.get("end"), f"entities[{i}].start"))
        elif isinstance(item, dict) and "start_offset" in item:
            out.append((item.get("start_offset"), item.get("end_offset"), f"entities[{i}].start_offset"))
    key = _labels_key(obj)
    for i, item in enumerate(obj.get(key, []) if isinstance(obj.get(key), list) else []):
        if isinstance(item, list) and len(item) == 3:
            out.append((item[0], item[1], f"{key}[{i}][0]"))
    events = obj.get("events", [])
    for i, item in enumerate(events if isinstance(events, list) else []):
        trig = item.get("trigger") if isinstance(item, dict) else None
        if isinstance(trig, dict) and "start" in trig:
            out.append((trig.get("start"), trig.get("end"), f"events[{i}].trigger.start"))
    return out


def layer(
    obj: dict[str, Any], owner: str | None, status: str, tokens: Sequence[Token], to_tokens: ToTokens
) -> Layer | None:
    """The line's layer for ``owner``; None for a line that annotates nothing and keeps ``todo``."""
    line_status = optional(obj, "status", str, None)
    comment = optional(obj, "comment", str, "")
    entities = _entities(obj, tokens, to_tokens)
    events = tuple(
        _event(item, i, tokens, to_tokens) for i, item in enumerate(optional(obj, "events", list, []))
    )
    stance_items = optional(obj, "stance", list, [])
    stance_records = tuple(stance(item, f"stance[{i}].") for i, item in enumerate(stance_items))
    spent = seconds(obj)
    final_status = line_status or status
    if not (entities or events or stance_records or comment or spent or final_status != "todo"):
        return None
    if owner is None:
        raise Bad('the line has annotations but names no annotator: add "annotator" or use --annotator')
    return Layer(owner, final_status, comment, entities, events, stance_records, spent)


def seconds(obj: dict[str, Any]) -> float:
    """The line's ``"seconds"`` (active annotation time): a finite number, not negative; 0 when absent."""
    value = obj.get("seconds", 0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise Bad(f"'seconds' must be a number of seconds, not {shown}")
    if value < 0:
        raise Bad(f"'seconds' must not be negative, not {value}")
    return float(value)


def _entities(obj: dict[str, Any], tokens: Sequence[Token], to_tokens: ToTokens) -> tuple[EntityRecord, ...]:
    match entity_dialect(obj):
        case EntityDialect.DOCCANO_LABELS:
            return _doccano_labels(obj, to_tokens)
        case EntityDialect.NER_TAGS:
            return _ner_tags(obj, tokens)
        case EntityDialect.ENTITIES:
            return _entity_list(obj, tokens, to_tokens)


def _labels_key(obj: dict[str, Any]) -> str:
    """The key of doccano's classic spans: ``"label"``, else ``"labels"``."""
    return "label" if "label" in obj else "labels"


def _doccano_labels(obj: dict[str, Any], to_tokens: ToTokens) -> tuple[EntityRecord, ...]:
    """doccano's classic spelling: ``"label"`` (or ``"labels"``): ``[[start, end, "LABEL"], ...]``."""
    key = _labels_key(obj)
    out: list[EntityRecord] = []
    for i, item in enumerate(optional(obj, key, list, [])):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)):
            raise Bad(f'{key}[{i}] must be [start, end, "LABEL"]')
        s, e = to_tokens(item[0], item[1], f"{key}[{i}]")
        out.append(EntityRecord(item[2], s, e))
    return tuple(out)


def _ner_tags(obj: dict[str, Any], tokens: Sequence[Token]) -> tuple[EntityRecord, ...]:
    """Tags per token: ``"ner_tags": ["B-PERSON", "I-PERSON", "O", ...]`` in IOB2."""
    tags = optional(obj, "ner_tags", list, [])
    if len(tags) != len(tokens) or not all(isinstance(t, str) for t in tags):
        raise Bad(f"'ner_tags' must hold one tag per token ({len(tokens)})")
    try:
        return tuple(EntityRecord(lab, s, e) for s, e, lab in decode(tags, "IOB2"))
    except TagError as exc:
        raise Bad(f"ner_tags[{exc.index}]: {exc.message}") from None


def _entity_list(
    obj: dict[str, Any], tokens: Sequence[Token], to_tokens: ToTokens
) -> tuple[EntityRecord, ...]:
    """``"entities"``: the project's own items, or doccano's newer ``start_offset``/``end_offset`` ones."""
    out: list[EntityRecord] = []
    for i, item in enumerate(optional(obj, "entities", list, [])):
        where = f"entities[{i}]."
        label = required(item, "label", str, where)
        ref = _ref(item, where)
        if "start_offset" in item:  # doccano's newer export
            s, e = to_tokens(
                required(item, "start_offset", int, where),
                required(item, "end_offset", int, where),
                where[:-1],
            )
        else:
            s, e = _token_range(item, where, tokens, to_tokens)
        out.append(EntityRecord(label, s, e, ref))
    return tuple(out)


def _ref(item: dict[str, Any], where: str) -> str | None:
    """An entity's ``"id"``: a string, or an integer as doccano writes it (kept as its digits)."""
    value = item.get("id")
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise Bad(f"{where}'id' must be a string or an integer")


def _token_range(
    item: dict[str, Any], where: str, tokens: Sequence[Token], to_tokens: ToTokens
) -> tuple[int, int]:
    """The project's spans: character ``start``/``end`` (token indices, if also given, must agree),
    or ``token_start``/``token_end`` alone."""
    if "start" in item or "end" in item:
        s, e = to_tokens(required(item, "start", int, where), required(item, "end", int, where), where[:-1])
        ts = optional(item, "token_start", int, None, where)
        te = optional(item, "token_end", int, None, where)
        if (ts is not None and ts != s) or (te is not None and te != e):
            raise Bad(
                f"{where[:-1]}: token_start/token_end {ts}..{te} disagree with the offsets (tokens {s}..{e})"
            )
        return s, e
    s, e = required(item, "token_start", int, where), required(item, "token_end", int, where)
    if not (0 <= s < e <= len(tokens)):
        raise Bad(f"{where[:-1]}: tokens {s}..{e} lie outside the sentence's {len(tokens)} tokens")
    return s, e


def _event(item: Any, i: int, tokens: Sequence[Token], to_tokens: ToTokens) -> EventRecord:
    where = f"events[{i}]."
    etype = required(item, "type", str, where)
    trigger = required(item, "trigger", dict, where)
    s, e = _token_range(trigger, f"{where}trigger.", tokens, to_tokens)
    attributes = optional(item, "attributes", dict, {}, where)
    if not all(isinstance(v, str) for v in attributes.values()):
        raise Bad(f"{where}attributes must map names to strings")
    arguments = []
    for j, arg in enumerate(optional(item, "arguments", list, [], where)):
        w = f"{where}arguments[{j}]."
        arguments.append(ArgumentRecord(required(arg, "role", str, w), required(arg, "entity", str, w)))
    return EventRecord(
        etype,
        s,
        e,
        tuple(sorted(attributes.items())),
        tuple(arguments),
        optional(item, "id", str, None, where),
    )


def stance(item: Any, where: str) -> StanceRecord:
    """One stance item: ``{"target", "label", "holder"?}``."""
    return StanceRecord(
        required(item, "target", str, where),
        required(item, "label", str, where),
        optional(item, "holder", str, None, where),
    )
