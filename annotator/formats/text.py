"""Plain-text reader: one document per file, named after the file stem."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentStart, Record, SentenceRecord
from annotator.core.text import TOKENIZER_VERSION, normalize, segment, tokenizer
from annotator.formats.lines import ProgressFn, read_lines


def read_text(
    path: Path,
    segment_mode: str = "lines",
    progress: ProgressFn | None = None,
    tokenizer_version: int = TOKENIZER_VERSION,
) -> Iterator[Record]:
    """Read a UTF-8 text file, NFC-normalise it, segment it and tokenize every sentence.

    ``segment_mode`` is ``lines`` (one sentence per line, blank lines end paragraphs) or ``auto``
    (running text). The document text keeps the file's text with ``\\n`` line endings. Sentences
    and tokens are cut by the rules of ``tokenizer_version`` (the project's).
    """
    tokenize = tokenizer(tokenizer_version)
    lines = [line for _, line in read_lines(path, progress)]
    text = normalize("\n".join(lines) + "\n")
    yield DocumentStart(name=path.stem, source=str(path), text=text, line=1)
    line_starts = _line_starts(text)
    for seg in segment(text, segment_mode, tokenizer_version):
        sentence = text[seg.start : seg.end]
        tokens = tuple(tokenize(sentence))
        yield SentenceRecord(
            text=sentence,
            tokens=tokens,
            paragraph=seg.paragraph,
            start=seg.start,
            line=_line_of(line_starts, seg.start),
        )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset)
