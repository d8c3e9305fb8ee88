"""Text pipeline: NFC normalisation, sentence segmentation and a tokenizer that keeps offsets.

All offsets are Python string indices (Unicode code points), ends exclusive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add

from annotator.core.model import Token, TokenList, token_offsets

SEGMENT_MODES = ("lines", "auto")


def normalize(text: str) -> str:
    """Return ``text`` in Unicode normal form C (composed letters such as ә, ң, ү)."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence found in a document: offsets into the document text and its paragraph number."""

    start: int
    end: int
    paragraph: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_lines(text: str) -> list[Segment]:
    """One sentence per non-blank line; a blank line ends a paragraph.

    Leading and trailing white space of each line stays outside the sentence.
    """
    segments: list[Segment] = []
    paragraph = 0
    pos = 0
    pending_break = False
    for line in text.splitlines(keepends=True):
        start, end = _trimmed(text, pos, pos + len(line))
        pos += len(line)
        if start == end:
            pending_break = bool(segments)
            continue
        if pending_break:
            paragraph += 1
            pending_break = False
        segments.append(Segment(start, end, paragraph))
    return segments


# Abbreviations after which a full stop never ends a sentence: titles and words that come before
# a name or a number (lower case, without the final dot). List-closing abbreviations such as
# "т.б." may end a sentence and are not here.
ABBREVIATIONS = frozenset(
    (
        "ж жж б.з.д б.з ғ ғғ г гг им ул көш пр обл ауд акад проф доц мыс тел "
        "mr mrs ms dr prof st no vs jr sr e.g i.e"
    ).split()
)

# Abbreviations with inner full stops that the tokenizer keeps whole: "т.б.", "т.с.с.", "б.з.д.".
_DOTTED_ABBREVIATION = r"(?:т\.с\.с|т\.б|т\.т|б\.з\.д|б\.з|e\.g|i\.e)\."

_CLOSERS = "»”\"'’)]"
_OPENERS = "«“\"'‘([—–-"
_SENTENCE_END = re.compile(r"[.!?…]+")


def _is_sentence_end(text: str, dot_start: int, dot_end: int, limit: int) -> int | None:
    """If the punctuation at ``text[dot_start:dot_end]`` ends a sentence, return where the sentence ends."""
    end = dot_end
    while end < limit and text[end] in _CLOSERS:
        end += 1
    if end < limit and not text[end].isspace():
        return None  # informburo.kz, 3.5, "т.б.," ...
    nxt = end
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return end
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return None
    if text[dot_start:dot_end] == ".":
        word_start = dot_start
        while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENERS:
            word_start -= 1
        word = text[word_start:dot_start].lower()
        if word in ABBREVIATIONS:
            return None
        if len(word) == 1 and word.isalpha():
            return None  # an initial: Н. Назарбаев
    return end


def segment_running_text(text: str) -> list[Segment]:
    """Split running text into sentences with rules for quotes, abbreviations, initials and numbers.

    Paragraphs are separated by blank lines; a single line break inside a paragraph is just white space.
    """
    segments: list[Segment] = []
    paragraph = 0
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for match in _SENTENCE_END.finditer(text, para_start, para_end):
            end = _is_sentence_end(text, match.start(), match.end(), para_end)
            if end is None:
                continue
            s, e = _trimmed(text, start, end)
            if s < e:
                segments.append(Segment(s, e, paragraph))
            start = end
        s, e = _trimmed(text, start, para_end)
        if s < e:
            segments.append(Segment(s, e, paragraph))
        paragraph += 1
    return segments


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n[ \t\r\f\v]*\n\s*", text):
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def segment(text: str, mode: str = "lines") -> list[Segment]:
    """Segment ``text`` into sentences with ``mode`` ``"lines"`` or ``"auto"`` (running text)."""
    if mode == "lines":
        return segment_lines(text)
    if mode == "auto":
        return segment_running_text(text)
    raise ValueError(f"unknown segmentation mode {mode!r}; expected one of {', '.join(SEGMENT_MODES)}")


_WORD_CHAR = r"[^\W_]|[\u0300-\u036f\u0483-\u0489]"
_W = f"(?:{_WORD_CHAR})"
_TOKEN_RE = re.compile(
    rf"""
    (?P<abbr>{_DOTTED_ABBREVIATION})(?!\w)
    # informburo.kz, https://www.informburo.kz/news/1
    |(?P<url>(?:https?://)?{_W}+(?:[.-]{_W}+)*\.[a-zA-Z]{{2,}}(?:/[^\s«»“”"]*[^\s«»“”".,;:!?)])?)
    |(?P<word>{_W}+(?:[-‐'’]{_W}+)*)                                   # Нұр-Сұлтан, 22-сіндегі, COVID-19-дың
    |(?P<ellipsis>\.\.\.)
    |(?P<flag>[\U0001f1e6-\U0001f1ff]{{2}})                          # regional-indicator flags
    |(?P<sym>[^\w\s](?:[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]|\u200d[^\w\s])*)  # punctuation, quotes, emoji
    |(?P<under>_+)
    """,
    re.VERBOSE,
)
_NUMBER_RE = re.compile(rf"\d+(?:[.,]\d+)+(?:-{_W}+)*")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets; every character outside a token is white space.

    Punctuation and quotes become tokens of their own; hyphenated words, numbers with suffixes
    (``22-сіндегі``, ``300-ден``, ``COVID-19-дың``), decimals (``3,5``) and domain names stay whole.
    """
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        number = _NUMBER_RE.match(text, pos) if ch.isdigit() else None
        match = _TOKEN_RE.match(text, pos)
        if number and (match is None or number.end() >= match.end()):
            end = number.end()
        elif match:
            end = match.end()
        else:  # pragma: no cover - the pattern matches every non-space character
            end = pos + 1
        tokens.append(Token(text[pos:end], pos, end))
        pos = end
    return tokens


def whitespace_after(text: str, tokens: Sequence[Token]) -> list[str]:
    """The white space between each token and the next (or the end of ``text``)."""
    starts, ends = token_offsets(tokens)
    return list(map(text.__getitem__, map(slice, ends, [*starts[1:], len(text)])))


def tokens_from_words(words: list[str], text: str | None = None) -> TokenList:
    """Tokens of the sentence ``" ".join(words)`` (CoNLL input): each word at its offset.

    Offsets computed with C-level ``map`` and ``accumulate``: a corpus has millions of tokens.
    A caller that already joined the words passes the ``text``.
    """
    lengths = list(map(len, words))
    starts = list(accumulate(map((1).__add__, lengths), initial=0))
    starts.pop()
    return TokenList(" ".join(words) if text is None else text, starts, list(map(add, starts, lengths)))


# -- the versioned tokenizer: a shim until the tokenizer work of #18 lands (the lead replaces it) --
TOKENIZER_VERSION = 1
"""The tokenizer a new project is built with; a project keeps the version it was built with."""


def tokenizer(version: int) -> Callable[[str], list[Token]]:
    """The tokenizer of ``version`` (1: :func:`tokenize` as it always was); ValueError if unknown."""
    if version == 1:
        return tokenize
    raise ValueError(f"there is no tokenizer version {version} (known: 1 to {TOKENIZER_VERSION})")
