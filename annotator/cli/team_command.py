"""``annotator team add NAME --role ROLE``: a person with a database login (PostgreSQL teams)."""

from __future__ import annotations

import argparse
import getpass
import sys

from annotator.core.errors import AnnotatorError
from annotator.services import project as projects
from annotator.services import team


def team_command(args: argparse.Namespace, db: str | None) -> int:
    """Add a person to the team, asking for a new login's password (or reading it from stdin)."""
    project = projects.open_or_create(db)
    try:
        password = None
        if args.password_stdin or team.needs_password(project, args.name):
            password = read_password(args.name, args.password_stdin)
        print(team.add_person(project, args.name, args.role, password))
    finally:
        project.close()
    return 0


def read_password(name: str, from_stdin: bool) -> str:
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
