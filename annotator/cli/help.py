"""The long help of every command: a description and examples, applied to the parser built elsewhere.

:mod:`annotator.cli.parser` says which commands and options exist; this module says what each
command is for and how it is used, so the two can grow without getting in each other's way.
``TEXTS`` maps a command (``"annotators add"`` for a nested one) to its description and examples;
:func:`apply_help` sets them on the parser, shown as written (``RawDescriptionHelpFormatter``).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import NamedTuple


class CommandHelp(NamedTuple):
    """What ``annotator COMMAND --help`` shows above the options and below them."""

    description: str
    examples: tuple[str, ...]


TEXTS: dict[str, CommandHelp] = {
    "": CommandHelp(
        "Annotate Kazakh news: entities, events and stance, sentence by sentence.\n"
        "Without a command the annotation window opens. Every command takes --db PATH (a SQLite\n"
        "file or a SQLAlchemy URL); without it, $ANNOTATOR_DB, else the default project.",
        (
            "annotator                          # open the window on the default project",
            "annotator init --db news.sqlite --seeds",
            "annotator import --db news.sqlite corpus/*.txt",
            "annotator COMMAND --help           # what a command does, with examples",
        ),
    ),
    "gui": CommandHelp(
        "Open the annotation window. The default project is made, with the seed articles, the\n"
        "first time. Without a display (no DISPLAY or WAYLAND_DISPLAY) it says so and exits 1.",
        (
            "annotator gui",
            "annotator gui --db news.sqlite --annotator aigerim",
            "annotator gui --lang kk            # the window in Kazakh (ru: Russian, en: English)",
        ),
    ),
    "init": CommandHelp(
        "Make a new, empty project with the shipped annotation schema or your own. An existing\n"
        "project is refused, untouched. The default project always gets the seed articles.",
        (
            "annotator init --seeds                      # the default project, with the seeds",
            "annotator init --db news.sqlite --schema my-schema.toml",
            "annotator init --db postgresql+psycopg://owner@server/news",
        ),
    ),
    "import": CommandHelp(
        "Import text, CoNLL, JSONL or Label Studio files into the project, all in one\n"
        "transaction: a file that fails leaves the project as it was. The format is told by each\n"
        "file's name and content unless --format says it. Labels in a file that names nobody go\n"
        "to --annotator's layer.",
        (
            "annotator import articles/*.txt",
            "annotator import --segment auto long-article.txt",
            "annotator import --annotator aigerim --status done aigerim.conll",
            "annotator import --as boss --format jsonl gold.jsonl",
        ),
    ),
    "export": CommandHelp(
        "Write one layer (an annotator's, or the adjudicated gold) for training or for another\n"
        "tool: CoNLL, JSONL, doccano, Label Studio or brat standoff. Only sentences marked done\n"
        "unless --status all. With --out - the data goes to standard output and the summary to\n"
        "standard error.",
        (
            "annotator export --format conll --annotator aigerim --out aigerim.conll",
            "annotator export --format conll --gold --separator space --out - | head -20",
            "annotator export --format jsonl --annotator aigerim --per document --status all",
            "annotator export --format brat --gold --out brat/",
        ),
    ),
    "agreement": CommandHelp(
        "Inter-annotator agreement on the sentences two or more people cover: entity F1 per pair,\n"
        "event and stance coefficients, each figure with what it rests on. --min makes it a gate\n"
        "for scripts: exit status 3 when an overall coefficient falls below the value.",
        (
            "annotator agreement",
            "annotator agreement --layer entities --annotators aigerim,daniyar --json",
            "annotator agreement --annotators aigerim,gold --html report.html",
            "annotator agreement --layer stance --min 0.6 || echo 'below 0.6'",
        ),
    ),
    "annotators": CommandHelp(
        "List the people of a project, or add an annotator or reviewer (a name without a login;\n"
        "a team project on PostgreSQL adds people with 'annotator team add').",
        ("annotator annotators list", "annotator annotators add saule --role reviewer"),
    ),
    "annotators add": CommandHelp(
        "Add a person by name, as an annotator (default) or a reviewer. Not in a team project,\n"
        "where everyone has a login: use 'annotator team add' there.",
        ("annotator annotators add aigerim", "annotator annotators add boss --role reviewer"),
    ),
    "annotators list": CommandHelp(
        "List the project's people, one per line: name, a tab, role.",
        ("annotator annotators list", "annotator annotators list --json"),
    ),
    "team": CommandHelp(
        "Add people to a team project or change their role. On PostgreSQL each person gets a\n"
        "login of their own, with the rights of their role.",
        ("annotator team add aigerim --db postgresql+psycopg://dana@server/news",),
    ),
    "team add": CommandHelp(
        "Add a person, or give an existing one another role. A new PostgreSQL login needs a\n"
        "password: typed twice at a terminal, or one line of standard input with --password-stdin.",
        (
            "annotator team add aigerim --role annotator",
            "printf '%s\\n' \"$PASSWORD\" | annotator team add boss --role reviewer --password-stdin",
        ),
    ),
    "backup": CommandHelp(
        "A consistent copy of a SQLite project, safe while the window is writing to it. Without\n"
        "--out, a new rolling generation in NAME.backups/ beside the project (a few are kept).\n"
        "A PostgreSQL project is backed up by its server (pg_dump).",
        (
            "annotator backup",
            "annotator backup --out /media/usb/news-2026-12-03.sqlite",
            "annotator backup --list",
        ),
    ),
    "restore": CommandHelp(
        "Put a backup in place of the project. What was there is backed up first (or, if it is\n"
        "damaged, moved aside), and the message says where.",
        (
            "annotator backup --list --db news.sqlite",
            "annotator restore --db news.sqlite news.backups/news-20261203-101500-000000.sqlite",
        ),
    ),
    "retokenize": CommandHelp(
        "Cut every sentence of the project with the tokenizer of version N (default: the newest)\n"
        "and remap every layer: a span keeps its characters. A sentence where someone's span edge\n"
        "falls inside a new token keeps its old tokens and is reported. A SQLite project is backed\n"
        "up first, and the last line says how to undo it (annotator restore BACKUP).",
        (
            "annotator retokenize",
            "annotator retokenize --to-version 1 --db news.sqlite",
        ),
    ),
    "schema": CommandHelp(
        "Print the annotation schema stored in the project, write it to a file, or store a new\n"
        "one. A new schema must define every label, event type, role, attribute value and stance\n"
        "name the annotations use; otherwise nothing changes.",
        (
            "annotator schema > schema.toml",
            "annotator schema --out schema.toml",
            "annotator schema --replace schema.toml",
        ),
    ),
    "train": CommandHelp(
        "Train the recommenders (entity and trigger taggers, string matcher, stance classifier) on\n"
        "the sentences the named layers marked done, store them in the project, and print held-out\n"
        "precision, recall and F1, overall and per label.",
        (
            "annotator train --from gold",
            "annotator train --from aigerim,daniyar --gazetteer places.tsv --iterations 50",
        ),
    ),
    "suggest": CommandHelp(
        "Suggestions from the trained recommenders for the sentences a person has not marked done:\n"
        "as JSONL with a score on every suggestion, or written into their layer (--apply, status\n"
        "todo, undone in the window as one batch).",
        (
            "annotator suggest --for aigerim --out suggestions.jsonl",
            "annotator suggest --for aigerim --out - --min-score 0.8 | head",
            "annotator suggest --for aigerim --apply",
        ),
    ),
    "assign": CommandHelp(
        "Give every document not yet assigned to the people named, balanced by sentence count;\n"
        "with --per-document N --overlap F, that share of them goes to N people each. Running it\n"
        "again changes nothing already assigned. --move-from hands someone's unfinished documents\n"
        "on; --dynamic and --static switch the pool on and off.",
        (
            "annotator assign --to aigerim,daniyar,saule --per-document 2 --overlap 0.25 --seed 1",
            "annotator assign --move-from daniyar --to aigerim,saule",
            "annotator assign --dynamic --per-document 2 --abandon-after 240",
        ),
    ),
    "progress": CommandHelp(
        "Per person: documents and sentences assigned and done, active time, sentences per active\n"
        "hour, last edit. Per document: who has it and whether it is ready for curation.",
        ("annotator progress", "annotator progress --json"),
    ),
    "stats": CommandHelp(
        "Corpus counts (documents, sentences, tokens) and, per annotator, entities, events, stance\n"
        "and sentences done. Reads only: a missing project is an error, never made.",
        ("annotator stats", "annotator stats --json --db news.sqlite"),
    ),
    "check": CommandHelp(
        "Check every page of a SQLite project's file (PRAGMA quick_check), read-only, while others\n"
        "work on it. Opening a project checks only what does not grow with the corpus; the window\n"
        "runs this in the background. Exits 1 when the file is damaged, naming the backup to restore.",
        ("annotator check", "annotator check --db news.sqlite && echo sound"),
    ),
    "completion": CommandHelp(
        "Print a shell completion script for annotator: commands, options, --format choices and\n"
        "file names. Load it in the shell's start-up file.",
        (
            'eval "$(annotator completion bash)"          # in ~/.bashrc',
            "annotator completion zsh > ~/.zfunc/_annotator  # with fpath+=~/.zfunc in ~/.zshrc",
            "eval `annotator completion tcsh`               # in ~/.tcshrc",
        ),
    ),
}


def subcommands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command of ``parser`` as ``(name, parser)``: ``("", parser)`` first, nested ones as ``"a b"``."""
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from subcommands(child, f"{prefix} {name}".strip())


def epilog(examples: tuple[str, ...]) -> str:
    """The ``examples:`` block shown below a command's options."""
    return "examples:\n" + "\n".join(f"  {line}" for line in examples)


def apply_help(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give every command of ``parser`` found in ``TEXTS`` its description and examples; returns it."""
    for name, command in subcommands(parser):
        text = TEXTS.get(name)
        if text is None:
            continue
        command.description = text.description
        command.epilog = epilog(text.examples)
        command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser
