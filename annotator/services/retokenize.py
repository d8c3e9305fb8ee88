"""Re-tokenising a whole project with another version of the tokenizer, remapping every layer.

``annotator retokenize`` backs the project up first (SQLite; a PostgreSQL project is backed up by
its server), then cuts every sentence with the tokenizer of the version asked for, in one
transaction. A sentence whose tokens the project's tokenizer did not make (corrected by hand, or
given by a CoNLL or JSONL file) keeps them: re-tokenising redoes only the tokenizer's own work.
A span keeps its character extent and maps to the new tokens that cover it exactly; when an edge
of someone's span falls inside a new token, that sentence keeps its old tokens and is reported.
The project then stores the version (``tokenizer_version`` in its metadata; a project without it
was built with version 1). ``annotator restore BACKUP`` undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.corrections import retokenized
from annotator.core.errors import AnnotatorError
from annotator.core.text import TOKENIZER_VERSION, tokenizer
from annotator.services import project as projects
from annotator.store import Project, Session, tokenizing
from annotator.store import corrections as store
from annotator.store.engine import sqlite_file


def tokenizer_version(project: Project, s: Session | None = None) -> int:
    """The tokenizer version the project was built with (1 when it never said)."""
    if s is None:
        with project.reading() as own:
            return tokenizing.tokenizer_version(own)
    return tokenizing.tokenizer_version(s)


@dataclass
class Retokenized:
    """What a re-tokenisation did: the versions, sentences changed, problems, and the backup."""

    before: int
    after: int
    sentences: int = 0
    changed: int = 0
    own: int = 0  # sentences whose tokens the old tokenizer did not make (a correction, a CoNLL file)
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
    made_by = tokenizer(result.before)
    if backup:
        result.backup = projects.rolling_backup(project)
    with project.transaction() as s:
        rows = store.every_sentence(s)
        result.sentences = len(rows)
        counted: dict[int, int] = {}  # document → sentences seen so far
        ordinal: dict[int, int] = {}  # sentence → its place in its document, from 1
        cuts: dict[int, dict[int, tuple[tuple[int, ...], tuple[int, ...]]]] = {}  # document → sentence → cut
        for sid, doc, name, text, starts, ends in rows:
            counted[doc] = counted.get(doc, 0) + 1
            ordinal[sid] = counted[doc]
            made = made_by(text)
            if (tuple(t.char_start for t in made), tuple(t.char_end for t in made)) != (starts, ends):
                result.own += 1  # cut by hand or given by the file (CoNLL): not the tokenizer's to redo
                continue
            tokens = split(text)
            new = (tuple(t.char_start for t in tokens), tuple(t.char_end for t in tokens))
            if new == (starts, ends):
                continue
            if not tokens:
                result.problems.append(f"{name}: sentence {ordinal[sid]}: the new tokenizer finds no token")
                continue
            cuts.setdefault(doc, {})[sid] = new
        names = {doc: name for _, doc, name, *_ in rows}
        for doc, sentences in cuts.items():  # one read and one write per document, not per sentence
            state = store.take(s, doc, list(sentences))
            for sid, (starts, ends) in sentences.items():
                after, problems = retokenized(state, sid, starts, ends, strict=True)
                if problems:
                    where = f"{names[doc]}: sentence {ordinal[sid]}"
                    result.problems += [f"{where}: {p}; the sentence keeps its tokens" for p in problems]
                    continue
                state = after
                result.changed += 1
            store.put(s, state.ids, state)
        tokenizing.set_tokenizer_version(s, target)
    return result
