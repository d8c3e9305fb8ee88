"""Label Studio's JSON and JSON-MIN exports: a JSON list of tasks, read one task at a time.

JSON: ``{"id", "data": {"text", ...}, "annotations": [{"completed_by", "result": [{"type":
"labels", "value": {"start", "end", "text"?, "labels": [LABEL]}}, ...], "was_cancelled",
"lead_time"}], "predictions": [...]}``. JSON-MIN: one flat object per annotation, ``{"id",
"text", "annotator", "lead_time", "label": [{"start", "end", "text", "labels"}]}`` (the list's
key is the labelling config's ``from_name``; any list of such spans is read).

Each task is a document (named ``data.document`` when it has one, as the project's own export
writes it, else ``<file stem>-<task id>``), its text cut into sentences
(:mod:`annotator.formats.sentences`). Each annotation is a layer of the person in
``completed_by`` (its email, or ``labelstudio-<id>``; JSON-MIN: ``annotator``), else
``data.annotator``; ``--annotator`` names the owner of every annotation instead (a task may then
have only one). ``lead_time`` is the layer's active time. Spans are character offsets; white
space at their ends is left out, and a token an entity starts or ends inside is cut there, so
every span is kept exactly. Cancelled annotations, predictions and results of other types are
counted in the import's summary, and so are a JSON-MIN row's keys that are neither spans nor
the row's own (``id``, ``text``, ``annotator``, ``lead_time``, ...: a ``"sentiment"`` choice).
A list of doccano examples (``text`` with ``entities`` that have ``start_offset``, or
``label``/``labels`` as ``[start, end, LABEL]``) is read as doccano's JSONL is
(:mod:`annotator.formats.jsonl.doccano`). Consecutive JSON-MIN rows of one task (one row per annotation)
are read as one task. Errors name the file, the line the task starts on, and the task's index
and id.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unicodedata import is_normalized

from annotator.core.errors import InputError
from annotator.core.model import DocumentStart, EntityRecord, Layer, NotImported, Record
from annotator.core.text import TOKENIZER_VERSION, tokenize
from annotator.formats.json_list import iter_items
from annotator.formats.jsonl import doccano
from annotator.formats.jsonl.fields import Bad, optional, required
from annotator.formats.jsonl.tokens import cut_at, normalize_with_offsets
from annotator.formats.lines import ProgressFn
from annotator.formats.names import name_problem
from annotator.formats.sentences import split

Span = tuple[int, int, str]  # character start, end (exclusive), label

# A JSON-MIN row's own keys besides its spans (Label Studio writes them; none is an annotation)
_MIN_KEYS = frozenset(
    ("id", "text", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "document")
)


@dataclass
class _Annotation:
    owner: str | None
    seconds: float
    spans: list[Span]


@dataclass
class _Task:
    name: str
    text: str
    line: int  # where it starts in the file
    where: str  # "task 3 (id 7)", for messages
    minimal: bool  # a JSON-MIN row
    annotations: list[_Annotation] = field(default_factory=list)
    left_out: dict[tuple[str, str], int] = field(default_factory=dict)  # (what, why) -> count

    def same_row_task(self, earlier: _Task) -> bool:
        """True when this JSON-MIN row annotates the same task as the row before it."""
        return self.minimal and earlier.minimal and (self.name, self.text) == (earlier.name, earlier.text)

    def leave_out(self, what: str, why: str, n: int = 1) -> None:
        """Count ``n`` things of the task that are not imported."""
        self.left_out[(what, why)] = self.left_out.get((what, why), 0) + n


def read_labelstudio(
    path: Path,
    *,
    annotator: str | None = None,
    status: str = "todo",
    progress: ProgressFn | None = None,
    tokenizer_version: int = TOKENIZER_VERSION,
) -> Iterator[Record]:
    """Stream records from a Label Studio JSON or JSON-MIN export (see the module's note); texts
    are cut by ``tokenizer_version`` (the project's)."""
    pending: _Task | None = None
    document: str | None = None  # the document of the doccano examples read so far
    for index, line, item in iter_items(path, "task", progress):
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"task {index}" + (f" (id {ident})" if ident is not None else "")
        if doccano.is_doccano_item(item):
            if pending is not None:
                yield from _finished(path, pending, status, annotator, tokenizer_version)
                pending = None
            try:
                name = optional(item, "document", str, path.stem)
                if (problem := name_problem(name)) is not None:
                    raise Bad(f"the document name {problem}")
                if name != document:
                    yield DocumentStart(name, str(path), None, line)
                    document = name
                yield from doccano.example_records(item, annotator, status, line, tokenizer_version)
            except Bad as exc:
                raise InputError(path, line, f"doccano example {index}: {exc}") from None
            continue
        try:
            if not isinstance(item, dict):
                raise Bad("must be an object")
            task = _task(item, path.stem, annotator, line, where)
        except Bad as exc:
            raise InputError(path, line, f"{where}: {exc}") from None
        if pending is not None and task.same_row_task(pending):  # JSON-MIN: a row per annotation
            pending.annotations += task.annotations
            continue
        if pending is not None:
            yield from _finished(path, pending, status, annotator, tokenizer_version)
        pending = task
    if pending is not None:
        yield from _finished(path, pending, status, annotator, tokenizer_version)


def _finished(path: Path, task: _Task, status: str, annotator: str | None, version: int) -> Iterator[Record]:
    """The records of a task read whole; a problem names its file, line, index and id."""
    try:
        people = [a.owner for a in task.annotations if a.spans or a.seconds]
        if len(set(people)) != len(people):
            twice = next(p for p in people if people.count(p) > 1)
            hint = ": without --annotator each is its own person's layer" if annotator else ""
            raise Bad(f"two annotations are {twice!r}'s{hint}")
        yield from _records(task, str(path), status, task.line, version)
    except Bad as exc:
        raise InputError(path, task.line, f"{task.where}: {exc}") from None


def _task(item: dict[str, Any], stem: str, annotator: str | None, line: int, where: str) -> _Task:
    """One task of either export, checked, with its annotations as character spans."""
    full = "data" in item or "annotations" in item or "completions" in item
    data = required(item, "data", dict) if full else item
    text = _text(data, full)
    name = data.get("document")
    if not isinstance(name, str) or not name.strip():
        ident = item.get("id")
        name = f"{stem}-{ident}" if isinstance(ident, int | str) and str(ident).strip() else stem
    if (problem := name_problem(name)) is not None:
        raise Bad(f"the document name {problem}")
    task = _Task(name, text, line, where, minimal=not full)
    fallback = data.get("annotator") if isinstance(data.get("annotator"), str) else None
    if full:
        key = "annotations" if "annotations" in item else "completions"  # Label Studio before 1.0
        for j, ann in enumerate(optional(item, key, list, [])):
            _annotation(task, ann, f"{key}[{j}].", annotator, fallback)
        predictions = optional(item, "predictions", list, [])
        if predictions:
            why = "the project makes its own suggestions: annotator suggest"
            task.leave_out("predictions", why, len(predictions))
    else:
        spans = []
        for key, values in item.items():
            if isinstance(values, list) and values and all(_is_span(v) for v in values):
                spans += [_span(value, f"{key}[{k}].", text) for k, value in enumerate(values)]
            elif key not in _MIN_KEYS and values not in (None, "", [], {}):
                task.leave_out(f"JSON-MIN {key!r} values", "the project reads spans with labels")
        owner = annotator or _person(item.get("annotator"), "'annotator'") or fallback
        task.annotations.append(_Annotation(owner, _seconds(item, ""), spans))
    return task


def _text(data: dict[str, Any], full: bool) -> str:
    """The task's text: ``text``, else the only string among the task's data."""
    text = data.get("text")
    if text is None and full:
        strings = [v for k, v in data.items() if isinstance(v, str) and k not in ("document", "annotator")]
        text = strings[0] if len(strings) == 1 else None
    if not isinstance(text, str):
        raise Bad(f"{'data.' if full else ''}'text' is missing or not a string")
    if not text.strip():
        raise Bad(f"{'data.' if full else ''}'text' is empty")
    return text


def _annotation(task: _Task, ann: Any, where: str, annotator: str | None, fallback: str | None) -> None:
    """Add one annotation of a full export's task (or count it, when it was cancelled)."""
    if not isinstance(ann, dict):
        raise Bad(f"{where[:-1]} must be an object")
    if ann.get("was_cancelled") is True:
        task.leave_out("cancelled annotations", "Label Studio marks them skipped")
        return
    spans = []
    for k, result in enumerate(optional(ann, "result", list, [], where)):
        w = f"{where}result[{k}]."
        if not isinstance(result, dict):
            raise Bad(f"{w[:-1]} must be an object")
        kind = result.get("type")
        if kind == "labels" or (kind is None and _is_span(result.get("value"))):
            spans.append(_span(required(result, "value", dict, w), f"{w}value.", task.text))
        else:
            task.leave_out(f"{kind} results", "the project reads results of type labels")
    owner = annotator or _person(ann.get("completed_by"), f"{where}completed_by") or fallback
    task.annotations.append(_Annotation(owner, _seconds(ann, where), spans))


def _is_span(value: Any) -> bool:
    return isinstance(value, dict) and "start" in value and "end" in value and "labels" in value


def _span(value: Any, where: str, text: str) -> Span:
    """A ``{"start", "end", "text"?, "labels": [LABEL]}`` value, checked, without white space at its ends."""
    start, end = required(value, "start", int, where), required(value, "end", int, where)
    labels = required(value, "labels", list, where)
    if not (0 <= start < end <= len(text)):
        raise Bad(f"{where}start/end {start}..{end} lie outside the text ({len(text)} characters)")
    if len(labels) != 1 or not isinstance(labels[0], str):
        raise Bad(f"{where}labels must hold one label (an entity has one), not {labels!r}")
    given = optional(value, "text", str, None, where)
    if given is not None and given != text[start:end]:
        # older Label Studio versions counted UTF-16 code units: an emoji before a span moved it
        moved = _from_utf16(text, start), _from_utf16(text, end)
        if given != text[moved[0] : moved[1]]:
            raise Bad(f"{where}text {given!r} differs from the text at {start}..{end} ({text[start:end]!r})")
        start, end = moved
    while text[start].isspace() and start < end - 1:
        start += 1
    while text[end - 1].isspace() and end > start + 1:
        end -= 1
    if text[start:end].isspace():
        raise Bad(f"{where}start/end {start}..{end} cover only white space")
    return start, end, labels[0]


def _from_utf16(text: str, units: int) -> int:
    """The code-point offset of the UTF-16 offset ``units`` into ``text`` (characters beyond U+FFFF
    take two units)."""
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _person(value: Any, where: str) -> str | None:
    """The name of a Label Studio user: an email, else ``labelstudio-<id>``; None when not given."""
    if isinstance(value, dict):
        value = value.get("email") or value.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"labelstudio-{value}"
    if not isinstance(value, str):
        raise Bad(f"{where} must be a user's id or email")
    if (problem := name_problem(value.strip())) is not None:
        raise Bad(f"{where} {problem}")
    return value.strip()


def _seconds(obj: dict[str, Any], where: str) -> float:
    value = obj.get("lead_time", 0) or 0
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise Bad(f"{where}'lead_time' must be a number of seconds, not {value!r}")
    return float(value)


def _records(task: _Task, source: str, status: str, line: int, version: int) -> Iterator[Record]:
    """The task's document, its sentences with every annotation's entities, and what was left out."""
    text, edges = _normalized(task)
    tokens = cut_at(text, tokenize(text, version), edges.values())
    starts = {t.char_start: i for i, t in enumerate(tokens)}
    ends = {t.char_end: i + 1 for i, t in enumerate(tokens)}
    layers = []
    for ann in task.annotations:
        if ann.owner is None:
            if ann.spans:
                raise Bad("an annotation names nobody: give --annotator")
            continue
        entities = tuple(EntityRecord(lab, starts[edges[s]], ends[edges[e]]) for s, e, lab in ann.spans)
        layer = Layer(ann.owner, status, "", entities, seconds=ann.seconds)
        if not layer.is_empty or layer.seconds:
            layers.append(layer)
    yield DocumentStart(task.name, source, text, line)
    sentences, _kept_whole = split(text, tokens, layers, line, version)
    yield from sentences
    for (what, why), n in task.left_out.items():
        yield NotImported(what, n, why, line)


def _normalized(task: _Task) -> tuple[str, dict[int, int]]:
    """The task's text in NFC and where each span edge is in it."""
    cuts = {0, len(task.text)} | {x for a in task.annotations for s, e, _ in a.spans for x in (s, e)}
    if is_normalized("NFC", task.text):
        return task.text, {c: c for c in cuts}
    return normalize_with_offsets(task.text, sorted(cuts))
