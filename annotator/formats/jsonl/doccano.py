"""doccano's export as it is: one example a line, its text a whole document, not a sentence.

A line is doccano's when it gives no ``"tokens"`` and has one of doccano's keys (``relations``,
``Comments``, ``label``/``labels``, ``cats``, entities with ``start_offset``, an integer ``id``).
Then:

* its text is cut into sentences (:mod:`annotator.formats.sentences`), each entity in its own;
* ``Comments`` (strings, or objects with ``"text"``) become the comment of its first sentence;
* ``relations`` and ``cats`` (the project has neither relations between entities nor document
  categories) are counted in the import's summary, never dropped without a word;
* the example's own ``id`` is doccano's row number: it is not kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annotator.core.model import NotImported, Record, SentenceRecord
from annotator.core.text import TOKENIZER_VERSION
from annotator.formats.jsonl.dialects import sentence
from annotator.formats.jsonl.fields import Bad, optional
from annotator.formats.sentences import split

_KEYS = ("relations", "Comments", "label", "labels", "cats")


def is_doccano(obj: dict[str, Any]) -> bool:
    """True when the sentence line ``obj`` is a doccano example (see the module's note)."""
    if "tokens" in obj or "sentence" in obj:
        return False
    if any(key in obj for key in _KEYS):
        return True
    ident = obj.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        return True
    entities = obj.get("entities")
    return isinstance(entities, list) and any(isinstance(e, dict) and "start_offset" in e for e in entities)


def is_doccano_item(item: Any) -> bool:
    """True when an item of a JSON list is a doccano example, not a Label Studio task: a ``text``
    with entities that have ``start_offset``, ``label``/``labels`` as ``[start, end, LABEL]``
    lists, or ``relations``/``Comments`` (a JSON-MIN row's spans are objects)."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return False
    if any(key in item for key in ("data", "annotations", "completions")):
        return False
    if "relations" in item or "Comments" in item:
        return True
    entities = item.get("entities")
    if isinstance(entities, list) and any(isinstance(e, dict) and "start_offset" in e for e in entities):
        return True
    return any(
        isinstance(item.get(key), list) and item[key] and all(isinstance(v, list) for v in item[key])
        for key in ("label", "labels")
    )


def example_records(
    obj: dict[str, Any], annotator: str | None, status: str, number: int, version: int = TOKENIZER_VERSION
) -> Iterator[Record]:
    """The records of one doccano example (a JSONL line, or an item of a JSON list), its text cut
    by tokenizer ``version``."""
    obj = prepared(obj)
    yield from records(obj, sentence(obj, annotator, status, number, version, cut=True), number, version)


def prepared(obj: dict[str, Any]) -> dict[str, Any]:
    """The line with its ``Comments`` joined into ``comment`` (after a ``comment`` it has)."""
    notes = []
    for i, item in enumerate(optional(obj, "Comments", list, [])):
        text = item.get("text") if isinstance(item, dict) else item
        if not isinstance(text, str):
            raise Bad(f'Comments[{i}] must be a string or an object with "text"')
        if text.strip():
            notes.append(text.strip())
    if not notes:
        return obj
    own = optional(obj, "comment", str, "")
    return {**obj, "comment": "\n".join([own, *notes] if own else notes)}


def records(obj: dict[str, Any], whole: SentenceRecord, number: int, version: int) -> Iterator[Record]:
    """The example's sentences (cut by tokenizer ``version``), then what it holds that the project
    cannot (counted)."""
    sentences, _kept_whole = split(whole.text, whole.tokens, whole.layers, number, version)
    yield from sentences
    relations = optional(obj, "relations", list, [])
    if relations:
        yield NotImported("relations", len(relations), "the project has no relations", number)
    cats = optional(obj, "cats", list, [])
    if cats:
        yield NotImported("document-level labels", len(cats), "the project has no categories", number)
