"""The ``annotator`` command: argument parsing only; every command calls a services function."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.console import emit, flush_stdout, pipe_closed
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, ROLES, STATUSES
from annotator.core.tags import SCHEMES
from annotator.core.text import SEGMENT_MODES
from annotator.services import project as projects
from annotator.services import review, team
from annotator.services.compared import ComparedError
from annotator.services.destinations import check_file, guard_for, guard_of, write_text_atomically
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.report import agreement_html, agreement_tables
from annotator.store import queries
from annotator.store.engine import display_url
from annotator.terminal import ProgressBar

EXIT_ERROR = 1
EXIT_BELOW_MIN = 3


def _db_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="project database: a SQLite file or a SQLAlchemy URL "
        "(default: $ANNOTATOR_DB, else the default project)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option."""
    db = _db_option()
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Kazakh news: entities, events and stance, sentence by sentence.",
        parents=[db],
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[db], help="open the annotation window (the default command)")
    gui.add_argument("--annotator", metavar="NAME", help="annotate as NAME (else a dialog asks)")

    init = sub.add_parser("init", parents=[db], help="create a new project")
    init.add_argument(
        "--schema", metavar="FILE", help="annotation schema TOML (default: resources/schema.toml)"
    )
    init.add_argument("--seeds", action="store_true", help="also import the seed articles")

    imp = sub.add_parser("import", parents=[db], help="import .txt, CoNLL or JSONL files (one transaction)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--format", dest="fmt", choices=["auto", "txt", "conll", "jsonl"], default="auto")
    imp.add_argument("--annotator", metavar="NAME", help="owner of the labels in files that name nobody")
    imp.add_argument(
        "--as", dest="actor", metavar="REVIEWER", help="a reviewer's name: needed to import a gold layer"
    )
    imp.add_argument(
        "--segment",
        choices=SEGMENT_MODES,
        default="lines",
        help="text files: one sentence per line (lines) or running text (auto)",
    )
    imp.add_argument("--scheme", choices=("auto", *SCHEMES), default="auto", help="CoNLL tag scheme")
    imp.add_argument(
        "--status",
        choices=STATUSES,
        default="todo",
        help="status given to the imported annotator's sentences (default todo)",
    )
    imp.add_argument(
        "--rename",
        action="store_true",
        help="import a document whose name is taken by a different one under a new name",
    )

    exp = sub.add_parser("export", parents=[db], help="export a layer to CoNLL, JSONL or brat standoff")
    exp.add_argument("--format", dest="fmt", choices=["conll", "jsonl", "brat"], required=True)
    who = exp.add_mutually_exclusive_group()
    who.add_argument("--annotator", metavar="NAME", help="the annotator whose layer to export")
    who.add_argument("--gold", action="store_true", help="export the adjudicated gold layer")
    exp.add_argument(
        "--status",
        choices=["done", "all"],
        default="done",
        help="only sentences marked done (default) or all sentences",
    )
    exp.add_argument("--scheme", choices=SCHEMES, default="IOB2", help="CoNLL tag scheme (default IOB2)")
    exp.add_argument(
        "--out", metavar="PATH", help="destination (default under exports/); - for standard output"
    )
    exp.add_argument(
        "--no-docstart", dest="docstart", action="store_false", help="CoNLL: no -DOCSTART- lines"
    )
    exp.add_argument("--events", action="store_true", help="CoNLL: a third column with event trigger tags")
    exp.add_argument(
        "--per",
        choices=["sentence", "document"],
        default="sentence",
        help="JSONL: one object per sentence (default) or per document",
    )

    agr = sub.add_parser(
        "agreement", parents=[db], help="inter-annotator agreement over entities, events, stance"
    )
    agr.add_argument("--layer", choices=["entities", "events", "stance", "all"], default="all")
    agr.add_argument(
        "--annotators",
        metavar="A,B,...",
        help="compare these people (default: every annotator; reviewers and gold only when named)",
    )
    agr.add_argument(
        "--status",
        choices=["done", "all"],
        default="done",
        help="compare sentences every annotator marked done (default) or all sentences",
    )
    agr.add_argument("--json", action="store_true", help="print one JSON object")
    agr.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report with heatmaps")
    agr.add_argument(
        "--min",
        type=float,
        metavar="VALUE",
        help="exit 3 when an overall coefficient of the layer falls below VALUE",
    )

    ann = sub.add_parser("annotators", parents=[db], help="list or add annotators and reviewers")
    ann_sub = ann.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = ann_sub.add_parser("add", parents=[db], help="add an annotator")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="annotator")
    lst = ann_sub.add_parser("list", parents=[db], help="list annotators")
    lst.add_argument("--json", action="store_true")

    tm = sub.add_parser("team", parents=[db], help="add people to a team project, or change their role")
    tm_sub = tm.add_subparsers(dest="action", metavar="ACTION", required=True)
    tadd = tm_sub.add_parser(
        "add", parents=[db], help="add a person (on PostgreSQL: a login of their own) or change their role"
    )
    tadd.add_argument("name")
    tadd.add_argument("--role", choices=ROLES, default="annotator")
    tadd.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new login's password from standard input (else it is asked for)",
    )

    bk = sub.add_parser("backup", parents=[db], help="copy the project safely while it is in use")
    bk.add_argument("--out", metavar="FILE", help="where to write it (default: a new rolling backup)")
    bk.add_argument("--list", action="store_true", help="list the rolling backups instead")
    rs = sub.add_parser("restore", parents=[db], help="replace the project by a backup (after backing it up)")
    rs.add_argument("backup", metavar="BACKUP")
    sc = sub.add_parser("schema", parents=[db], help="show the project's annotation schema, or replace it")
    what = sc.add_mutually_exclusive_group()
    what.add_argument("--out", metavar="FILE", help="write the stored schema to FILE (default: print it)")
    what.add_argument(
        "--replace", metavar="FILE", help="store this schema instead (it must define all that the data uses)"
    )
    st = sub.add_parser("stats", parents=[db], help="corpus and per-annotator counts")
    st.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


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

    return run(db, getattr(args, "annotator", None))


def _init(args: argparse.Namespace, db: str | None) -> int:
    project = projects.create(db, args.schema, seeds=args.seeds)
    with project.reading() as session:
        n = queries.count_documents(session)
    print(f"created project {display_url(project.url)} with schema {project.schema.name!r} ({n} documents)")
    project.close()
    return 0


def _import(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_or_create(db)
    options = ImportOptions(args.fmt, args.annotator, args.segment, args.scheme, args.status, args.rename)
    bar = ProgressBar("importing")
    try:
        team.act_for_import(project, args.actor)
        summary = import_paths(project, args.paths, options, bar)
    finally:
        bar.close()
        project.close()
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
        events=args.events,
        per_document=args.per == "document",
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
    layers = review.LAYERS if args.layer == "all" else (args.layer,)
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
    finally:
        project.close()
    emit(json.dumps(report, ensure_ascii=False) if args.json else agreement_tables(report))
    if args.html:
        write_text_atomically(Path(args.html), agreement_html(report), guard, what="the report")
        print(f"wrote {args.html}", file=sys.stderr)
    if args.min is not None:
        low = [(what, v) for what, v in review.overall(report, args.layer) if v is None or v < args.min]
        if low:
            shown = ", ".join(f"{what} = {'n/a' if v is None else f'{v:.3f}'}" for what, v in low)
            print(f"annotator: agreement below {args.min}: {shown}", file=sys.stderr)
            return EXIT_BELOW_MIN
    return 0


def _annotators(args: argparse.Namespace, db: str | None) -> int:
    if args.action == "add":
        project = projects.open_or_create(db)
        try:
            team.refuse_team_member(project, "annotators add (a person without a login)")
            with project.transaction() as session:
                info = queries.add_annotator(session, args.name, args.role)
        finally:
            project.close()
        print(f"added {info.role} {info.name!r}")
    else:
        project = projects.open_existing(db)
        with project.reading() as session:
            rows = queries.list_annotators(session)
        if args.json:
            print(json.dumps([{"name": a.name, "role": a.role} for a in rows], ensure_ascii=False))
        else:
            for a in rows:
                print(f"{a.name}\t{a.role}")
    project.close()
    return 0


def _team(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_or_create(db)
    try:
        password = None
        if args.password_stdin or team.needs_password(project, args.name):
            password = _read_password(args.name, args.password_stdin)
        print(team.add_person(project, args.name, args.role, password))
    finally:
        project.close()
    return 0


def _read_password(name: str, from_stdin: bool) -> str:
    """A new login's password: one line of standard input, or typed twice at a terminal."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"password for {name}: ")
        if getpass.getpass("the same again: ") != password:
            raise AnnotatorError("the two passwords differ; nothing was changed")
    else:
        raise AnnotatorError(f"{name} needs a password: give it on standard input with --password-stdin")
    if not password:
        raise AnnotatorError(f"{name} needs a password that is not empty")
    return password


def _schema(args: argparse.Namespace, db: str | None) -> int:
    if args.replace:
        schema = projects.replace_schema(db, args.replace)
        print(f"the project now uses schema {schema.name!r} from {args.replace}")
        return 0
    text = projects.stored_schema(db)
    if args.out:
        guard = guard_for(db)
        write_text_atomically(Path(args.out), text, guard, what="the schema there", parents=False)
        emit(f"wrote the project's schema to {args.out}")
    else:
        emit(text, end="")
    return 0


def _stats(args: argparse.Namespace, db: str | None) -> int:
    project = projects.open_existing(db)
    with project.reading() as session:
        data = queries.stats(session)
    project.close()
    if args.json:
        emit(json.dumps(data, ensure_ascii=False))
        return 0
    emit(f"documents {data['documents']}  sentences {data['sentences']}  tokens {data['tokens']}")
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


_COMMANDS = {
    "backup": _backup,
    "restore": _restore,
    "gui": _gui,
    "init": _init,
    "import": _import,
    "agreement": _agreement,
    "export": _export,
    "annotators": _annotators,
    "schema": _schema,
    "team": _team,
    "stats": _stats,
}
