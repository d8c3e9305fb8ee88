"""Importing files: each is checked, then all are read into the project in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import ImportSummary
from annotator.core.perf import collector_paused
from annotator.core.validate import LayerError, check_status
from annotator.formats import ReadOptions, detect_format, read
from annotator.formats.conll_events import events_file_of, is_file, trigger_column
from annotator.formats.jsonl.hf import load_labels
from annotator.formats.lines import check_readable
from annotator.formats.side_files import side_file
from annotator.services.importing.job import ImportJob
from annotator.services.importing.options import DEFAULTS, ImportOptions
from annotator.store import Project, sentence_search
from annotator.store.tokenizing import tokenizer_version

Progress = Callable[[int, int], None]


def import_paths(
    project: Project,
    paths: Sequence[str | Path],
    options: ImportOptions = DEFAULTS,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import ``paths`` into ``project`` in one transaction and say what was done.

    Raises InputError (file, line, problem) on bad input; the database is then unchanged.
    """
    files, skipped = _without_side_files([Path(p) for p in paths])
    if not files:
        raise InputError(None, None, "no files to import")
    try:
        check_status(options.status)
    except LayerError as exc:
        raise InputError(None, None, str(exc)) from None
    sizes = []
    formats = []
    for path in files:
        check_readable(path)
        formats.append(detect_format(path, options.fmt))
        sizes.append(path.stat().st_size)
    total = sum(sizes)
    labels = load_labels(Path(options.labels)) if options.labels is not None else None
    summary = ImportSummary(files=[str(p) for p in files], notes=skipped)
    if options.annotator is not None:
        summary.unlabelled = [str(p) for p, fmt in zip(files, formats, strict=True) if fmt == "txt"]
    with collector_paused(), project.transaction() as session:
        job = ImportJob(session, project.schema, options, summary, strict=project.login is not None)
        sentence_search.defer(session)  # indexed for search later, in the background (catch_up_some)
        version = tokenizer_version(session)  # the project's: an old project keeps cutting as before
        done = 0
        for path, size, fmt in zip(files, sizes, formats, strict=True):
            read_opts = ReadOptions(
                project.schema,
                options.annotator,
                options.segment,
                options.scheme,
                options.status,
                labels,
                tag_column=options.tag_column,
                event_column=options.event_column,
                tokenizer_version=version,
            )

            def file_progress(n: int, base: int = done) -> None:
                if progress is not None:
                    progress(base + n, total)

            job.run(path, read(path, fmt, read_opts, file_progress), fmt)
            if fmt == "conll" and options.event_column is None:
                summary.notes += _trigger_notes(path, project, options.tag_column)
            done += size
        job.give_assignments()
        sentence_search.settle(session)  # PostgreSQL: the search index's new entries merged once
    project.fold_log()
    return summary


def _without_side_files(files: list[Path]) -> tuple[list[Path], list[str]]:
    """``files`` without the side files whose main file is among them (a glob), and a note on each
    one passed over; a label list or features file given without its main file is refused."""
    kept, notes = [], []
    for path in files:
        side = side_file(path, files)
        if side is None:
            kept.append(path)
        elif any(side.main.resolve() == other.resolve() for other in files if other is not path):
            how = "read with it" if side.read_with_main else "not imported by itself"
            notes.append(f"{path}: passed over, the {side.what} of {side.main.name} ({how})")
        elif not side.read_with_main:
            hint = " (a label list goes with --labels FILE)" if side.what == "label list" else ""
            raise InputError(
                path, None, f"is the {side.what} of {side.main.name}: import {side.main.name}{hint}"
            )
        else:
            kept.append(path)  # its reader says which file to import, when that file is there
    return kept, notes


def _trigger_notes(path: Path, project: Project, tag_column: int) -> list[str]:
    """Where a CoNLL file's triggers came from (its trigger file), or which of its columns looks
    like triggers that were not read (``--event-column`` not given)."""
    if is_file(events_file_of(path)):
        return [f"{path}: triggers read from {events_file_of(path).name}"]
    column = trigger_column(path, [et.name for et in project.schema.event_types], tag_column)
    if column is None:
        return []
    return [f"{path}: column {column} looks like event triggers: import with --event-column {column}"]
