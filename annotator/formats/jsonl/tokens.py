"""Token checks for one JSONL sentence: the tokens a line gives, and its offsets kept through NFC.

Offsets in a line are code-point indices into its ``text``, ends exclusive. A line's own tokens
must lie in order inside the text, hold no white space and leave no text between them. The text
is stored NFC-normalised; character offsets the line gives are mapped to token indices of that
normalised text, and must fall on token boundaries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise, repeat
from operator import le, lt
from typing import Any
from unicodedata import is_normalized

from annotator.core.model import Token, TokenList, token_offsets
from annotator.core.text import TOKENIZER_VERSION, normalize, tokenizer
from annotator.formats.jsonl.fields import Bad, optional, required

# Character offsets ``start..end`` of the line's text (and what they belong to, for the message)
# to the token range ``first, after`` they cover.
ToTokens = Callable[[Any, Any, str], tuple[int, int]]


def given_tokens(text: str, items: list[Any]) -> Sequence[Token]:
    """The tokens a line gives, checked: in order, inside the text, no white space in or text between."""
    fast = tokens_at_once(text, items)
    return fast if fast is not None else tokens_one_by_one(text, items)


def tokens_one_by_one(text: str, items: list[Any]) -> list[Token]:
    """The tokens a line gives, checked item by item: the first problem is the one reported."""
    tokens: list[Token] = []
    previous = 0
    for i, item in enumerate(items):
        where = f"tokens[{i}]."
        start, end = required(item, "start", int, where), required(item, "end", int, where)
        word = optional(item, "text", str, None, where)
        if not (previous <= start < end <= len(text)):
            raise Bad(f"tokens[{i}] offsets {start}..{end} are out of order or outside the text")
        if word is not None and text[start:end] != word:
            raise Bad(f"tokens[{i}] text {word!r} differs from the text at {start}..{end}")
        if text[previous:start].strip():
            raise Bad(f"tokens[{i}]: text {text[previous:start]!r} before it belongs to no token")
        if any(ch.isspace() for ch in text[start:end]):
            raise Bad(f"tokens[{i}] {text[start:end]!r} contains white space")
        tokens.append(Token(text[start:end], start, end))
        previous = end
    if not tokens:
        raise Bad("'tokens' is empty")
    if text[previous:].strip():
        raise Bad(f"text {text[previous:]!r} at the end belongs to no token")
    return tokens


def tokens_at_once(text: str, items: list[Any]) -> TokenList | None:
    """The common case checked with whole-list operations; None on any doubt (the loop then explains)."""
    try:
        starts = [item["start"] for item in items]
        ends = [item["end"] for item in items]
    except (TypeError, KeyError):
        return None
    if not starts or {*map(type, starts), *map(type, ends)} != {int}:  # bool is not int here
        return None
    if starts[0] < 0 or ends[-1] > len(text):
        return None
    if not all(map(lt, starts, ends)) or not all(map(le, ends, starts[1:])):
        return None
    words = list(map(text.__getitem__, map(slice, starts, ends)))
    if list(map(dict.get, items, repeat("text"), words)) != words:
        return None
    joined = "\x00".join(words)  # NUL is not white space (and never in the text)
    if joined.split() != [joined]:
        return None
    between = map(text.__getitem__, map(slice, ends, starts[1:]))
    if (text[: starts[0]] + "".join(between) + text[ends[-1] :]).strip():
        return None
    return TokenList(text, starts, ends)


def aligned(
    text: str,
    given: Sequence[Token] | None,
    spans: list[tuple[Any, Any]],
    version: int = TOKENIZER_VERSION,
    *,
    cut: bool = False,
) -> tuple[str, Sequence[Token], ToTokens]:
    """The line's text in NFC, its tokens (``given``, else made), and the map of its spans to tokens.

    ``spans`` are the character spans the line gives (already checked to lie inside ``text``):
    normalisation is done piece by piece between them and the token offsets, so each keeps its
    place in the normalised text. Tokens are made by tokenizer ``version`` (the project's). With
    ``cut`` (doccano: spans on characters), made tokens are cut where a span starts or ends inside
    one (:func:`cut_at`).
    """
    tokenize = tokenizer(version)
    tokens: Sequence[Token]
    shift: dict[int, int] | None = None  # None: the text is NFC already and offsets stay as they are
    if is_normalized("NFC", text):
        text_n = text
        tokens = given if given is not None else tokenize(text)
    else:
        cuts = {0, len(text)}
        for t in given or ():
            cuts |= {t.char_start, t.char_end}
        for start, end in spans:
            cuts |= {start, end}
        text_n, shift = normalize_with_offsets(text, sorted(cuts))
        if given is None:
            tokens = tokenize(text_n)
        else:
            tokens = [
                Token(text_n[shift[t.char_start] : shift[t.char_end]], shift[t.char_start], shift[t.char_end])
                for t in given
            ]
    if cut and given is None and spans:
        edges = [x for span in spans for x in span]
        tokens = cut_at(text_n, tokens, edges if shift is None else [shift[x] for x in edges])
    first, after = token_offsets(tokens)
    starts = dict(zip(first, range(len(first)), strict=True))
    ends = dict(zip(after, range(1, len(after) + 1), strict=True))

    def to_tokens(start: int, end: int, what: str) -> tuple[int, int]:
        s, e = (start, end) if shift is None else (shift[start], shift[end])
        if s not in starts or e not in ends:
            raise Bad(f"{what} at {start}..{end} ({text[start:end]!r}) is not on token boundaries")
        return starts[s], ends[e]

    return text_n, tokens, to_tokens


def normalize_with_offsets(text: str, cuts: list[int]) -> tuple[str, dict[int, int]]:
    """NFC-normalise ``text`` piece by piece between ``cuts``; map each cut to its new offset."""
    if normalize(text) == text:
        return text, {c: c for c in cuts}
    pieces, shift, pos = [], {0: 0}, 0
    for a, b in pairwise(cuts):
        piece = normalize(text[a:b])
        pieces.append(piece)
        pos += len(piece)
        shift[b] = pos
    return "".join(pieces), shift


def cut_at(text: str, tokens: Sequence[Token], cuts: Iterable[int]) -> TokenList:
    """``tokens`` cut wherever one of ``cuts`` (character offsets) falls inside one: a Kazakh suffix
    left outside a name (``Алматы`` selected in ``Алматыда``) becomes a token of its own."""
    inside = sorted(set(cuts))
    out_starts: list[int] = []
    out_ends: list[int] = []
    k = 0
    for t in tokens:
        a = t.char_start
        while k < len(inside) and inside[k] <= a:
            k += 1
        while k < len(inside) and inside[k] < t.char_end:
            out_starts.append(a)
            out_ends.append(inside[k])
            a = inside[k]
            k += 1
        out_starts.append(a)
        out_ends.append(t.char_end)
    return TokenList(text, out_starts, out_ends)
