"""Hugging Face-style sentence lines, and the export's side files, made ready for the reader.

``Dataset.to_json`` writes ``{"tokens": ["Алматы", "қаласы"], "ner_tags": ["B-LOCATION",
"I-LOCATION"]}``: no ``text`` (it is the tokens joined by single spaces), tokens as strings, and
``ner_tags`` as strings or as integers into a label list (KazNERD on the Hub adds an ``id``, which
is not needed). :func:`project_line` turns such a line into the project's own spelling:

* string ``tokens`` with ``token_offsets`` ``[[start, end], ...]`` (the export's ``--tokens
  strings``) become token objects at those offsets;
* string ``tokens`` without offsets are found in ``text`` one after the other, or, without
  ``text``, make it, joined by single spaces;
* integer ``ner_tags`` are named from the label list: ``--labels FILE``, else ``X.labels.json``
  or ``labels.json`` beside the file ``X.jsonl``;
* a stance ``holder`` of "" (how the export spells none, so that the column has one type) is none.

The label list is a JSON list of tag names in ``ClassLabel`` order (``["O", "B-PERSON", ...]``),
or an object with that list under ``"names"`` or ``"ner_tags"``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.formats.jsonl.fields import Bad

DOCUMENTS_SUFFIX = ".documents.jsonl"
LABELS_SUFFIX = ".labels.json"


def documents_file(path: Path) -> Path:
    """The side file of ``X.jsonl`` that holds its document-level lines: ``X.documents.jsonl``."""
    return path.with_name(path.stem + DOCUMENTS_SUFFIX)


def labels_file(path: Path) -> Path:
    """The label list written beside the export ``X.jsonl``: ``X.labels.json``."""
    return path.with_name(path.stem + LABELS_SUFFIX)


def main_of_documents_file(path: Path) -> Path | None:
    """The sentence file whose side file ``path`` is, when ``path`` is one and it is there."""
    if not path.name.endswith(DOCUMENTS_SUFFIX):
        return None
    for suffix in (".jsonl", ".ndjson", ".json"):
        main = path.with_name(path.name[: -len(DOCUMENTS_SUFFIX)] + suffix)
        if main.is_file():
            return main
    return None


def load_labels(path: Path) -> tuple[str, ...]:
    """The tag names a label list file gives (see the module's description); InputError if it cannot."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, None, f"cannot read the label list ({exc.strerror or exc})") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(path, None, f"the label list is not JSON ({exc})") from None
    if isinstance(value, dict):
        value = value.get("names", value.get("ner_tags"))
    if not (isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
        raise InputError(
            path,
            None,
            'a label list is a JSON list of tag names, ["O", "B-PERSON", ...], in ClassLabel order',
        )
    return tuple(value)


class Labels:
    """The tag names of integer ``ner_tags``: given, or read from beside the file when first needed."""

    def __init__(self, path: Path, given: Sequence[str] | None):
        self.path = path
        self.names: tuple[str, ...] | None = tuple(given) if given is not None else None
        self.looked = given is not None

    def get(self) -> tuple[str, ...]:
        """The tag names; Bad (with what to give) when there is no list."""
        if not self.looked:
            self.looked = True
            for candidate in (labels_file(self.path), self.path.with_name("labels.json")):
                if candidate.is_file():
                    self.names = load_labels(candidate)
                    break
        if self.names is None:
            raise Bad(
                f"'ner_tags' are numbers but there is no label list: put the tag names in "
                f"{labels_file(self.path).name} or labels.json beside the file, or give --labels FILE"
            )
        return self.names


def project_line(obj: dict[str, Any], labels: Labels) -> dict[str, Any]:
    """The sentence line ``obj`` in the project's own spelling (itself when it is already)."""
    tokens = obj.get("tokens")
    tags = obj.get("ner_tags")
    strings = isinstance(tokens, list) and any(isinstance(t, str) for t in tokens)
    numbers = isinstance(tags, list) and any(isinstance(t, int) and not isinstance(t, bool) for t in tags)
    holders = isinstance(obj.get("stance"), list) and any(
        isinstance(s, dict) and s.get("holder") == "" for s in obj["stance"]
    )
    if not (strings or numbers or holders or "text" not in obj):
        return obj
    out = dict(obj)
    if strings:
        out.update(_token_objects(obj, tokens))  # type: ignore[arg-type]
    if numbers:
        out["ner_tags"] = _named(tags, labels.get())  # type: ignore[arg-type]
    if holders:
        out["stance"] = plain_holders(obj["stance"])
    return out


def plain_holders(items: Any) -> Any:
    """Stance items with a ``holder`` of "" given as having none (other values are left to the checks)."""
    if not isinstance(items, list):
        return items
    return [
        {k: v for k, v in s.items() if k != "holder"} if isinstance(s, dict) and s.get("holder") == "" else s
        for s in items
    ]


def token_objects(item: dict[str, Any]) -> dict[str, Any]:
    """A sentence item whose string ``tokens`` come with ``token_offsets``, with token objects instead."""
    tokens = item.get("tokens")
    if not (isinstance(tokens, list) and any(isinstance(t, str) for t in tokens)):
        return item
    if "token_offsets" not in item:
        raise Bad("string 'tokens' in a document's sentence need 'token_offsets'")
    return {**item, **_token_objects(item, tokens)}


def _token_objects(obj: dict[str, Any], tokens: list[Any]) -> dict[str, Any]:
    """``tokens`` (and ``text`` when the line has none) in the project's own spelling."""
    if not all(isinstance(t, str) for t in tokens):
        raise Bad("'tokens' must be all strings or all objects")
    if "token_offsets" in obj:
        offsets = obj["token_offsets"]
        if not (isinstance(offsets, list) and len(offsets) == len(tokens)):
            raise Bad(f"'token_offsets' must hold one [start, end] per token ({len(tokens)})")
        items = []
        for i, (word, pair) in enumerate(zip(tokens, offsets, strict=True)):
            if not (isinstance(pair, list) and len(pair) == 2):
                raise Bad(f"token_offsets[{i}] must be [start, end]")
            items.append({"text": word, "start": pair[0], "end": pair[1]})
        return {"tokens": items}
    if not tokens:
        raise Bad("'tokens' is empty")
    if "text" not in obj:
        text = " ".join(tokens)
        starts = []
        pos = 0
        for word in tokens:
            starts.append(pos)
            pos += len(word) + 1
        return {"text": text, "tokens": _items(tokens, starts)}
    text = obj["text"]
    if not isinstance(text, str):
        raise Bad("'text' must be a string")
    starts, previous = [], 0
    for i, word in enumerate(tokens):
        at = text.find(word, previous) if word else -1
        if at < 0 or text[previous:at].strip():
            raise Bad(f"tokens[{i}] {word!r} is not the next word of the text after character {previous}")
        starts.append(at)
        previous = at + len(word)
    return {"tokens": _items(tokens, starts)}


def _items(tokens: list[str], starts: list[int]) -> list[dict[str, Any]]:
    return [{"text": w, "start": s, "end": s + len(w)} for w, s in zip(tokens, starts, strict=True)]


def _named(tags: list[Any], names: tuple[str, ...]) -> list[str]:
    """Integer tags named from ``names`` (a string tag is kept); Bad for an index outside the list."""
    out = []
    for i, tag in enumerate(tags):
        if isinstance(tag, str):
            out.append(tag)
        elif isinstance(tag, int) and not isinstance(tag, bool) and 0 <= tag < len(names):
            out.append(names[tag])
        else:
            raise Bad(f"ner_tags[{i}] is {tag!r}, not the number of one of the {len(names)} tag names")
    return out
