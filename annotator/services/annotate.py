"""What the annotation window reads: one sentence with one annotator's layer, navigation, progress
and search. Everything returns plain snapshots; nothing loads the whole corpus.

An annotator's *work* is the documents assigned to them once the project assigns documents (or
serves them from the pool, dynamic mode): their navigation, progress, search and document list
stay within it (:func:`work_scope`). Reviewers and managers, and everyone in a project without
assignments, see the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Role
from annotator.core.records import AnnotatorInfo
from annotator.core.views import ArgumentView, EntityView, EventView, SentenceView
from annotator.services.assignment import pool_settings
from annotator.store import Project, Session, reading, sentence_search
from annotator.store import assignments as assigned

__all__ = [
    "ArgumentView",
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


class Navigator:
    """Sentence order across the corpus: documents by name, sentences by position.

    Holds document ids and, per visited document, its sentence ids: never the corpus text.
    ``assigned_to``: the corpus is the documents assigned to that person (see :func:`work_scope`).
    """

    def __init__(self, project: Project, assigned_to: int | None = None):
        self.project = project
        self.assigned_to = assigned_to
        with project.reading() as s:
            self.documents = reading.document_ids(s, assigned_to)
        self._sentences: dict[int, list[int]] = {}

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
        """Read a document's sentences again next time (a correction split or merged some)."""
        self._sentences.pop(document_id, None)

    def first(self, s: Session | None = None) -> int | None:
        """The first sentence of the first document by name."""
        for doc in self.documents:
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
        if doc is None or doc not in self.documents:
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
        if document_id not in self.documents:
            return None
        d = self.documents.index(document_id) + delta
        while 0 <= d < len(self.documents):
            ids = self.sentences(self.documents[d], s)
            if ids:
                return ids[0] if delta > 0 else ids[-1]
            d += delta
        return None

    def next_not_done(self, sentence_id: int, annotator_id: int, s: Session | None = None) -> int | None:
        """The next sentence (wrapping round the corpus) the annotator has not marked done."""
        if s is None:
            with self.project.reading() as own:
                return self.next_not_done(sentence_id, annotator_id, own)
        return reading.next_not_done(s, sentence_id, annotator_id, self.assigned_to)

    def progress(self, s: Session, annotator_id: int, document_id: int) -> Progress:
        """The annotator's progress in a document and in this navigator's corpus."""
        return Progress(*reading.progress(s, annotator_id, document_id, self.assigned_to))


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
        return Progress(*reading.progress(s, annotator_id, document_id, assigned_to))


def search(
    project: Project, query: str, limit: int = 200, assigned_to: int | None = None, after: int | None = None
) -> list[tuple[int, str, int, str]]:
    """Sentences containing ``query``, ignoring case in any script: id, document, ordinal, text, at
    most ``limit`` in corpus order, after the sentence ``after`` (the previous page's last hit) when
    given, only in the documents assigned to ``assigned_to`` when given."""
    with project.reading() as s:
        return sentence_search.search(s, query, limit, assigned_to, after)
