"""Splitting a sentence before a token and merging a sentence with the next, on plain data.

The rules are in :mod:`annotator.core.corrections`; these functions take and give its
:class:`~annotator.core.corrections.Sentences`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from annotator.core.corrections import (
    NEW,
    CorrectionBlocked,
    SentenceRow,
    Sentences,
    SpanRow,
    StanceRow,
    StatusRow,
    TimeRow,
    VerdictRow,
    span_words,
)
from annotator.core.messages import message


def split_sentence(state: Sentences, sentence_id: int, token: int) -> Sentences:
    """Cut sentence ``sentence_id`` before token ``token``; the second part gets the id :data:`NEW`."""
    s = state.sentence(sentence_id)
    if not 0 < token < len(s.starts):
        raise CorrectionBlocked(
            message("cannot split: put the cursor on the token the second sentence begins with")
        )
    cut = s.starts[token]
    first = replace(
        s,
        end_offset=s.start_offset + s.ends[token - 1],
        text=s.text[: s.ends[token - 1]],
        starts=s.starts[:token],
        ends=s.ends[:token],
    )
    second = SentenceRow(
        NEW,
        s.document_id,
        s.position + 1,
        s.paragraph,
        s.start_offset + cut,
        s.end_offset,
        s.text[cut:],
        tuple(x - cut for x in s.starts[token:]),
        tuple(x - cut for x in s.ends[token:]),
    )

    def side(row: SpanRow, kind: str) -> SpanRow:
        if row.sentence_id != sentence_id or row.token_last < token:
            return row
        if row.token_start < token:
            raise CorrectionBlocked(
                message("cannot split: {span} crosses the cut", span=span_words(state, row, kind))
            )
        return replace(
            row, sentence_id=NEW, token_start=row.token_start - token, token_last=row.token_last - token
        )

    entities = tuple(side(e, "entity") for e in state.entities)
    events = tuple(side(e, "event") for e in state.events)
    where = {("entity", e.id): e.sentence_id for e in entities} | {
        ("event", e.id): e.sentence_id for e in events
    }
    arguments = []
    for arg in state.arguments:
        if arg.sentence_id != sentence_id:
            arguments.append(arg)
            continue
        here, there = where[("event", arg.event_id)], where[("entity", arg.entity_id)]
        if here != there:
            event = next(e for e in state.events if e.id == arg.event_id)
            entity = next(e for e in state.entities if e.id == arg.entity_id)
            words = s.token_text(entity.token_start, entity.token_last)
            raise CorrectionBlocked(
                message(
                    "cannot split: {span} has its {role} '{words}' on the other side of the cut",
                    span=span_words(state, event, "event"),
                    role=arg.role,
                    words=words,
                )
            )
        arguments.append(replace(arg, sentence_id=here))
    stance = tuple(
        replace(t, sentence_id=where[("entity", t.holder_id)]) if t.holder_id is not None else t
        for t in state.stance
    )
    copies = tuple(replace(t, sentence_id=NEW) for t in state.statuses if t.sentence_id == sentence_id)
    verdicts: list[VerdictRow] = []
    for v in state.verdicts:
        if v.sentence_id != sentence_id or v.kind == "stance" or v.token_last < token:
            verdicts.append(v)
        elif v.token_start >= token:
            verdicts.append(
                replace(
                    v, sentence_id=NEW, token_start=v.token_start - token, token_last=v.token_last - token
                )
            )  # a verdict on a span across the cut has nothing left to judge, and goes
    positions = [(sid, pos + 1 if pos > s.position else pos) for sid, pos in state.positions]
    positions.append((NEW, s.position + 1))
    return replace(
        state,
        sentences=(*(first if x.id == sentence_id else x for x in state.sentences), second),
        entities=entities,
        events=events,
        arguments=tuple(arguments),
        stance=stance,
        statuses=state.statuses + copies,
        verdicts=tuple(verdicts),
        positions=tuple(sorted(positions, key=lambda p: p[1])),
    )


def combined_status(a: StatusRow | None, b: StatusRow | None) -> tuple[str, str]:
    """A person's status and comment of two merged sentences: flagged if either is, else the one
    both have, else todo; comments joined."""
    statuses = [x.status if x else "todo" for x in (a, b)]
    comment = " / ".join(x.comment for x in (a, b) if x and x.comment)
    if "flagged" in statuses:
        return "flagged", comment
    return (statuses[0] if statuses[0] == statuses[1] else "todo"), comment


def merge_sentences(state: Sentences, first_id: int, second_id: int) -> Sentences:
    """Merge sentence ``first_id`` with the next one, ``second_id`` (which disappears)."""
    a, b = state.sentence(first_id), state.sentence(second_id)
    gap = dict(state.gaps).get(first_id)
    if gap is None or gap.strip():
        raise CorrectionBlocked(message("cannot merge: the document has text between the two sentences"))
    shift, n = len(a.text) + len(gap), len(a.starts)
    merged = replace(
        a,
        end_offset=b.end_offset,
        text=a.text + gap + b.text,
        starts=a.starts + tuple(x + shift for x in b.starts),
        ends=a.ends + tuple(x + shift for x in b.ends),
    )

    def moved(row: SpanRow) -> SpanRow:
        if row.sentence_id != second_id:
            return row
        return replace(
            row, sentence_id=first_id, token_start=row.token_start + n, token_last=row.token_last + n
        )

    arguments = tuple(
        replace(x, sentence_id=first_id) if x.sentence_id == second_id else x for x in state.arguments
    )
    return replace(
        state,
        sentences=tuple(merged if x.id == first_id else x for x in state.sentences if x.id != second_id),
        entities=tuple(map(moved, state.entities)),
        events=tuple(map(moved, state.events)),
        arguments=arguments,
        stance=_merged_stance(state, first_id, second_id),
        statuses=_merged_statuses(state, first_id, second_id),
        verdicts=_merged_verdicts(state, first_id, second_id, n),
        times=_merged_times(state, first_id, second_id),
        positions=tuple(p for p in state.positions if p[0] != second_id),
    )


def _merged_stance(state: Sentences, first_id: int, second_id: int) -> tuple[StanceRow, ...]:
    kept = {(t.annotator_id, t.target): t for t in state.stance if t.sentence_id == first_id}
    out = [t for t in state.stance if t.sentence_id not in (first_id, second_id)]
    for t in state.stance:
        if t.sentence_id != second_id:
            continue
        mine = kept.get((t.annotator_id, t.target))
        if mine is None:
            kept[(t.annotator_id, t.target)] = replace(t, sentence_id=first_id)
        elif mine.label != t.label:
            raise CorrectionBlocked(
                message(
                    "cannot merge: {name}'s stance toward '{target}' is {label} in one sentence "
                    "and {other} in the other",
                    name=state.name(t.annotator_id),
                    target=t.target,
                    label=mine.label,
                    other=t.label,
                )
            )
        elif mine.holder_id is None and t.holder_id is not None:
            kept[(t.annotator_id, t.target)] = replace(mine, holder_id=t.holder_id)
    return (*out, *kept.values())


def _merged_statuses(state: Sentences, first_id: int, second_id: int) -> tuple[StatusRow, ...]:
    out = [t for t in state.statuses if t.sentence_id not in (first_id, second_id)]
    of = {(t.sentence_id, t.annotator_id): t for t in state.statuses}
    people = sorted({t.annotator_id for t in state.statuses if t.sentence_id in (first_id, second_id)})
    for person in people:
        a, b = of.get((first_id, person)), of.get((second_id, person))
        status, comment = combined_status(a, b)
        if status == "todo" and not comment:
            continue  # no row means todo
        when = max(x.updated_at for x in (a, b) if x is not None)
        out.append(StatusRow(first_id, person, status, comment, when))
    return tuple(out)


def _merged_verdicts(state: Sentences, first_id: int, second_id: int, n: int) -> tuple[VerdictRow, ...]:
    out: dict[tuple[object, ...], VerdictRow] = {}
    for v in state.verdicts:
        if v.sentence_id == second_id:
            shift = 0 if v.kind == "stance" else n
            v = replace(
                v, sentence_id=first_id, token_start=v.token_start + shift, token_last=v.token_last + shift
            )
        key = (v.annotator_id, v.sentence_id, v.kind, v.token_start, v.token_last, v.label, v.target)
        out.setdefault(key, v)
    return tuple(out.values())


def _merged_times(state: Sentences, first_id: int, second_id: int) -> tuple[TimeRow, ...]:
    out = [t for t in state.times if t.sentence_id not in (first_id, second_id)]
    summed: dict[int, tuple[float, datetime]] = {}
    for t in state.times:
        if t.sentence_id in (first_id, second_id):
            seconds, when = summed.get(t.annotator_id, (0.0, t.updated_at))
            summed[t.annotator_id] = (seconds + t.seconds, max(when, t.updated_at))
    out += [TimeRow(person, first_id, seconds, when) for person, (seconds, when) in summed.items()]
    return tuple(out)
