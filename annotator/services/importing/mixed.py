"""Mixed-script words met in an import: reported with where they are in their file, and fixed
with ``--fix-homoglyphs`` (see :mod:`annotator.core.scripts`).

Where a word is, ``FILE:LINE:COL`` (1-based, COL counted in characters of the line), per format:

- plain text: the line and column of the word's first letter in the file;
- CoNLL: the token's line, and the word's column in it (the token is in the first column);
- JSONL (every dialect): the line of the JSON object, and the column where the word is spelled in
  that line (as it is, or as a ``\\u`` escape), counted from the ``"text"`` key; column 1 when it
  cannot be found there (a text that was not in NFC in the file);
- Label Studio: the line where the word is spelled in the task's text, from the line the task
  starts on (a span's own ``"text"`` value that is just the word is passed over).

Only the first :data:`SHOWN` words are located and listed; the others are counted. The text is
fixed before anything is stored, so offsets and the documents' content hash are of the fixed text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core.model import DocumentStart, ImportSummary, SentenceRecord, Token, TokenList
from annotator.core.scripts import MixedWord, describe, fix_text, mixed_words
from annotator.formats.lines import read_lines

SHOWN = 20  # report lines shown; the rest are counted ("… and N more")
_ESCAPE = re.compile(r"\\u[0-9a-f]{4}")


@dataclass
class _Found:
    """A word to list, and where it is (COL found at the file's end for the JSON formats)."""

    word: MixedWord
    line: int
    column: int | None = None
    occurrence: int = 0  # JSON: the word's how-many-th appearance in the object (from 0)


class MixedScripts:
    """Finds the mixed-script words of the records an import reads, and fixes them if asked."""

    def __init__(self, summary: ImportSummary, fix: bool):
        self.summary = summary
        self.fix = fix
        self.path = Path()
        self.fmt = "txt"
        self.found: list[_Found] = []  # this file's words still to list
        self.seen: dict[tuple[int, str], int] = {}  # JSON: (object's line, word) -> appearances so far
        self.document_text = False  # the current document's text was checked as a whole

    def begin_file(self, path: Path, fmt: str) -> None:
        """Start reading ``path`` (in format ``fmt``)."""
        self.path, self.fmt = path, fmt
        self.found, self.seen = [], {}

    def document(self, start: DocumentStart) -> DocumentStart:
        """Check (and fix) a document's text when the file gives it whole."""
        self.document_text = start.text is not None
        if start.text is None:
            return start
        words = list(mixed_words(start.text))
        if not words:
            return start
        line = start.line or 1
        if self.fmt == "txt":
            breaks = [i for i, ch in enumerate(start.text) if ch == "\n"]
            for w in words:
                n = bisect_right(breaks, w.start - 1)
                column = w.start - (breaks[n - 1] + 1 if n else 0) + 1
                self.add(w, line + n, column)
        else:
            for w in words:
                self.add(w, line)
        return replace(start, text=fix_text(start.text)) if self.fix else start

    def sentence(self, record: SentenceRecord) -> SentenceRecord:
        """Check a sentence (unless its document's text was) and fix it if asked."""
        text = record.text
        if text.isascii():
            return record
        if not self.document_text:
            words = list(mixed_words(text))
            if self.fmt == "conll" and words:
                starts = [t.char_start for t in record.tokens]
                for w in words:
                    k = bisect_right(starts, w.start) - 1
                    self.add(w, (record.line or 1) + k, w.start - starts[k] + 1)
            else:
                for w in words:
                    self.add(w, record.line or 1)
        if not self.fix:
            return record
        fixed = fix_text(text)
        if fixed == text:
            return record
        tokens = record.tokens
        if isinstance(tokens, TokenList):
            tokens = TokenList(fixed, tokens.starts, tokens.ends)
        else:
            tokens = tuple(Token(fixed[t.char_start : t.char_end], t.char_start, t.char_end) for t in tokens)
        return replace(record, text=fixed, tokens=tokens)

    def add(self, word: MixedWord, line: int, column: int | None = None) -> None:
        """Count a word, and keep it to list when it is among the first :data:`SHOWN`."""
        summary = self.summary
        summary.mixed_words += 1
        if self.fix:
            if word.fixable:
                summary.mixed_fixed += 1
            else:
                summary.mixed_unfixable += 1
        key = (line, word.word)
        occurrence = self.seen.get(key, 0)
        self.seen[key] = occurrence + 1
        if summary.mixed_words <= SHOWN:
            self.found.append(_Found(word, line, column, occurrence))

    def end_file(self) -> None:
        """List this file's words, with their columns found in the file when the format needs it."""
        if not self.found:
            return
        if any(f.column is None for f in self.found):
            _find_columns(self.path, self.found, across_lines=self.fmt == "labelstudio")
        for f in self.found:
            where = f"{self.path}:{f.line}:{f.column or 1}"
            line = f"{where}: {describe(f.word)}"
            if self.fix:
                line += f" (fixed: {f.word.fixed!r})" if f.word.fixable else " (not fixed: no look-alike)"
            self.summary.mixed.append(line)
            if not self.summary.mixed_first:
                self.summary.mixed_first = where
        self.found = []


def _spellings(word: str) -> list[str]:
    """How a JSON file may spell ``word``: as it is, or with ``\\u`` escapes (either case of hex)."""
    escaped = json.dumps(word)[1:-1]
    upper = _ESCAPE.sub(lambda m: m.group().upper().replace("\\U", "\\u"), escaped)
    return list(dict.fromkeys([word, escaped, upper]))


def _places(line: str, word: str, start: int, strict: bool) -> list[int]:
    """Where ``word`` is spelled in ``line`` from ``start``, leaving out a JSON string that is just
    the word (a span's or token's own ``"text"``) unless there is nothing else (and not ``strict``)."""
    hits: list[tuple[int, int]] = []
    for spelling in _spellings(word):
        at = line.find(spelling, start)
        while at >= 0:
            hits.append((at, len(spelling)))
            at = line.find(spelling, at + 1)
    hits.sort()
    inside = [a for a, n in hits if not (line[a - 1 : a] == '"' and line[a + n : a + n + 1] == '"')]
    return inside if inside or strict else [a for a, _ in hits]


def _find_columns(path: Path, found: list[_Found], across_lines: bool) -> None:
    """Set the line and column of each JSON-located word: its appearance number ``occurrence``
    from the ``"text"`` key of the object's line (or, ``across_lines``, from that line on)."""
    waiting = sorted((f for f in found if f.column is None), key=lambda f: f.line)
    if not waiting:
        return
    active: list[tuple[_Found, int]] = []  # words being looked for over several lines, how many to skip
    i = 0
    for number, text in read_lines(path):
        while i < len(waiting) and waiting[i].line == number:
            active.append((waiting[i], waiting[i].occurrence))
            i += 1
        still = []
        for f, skip in active:
            key = text.find('"text"')
            places = _places(text, f.word.word, key if key >= 0 and not across_lines else 0, across_lines)
            if skip < len(places):
                f.line, f.column = number, places[skip] + 1
            elif across_lines:
                still.append((f, skip - len(places)))
            else:
                f.column = 1
        active = still
        if not active and i >= len(waiting):
            return
