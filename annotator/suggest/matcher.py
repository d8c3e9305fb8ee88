"""The string matcher: labelled phrases found again, longest first, Kazakh endings and all.

A *phrase* is the tokens of a labelled span. It matches a run of tokens whose earlier tokens are
the same (case-insensitive) and whose last token is the same or has the same stem with other
endings (:func:`annotator.suggest.kazakh.same_stem`): a label on Қазақстан suggests Қазақстанның
and Қазақстанда. A suggestion's score is its label's relative frequency among the occurrences
of the matched phrases: each labelled span counts one for its label, each gazetteer entry one,
and each occurrence in a learned sentence that nobody labelled counts one for no label (the
string was seen and left alone), which keeps the matcher honest about common words.
"""

from __future__ import annotations

import gc
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

from annotator.core.model import Token
from annotator.core.suggestions import ENTITY, NO_LABEL, Suggestion
from annotator.core.text import tokenize
from annotator.suggest.data import Example
from annotator.suggest.kazakh import same_stem, stems

MAX_PHRASE = 8  # longer labelled spans are not learned as phrases
FORMAT = "annotator-matcher-1"

Key = tuple[str, ...]  # lowercased tokens of a phrase
SEP = "\x1f"  # joins the words of an index key (no token contains it)


class StringMatcher:
    """Labelled phrases with their label counts; :meth:`suggest` finds them in new sentences."""

    def __init__(
        self,
        counts: dict[Key, dict[str, int]],
        gazetteer: dict[Key, dict[str, int]],
        stored: tuple[list[Key], dict[str, list[int]]] | None = None,
    ) -> None:
        self._counts = counts  # labelled occurrences (and NO_LABEL for unlabelled ones) per phrase
        self._gazetteer = gazetteer  # gazetteer entries per phrase
        if stored is None:  # "earlier words + one stem of the last" -> the phrases' numbers
            keys = sorted({*counts, *gazetteer})
            built: dict[str, list[int]] = defaultdict(list)
            for number, key in enumerate(keys):
                for s in stems(key[-1]):
                    built[SEP.join((*key[:-1], s))].append(number)
            stored = (keys, dict(built))
        self._keys, self._index = stored
        self._longest = max(map(len, self._keys), default=0)
        self._firsts = {key[0] for key in self._keys if len(key) > 1}

    @classmethod
    def learn(
        cls,
        examples: Iterable[Example],
        gazetteer: Iterable[tuple[str, str]] = (),
        cut: Callable[[str], list[Token]] = tokenize,
    ) -> StringMatcher:
        """Learn the phrases of the examples' spans and of the gazetteer's ``(text, label)`` pairs
        (a gazetteer text is cut into words by ``cut``, the project's tokenizer)."""
        examples = list(examples)
        counts: dict[Key, dict[str, int]] = defaultdict(Counter)
        for example in examples:
            for start, end, label in example.spans:
                if 0 < end - start <= MAX_PHRASE:
                    counts[_key(example.tokens[start:end])][label] += 1
        gaz: dict[Key, dict[str, int]] = defaultdict(Counter)
        for text, label in gazetteer:
            words = tuple(t.text for t in cut(text))
            if 0 < len(words) <= MAX_PHRASE:
                gaz[_key(words)][label] += 1
        matcher = cls(dict(counts), dict(gaz))
        # Occurrences in the learned sentences that overlap no labelled span: seen, not labelled.
        unlabelled: Counter[Key] = Counter()
        for example in examples:
            covered = {i for start, end, _ in example.spans for i in range(start, end)}
            for start, end, found in matcher._matches(example.tokens):
                if covered.isdisjoint(range(start, end)):
                    for key in found:
                        if key in counts:
                            unlabelled[key] += 1
        for key, n in unlabelled.items():
            matcher._counts[key][NO_LABEL] = matcher._counts[key].get(NO_LABEL, 0) + n
        return matcher

    @property
    def phrases(self) -> int:
        """How many phrases the matcher knows."""
        return len(set(self._counts) | set(self._gazetteer))

    def _candidates(self, tokens: Sequence[str], start: int, length: int, lowered: list[str]) -> set[Key]:
        if length > 1 and lowered[start] not in self._firsts:
            return set()
        earlier = SEP.join(lowered[start : start + length - 1])  # the same, exactly
        if earlier:
            earlier += SEP
        found: set[int] = set()
        for s in stems(tokens[start + length - 1]):  # the last: a stem in common
            found.update(self._index.get(earlier + s, ()))
        return {self._keys[i] for i in found}

    def _matches(self, tokens: Sequence[str]) -> list[tuple[int, int, set[Key]]]:
        """Non-overlapping matches, longest first (then leftmost): (start, end, matched phrases)."""
        lowered = [t.lower() for t in tokens]
        found: list[tuple[int, int, set[Key]]] = []
        n = len(tokens)
        for length in range(min(self._longest, n), 0, -1):
            for start in range(n - length + 1):
                keys = self._candidates(tokens, start, length, lowered)
                if keys:
                    found.append((start, start + length, keys))
        taken: set[int] = set()
        result = []
        for start, end, keys in found:  # already longest first, then leftmost
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                result.append((start, end, keys))
        result.sort(key=lambda m: m[0])
        return result

    def suggest(self, tokens: Sequence[str], kind: str = ENTITY, min_score: float = 0.0) -> list[Suggestion]:
        """Suggestions for one sentence: each match with its most frequent label and that label's
        relative frequency as score; source "gazetteer" when only the gazetteer knows the label."""
        result: list[Suggestion] = []
        for start, end, keys in self._matches(tokens):
            exact = _key(tokens[start:end])
            if exact in keys:  # the very string is known: its own counts, not its relatives'
                keys = {exact}
            learned: Counter[str] = Counter()
            listed: Counter[str] = Counter()
            for key in keys:
                learned.update(self._counts.get(key, Counter()))
                listed.update(self._gazetteer.get(key, Counter()))
            total = sum(learned.values()) + sum(listed.values())
            labels = {**learned, **listed}
            labels.pop(NO_LABEL, None)
            if not labels or total == 0:
                continue
            label = max(labels, key=lambda lab: (learned[lab] + listed[lab], lab))
            score = (learned[label] + listed[label]) / total
            if score < min_score:
                continue
            source = "matcher" if learned[label] else "gazetteer"
            result.append(Suggestion(kind, start, end, label, score, source))
        return result

    def to_json(self) -> bytes:
        """The matcher as UTF-8 JSON (no pickle: a shared project must not run stored code), with
        its index, so that loading does no stemming."""
        doc = {
            "format": FORMAT,
            "phrases": [
                [list(k), dict(self._counts.get(k, {})), dict(self._gazetteer.get(k, {}))] for k in self._keys
            ],
            "index": dict(sorted(self._index.items())),
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> StringMatcher:
        """A matcher from :meth:`to_json`'s bytes; ValueError when they are not a matcher's.

        The cyclic garbage collector pauses meanwhile: decoding makes a hundred thousand small
        objects, and in a process with a large heap (a window) each collection they set off
        scans all of it (110 ms instead of 13 for a KazNERD-size matcher)."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls._decode(data)
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _decode(cls, data: bytes) -> StringMatcher:
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError
            rows, index = doc["phrases"], doc["index"]
            keys: list[Key] = [tuple(words) for words, _, _ in rows]
            learned: list[dict[str, int]] = [row[1] for row in rows]
            listed: list[dict[str, int]] = [row[2] for row in rows]
            # Checked with C-level passes: a KazNERD-size matcher loads in milliseconds.
            if not all(keys) or not set(map(type, chain.from_iterable(keys))) <= {str}:
                raise TypeError
            if not set(map(type, learned)) | set(map(type, listed)) <= {dict}:
                raise TypeError
            if not set(map(type, chain.from_iterable(map(dict.values, (*learned, *listed))))) <= {int}:
                raise TypeError
            if not isinstance(index, dict) or not set(map(type, index.values())) <= {list}:
                raise TypeError
            numbers = set(chain.from_iterable(index.values()))
            if not set(map(type, numbers)) <= {int} or (
                numbers and not 0 <= min(numbers) <= max(numbers) < len(keys)
            ):
                raise TypeError
            counts = {k: c for k, c in zip(keys, learned, strict=True) if c}
            gazetteer = {k: c for k, c in zip(keys, listed, strict=True) if c}
            return cls(counts, gazetteer, (keys, index))
        except (ValueError, KeyError, TypeError, IndexError, AttributeError, UnicodeDecodeError):
            raise ValueError("not a string matcher's model") from None


def occurrences(tokens: Sequence[str], phrase: Sequence[str]) -> list[tuple[int, int]]:
    """Where ``phrase`` occurs in ``tokens``, left to right without overlaps: the earlier tokens
    the same (case-insensitive), the last the same word with any endings. For "label all
    occurrences"; token ranges end-exclusive."""
    n, m = len(tokens), len(phrase)
    if m == 0:
        return []
    earlier = [w.lower() for w in phrase[:-1]]
    found: list[tuple[int, int]] = []
    start = 0
    while start + m <= n:
        if [w.lower() for w in tokens[start : start + m - 1]] == earlier and same_stem(
            tokens[start + m - 1], phrase[-1]
        ):
            found.append((start, start + m))
            start += m
        else:
            start += 1
    return found


def _key(words: Sequence[str]) -> Key:
    return tuple(w.lower() for w in words)
