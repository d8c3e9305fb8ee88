"""brat standoff writer: ``NAME.txt`` and ``NAME.ann`` per document plus ``annotation.conf`` and
``visual.conf`` generated from the schema, so the folder opens in brat.

In ``.ann``: ``T`` lines for entities and event triggers, ``E`` lines for events with ``Role:T``
arguments, ``A`` lines for event attributes. Stance lives on a text-bound ``Sentence`` annotation
over the sentence (``Stance_TARGET`` attributes, ``Holder_TARGET`` relations to the holder
entity); document stance lives on the ``Sentence`` annotation of the document's first sentence
as ``DocStance_TARGET`` attributes and ``DocHolder_TARGET`` relations. No two text-bound
annotations share offsets (pybrat's strict mode refuses a document where they do): one whose
span is taken already (a ``Sentence`` over a sentence that is one entity, a trigger that is an
entity's span) is written as two fragments of the same characters, split at its first space
(``0 6;7 13``), or after its first character when it has none (``0 1;1 6``). Offsets are
into ``NAME.txt``, which is the document's text. Every schema name is written as a legal, unique
brat type name (``Conflict.Demonstrate`` as ``Conflict_Demonstrate``; see ``brat_names``), with
the mapping in a comment of ``annotation.conf`` and the schema's names shown by ``visual.conf``.

``NAME`` is the document's name when that is a portable file name, else a cleaned, unique stem
(see ``formats.filenames``); ``documents.json`` maps every stem to its document's name. Every
file is created new (``O_EXCL``, ``O_NOFOLLOW``): the writer never follows, nor writes over,
anything already in its folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentStanceRecord, DocumentStart, Record, SentenceRecord, StanceRecord
from annotator.core.schema import Schema
from annotator.formats.brat_names import SENTENCE, BratNames, brat_type
from annotator.formats.filenames import StemAllocator
from annotator.formats.writers import WriteStats

NAME_MAP = "documents.json"
NEW_FILE = (  # a new file, never through a link: what every export opens
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

__all__ = ["BratWriter", "annotation_conf", "brat_type", "create_file", "visual_conf"]


class BratWriter:
    """Writes one ``.txt``/``.ann`` pair per document into ``folder``."""

    def __init__(self, folder: Path, schema: Schema):
        self.folder = folder
        self.schema = schema
        self.names = BratNames.of(schema)
        self.first_anchor: str | None = None  # the first sentence's Sentence annotation
        self.lines: list[str] = []
        self.name: str | None = None
        self.text = ""
        self.counts = {"T": 0, "E": 0, "A": 0, "R": 0}
        self.first_sentence: tuple[int, int] | None = None
        self.refs: dict[str, str] = {}
        self.taken: set[str] = set()  # the offsets of the document's text-bound annotations
        self.dropped_entities = 0
        self.dropped_triggers = 0
        self.stems = StemAllocator()

    def _next(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def write(self, record: Record) -> None:
        """Write one record; a new document closes the previous one's files."""
        if isinstance(record, DocumentStart):
            self.flush()
            self.name, self.text = record.name, record.text or ""
            self.lines, self.refs, self.first_sentence, self.first_anchor = [], {}, None, None
            self.taken = set()
            self.counts = dict.fromkeys(self.counts, 0)
        elif isinstance(record, SentenceRecord):
            self._sentence(record)
        elif isinstance(record, DocumentStanceRecord) and self.first_sentence is not None and record.stance:
            if self.first_anchor is None:
                self.first_anchor = self._textbound(SENTENCE, *self.first_sentence)
            self._stance(self.first_anchor, record.stance, "Doc")

    def _textbound(self, label: str, start: int, end: int) -> str:
        tid = self._next("T")
        offsets = next(o for o in self._spellings(start, end) if o not in self.taken)
        self.taken.add(offsets)
        words = " ".join(self.text[int(a) : int(b)] for a, b in (f.split() for f in offsets.split(";")))
        self.lines.append(f"{tid}\t{label} {offsets}\t{words}")
        return tid

    def _spellings(self, start: int, end: int) -> Iterator[str]:
        """The ways to write ``start..end`` in brat, best first: whole, then as two fragments split at
        a space, then split inside a word (each the same characters); a one-character span taken again
        repeats its fragment."""
        yield f"{start} {end}"
        spaces = [i for i in range(start + 1, end - 1) if self.text[i].isspace()]
        for i in spaces:
            yield f"{start} {i};{i + 1} {end}"
        for i in range(start + 1, end):
            if not (self.text[i].isspace() or self.text[i - 1].isspace()):
                yield f"{start} {i};{i} {end}"
        yield from (f"{start} {end}" + f";{start} {end}" * n for n in range(1, len(self.taken) + 2))

    def _sentence(self, record: SentenceRecord) -> None:
        base = record.start or 0
        toks = record.tokens
        first = self.first_sentence is None
        if first:
            self.first_sentence = (base, base + len(record.text))
        layer = record.layers[0]
        for ent in layer.entities:
            tid = self._textbound(
                self.names.type(ent.label),
                base + toks[ent.token_start].char_start,
                base + toks[ent.token_end - 1].char_end,
            )
            if ent.ref:
                self.refs[ent.ref] = tid
        for ev in layer.events:
            etype = self.names.type(ev.type)
            trigger = self._textbound(
                etype, base + toks[ev.token_start].char_start, base + toks[ev.token_end - 1].char_end
            )
            eid = self._next("E")
            args = "".join(f" {a.role}:{self.refs[a.entity]}" for a in ev.arguments if a.entity in self.refs)
            self.lines.append(f"{eid}\t{etype}:{trigger}{args}")
            for name, value in ev.attributes:
                self.lines.append(f"{self._next('A')}\t{self.names.attribute(name)} {eid} {value}")
        if layer.stance:
            anchor = self._textbound(SENTENCE, base, base + len(record.text))
            if first:
                self.first_anchor = anchor
            self._stance(anchor, layer.stance)

    def _stance(self, anchor: str, stance: tuple[StanceRecord, ...], prefix: str = "") -> None:
        for st in stance:
            target = self.names.target(st.target)
            self.lines.append(f"{self._next('A')}\t{prefix}Stance_{target} {anchor} {st.label}")
            if st.holder is not None and st.holder in self.refs:
                self.lines.append(
                    f"{self._next('R')}\t{prefix}Holder_{target} Arg1:{anchor} Arg2:{self.refs[st.holder]}"
                )

    def flush(self) -> None:
        """Write the current document's files."""
        if self.name is None:
            return
        stem = self.stems.stem(self.name)
        create_file(self.folder / f"{stem}.txt", self.text, newline="")
        create_file(self.folder / f"{stem}.ann", "".join(line + "\n" for line in self.lines), newline="")
        self.name = None

    def finish(self) -> None:
        """Write the last document, the brat configuration files and the stem-to-name map."""
        self.flush()
        create_file(self.folder / "annotation.conf", annotation_conf(self.schema))
        create_file(self.folder / "visual.conf", visual_conf(self.schema))
        names = json.dumps(self.stems.names, ensure_ascii=False, indent=1)
        create_file(self.folder / NAME_MAP, names + "\n")

    def close(self) -> WriteStats:
        """Finish the folder (see :meth:`finish`) and return the counts."""
        self.finish()
        return WriteStats(self.dropped_entities, self.dropped_triggers)


def create_file(path: Path, text: str, newline: str | None = None) -> None:
    """Write ``text`` to a new file at ``path``; FileExistsError if anything, a link too, is there."""
    fd = os.open(path, NEW_FILE, 0o666)
    try:
        handle = open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115 (closed below)
    except BaseException:
        os.close(fd)
        raise
    with handle:
        handle.write(text)


def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``, its brat type names mapped in a comment."""
    names = BratNames.of(schema)
    labels = [names.type(lab.name) for lab in schema.labels]
    any_entity = "|".join(labels)
    targets = [names.target(t.name) for t in schema.targets]
    lines = [*names.comment(), "[entities]", *labels, SENTENCE, "", "[relations]"]
    lines += [f"{p}Holder_{t}\tArg1:{SENTENCE}, Arg2:{any_entity}" for t in targets for p in ("", "Doc")]
    lines += ["<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    for et in schema.event_types:
        roles = ", ".join(f"{role}*:{any_entity}" for role in et.roles)
        lines.append(f"{names.type(et.name)}\t{roles}" if roles else names.type(et.name))
    lines += ["", "[attributes]"]
    events = "|".join(names.type(et.name) for et in schema.event_types) or "<EVENT>"
    lines += [
        f"{names.attribute(a.name)}\tArg:{events}, Value:{'|'.join(a.values)}" for a in schema.attributes
    ]
    stance_values = "|".join(schema.stance_labels)
    lines += [f"{p}Stance_{t}\tArg:{SENTENCE}, Value:{stance_values}" for t in targets for p in ("", "Doc")]
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema) -> str:
    """brat's ``visual.conf``: the schema's own names as display names, and its label colours."""
    names = BratNames.of(schema)
    lines = ["[labels]"]
    lines += [f"{names.type(lab.name)} | {lab.name}" for lab in schema.labels]
    lines += [f"{names.type(et.name)} | {et.name}" for et in schema.event_types]
    lines += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken"]
    lines += ["ARC_DEFAULT\tcolor:black, arrowHead:triangle-5"]
    lines += [f"{names.type(lab.name)}\tbgColor:{lab.color}" for lab in schema.labels]
    lines += [f"{names.type(et.name)}\tbgColor:#ffffff, borderColor:#333333" for et in schema.event_types]
    lines += [f"{SENTENCE}\tbgColor:#f5f5f5"]
    return "\n".join(lines) + "\n"
