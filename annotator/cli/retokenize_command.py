"""``annotator retokenize [--to-version N]``: the project re-cut with another tokenizer version."""

from __future__ import annotations

import argparse
import sys

from annotator.console import emit
from annotator.services import project as projects
from annotator.services import retokenize as retokenizing


def retokenize_command(args: argparse.Namespace, db: str | None) -> int:
    """Re-cut every sentence with tokenizer ``--to-version`` and say what changed and how to undo it."""
    project = projects.open_existing(db)
    try:
        done = retokenizing.retokenize(project, args.to_version)
    finally:
        project.close()
    for problem in done.problems:
        print(f"annotator: {problem}", file=sys.stderr)
    emit(
        f"tokenizer version {done.before} → {done.after}: {done.changed} of {done.sentences} sentences "
        f"re-tokenised, {len(done.problems)} left as they were (a span does not fit the new tokens)"
    )
    if done.own:
        emit(
            f"{done.own} sentences keep their own tokens (corrected by hand, or given by the file"
            " they came from): the tokenizer did not make them"
        )
    if done.backup is not None:
        emit(f"to undo: annotator restore --db {done.project_file} {done.backup}")
    else:
        emit("to undo: restore the server's backup taken before (pg_dump); nothing was backed up here")
    return 0
