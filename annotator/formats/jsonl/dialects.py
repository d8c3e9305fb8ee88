"""The shapes a JSONL line takes, each mapped to the common records, and which shape a line is.

:func:`dialect_of` recognises one of four, by its keys:

* a **document object** (has ``"sentences"``): ``{"document", "text", "sentences": [{"start",
  "end", ...}], "document_stance"?}``, the whole document's text with sentences whose offsets point
  into it; read by :func:`whole_document`;
* a **document stance line** (has ``"document_stance"``, no ``"sentences"``): the stance of the
  document named by the lines before it; read by :func:`document_stance`;
* an **assignment line** (has ``"assignees"``, no ``"text"``): the people the document named by
  the lines before it is assigned to; read by :func:`assignment` (a document object may carry
  ``"assignees"`` too);
* a **sentence line** (anything else): ``{"text", "tokens"?, "sentence"?, "annotator"?, ...}``,
  one sentence with its annotations (the project's own, doccano's or ``ner_tags``: see
  :mod:`annotator.formats.jsonl.annotations`), or none (a plain ``{"text": ...}`` line); read by
  :func:`sentence`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from typing import Any

from annotator.core.model import (
    GOLD,
    DocumentAssignment,
    DocumentStanceRecord,
    DocumentStart,
    Record,
    SentenceRecord,
)
from annotator.core.text import TOKENIZER_VERSION
from annotator.formats.jsonl.annotations import layer, span_inputs, stance
from annotator.formats.jsonl.fields import Bad, optional, owner, required
from annotator.formats.jsonl.hf import plain_holders, token_objects
from annotator.formats.jsonl.tokens import aligned, given_tokens


class Dialect(Enum):
    """The shape of one JSONL line."""

    DOCUMENT = "document object"
    DOCUMENT_STANCE = "document stance line"
    ASSIGNMENT = "assignment line"
    SENTENCE = "sentence line"


def dialect_of(obj: dict[str, Any]) -> Dialect:
    """Which shape the parsed line ``obj`` has."""
    if "sentences" in obj:
        return Dialect.DOCUMENT
    if "document_stance" in obj:
        return Dialect.DOCUMENT_STANCE
    if "assignees" in obj and "text" not in obj:
        return Dialect.ASSIGNMENT
    return Dialect.SENTENCE


def sentence(
    obj: dict[str, Any],
    annotator: str | None,
    status: str,
    number: int,
    version: int = TOKENIZER_VERSION,
    *,
    cut: bool = False,
) -> SentenceRecord:
    """A sentence line: its text, tokens (given, or made by tokenizer ``version``) and the layer of
    its annotations, if any.

    With ``cut`` (a doccano example), a made token a span starts or ends inside is cut there."""
    text = required(obj, "text", str)
    if not text.strip():
        raise Bad("'text' is empty")
    position = optional(obj, "sentence", int, None)
    if position is not None and position < 0:
        raise Bad("'sentence' must not be negative")
    given = given_tokens(text, required(obj, "tokens", list)) if "tokens" in obj else None
    spans = []
    for start, end, where in span_inputs(obj):
        for value, key in ((start, where), (end, _end_key(where))):
            if isinstance(value, bool) or not isinstance(value, int):
                raise Bad(f"{key} must be an integer, not {json.dumps(value, ensure_ascii=False)}")
        if not (0 <= start < end <= len(text)):
            raise Bad(f"span {start}..{end} lies outside the text ({len(text)} characters)")
        spans.append((start, end))
    text_n, tokens, to_tokens = aligned(text, given, spans, version, cut=cut)
    own = layer(obj, owner(obj, annotator), status, tokens, to_tokens)
    own_layers = (own,) if own else ()
    return SentenceRecord(text=text_n, tokens=tokens, position=position, line=number, layers=own_layers)


def _end_key(start_key: str) -> str:
    """Where a span's end is, from where its start is (``entities[0].start_offset``)."""
    if start_key.endswith("[0]"):
        return start_key[:-3] + "[1]"
    return start_key.replace("start", "end")


def whole_document(
    obj: dict[str, Any],
    document: str,
    annotator: str | None,
    status: str,
    number: int,
    source: str,
    version: int = TOKENIZER_VERSION,
) -> Iterator[Record]:
    """A document object: the document text and sentences whose offsets point into it (a sentence
    without tokens is cut by tokenizer ``version``)."""
    text = required(obj, "text", str)
    who = owner(obj, annotator)
    yield DocumentStart(document, source, text, number)
    for i, item in enumerate(required(obj, "sentences", list)):
        where = f"sentences[{i}]."
        start, end = required(item, "start", int, where), required(item, "end", int, where)
        try:
            item = token_objects(item)
        except Bad as exc:
            raise Bad(f"{where[:-1]}: {exc}") from None
        if not (0 <= start < end <= len(text)):
            raise Bad(f"{where}start/end {start}..{end} lie outside the document text")
        local = {
            **item,
            "text": text[start:end],
            "annotator": who,
            "stance": plain_holders(item.get("stance", [])),
        }
        if "tokens" in item:  # else the sentence is tokenised, as a sentence line without tokens is
            local["tokens"] = [
                _moved(t, -start, f"{where}tokens[{j}].")
                for j, t in enumerate(required(item, "tokens", list, where))
            ]
        local["entities"] = [
            _moved(e, -start, f"{where}entities[{j}].") for j, e in enumerate(item.get("entities", []))
        ]
        local["events"] = [
            {
                **ev,
                "trigger": _moved(
                    required(ev, "trigger", dict, f"{where}events[{j}]."), -start, f"{where}events[{j}]."
                ),
            }
            for j, ev in enumerate(optional(item, "events", list, [], where))
        ]
        try:
            record = sentence(local, who, status, number, version)
        except Bad as exc:
            raise Bad(f"{where[:-1]}: {exc}") from None
        yield SentenceRecord(
            record.text, record.tokens, record.paragraph, record.position, start, number, record.layers
        )
    if obj.get("document_stance"):
        yield document_stance(obj, document, who, number)
    if "assignees" in obj:
        yield assignment(obj, document, number)


def _moved(item: Any, shift: int, where: str) -> dict[str, Any]:
    """A copy of ``item`` with its ``start``/``end`` moved by ``shift`` characters."""
    if not isinstance(item, dict):
        raise Bad(f"{where[:-1]} must be an object")
    out = dict(item)
    for key in ("start", "end"):
        if key in out:
            out[key] = required(item, key, int, where) + shift
    return out


def document_stance(
    obj: dict[str, Any], document: str, annotator: str | None, number: int
) -> DocumentStanceRecord:
    """A document stance line (or the ``document_stance`` of a document object) for ``document``."""
    who = owner(obj, annotator)
    if who is None:
        raise Bad('document stance names no annotator: add "annotator" or use --annotator')
    items = plain_holders(optional(obj, "document_stance", list, []))
    stances = tuple(stance(item, f"document_stance[{i}].") for i, item in enumerate(items))
    return DocumentStanceRecord(document, who, stances, number)


def assignment(obj: dict[str, Any], document: str, number: int) -> DocumentAssignment:
    """An assignment line (or the ``assignees`` of a document object): who the document is given to."""
    names = required(obj, "assignees", list)
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise Bad(f"assignees[{i}] must be a person's name")
        if name.strip() == GOLD:
            raise Bad(f"assignees[{i}]: the gold layer is not a person")
    clean = tuple(n.strip() for n in names)
    if len(set(clean)) != len(clean):
        raise Bad("'assignees' names a person twice")
    return DocumentAssignment(document, clean, number)
