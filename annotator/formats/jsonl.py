"""JSONL reader: the project's own format, doccano-style spans, and plain ``{"text": ...}`` lines.

Each line is one sentence. Lines of one document follow each other under the same ``document``
key (the file stem when there is none). Offsets are code-point indices into the line's ``text``,
ends exclusive; they must fall on token boundaries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import pairwise, repeat
from operator import le, lt
from pathlib import Path
from typing import Any
from unicodedata import is_normalized

from annotator.core.errors import InputError
from annotator.core.model import (
    ArgumentRecord,
    DocumentStanceRecord,
    DocumentStart,
    EntityRecord,
    EventRecord,
    Layer,
    Record,
    SentenceRecord,
    StanceRecord,
    Token,
    TokenList,
    token_offsets,
)
from annotator.core.tags import TagError, decode
from annotator.core.text import normalize, tokenize
from annotator.formats.lines import ProgressFn, read_lines
from annotator.formats.names import name_problem


class _Bad(Exception):
    """A problem in one JSON line; the reader adds file and line."""


def read_jsonl(
    path: Path, *, annotator: str | None = None, status: str = "todo", progress: ProgressFn | None = None
) -> Iterator[Record]:
    """Stream records from a JSONL file; ``annotator`` owns labels of lines that name nobody."""
    current: str | None = None
    for number, line in read_lines(path, progress):
        if not line.strip():
            continue
        try:
            obj = _parse(line)
            if "\\u0000" in line:  # JSON can spell a NUL, which no project can store
                _refuse_nul(obj)
            document = _opt(obj, "document", str, path.stem)
            if not document.strip():
                raise _Bad("'document' must not be empty")
            if (problem := name_problem(document)) is not None:
                raise _Bad(f"{_DOCUMENT_NAME if 'document' in obj else _FILE_NAME} {problem}")
            if "sentences" in obj:
                current = document
                yield from _whole_document(obj, document, annotator, status, number, str(path))
                continue
            if "document_stance" in obj:
                yield _document_stance(obj, document, annotator, number)
                continue
            if document != current:
                current = document
                yield DocumentStart(document, str(path), None, number)
            yield _sentence(obj, annotator, status, number)
        except _Bad as exc:
            raise InputError(path, number, str(exc)) from None


def _parse(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Bad(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _Bad("invalid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise _Bad(f"expected a JSON object, got {type(obj).__name__}")
    return obj


_DOCUMENT_NAME = "'document'"
_FILE_NAME = "the document name (the file's name)"


def _refuse_nul(obj: dict[str, Any]) -> None:
    """Raise naming the first place in the parsed line whose key or text holds a NUL character."""
    stack: list[tuple[str, Any]] = [("", obj)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            raise _Bad(f"'{where}' contains a NUL character (\\u0000), which a project cannot store")
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                inner = f"{where}.{key}" if where else str(key)
                if "\x00" in key:
                    raise _Bad(f"the key {inner!r} contains a NUL character (\\u0000)")
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in reversed(list(enumerate(value))))


def _owner(obj: dict[str, Any], annotator: str | None) -> str | None:
    """The line's own ``annotator`` (checked as a name), else the one given to the reader."""
    own = _opt(obj, "annotator", str, None)
    if own is not None and (problem := name_problem(own.strip())) is not None:  # the store strips it
        raise _Bad(f"'annotator' {problem}")
    return own or annotator


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object"}


def _opt(obj: dict[str, Any], key: str, kind: type, default: Any, where: str = "") -> Any:
    value = obj.get(key, default)
    if value is default:
        return value
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Bad(f"{where}'{key}' must be {_TYPE_NAMES[kind]}")
    return value


def _req(obj: Any, key: str, kind: type, where: str = "") -> Any:
    if not isinstance(obj, dict):
        raise _Bad(f"{where.rstrip('.: ') or 'item'} must be an object")
    if key not in obj:
        raise _Bad(f"{where}'{key}' is missing")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Bad(f"{where}'{key}' must be {_TYPE_NAMES[kind]}")
    return value


def _sentence(obj: dict[str, Any], annotator: str | None, status: str, number: int) -> SentenceRecord:
    text = _req(obj, "text", str)
    if not text.strip():
        raise _Bad("'text' is empty")
    index = _opt(obj, "sentence", int, None)
    if index is not None and index < 0:
        raise _Bad("'sentence' must not be negative")
    given = _tokens(text, _req(obj, "tokens", list)) if "tokens" in obj else None
    spans = _span_inputs(obj)
    for start, end in spans:
        if not (isinstance(start, int) and isinstance(end, int)) or not (0 <= start < end <= len(text)):
            raise _Bad(f"span {start}..{end} lies outside the text ({len(text)} characters)")
    tokens: Sequence[Token]
    shift: dict[int, int] | None = None  # None: the text is NFC already and offsets stay as they are
    if is_normalized("NFC", text):
        text_n = text
        tokens = given if given is not None else tokenize(text)
    else:
        cuts = {0, len(text)}
        for t in given or ():
            cuts |= {t.start, t.end}
        for start, end in spans:
            cuts |= {start, end}
        text_n, shift = _normalize_with_offsets(text, sorted(cuts))
        if given is None:
            tokens = tokenize(text_n)
        else:
            tokens = [
                Token(text_n[shift[t.start] : shift[t.end]], shift[t.start], shift[t.end]) for t in given
            ]
    first, after = token_offsets(tokens)
    starts = dict(zip(first, range(len(first)), strict=True))
    ends = dict(zip(after, range(1, len(after) + 1), strict=True))

    def to_tokens(start: int, end: int, what: str) -> tuple[int, int]:
        s, e = (start, end) if shift is None else (shift[start], shift[end])
        if s not in starts or e not in ends:
            raise _Bad(f"{what} at {start}..{end} ({text[start:end]!r}) is not on token boundaries")
        return starts[s], ends[e]

    owner = _owner(obj, annotator)
    layer = _layer(obj, owner, status, tokens, to_tokens)
    return SentenceRecord(
        text=text_n, tokens=tokens, index=index, line=number, layers=(layer,) if layer else ()
    )


def _tokens(text: str, items: list[Any]) -> Sequence[Token]:
    """The tokens a line gives, checked: in order, inside the text, no white space in or text between."""
    fast = _tokens_at_once(text, items)
    return fast if fast is not None else _tokens_one_by_one(text, items)


def _tokens_one_by_one(text: str, items: list[Any]) -> list[Token]:
    tokens: list[Token] = []
    previous = 0
    for i, item in enumerate(items):
        where = f"tokens[{i}]."
        start, end = _req(item, "start", int, where), _req(item, "end", int, where)
        word = _opt(item, "text", str, None, where)
        if not (previous <= start < end <= len(text)):
            raise _Bad(f"tokens[{i}] offsets {start}..{end} are out of order or outside the text")
        if word is not None and text[start:end] != word:
            raise _Bad(f"tokens[{i}] text {word!r} differs from the text at {start}..{end}")
        if text[previous:start].strip():
            raise _Bad(f"tokens[{i}]: text {text[previous:start]!r} before it belongs to no token")
        if any(ch.isspace() for ch in text[start:end]):
            raise _Bad(f"tokens[{i}] {text[start:end]!r} contains white space")
        tokens.append(Token(text[start:end], start, end))
        previous = end
    if not tokens:
        raise _Bad("'tokens' is empty")
    if text[previous:].strip():
        raise _Bad(f"text {text[previous:]!r} at the end belongs to no token")
    return tokens


def _tokens_at_once(text: str, items: list[Any]) -> TokenList | None:
    """The common case checked with whole-list operations; None on any doubt (the loop then explains)."""
    try:
        starts = [item["start"] for item in items]
        ends = [item["end"] for item in items]
    except (TypeError, KeyError):
        return None
    if not starts or {*map(type, starts), *map(type, ends)} != {int}:  # bool is not int here
        return None
    if starts[0] < 0 or ends[-1] > len(text):
        return None
    if not all(map(lt, starts, ends)) or not all(map(le, ends, starts[1:])):
        return None
    words = list(map(text.__getitem__, map(slice, starts, ends)))
    if list(map(dict.get, items, repeat("text"), words)) != words:
        return None
    joined = "\x00".join(words)  # NUL is not white space (and never in the text)
    if joined.split() != [joined]:
        return None
    between = map(text.__getitem__, map(slice, ends, starts[1:]))
    if (text[: starts[0]] + "".join(between) + text[ends[-1] :]).strip():
        return None
    return TokenList(text, starts, ends)


def _span_inputs(obj: dict[str, Any]) -> list[tuple[Any, Any]]:
    """Character spans the line gives, to keep them aligned through NFC normalisation."""
    out: list[tuple[Any, Any]] = []
    for item in obj.get("entities", []) if isinstance(obj.get("entities"), list) else []:
        if isinstance(item, dict) and "start" in item:
            out.append((item.get("start"), item.get("end")))
        elif isinstance(item, dict) and "start_offset" in item:
            out.append((item.get("start_offset"), item.get("end_offset")))
    for item in obj.get("label", []) if isinstance(obj.get("label"), list) else []:
        if isinstance(item, list) and len(item) == 3:
            out.append((item[0], item[1]))
    for item in obj.get("events", []) if isinstance(obj.get("events"), list) else []:
        trig = item.get("trigger") if isinstance(item, dict) else None
        if isinstance(trig, dict) and "start" in trig:
            out.append((trig.get("start"), trig.get("end")))
    return out


def _normalize_with_offsets(text: str, cuts: list[int]) -> tuple[str, dict[int, int]]:
    """NFC-normalise ``text`` piece by piece between ``cuts``; map each cut to its new offset."""
    if normalize(text) == text:
        return text, {c: c for c in cuts}
    pieces, shift, pos = [], {0: 0}, 0
    for a, b in pairwise(cuts):
        piece = normalize(text[a:b])
        pieces.append(piece)
        pos += len(piece)
        shift[b] = pos
    return "".join(pieces), shift


def _layer(
    obj: dict[str, Any], owner: str | None, status: str, tokens: Sequence[Token], to_tokens: Any
) -> Layer | None:
    line_status = _opt(obj, "status", str, None)
    comment = _opt(obj, "comment", str, "")
    entities = _entities(obj, tokens, to_tokens)
    events = tuple(_event(item, i, tokens, to_tokens) for i, item in enumerate(_opt(obj, "events", list, [])))
    stance = tuple(_stance(item, f"stance[{i}].") for i, item in enumerate(_opt(obj, "stance", list, [])))
    final_status = line_status or status
    if not (entities or events or stance or comment or final_status != "todo"):
        return None
    if owner is None:
        raise _Bad('the line has annotations but names no annotator: add "annotator" or use --annotator')
    return Layer(owner, final_status, comment, entities, events, stance)


def _entities(obj: dict[str, Any], tokens: Sequence[Token], to_tokens: Any) -> tuple[EntityRecord, ...]:
    out: list[EntityRecord] = []
    if "label" in obj and "entities" not in obj:  # doccano: [[start, end, "LABEL"], ...]
        for i, item in enumerate(_opt(obj, "label", list, [])):
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)):
                raise _Bad(f'label[{i}] must be [start, end, "LABEL"]')
            s, e = to_tokens(item[0], item[1], f"label[{i}]")
            out.append(EntityRecord(item[2], s, e))
        return tuple(out)
    if "entities" not in obj and "ner_tags" in obj:
        tags = _opt(obj, "ner_tags", list, [])
        if len(tags) != len(tokens) or not all(isinstance(t, str) for t in tags):
            raise _Bad(f"'ner_tags' must hold one tag per token ({len(tokens)})")
        try:
            return tuple(EntityRecord(lab, s, e) for s, e, lab in decode(tags, "IOB2"))
        except TagError as exc:
            raise _Bad(f"ner_tags[{exc.index}]: {exc.message}") from None
    for i, item in enumerate(_opt(obj, "entities", list, [])):
        where = f"entities[{i}]."
        label = _req(item, "label", str, where)
        ref = _opt(item, "id", str, None, where)
        if "start_offset" in item:  # doccano's newer export
            s, e = to_tokens(
                _req(item, "start_offset", int, where), _req(item, "end_offset", int, where), where[:-1]
            )
        else:
            s, e = _token_range(item, where, tokens, to_tokens)
        out.append(EntityRecord(label, s, e, ref))
    return tuple(out)


def _token_range(
    item: dict[str, Any], where: str, tokens: Sequence[Token], to_tokens: Any
) -> tuple[int, int]:
    if "start" in item or "end" in item:
        s, e = to_tokens(_req(item, "start", int, where), _req(item, "end", int, where), where[:-1])
        ts, te = _opt(item, "token_start", int, None, where), _opt(item, "token_end", int, None, where)
        if (ts is not None and ts != s) or (te is not None and te != e):
            raise _Bad(
                f"{where[:-1]}: token_start/token_end {ts}..{te} disagree with the offsets (tokens {s}..{e})"
            )
        return s, e
    s, e = _req(item, "token_start", int, where), _req(item, "token_end", int, where)
    if not (0 <= s < e <= len(tokens)):
        raise _Bad(f"{where[:-1]}: tokens {s}..{e} lie outside the sentence's {len(tokens)} tokens")
    return s, e


def _event(item: Any, i: int, tokens: Sequence[Token], to_tokens: Any) -> EventRecord:
    where = f"events[{i}]."
    etype = _req(item, "type", str, where)
    trigger = _req(item, "trigger", dict, where)
    s, e = _token_range(trigger, f"{where}trigger.", tokens, to_tokens)
    attributes = _opt(item, "attributes", dict, {}, where)
    if not all(isinstance(v, str) for v in attributes.values()):
        raise _Bad(f"{where}attributes must map names to strings")
    arguments = []
    for j, arg in enumerate(_opt(item, "arguments", list, [], where)):
        w = f"{where}arguments[{j}]."
        arguments.append(ArgumentRecord(_req(arg, "role", str, w), _req(arg, "entity", str, w)))
    return EventRecord(
        etype, s, e, tuple(sorted(attributes.items())), tuple(arguments), _opt(item, "id", str, None, where)
    )


def _stance(item: Any, where: str) -> StanceRecord:
    return StanceRecord(
        _req(item, "target", str, where),
        _req(item, "label", str, where),
        _opt(item, "holder", str, None, where),
    )


def _whole_document(
    obj: dict[str, Any], document: str, annotator: str | None, status: str, number: int, source: str
) -> Iterator[Record]:
    """A per-document object: the document text and sentences whose offsets point into it."""
    text = _req(obj, "text", str)
    owner = _owner(obj, annotator)
    yield DocumentStart(document, source, text, number)
    for i, item in enumerate(_req(obj, "sentences", list)):
        where = f"sentences[{i}]."
        start, end = _req(item, "start", int, where), _req(item, "end", int, where)
        if not (0 <= start < end <= len(text)):
            raise _Bad(f"{where}start/end {start}..{end} lie outside the document text")
        local = {**item, "text": text[start:end], "annotator": owner}
        local["tokens"] = [
            _moved(t, -start, f"{where}tokens[{j}].") for j, t in enumerate(item.get("tokens", []))
        ]
        local["entities"] = [
            _moved(e, -start, f"{where}entities[{j}].") for j, e in enumerate(item.get("entities", []))
        ]
        local["events"] = [
            {
                **ev,
                "trigger": _moved(
                    _req(ev, "trigger", dict, f"{where}events[{j}]."), -start, f"{where}events[{j}]."
                ),
            }
            for j, ev in enumerate(_opt(item, "events", list, [], where))
        ]
        try:
            record = _sentence(local, owner, status, number)
        except _Bad as exc:
            raise _Bad(f"{where[:-1]}: {exc}") from None
        yield SentenceRecord(
            record.text, record.tokens, record.paragraph, record.index, start, number, record.layers
        )
    if obj.get("document_stance"):
        yield _document_stance(obj, document, owner, number)


def _moved(item: Any, shift: int, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise _Bad(f"{where[:-1]} must be an object")
    out = dict(item)
    for key in ("start", "end"):
        if key in out:
            out[key] = _req(item, key, int, where) + shift
    return out


def _document_stance(
    obj: dict[str, Any], document: str, annotator: str | None, number: int
) -> DocumentStanceRecord:
    owner = _owner(obj, annotator)
    if owner is None:
        raise _Bad('document stance names no annotator: add "annotator" or use --annotator')
    items = _opt(obj, "document_stance", list, [])
    stance = tuple(_stance(item, f"document_stance[{i}].") for i, item in enumerate(items))
    return DocumentStanceRecord(document, owner, stance, number)
