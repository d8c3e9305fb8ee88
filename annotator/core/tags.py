"""Token tag schemes IOB1, IOB2, BIOES and BILUO: spans to tags and back, strictly.

A span is ``(token_start, token_end, label)`` with ``token_end`` exclusive. Two adjacent spans of
the same label stay two spans in every scheme. BILUO is spaCy's name for BIOES with ``L-`` (last)
for ``E-`` and ``U-`` (unit) for ``S-``; a sentence keeps to one of the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

SCHEMES = ("IOB2", "IOB1", "BIOES", "BILUO")
# The prefixes that close an entity and that make a one-token one, in the schemes that have them.
_CLOSERS = {"BIOES": ("E", "S"), "BILUO": ("L", "U")}
_PREFIXES = ("B", "I", "E", "S", "L", "U")
Span = tuple[int, int, str]


class TagError(ValueError):
    """A tag that cannot stand where it is; ``index`` is the token's position in the sentence."""

    def __init__(self, index: int, message: str):
        self.index = index
        self.message = message
        super().__init__(message)


def split_tag(tag: str, index: int = 0) -> tuple[str, str]:
    """Split ``B-PERSON`` into ``("B", "PERSON")``; ``O`` gives ``("O", "")``."""
    if tag == "O":
        return "O", ""
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in _PREFIXES or not label:
        raise TagError(index, f"tag {tag!r} is not O or PREFIX-LABEL with a prefix B, I, E, S, L or U")
    return prefix, label


def has_bioes_markers(tags: Sequence[str]) -> bool:
    """True when a tag uses the E- or S- prefix, which only BIOES has."""
    return any(t[:2] in ("E-", "S-") for t in tags)


def detect_scheme(tags: Sequence[str]) -> str:
    """The scheme a sentence's tags show: BIOES for E-/S-, BILUO for L-/U-, else IOB2."""
    if has_bioes_markers(tags):
        return "BIOES"
    if any(t[:2] in ("L-", "U-") for t in tags):
        return "BILUO"
    return "IOB2"


def _scheme_of(prefix: str) -> str:
    return "BIOES" if prefix in ("E", "S") else "BILUO"


def decode(tags: Sequence[str], scheme: str = "IOB2") -> list[Span]:
    """Turn a sentence's tags into spans, raising TagError at the first tag the scheme forbids."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}")
    if scheme == "IOB2":
        fast = _decode_iob2(tags)
        if fast is not None:
            return fast
    return _decode(tags, scheme)


def _decode_iob2(tags: Sequence[str]) -> list[Span] | None:
    """The common case (well-formed IOB2) touching only the tagged tokens; None on any doubt."""
    spans: list[Span] = []
    start, label, last = -1, "", -2
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix = tag[:2]
        if prefix == "B-" and len(tag) > 2:
            if start >= 0:
                spans.append((start, last + 1, label))
            start, label = i, tag[2:]
        elif prefix != "I-" or start < 0 or last != i - 1 or tag[2:] != label:
            return None  # let the strict decoder find and explain the problem
        last = i
    if start >= 0:
        spans.append((start, last + 1, label))
    return spans


def _decode(tags: Sequence[str], scheme: str) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    label = ""
    closing = scheme in _CLOSERS
    end_p, unit_p = _CLOSERS.get(scheme, ("", ""))
    for i, tag in enumerate(tags):
        prefix, lab = split_tag(tag, i)
        if prefix in ("E", "S", "L", "U") and prefix not in (end_p, unit_p):
            raise TagError(i, f"{tag} is a {_scheme_of(prefix)} tag in a {scheme} sentence")
        if prefix == "O":
            if start is not None:
                if closing:
                    raise TagError(
                        i, f"O cannot follow {tags[i - 1]} in {scheme}: the entity was not closed by {end_p}-"
                    )
                spans.append((start, i, label))
                start = None
            continue
        if prefix == "I":
            if start is not None and lab == label:
                continue
            if scheme == "IOB1":
                if start is not None:
                    spans.append((start, i, label))
                start, label = i, lab
                continue
            before = tags[i - 1] if i else "the sentence start"
            hint = "; if the file is IOB1, import it with --scheme IOB1" if scheme == "IOB2" else ""
            raise TagError(i, f"{tag} cannot follow {before} in {scheme}{hint}")
        if closing and start is not None and prefix in ("B", unit_p):
            raise TagError(
                i, f"{tag} cannot follow {tags[i - 1]} in {scheme}: the entity was not closed by {end_p}-"
            )
        if prefix == "B":
            if scheme == "IOB1" and (start is None or lab != label):
                raise TagError(i, f"{tag} in IOB1 may only start an entity right after one of the same label")
            if start is not None:
                spans.append((start, i, label))
            start, label = i, lab
        elif prefix == unit_p:
            spans.append((i, i + 1, lab))
        elif prefix == end_p:
            if start is None or lab != label:
                before = tags[i - 1] if i else "the sentence start"
                raise TagError(i, f"{tag} cannot follow {before} in {scheme}")
            spans.append((start, i + 1, label))
            start = None
    if start is not None:
        if closing:
            raise TagError(len(tags) - 1, f"the entity {label} is not closed by {end_p}- at the sentence end")
        spans.append((start, len(tags), label))
    return spans


def encode(spans: Sequence[Span], length: int, scheme: str = "IOB2") -> list[str]:
    """Tags for ``length`` tokens carrying non-overlapping ``spans``, in ``scheme``."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}")
    tags = ["O"] * length
    covered = 0  # spans come sorted by start: one overlaps an earlier one iff it starts before this
    previous_end, previous_label = -1, ""
    for start, end, label in sorted(spans):
        if not (0 <= start < end <= length):
            raise ValueError(f"span {start}..{end} lies outside a sentence of {length} tokens")
        if start < covered:
            raise ValueError(f"span {start}..{end} {label} overlaps another span")
        covered = end
        inside = f"I-{label}"
        if scheme == "IOB2":
            tags[start:end] = [f"B-{label}"] + [inside] * (end - start - 1)
        elif scheme == "IOB1":
            first = "B" if previous_end == start and previous_label == label else "I"
            tags[start:end] = [f"{first}-{label}"] + [inside] * (end - start - 1)
        elif end - start == 1:
            tags[start] = f"{_CLOSERS[scheme][1]}-{label}"
        else:
            tags[start:end] = (
                [f"B-{label}"] + [inside] * (end - start - 2) + [f"{_CLOSERS[scheme][0]}-{label}"]
            )
        previous_end, previous_label = end, label
    return tags


def flatten(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Resolve overlaps for flat tags: keep the longest span (then the earliest); return kept and dropped."""
    ordered = sorted(spans)
    if all(a[1] <= b[0] for a, b in pairwise(ordered)):
        return ordered, []  # nothing overlaps, the usual case: every span stays
    return _flatten_ranked(spans)


def _flatten_ranked(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    ranked = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in ranked:
        if any(span[0] < k[1] and k[0] < span[1] for k in kept):
            dropped.append(span)
        else:
            kept.append(span)
    return sorted(kept), dropped
