"""Corrections of tokens and sentences on plain data: every layer of a document's sentences remapped.

A :class:`Sentences` holds one document's sentences that a correction touches, with every row of
every person's layer in them (entities, events with attributes and arguments, sentence stance,
statuses with comments, suggestion verdicts, active time) and the document's sentence order. The
four corrections and re-tokenisation are pure functions from one such state to the next; the
store writes a state back (``store.corrections``), and undo writes the state before.

The rules (the README's "Correcting tokens and sentences" says them for people):

- *split a token*: a span covering the token covers both parts;
- *merge two tokens*: a span that ends or starts between them grows to cover the merged token;
  blocked when that leaves one layer with the same span twice, or with overlapping entities the
  schema forbids;
- *split a sentence* before a token: blocked when a span, or an event's argument, would cross the
  cut (the message names whose); a sentence stance goes with its holder (without one it stays in
  the first part); statuses and comments are copied to both parts; active time stays with the
  first part;
- *merge a sentence with the next*: the next one's rows move in with shifted token indices; a
  person's statuses combine as *flagged* if either is, else the status both have, else *todo*
  (someone who finished one half looks at the whole again), comments joined; blocked when one
  person has a different stance toward the same target in the two sentences;
- *re-tokenise*: a span keeps its character extent; a span edge inside a new token is a problem
  that leaves the sentence as it is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from annotator.core.messages import message

NEW = -1
"""The id of a sentence a split makes, until the store gives it one."""


class CorrectionBlocked(Exception):
    """A correction that would break someone's annotations; its message names whose and why."""


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """A sentence: document offsets, text and its tokens' offsets into the text."""

    id: int
    document_id: int
    position: int
    paragraph: int
    start_offset: int
    end_offset: int
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def token_text(self, first: int, last: int) -> str:
        """The text of tokens ``first..last`` (inclusive)."""
        return self.text[self.starts[first] : self.ends[last]]


@dataclass(frozen=True, slots=True)
class SpanRow:
    """An entity (``label``) or an event trigger (its type in ``label``), tokens inclusive."""

    id: int
    sentence_id: int
    annotator_id: int
    token_start: int
    token_last: int
    label: str


@dataclass(frozen=True, slots=True)
class AttributeRow:
    """One attribute value of an event."""

    event_id: int
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class ArgumentRow:
    """A role-labelled link from an event to an entity of its sentence and layer."""

    id: int
    event_id: int
    sentence_id: int
    annotator_id: int
    role: str
    entity_id: int


@dataclass(frozen=True, slots=True)
class StanceRow:
    """A sentence stance of one person toward a target, with its holder entity or None."""

    id: int
    sentence_id: int
    annotator_id: int
    target: str
    label: str
    holder_id: int | None


@dataclass(frozen=True, slots=True)
class StatusRow:
    """A person's status and comment of a sentence."""

    sentence_id: int
    annotator_id: int
    status: str
    comment: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class VerdictRow:
    """A person's verdict on a suggestion (a stance's is at tokens 0..0 with its target)."""

    annotator_id: int
    sentence_id: int
    kind: str
    token_start: int
    token_last: int
    label: str
    target: str
    verdict: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TimeRow:
    """Active seconds of a person on a sentence."""

    annotator_id: int
    sentence_id: int
    seconds: float
    updated_at: datetime


@dataclass(frozen=True)
class Sentences:
    """The sentences a correction touches with every row of every layer in them.

    ``positions``: every sentence of the document as ``(id, position)``; ``gaps``: the document
    text between each sentence and the next (by id of the first), where a merge needs it;
    ``names``: people's names by id, for the messages.
    """

    sentences: tuple[SentenceRow, ...]
    entities: tuple[SpanRow, ...] = ()
    events: tuple[SpanRow, ...] = ()
    attributes: tuple[AttributeRow, ...] = ()
    arguments: tuple[ArgumentRow, ...] = ()
    stance: tuple[StanceRow, ...] = ()
    statuses: tuple[StatusRow, ...] = ()
    verdicts: tuple[VerdictRow, ...] = ()
    times: tuple[TimeRow, ...] = ()
    positions: tuple[tuple[int, int], ...] = ()
    gaps: tuple[tuple[int, str], ...] = ()
    names: tuple[tuple[int, str], ...] = ()

    def sentence(self, sentence_id: int) -> SentenceRow:
        """The sentence with this id."""
        return next(s for s in self.sentences if s.id == sentence_id)

    @property
    def ids(self) -> frozenset[int]:
        """The ids of the sentences held."""
        return frozenset(s.id for s in self.sentences)

    def name(self, annotator_id: int) -> str:
        """A person's name, for a message."""
        return dict(self.names).get(annotator_id, f"person {annotator_id}")

    def comparable(self) -> tuple[frozenset[object], ...]:
        """The rows in any order, without what only messages use: what is stored against what is expected.

        Active time and the moments statuses were written are left out: the window adds seconds
        while its person works, and an undone mark writes its status back at a new moment; neither
        is an edit an undo or redo of a correction would lose (:func:`with_times_of` carries the
        seconds over)."""
        statuses = frozenset((r.sentence_id, r.annotator_id, r.status, r.comment) for r in self.statuses)
        return (
            *(
                frozenset(rows)
                for rows in (
                    self.sentences,
                    self.entities,
                    self.events,
                    self.attributes,
                    self.arguments,
                    self.stance,
                    self.verdicts,
                    self.positions,
                )
            ),
            statuses,
        )


def with_times_of(target: Sentences, current: Sentences, recorded: Sentences) -> Sentences:
    """``target`` (the state an undo or redo writes) plus the active time added since the state
    ``recorded`` was written (``current`` holds it now): seconds added on a sentence ``target``
    has stay on it, seconds added on one it does not have (a split's second part) go to its first
    sentence, which holds that text. With nothing added, ``target`` is written as it was."""
    before = {(r.annotator_id, r.sentence_id): r.seconds for r in recorded.times}
    keep = target.ids
    first = min(target.sentences, key=lambda row: row.position).id
    totals = {(r.annotator_id, r.sentence_id): r for r in target.times}
    for row in current.times:
        added = row.seconds - before.get((row.annotator_id, row.sentence_id), 0.0)
        if added <= 0:
            continue
        key = (row.annotator_id, row.sentence_id if row.sentence_id in keep else first)
        had = totals.get(key)
        totals[key] = (
            replace(row, sentence_id=key[1], seconds=added)
            if had is None
            else replace(had, seconds=had.seconds + added, updated_at=max(had.updated_at, row.updated_at))
        )
    return replace(target, times=tuple(totals.values()))


def span_words(state: Sentences, span: SpanRow, kind: str) -> str:
    """Whose span it is and what it covers, for a message: "aida's entity 'Астана' (LOC)"."""
    sentence = state.sentence(span.sentence_id)
    words = sentence.token_text(span.token_start, span.token_last)
    name = state.name(span.annotator_id)
    if kind == "event":
        return message("{name}'s event '{words}' ({label})", name=name, words=words, label=span.label)
    return message("{name}'s entity '{words}' ({label})", name=name, words=words, label=span.label)


# -- token corrections: a new tokenisation of one sentence, spans by their characters -----------


def _edge_index(starts: Sequence[int], ends: Sequence[int], char: int, strict_end: bool) -> int | None:
    """The token containing character ``char`` (the last one starting at or before it)."""
    i = bisect_right(starts, char) - 1
    if i < 0 or (not strict_end and char >= ends[i]):
        return None
    return i


def retokenized(
    state: Sentences, sentence_id: int, starts: Sequence[int], ends: Sequence[int], strict: bool
) -> tuple[Sentences, list[str]]:
    """The state with sentence ``sentence_id`` cut into new tokens; spans keep their characters.

    ``strict``: a span (or verdict) edge inside a new token is a problem (the state comes back
    unchanged with the problems); else the span grows to the tokens containing its edges.
    """
    old = state.sentence(sentence_id)
    new = replace(old, starts=tuple(starts), ends=tuple(ends))
    problems: list[str] = []

    def edges(first: int, last: int) -> tuple[int, int] | None:
        char_start, char_end = old.starts[first], old.ends[last]
        a = _edge_index(new.starts, new.ends, char_start, False)
        b = _edge_index(new.starts, new.ends, char_end - 1, False)
        if a is None or b is None:
            return None
        if strict and (new.starts[a] != char_start or new.ends[b] != char_end):
            return None
        return a, b

    def spans(rows: tuple[SpanRow, ...], kind: str) -> tuple[SpanRow, ...]:
        out = []
        for row in rows:
            if row.sentence_id != sentence_id:
                out.append(row)
                continue
            moved = edges(row.token_start, row.token_last)
            if moved is None:
                problems.append(
                    message("{span} does not fit the new tokens", span=span_words(state, row, kind))
                )
                continue
            out.append(replace(row, token_start=moved[0], token_last=moved[1]))
        return tuple(out)

    entities, events = spans(state.entities, "entity"), spans(state.events, "event")
    verdicts = []
    for v in state.verdicts:
        if v.sentence_id != sentence_id or v.kind == "stance":
            verdicts.append(v)
        elif (moved := edges(v.token_start, v.token_last)) is not None:  # a verdict that no longer fits goes
            verdicts.append(replace(v, token_start=moved[0], token_last=moved[1]))
    if problems:
        return state, problems
    after = replace(
        state,
        sentences=tuple(new if s.id == sentence_id else s for s in state.sentences),
        entities=entities,
        events=events,
        verdicts=tuple(verdicts),
    )
    return after, []


def _check_collisions(state: Sentences, sentence_id: int, allow_overlap: bool) -> None:
    """Refuse a state where one layer has a span twice, or overlapping entities the schema forbids."""
    for rows, kind in ((state.entities, "entity"), (state.events, "event")):
        seen: dict[tuple[int, int, int, str], SpanRow] = {}
        for row in rows:
            if row.sentence_id != sentence_id:
                continue
            key = (row.annotator_id, row.token_start, row.token_last, row.label)
            if key in seen:
                twice = span_words(state, row, kind)
                raise CorrectionBlocked(
                    message("cannot merge the tokens: {span} would be there twice", span=twice)
                )
            seen[key] = row
    if allow_overlap:
        return
    mine = sorted(
        (e for e in state.entities if e.sentence_id == sentence_id),
        key=lambda e: (e.annotator_id, e.token_start, e.token_last),
    )
    reach: dict[int, SpanRow] = {}  # per person, the entity so far reaching furthest right
    for e in mine:
        before = reach.get(e.annotator_id)
        if before is not None and e.token_start <= before.token_last:
            raise CorrectionBlocked(
                message(
                    "cannot merge the tokens: {span} and '{label}' would overlap",
                    span=span_words(state, before, "entity"),
                    label=e.label,
                )
            )
        if before is None or e.token_last > before.token_last:
            reach[e.annotator_id] = e


def split_point(word: str) -> int:
    """Where a token is most likely to be split: the first change between letters or digits and
    other characters (``Астана,`` → 6), else after the first character."""
    for i in range(1, len(word)):
        if word[i - 1].isalnum() != word[i].isalnum():
            return i
    return 1


def split_token(state: Sentences, sentence_id: int, token: int, at: int) -> Sentences:
    """Cut token ``token`` after its ``at``-th character (0 < at < its length)."""
    s = state.sentence(sentence_id)
    start, end = s.starts[token], s.ends[token]
    if not 0 < at < end - start:
        word = s.text[start:end]
        raise CorrectionBlocked(
            message("cannot split '{word}' there: choose a place inside the token", word=word)
        )
    starts = (*s.starts[: token + 1], start + at, *s.starts[token + 1 :])
    ends = (*s.ends[:token], start + at, *s.ends[token:])
    after, problems = retokenized(state, sentence_id, starts, ends, strict=False)
    assert not problems  # splitting only adds boundaries
    return after


def merge_tokens(state: Sentences, sentence_id: int, token: int, allow_overlap: bool) -> Sentences:
    """Merge token ``token`` with the next one (only when no white space is between them)."""
    s = state.sentence(sentence_id)
    if token + 1 >= len(s.starts):
        raise CorrectionBlocked(message("cannot merge: the cursor is on the last token of the sentence"))
    between = s.text[s.ends[token] : s.starts[token + 1]]
    if between:
        raise CorrectionBlocked(
            message(
                "cannot merge '{first}' and '{second}': white space is between them, and a token has none",
                first=s.token_text(token, token),
                second=s.token_text(token + 1, token + 1),
            )
        )
    starts = (*s.starts[: token + 1], *s.starts[token + 2 :])
    ends = (*s.ends[:token], *s.ends[token + 1 :])
    after, problems = retokenized(state, sentence_id, starts, ends, strict=False)
    assert not problems
    _check_collisions(after, sentence_id, allow_overlap)
    return after


def resolved(state: Sentences, new_id: int) -> Sentences:
    """The state with the id the store gave the new sentence in place of :data:`NEW`."""

    def moved(sentence_id: int) -> int:
        return new_id if sentence_id == NEW else sentence_id

    return replace(
        state,
        sentences=tuple(replace(s, id=moved(s.id)) for s in state.sentences),
        entities=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.entities),
        events=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.events),
        arguments=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.arguments),
        stance=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.stance),
        statuses=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.statuses),
        verdicts=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.verdicts),
        times=tuple(replace(x, sentence_id=moved(x.sentence_id)) for x in state.times),
        positions=tuple((moved(i), p) for i, p in state.positions),
    )
