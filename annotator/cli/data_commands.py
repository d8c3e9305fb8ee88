"""The commands that move data in and out of a project: init, import, export, stats, schema, people,
backup and restore, the window and shell completion.

Each imports the services it needs when it runs, so that ``annotator stats`` does not pay for the
readers, writers and window of the others (issue 19: the fixed cost of a command under half a second).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.console import emit
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD


def gui_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator gui`` (also no command at all): the window."""
    from annotator.gui.app import run

    return run(db, getattr(args, "annotator", None), getattr(args, "lang", None))


def init_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator init``: a new project, with the seeds unless told otherwise."""
    from annotator.services import project as projects

    project = projects.create(db, args.schema, seeds=args.seeds)
    n, where = projects.count_documents(project), projects.shown_url(project)
    print(f"created project {where} with schema {project.schema.name!r} ({n} documents)")
    project.close()
    return 0


def import_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator import``: files into the project, with a progress bar and a summary."""
    from annotator.services import project as projects
    from annotator.services import team
    from annotator.services.importing import ImportOptions, import_paths
    from annotator.terminal import BYTES, ProgressBar

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


def export_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator export``: one layer to a file (or stdout), with a progress bar and a summary."""
    from annotator.services import project as projects
    from annotator.services import team
    from annotator.services.exporting import ExportOptions, export_layer
    from annotator.terminal import ProgressBar

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


def annotators_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator annotators add|list``."""
    from annotator.services import people, team
    from annotator.services import project as projects

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


def schema_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator schema``: show, write or replace the project's schema."""
    from annotator.services import project as projects
    from annotator.services.destinations import guard_for, write_text_atomically

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


def stats_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator stats``: corpus counts and each person's."""
    from annotator.services import project as projects

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


def check_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator check``: the whole file's ``quick_check`` (what opening leaves to the background)."""
    from annotator.services import project as projects

    project = projects.open_existing(db)
    try:
        if not projects.has_file(project):
            emit(f"{projects.shown_url(project)}: a server project; its server keeps its own files")
            return 0
        problem = projects.whole_file_problem(project)
    finally:
        project.close()
    if problem is not None:
        raise AnnotatorError(problem)
    emit(f"{projects.shown_url(project)}: every page is sound")
    return 0


def backup_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator backup``: a consistent copy of the project, or the list of rolling backups."""
    from annotator.services import project as projects
    from annotator.services.destinations import check_file, guard_for

    if args.list:
        for path in projects.backups(db):
            emit(str(path))
        return 0
    if args.out:
        check_file(Path(args.out), guard_for(db))  # never over the project, a link, a folder or a device
    emit(f"backed up to {projects.backup(db, args.out)}")
    return 0


def restore_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator restore``: a backup put in place of the project (what was there is kept)."""
    from annotator.services import project as projects

    safety = projects.restore(db, args.backup)
    kept = f"; what was there is kept in {safety}" if safety else ""
    print(f"restored {args.backup}{kept}")
    return 0


def completion_command(args: argparse.Namespace, db: str | None) -> int:
    """``annotator completion SHELL``: the shell's completion script."""
    from annotator.cli.completion import script
    from annotator.cli.parser import build_parser

    emit(script(build_parser(), args.shell), end="")
    return 0
