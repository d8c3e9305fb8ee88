"""The ``annotator`` command: runs what :mod:`annotator.cli.parser` parsed and prints the result.

Each command calls :mod:`annotator.services`; none reaches the store itself (an import contract
in ``pyproject.toml`` says so).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator.cli.completion import script
from annotator.cli.parser import build_parser
from annotator.cli.retokenize_command import retokenize_command
from annotator.cli.team_command import team_command
from annotator.console import emit, flush_stdout, pipe_closed
from annotator.core.choices import KINDS
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.services import (
    assignment,
    people,
    preannotation,
    progress,
    review,
    suggest_report,
    team,
    training_run,
)
from annotator.services import project as projects
from annotator.services.compared import ComparedError
from annotator.services.destinations import (
    atomic_file,
    check_file,
    guard_for,
    guard_of,
    write_text_atomically,
)
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.report import agreement_tables
from annotator.services.report_html import agreement_html
from annotator.terminal import BYTES, ProgressBar

__all__ = ["EXIT_BELOW_MIN", "EXIT_ERROR", "build_parser", "main"]

EXIT_ERROR = 1
EXIT_BELOW_MIN = 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 error, 2 usage)."""
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    db = getattr(args, "db", None)
    try:
        status = int(_COMMANDS[command](args, db))
    except BrokenPipeError:
        return pipe_closed()
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        status = EXIT_ERROR
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 130
    return flush_stdout(status)


def _gui(args: argparse.Namespace, db: str | None) -> int:
    from annotator.gui.app import run

    return run(db, getattr(args, "annotator", None), getattr(args, "lang", None))


def _init(args: argparse.Namespace, db: str | None) -> int:
    project = projects.create(db, args.schema, seeds=args.seeds)
    n, where = projects.count_documents(project), projects.shown_url(project)
    print(f"created project {where} with schema {project.schema.name!r} ({n} documents)")
    project.close()
    return 0


def _import(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_or_create(db)
    options = ImportOptions(
        args.fmt,
        args.annotator,
        args.segment,
        args.scheme,
        args.status,
        args.rename,
        labels=args.labels,
        tag_column=args.tag_column,
        event_column=args.event_column,
        fix_homoglyphs=args.fix_homoglyphs,
    )
    bar = ProgressBar("importing", unit=BYTES)
    try:
        team.act_for_import(project, args.actor)
        summary = import_paths(project, args.paths, options, bar)
    finally:
        bar.close()
        project.close()
    for line in summary.mixed_report():  # the words mixing scripts, FILE:LINE:COL: ... (first 20)
        print(line, file=sys.stderr)
    print(summary.describe())
    return 0


def _export(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_existing(db)
    options = ExportOptions(
        fmt=args.fmt,
        annotator=args.annotator,
        gold=args.gold,
        status=args.status,
        scheme=args.scheme,
        out=args.out,
        docstart=args.docstart,
        events=args.events is not None,
        events_to=args.events or "file",
        per_document=args.per == "document",
        separator=args.separator,
        tokens=args.tokens,
        documents=tuple(args.document),
    )
    bar = ProgressBar("exporting")
    try:
        team.check_can_read(project, [GOLD if args.gold else args.annotator])
        summary = export_layer(project, options, bar)
    finally:
        bar.close()
        project.close()
    for note in summary.notes():
        print(f"annotator: note: {note}", file=sys.stderr)
    if args.out == "-":
        print(summary.describe(), file=sys.stderr)
    else:
        emit(summary.describe())
    return 0


def _agreement(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_existing(db)
    names = [n.strip() for n in args.annotators.split(",") if n.strip()] if args.annotators else None
    layers = KINDS if args.layer == "all" else (args.layer,)
    guard = guard_of(project)
    try:
        team.check_can_read(project, names or [None])
        if args.html:
            check_file(Path(args.html), guard)  # refused before any work or output
        report = review.corpus_agreement(project, names, args.status, layers)
    except ComparedError as exc:
        if names is None:
            raise
        raise AnnotatorError(f"--annotators {args.annotators}: {exc}") from None
    except review.NothingInCommon as exc:
        hint = " (try --status all)" if args.status == "done" else ""
        raise AnnotatorError(f"{exc}{hint}") from None
    finally:
        project.close()
    emit(json.dumps(report, ensure_ascii=False) if args.json else agreement_tables(report))
    if args.html:
        write_text_atomically(Path(args.html), agreement_html(report), guard, what="the report")
        print(f"wrote {args.html}", file=sys.stderr)
    return 0 if args.min is None else _gate(report, args.layer, args.min)


def _gate(report: dict[str, object], layer: str, minimum: float) -> int:
    """``--min``: a layer with no data is not agreement. Named alone it fails the gate; among
    ``all`` it is left out with a note; nothing gated with data fails it too."""
    empty = review.no_data(report, layer)
    figures = review.overall(report, layer)
    if empty and (layer != "all" or not figures):
        print(
            f"annotator: no data to gate on: nobody gave any {', '.join(empty)} in the compared sentences",
            file=sys.stderr,
        )
        return EXIT_BELOW_MIN
    if empty:
        print(f"annotator: note: {', '.join(empty)}: no data, left out of --min", file=sys.stderr)
    low = [(what, v) for what, v in figures if v is None or v < minimum]
    if low:
        shown = ", ".join(f"{what} = {'n/a' if v is None else f'{v:.3f}'}" for what, v in low)
        print(f"annotator: agreement below {minimum}: {shown}", file=sys.stderr)
        return EXIT_BELOW_MIN
    return 0


def _annotators(args: argparse.Namespace, db: str | None) -> int:
    if args.action == "add":
        project = projects.open_or_create(db)
        try:
            team.refuse_team_member(project, "annotators add (a person without a login)")
            info = people.add_annotator(project, args.name, args.role)
        finally:
            project.close()
        print(f"added {info.role} {info.name!r}")
    else:
        project = projects.open_existing(db)
        rows = people.list_annotators(project)
        if args.json:
            print(json.dumps([{"name": a.name, "role": a.role} for a in rows], ensure_ascii=False))
        else:
            for a in rows:
                print(f"{a.name}\t{a.role}")
    project.close()
    return 0


def _schema(args: argparse.Namespace, db: str | None) -> int:
    if args.replace and args.labelstudio:
        raise AnnotatorError("--labelstudio shows the stored schema's config: it does not go with --replace")
    if args.replace:
        schema = projects.replace_schema(db, args.replace)
        print(f"the project now uses schema {schema.name!r} from {args.replace}")
        return 0
    text = projects.labelstudio_config(db) if args.labelstudio else projects.stored_schema(db)
    if args.out:
        guard = guard_for(db)
        write_text_atomically(Path(args.out), text, guard, what="the schema there", parents=False)
        emit(f"wrote the project's schema to {args.out}")
    else:
        emit(text, end="")
    return 0


def _stats(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_existing(db)
    data = projects.corpus_stats(project)
    project.close()
    if args.json:
        emit(json.dumps(data, ensure_ascii=False))
        return 0
    emit(
        f"documents {data['documents']}  sentences {data['sentences']}  tokens {data['tokens']}  "
        f"tokenizer version {data['tokenizer_version']}"
    )
    for name, counts in data["annotators"].items():
        emit(
            f"  {name:<20} entities {counts['entities']:>7}  events {counts['events']:>6}  "
            f"stance {counts['stance']:>6}  done {counts['done']:>7}"
        )
    return 0


def _backup(args: argparse.Namespace, db: str | None) -> int:
    if args.list:
        for path in projects.backups(db):
            emit(str(path))
        return 0
    if args.out:
        check_file(Path(args.out), guard_for(db))  # never over the project, a link, a folder or a device
    emit(f"backed up to {projects.backup(db, args.out)}")
    return 0


def _restore(args: argparse.Namespace, db: str | None) -> int:
    safety = projects.restore(db, args.backup)
    kept = f"; what was there is kept in {safety}" if safety else ""
    print(f"restored {args.backup}{kept}")
    return 0


def _train(args: argparse.Namespace, db: str | None) -> int:
    names = suggest_report.layer_names(args.layers)
    if args.iterations < 1:
        raise AnnotatorError("--iterations: give a number of at least 1")
    project = projects.open_existing(db)
    try:
        entries = suggest_report.gazetteer(args.gazetteer, project.schema)
        result = training_run.train_here(
            project,
            names,
            entries,
            args.iterations,
            lambda line: print(f"annotator: {line}", file=sys.stderr),
        )
    finally:
        project.close()
    emit(suggest_report.describe_training(result))
    return 0


def _suggest(args: argparse.Namespace, db: str | None) -> int:
    if not 0.0 <= args.min_score <= 1.0:
        raise AnnotatorError("--min-score: give a score between 0 and 1")
    project = projects.open_existing(db)
    try:
        person = suggest_report.person_for(project, args.person)
        if args.apply:
            bar = ProgressBar("suggesting")
            try:
                report = preannotation.apply_suggestions(project, person, args.min_score, bar)
            finally:
                bar.close()
            emit(report.describe())
        elif args.out == "-":
            preannotation.write_suggestions(project, person, sys.stdout, args.min_score)
        else:
            with atomic_file(Path(args.out), guard_of(project), what="the suggestions") as out:
                lines = preannotation.write_suggestions(project, person, out, args.min_score)
            emit(f"wrote suggestions for {lines} sentence(s) {person.name} has not marked done to {args.out}")
    finally:
        project.close()
    return 0


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(",") if n.strip()]


def _assign(args: argparse.Namespace, db: str | None) -> int:
    to = _names(args.to)
    if args.dynamic or args.static:
        if args.move_from or args.to or args.overlap is not None:
            raise AnnotatorError("--dynamic and --static only switch the pool; give --to in another run")
        if args.static and (args.per_document is not None or args.abandon_after is not None):
            raise AnnotatorError("--per-document and --abandon-after go with --dynamic, not --static")
        project = projects.open_existing(db)
        try:
            pool = assignment.set_dynamic(project, args.dynamic, args.per_document, args.abandon_after)
        finally:
            project.close()
        if pool.dynamic:
            emit(
                f"dynamic mode: a window that finishes a document takes the next one with fewer than "
                f"{pool.per_document} people; a taken document left {pool.abandon_minutes} minutes goes back"
            )
        else:
            emit("dynamic mode is off: people annotate the documents assigned to them")
        return 0
    if not to:
        raise AnnotatorError("--to: name the people to give documents to (A,B,...), or give --dynamic")
    if args.abandon_after is not None:
        raise AnnotatorError("--abandon-after goes with --dynamic")
    project = projects.open_existing(db)
    try:
        if args.move_from:
            if args.overlap is not None or args.per_document not in (None, 1):
                raise AnnotatorError(
                    "--move-from moves documents one for one; leave out --per-document and --overlap"
                )
            done = assignment.move_unfinished(project, args.move_from, to, args.seed)
        else:
            per_document = 1 if args.per_document is None else args.per_document
            done = assignment.assign(project, to, per_document, args.overlap, args.seed)
    finally:
        project.close()
    emit(done.describe())
    return 0


def _progress(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_existing(db)
    try:
        report = progress.progress_report(project)
    finally:
        project.close()
    emit(json.dumps(report, ensure_ascii=False) if args.json else progress.describe(report))
    return 0


def _completion(args: argparse.Namespace, db: str | None) -> int:
    emit(script(build_parser(), args.shell), end="")
    return 0


_COMMANDS = {
    "assign": _assign,
    "progress": _progress,
    "backup": _backup,
    "restore": _restore,
    "retokenize": retokenize_command,
    "gui": _gui,
    "init": _init,
    "import": _import,
    "agreement": _agreement,
    "export": _export,
    "annotators": _annotators,
    "schema": _schema,
    "team": team_command,
    "stats": _stats,
    "train": _train,
    "suggest": _suggest,
    "completion": _completion,
}
