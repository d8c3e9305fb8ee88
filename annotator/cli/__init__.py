"""The ``annotator`` command: runs what :mod:`annotator.cli.parser` parsed and prints the result.

Each command calls :mod:`annotator.services`; none reaches the store itself (an import contract
in ``pyproject.toml`` says so). A command's module is imported only when it runs, and it imports
only the services it uses: ``annotator --version`` reads no service at all, and ``stats`` none of
the readers and writers (issue 19 keeps the fixed cost of any command under half a second).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from annotator.console import flush_stdout, pipe_closed
from annotator.core.errors import AnnotatorError

__all__ = ["EXIT_BELOW_MIN", "EXIT_ERROR", "build_parser", "main"]

EXIT_ERROR = 1
EXIT_BELOW_MIN = 3  # agreement --min: a layer below the minimum (annotator.cli.work_commands)

Command = Callable[[argparse.Namespace, "str | None"], int]

# command -> (module under annotator.cli, function): imported when the command runs
_COMMANDS: dict[str, tuple[str, str]] = {
    "assign": ("work_commands", "assign_command"),
    "progress": ("work_commands", "progress_command"),
    "backup": ("data_commands", "backup_command"),
    "restore": ("data_commands", "restore_command"),
    "retokenize": ("retokenize_command", "retokenize_command"),
    "gui": ("data_commands", "gui_command"),
    "init": ("data_commands", "init_command"),
    "import": ("data_commands", "import_command"),
    "agreement": ("work_commands", "agreement_command"),
    "export": ("data_commands", "export_command"),
    "annotators": ("data_commands", "annotators_command"),
    "schema": ("data_commands", "schema_command"),
    "team": ("team_command", "team_command"),
    "stats": ("data_commands", "stats_command"),
    "check": ("data_commands", "check_command"),
    "train": ("work_commands", "train_command"),
    "suggest": ("work_commands", "suggest_command"),
    "completion": ("data_commands", "completion_command"),
}


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option (:func:`annotator.cli.parser.build_parser`)."""
    from annotator.cli.parser import build_parser as build

    return build()


def command(name: str) -> Command:
    """The function that runs the command ``name``, its module imported now."""
    module, function = _COMMANDS[name]
    found: Command = getattr(importlib.import_module(f"annotator.cli.{module}"), function)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 error, 2 usage)."""
    args = build_parser().parse_args(argv)
    name = args.command or "gui"
    db = getattr(args, "db", None)
    try:
        status = int(command(name)(args, db))
    except BrokenPipeError:
        return pipe_closed()
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        status = EXIT_ERROR
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 130
    return flush_stdout(status)
