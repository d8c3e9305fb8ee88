"""Who annotates what: planning balanced assignments with controlled overlap, on plain data.

A *plan* gives each document to one person, or (the overlapping share) to ``per_document``
distinct people, so that agreement has documents several people annotated. Work is balanced by
sentence count: documents are placed largest first on whoever has least so far (counting what
they were given before), which keeps everyone near the mean when documents are many and small
next to a person's share. Everything random comes from one ``random.Random(seed)``: the same
seed and the same documents give the same plan.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from annotator.core.errors import AnnotatorError

K = TypeVar("K")
BALANCE_TOLERANCE = 0.15  # no one more than 15 % off the mean load


@dataclass(frozen=True)
class Plan:
    """Assignments to make (``(document_id, person_id)`` pairs) and each person's load after them."""

    pairs: tuple[tuple[int, int], ...]
    overlapping: frozenset[int]
    load: Mapping[int, int]

    def worst_imbalance(self) -> float:
        """The largest relative distance of a person's load from the mean (0 for no work)."""
        return imbalance(self.load)


def imbalance(load: Mapping[K, int]) -> float:
    """The largest ``|load - mean| / mean`` over the people (0 when nobody has any work)."""
    if not load:
        return 0.0
    mean = sum(load.values()) / len(load)
    return 0.0 if mean == 0 else max(abs(v - mean) for v in load.values()) / mean


def overlap_count(documents: int, overlap: float) -> int:
    """How many of ``documents`` go to several people: ``overlap × documents`` rounded half up.

    Reckoned on the decimal fraction the user typed (``repr`` of the float: 0.58, not
    0.57999...), so that 0.58 × 25 = 14.5 goes up to 15 as it does on paper.
    """
    exact = Fraction(repr(float(overlap))) * documents
    return int(exact + Fraction(1, 2))


def check_request(people: Sequence[int], per_document: int, overlap: float) -> None:
    """Refuse a request no plan can meet, with what to change."""
    if not people:
        raise AnnotatorError("--to: name at least one person")
    if len(set(people)) != len(people):
        raise AnnotatorError("--to: a person is named twice")
    if per_document < 1:
        raise AnnotatorError("--per-document: give a number of at least 1")
    if per_document > len(people):
        raise AnnotatorError(
            f"--per-document {per_document} needs at least {per_document} people; --to names {len(people)}"
        )
    if not 0.0 <= overlap <= 1.0:
        raise AnnotatorError("--overlap: give a fraction between 0 and 1")


def plan(
    documents: Sequence[tuple[int, int]],
    people: Sequence[int],
    per_document: int = 1,
    overlap: float = 0.0,
    seed: int = 0,
    load: Mapping[int, int] | None = None,
) -> Plan:
    """Assign ``documents`` (``(id, sentences)``, in corpus order) to ``people`` (ids).

    ``overlap × len(documents)`` of them (rounded half up) go to ``per_document`` distinct people,
    the rest to one. ``load``: sentences each person already has (new work evens it out).
    """
    check_request(people, per_document, overlap)
    rng = random.Random(seed)
    ids = [d for d, _ in documents]
    shared = frozenset(rng.sample(ids, overlap_count(len(ids), overlap))) if per_document > 1 else frozenset()
    rank = {p: i for i, p in enumerate(rng.sample(list(people), len(people)))}  # ties: a seeded order
    have = {p: (load or {}).get(p, 0) for p in people}
    tiebreak = {d: rng.random() for d in ids}
    copies = {d: per_document if d in shared else 1 for d in ids}
    order = sorted(documents, key=lambda ds: (-ds[1] * copies[ds[0]], tiebreak[ds[0]]))
    pairs: list[tuple[int, int]] = []
    for doc, size in order:
        for person in heapq.nsmallest(copies[doc], people, key=lambda p: (have[p], rank[p])):
            pairs.append((doc, person))
            have[person] += size
    return Plan(tuple(sorted(pairs)), shared, have)


def move(
    documents: Sequence[tuple[int, int]],
    assignees: Mapping[int, frozenset[int]],
    to: Sequence[int],
    load: Mapping[int, int],
    seed: int = 0,
) -> tuple[list[tuple[int, int]], list[int]]:
    """Give ``documents`` (``(id, sentences)``) to the least loaded of ``to`` not already on them.

    Returns the new ``(document_id, person_id)`` pairs and the documents nobody in ``to`` could
    take (each of them has it already).
    """
    check_request(to, 1, 0.0)
    rng = random.Random(seed)
    rank = {p: i for i, p in enumerate(rng.sample(list(to), len(to)))}
    have = {p: load.get(p, 0) for p in to}
    pairs: list[tuple[int, int]] = []
    stuck: list[int] = []
    for doc, size in sorted(documents, key=lambda ds: (-ds[1], ds[0])):
        free = [p for p in to if p not in assignees.get(doc, frozenset())]
        if not free:
            stuck.append(doc)
            continue
        person = min(free, key=lambda p: (have[p], rank[p]))
        pairs.append((doc, person))
        have[person] += size
    return sorted(pairs), sorted(stuck)
