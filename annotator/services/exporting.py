"""Export use case: one layer (an annotator or gold) to CoNLL, JSONL, doccano, Label Studio or brat.

A file is written to a temporary name beside its destination and renamed into place only when
complete, so a crash or an error never leaves a half-written export and an existing file is only
ever replaced by a whole one. The destination is checked first (``services.destinations``): never
the project, its side files or its backups, never a link, a folder or a device.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from annotator.core.choices import SCOPES
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, DocumentStart, Record, SentenceRecord
from annotator.core.paths import exports_dir
from annotator.core.perf import collector_paused
from annotator.core.schema import Schema
from annotator.core.tags import SCHEMES
from annotator.formats.conll_events import events_file_of
from annotator.formats.filenames import sanitize
from annotator.formats.jsonl_features import FEATURES_SUFFIX, sentence_features
from annotator.formats.jsonl_write import JsonlWriter, documents_file, labels_file, tag_names
from annotator.formats.registry import WRITERS, WriteOptions, WriterSpec
from annotator.formats.writers import Writer
from annotator.services.destinations import DestinationError, FileSet, atomic_files, atomic_folder, guard_of
from annotator.store import Project, Session, queries
from annotator.store.export import Selection, count_selected, iter_layer

Progress = Callable[[int, int], None]
POLICY = "policy: longest span kept"
DEVICE_HINT = " (to write to a device or a pipe, use --out - and redirect standard output)"


class ExportError(AnnotatorError):
    """An export that cannot be made: unknown layer, empty selection, unwritable destination."""


@dataclass(frozen=True)
class ExportOptions:
    """Choices for an export; see ``annotator export --help``."""

    fmt: str = "jsonl"
    annotator: str | None = None
    gold: bool = False
    status: str = "done"
    scheme: str = "IOB2"
    out: str | None = None
    docstart: bool = True
    events: bool = False
    per_document: bool = False
    separator: str = "tab"
    tokens: str = "objects"  # JSONL: token objects, or strings with token_offsets
    events_to: str = "file"  # CoNLL --events: a file beside the export (file) or a column (column)
    documents: tuple[str, ...] = ()  # only these documents, by name (empty: every document)


@dataclass
class ExportSummary:
    """What an export wrote, and what the overlap policy left out of flat tags."""

    destination: str
    layer: str
    documents: int = 0
    sentences: int = 0
    dropped_entities: int = 0
    dropped_triggers: int = 0
    side_notes: list[str] = field(default_factory=list)  # where JSONL's side files went, or why none
    events_file: str | None = None  # where the trigger tags went, when a file of their own
    format_title: str = ""  # the format's name for people (Label Studio JSON), for notes

    def describe(self) -> str:
        """One line for people."""
        sentences = f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"
        documents = f"{self.documents} document{'s' if self.documents != 1 else ''}"
        events = f", event triggers to {self.events_file}" if self.events_file else ""
        return f"wrote {sentences} of {documents} ({self.layer}) to {self.destination}{events}"

    def notes(self) -> list[str]:
        """Lines about overlapping spans the flat tags could not hold."""
        out = []
        if self.dropped_entities:
            out.append(f"{self.dropped_entities} overlapping entities left out of the tags ({POLICY})")
        if self.dropped_triggers:
            out.append(f"{self.dropped_triggers} overlapping triggers left out of the tags ({POLICY})")
        return out + self.side_notes


def resolve_layer(session: Session, annotator: str | None, gold: bool) -> queries.AnnotatorInfo:
    """The annotator (or gold layer) to export; with neither given, the only annotator there is."""
    if gold:
        name: str | None = GOLD
    else:
        name = annotator
    people = queries.list_annotators(session)
    if name is None:
        candidates = [a for a in people if a.role != "gold"]
        if len(candidates) != 1:
            known = ", ".join(a.name for a in candidates) or "none yet"
            raise ExportError(
                f"name the layer to export with --annotator NAME or --gold (annotators: {known})"
            )
        return candidates[0]
    found = queries.find_annotator(session, name)
    if found is None:
        known = ", ".join(a.name for a in people if a.role != "gold") or "none yet"
        raise ExportError(f"unknown annotator {name!r} (annotators: {known})")
    return found


def _document_ids(session: Session, names: tuple[str, ...]) -> tuple[int, ...]:
    """The ids of the documents called ``names`` (in that order, once each); an unknown name is an
    ExportError."""
    ids: list[int] = []
    for name in names:
        found = queries.find_document(session, name)
        if found is None:
            raise ExportError(f"the project has no document named {name!r}")
        if found[0] not in ids:
            ids.append(found[0])
    return tuple(ids)


def default_destination(project: Project, layer: str, fmt: str) -> Path:
    """``exports/PROJECT-LAYER-FORMAT.ext`` (a folder for brat), cleaned into one portable file name."""
    return exports_dir() / f"{sanitize(f'{project.name}-{layer}-{fmt}')}{WRITERS[fmt].suffix}"


def export_layer(
    project: Project, options: ExportOptions, progress: Progress | None = None, stdout: TextIO | None = None
) -> ExportSummary:
    """Export one layer as ``options`` say; raises ExportError and writes nothing on a problem."""
    spec = WRITERS.get(options.fmt)
    if spec is None:
        raise ExportError(f"unknown export format {options.fmt!r} (one of {', '.join(WRITERS)})")
    if options.scheme not in SCHEMES:
        raise ExportError(f"unknown tag scheme {options.scheme!r} (one of {', '.join(SCHEMES)})")
    if options.status not in SCOPES:
        raise ExportError(f"--status must be {' or '.join(SCOPES)}, not {options.status!r}")
    if options.out == "-" and spec.writes_folder:
        raise ExportError(f"{spec.description} is a folder of files; give --out FOLDER, not -")
    side_events = options.events and options.fmt == "conll" and options.events_to == "file"
    if side_events and options.out == "-":
        raise ExportError(
            "--events file writes the triggers to a file beside the export: give --out FILE,"
            " or --events column to have them in a column on standard output"
        )
    with collector_paused(), project.reading() as session:
        layer = resolve_layer(session, options.annotator, options.gold)
        selection = Selection(layer.id, options.status, _document_ids(session, options.documents))
        total = count_selected(session, selection)
        if total == 0:
            what = "marked done" if options.status == "done" else "in the project"
            hint = " (use --status all to export unfinished sentences)" if options.status == "done" else ""
            raise ExportError(f"nothing to export: {layer.name} has no sentences {what}{hint}")
        schema = project.schema
        records = iter_layer(
            session, selection, [a.name for a in schema.attributes], [t.name for t in schema.targets]
        )
        if options.out == "-":
            summary = ExportSummary("standard output", layer.name, format_title=spec.description)
            if options.fmt == "jsonl":
                summary.side_notes.append(STDOUT_NOTE)
            out = stdout or sys.stdout
            _to_stream(records, out, spec, _write_options(options, schema), summary, total, progress)
            return summary
        target = Path(options.out) if options.out else default_destination(project, layer.name, options.fmt)
        summary = ExportSummary(str(target), layer.name, format_title=spec.description)
        write_options = _write_options(options, schema)
        try:
            if spec.writes_folder:
                with atomic_folder(target, guard_of(project)) as folder:
                    _write(records, spec.open_folder(folder, write_options), summary, total, progress)
            elif options.fmt == "jsonl":
                _jsonl_files(project, target, records, spec, write_options, summary, total, progress)
            else:
                with atomic_files(guard_of(project)) as files:
                    handle = files.open(target, what="the export", hint=DEVICE_HINT)
                    if side_events:
                        summary.events_file = str(events_file_of(target))
                        events = files.open(events_file_of(target), what="the trigger file", hint=DEVICE_HINT)
                        write_options = replace(write_options, events_out=events)
                    elif options.fmt == "conll":
                        _remove_earlier(files, events_file_of(target), "trigger file", summary)
                    elif options.fmt == "doccano":  # JSONL: the reader would take it as this file's
                        _remove_earlier(files, documents_file(target), "document lines", summary)
                    _write(records, spec.open_stream(handle, write_options), summary, total, progress)
        except DestinationError as exc:
            raise ExportError(str(exc)) from None
        return summary


STDOUT_NOTE = (
    "standard output has no side files: each document's stance and assignees follow its sentences "
    "as lines of their own, and no label list is written (give --out FILE for the files that "
    "Hugging Face datasets loads)"
)


def _jsonl_files(
    project: Project,
    target: Path,
    records: Iterator[Record],
    spec: WriterSpec,
    options: WriteOptions,
    summary: ExportSummary,
    total: int,
    progress: Progress | None,
) -> None:
    """JSONL into ``target`` with its side files beside it: ``X.documents.jsonl`` (the document-level
    lines), ``X.labels.json`` (the tag names in ClassLabel order) and, per sentence,
    ``X.features.json`` (the sentence lines' Hugging Face features); all are written to temporary
    files and renamed into place only when all are complete, the sentence file last."""
    docs_path, labels_path = documents_file(target), labels_file(target)
    features_path = target.with_name(target.stem + FEATURES_SUFFIX)
    with atomic_files(guard_of(project)) as files:
        handle = files.open(target, what="the export", hint=DEVICE_HINT)
        labels = files.open(labels_path, what="the export's label list")
        if (
            options.per_document
        ):  # document lines are in the document objects; features describe sentence lines
            docs = None
            _remove_earlier(files, docs_path, "document lines", summary)
            _remove_earlier(files, features_path, "features", summary)
        else:
            docs = files.open(docs_path, what="the export's document lines")
            features = files.open(features_path, what="the export's features")
            attributes = [a.name for a in project.schema.attributes]
            features.write(json.dumps(sentence_features(attributes, options.tokens), indent=1) + "\n")
        writer = spec.open_stream(handle, replace(options, documents=docs))
        _write(records, writer, summary, total, progress)
        names = [lab.name for lab in project.schema.labels]
        if isinstance(writer, JsonlWriter):
            names += [name for name in writer.labels if name not in names]
        labels.write(json.dumps(tag_names(names), ensure_ascii=False, indent=1) + "\n")
    if options.per_document:
        summary.side_notes.append(f"the tag names in {labels_path.name}")
    else:
        summary.side_notes.append(
            f"document stance and assignees in {docs_path.name}, the tag names in {labels_path.name},"
            f" the features in {features_path.name}"
        )


def _remove_earlier(files: FileSet, path: Path, what: str, summary: ExportSummary) -> None:
    """Remove an earlier export's side file that this export does not write (an import would read it
    as this one's), and say so."""
    if files.remove(path):
        summary.side_notes.append(f"removed {path.name}, the {what} of an earlier export to this name")


def _write_options(options: ExportOptions, schema: Schema) -> WriteOptions:
    return WriteOptions(
        schema=schema,
        scheme=options.scheme,
        docstart=options.docstart,
        events=options.events,
        per_document=options.per_document,
        separator=options.separator,
        tokens=options.tokens,
    )


def _to_stream(
    records: Iterator[Record],
    out: TextIO,
    spec: WriterSpec,
    options: WriteOptions,
    summary: ExportSummary,
    total: int,
    progress: Progress | None,
) -> None:
    """Write to standard output; a failed write is one ExportError, a closed pipe is left to the caller."""
    try:
        _write(records, spec.open_stream(out, options), summary, total, progress)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write to standard output ({exc.strerror or exc})") from None


def _write(
    records: Iterator[Record],
    writer: Writer,
    summary: ExportSummary,
    total: int,
    progress: Progress | None,
) -> None:
    for record in records:
        writer.write(record)
        if isinstance(record, DocumentStart):
            summary.documents += 1
        elif isinstance(record, SentenceRecord):
            summary.sentences += 1
            if progress is not None and (summary.sentences % 500 == 0 or summary.sentences == total):
                progress(summary.sentences, total)
    stats = writer.close()
    summary.dropped_entities = stats.dropped_entities
    summary.dropped_triggers = stats.dropped_triggers
    if stats.left_out:
        parts = [f"{n} {one if n == 1 else many}" for one, many, n in stats.left_out]
        listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        verb = "is" if len(parts) == 1 and stats.left_out[0][2] == 1 else "are"
        summary.side_notes.append(
            f"{listed} {verb} not in the {summary.format_title} export (its format has no place for them)"
        )
