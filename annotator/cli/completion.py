"""``annotator completion SHELL``: a shell completion script made by shtab from the parser itself.

Commands, options and every ``choices`` list (``--format`` from the registries among them) come
from the parser, so the script can never offer what the command refuses. Options and arguments
that name a file or folder (metavar ``PATH``, ``FILE``, ``FILE.*``, ``BACKUP``) complete file names.
"""

from __future__ import annotations

import argparse

from annotator.cli.help import subcommands

SHELLS = ("bash", "zsh", "tcsh")
PATH_METAVARS = ("PATH", "FILE", "BACKUP")


def names_a_path(action: argparse.Action) -> bool:
    """Whether an option or argument takes a file or folder name (told by its metavar)."""
    metavar = action.metavar if isinstance(action.metavar, str) else ""
    return metavar in PATH_METAVARS or metavar.startswith("FILE.")


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``shell`` (one of :data:`SHELLS`)."""
    import shtab

    for _, command in subcommands(parser):
        for action in command._actions:
            if names_a_path(action):
                action.complete = shtab.FILE  # type: ignore[attr-defined]  # what shtab reads
    return str(shtab.complete(parser, shell=shell))
