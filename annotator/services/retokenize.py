"""Re-tokenising a whole project with another version of the tokenizer, remapping every layer.

``annotator retokenize`` backs the project up first (SQLite; a PostgreSQL project is backed up by
its server), then cuts every sentence with the tokenizer of the version asked for, in one
transaction. A span keeps its character extent and maps to the new tokens that cover it exactly;
when an edge of someone's span falls inside a new token, that sentence keeps its old tokens and is
reported. The project then stores the version (``tokenizer_version`` in its metadata; a project
without it was built with version 1). ``annotator restore BACKUP`` undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.corrections import retokenized
from annotator.core.errors import AnnotatorError
from annotator.core.text import TOKENIZER_VERSION, tokenizer
from annotator.services import project as projects
from annotator.store import Project, Session, queries
from annotator.store import corrections as store
from annotator.store.engine import sqlite_file

VERSION_KEY = "tokenizer_version"


def tokenizer_version(project: Project, s: Session | None = None) -> int:
    """The tokenizer version the project was built with (1 when it never said)."""
    if s is None:
        with project.reading() as own:
            return tokenizer_version(project, own)
    value = queries.get_meta(s, VERSION_KEY)
    return int(value) if value and value.isdigit() else 1


def set_tokenizer_version(s: Session, version: int) -> None:
    """Record the tokenizer version the project's sentences are cut with."""
    queries.set_meta(s, VERSION_KEY, str(version))


@dataclass
class Retokenized:
    """What a re-tokenisation did: the versions, sentences changed, problems, and the backup."""

    before: int
    after: int
    sentences: int = 0
    changed: int = 0
    problems: list[str] = field(default_factory=list)
    backup: Path | None = None
    project_file: Path | None = None  # where the SQLite project is, for the line that says how to undo


def retokenize(project: Project, version: int | None = None, backup: bool = True) -> Retokenized:
    """Cut every sentence of the project with the tokenizer of ``version`` (default: the newest)."""
    target = TOKENIZER_VERSION if version is None else version
    try:
        split = tokenizer(target)
    except ValueError as exc:
        raise AnnotatorError(f"--to-version: {exc}") from None
    result = Retokenized(tokenizer_version(project), target, project_file=sqlite_file(project.url))
    if backup:
        result.backup = projects.rolling_backup(project)
    with project.transaction() as s:
        rows = store.every_sentence(s)
        result.sentences = len(rows)
        ordinal: dict[int, int] = {}
        for sid, doc, name, text, starts, ends in rows:
            ordinal[doc] = ordinal.get(doc, 0) + 1
            tokens = split(text)
            new_starts = tuple(t.char_start for t in tokens)
            new_ends = tuple(t.char_end for t in tokens)
            if (new_starts, new_ends) == (starts, ends):
                continue
            if not tokens:
                result.problems.append(f"{name}: sentence {ordinal[doc]}: the new tokenizer finds no token")
                continue
            state = store.take(s, doc, [sid])
            after, problems = retokenized(state, sid, new_starts, new_ends, strict=True)
            if problems:
                where = f"{name}: sentence {ordinal[doc]}"
                result.problems += [f"{where}: {p}; the sentence keeps its tokens" for p in problems]
                continue
            store.put(s, [sid], after)
            result.changed += 1
        set_tokenizer_version(s, target)
    return result
