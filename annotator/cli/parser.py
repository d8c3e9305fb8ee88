"""The parser of the ``annotator`` command: every command and option, and nothing they do.

Every list of choices comes from a registry or a constant (formats, schemes, statuses, scopes,
kinds, levels, roles), so the help and the checks can never disagree with what is accepted.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotator import __version__
from annotator.cli.completion import SHELLS
from annotator.cli.help import apply_help
from annotator.core.choices import KINDS, LEVELS, SCOPES
from annotator.core.model import ROLES, STATUSES
from annotator.core.tags import SCHEMES
from annotator.core.text import SEGMENT_MODES
from annotator.formats.conll_write import SEPARATORS
from annotator.formats.registry import READERS, WRITERS
from annotator.formats.writers import TOKEN_FORMS


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
    gui.add_argument(
        "--lang",
        choices=("en", "kk", "ru"),
        help="interface language (default: $ANNOTATOR_LANG, else View > Language, else the system's)",
    )

    init = sub.add_parser("init", parents=[db], help="create a new project")
    init.add_argument(
        "--schema", metavar="FILE", help="annotation schema TOML (default: resources/schema.toml)"
    )
    init.add_argument("--seeds", action="store_true", help="also import the seed articles")

    imp = sub.add_parser(
        "import", parents=[db], help="import text, CoNLL, JSONL or Label Studio files (one transaction)"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help="the files to import")
    imp.add_argument(
        "--format",
        dest="fmt",
        choices=["auto", *READERS],
        default="auto",
        help=(
            "the files' format (default auto: told by each file's name and content, so a .txt"
            " in CoNLL columns is CoNLL and a .json list is Label Studio)"
        ),
    )
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
        "--labels",
        metavar="FILE",
        help="JSONL: a JSON list of tag names for integer ner_tags, in ClassLabel order "
        "(default: X.labels.json or labels.json beside the file X.jsonl)",
    )
    imp.add_argument(
        "--tag-column",
        type=int,
        default=-1,
        metavar="N",
        help="CoNLL: the column of the entity tags, 2 or more, or negative from the end"
        " (default -1, the last)",
    )
    imp.add_argument(
        "--event-column",
        type=int,
        metavar="N",
        help="CoNLL: the column of event trigger tags (default: none; triggers come from X.events.conll"
        " beside X.conll when there is one)",
    )
    imp.add_argument(
        "--rename",
        action="store_true",
        help="import a document whose name is taken by a different one under a new name",
    )
    imp.add_argument(
        "--fix-homoglyphs",
        action="store_true",
        help="in words that mix Latin and Cyrillic letters (Қaзақстан with a Latin a), map the look-alikes"
        " to the script of the rest of the word; without it such words are only reported",
    )

    exp = sub.add_parser(
        "export", parents=[db], help="export a layer to CoNLL, JSONL, doccano, Label Studio or brat standoff"
    )
    exp.add_argument("--format", dest="fmt", choices=list(WRITERS), required=True, help="the format to write")
    who = exp.add_mutually_exclusive_group()
    who.add_argument("--annotator", metavar="NAME", help="the annotator whose layer to export")
    who.add_argument("--gold", action="store_true", help="export the adjudicated gold layer")
    exp.add_argument(
        "--status",
        choices=SCOPES,
        default="done",
        help="only sentences marked done (default) or all sentences",
    )
    exp.add_argument("--scheme", choices=SCHEMES, default="IOB2", help="CoNLL tag scheme (default IOB2)")
    exp.add_argument(
        "--out", metavar="PATH", help="destination (default under exports/); - for standard output"
    )
    exp.add_argument(
        "--document", metavar="NAME", action="append", default=[], help="only this document (repeatable)"
    )
    exp.add_argument(
        "--no-docstart", dest="docstart", action="store_false", help="CoNLL: no -DOCSTART- lines"
    )
    exp.add_argument(
        "--events",
        nargs="?",
        const="file",
        choices=("file", "column"),
        help="CoNLL: event trigger tags too, in X.events.conll beside X.conll (file, the default when"
        " given alone) or in a column before the entity tags (column); default: no triggers",
    )
    exp.add_argument(
        "--separator",
        choices=list(SEPARATORS),
        default="tab",
        help="CoNLL: what goes between the columns (default tab; space is what conlleval reads as is)",
    )
    exp.add_argument(
        "--per",
        choices=LEVELS,
        default="sentence",
        help="JSONL: one object per sentence (default) or per document",
    )
    exp.add_argument(
        "--tokens",
        choices=TOKEN_FORMS,
        default="objects",
        help="JSONL: tokens as objects with their offsets (default), or as strings with the offsets "
        "in token_offsets, as a token-classification pipeline wants them",
    )

    agr = sub.add_parser(
        "agreement", parents=[db], help="inter-annotator agreement over entities, events, stance"
    )
    agr.add_argument("--layer", choices=[*KINDS, "all"], default="all", help="what to compare (default all)")
    agr.add_argument(
        "--annotators",
        metavar="A,B,...",
        help="compare these people (default: every annotator; reviewers and gold only when named)",
    )
    agr.add_argument(
        "--status",
        choices=SCOPES,
        default="done",
        help="compare the sentences people marked done (default) or all sentences; with assignments, "
        "each person only in the documents assigned to them (the overlapping documents are compared)",
    )
    agr.add_argument("--json", action="store_true", help="print one JSON object")
    agr.add_argument("--html", metavar="FILE", help="also write a self-contained HTML report with heatmaps")
    agr.add_argument(
        "--min",
        type=float,
        metavar="VALUE",
        help="exit 3 when an overall coefficient of the layer falls below VALUE, or when the layer "
        "has no data (with --layer all, layers without data are left out, with a note)",
    )

    ann = sub.add_parser("annotators", parents=[db], help="list or add annotators and reviewers")
    ann_sub = ann.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = ann_sub.add_parser("add", parents=[db], help="add an annotator")
    add.add_argument("name", help="the person's name, as the window and the exports show it")
    add.add_argument("--role", choices=ROLES, default="annotator", help="their role (default annotator)")
    lst = ann_sub.add_parser("list", parents=[db], help="list annotators")
    lst.add_argument("--json", action="store_true", help="print one JSON list")

    tm = sub.add_parser("team", parents=[db], help="add people to a team project, or change their role")
    tm_sub = tm.add_subparsers(dest="action", metavar="ACTION", required=True)
    tadd = tm_sub.add_parser(
        "add", parents=[db], help="add a person (on PostgreSQL: a login of their own) or change their role"
    )
    tadd.add_argument("name", help="the person's name (on PostgreSQL, also their login)")
    tadd.add_argument("--role", choices=ROLES, default="annotator", help="their role (default annotator)")
    tadd.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new login's password from standard input (else it is asked for)",
    )

    bk = sub.add_parser("backup", parents=[db], help="copy the project safely while it is in use")
    bk.add_argument("--out", metavar="FILE", help="where to write it (default: a new rolling backup)")
    bk.add_argument("--list", action="store_true", help="list the rolling backups instead")
    rs = sub.add_parser("restore", parents=[db], help="replace the project by a backup (after backing it up)")
    rs.add_argument("backup", metavar="BACKUP", help="the backup file to put in place (see backup --list)")
    rt = sub.add_parser(
        "retokenize", parents=[db], help="cut every sentence with another tokenizer version, remapping spans"
    )
    rt.add_argument(
        "--to-version", type=int, metavar="N", help="the tokenizer version to use (default: the newest)"
    )
    sc = sub.add_parser("schema", parents=[db], help="show the project's annotation schema, or replace it")
    what = sc.add_mutually_exclusive_group()
    what.add_argument("--out", metavar="FILE", help="write the stored schema to FILE (default: print it)")
    what.add_argument(
        "--replace", metavar="FILE", help="store this schema instead (it must define all that the data uses)"
    )
    sc.add_argument(
        "--labelstudio",
        action="store_true",
        help="show (or --out) Label Studio's labelling config for the entity labels, not the TOML",
    )
    tr = sub.add_parser(
        "train", parents=[db], help="train the recommenders on layers' done sentences and print their quality"
    )
    tr.add_argument(
        "--from", dest="layers", metavar="NAME[,NAME...]", required=True, help="layers to learn from"
    )
    tr.add_argument("--gazetteer", metavar="FILE.tsv", help="also known phrases: text<TAB>label lines")
    tr.add_argument(
        "--iterations", type=int, default=100, metavar="N", help="L-BFGS iterations (default 100)"
    )
    sg = sub.add_parser("suggest", parents=[db], help="suggestions for a person's not-done sentences")
    sg.add_argument(
        "--for", dest="person", metavar="NAME", required=True, help="the person suggestions are for"
    )
    where = sg.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="FILE.jsonl", help="write them as JSONL (- for standard output)")
    where.add_argument("--apply", action="store_true", help="pre-annotate NAME's layer (status stays todo)")
    sg.add_argument(
        "--min-score",
        type=float,
        default=0.5,
        metavar="S",
        help="leave out suggestions below S (default 0.5)",
    )
    _assign_parser(sub, db)
    pg = sub.add_parser(
        "progress", parents=[db], help="per person: assigned, done, active time; per document: ready or not"
    )
    pg.add_argument("--json", action="store_true", help="print one JSON object")
    st = sub.add_parser("stats", parents=[db], help="corpus and per-annotator counts")
    st.add_argument("--json", action="store_true", help="print one JSON object")
    sub.add_parser("check", parents=[db], help="check every page of a SQLite project's file")
    cp = sub.add_parser("completion", help="print the shell completion script for bash, zsh or tcsh")
    cp.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    return apply_help(parser)


def _assign_parser(sub: Any, db: argparse.ArgumentParser) -> None:
    """``annotator assign``: give documents to people, move them, or switch the pool on or off."""
    asg = sub.add_parser(
        "assign",
        parents=[db],
        help="give every unassigned document to people, some to several (a reviewer's or manager's)",
    )
    asg.add_argument("--to", metavar="A,B,...", help="the people to give documents to")
    asg.add_argument(
        "--per-document",
        type=int,
        default=None,
        metavar="N",
        help="people per overlapping document (default 1); with --dynamic, per document (default: as before)",
    )
    asg.add_argument(
        "--overlap",
        type=float,
        metavar="FRACTION",
        help="share of the documents that go to N people (default: all of them when N > 1)",
    )
    asg.add_argument("--seed", type=int, default=0, metavar="S", help="the same seed gives the same plan")
    asg.add_argument(
        "--move-from", metavar="NAME", help="give NAME's unfinished documents to the people of --to instead"
    )
    mode = asg.add_mutually_exclusive_group()
    mode.add_argument(
        "--dynamic",
        action="store_true",
        help="switch the pool on: a window that finishes a document takes the next one short of N people",
    )
    mode.add_argument("--static", action="store_true", help="switch the pool off")
    asg.add_argument(
        "--abandon-after",
        type=int,
        metavar="MINUTES",
        help="dynamic mode: a taken document left this long goes back to the pool (default 480)",
    )
