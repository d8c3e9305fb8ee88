"""Who covers which sentence: the units every agreement figure rests on.

A person *covers* a sentence when (scope ``done``) they marked it done, or (scope ``all``)
always; and, when the project has assignments, only in the documents assigned to them. The
gold layer is nobody's assignment: it covers by its statuses alone. A sentence is *compared*
when two or more of the compared people cover it; a pair's figures rest on the sentences both
of them cover (their *common* sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.core.model import GOLD


@dataclass(frozen=True)
class Coverage:
    """The compared sentences (corpus order), each person's covered ones among them, and the
    document of every sentence."""

    names: list[str]
    ids: list[int]
    covers: dict[str, set[int]]
    document_of: dict[int, int]
    assignments: bool
    complete: bool = False  # everybody covers every compared sentence (the usual case without assignments)
    _common: dict[tuple[str, str], list[int]] = field(default_factory=dict, compare=False, repr=False)
    _extents: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict, compare=False, repr=False)
    _whole: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _masks: dict[int, tuple[bool, ...]] = field(default_factory=dict, compare=False, repr=False)
    _rows: dict[tuple[tuple[bool, ...], str], tuple[str | None, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def common(self, a: str, b: str) -> list[int]:
        """The compared sentences both ``a`` and ``b`` cover, in corpus order."""
        key = (a, b)
        if key not in self._common:
            ca, cb = self.covers[a], self.covers[b]
            if len(ca) == len(cb) == len(self.ids):  # both cover everything compared
                self._common[key] = self.ids
            else:
                self._common[key] = [i for i in self.ids if i in ca and i in cb]
        return self._common[key]

    def mask(self, sentence_id: int) -> tuple[bool, ...]:
        """Whether each compared person (in ``names`` order) covers the sentence."""
        if self.complete:
            return self._everyone
        found = self._masks.get(sentence_id)
        if found is None:
            found = self._masks[sentence_id] = tuple(sentence_id in self.covers[n] for n in self.names)
        return found

    def filled(self, sentence_id: int, value: str) -> tuple[str | None, ...]:
        """``value`` from every person who covers the sentence, None from the others."""
        mask = self.mask(sentence_id)
        key = (mask, value)
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = tuple(value if m else None for m in mask)
        return found

    def raters(self, sentence_id: int) -> int:
        """How many compared people cover the sentence."""
        return len(self.names) if self.complete else sum(self.mask(sentence_id))

    @property
    def _everyone(self) -> tuple[bool, ...]:
        return (True,) * len(self.names)

    def pair_extent(self, a: str, b: str) -> dict[str, int]:
        """The documents and sentences ``a`` and ``b`` both cover (see :meth:`extent`)."""
        key = (a, b)
        if key not in self._extents:
            self._extents[key] = self.extent(self.common(a, b))
        return dict(self._extents[key])

    def extent(self, sentence_ids: Iterable[int]) -> dict[str, int]:
        """``{"documents": …, "sentences": …}`` of these (distinct) sentences."""
        if sentence_ids is self.ids:  # what the report's top level and every layer rest on
            if not self._whole:
                self._whole.update(self.extent(list(self.ids)))
            return dict(self._whole)
        sentences = set(sentence_ids)
        documents = set(map(self.document_of.__getitem__, sentences))
        return {"documents": len(documents), "sentences": len(sentences)}


def coverage(
    people: Sequence[tuple[str, int]],
    done: Mapping[str, set[int]],
    sentence_documents: Sequence[tuple[int, int]],
    assignees: Mapping[int, frozenset[int]],
    status: str,
) -> Coverage:
    """Who covers what (see the module docstring).

    ``people``: ``(name, id)`` of the compared people; ``done``: the sentences each marked done;
    ``sentence_documents``: ``(sentence id, document id)`` in corpus order; ``assignees``:
    document id → the people it is assigned to (empty: the project has no assignments).
    """
    document_of = dict(sentence_documents)
    everything = [sid for sid, _ in sentence_documents]
    covers: dict[str, set[int]] = {}
    for name, person in people:
        base = done[name] if status == "done" else set(everything)
        if assignees and name != GOLD:
            mine = {doc for doc, who in assignees.items() if person in who}
            base = {sid for sid in base if document_of.get(sid) in mine}
        covers[name] = base
    columns = list(covers.values())
    ids = [sid for sid in everything if sum(sid in c for c in columns) >= 2]
    wanted = set(ids)
    covered = {name: c & wanted for name, c in covers.items()}
    return Coverage(
        names=[name for name, _ in people],
        ids=ids,
        covers=covered,
        document_of=document_of,
        assignments=bool(assignees),
        complete=all(len(c) == len(ids) for c in covered.values()),
    )
