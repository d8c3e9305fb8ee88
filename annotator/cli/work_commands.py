"""The commands of reviewing and team work: agreement (with its ``--min`` gate), training and
suggestions, assignment and progress.

Like :mod:`annotator.cli.data_commands`, each imports the services it needs when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import EXIT_BELOW_MIN
from annotator.console import emit
from annotator.core.choices import KINDS
from annotator.core.errors import AnnotatorError


def agreement_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator agreement``: inter-annotator agreement tables, JSON or HTML, with a ``--min`` gate."""
    from annotator.services import project as projects
    from annotator.services import review, team
    from annotator.services.compared import ComparedError
    from annotator.services.destinations import check_file, guard_of, write_text_atomically
    from annotator.services.report import agreement_tables
    from annotator.services.report_html import agreement_html

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
    from annotator.services import review

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


def train_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator train``: the recommenders trained on the project's own labels."""
    from annotator.services import project as projects
    from annotator.services import suggest_report, training_run

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


def suggest_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator suggest``: suggestions written out or applied as pre-annotations."""
    from annotator.services import preannotation, suggest_report
    from annotator.services import project as projects
    from annotator.services.destinations import atomic_file, guard_of
    from annotator.terminal import ProgressBar

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


def assign_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator assign``: documents given to people (with overlap), moved, or the pool switched."""
    from annotator.services import assignment
    from annotator.services import project as projects

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


def progress_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator progress``: who has done what."""
    from annotator.services import progress
    from annotator.services import project as projects

    project = projects.open_existing(db)
    try:
        report = progress.progress_report(project)
    finally:
        project.close()
    emit(json.dumps(report, ensure_ascii=False) if args.json else progress.describe(report))
    return 0
