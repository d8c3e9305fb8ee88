"""What the annotation window reads: one sentence with one annotator's layer, navigation, progress
and search. Everything returns plain snapshots; nothing loads the whole corpus.

An annotator's *work* is the documents assigned to them once the project assigns documents (or
serves them from the pool, dynamic mode): their navigation, progress, search and document list
stay within it (:func:`work_scope`). Reviewers and managers, and everyone in a project without
assignments, see the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from annotator.core.model import Role
from annotator.core.records import AnnotatorInfo
from annotator.core.views import ArgumentView, EntityView, EventView, SentenceView
from annotator.services.assignment import pool_settings
from annotator.store import Project, Session, paging, reading, sentence_search
from annotator.store import assignments as assigned

__all__ = [
    "ArgumentView",
    "CorpusOrder",
    "EntityView",
    "EventView",
    "Navigator",
    "SentenceView",
    "load_sentence",
    "progress",
    "search",
    "work_scope",
]


def work_scope(project: Project, person: AnnotatorInfo, s: Session | None = None) -> int | None:
    """Whose assignments limit what ``person`` sees: their id when they are an annotator and the
    project assigns documents (or dynamic mode is on); None when they see every document."""
    if s is None:
        with project.reading() as own:
            return work_scope(project, person, own)
    if person.role != Role.ANNOTATOR.value:
        return None
    scoped = assigned.has_assignments(s) or pool_settings(project, s).dynamic
    return person.id if scoped else None


def load_sentence(project: Project, sentence_id: int, annotator_id: int) -> SentenceView:
    """Read one sentence with the annotator's layer (and nobody else's)."""
    with project.reading() as s:
        return reading.sentence_view(s, sentence_id, annotator_id)


PAGE = 64  # documents read at a time when stepping across documents without sentences


class CorpusOrder(Sequence[int]):
    """Every document's id by name, read from the database when asked (never all at once).

    It answers what a list of ids would (``len``, ``in``, ``[i]``, ``index``, iteration a page at a
    time), each with one indexed query; the navigator steps with :func:`paging.documents_from`.
    """

    def __init__(self, project: Project):
        self.project = project

    def __len__(self) -> int:
        with self.project.reading() as s:
            return paging.count_matching(s)

    def __contains__(self, document_id: object) -> bool:
        if not isinstance(document_id, int):
            return False
        with self.project.reading() as s:
            return paging.document_name(s, document_id) is not None

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):  # a few ids (tests, a glance at the start): one query each
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        with self.project.reading() as s:
            found = paging.document_at(s, index) if index >= 0 else None
        if found is None:
            raise IndexError(index)
        return found

    def __iter__(self) -> Iterator[int]:
        after: int | None = None
        while True:
            with self.project.reading() as s:
                page = paging.documents_from(s, after, +1, PAGE)
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1]

    def index(self, document_id: object, start: int = 0, stop: int | None = None) -> int:
        """The place of a document in corpus order; ValueError when it is not a document."""
        if isinstance(document_id, int):
            with self.project.reading() as s:
                row = paging.row_of(s, document_id)
            if row is not None and row >= start and (stop is None or row < stop):
                return row
        raise ValueError(f"{document_id} is not in the corpus")


class Navigator:
    """Sentence order across the corpus: documents by name, sentences by position.

    Holds, per visited document, its sentence ids: never the corpus text, and never every
    document id (the whole corpus is a :class:`CorpusOrder`, stepped through with indexed
    queries). ``assigned_to``: the corpus is the documents assigned to that person (see
    :func:`work_scope`); their ids are read once, as they were when the navigator was made.

    Progress: the corpus-wide done and total counts are counted once, then followed from the
    done counts of the documents read since (a status set in one changes only that document's).
    """

    def __init__(self, project: Project, assigned_to: int | None = None):
        self.project = project
        self.assigned_to = assigned_to
        self.documents: Sequence[int]
        if assigned_to is None:
            self.documents = CorpusOrder(project)
        else:
            with project.reading() as s:
                self.documents = reading.document_ids(s, assigned_to)
        self._sentences: dict[int, list[int]] = {}
        self._corpus: list[int] | None = None  # [done, total], counted at the first progress read
        self._done_in: dict[int, int] = {}  # document → its done count when last read
        self._stale: set[int] = set()  # documents whose done count may have changed since

    def sentences(self, document_id: int, s: Session | None = None) -> list[int]:
        """Sentence ids of a document in order (cached; read in ``s`` when given, else on its own)."""
        if document_id not in self._sentences:
            if s is None:
                with self.project.reading() as own:
                    self._sentences[document_id] = reading.sentence_ids(own, document_id)
            else:
                self._sentences[document_id] = reading.sentence_ids(s, document_id)
        return self._sentences[document_id]

    def forget(self, document_id: int) -> None:
        """Read a document's sentences again next time (a correction split or merged some); the
        corpus counts are counted again too."""
        self._sentences.pop(document_id, None)
        self._corpus = None
        self._done_in.clear()
        self._stale.clear()

    def _holds(self, document_id: int, s: Session | None) -> bool:
        if isinstance(self.documents, CorpusOrder):
            if s is None:
                return document_id in self.documents
            return paging.document_name(s, document_id) is not None
        return document_id in self.documents

    def _documents_from(self, after: int | None, delta: int, s: Session | None) -> Iterator[int]:
        """Document ids in corpus order after (``delta`` +1) or before (-1) ``after``, nearest first."""
        if not isinstance(self.documents, CorpusOrder):
            ids = list(self.documents)
            if after is None:
                yield from ids if delta > 0 else reversed(ids)
                return
            d = ids.index(after) + delta
            while 0 <= d < len(ids):
                yield ids[d]
                d += delta
            return
        if s is None:
            with self.project.reading() as own:
                yield from self._documents_from(after, delta, own)
            return
        while True:
            page = paging.documents_from(s, after, delta, PAGE)
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1]

    def first(self, s: Session | None = None) -> int | None:
        """The first sentence of the first document by name."""
        for doc in self._documents_from(None, +1, s):
            ids = self.sentences(doc, s)
            if ids:
                return ids[0]
        return None

    def locate(self, sentence_id: int, s: Session | None = None) -> tuple[int, int] | None:
        """``(document_id, index in document)`` of a sentence, or None if it is gone."""
        if s is None:
            with self.project.reading() as own:
                return self.locate(sentence_id, own)
        doc = reading.document_of(s, sentence_id)
        if doc is None or not self._holds(doc, s):
            return None
        ids = self.sentences(doc, s)
        return (doc, ids.index(sentence_id)) if sentence_id in ids else None

    def step(self, sentence_id: int, delta: int, s: Session | None = None) -> int | None:
        """The sentence ``delta`` (+1 or -1) away, crossing into the next or previous document."""
        where = self.locate(sentence_id, s)
        return self.first(s) if where is None else self.step_from(*where, delta, s)

    def step_from(self, document_id: int, index: int, delta: int, s: Session | None = None) -> int | None:
        """The sentence ``delta`` away from the ``index``-th of a document; no read when it is cached."""
        ids = self.sentences(document_id, s)
        if 0 <= index + delta < len(ids):
            return ids[index + delta]
        if not self._holds(document_id, s):
            return None
        for doc in self._documents_from(document_id, delta, s):
            ids = self.sentences(doc, s)
            if ids:
                return ids[0] if delta > 0 else ids[-1]
        return None

    def next_not_done(self, sentence_id: int, annotator_id: int, s: Session | None = None) -> int | None:
        """The next sentence (wrapping round the corpus) the annotator has not marked done."""
        if s is None:
            with self.project.reading() as own:
                return self.next_not_done(sentence_id, annotator_id, own)
        return reading.next_not_done(s, sentence_id, annotator_id, self.assigned_to)

    def progress(self, s: Session, annotator_id: int, document_id: int) -> Progress:
        """The annotator's progress in a document and in this navigator's corpus.

        A document's done count is read the first time and again after :meth:`statuses_changed`
        (its total is its sentence count); the corpus's counts are counted at the first call and
        then moved by the change in the done count of each document read again, which is where
        this window's statuses are set.
        """
        known = self._done_in.get(document_id)
        if known is None or document_id in self._stale:
            done, _ = paging.document_progress(s, annotator_id, document_id)
            self._stale.discard(document_id)
        else:
            done = known
        if self._corpus is None:
            self._corpus = list(paging.corpus_progress(s, annotator_id, self.assigned_to))
            self._done_in.clear()
        elif known is not None:
            self._corpus[0] += done - known
        self._done_in[document_id] = done
        return Progress(done, len(self.sentences(document_id, s)), *self._corpus)

    def statuses_changed(self) -> None:
        """A status was set (an edit with ``Changes.progress``): done counts are read again."""
        self._stale.update(self._done_in)


@dataclass(frozen=True)
class Progress:
    """Done and total sentences in the current document and in the corpus."""

    document_done: int
    document_total: int
    corpus_done: int
    corpus_total: int


def progress(
    project: Project, annotator_id: int, document_id: int, assigned_to: int | None = None
) -> Progress:
    """The annotator's progress in a document and in the corpus (their work, with ``assigned_to``)."""
    with project.reading() as s:
        document = paging.document_progress(s, annotator_id, document_id)
        return Progress(*document, *paging.corpus_progress(s, annotator_id, assigned_to))


def search(
    project: Project, query: str, limit: int = 200, assigned_to: int | None = None, after: int | None = None
) -> list[tuple[int, str, int, str]]:
    """Sentences containing ``query``, ignoring case in any script: id, document, ordinal, text, at
    most ``limit`` in corpus order, after the sentence ``after`` (the previous page's last hit) when
    given, only in the documents assigned to ``assigned_to`` when given."""
    with project.reading() as s:
        return sentence_search.search(s, query, limit, assigned_to, after)
